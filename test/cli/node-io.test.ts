import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldersBetween, writeFilesAtomically } from '../../src/cli/node-io.js';

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
  it("walks from the folder mkdir created down to the file's folder, relative paths too", () => {
    expect(foldersBetween('/tmp/out', '/tmp/out/feeds/a')).toEqual([
      '/tmp/out',
      '/tmp/out/feeds',
      '/tmp/out/feeds/a',
    ]);
    expect(foldersBetween('x', 'x')).toEqual([resolve('x')]);
    expect(foldersBetween('x', 'x/y')).toEqual([resolve('x'), resolve('x/y')]);
  });

  it('creates missing folders, and removes them when the run fails', () => {
    const dir = folder();
    writeFilesAtomically(new Map([[join(dir, 'out', 'feeds', 'a.ics'), 'A']]));
    expect(readFileSync(join(dir, 'out', 'feeds', 'a.ics'), 'utf8')).toBe('A');
    const batch = new Map([
      [join(dir, 'new', 'deep', 'b.ics'), 'B'],
      [join(dir, 'out', 'feeds', 'a.ics', 'x'), 'C'], // a.ics is a file: cannot be a folder
    ]);
    expect(() => writeFilesAtomically(batch)).toThrow();
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect(readFileSync(join(dir, 'out', 'feeds', 'a.ics'), 'utf8')).toBe('A');
  });

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
      [join(dir, 'a.ics', 'x.ics'), 'new'], // a.ics is a file: no folder there
    ]);
    expect(() => writeFilesAtomically(batch)).toThrow(/ENOTDIR|EEXIST/);
    expect(readFileSync(join(dir, 'a.ics'), 'utf8')).toBe('old');
    expect(existsSync(join(dir, 'c.ics'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['a.ics']);
  });
});
