/**
 * `--out <file>|-` means the same in every subcommand that prints one output: the bytes it would print, written
 * atomically to the file (nothing on standard output), `-` for standard output, and a failed write leaves no file
 * and exits 2 naming it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { example, run } from './in-memory.js';

const requests = readFileSync(new URL('../../examples/requests.json', import.meta.url), 'utf8');
const files = { 't.json': example, 'r.json': requests };
const NOW = ['--now', '2026-12-02T07:30'];
const RANGE = ['--from', '2026-12-07', '--to', '2026-12-14'];

const cases: readonly (readonly string[])[] = [
  ['coverage', 't.json', ...RANGE],
  ['rota', 't.json', ...RANGE, '--format', 'json'],
  ['match', 't.json', 'r.json', ...NOW],
  ['sla', 't.json', 'r.json', ...NOW, '--format', 'json'],
  ['sla', 'exposure', 't.json', ...RANGE],
];

describe('--out', () => {
  it.each(cases.map((c) => [c.slice(0, c[1] === 'exposure' ? 2 : 1).join(' '), c] as const))(
    '%s writes what it prints to the file, and - is standard output',
    async (_, argv) => {
      const printed = await run([...argv], files);
      expect(printed).toMatchObject({ code: 0, stderr: '' });
      expect(printed.stdout.length).toBeGreaterThan(100);

      const written = await run([...argv, '--out', 'out/result.txt'], files);
      expect(written).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect([...written.written.keys()]).toEqual(['out/result.txt']);
      expect(written.written.get('out/result.txt')).toBe(printed.stdout);

      const dash = await run([...argv, '--out', '-'], files);
      expect(dash.stdout).toBe(printed.stdout);
      expect(dash.written.size).toBe(0);

      const failed = await run([...argv, '--out', 'ro/result.txt'], files, undefined, {
        failWrites: ['ro/result.txt'],
      });
      expect(failed.code).toBe(2);
      expect(failed.stdout).toBe('');
      expect(failed.stderr).toContain('ro/result.txt');
      expect(failed.stderr).toContain('nothing was written');
      expect(failed.written.size).toBe(0);
    },
  );
});
