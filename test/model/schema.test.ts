import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedSchemas } from '../../scripts/json-schema.js';
import { TEAM_SCHEMA_ID, teamFileSchema } from '../../src/model/schema.js';
import { briefTeam } from '../support/brief-team.js';

// The committed JSON Schemas are generated from the zod schemas: this test keeps them in step, and writes the files
// instead of comparing when run with UPDATE_SCHEMA=1 (`npm run schema`).
const root = fileURLToPath(new URL('../../', import.meta.url));
const schemas = generatedSchemas();
const teamJsonSchema = () => schemas.find((s) => s.file === 'schema/team.schema.json')?.schema ?? {};

const example = briefTeam();

describe.each(schemas)('$file', ({ file, schema }) => {
  const generated = `${JSON.stringify(schema, null, 2)}\n`;

  it('matches the committed file', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(root + file, generated);
    expect(existsSync(root + file), 'run npm run schema').toBe(true);
    expect(readFileSync(root + file, 'utf8')).toBe(generated);
  });

  it('names itself and describes every property, for editors', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof schema.title).toBe('string');
    const undescribed: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) {
        for (const [i, n] of node.entries()) visit(n, `${where}[${i}]`);
      } else if (typeof node === 'object' && node !== null) {
        const properties = (node as { properties?: Record<string, { description?: string }> }).properties;
        for (const [key, value] of Object.entries(properties ?? {}))
          if (typeof value.description !== 'string') undescribed.push(`${where}.${key}`);
        for (const [key, value] of Object.entries(node)) visit(value, `${where}.${key}`);
      }
    };
    visit(schema, '');
    expect(undescribed).toEqual([]);
  });
});

describe('team JSON Schema', () => {
  it('names itself', () => {
    const schema = teamJsonSchema();
    expect(schema.$id).toBe(TEAM_SCHEMA_ID);
    expect(schema.title).toBe('astreinte team file');
  });

  it('gives editors the patterns of times and dates', () => {
    const text = JSON.stringify(teamJsonSchema());
    expect(text).toContain('"pattern":"^(?:(?:[01]\\\\d|2[0-3]):[0-5]\\\\d|24:00)$"');
    expect(text).toContain('"pattern":"^\\\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\\\d|3[01])$"');
  });

  it('accepts the example team file as a shape, with the required keys present', () => {
    expect(teamFileSchema.safeParse(example).success).toBe(true);
    const schema = teamJsonSchema() as { required: string[] };
    for (const key of schema.required) expect(example).toHaveProperty(key);
  });
});
