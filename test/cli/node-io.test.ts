import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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

  it('puts back the files that were there when a rename fails after others succeeded', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.ics'), 'old a');
    mkdirSync(join(dir, 'c.ics')); // a folder where the last file goes: its rename fails, after a's and b's
    writeFileSync(join(dir, 'c.ics', 'keep'), 'x');
    const batch = new Map([
      [join(dir, 'a.ics'), 'new a'],
      [join(dir, 'b.ics'), 'new b'],
      [join(dir, 'c.ics'), 'new c'],
    ]);
    expect(() => writeFilesAtomically(batch)).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readFileSync(join(dir, 'a.ics'), 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.ics', 'c.ics']); // no b.ics, no temporary or kept copy
    expect(readdirSync(join(dir, 'c.ics'))).toEqual(['keep']);
    writeFilesAtomically(new Map([[join(dir, 'a.ics'), 'new a']]));
    expect(readdirSync(dir).sort()).toEqual(['a.ics', 'c.ics']); // the kept copy is gone once all is written
  });
});
