import type { ReadFile } from '../../src/node/files.js';

/**
 * An `io` for the file readers of `src/node/files.ts` whose only file, `f.json`, holds `json` as JSON text; any
 * other path does not exist (`ENOENT`).
 */
export const oneFile = (json: unknown): { readonly readFile: ReadFile } => ({
  readFile: (path) => {
    if (path !== 'f.json') throw Object.assign(new Error(`no ${path}`), { code: 'ENOENT' });
    return JSON.stringify(json);
  },
});
