import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { example, run, tinyTeam } from './in-memory.js';

describe('astreinte coverage', () => {
  it('prints the JSON contract with offsets in local time', () => {
    // Mon 2026-11-30 to Mon 2026-12-07: one Monday 09-17 covered.
    const out = run(
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

  it('defaults to the four weeks from today in the team zone', () => {
    // 2026-11-26 23:30Z is already the 27th in Paris.
    const out = run(
      ['coverage', 't.json', '--format=json'],
      { 't.json': tinyTeam },
      Date.UTC(2026, 10, 26, 23, 30),
    );
    const json = JSON.parse(out.stdout);
    expect(json.from).toBe('2026-11-27T00:00:00+01:00');
    expect(json.to).toBe('2026-12-25T00:00:00+01:00');
  });

  it('prints a readable text report of the example team', () => {
    const out = run(['coverage', 'ex.json', '--from', '2026-12-01', '--to', '2026-12-29'], {
      'ex.json': example,
    });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('coverage from Tue 2026-12-01 00:00 to Tue 2026-12-29 00:00 (Europe/Paris)');
    expect(out.stdout).toMatch(/Gaps \(Europe\/Paris\):\n {2}\w{3} 2026-12-\d\d \d\d:\d\d -> /);
    expect(out.stderr).toBe('');
  });

  it('refuses a horizon that ends before it starts, with exit 2 and no stack', () => {
    const out = run(['coverage', 't.json', '--from', '2026-12-07', '--to', '2026-12-01'], {
      't.json': tinyTeam,
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--to: "2026-12-01" is not after --from (expected a date after 2026-12-07)');
    expect(out.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a date that does not exist', () => {
    const out = run(['coverage', 't.json', '--from', '2026-02-30'], { 't.json': tinyTeam });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--from: "2026-02-30" is not a date');
  });
});

describe('astreinte validate', () => {
  it('accepts the example team', () => {
    const out = run(['validate', 'ex.json'], { 'ex.json': example });
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toContain('valid (7 coaches, Europe/Paris)');
  });

  it('lists every problem of a bad file and exits 2', () => {
    const bad = JSON.stringify({
      name: 'Bad',
      timeZone: 'Europe/Pariss',
      coaches: [{ id: 'a', name: 'A', availability: [{ days: ['MO'], from: '09:00', to: '25:00' }] }],
    });
    const out = run(['validate', 'bad.json'], { 'bad.json': bad });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('  - bad.json: timeZone: "Europe/Pariss"');
    expect(out.stderr).toContain('  - bad.json: coaches[0].availability[0].to: "25:00"');
    expect(out.stderr).not.toMatch(/^\s+at /m);
    expect(out.stdout).toBe('');
  });

  it('says when the file is missing or not JSON', () => {
    expect(run(['validate', 'nope.json']).stderr).toContain('"nope.json" does not exist');
    const broken = run(['validate', 'b.json'], { 'b.json': '{ "name": ' });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('"b.json" is not valid JSON');
  });
});

describe('command line parsing', () => {
  it('reads options in both forms', () => {
    expect(
      parseArgs(['coverage', 't.json', '--from=2026-12-01', '--to', '2026-12-08', '--min-coaches', '2']),
    ).toEqual({
      command: 'coverage',
      teamFile: 't.json',
      format: 'text',
      from: '2026-12-01',
      to: '2026-12-08',
      minCoaches: 2,
    });
  });

  it('refuses unknown commands, options and formats with a usage error (exit 2)', () => {
    expect(() => parseArgs(['covrage', 't.json'])).toThrow(UsageError);
    expect(() => parseArgs(['coverage', 't.json', '--form', 'json'])).toThrow(/unknown option "--form"/);
    expect(() => parseArgs(['coverage', 't.json', '--format', 'xml'])).toThrow(/--format "xml"/);
    expect(() => parseArgs(['coverage'])).toThrow(/one team file/);
    expect(() => parseArgs(['coverage', 't.json', '--from'])).toThrow(/needs a value/);
    expect(run(['coverage', 't.json', '--min-coaches', '0']).code).toBe(2);
    expect(run(['frobnicate']).stderr).toContain('Usage:');
  });

  it('prints help and version', () => {
    expect(run(['--help'])).toMatchObject({ code: 0 });
    expect(run(['--version']).stdout).toBe('9.9.9\n');
  });
});
