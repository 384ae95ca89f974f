import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../../src/cli/node-io.js';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'astreinte-io-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeFilesAtomically', () => {
  it('writes every file, text and bytes, and leaves no temporary file', () => {
    const dir = folder();
    writeFileSync(join(dir, 'b.ics'), 'old');
    writeFilesAtomically(
      new Map<string, string | Uint8Array>([
        [join(dir, 'a.ics'), 'été\n'],
        [join(dir, 'b.ics'), new Uint8Array([0x41, 0x42])],
      ]),
    );
    expect(readFileSync(join(dir, 'a.ics'), 'utf8')).toBe('été\n');
    expect(readFileSync(join(dir, 'b.ics'), 'utf8')).toBe('AB');
    expect(readdirSync(dir).sort()).toEqual(['a.ics', 'b.ics']);
  });

  it('writes nothing when one file cannot be written, and keeps what was there', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.ics'), 'old');
    const batch = new Map([
      [join(dir, 'a.ics'), 'new'],
      [join(dir, 'c.ics'), 'new'],
      [join(dir, 'missing-folder', 'x.ics'), 'new'],
    ]);
    expect(() => writeFilesAtomically(batch)).toThrow(/ENOENT/);
    expect(readFileSync(join(dir, 'a.ics'), 'utf8')).toBe('old');
    expect(existsSync(join(dir, 'c.ics'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['a.ics']);
  });
});
