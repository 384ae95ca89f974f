// The command as a user runs it: a child process of the bundled command (built here from src/cli/main.ts with
// esbuild, as tsup builds dist/cli.js), on the repository's example files and on bad ones. Exit codes, --help,
// JSON contracts, no stack trace, and no file left behind by a failed run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';

let dir: string;
let cli: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'astreinte-cli-'));
  cli = join(dir, 'cli.mjs');
  await build({
    entryPoints: ['src/cli/main.ts'],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { __ASTREINTE_VERSION__: '"0.0.0-test"' },
    // Bundled CommonJS dependencies call require(): give the ES module one.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command in the repository's root with a pipe for stdout and stderr (no terminal: no colour). */
function astreinte(...args: string[]) {
  const out = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Kolkata' },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('astreinte, as a child process', () => {
  it('prints --help for every subcommand, --version, and the list of commands', () => {
    for (const command of COMMANDS) {
      const out = astreinte(...command.name.split(' '), '--help');
      expect(out.code, command.name).toBe(0);
      expect(out.stdout).toContain(`Usage: ${command.usage}`);
      expect(out.stdout).toContain('Example:');
    }
    expect(astreinte('--version')).toMatchObject({ code: 0, stdout: '0.0.0-test\n' });
    const help = astreinte('--help');
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.stdout).toContain(`  ${command.name} `);
  });

  it('prints the JSON contracts on the example files', () => {
    const team = 'examples/ca-va-patron.json';
    const coverage = astreinte(
      'coverage',
      team,
      '--from',
      '2026-12-01',
      '--to',
      '2026-12-08',
      '--format',
      'json',
    );
    expect(coverage.code).toBe(0);
    expect(Object.keys(JSON.parse(coverage.stdout))).toEqual(
      expect.arrayContaining(['team', 'timeZone', 'from', 'to', 'stats', 'gaps', 'coaches', 'hourOfWeek']),
    );
    const rota = astreinte('rota', team, '--from', '2026-12-07', '--to', '2026-12-14', '--format=json');
    expect(rota.code).toBe(0);
    expect(JSON.parse(rota.stdout).shifts.length).toBeGreaterThan(0);
    const match = astreinte(
      'match',
      team,
      'examples/requests.json',
      '--now',
      '2026-12-02T07:30',
      '--format',
      'json',
    );
    expect(match.code).toBe(0);
    const plan = JSON.parse(match.stdout);
    expect(plan.placed.length + plan.notPlaced.length).toBe(13);
    expect(JSON.parse(astreinte('schema', 'team').stdout).title).toBe('astreinte team file');
    expect(astreinte('validate', 'examples/month.json', '--team', team)).toMatchObject({
      code: 0,
      stderr: '',
    });
  });

  it('lists every problem of bad input with exit 2 and no stack trace', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'B', timeZone: 'Mars/Olympus', coaches: [{ id: '' }] }));
    for (const args of [
      ['validate', bad],
      ['coverage', bad],
      ['rota', 'examples/ca-va-patron.json', '--from', '2026-13-01'],
      ['match', 'examples/ca-va-patron.json', bad],
      ['coverage', 'examples/ca-va-patron.json', '--frobnicate'],
      ['frobnicate'],
      ['schema', 'pizza'],
    ]) {
      const out = astreinte(...args);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/^astreinte: /);
      noStack(out.stderr);
    }
    expect(astreinte('validate', bad).stderr).toContain('timeZone: "Mars/Olympus" is not a known time zone');
  });

  it('writes the demo\u2019s files, and leaves none when a run fails', () => {
    const out = join(dir, 'demo');
    const ok = astreinte('demo', '--out', out);
    expect(ok.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'coverage-report.html',
      'coverage.json',
      'feeds',
      'monthly-review-2026-12.html',
      'plan.json',
      'rota.json',
      'sla.json',
    ]);
    expect(ok.stdout).toContain(`Wrote 15 files to ${out}:`);
    expect(readdirSync(join(out, 'feeds'))).toHaveLength(9);
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const failed = astreinte('demo', '--out', join(blocker, 'demo'));
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('cannot be written');
    noStack(failed.stderr);
    expect(existsSync(join(blocker, 'demo'))).toBe(false);
    const schemas = astreinte('schema', '--out', join(dir, 'new', 'schemas'));
    expect(schemas.code).toBe(0);
    expect(readdirSync(join(dir, 'new', 'schemas')).sort()).toEqual(
      [
        'bookings',
        'feeds-state',
        'matching-policy',
        'overrides',
        'requests',
        'rota-policy',
        'rota',
        'team',
        'tokens',
      ].map((name) => `${name}.schema.json`),
    );
  });
});
