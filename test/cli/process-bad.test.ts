// Bad input to every subcommand that reads a file, as a child process: exit 2, nothing on standard output, standard
// error starting `astreinte: ` with every problem and its path, never a stack trace (not under --debug either: bad
// input is not a failure of astreinte). And a failed run leaves no file: the folder it was to write into is, byte
// for byte, as it was, and an output file that was there is untouched.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { expectRefused, ROOT, runCli, tree, useCli } from './child.js';

const TEAM = 'examples/ca-va-patron.json';
const REQUESTS = 'examples/requests.json';
const NOW = ['--now', '2026-12-02T07:30'];
const MONTH = ['--month', '2026-12', ...NOW];
const INTAKE = ['--received-at', '2026-12-01T19:00', '--text', 'demain 14h-16h'];

const at = useCli('astreinte-bad-');
/** Broken files, each with two problems. */
const bad = { team: '', requests: '', rotaPolicy: '', matchingPolicy: '', tokens: '' };
const astreinte = (...args: string[]) => runCli(at.cli, args);

beforeAll(() => {
  const write = (name: string, value: unknown) => {
    const path = join(at.dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };
  bad.team = write('team.json', {
    name: 'Broken',
    timeZone: 'Mars/Olympus',
    coaches: [{ id: '', name: 'X', availability: [] }],
  });
  const requests = JSON.parse(readFileSync(REQUESTS, 'utf8'));
  requests[0].receivedAt = 'yesterday';
  requests[2].door = 'window';
  bad.requests = write('requests.json', requests);
  bad.rotaPolicy = write('rota-policy.json', { layers: 0, minShiftMinutes: 'x' });
  bad.matchingPolicy = write('matching-policy.json', { bufferMinutes: -5, maxCallsPerDay: 0 });
  bad.tokens = write('tokens.json', { tokens: 'none' });
});

/** Refused, `2 problems:`, each problem on its own line, with the file's path first. */
function expectBoth(args: string[], file: string, problems: readonly [string, string]): void {
  const out = astreinte(...args);
  expectRefused(out, args.join(' '));
  expect(out.stderr.split('\n')[0], args.join(' ')).toBe('astreinte: 2 problems:');
  for (const problem of problems) expect(out.stderr, args.join(' ')).toContain(`\n  - ${file}: ${problem}`);
}

describe('bad input, as a child process', () => {
  it('a broken team file: every subcommand that reads one lists both problems', () => {
    const problems = [
      'timeZone: "Mars/Olympus" is not a known time zone',
      'coaches[0].id: "" is not a coach id',
    ] as const;
    for (const args of [
      ['validate', bad.team],
      ['coverage', bad.team],
      ['rota', bad.team],
      ['intake', bad.team, ...INTAKE],
      ['match', bad.team, REQUESTS, ...NOW],
      ['sla', bad.team, REQUESTS, ...NOW],
      ['sla', 'exposure', bad.team],
      ['report', 'coverage', bad.team],
      ['report', 'monthly', bad.team, REQUESTS, ...MONTH],
      ['feeds', bad.team, REQUESTS, ...NOW, '--out', join(at.dir, 'feeds')],
      ['serve', bad.team, REQUESTS, '--tokens', join(at.dir, 'no-tokens.json'), '--port', '0'],
    ]) {
      expectBoth(args, bad.team, problems);
    }
  });

  it('a broken request file, a broken policy, a broken token file: both problems each time', () => {
    const cases: [file: string, problems: readonly [string, string], runs: string[][]][] = [
      [
        bad.requests,
        ['requests[0].receivedAt: "yesterday" is not an instant', 'requests[2].door: "window" is not a door'],
        [
          ['validate', bad.requests, '--team', TEAM],
          ['match', TEAM, bad.requests, ...NOW],
          ['sla', TEAM, bad.requests, ...NOW],
          ['report', 'monthly', TEAM, bad.requests, ...MONTH],
          ['feeds', TEAM, bad.requests, ...NOW, '--out', join(at.dir, 'feeds')],
          ['serve', TEAM, bad.requests, '--tokens', join(at.dir, 'no-tokens.json'), '--port', '0'],
        ],
      ],
      [
        bad.rotaPolicy,
        ['policy.layers: 0 is not a list of layers', 'policy.minShiftMinutes: "x" is out of range'],
        [
          ['validate', bad.rotaPolicy, '--kind', 'rota-policy'],
          ['rota', TEAM, '--policy', bad.rotaPolicy],
          ['report', 'coverage', TEAM, '--policy', bad.rotaPolicy],
          ['report', 'monthly', TEAM, REQUESTS, ...MONTH, '--policy', bad.rotaPolicy],
        ],
      ],
      [
        bad.matchingPolicy,
        ['policy.bufferMinutes: -5 is out of range', 'policy.maxCallsPerDay: 0 is out of range'],
        [
          ['validate', bad.matchingPolicy, '--kind', 'matching-policy'],
          ['match', TEAM, REQUESTS, ...NOW, '--policy', bad.matchingPolicy],
          ['sla', TEAM, REQUESTS, ...NOW, '--policy', bad.matchingPolicy],
        ],
      ],
      [
        bad.tokens,
        ['version: is missing', 'tokens: "none" is not a list'],
        [
          ['tokens', 'issue', bad.tokens, '--team'],
          ['tokens', 'revoke', bad.tokens, '--team'],
          ['serve', TEAM, '--tokens', bad.tokens, '--port', '0'],
        ],
      ],
    ];
    for (const [file, problems, runs] of cases) for (const args of runs) expectBoth(args, file, problems);
  });

  it('a missing file is named, with what was expected', () => {
    const missing = join(at.dir, 'missing.json');
    for (const [args, kind] of [
      [['validate', missing], 'team'],
      [['coverage', missing], 'team'],
      [['rota', missing], 'team'],
      [['intake', missing, ...INTAKE], 'team'],
      [['sla', 'exposure', missing], 'team'],
      [['report', 'coverage', missing], 'team'],
      [['match', TEAM, missing, ...NOW], 'request'],
      [['sla', TEAM, missing, ...NOW], 'request'],
      [['report', 'monthly', TEAM, missing, ...MONTH], 'request'],
      [['feeds', TEAM, missing, ...NOW, '--out', join(at.dir, 'feeds')], 'request'],
      [['serve', TEAM, missing, '--tokens', join(at.dir, 'no-tokens.json'), '--port', '0'], 'request'],
    ] as const) {
      const out = astreinte(...args);
      expectRefused(out, args.join(' '));
      expect(out.stderr).toBe(
        `astreinte: a problem:\n  - ${kind} file: "${missing}" does not exist (expected a readable JSON ${kind} file)\n`,
      );
    }
  });

  it('a bad --now, --from, --to, --month or --received-at is named with its value', () => {
    for (const [args, problem] of [
      [['match', TEAM, REQUESTS, '--now', 'yesterday'], '--now: "yesterday" is not an instant'],
      [['sla', TEAM, REQUESTS, '--now', '2026-12-02'], '--now: "2026-12-02" is not an instant'],
      [['feeds', TEAM, '--now', '12:00', '--out', join(at.dir, 'feeds')], '--now: "12:00" is not an instant'],
      [
        ['report', 'monthly', TEAM, REQUESTS, '--month', '2026-12', '--now', 'x'],
        '--now: "x" is not an instant',
      ],
      [
        ['intake', TEAM, '--received-at', 'soon', '--text', 'demain'],
        '--received-at: "soon" is not an instant',
      ],
      [['coverage', TEAM, '--from', '2026-02-30'], '--from: "2026-02-30" is not a date'],
      [['rota', TEAM, '--from', '2026-13-01'], '--from: "2026-13-01" is not a date'],
      [
        ['sla', 'exposure', TEAM, '--from', '2026-12-08', '--to', '2026-12-01'],
        '--to: "2026-12-01" is not after --from',
      ],
      [['report', 'coverage', TEAM, '--to', 'tomorrow'], '--to: "tomorrow" is not a date'],
      [
        ['feeds', TEAM, ...NOW, '--from', '1.12.2026', '--out', join(at.dir, 'feeds')],
        '--from: "1.12.2026" is not a date',
      ],
      [['report', 'monthly', TEAM, REQUESTS, '--month', '2026-13'], '--month: "2026-13" is not a month'],
    ] as const) {
      const out = astreinte(...args);
      expectRefused(out, args.join(' '));
      expect(out.stderr).toMatch(
        new RegExp(`^astreinte: a problem:\\n {2}- ${literal(problem)} \\(expected .+\\)\\n$`),
      );
    }
  });

  it('an unknown option, on every subcommand: the usage and the hint, the same under --debug', () => {
    for (const command of COMMANDS) {
      const args = [...command.name.split(' '), '--frobnicate'];
      const out = astreinte(...args);
      expectRefused(out, args.join(' '));
      expect(out.stderr).toBe(
        `astreinte: unknown option "--frobnicate" for ${command.name}\n\nUsage: ${command.usage}\n` +
          `Run "astreinte ${command.name} --help" for more.\n`,
      );
      // --debug shows the stack of an unexpected failure only: a usage error reads the same.
      if (['coverage', 'sla exposure', 'tokens issue'].includes(command.name)) {
        expect(astreinte(...args, '--debug')).toEqual(out);
      }
    }
    // A broken file under --debug: the same problems, still no stack (bad input is not astreinte's failure).
    expect(astreinte('coverage', bad.team, '--debug')).toEqual(astreinte('coverage', bad.team));
  });

  it('a standard output that cannot be written (a full disk): one line, exit 2, no stack', () => {
    const full = openSync('/dev/full', 'w'); // Linux's device that is always full: every write fails ENOSPC
    try {
      const out = spawnSync(process.execPath, [at.cli, 'coverage', TEAM, '--from', '2026-12-01'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', full, 'pipe'],
      });
      expect([out.status, out.stderr]).toEqual([
        2,
        'astreinte: standard output cannot be written (ENOSPC); what it shows is incomplete\n',
      ]);
    } finally {
      closeSync(full);
    }
  });

  it('a port already taken is bad input (exit 2, the address named), not a failure to report', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const out = astreinte(
        'serve',
        TEAM,
        '--tokens',
        join(at.dir, 'no-tokens.json'),
        '--port',
        String(port),
      );
      expectRefused(out, 'serve on a taken port');
      expect(out.stderr).toContain(`"127.0.0.1:${port}" cannot be listened on (EADDRINUSE)`);
      expect(out.stderr).not.toContain('bug');
    } finally {
      taken.close();
    }
  });
});

/** `text` as a literal in a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('a failed run leaves no file, as a child process', () => {
  /** Every subcommand with --out, a run of it that writes `target`, and the same run on a broken team file. */
  const runs = (target: string, team = TEAM): string[][] => [
    ['coverage', team, '--out', target],
    ['rota', team, '--out', target],
    ['match', team, REQUESTS, ...NOW, '--out', target],
    ['sla', team, REQUESTS, ...NOW, '--out', target],
    ['sla', 'exposure', team, '--out', target],
    ['report', 'coverage', team, '--out', target],
    ['report', 'monthly', team, REQUESTS, ...MONTH, '--out', target],
    ['feeds', team, REQUESTS, ...NOW, '--out', target],
  ];

  it('bad input: the folder is as it was, and the file that was there untouched', () => {
    const out = join(at.dir, 'out-bad');
    mkdirSync(out);
    const old = join(out, 'old.txt');
    writeFileSync(old, 'written before\n');
    const before = tree(out);
    for (const args of [
      ...runs(old, bad.team),
      ...runs(join(out, 'new', 'file.txt'), bad.team),
      ['schema', 'pizza', '--out', out],
      ['demo', '--out', join(out, 'demo'), '--lang', 'de'],
    ]) {
      expectRefused(astreinte(...args), args.join(' '));
      expect(tree(out), args.join(' ')).toEqual(before);
    }
  });

  it('a target that cannot be written (under a regular file): exit 2, nothing written', () => {
    const out = join(at.dir, 'out-blocked');
    mkdirSync(out);
    const blocker = join(out, 'blocker');
    writeFileSync(blocker, 'a file, not a folder\n');
    const before = tree(out);
    for (const args of [
      ...runs(join(blocker, 'file')),
      ['schema', '--out', join(blocker, 'schemas')],
      ['demo', '--out', join(blocker, 'demo')],
    ]) {
      const run = astreinte(...args);
      expectRefused(run, args.join(' '));
      expect(run.stderr, args.join(' ')).toMatch(/cannot be written \(ENOTDIR\); nothing was written/);
      expect(tree(out), args.join(' ')).toEqual(before);
    }
  });

  it('a run of many files that fails on the last one leaves the earlier ones as they were', () => {
    // The feeds of a folder published before; gaps.ics is now a folder, so its rename fails after the coaches'.
    const out = join(at.dir, 'out-feeds');
    mkdirSync(join(out, 'gaps.ics'), { recursive: true });
    writeFileSync(join(out, 'gaps.ics', 'keep'), 'x');
    writeFileSync(join(out, 'amelie.ics'), 'published before\n');
    const before = tree(out);
    const run = astreinte('feeds', TEAM, REQUESTS, ...NOW, '--out', out);
    expectRefused(run, 'feeds onto a folder');
    expect(run.stderr).toContain(`"${out}/gaps.ics" cannot be written (EISDIR); nothing was written`);
    expect(tree(out)).toEqual(before);
  });
});
