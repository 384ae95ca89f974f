import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { coverageCommand } from '../../src/cli/commands/coverage.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { parseCommandLine } from '../../src/cli/run.js';
import { example, run, tinyTeam } from './in-memory.js';

describe('astreinte coverage', () => {
  it('prints the JSON contract with offsets in local time', async () => {
    // Mon 2026-11-30 to Mon 2026-12-07: one Monday 09-17 covered.
    const out = await run(
      ['coverage', 't.json', '--from', '2026-11-30', '--to', '2026-12-07', '--format', 'json'],
      {
        't.json': tinyTeam,
      },
    );
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['team', 'timeZone', 'from', 'to', 'minCoaches', 'stats', 'gaps', 'coaches']),
    );
    expect(json.from).toBe('2026-11-30T00:00:00+01:00');
    expect(json.to).toBe('2026-12-07T00:00:00+01:00');
    expect(json.stats).toEqual({
      horizonMinutes: 10_080,
      coveredMinutes: 480,
      gapMinutes: 9600,
      fragileMinutes: 480,
      coverageRatio: 0.047619,
      longestGapMinutes: 9600 - 540,
    });
    expect(json.gaps).toEqual([
      { start: '2026-11-30T00:00:00+01:00', end: '2026-11-30T09:00:00+01:00', minutes: 540, available: 0 },
      { start: '2026-11-30T17:00:00+01:00', end: '2026-12-07T00:00:00+01:00', minutes: 9060, available: 0 },
    ]);
    expect(json.coaches).toEqual([
      { id: 'a', availableMinutes: 480, gapMinutesIfAbsent: 10_080, extraGapMinutesIfAbsent: 480 },
    ]);
    expect(json.hourOfWeek).toHaveLength(168);
  });

  it('--fail-on-gaps exits 1 on a gap, after printing, and 0 where a coach is always free', async () => {
    const week = ['--from', '2026-11-30', '--to', '2026-12-07', '--fail-on-gaps'];
    const gaps = await run(['coverage', 't.json', ...week], { 't.json': tinyTeam });
    expect(gaps.code).toBe(1);
    expect(gaps.stdout).toContain('coverage from Mon 2026-11-30 00:00');
    const always = JSON.stringify({
      name: 'Always',
      timeZone: 'Europe/Paris',
      coaches: [
        {
          id: 'a',
          name: 'A',
          availability: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], from: '00:00', to: '24:00' }],
        },
      ],
    });
    expect((await run(['coverage', 't.json', ...week], { 't.json': always })).code).toBe(0);
    expect((await run(['coverage', 't.json', ...week.slice(0, 4)], { 't.json': tinyTeam })).code).toBe(0);
  });

  it('defaults to the four weeks from today in the team zone', async () => {
    // 2026-11-26 23:30Z is already the 27th in Paris.
    const out = await run(
      ['coverage', 't.json', '--format=json'],
      { 't.json': tinyTeam },
      Date.UTC(2026, 10, 26, 23, 30),
    );
    const json = JSON.parse(out.stdout);
    expect(json.from).toBe('2026-11-27T00:00:00+01:00');
    expect(json.to).toBe('2026-12-25T00:00:00+01:00');
  });

  it('prints a readable text report of the example team', async () => {
    const out = await run(['coverage', 'ex.json', '--from', '2026-12-01', '--to', '2026-12-29'], {
      'ex.json': example,
    });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('coverage from Tue 2026-12-01 00:00 to Tue 2026-12-29 00:00 (Europe/Paris)');
    expect(out.stdout).toMatch(/Gaps \(Europe\/Paris\):\n {2}\w{3} 2026-12-\d\d \d\d:\d\d -> /);
    expect(out.stderr).toBe('');
  });

  it('refuses a horizon that ends before it starts, with exit 2 and no stack', async () => {
    const out = await run(['coverage', 't.json', '--from', '2026-12-07', '--to', '2026-12-01'], {
      't.json': tinyTeam,
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--to: "2026-12-01" is not after --from (expected a date after 2026-12-07)');
    expect(out.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a date that does not exist', async () => {
    const out = await run(['coverage', 't.json', '--from', '2026-02-30'], { 't.json': tinyTeam });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--from: "2026-02-30" is not a date');
  });
});

describe('astreinte validate', () => {
  it('accepts the example team', async () => {
    const out = await run(['validate', 'ex.json'], { 'ex.json': example });
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toContain('valid team file (7 coaches, Europe/Paris)');
  });

  it('lists every problem of a bad file and exits 2', async () => {
    const bad = JSON.stringify({
      name: 'Bad',
      timeZone: 'Europe/Pariss',
      coaches: [{ id: 'a', name: 'A', availability: [{ days: ['MO'], from: '09:00', to: '25:00' }] }],
    });
    const out = await run(['validate', 'bad.json'], { 'bad.json': bad });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('  - bad.json: timeZone: "Europe/Pariss"');
    expect(out.stderr).toContain('  - bad.json: coaches[0].availability[0].to: "25:00"');
    expect(out.stderr).not.toMatch(/^\s+at /m);
    expect(out.stdout).toBe('');
  });

  it('tells the kind of each example file, from its "$schema" or its keys', async () => {
    const files = Object.fromEntries(
      ['ca-va-patron', 'requests', 'rota-policy', 'matching-policy', 'overrides', 'bookings'].map((name) => [
        `${name}.json`,
        readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'),
      ]),
    );
    const said = async (name: string) =>
      (await run(['validate', `${name}.json`, '--team', 'ca-va-patron.json'], files)).stdout;
    expect(await said('rota-policy')).toBe('rota-policy.json: valid rota policy\n');
    expect(await said('matching-policy')).toBe('matching-policy.json: valid matching policy\n');
    expect(await said('overrides')).toBe('overrides.json: valid overrides file (3 overrides)\n');
    expect(await said('bookings')).toBe('bookings.json: valid bookings file (2 bookings)\n');
    // Only `layers`: a rota policy by its keys, a matching policy when its "$schema" says so.
    const layers = { layers: ['primary'] };
    const asKeys = await run(['validate', 'm.json'], { 'm.json': JSON.stringify(layers) });
    expect(asKeys.stdout).toBe('m.json: valid rota policy\n');
    const named = JSON.stringify({
      $schema: 'https://unpkg.com/astreinte/schema/matching-policy.schema.json',
      ...layers,
    });
    expect((await run(['validate', 'm.json'], { 'm.json': named })).stdout).toBe(
      'm.json: valid matching policy\n',
    );
  });

  it('says when the file is missing or not JSON', async () => {
    expect((await run(['validate', 'nope.json'])).stderr).toContain('"nope.json" does not exist');
    const broken = await run(['validate', 'b.json'], { 'b.json': '{ "name": ' });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('"b.json" is not valid JSON');
  });
});

describe('command line parsing', () => {
  it('reads options in both forms', () => {
    const args = parseCommandLine(coverageCommand, [
      't.json',
      '--from=2026-12-01',
      '--to',
      '2026-12-08',
      '--min-coaches',
      '2',
    ]);
    expect(args.positionals).toEqual(['t.json']);
    expect({ ...args.values }).toEqual({ from: '2026-12-01', to: '2026-12-08', 'min-coaches': '2' });
  });

  it('refuses unknown commands, options and formats with a usage error (exit 2)', async () => {
    const parse = (words: string[]) => () => parseCommandLine(coverageCommand, words);
    expect(parse(['t.json', '--form', 'json'])).toThrow(UsageError);
    expect(parse(['t.json', '--form', 'json'])).toThrow(/unknown option "--form" for coverage/);
    expect(parse([])).toThrow(/coverage takes <team.json>, got nothing/);
    expect(parse(['a.json', 'b.json'])).toThrow(/coverage takes <team.json>, got "a.json" "b.json"/);
    expect(parse(['t.json', '--from'])).toThrow(/option --from needs a value/);
    expect(parse(['t.json', '--from', '--to', '2026-12-08'])).toThrow(/option --from needs a value/);
    expect(parse(['t.json', '--from='])).toThrow(/option --from needs a value/);
    expect(parse(['t.json', '--from', 'a', '--from', 'b'])).toThrow(/option --from is given twice/);
    expect(parse(['t.json', '--help=yes'])).toThrow(/option --help takes no value/);
    const format = await run(['coverage', 't.json', '--format', 'xml'], { 't.json': tinyTeam });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format "xml" (expected text or json)');
    expect((await run(['coverage', 't.json', '--min-coaches', '0'], { 't.json': tinyTeam })).code).toBe(2);
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'unknown command "frobnicate" (expected demo, validate, coverage, rota, intake, match',
    );
    expect(unknown.stderr).toContain('astreinte --help');
    const usage = await run(['coverage']);
    expect(usage.stderr).toContain('Usage: astreinte coverage <team.json>');
    expect(usage.stderr).not.toMatch(/^\s+at /m);
  });

  it('prints help and version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['validate', 'coverage', 'rota', 'match']) expect(help.stdout).toContain(`  ${name} `);
    expect((await run(['--version'])).stdout).toBe('9.9.9\n');
  });

  it("prints every subcommand's help, with its options and a working example", async () => {
    for (const command of COMMANDS) {
      const out = await run([...command.name.split(' '), '--help']);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain(`Usage: ${command.usage}`);
      expect(out.stdout).toContain(`Example:\n  ${command.example}`);
      for (const option of Object.keys(command.options)) expect(out.stdout).toContain(`--${option}`);
      expect((await run(['help', ...command.name.split(' ')])).stdout).toBe(out.stdout);
      // The example runs (on the repository's files) without a usage error.
      const words = command.example.split(' ').slice(1);
      const files = Object.fromEntries(
        words.filter((w) => w.endsWith('.json')).map((w) => [w, readFileSync(w, 'utf8')]),
      );
      const ran = await run(words, files);
      expect(ran.stderr).toBe('');
      expect(ran.code).toBe(0);
    }
  });
});

describe('astreinte validate, other kinds', () => {
  const requests = readFileSync('examples/requests.json', 'utf8');

  it('detects a request file and reads it against --team', async () => {
    const out = await run(['validate', 'r.json', '--team', 'ex.json'], {
      'r.json': requests,
      'ex.json': example,
    });
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toMatch(/^r\.json: valid request file \(\d+ requests\)\n$/);
  });

  it('asks for the team a request file is read against', async () => {
    const out = await run(['validate', 'r.json'], { 'r.json': requests });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('a requests file is read against a team: give it with --team <team.json>');
  });

  it('checks a policy named with --kind, and refuses an unknown kind', async () => {
    const policy = JSON.stringify({ layers: ['primary'], minShiftMinutes: -5 });
    const bad = await run(['validate', 'p.json', '--kind', 'rota-policy'], { 'p.json': policy });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('p.json: policy.minShiftMinutes');
    const good = await run(['validate', 'm.json'], { 'm.json': JSON.stringify({ bufferMinutes: 10 }) });
    expect(good).toMatchObject({ code: 0, stdout: 'm.json: valid matching policy\n' });
    expect((await run(['validate', 'p.json', '--kind', 'pizza'], { 'p.json': policy })).stderr).toContain(
      '--kind "pizza" (expected team, requests, rota, rota-policy, matching-policy, overrides, bookings, tokens or feeds-state)',
    );
  });

  it('checks a token file and a feeds state, and says a missing one does not exist', async () => {
    const tokens = readFileSync('examples/tokens.json', 'utf8');
    const good = await run(['validate', 't.json'], { 't.json': tokens });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^t\.json: valid token file \(\d+ tokens?, hashes only\)\n$/);
    const state = JSON.stringify({ version: 1, events: [] });
    expect(await run(['validate', 's.json'], { 's.json': state })).toMatchObject({
      code: 0,
      stdout: 's.json: valid feeds\u2019 published state (0 events)\n',
    });
    const bad = await run(['validate', 't.json'], { 't.json': JSON.stringify({ version: 2, tokens: [] }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('t.json: ');
    const missing = await run(['validate', 'none.json', '--kind', 'tokens'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"none.json" does not exist');
  });
});
