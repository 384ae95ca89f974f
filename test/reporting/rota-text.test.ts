import { describe, expect, it } from 'vitest';
import { parseTeam } from '../../src/model/parse.js';
import { rotaToText } from '../../src/reporting/rota-text.js';
import { resolvePolicy } from '../../src/rota/policy.js';
import type { CoachLoad, Rota } from '../../src/rota/rota.js';

/** An instant from a local time in Paris with its offset written out. */
const at = (text: string) => Date.parse(text);

const _team = parseTeam({
  name: 'Tiny',
  timeZone: 'Europe/Paris',
  coaches: ['a', 'b', 'c'].map((id) => ({
    id,
    name: id.toUpperCase(),
    availability: [{ days: ['MO'], from: '19:00', to: '23:00' }],
  })),
});

function load(coachId: string, primary: number, backup: number, extra: Partial<CoachLoad>): CoachLoad {
  return {
    coachId,
    hoursByLayer: { primary, backup },
    totalHours: primary + backup,
    nightHours: 0,
    weekendHours: 0,
    nights: 0,
    shifts: 1,
    handOffs: 0,
    fairShareHours: primary + backup,
    deviationHours: 0,
    fairShareByLayer: { primary, backup },
    deviationByLayer: { primary: 0, backup: 0 },
    weightedHours: primary + backup / 2,
    weightedFairShareHours: primary + backup / 2,
    nightFairShareHours: 0,
    weekendFairShareHours: 0,
    ...extra,
  };
}

/**
 * Two days, Mon 30/11 and Tue 01/12/2026 (Paris, +01:00), written by hand rather than generated so the expected
 * text below can be checked by reading: b's night shift runs across midnight, a's override ends at midnight, and
 * backup's rest-rule gap runs across midnight too.
 */
const rota: Rota = {
  team: 'Tiny',
  timeZone: 'Europe/Paris',
  from: at('2026-11-30T00:00:00+01:00'),
  to: at('2026-12-02T00:00:00+01:00'),
  policy: resolvePolicy({}),
  shifts: [
    {
      layer: 'primary',
      coachId: 'a',
      start: at('2026-11-30T19:00+01:00'),
      end: at('2026-11-30T23:00+01:00'),
    },
    { layer: 'backup', coachId: 'c', start: at('2026-11-30T19:00+01:00'), end: at('2026-11-30T23:00+01:00') },
    {
      layer: 'primary',
      coachId: 'b',
      start: at('2026-11-30T23:00+01:00'),
      end: at('2026-12-01T07:00+01:00'),
    },
    {
      layer: 'primary',
      coachId: 'a',
      start: at('2026-12-01T19:00+01:00'),
      end: at('2026-12-02T00:00+01:00'),
      override: true,
    },
  ],
  unfilled: [
    {
      layer: 'primary',
      start: at('2026-11-30T00:00+01:00'),
      end: at('2026-11-30T19:00+01:00'),
      reason: 'nobody-available',
    },
    {
      layer: 'backup',
      start: at('2026-11-30T00:00+01:00'),
      end: at('2026-11-30T19:00+01:00'),
      reason: 'nobody-available',
    },
    {
      layer: 'backup',
      start: at('2026-11-30T23:00+01:00'),
      end: at('2026-12-01T08:00+01:00'),
      reason: 'rest-or-stretch',
    },
    {
      layer: 'primary',
      start: at('2026-12-01T07:00+01:00'),
      end: at('2026-12-01T19:00+01:00'),
      reason: 'nobody-available',
    },
    {
      layer: 'backup',
      start: at('2026-12-01T08:00+01:00'),
      end: at('2026-12-02T00:00+01:00'),
      reason: 'nobody-available',
    },
  ],
  load: [
    load('a', 9, 0, {
      nightHours: 3,
      nights: 2,
      shifts: 2,
      handOffs: 1,
      fairShareHours: 8,
      deviationHours: 1,
    }),
    load('b', 8, 0, { nightHours: 8, nights: 1 }),
    load('c', 0, 4, { nightHours: 1, nights: 1, fairShareHours: 5, deviationHours: -1 }),
  ],
  quality: {
    coverageByLayer: { primary: 17 / 48, backup: 4 / 48 },
    balance: (8 / 9 + 4 / 9 + 4 / 8) / 3,
    maxFairShareDeviationHours: 1,
    handOffsPerWeek: 3.5,
    nightsPerCoach: { a: 2, b: 1, c: 1 },
    maxDeviationByLayer: { primary: 1, backup: 0.5 },
    balanceByLayer: { primary: 8 / 9, backup: 1 },
    maxWeightedDeviationHours: 1,
    maxNightDeviationHours: 2.25,
    maxWeekendDeviationHours: 0,
    nightsSpread: 1,
    weekendHoursSpread: 0,
    weekendHoursPerCoach: { a: 0, b: 0, c: 0 },
  },
  flags: [
    {
      kind: 'override-outside-availability',
      override: 0,
      coachId: 'a',
      layer: 'primary',
      minutesOutside: 90,
    },
  ],
};

describe('rotaToText', () => {
  const lines = rotaToText(rota).split('\n');

  it('heads the report with the team, the horizon in local time and the policy', () => {
    expect(lines.slice(0, 4)).toEqual([
      'Tiny: rota from Mon 2026-11-30 00:00 to Wed 2026-12-02 00:00 (Europe/Paris)',
      'Policy: layers primary, backup (most important first); hand-offs at 00:00 04:00 08:00 12:00 16:00 20:00;',
      '        longest stretch 12 h 00; rest between stretches 8 h 00; night 22:00-07:00',
      "* = a coordinator's override",
    ]);
  });

  it('lists each day: shifts per layer, a night shift whole on its first day and continued after', () => {
    // primary: 4 + 8 + 5 = 17 of 48 hours (35.4%); backup: 4 of 48 (8.3%).
    const week = lines.indexOf('Week 49: Mon 30/11 to Tue 01/12/2026  filled: primary 35.4%, backup 8.3%');
    expect(week).toBeGreaterThan(0);
    expect(lines.slice(week + 1, week + 11)).toEqual([
      '  Mon 30/11  primary  19:00-23:00 a, 23:00-07:00 b',
      '             backup   19:00-23:00 c',
      '             unfilled primary  00:00-19:00 (nobody available)',
      '             unfilled backup   00:00-19:00 (nobody available); 23:00-24:00 (rest or longest-stretch rule)',
      '  Tue 01/12  primary  …07:00 b, 19:00-24:00 a*',
      '             backup   -',
      '             unfilled primary  07:00-19:00 (nobody available)',
      '             unfilled backup   00:00-08:00 (rest or longest-stretch rule); 08:00-24:00 (nobody available)',
      '',
      'Load: on-call hours against a fair share of what each coach declared free',
    ]);
  });

  it('prints the load table, the quality figures and the flags', () => {
    const table = lines.indexOf('Load: on-call hours against a fair share of what each coach declared free');
    expect(lines.slice(table + 1)).toEqual([
      '  coach  on call  fair share  deviation  primary  backup  nights  weekend  shifts  hand-offs',
      '  a       9 h 00      8 h 00    +1 h 00   9 h 00  0 h 00       2   0 h 00       2          1',
      '  b       8 h 00      8 h 00     0 h 00   8 h 00  0 h 00       1   0 h 00       1          0',
      '  c       4 h 00      5 h 00    -1 h 00   0 h 00  4 h 00       1   0 h 00       1          0',
      '',
      'Quality:',
      '  filled        primary 35.4%, backup 8.3% of the time',
      // (8/9 + 4/9 + 4/8) / 3 = 0.611...
      '  balance       0.61 (1 = on-call hours even among the coaches who carry some)',
      '  fair share    furthest from it by 1 h 00',
      '  by layer      primary furthest from its share by 1 h 00, balance 0.89;',
      '                backup furthest from its share by 0 h 30, balance 1.00',
      '  nights        1 between most and fewest nights; night hours furthest from fair share by 2 h 15',
      '  weekends      0 h 00 between most and fewest; furthest from fair share by 0 h 00',
      '  hand-offs     3.5 a week',
      '',
      'Flags:',
      '  override #0: a holds primary for 1 h 30 outside the availability they declared',
      '',
    ]);
  });

  it('cuts days at local midnight across the autumn DST change (a 25-hour Sunday)', () => {
    // Sat 24/10/2026 00:00 (+02:00) to Mon 26/10/2026 00:00 (+01:00): 49 hours, one layer.
    const autumn: Rota = {
      ...rota,
      from: at('2026-10-24T00:00+02:00'),
      to: at('2026-10-26T00:00+01:00'),
      policy: resolvePolicy({ layers: ['primary'] }),
      shifts: [
        // 23:00 CEST to 03:00 CET: five hours, the clock reading 02:00-03:00 twice.
        {
          layer: 'primary',
          coachId: 'b',
          start: at('2026-10-24T23:00+02:00'),
          end: at('2026-10-25T03:00+01:00'),
        },
      ],
      unfilled: [
        {
          layer: 'primary',
          start: at('2026-10-24T00:00+02:00'),
          end: at('2026-10-24T23:00+02:00'),
          reason: 'nobody-available',
        },
        {
          layer: 'primary',
          start: at('2026-10-25T03:00+01:00'),
          end: at('2026-10-26T00:00+01:00'),
          reason: 'everyone-at-cap',
        },
      ],
      load: [load('a', 0, 0, { shifts: 0 }), load('b', 5, 0, {}), load('c', 0, 0, { shifts: 0 })],
      quality: { ...rota.quality, coverageByLayer: { primary: 5 / 49 } },
      flags: [],
    };
    const text = rotaToText(autumn).split('\n');
    const week = text.indexOf('Week 43: Sat 24/10 to Sun 25/10/2026  filled: primary 10.2%');
    expect(text.slice(week + 1, week + 5)).toEqual([
      '  Sat 24/10  primary  23:00-03:00 b',
      '             unfilled primary  00:00-23:00 (nobody available)',
      '  Sun 25/10  primary  …03:00 b',
      '             unfilled primary  03:00-24:00 (weekly caps reached)',
    ]);
    expect(text).toContain('Flags: none');
    expect(text).not.toContain("* = a coordinator's override");
  });

  it('keeps every line within 110 columns, moving hours by layer to their own table when needed', () => {
    const layers = ['primary', 'backup', 'third-line', 'fourth-line', 'fifth-line'];
    const wide: Rota = {
      ...rota,
      policy: resolvePolicy({ layers }),
      load: rota.load.map((l) => ({
        ...l,
        coachId: `${l.coachId}-a-very-long-coach-identifier`,
        hoursByLayer: Object.fromEntries(layers.map((layer) => [layer, 1234.5])),
      })),
    };
    const text = rotaToText(wide).split('\n');
    expect(text.filter((line) => line.length > 110)).toEqual([]);
    expect(text).toContain('Hours by layer:');
    expect(text.some((line) => line.startsWith('  a-a-very-long-coach-ide…  '))).toBe(true);
  });
});
