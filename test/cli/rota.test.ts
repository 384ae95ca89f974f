import { describe, expect, it } from 'vitest';
import { coverageCommand } from '../../src/cli/commands/coverage.js';
import { rotaCommand } from '../../src/cli/commands/rota.js';
import { parseCommandLine } from '../../src/cli/run.js';
import { example, run, tinyTeam } from './in-memory.js';

const onePrimary = JSON.stringify({ layers: ['primary'] });

describe('astreinte rota --format json', () => {
  it('prints the contract: one Monday 09:00-17:00 shift, the rest unfilled, hours and ratios rounded', async () => {
    // Mon 2026-11-30 to Mon 2026-12-07 (+01:00): a week of 168 h, of which the coach's 8 h are held.
    const out = await run(
      [
        'rota',
        't.json',
        '--from',
        '2026-11-30',
        '--to',
        '2026-12-07',
        '--format',
        'json',
        '--policy',
        'p.json',
      ],
      { 't.json': tinyTeam, 'p.json': onePrimary },
    );
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(out.stdout)).toEqual({
      team: 'Tiny',
      timeZone: 'Europe/Paris',
      from: '2026-11-30T00:00:00+01:00',
      to: '2026-12-07T00:00:00+01:00',
      layers: ['primary'],
      shifts: [
        {
          layer: 'primary',
          coachId: 'a',
          start: '2026-11-30T09:00:00+01:00',
          end: '2026-11-30T17:00:00+01:00',
        },
      ],
      unfilled: [
        {
          layer: 'primary',
          start: '2026-11-30T00:00:00+01:00',
          end: '2026-11-30T09:00:00+01:00',
          minutes: 540,
          reason: 'nobody-available',
        },
        {
          layer: 'primary',
          start: '2026-11-30T17:00:00+01:00',
          end: '2026-12-07T00:00:00+01:00',
          minutes: 168 * 60 - 17 * 60,
          reason: 'nobody-available',
        },
      ],
      load: [
        {
          coachId: 'a',
          hoursByLayer: { primary: 8 },
          totalHours: 8,
          nightHours: 0,
          weekendHours: 0,
          nights: 0,
          shifts: 1,
          handOffs: 0,
          fairShareHours: 8,
          deviationHours: 0,
          fairShareByLayer: { primary: 8 },
          deviationByLayer: { primary: 0 },
          weightedHours: 8,
          weightedFairShareHours: 8,
          nightFairShareHours: 0,
          weekendFairShareHours: 0,
        },
      ],
      // 8 / 168 = 0.047619... -> 0.0476
      quality: {
        coverageByLayer: { primary: 0.0476 },
        balance: 1,
        maxFairShareDeviationHours: 0,
        handOffsPerWeek: 0,
        nightsPerCoach: { a: 0 },
        maxDeviationByLayer: { primary: 0 },
        balanceByLayer: { primary: 1 },
        maxWeightedDeviationHours: 0,
        maxNightDeviationHours: 0,
        maxWeekendDeviationHours: 0,
        nightsSpread: 0,
        weekendHoursSpread: 0,
        weekendHoursPerCoach: { a: 0 },
      },
      flags: [],
    });
  });

  it('writes each instant with the offset in force then (summer, and across the autumn change)', async () => {
    const summer = JSON.parse(
      (
        await run(
          [
            'rota',
            't.json',
            '--from',
            '2026-07-06',
            '--to',
            '2026-07-07',
            '--format=json',
            '--policy=p.json',
          ],
          {
            't.json': tinyTeam,
            'p.json': onePrimary,
          },
        )
      ).stdout,
    );
    expect(summer.shifts).toEqual([
      {
        layer: 'primary',
        coachId: 'a',
        start: '2026-07-06T09:00:00+02:00',
        end: '2026-07-06T17:00:00+02:00',
      },
    ]);
    const autumn = JSON.parse(
      (
        await run(['rota', 't.json', '--from', '2026-10-19', '--to', '2026-11-02', '--format=json'], {
          't.json': tinyTeam,
        })
      ).stdout,
    );
    expect([autumn.from, autumn.to]).toEqual(['2026-10-19T00:00:00+02:00', '2026-11-02T00:00:00+01:00']);
    // Default policy: primary and backup; the only coach holds primary, backup is never filled.
    expect(autumn.layers).toEqual(['primary', 'backup']);
    expect(autumn.shifts.map((s: { start: string; end: string }) => `${s.start} ${s.end}`)).toEqual([
      '2026-10-19T09:00:00+02:00 2026-10-19T17:00:00+02:00',
      '2026-10-26T09:00:00+01:00 2026-10-26T17:00:00+01:00',
    ]);
    expect(autumn.quality.coverageByLayer).toEqual({ primary: round4(16 / (14 * 24 + 1)), backup: 0 });
  });

  it('gives the same rota back when its own JSON is passed as --previous', async () => {
    const files = { 'ex.json': example, 'p.json': JSON.stringify({ handOffTimes: ['08:00', '20:00'] }) };
    const argv = ['rota', 'ex.json', '--from', '2026-12-01', '--to', '2026-12-29', '--format', 'json'];
    for (const extra of [[], ['--policy', 'p.json']]) {
      const first = await run([...argv, ...extra], files);
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout).shifts.length).toBeGreaterThan(20);
      const again = await run([...argv, ...extra, '--previous', 'old.json'], {
        ...files,
        'old.json': first.stdout,
      });
      expect(again).toEqual(first);
    }
  });

  it('keeps the previous rota where it overlaps a later horizon', async () => {
    const first = await run(
      ['rota', 'ex.json', '--from', '2026-12-01', '--to', '2026-12-15', '--format', 'json'],
      {
        'ex.json': example,
      },
    );
    const later = await run(
      [
        'rota',
        'ex.json',
        '--from',
        '2026-12-08',
        '--to',
        '2026-12-22',
        '--format',
        'json',
        '--previous',
        'old.json',
      ],
      { 'ex.json': example, 'old.json': first.stdout },
    );
    expect(later.code).toBe(0);
    type JsonShift = { layer: string; coachId: string; start: string; end: string };
    const key = (s: JsonShift) => `${s.layer} ${s.coachId} ${s.start} ${s.end}`;
    const published = (JSON.parse(first.stdout).shifts as JsonShift[])
      .filter((s) => s.start >= '2026-12-08' && s.end < '2026-12-15')
      .map(key);
    expect(published.length).toBeGreaterThan(10);
    expect((JSON.parse(later.stdout).shifts as JsonShift[]).map(key)).toEqual(
      expect.arrayContaining(published),
    );
  });
});

describe('astreinte rota (text)', () => {
  it('prints the example team week by week, then the load table', async () => {
    const out = await run(['rota', 'ex.json', '--from', '2026-12-01', '--to', '2026-12-15'], {
      'ex.json': example,
    });
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const text = out.stdout;
    expect(text).toContain(
      'Ça va patron ?: rota from Tue 2026-12-01 00:00 to Tue 2026-12-15 00:00 (Europe/Paris)',
    );
    expect(text).toMatch(
      /^Week 49: Tue 01\/12 to Sun 06\/12\/2026 {2}filled: primary \d+\.\d%, backup \d+\.\d%$/m,
    );
    expect(text).toMatch(/^Week 50: Mon 07\/12 to Sun 13\/12\/2026 /m);
    expect(text).toMatch(/^ {2}Tue 01\/12 {2}primary {2}(\d\d:\d\d-\d\d:\d\d \w+, )*19:00-\d\d:\d\d \w+/m);
    expect(text).toMatch(/^ {13}unfilled primary {2}00:30-07:00, 09:00-19:00 \(nobody available\)$/m);
    expect(text).toMatch(
      /\n {2}coach +on call +fair share +deviation +primary +backup +nights +weekend +shifts +hand-offs\n/,
    );
    for (const id of ['amelie', 'bastien', 'claire', 'damien', 'elodie', 'fabrice', 'gaelle']) {
      expect(text).toMatch(new RegExp(`^ {2}${id} +\\d+ h \\d\\d +\\d+ h \\d\\d +[+-]?\\d+ h \\d\\d `, 'm'));
    }
    expect(text).toMatch(/^ {2}filled {8}primary \d+\.\d%, backup \d+\.\d% of the time$/m);
    expect(text).toContain('\nFlags: none\n');
    expect(text.split('\n').filter((line) => line.length > 110)).toEqual([]);
    // Coach ids only: the display names (Amélie, Élodie...) never appear.
    expect(text).not.toMatch(/Amélie|Élodie|Gaëlle/);
  });

  it('defaults to the four weeks from today in the team zone', async () => {
    // 2026-11-26 23:30Z is already Friday the 27th in Paris.
    const out = await run(
      ['rota', 't.json', '--format=json'],
      { 't.json': tinyTeam },
      Date.UTC(2026, 10, 26, 23, 30),
    );
    const json = JSON.parse(out.stdout);
    expect([json.from, json.to]).toEqual(['2026-11-27T00:00:00+01:00', '2026-12-25T00:00:00+01:00']);
  });
});

describe('astreinte rota: bad input (exit 2, every problem listed, no stack)', () => {
  const tiny = { 't.json': tinyTeam };

  it('lists every problem of a policy file, naming the file and the path', async () => {
    const policy = JSON.stringify({ layers: ['Primary', 'backup'], maxStretchHours: 0, handOff: ['08:00'] });
    const out = await run(['rota', 't.json', '--policy', 'p.json'], { ...tiny, 'p.json': policy });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('astreinte: 3 problems:');
    expect(out.stderr).toContain(
      '  - p.json: policy.handOff: ["08:00"] is not a policy setting (expected one of',
    );
    expect(out.stderr).toContain('  - p.json: policy.layers[0]: "Primary" is not a layer name');
    expect(out.stderr).toContain('  - p.json: policy.maxStretchHours: 0 is out of range');
    expect(out.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a policy file that is not a JSON object', async () => {
    for (const text of ['[]', '"primary"', 'null', '{ layers: [] }']) {
      const out = await run(['rota', 't.json', '--policy', 'p.json'], { ...tiny, 'p.json': text });
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/p\.json/);
    }
    expect(
      (await run(['rota', 't.json', '--policy', 'p.json'], { ...tiny, 'p.json': '[]' })).stderr,
    ).toContain('p.json: policy: [] is not a policy (expected a JSON object of policy settings)');
  });

  it('says which file is missing', async () => {
    expect(await run(['rota', 'nope.json'])).toMatchObject({ code: 2 });
    expect((await run(['rota', 'nope.json'])).stderr).toContain('team file: "nope.json" does not exist');
    const policy = await run(['rota', 't.json', '--policy', 'gone.json'], tiny);
    expect(policy.code).toBe(2);
    expect(policy.stderr).toContain('policy file: "gone.json" does not exist');
    const previous = await run(['rota', 't.json', '--previous', 'gone.json'], tiny);
    expect(previous.code).toBe(2);
    expect(previous.stderr).toContain('previous rota file: "gone.json" does not exist');
  });

  it('lists every problem of a previous rota file, naming the file and the path', async () => {
    const previous = JSON.stringify({
      shifts: [
        {
          layer: 'primary',
          coachId: 'a',
          start: '2026-11-30T09:00:00+01:00',
          end: '2026-11-30T17:00:00+01:00',
        },
        { layer: 'primary', coachId: 'a', start: '2026-11-30T09:00:00', end: '2026-02-30T17:00:00+01:00' },
        { layer: 7, coachId: 'a', start: '2026-11-30T17:00:00+01:00', end: '2026-11-30T09:00:00+01:00' },
        'nope',
      ],
    });
    const out = await run(['rota', 't.json', '--previous', 'old.json'], { ...tiny, 'old.json': previous });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('astreinte: 5 problems:');
    expect(out.stderr).toContain(
      '  - old.json: shifts[1].start: "2026-11-30T09:00:00" is not an instant (expected ISO 8601 with its offset',
    );
    expect(out.stderr).toContain(
      '  - old.json: shifts[1].end: "2026-02-30T17:00:00+01:00" is not an instant',
    );
    expect(out.stderr).toContain('  - old.json: shifts[2].layer: 7 is not a name');
    expect(out.stderr).toContain(
      '  - old.json: shifts[2].end: "2026-11-30T09:00:00+01:00" is not after start',
    );
    expect(out.stderr).toContain('  - old.json: shifts[3]: "nope" is not a shift');
    const noShifts = await run(['rota', 't.json', '--previous', 'old.json'], {
      ...tiny,
      'old.json': '{"team":"T"}',
    });
    expect(noShifts.code).toBe(2);
    expect(noShifts.stderr).toContain('old.json: shifts: is missing');
  });

  it('reads previous instants whatever their offset, Z included', async () => {
    // Two coaches free Mondays 09:00-17:00; the previous rota had a on primary and b on backup, written in UTC
    // and in New York time. Kept only if the instants are read right: the generator alone shares the first line
    // between a and b at the hand-off times.
    const two = JSON.stringify({
      name: 'Two',
      timeZone: 'Europe/Paris',
      coaches: ['a', 'b'].map((id) => ({
        id,
        name: id,
        availability: [{ days: ['MO'], from: '09:00', to: '17:00' }],
      })),
    });
    const argv = ['rota', 't.json', '--from', '2026-11-30', '--to', '2026-12-01', '--format=json'];
    const holders = (stdout: string) =>
      JSON.parse(stdout).shifts.map((s: { layer: string; coachId: string; start: string; end: string }) =>
        [s.layer, s.coachId, s.start.slice(11, 16), s.end.slice(11, 16)].join(' '),
      );
    expect(holders((await run(argv, { 't.json': two })).stdout)).toEqual([
      'primary a 09:00 12:00',
      'backup b 09:00 12:00',
      'primary b 12:00 16:00',
      'backup a 12:00 16:00',
      'primary a 16:00 17:00',
      'backup b 16:00 17:00',
    ]);
    const previous = JSON.stringify({
      shifts: [
        { layer: 'primary', coachId: 'b', start: '2026-11-30T08:00:00Z', end: '2026-11-30T16:00:00.000Z' },
        { layer: 'backup', coachId: 'a', start: '2026-11-30T03:00-05:00', end: '2026-11-30T11:00:00-05:00' },
      ],
    });
    const out = await run([...argv, '--previous=old.json'], { 't.json': two, 'old.json': previous });
    expect(out.code).toBe(0);
    expect(holders(out.stdout)).toEqual(['primary b 09:00 17:00', 'backup a 09:00 17:00']);
    expect(JSON.parse(out.stdout).shifts[0].start).toBe('2026-11-30T09:00:00+01:00');
  });

  it('refuses bad dates and horizons longer than five years', async () => {
    expect(
      (await run(['rota', 't.json', '--from', '2026-12-07', '--to', '2026-12-01'], tiny)).stderr,
    ).toContain('--to: "2026-12-01" is not after --from');
    const long = await run(['rota', 't.json', '--from', '2026-01-01', '--to', '2032-01-01'], tiny);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('--to: "2032-01-01" is more than five years after --from');
  });
});

describe('rota command line parsing', () => {
  it('reads the rota options, in both forms', () => {
    const words = [
      't.json',
      '--from=2026-12-01',
      '--policy',
      'p.json',
      '--previous=old.json',
      '--format=json',
    ];
    const args = parseCommandLine(rotaCommand, words);
    expect(args.positionals).toEqual(['t.json']);
    expect({ ...args.values }).toEqual({
      from: '2026-12-01',
      policy: 'p.json',
      previous: 'old.json',
      format: 'json',
    });
  });

  it('refuses options of other commands and a missing value', async () => {
    expect(() => parseCommandLine(rotaCommand, ['t.json', '--min-coaches', '2'])).toThrow(
      /unknown option "--min-coaches" for rota/,
    );
    expect(() => parseCommandLine(coverageCommand, ['t.json', '--policy', 'p.json'])).toThrow(
      /unknown option "--policy"/,
    );
    expect(() => parseCommandLine(rotaCommand, ['t.json', '--previous'])).toThrow(
      /option --previous needs a value/,
    );
    expect((await run(['rota', 't.json', '--format', 'csv'])).code).toBe(2);
  });
});

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

describe('astreinte rota --overrides', () => {
  const two = JSON.stringify({
    name: 'Two',
    timeZone: 'Europe/Paris',
    coaches: ['a', 'b'].map((id) => ({
      id,
      name: id,
      availability: [{ days: ['MO'], from: '09:00', to: '17:00' }],
    })),
  });
  const argv = [
    'rota',
    't.json',
    '--from',
    '2026-11-30',
    '--to',
    '2026-12-01',
    '--format=json',
    '--policy=p.json',
  ];
  const files = { 't.json': two, 'p.json': JSON.stringify({ layers: ['primary'], handOffTimes: ['09:00'] }) };

  it('pins a coach from local times in the team zone (or ISO instants) and marks the shift', async () => {
    const overrides = JSON.stringify([
      { layer: 'primary', coachId: 'b', start: '2026-11-30T09:00', end: '2026-11-30T12:00' },
    ]);
    const out = await run([...argv, '--overrides', 'o.json'], { ...files, 'o.json': overrides });
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const shifts = JSON.parse(out.stdout).shifts;
    expect(shifts[0]).toEqual({
      layer: 'primary',
      coachId: 'b',
      start: '2026-11-30T09:00:00+01:00',
      end: '2026-11-30T12:00:00+01:00',
      override: true,
    });
    // The rest of the day is still generated (a and b are both free until 17:00).
    expect(shifts.at(-1).end).toBe('2026-11-30T17:00:00+01:00');
    expect(shifts.slice(1).every((s: { override?: boolean }) => s.override === undefined)).toBe(true);
    const iso = JSON.stringify({
      overrides: [
        { layer: 'primary', coachId: 'b', start: '2026-11-30T08:00:00Z', end: '2026-11-30T11:00:00Z' },
      ],
    });
    expect(
      JSON.parse((await run([...argv, '--overrides', 'o.json'], { ...files, 'o.json': iso })).stdout)
        .shifts[0],
    ).toEqual(JSON.parse(out.stdout).shifts[0]);
  });

  it('lists bad overrides with the file and path, and exits 2', async () => {
    const zoe = { layer: 'primary', coachId: 'zoe', start: '2026-11-30T09:00', end: '2026-11-30T12:00' };
    const bad = JSON.stringify([
      { layer: 'primary', coachId: 'b', start: 'monday', end: '2026-11-30T12:00' },
      zoe,
    ]);
    const out = await run([...argv, '--overrides', 'o.json'], { ...files, 'o.json': bad });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('o.json: overrides[0].start: "monday" is not an instant');
    const unknown = await run([...argv, '--overrides', 'o.json'], {
      ...files,
      'o.json': JSON.stringify([zoe]),
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('overrides[0].coachId: "zoe" is not a coach of the team');
    expect(unknown.stderr).not.toMatch(/^\s+at /m);
  });
});
