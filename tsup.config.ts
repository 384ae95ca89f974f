import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// Two builds: the library's entries (ESM + CJS) and the command (ESM only, Node). The library's entries are built
// together with code splitting, so `astreinte/node` shares the core's modules (one `ValidationError` class, so
// `instanceof` holds across entries) instead of carrying a copy. `astreinte` itself is browser-safe; `npm test`
// bundles it for the browser with no Node polyfills (scripts/bundle-size.mjs).
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      node: 'src/node/index.ts',
      reports: 'src/reporting/index.ts',
      ical: 'src/ical/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: true,
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    define: { __ASTREINTE_VERSION__: JSON.stringify(version) },
  },
]);
