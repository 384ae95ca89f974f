/**
 * JSON Schemas of the files astreinte reads, generated from their zod schemas at build time (`npm run schema`;
 * `test/model/schema.test.ts` fails when a committed file is stale). Kept out of `src/` so that zod's JSON Schema
 * generator never reaches a runtime bundle.
 *
 * @module
 */
import * as z from 'zod/mini';
import { REQUESTS_SCHEMA_ID, requestFileSchema } from '../src/model/requests-schema.js';
import { TEAM_SCHEMA_ID, teamFileSchema } from '../src/model/schema.js';

/** One generated schema: where it is committed, and its content. */
export interface GeneratedSchema {
  /** Path in the repository, e.g. `schema/team.schema.json`. */
  readonly file: string;
  readonly schema: Record<string, unknown>;
}

/** Draft 2020-12 JSON Schema of an input shape, with its `$id` right after `$schema`. */
function jsonSchemaOf(shape: z.ZodMiniType, id: string): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(shape, { io: 'input', target: 'draft-2020-12' });
  return { $schema, $id: id, ...rest };
}

/**
 * Every JSON Schema the package ships, as committed under `schema/`.
 *
 * @example
 * ```ts
 * for (const { file, schema } of generatedSchemas()) writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
 * ```
 */
export function generatedSchemas(): GeneratedSchema[] {
  return [
    { file: 'schema/team.schema.json', schema: jsonSchemaOf(teamFileSchema, TEAM_SCHEMA_ID) },
    { file: 'schema/requests.schema.json', schema: jsonSchemaOf(requestFileSchema, REQUESTS_SCHEMA_ID) },
  ];
}
