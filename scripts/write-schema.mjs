// Writes the JSON Schemas under schema/ from the zod schemas (see scripts/json-schema.ts).
//
// The generation lives in test/model/schema.test.ts (which also fails when the committed file is stale), so this
// script only runs that test in update mode: vitest compiles the TypeScript, and no build is needed first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const run = spawnSync(process.execPath, [vitest, 'run', 'test/model/schema.test.ts'], {
  cwd: root,
  env: { ...process.env, UPDATE_SCHEMA: '1' },
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
