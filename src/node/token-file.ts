/**
 * The token store of the command: a JSON file (`{ "version": 1, "tokens": [...] }`, see `TokenFile`) holding only
 * the tokens' SHA-256, written atomically (a temporary file beside it, then a rename) and read again whenever it
 * changed, so a revocation by `astreinte tokens revoke` reaches a running `astreinte serve` on its next request.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail, ValidationError } from '../errors.js';
import { parseTokenFile, type TokenFile, type TokenRecord, type TokenStore } from '../ical/tokens.js';

/**
 * Reads a token file through `io` (the disk by default); a file that does not exist is an empty one.
 *
 * @throws {@link index!ValidationError} naming the file.
 * @example const { tokens } = readTokenFile('tokens.json');
 */
export function readTokenFile(
  path: string,
  io: { readonly readFile: (path: string) => string } = { readFile: (p) => readFileSync(p, 'utf8') },
): TokenFile {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { version: 1, tokens: [] };
    return fail('token file', path, 'cannot be read', 'a readable JSON token file');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('token file', path, 'is not valid JSON', 'a JSON token file');
  }
  try {
    return parseTokenFile(json);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(error.issues.map((i) => ({ ...i, message: `${path}: ${i.message}` })));
    }
    throw error;
  }
}

/**
 * The token file's JSON text, as {@link writeTokenFile} writes it.
 *
 * @example tokenFileText([]) === '{\n  "version": 1,\n  "tokens": []\n}\n'
 */
export function tokenFileText(records: readonly TokenRecord[]): string {
  return `${JSON.stringify({ version: 1, tokens: records }, null, 2)}\n`;
}

/**
 * Writes a token file atomically: a temporary file in the same folder (mode 0600), then a rename over the target.
 *
 * @example writeTokenFile('tokens.json', [...readTokenFile('tokens.json').tokens, record]);
 */
export function writeTokenFile(path: string, records: readonly TokenRecord[]): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, tokenFileText(records), { flag: 'wx', mode: 0o600 });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * A {@link TokenStore} over a token file. Each request checks the file's identity (inode, size, mtime) and reads it
 * again when it changed; a file that cannot be read or checked makes `records()` throw (the handler answers 503
 * rather than miss a revocation).
 *
 * @example createFeedHandler({ tokens: jsonFileTokenStore('tokens.json'), source });
 */
export function jsonFileTokenStore(path: string): TokenStore {
  let seen: { readonly key: string; readonly records: readonly TokenRecord[] } | undefined;
  return {
    records() {
      let key: string;
      try {
        const s = statSync(path, { bigint: true });
        key = `${s.ino}:${s.size}:${s.mtimeNs}`;
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return [];
        throw error;
      }
      if (seen?.key === key) return seen.records;
      const records = readTokenFile(path).tokens;
      seen = { key, records };
      return records;
    },
  };
}
