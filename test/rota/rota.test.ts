import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import type { Team } from '../../src/model/team.js';
import { generateRota } from '../../src/rota/generate.js';
import type { RotaPolicyInput } from '../../src/rota/policy.js';
import type { Override, Rota, RotaOptions } from '../../src/rota/rota.js';
import { HOUR, MINUTE } from '../../src/time/types.js';
import { awayBetween, coach, days, team, weekly, wholeDaysAway } from './fixtures.js';

const utc = Date.UTC;
const ALL = days('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');
// Mon 2026-12-07 00:00 Paris (CET, +01:00) to Mon 2026-12-14 00:00 Paris: no DST change.
const week = { from: utc(2026, 11, 6, 23), to: utc(2026, 11, 13, 23) };
/** Hours after the start of the week, for reading shifts. */
const h = (t: number) => (t - week.from) / HOUR;
/** The instant `hours` after the start of the week. */
const at = (hours: number) => week.from + hours * HOUR;
const twelveHours: RotaPolicyInput = { layers: ['primary'], handOffTimes: ['08:00', '20:00'] };

const shiftsOf = (rota: Rota, layer = 'primary') =>
  rota.shifts
    .filter((s) => s.layer === layer)
    .map((s) => [s.coachId, h(s.start), h(s.end), ...(s.override ? ['override'] : [])]);
const unfilledOf = (rota: Rota, layer = 'primary') =>
  rota.unfilled.filter((u) => u.layer === layer).map((u) => [h(u.start), h(u.end), u.reason]);

/** The issue paths a call throws, or a failure when it does not throw a ValidationError. */
function issuePaths(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => i.path);
    throw error;
  }
  return expect.fail('expected a ValidationError');
}

describe('generateRota, a hand-computed week (Paris, hand-offs at 08:00 and 20:00, one layer)', () => {
  // a: Monday, Wednesday and Friday nights. b: Saturday 10-20 and all Sunday from 08:00. c (weight 2): Tuesday,
  // Thursday, Friday and Saturday nights. Default limits: 12 h stretch, 8 h rest, night 22:00-07:00.
  const tiny = team([
    coach('a', [weekly(days('MO', 'WE', 'FR'), '20:00', '08:00')]),
    coach('b', [weekly(days('SA'), '10:00', '20:00'), weekly(days('SU'), '08:00', '00:00')]),
    coach('c', [weekly(days('TU', 'TH', 'FR', 'SA'), '20:00', '08:00')], { weight: 2 }),
  ]);
  const rota = generateRota(tiny, { ...week, policy: twelveHours });

  it('puts whoever is free on call, and the fairer of two on Friday night', () => {
    // Steering targets: 98 h can be covered; water-filled over capacities a 36, b 26, c 48 with weights 1:1:2 at
    // level 25, they are a 25, b 25, c 48. On Friday at 20:00 a and c both have 24 h: a is owed 1 h of their
    // target, c 24 h, so c takes it.
    expect(shiftsOf(rota)).toEqual([
      ['a', 20, 32], // Mon 20:00 - Tue 08:00
      ['c', 44, 56], // Tue night
      ['a', 68, 80], // Wed night
      ['c', 92, 104], // Thu night
      ['c', 116, 128], // Fri night: c rather than a
      ['b', 130, 140], // Sat 10:00-20:00
      ['c', 140, 152], // Sat night
      ['b', 152, 164], // Sun 08:00-20:00: a 12 h stretch
    ]);
  });

  it('says why the rest is empty', () => {
    expect(unfilledOf(rota)).toEqual([
      [0, 20, 'nobody-available'],
      [32, 44, 'nobody-available'],
      [56, 68, 'nobody-available'],
      [80, 92, 'nobody-available'],
      [104, 116, 'nobody-available'],
      [128, 130, 'nobody-available'], // Sat 08:00-10:00
      // Sunday 20:00-24:00: b is free but on call since 08:00; 4 more hours would make a 16 h stretch.
      [164, 168, 'rest-or-stretch'],
    ]);
    expect(rota.flags).toEqual([]);
  });

  it('computes each coach load: hours, nights, weekends, hand-offs and fair shares', () => {
    // On call: a 24 h, b 22 h, c 48 h, 94 h in all. Fair shares: 94 h water-filled over capacities a 36, b 26,
    // c 48 with weights 1:1:2, at level 23.5: a 23.5, b 23.5, c 47.
    // Nights (22:00-07:00) are 9 h of each 12 h night shift. Weekend: c's Friday shift has 8 h on Saturday, its
    // Saturday one 12 h; b's 22 h are all weekend. Hand-offs: b hands to c on Saturday at 20:00, c to b on Sunday
    // at 08:00; every other shift ends into an empty span.
    const figures = rota.load.map((l) => [
      l.coachId,
      l.totalHours,
      l.nightHours,
      l.weekendHours,
      l.nights,
      l.shifts,
      l.handOffs,
      l.fairShareHours,
      l.deviationHours,
    ]);
    expect(figures).toEqual([
      ['a', 24, 18, 0, 2, 2, 0, 23.5, 0.5],
      ['b', 22, 0, 22, 0, 2, 1, 23.5, -1.5],
      ['c', 48, 36, 20, 4, 4, 1, 47, 1],
    ]);
    expect(rota.load[0]!.hoursByLayer).toEqual({ primary: 24 });
  });

  it('judges the whole: coverage, Grafana balance, deviations, hand-offs per week', () => {
    // Balance: mean over pairs of min/max loads: (22/24 + 24/48 + 22/48) / 3 = (22 + 12 + 11) / 72 = 0.625.
    expect(rota.quality.coverageByLayer).toEqual({ primary: 94 / 168 });
    expect(rota.quality.balance).toBeCloseTo(0.625, 12);
    expect(rota.quality.maxFairShareDeviationHours).toBeCloseTo(1.5, 12);
    expect(rota.quality.handOffsPerWeek).toBe(2);
    expect(rota.quality.nightsPerCoach).toEqual({ a: 2, b: 0, c: 4 });
  });

  it('gives the same rota twice, and again from itself as the previous rota', () => {
    expect(generateRota(tiny, { ...week, policy: twelveHours })).toEqual(rota);
    expect(JSON.stringify(generateRota(tiny, { ...week, policy: twelveHours, previous: rota }))).toBe(
      JSON.stringify(rota),
    );
  });

  it('applies the default policy: primary and backup, hand-offs every 4 hours', () => {
    const rota = generateRota(tiny, week);
    expect(rota.policy.layers).toEqual(['primary', 'backup']);
    expect(rota.policy.handOffMinutes).toEqual([0, 240, 480, 720, 960, 1200]);
    // Friday night both a and c are free: one holds each layer; at no time does anyone hold both.
    const friday = rota.shifts.filter((s) => s.start < at(128) && s.end > at(116));
    expect(new Set(friday.map((s) => s.layer))).toEqual(new Set(['primary', 'backup']));
  });
});

describe('unfilled reasons, one each', () => {
  const monday = { from: at(0), to: at(24) };

  it("'nobody-available' where nobody is free, and on the backup where only one coach is", () => {
    const rota = generateRota(team([coach('a', [weekly(days('MO'), '08:00', '20:00')])]), {
      ...monday,
      policy: { handOffTimes: ['08:00', '20:00'] },
    });
    expect(shiftsOf(rota)).toEqual([['a', 8, 20]]);
    expect(unfilledOf(rota, 'backup')).toEqual([[0, 24, 'nobody-available']]);
  });

  it("'skills-missing' where the only free coach lacks the layer's skills", () => {
    const rota = generateRota(team([coach('a', [weekly(days('MO'), '08:00', '20:00')])]), {
      ...monday,
      policy: { ...twelveHours, layerSkills: { primary: ['senior'] } },
    });
    expect(rota.shifts).toEqual([]);
    expect(unfilledOf(rota)).toEqual([
      [0, 8, 'nobody-available'],
      [8, 20, 'skills-missing'],
      [20, 24, 'nobody-available'],
    ]);
  });

  it("'everyone-at-cap' once the only free coach has used their weekly hours", () => {
    // 12 h cap: Monday's 12 h block uses it all; Tuesday's block would pass it.
    const capped = team([coach('a', [weekly(days('MO', 'TU'), '08:00', '20:00')], { maxHoursPerWeek: 12 })]);
    const rota = generateRota(capped, { from: at(0), to: at(48), policy: twelveHours });
    expect(shiftsOf(rota)).toEqual([['a', 8, 20]]);
    expect(unfilledOf(rota)).toEqual([
      [0, 8, 'nobody-available'],
      [20, 32, 'nobody-available'],
      [32, 44, 'everyone-at-cap'],
      [44, 48, 'nobody-available'],
    ]);
  });

  it("'rest-or-stretch' while the only free coach rests", () => {
    // a: Monday 08:00-20:00 and from 22:00. After 12 h on call a must rest 8 h: 22:00-04:00 stays empty.
    const rota = generateRota(
      team([coach('a', [weekly(days('MO'), '08:00', '20:00'), weekly(days('MO'), '22:00', '08:00')])]),
      {
        from: at(0),
        to: at(32),
        policy: { layers: ['primary'], handOffTimes: ['04:00', '08:00', '20:00'] },
      },
    );
    expect(shiftsOf(rota)).toEqual([
      ['a', 8, 20],
      ['a', 28, 32], // Tue 04:00-08:00, rested 8 h
    ]);
    expect(unfilledOf(rota)).toEqual([
      [0, 8, 'nobody-available'],
      [20, 22, 'nobody-available'],
      [22, 28, 'rest-or-stretch'],
    ]);
  });

  it("'caps-rest-or-stretch' when one free coach is capped and another resting", () => {
    const rota = generateRota(
      team([
        coach('a', [weekly(days('MO', 'TU'), '08:00', '20:00')], { maxHoursPerWeek: 12 }),
        coach('b', [weekly(days('MO'), '20:00', '08:00'), weekly(days('TU'), '08:00', '20:00')]),
      ]),
      { from: at(0), to: at(48), policy: twelveHours },
    );
    // Monday day a, Monday night b; Tuesday 08:00 a is at cap and b has not rested: nobody, until b has rested
    // 8 hours at 16:00 and takes the rest of the day.
    expect(shiftsOf(rota)).toEqual([
      ['a', 8, 20],
      ['b', 20, 32],
      ['b', 40, 44],
    ]);
    expect(unfilledOf(rota)).toContainEqual([32, 40, 'caps-rest-or-stretch']);
  });
  it("'skills-missing' on the primary while the free coach without its skill holds the backup", () => {
    // Only a is free, without the primary's skill: a holds the backup; the primary is empty because nobody free
    // has the skill, not for want of a free coach ('skills-missing': "Coaches are free, but none has the skills").
    const rota = generateRota(team([coach('a', [weekly(days('MO'), '08:00', '20:00')])]), {
      from: at(0),
      to: at(24),
      policy: { handOffTimes: ['08:00', '20:00'], layerSkills: { primary: ['senior'] } },
    });
    expect(shiftsOf(rota, 'backup')).toEqual([['a', 8, 20]]);
    expect(unfilledOf(rota)).toEqual([
      [0, 8, 'nobody-available'],
      [8, 20, 'skills-missing'],
      [20, 24, 'nobody-available'],
    ]);
  });

  it("'everyone-at-cap' only past the cap: a 10 h cap covers 10 h of a 12 h block", () => {
    // a may do 10 h a week and is free Monday 08:00-20:00, alone: 10 of those 12 hours are covered, and only the
    // last 2, when a has reached the cap, are 'everyone-at-cap' (not the whole block).
    const rota = generateRota(
      team([coach('a', [weekly(days('MO'), '08:00', '20:00')], { maxHoursPerWeek: 10 })]),
      {
        from: at(0),
        to: at(24),
        policy: twelveHours,
      },
    );
    expect(rota.load[0]!.totalHours).toBe(10);
    const atCap = rota.unfilled.filter((u) => u.reason === 'everyone-at-cap');
    expect(atCap.reduce((sum, u) => sum + u.end - u.start, 0)).toBe(2 * HOUR);
  });

  it("'rest-or-stretch' only once the stretch is at its longest, and until the rest is over", () => {
    // a is free Monday 07:00-20:00, alone; at most 6 h at a stretch, 1 h rest. a stays on call from 07:00 to
    // 13:00 (across the 08:00 hand-off), rests 13:00-14:00, and is back on call from 14:00.
    const rota = generateRota(team([coach('a', [weekly(days('MO'), '07:00', '20:00')])]), {
      from: at(0),
      to: at(24),
      policy: { ...twelveHours, maxStretchHours: 6, minRestHours: 1 },
    });
    const heldAt = (hours: number) => rota.shifts.some((s) => s.start <= at(hours) && at(hours) < s.end);
    expect([7, 8, 10, 12.75].map(heldAt)).toEqual([true, true, true, true]);
    expect(rota.load[0]!.totalHours).toBe(12);
    expect(unfilledOf(rota)).toContainEqual([13, 14, 'rest-or-stretch']);
  });
});

describe('hand-offs', () => {
  it('leaves the primary with its holder when a second coach arrives mid-block (one new shift, no hand-off)', () => {
    // a always free, b free Monday 10:00-11:00 only. From 08:00 a holds the primary alone; at 10:00 (no hand-off
    // time) b arrives and takes the empty backup: the holder of a layer, between hand-off times, carries on (the
    // matching must not move a to the backup to give b the primary: two hand-offs for one arrival).
    const rota = generateRota(
      team([coach('a', [weekly(ALL, '00:00', '00:00')]), coach('b', [weekly(days('MO'), '10:00', '11:00')])]),
      {
        from: at(8),
        to: at(20),
        policy: { handOffTimes: ['08:00', '20:00'], maxStretchHours: 24, minRestHours: 0 },
      },
    );
    expect(shiftsOf(rota)).toEqual([['a', 8, 20]]);
    expect(shiftsOf(rota, 'backup')).toEqual([['b', 10, 11]]);
    expect(rota.quality.handOffsPerWeek).toBe(0);
  });

  it("gives a layer its holder left mid-block to an arriving coach, not to another layer's holder", () => {
    // Monday, hand-offs at 08:00 and 20:00. a (weight 2): 08:00-10:00 (and all Tuesday, so a's first-line share
    // is the largest), b: 08:00-20:00, c: 10:00-20:00. From 08:00 a holds the primary, b the backup. At 10:00 (no hand-off time)
    // a leaves and c arrives: c takes the primary and b carries on with the backup, one hand-off. Moving b up
    // and giving c the backup would make two hand-offs for one departure.
    const rota = generateRota(
      team([
        coach('a', [weekly(days('MO'), '08:00', '10:00'), weekly(days('TU'), '08:00', '20:00')], {
          weight: 2,
        }),
        coach('b', [weekly(days('MO'), '08:00', '20:00')]),
        coach('c', [weekly(days('MO'), '10:00', '20:00')]),
      ]),
      {
        from: at(8),
        to: at(44),
        policy: { handOffTimes: ['08:00', '20:00'], maxStretchHours: 168, minRestHours: 0 },
      },
    );
    expect(shiftsOf(rota)).toEqual([
      ['a', 8, 10],
      ['c', 10, 20],
      ['a', 32, 44],
    ]);
    expect(shiftsOf(rota, 'backup')).toEqual([['b', 8, 20]]);
    expect(rota.load.map((l) => l.handOffs)).toEqual([1, 0, 0]);
  });
});

describe('fairness', () => {
  it('hands each block to whoever is owed the most of their share', () => {
    // Three coaches always free, one layer, hand-offs every 4 h, 8 hours: shares 8/3 h each. a takes 00:00-04:00;
    // at 04:00 a is owed -4/3 h and b 8/3 h, so b takes over. a and b end 4/3 h over, c 8/3 h under: within one
    // 4 h block.
    const rota = generateRota(team(['a', 'b', 'c'].map((id) => coach(id, [weekly(ALL, '00:00', '00:00')]))), {
      from: at(0),
      to: at(8),
      policy: { layers: ['primary'], maxStretchHours: 168, minRestHours: 0 },
    });
    expect(shiftsOf(rota)).toEqual([
      ['a', 0, 4],
      ['b', 4, 8],
    ]);
    expect(rota.load.map((l) => l.fairShareHours)).toEqual([8 / 3, 8 / 3, 8 / 3]);
    expect(rota.quality.maxFairShareDeviationHours).toBeCloseTo(8 / 3, 12); // c: nothing, for a share of 8/3 h
  });

  it('keeps a heavier coach within one block of their fair share: no run of evenings by weight alone', () => {
    // a, b, c (weight 0.5) and d (1.25) are all free every evening 20:00-24:00; two evenings. Fair shares of the
    // 8 h: d 8 x 1.25 / 2.75 = 3.64 h, the others 1.45 h. d, owed the most, takes the first evening; then d is
    // owed -0.36 h and the others 1.45 h, so the second evening goes to another coach. (Picking the lowest
    // (load + block) / share instead, as D'Hondt gives seats, would hand d both: 4.36 h over, more than a block.)
    const rota = generateRota(
      team([
        coach('a', [weekly(ALL, '20:00', '00:00')], { weight: 0.5 }),
        coach('b', [weekly(ALL, '20:00', '00:00')], { weight: 0.5 }),
        coach('c', [weekly(ALL, '20:00', '00:00')], { weight: 0.5 }),
        coach('d', [weekly(ALL, '20:00', '00:00')], { weight: 1.25 }),
      ]),
      { from: at(0), to: at(48), policy: twelveHours },
    );
    expect(rota.quality.maxFairShareDeviationHours).toBeLessThanOrEqual(4);
  });

  it('keeps the heaviest coach within one block of their share when nights start before a hand-off time', () => {
    // a (weight 2), b (0.75), c and d (0.5) are all free every night 20:00-08:00; hand-offs at 10:00 and 22:00;
    // Monday 00:00 to Friday 00:00: 48 h, shares a 25.6, b 9.6, c and d 6.4. Each night is decided at 20:00,
    // and again at 22:00. Were it decided on the first two hours alone by (load + 2 h) / share, a light coach
    // would look cheapest every night and carry on to 08:00: a would end with 12 h, 13.6 h short.
    const rota = generateRota(
      team([
        coach('a', [weekly(ALL, '20:00', '08:00')], { weight: 2 }),
        coach('b', [weekly(ALL, '20:00', '08:00')], { weight: 0.75 }),
        coach('c', [weekly(ALL, '20:00', '08:00')], { weight: 0.5 }),
        coach('d', [weekly(ALL, '20:00', '08:00')], { weight: 0.5 }),
      ]),
      { from: at(0), to: at(96), policy: { layers: ['primary'], handOffTimes: ['10:00', '22:00'] } },
    );
    // One block: 22:00 to 08:00, 10 h.
    expect(rota.quality.maxFairShareDeviationHours).toBeLessThanOrEqual(10);
  });

  it('never gives a capped coach a fair share above what their weekly caps let them carry', () => {
    // Two weeks. a: every day 08:00-20:00 of the first week only (84 h free), at most 24 h a week: a can carry
    // 24 h in all. b: the same hours in the second week only, no cap. a does Monday and Tuesday (24 h), b the
    // 7 days of week two (84 h): 108 h. Water-filling 108 h with capacities a 24, b 84 gives a 24, b 84.
    const rota = generateRota(
      team([
        coach('a', [weekly(ALL, '08:00', '20:00')], {
          maxHoursPerWeek: 24,
          unavailable: [wholeDaysAway('2026-12-14', '2026-12-20')],
        }),
        coach('b', [weekly(ALL, '08:00', '20:00')], {
          unavailable: [wholeDaysAway('2026-12-07', '2026-12-13')],
        }),
      ]),
      { from: week.from, to: week.from + 14 * 24 * HOUR, policy: twelveHours },
    );
    expect(rota.load.map((l) => l.totalHours)).toEqual([24, 84]);
    expect(rota.load.map((l) => l.fairShareHours)).toEqual([24, 84]);
  });
});

describe('DST nights: shifts keep their real lengths', () => {
  // Two coaches always free, one layer, hand-offs every 4 hours, at most 5 hours on call at a stretch, no rest:
  // they alternate block by block. The 00:00-04:00 block of a DST night is as long as it really is.
  const both = (zone: string) =>
    team(
      [
        coach('a', [weekly(ALL, '00:00', '00:00')], { timeZone: zone }),
        coach('b', [weekly(ALL, '00:00', '00:00')], { timeZone: zone }),
      ],
      1,
      zone,
    );
  const policy: RotaPolicyInput = {
    layers: ['primary'],
    handOffTimes: ['00:00', '04:00', '08:00', '12:00', '16:00', '20:00'],
    maxStretchHours: 5,
    minRestHours: 0,
  };
  it.each([
    // zone, local 20:00 the evening before, hours of the 00:00-04:00 block
    ['Europe/Paris', utc(2026, 2, 28, 19), 3],
    ['Europe/Paris', utc(2026, 9, 24, 18), 5],
    ['America/New_York', utc(2026, 2, 8, 1), 3], // Sat 7 March 20:00 EST
    ['America/New_York', utc(2026, 10, 1, 0), 5], // Sat 31 October 20:00 EDT
    ['Australia/Lord_Howe', utc(2026, 3, 4, 9), 4.5], // Sat 4 April 20:00 +11:00; 02:00 back to 01:30
    ['Australia/Lord_Howe', utc(2026, 9, 3, 9, 30), 3.5], // Sat 3 October 20:00 +10:30; 02:00 on to 02:30
  ])('%s, from %d: 20-24, 00-04, 04-08, 08-12', (zone, from, night) => {
    const to = from + (12 + night) * HOUR;
    const rota = generateRota(both(zone), { from, to, policy });
    const hours = rota.shifts.map((s) => [s.coachId, (s.end - s.start) / HOUR]);
    expect(hours).toEqual([
      ['a', 4],
      ['b', night],
      ['a', 4],
      ['b', 4],
    ]);
    expect(rota.unfilled).toEqual([]);
    expect(rota.shifts[0]!.start).toBe(from);
    expect(rota.shifts[3]!.end).toBe(to);
  });
});

describe('overrides', () => {
  const day = { from: at(0), to: at(24) };
  const pair = team([
    coach('a', [weekly(days('MO'), '08:00', '20:00')]),
    coach('b', [weekly(days('MO'), '08:00', '20:00')]),
    coach('z', [weekly(days('TU'), '08:00', '20:00')]),
  ]);
  const run = (overrides: Override[], extra: Partial<RotaOptions> = {}) =>
    generateRota(pair, { ...day, policy: twelveHours, overrides, ...extra });

  it('pins the override exactly, and splits the generated shift around it rather than dropping it', () => {
    const rota = run([{ layer: 'primary', coachId: 'b', start: at(12), end: at(14) }]);
    // 14:00: a has 4 h, b 2 h, targets 6 h each: b is further below, and takes the rest of the block.
    expect(shiftsOf(rota)).toEqual([
      ['a', 8, 12],
      ['b', 12, 14, 'override'],
      ['b', 14, 20],
    ]);
    expect(unfilledOf(rota)).toEqual([
      [0, 8, 'nobody-available'],
      [20, 24, 'nobody-available'],
    ]);
    expect(rota.flags).toEqual([]);
  });

  it('keeps an override where the coach declared no availability, and flags it', () => {
    const rota = run([{ layer: 'primary', coachId: 'z', start: at(19), end: at(21) }]);
    expect(shiftsOf(rota)).toEqual([
      ['a', 8, 19],
      ['z', 19, 21, 'override'],
    ]);
    expect(rota.flags).toEqual([
      {
        kind: 'override-outside-availability',
        override: 0,
        coachId: 'z',
        layer: 'primary',
        minutesOutside: 120,
      },
    ]);
  });

  it('keeps the override coach out of every other layer meanwhile', () => {
    const rota = generateRota(pair, {
      ...day,
      policy: { layers: ['primary', 'backup'], handOffTimes: ['08:00', '20:00'] },
      overrides: [{ layer: 'backup', coachId: 'a', start: at(8), end: at(20) }],
    });
    expect(shiftsOf(rota)).toEqual([['b', 8, 20]]);
    expect(shiftsOf(rota, 'backup')).toEqual([['a', 8, 20, 'override']]);
  });

  it('refuses bad overrides, naming each one by its path', () => {
    const good: Override = { layer: 'primary', coachId: 'a', start: at(9), end: at(10) };
    expect(issuePaths(() => run([good, { ...good, coachId: 'b', start: at(9.5), end: at(11) }]))).toEqual([
      'overrides[1]', // overlaps overrides[0] on the same layer
    ]);
    expect(
      issuePaths(() =>
        generateRota(pair, {
          ...day,
          policy: { layers: ['primary', 'backup'] },
          overrides: [good, { ...good, layer: 'backup' }],
        }),
      ),
    ).toEqual(['overrides[1]']); // one coach in two layers at once
    expect(issuePaths(() => run([{ ...good, coachId: 'zoe' }]))).toEqual(['overrides[0].coachId']);
    expect(issuePaths(() => run([{ ...good, layer: 'backup' }]))).toEqual(['overrides[0].layer']);
    expect(issuePaths(() => run([good, { ...good, start: at(23), end: at(25) }]))).toEqual(['overrides[1]']);
    expect(issuePaths(() => run([{ ...good, end: good.start }]))).toEqual(['overrides[0].end']);
    expect(issuePaths(() => run([{ ...good, start: Number.NaN }]))).toEqual(['overrides[0].start']);
    // Every problem at once, in input order.
    expect(
      issuePaths(() =>
        run([
          { ...good, coachId: 'zoe', layer: 'third' },
          { ...good, start: at(-1) },
        ]),
      ),
    ).toEqual(['overrides[0].coachId', 'overrides[0].layer', 'overrides[1]']);
    const error = (() => {
      try {
        run([{ ...good, coachId: 'zoe' }]);
      } catch (e) {
        return e as ValidationError;
      }
      return undefined;
    })();
    expect(error?.message).toContain('overrides[0].coachId: "zoe" is not a coach of the team');
  });
});

describe('policy validation', () => {
  const one = team([coach('a', [weekly(ALL, '08:00', '20:00')])]);
  const paths = (policy: unknown) =>
    issuePaths(() => generateRota(one, { ...week, policy: policy as RotaPolicyInput }));

  it('names the path of each bad value', () => {
    expect(paths({ layers: [] })).toEqual(['policy.layers']);
    expect(paths({ layers: ['primary', 'primary'] })).toEqual(['policy.layers[1]']);
    expect(paths({ layers: ['Primary'] })).toEqual(['policy.layers[0]']);
    expect(paths({ handOffTimes: '08:00' as never })).toEqual(['policy.handOffTimes']);
    expect(paths({ handOffTimes: ['08:00', '25:00'] })).toEqual(['policy.handOffTimes[1]']);
    expect(paths({ minShiftMinutes: -1 })).toEqual(['policy.minShiftMinutes']);
    expect(paths({ maxStretchHours: 0 })).toEqual(['policy.maxStretchHours']);
    expect(paths({ maxStretchHours: 169 })).toEqual(['policy.maxStretchHours']);
    expect(paths({ minRestHours: Number.NaN })).toEqual(['policy.minRestHours']);
    expect(paths({ night: { from: '22:00', to: '22:00' } })).toEqual(['policy.night']);
    expect(paths({ layerSkills: { third: ['senior'] } })).toEqual(['policy.layerSkills.third']);
    expect(paths({ layerSkills: { primary: [''] } })).toEqual(['policy.layerSkills.primary']);
  });

  it('lists every problem at once', () => {
    expect(paths({ layers: ['primary', 'primary'], maxStretchHours: 0, minRestHours: -1 })).toEqual([
      'policy.layers[1]',
      'policy.maxStretchHours',
      'policy.minRestHours',
    ]);
  });

  it('refuses a malformed previous rota by path', () => {
    expect(
      issuePaths(() =>
        generateRota(one, {
          ...week,
          previous: [{ layer: 'primary', coachId: 'a', start: at(1), end: at(0) }],
        }),
      ),
    ).toEqual(['previous.shifts[0].end']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Pinned defects: each test states what the rota should do; it fails until src/rota is fixed (see the report).

describe('more coaches than layers', () => {
  it('rotates the backup too: with more coaches than layers, nobody holds a layer for days', () => {
    // a, b and c are always free; primary and backup; hand-offs at 08:00 and 20:00; no limit on stretches (a
    // policy may allow long ones); Monday to Thursday, 72 h. Fair shares: 48 h each (144 layer-hours over
    // three). A rota that kept b on the backup for all 72 h while a and c alternate on the primary (36 h each)
    // would be 24 h, two blocks, from every share: at hand-off times every layer is decided afresh.
    const rota = generateRota(team(['a', 'b', 'c'].map((id) => coach(id, [weekly(ALL, '00:00', '00:00')]))), {
      from: at(0),
      to: at(72),
      policy: { handOffTimes: ['08:00', '20:00'], maxStretchHours: 168, minRestHours: 0 },
    });
    expect(rota.load.map((l) => l.fairShareHours)).toEqual([48, 48, 48]);
    expect(rota.quality.maxFairShareDeviationHours).toBeLessThanOrEqual(12);
  });
});

describe('generateRota takes a team file too', () => {
  it('gives the same rota for the raw team object as for the compiled team', () => {
    const raw = {
      name: 'Raw',
      timeZone: 'Europe/Paris',
      coaches: [{ id: 'a', name: 'A', availability: [{ days: ['MO'], from: '08:00', to: '20:00' }] }],
    };
    const compiled: Team = team([coach('a', [weekly(days('MO'), '08:00', '20:00')], { name: 'A' })], 1);
    const fromRaw = generateRota(raw as never, { ...week, policy: twelveHours });
    const fromCompiled = generateRota({ ...compiled, name: 'Raw' }, { ...week, policy: twelveHours });
    expect(fromRaw.shifts).toEqual(fromCompiled.shifts);
    expect(fromRaw.shifts.map((s) => (s.end - s.start) / MINUTE)).toEqual([720]);
  });
});

describe('hand-offs only at the boundaries of availability', () => {
  it('keeps a holder until their availability ends when handOffTimes is empty', () => {
    // a free Monday 08:00-20:00, b free Monday 12:00-22:00; one layer, no fixed hand-off times: a holds until
    // 20:00 (b becoming free at 12:00 is no reason to hand off), then b until 22:00.
    const rota = generateRota(
      team([
        coach('a', [weekly(days('MO'), '08:00', '20:00')]),
        coach('b', [weekly(days('MO'), '12:00', '22:00')]),
      ]),
      { from: at(0), to: at(24), policy: { layers: ['primary'], handOffTimes: [], maxStretchHours: 24 } },
    );
    expect(shiftsOf(rota)).toEqual([
      ['a', 8, 20],
      ['b', 20, 22],
    ]);
  });
});

describe('stability across a longest stretch, with no rest (issue 11)', () => {
  // a is free all week, alone; one layer, hand-offs at 08:00 and 20:00, at most 30 h at a stretch, no rest. A
  // stretch at its longest stops, and a is back at the next breakpoint: on call 0-30 h (Mon 00:00 - Tue 06:00),
  // back at Tue 08:00 (32 h) for 30 h to 62 h (Wed 14:00), back at Wed 20:00 (68 h) to 98 h (Fri 02:00), back at
  // Fri 08:00 (104 h) to 134 h (Sat 14:00), back at Sat 20:00 (140 h) to the end (28 h).
  const policy: RotaPolicyInput = { ...twelveHours, maxStretchHours: 30, minRestHours: 0 };
  const alone = (unavailable: { start: number; end: number }[] = []) =>
    team([coach('a', [weekly(ALL, '00:00', '00:00')], { unavailable })]);
  const published = generateRota(alone(), { ...week, policy });
  const away = [awayBetween('2026-12-07T16:00', '2026-12-07T17:00')]; // Monday 16-17 h

  it('stops each stretch at its longest and takes up again at the next breakpoint', () => {
    expect(shiftsOf(published)).toEqual([
      ['a', 0, 30],
      ['a', 32, 62],
      ['a', 68, 98],
      ['a', 104, 134],
      ['a', 140, 168],
    ]);
    expect(unfilledOf(published)).toEqual([
      [30, 32, 'rest-or-stretch'],
      [62, 68, 'rest-or-stretch'],
      [98, 104, 'rest-or-stretch'],
      [134, 140, 'rest-or-stretch'],
    ]);
  });

  it('regenerated with an hour away, changes that hour only: the stretch taken up keeps its published phase', () => {
    // Back at 17 h inside the published run 0-30 h, a's stretch counts from 0 h, so it ends at 30 h as published
    // (13 h really held). Counted from 17 h, it would run to 47 h, and every later break would move: 47-56,
    // 86-92, 122-128, 158-164 h.
    const next = generateRota(alone(away), { ...week, policy, previous: published });
    expect(shiftsOf(next)).toEqual([
      ['a', 0, 16],
      ['a', 17, 30],
      ['a', 32, 62],
      ['a', 68, 98],
      ['a', 104, 134],
      ['a', 140, 168],
    ]);
    expect(unfilledOf(next)).toEqual([[16, 17, 'nobody-available'], ...unfilledOf(published)]);
  });

  it('regenerated with half an hour away while resting, does not take up early: the published run keeps its start', () => {
    // Away Tue 06:30-07:00 (30.5-31 h) cuts the published rest 30-32 h at 31 h, where a has rested (no rest is
    // needed). Taking 31-32 h would run into the published run 32-62 h and make it a 31 h stretch: it would be cut
    // at 61 h, and every later break would move (61-62, 92-98, 128-134, 164-168 h). So 31-32 h stays empty.
    const next = generateRota(alone([awayBetween('2026-12-08T06:30', '2026-12-08T07:00')]), {
      ...week,
      policy,
      previous: published,
    });
    expect(shiftsOf(next)).toEqual(shiftsOf(published));
    expect(unfilledOf(next)).toEqual([
      [30, 30.5, 'rest-or-stretch'],
      [30.5, 31, 'nobody-available'],
      [31, 32, 'rest-or-stretch'],
      ...unfilledOf(published).slice(1),
    ]);
  });

  it('without a previous rota, counts a stretch from where it really starts', () => {
    // From 17 h: 30 h to 47 h (Tue 23:00), back at Wed 08:00 (56 h) to 86 h (Thu 14:00), back at Thu 20:00 (92 h)
    // to 122 h (Sat 02:00), back at Sat 08:00 (128 h) to 158 h (Sun 14:00), back at Sun 20:00 (164 h).
    expect(shiftsOf(generateRota(alone(away), { ...week, policy }))).toEqual([
      ['a', 0, 16],
      ['a', 17, 47],
      ['a', 56, 86],
      ['a', 92, 122],
      ['a', 128, 158],
      ['a', 164, 168],
    ]);
  });
});
