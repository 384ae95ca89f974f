import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { computeCoverage } from '../../src/rota/coverage.js';
import { timelineSegments } from '../../src/rota/timeline.js';
import { HOUR } from '../../src/time/types.js';
import { coach, days, team, weekly, wholeDaysAway } from './fixtures.js';

const utc = Date.UTC;
// Mon 2026-12-07 00:00 Paris (CET, +01:00) to Mon 2026-12-14 00:00 Paris.
const week = { from: utc(2026, 11, 6, 23), to: utc(2026, 11, 13, 23) };

// A: weekday evenings 19-23. B: Monday and Wednesday nights 22-07, away all Wednesday 9 December.
const twoCoaches = team([
  coach('a', [weekly(days('MO', 'TU', 'WE', 'TH', 'FR'), '19:00', '23:00')]),
  coach('b', [weekly(days('MO', 'WE'), '22:00', '07:00')], {
    unavailable: [wholeDaysAway('2026-12-09', '2026-12-09')],
  }),
]);

describe('computeCoverage, hand-computed week', () => {
  const report = computeCoverage(twoCoaches, week);

  it('computes the headline figures', () => {
    // Covered: Mon 19-Tue 07 (12 h), Tue/Wed/Thu/Fri 19-23 (16 h), Thu 00-07 (B's Wed night after the absence: 7 h).
    expect(report.stats).toEqual({
      horizonMinutes: 10_080,
      coveredMinutes: 35 * 60,
      gapMinutes: 133 * 60,
      fragileMinutes: 34 * 60, // all covered time but Mon 22-23, when both are free
      coverageRatio: 2100 / 10_080,
      longestGapMinutes: 49 * 60, // Fri 23:00 to Mon 00:00
    });
  });

  it('lists the gaps in order with their lengths', () => {
    const hours = report.gaps.map((g) => [
      (g.start - week.from) / HOUR,
      (g.end - week.from) / HOUR,
      g.available,
    ]);
    expect(hours).toEqual([
      [0, 19, 0],
      [31, 43, 0],
      [47, 67, 0],
      [71, 72, 0],
      [79, 91, 0],
      [95, 115, 0],
      [119, 168, 0],
    ]);
    expect(report.gaps.map((g) => g.minutes)).toEqual([19, 12, 20, 1, 12, 20, 49].map((h) => h * 60));
  });

  it('says what each absence would cost', () => {
    expect(
      report.coaches.map(({ id, availableMinutes, gapMinutesIfAbsent, extraGapMinutesIfAbsent }) => ({
        id,
        availableMinutes,
        gapMinutesIfAbsent,
        extraGapMinutesIfAbsent,
      })),
    ).toEqual([
      { id: 'a', availableMinutes: 1200, gapMinutesIfAbsent: 7980 + 1140, extraGapMinutesIfAbsent: 1140 },
      { id: 'b', availableMinutes: 960, gapMinutesIfAbsent: 7980 + 900, extraGapMinutesIfAbsent: 900 },
    ]);
  });

  it('merges gaps below a higher target, keeping the fewest free', () => {
    const two = computeCoverage(twoCoaches, { ...week, minCoaches: 2 });
    expect(two.stats.coveredMinutes).toBe(60);
    expect(two.stats.fragileMinutes).toBe(60);
    expect(
      two.gaps.map((g) => [(g.start - week.from) / HOUR, (g.end - week.from) / HOUR, g.available]),
    ).toEqual([
      [0, 22, 0],
      [23, 168, 0],
    ]);
  });

  it('profiles the hour of week in local time', () => {
    const monday19 = report.hourOfWeek[19]!;
    expect(monday19).toEqual({ weekday: 0, hour: 19, minutes: 60, coveredShare: 1, averageFree: 1 });
    expect(report.hourOfWeek[22]).toMatchObject({ weekday: 0, hour: 22, coveredShare: 1, averageFree: 2 });
    expect(report.hourOfWeek[24 + 10]).toMatchObject({
      weekday: 1,
      hour: 10,
      coveredShare: 0,
      averageFree: 0,
    });
    expect(report.hourOfWeek.reduce((sum, cell) => sum + cell.minutes, 0)).toBe(10_080);
  });

  it('names the coaches free in each segment, splitting at hand-offs', () => {
    const segments = [...timelineSegments(report)].slice(0, 4);
    expect(
      segments.map((s) => [(s.start - week.from) / HOUR, (s.end - week.from) / HOUR, s.coachIds]),
    ).toEqual([
      [0, 19, []],
      [19, 22, ['a']],
      [22, 23, ['a', 'b']],
      [23, 31, ['b']],
    ]);
  });
});

describe('computeCoverage across DST', () => {
  const nights = team([
    coach('c', [weekly(days('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'), '22:00', '06:00')]),
  ]);

  it('counts the spring-forward week at its real 167 hours', () => {
    // Mon 2026-03-23 00:00 CET to Mon 2026-03-30 00:00 CEST.
    const report = computeCoverage(nights, { from: utc(2026, 2, 22, 23), to: utc(2026, 2, 29, 22) });
    expect(report.stats.horizonMinutes).toBe(167 * 60);
    // Nights: 6 h (Sunday's tail) + 5 x 8 h + 7 h (the short night) + 2 h (Sunday night until midnight).
    expect(report.stats.coveredMinutes).toBe(55 * 60);
    const sunday2 = report.hourOfWeek[6 * 24 + 2]!;
    expect(sunday2.minutes).toBe(0);
    expect(report.hourOfWeek.reduce((sum, cell) => sum + cell.minutes, 0)).toBe(167 * 60);
  });

  it('counts the fall-back week at its real 169 hours', () => {
    // Mon 2026-10-19 00:00 CEST to Mon 2026-10-26 00:00 CET.
    const report = computeCoverage(nights, { from: utc(2026, 9, 18, 22), to: utc(2026, 9, 25, 23) });
    expect(report.stats.horizonMinutes).toBe(169 * 60);
    expect(report.stats.coveredMinutes).toBe(57 * 60);
    expect(report.hourOfWeek[6 * 24 + 2]).toMatchObject({ minutes: 120, coveredShare: 1 });
  });

  it('never reports a gap at an exact hand-off', () => {
    const handOff = team([
      coach('day', [weekly(days('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'), '08:00', '20:00')]),
      coach('night', [weekly(days('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'), '20:00', '08:00')]),
    ]);
    for (const horizon of [
      { from: utc(2026, 2, 22, 23), to: utc(2026, 2, 29, 22) },
      { from: utc(2027, 9, 24, 22), to: utc(2027, 9, 31, 23) },
    ]) {
      const report = computeCoverage(handOff, horizon);
      expect(report.gaps).toEqual([]);
      expect(report.stats.coverageRatio).toBe(1);
    }
  });
});

describe('computeCoverage refuses bad horizons', () => {
  it('lists the problem with the path', () => {
    expect(() => computeCoverage(twoCoaches, { from: week.to, to: week.from })).toThrow(ValidationError);
    expect(() =>
      computeCoverage(twoCoaches, { from: week.from, to: week.from + 6 * 366 * 24 * HOUR }),
    ).toThrow(/to: .* makes the horizon longer than five years/);
    expect(() => computeCoverage(twoCoaches, { from: Number.NaN, to: week.to })).toThrow(
      /from: .*is not an instant/,
    );
    expect(() => computeCoverage(twoCoaches, { ...week, minCoaches: 0 })).toThrow(/minCoaches: 0/);
  });
});
