/**
 * Long subcommands show their stage on standard error when it is a terminal, and nothing otherwise; the line is
 * cleared before the output and before an error; standard output is the same bytes either way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { example, run } from './in-memory.js';

const CLEAR = '\r\u001b[2K';
const requests = readFileSync(new URL('../../examples/requests.json', import.meta.url), 'utf8');
const files = { 't.json': example, 'r.json': requests };
const RANGE = ['--from', '2026-12-07', '--to', '2026-12-14'];

const cases: readonly [string, readonly string[], string][] = [
  ['coverage', ['coverage', 't.json', ...RANGE], 'computing coverage'],
  ['rota', ['rota', 't.json', ...RANGE], 'generating the rota'],
  ['match', ['match', 't.json', 'r.json', '--now', '2026-12-02T07:30'], 'planning the callbacks'],
  ['sla', ['sla', 't.json', 'r.json', '--now', '2026-12-02T07:30'], 'judging every request'],
  ['report coverage', ['report', 'coverage', 't.json', ...RANGE], 'coverage, rota and what would help'],
  ['feeds', ['feeds', 't.json', 'r.json', '--now', '2026-12-02T07:30', '--out', 'o'], 'writing the feeds'],
  ['report monthly', ['report', 'monthly', 't.json', 'r.json', '--month', '2026-12'], 'building the review'],
];

describe('progress on standard error', () => {
  it.each(cases)(
    '%s: a stage line on a terminal, cleared before the output; nothing in a pipe',
    async (_, argv, stage) => {
      const pipe = await run([...argv], files, undefined, { isTTY: false });
      const tty = await run([...argv], files, undefined, { isTTY: true });
      expect(pipe).toMatchObject({ code: 0, stderr: '' });
      expect(tty.code).toBe(0);
      expect(tty.stdout).toBe(pipe.stdout);
      expect(tty.stderr).toContain(`${CLEAR}astreinte: ${stage}\u2026`);
      expect(tty.stderr.endsWith(CLEAR)).toBe(true);
    },
  );

  it('clears the line before an error, so the error starts a clean line', async () => {
    const out = await run(
      ['rota', 't.json', ...RANGE, '--overrides', 'o.json'],
      { ...files, 'o.json': '[{}]' },
      undefined,
      {
        isTTY: true,
      },
    );
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`\u2026${CLEAR}astreinte: 4 problems:`);
  });
});
