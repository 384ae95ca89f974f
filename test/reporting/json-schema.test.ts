/**
 * The JSON formats follow their published schemas (schema/coverage-report.schema.json,
 * schema/monthly-review.schema.json). The checker is the test's own, for the subset of JSON Schema those files use
 * (type, const, enum, pattern, minimum, properties, required, additionalProperties: false, items, min/maxItems,
 * oneOf, $ref to $defs).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Schema = Record<string, unknown>;

function check(value: unknown, schema: Schema, root: Schema, path: string, out: string[]): void {
  if (typeof schema.$ref === 'string') {
    const def = (root.$defs as Record<string, Schema>)[schema.$ref.replace('#/$defs/', '')]!;
    check(value, def, root, path, out);
    return;
  }
  if ('const' in schema && value !== schema.const) out.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${path}: not in enum`);
  if (Array.isArray(schema.oneOf)) {
    const ok = (schema.oneOf as Schema[]).filter((s) => {
      const sub: string[] = [];
      check(value, s, root, path, sub);
      return sub.length === 0;
    }).length;
    if (ok !== 1) out.push(`${path}: matches ${ok} of oneOf`);
  }
  const type = schema.type;
  if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return void out.push(`${path}: not an object`);
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[])
      if (!(key in value)) out.push(`${path}.${key}: missing`);
    for (const [key, v] of Object.entries(value)) {
      if (props[key]) check(v, props[key], root, `${path}.${key}`, out);
      else if (schema.additionalProperties === false) out.push(`${path}.${key}: not in the schema`);
    }
  } else if (type === 'array') {
    if (!Array.isArray(value)) return void out.push(`${path}: not an array`);
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) out.push(`${path}: too short`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) out.push(`${path}: too long`);
    if (schema.items)
      for (const [i, v] of value.entries()) check(v, schema.items as Schema, root, `${path}[${i}]`, out);
  } else if (type === 'string') {
    if (typeof value !== 'string') out.push(`${path}: not a string`);
    else if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value))
      out.push(`${path}: pattern`);
  } else if (type === 'number' || type === 'integer') {
    if (typeof value !== 'number' || (type === 'integer' && !Number.isInteger(value)))
      out.push(`${path}: not a ${type}`);
    else if (typeof schema.minimum === 'number' && value < schema.minimum) out.push(`${path}: below minimum`);
  } else if (type === 'boolean' && typeof value !== 'boolean') out.push(`${path}: not a boolean`);
}

function problems(file: string, golden: string): string[] {
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Schema;
  const out: string[] = [];
  check(JSON.parse(readFileSync(golden, 'utf8')), schema, schema, '$', out);
  return out;
}

describe('published JSON schemas', () => {
  it('the coverage report JSON of the example team follows schema/coverage-report.schema.json', () => {
    expect(problems('schema/coverage-report.schema.json', 'test/reporting/golden/coverage.json')).toEqual([]);
  });
  it('the monthly review JSON follows schema/monthly-review.schema.json', () => {
    expect(problems('schema/monthly-review.schema.json', 'test/reporting/golden/monthly.json')).toEqual([]);
  });
  it('the checker does reject a wrong document', () => {
    const schema = JSON.parse(readFileSync('schema/monthly-review.schema.json', 'utf8')) as Schema;
    const doc = JSON.parse(readFileSync('test/reporting/golden/monthly.json', 'utf8'));
    doc.doorChannel.total = 'three';
    doc.extra = 1;
    const out: string[] = [];
    check(doc, schema, schema, '$', out);
    expect(out).toEqual(['$.doorChannel.total: matches 0 of oneOf', '$.extra: not in the schema']);
  });
});
