// `npm run demo` as a newcomer runs it: on a fresh clone of the repository (what is committed, nothing built), with
// the installed node_modules linked in to spare an `npm ci`. The script builds with tsup, then tells the story and
// names the files it wrote: every one of them must be there, and nothing else.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, STACK_LINE, tree } from './child.js';

const dir = mkdtempSync(join(tmpdir(), 'astreinte-clone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run demo on a fresh clone', () => {
  // The build takes about 20 s on an idle machine and 60 s on a loaded one (measured): room for both.
  it('writes every file its output names, under the folder it names', () => {
    const clone = join(dir, 'astreinte');
    const cloned = spawnSync('git', ['clone', '-q', ROOT, clone], { encoding: 'utf8' });
    expect(cloned.status, cloned.stderr).toBe(0);
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));

    const demo = spawnSync('npm', ['run', 'demo'], {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Pacific/Chatham' },
      timeout: 170_000,
    });
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stderr).not.toMatch(STACK_LINE);
    const lines = demo.stdout.split('\n');
    const head = lines.findIndex((line) => /^Wrote \d+ files to .+:$/.test(line));
    expect(head, demo.stdout).toBeGreaterThan(0);
    const [, count, folder] = /^Wrote (\d+) files to (.+):$/.exec(lines[head] as string) ?? [];
    expect(folder).toBe('astreinte-demo'); // a fresh clone has none yet: the default name itself
    const named = lines.slice(head + 1).filter((line) => line !== '');
    expect(named).toHaveLength(Number(count));
    for (const line of named) expect(line).toMatch(new RegExp(`^ {2}${folder}/`));

    // Exactly the files named, each with content of its kind.
    const written = tree(join(clone, folder as string));
    const files = [...written.keys()].filter((path) => !path.endsWith('/'));
    expect(files.sort()).toEqual(named.map((line) => line.slice(`  ${folder}/`.length)).sort());
    for (const file of files) {
      const text = readFileSync(join(clone, folder as string, file), 'utf8');
      if (file.endsWith('.json')) expect(() => JSON.parse(text), file).not.toThrow();
      if (file.endsWith('.html')) expect(text, file).toMatch(/^<!DOCTYPE html>/);
      if (file.endsWith('.ics')) expect(text, file).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    }
    expect(files.filter((f) => f.endsWith('.ics'))).toHaveLength(9);
  }, 180_000);
});
