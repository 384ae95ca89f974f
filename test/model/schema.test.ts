import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEAM_SCHEMA_ID, teamFileSchema, teamJsonSchema } from '../../src/model/schema.js';
import { briefTeam } from '../support/brief-team.js';

// The committed JSON Schema is generated from the zod schema: this test keeps the two in step, and writes the file
// instead of comparing when run with UPDATE_SCHEMA=1 (`UPDATE_SCHEMA=1 npx vitest run test/model/schema.test.ts`).
const schemaFile = fileURLToPath(new URL('../../schema/team.schema.json', import.meta.url));
const generated = `${JSON.stringify(teamJsonSchema(), null, 2)}\n`;

const example = briefTeam();

describe('team JSON Schema', () => {
  it('matches the committed schema/team.schema.json', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(schemaFile, generated);
    expect(existsSync(schemaFile), 'run UPDATE_SCHEMA=1 npx vitest run test/model/schema.test.ts').toBe(true);
    expect(readFileSync(schemaFile, 'utf8')).toBe(generated);
  });

  it('names itself and describes every property, for editors', () => {
    const schema = teamJsonSchema();
    expect(schema.$id).toBe(TEAM_SCHEMA_ID);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('astreinte team file');
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
