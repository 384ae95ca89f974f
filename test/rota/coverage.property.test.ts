/**
 * Coverage against a brute force: for random teams (coaches in different zones, weekly rules crossing midnight
 * and DST nights, absences), random horizons and targets, every figure of `computeCoverage` is recomputed 15
 * minutes at a time from the luxon reference (test/support), which shares no code with src/time.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Coach, Team } from '../../src/model/team.js';
import { computeCoverage } from '../../src/rota/coverage.js';
import { timelineSegments } from '../../src/rota/timeline.js';
import type { WeeklyRule } from '../../src/time/recurrence.js';
import { DAY, MINUTE } from '../../src/time/types.js';
import { STEP, ZONES } from '../support/luxon-reference.js';
import { referenceFreeSlots } from '../support/rota-reference.js';

const FIRST_DAY = Date.UTC(2025, 0, 6) / DAY;
const LAST_DAY = Date.UTC(2028, 10, 1) / DAY;
const GRID = 15; // minutes: every rule time and every offset of ZONES is on it

const ruleArb = fc
  .record({
    weekdays: fc.integer({ min: 1, max: 127 }),
    start: fc.integer({ min: 0, max: 1440 / GRID - 1 }),
    length: fc.integer({ min: 1, max: 1440 / GRID }),
    everyWeeks: fc.constantFrom(1, 1, 2, 3),
    startOffset: fc.integer({ min: -10, max: 20 }),
  })
  .map(({ weekdays, start, length, everyWeeks, startOffset }) => ({
    weekdays,
    startMinute: start * GRID,
    endMinute: (start + length) * GRID,
    everyWeeks,
    startOffset,
  }));

const coachArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
  away: fc.option(
    fc.record({
      dayOffset: fc.integer({ min: -3, max: 12 }),
      startMinute: fc.integer({ min: 0, max: 95 }).map((q) => q * GRID),
      lengthMinutes: fc.integer({ min: 1, max: 4 * 96 }).map((q) => q * GRID),
    }),
    { nil: undefined },
  ),
});

// Horizons start on a grid instant, often near a DST night of 2025-2028 (late March/early April, October/November).
const caseArb = fc.record({
  day: fc.oneof(
    fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    fc
      .constantFrom(...[2025, 2026, 2027].flatMap((y) => [2, 3, 9, 10].map((m) => Date.UTC(y, m, 1) / DAY)))
      .chain((d) => fc.integer({ min: d - 10, max: d + 30 })),
  ),
  startQuarter: fc.integer({ min: 0, max: 95 }),
  lengthQuarters: fc.integer({ min: 1, max: 96 * 9 }),
  teamZone: fc.constantFrom(...ZONES),
  minCoaches: fc.integer({ min: 1, max: 3 }),
  coaches: fc.array(coachArb, { minLength: 1, maxLength: 4 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function buildTeam(c: Case): Team {
  const coaches: Coach[] = c.coaches.map((spec, i) => ({
    id: `c${i}`,
    name: `Coach ${i}`,
    timeZone: spec.zone,
    weight: 1,
    skills: [],
    availability: spec.rules.map(
      (r): WeeklyRule => ({
        kind: 'weekly',
        weekdays: r.weekdays,
        startMinute: r.startMinute,
        endMinute: r.endMinute,
        everyWeeks: r.everyWeeks,
        ...(r.everyWeeks > 1 ? { startDate: c.day + r.startOffset } : {}),
      }),
    ),
    unavailable:
      spec.away === undefined
        ? []
        : [
            {
              start: (c.day + spec.away.dayOffset) * DAY + spec.away.startMinute * MINUTE,
              end:
                (c.day + spec.away.dayOffset) * DAY +
                (spec.away.startMinute + spec.away.lengthMinutes) * MINUTE,
            },
          ],
  }));
  return { name: 'Random', timeZone: c.teamZone, coverage: { minCoaches: c.minCoaches }, coaches };
}

function horizonOf(c: Case): { from: number; to: number } {
  // A grid-aligned UTC instant: every zone's offset is a multiple of 15 minutes, so local grid = UTC grid.
  const from = c.day * DAY + c.startQuarter * STEP;
  return { from, to: from + c.lengthQuarters * STEP };
}

const slotMinutes = STEP / MINUTE;

describe('computeCoverage agrees with a 15-minute brute force (property)', () => {
  it('counts, gaps, fragile time, per-coach figures and the hour-of-week profile', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const team = buildTeam(c);
        const { from, to } = horizonOf(c);
        const report = computeCoverage(team, { from, to });
        const free = referenceFreeSlots(team, from, to);
        const slots = (to - from) / STEP;
        const counts = Array.from({ length: slots }, (_, s) => free.reduce((n, f) => n + f[s]!, 0));

        // The count timeline, slot by slot.
        const { boundaries, counts: stepCounts } = report.timeline;
        expect(boundaries[0]).toBe(from);
        expect(boundaries[boundaries.length - 1]).toBe(to);
        let k = 0;
        for (let s = 0; s < slots; s++) {
          const t = from + s * STEP;
          while (boundaries[k + 1]! <= t) k++;
          expect(stepCounts[k]).toBe(counts[s]);
        }

        // Gaps and covered time partition the horizon; fragile time is exactly the slots at the target.
        const min = c.minCoaches;
        const gapSlots = counts.filter((n) => n < min).length;
        expect(report.stats.gapMinutes).toBe(gapSlots * slotMinutes);
        expect(report.stats.coveredMinutes + report.stats.gapMinutes).toBe(report.stats.horizonMinutes);
        expect(report.stats.fragileMinutes).toBe(counts.filter((n) => n === min).length * slotMinutes);
        const inGaps = new Uint8Array(slots);
        let previousEnd = Number.NEGATIVE_INFINITY;
        for (const gap of report.gaps) {
          expect(gap.start).toBeGreaterThan(previousEnd); // sorted, disjoint and not touching: maximal
          previousEnd = gap.end;
          for (let t = gap.start; t < gap.end; t += STEP) inGaps[(t - from) / STEP] = 1;
          const inside = counts.slice((gap.start - from) / STEP, (gap.end - from) / STEP);
          expect(gap.available).toBe(Math.min(...inside));
        }
        for (let s = 0; s < slots; s++) expect(inGaps[s]).toBe(counts[s]! < min ? 1 : 0);
        const longest = report.gaps.reduce((m, g) => Math.max(m, g.minutes), 0);
        expect(report.stats.longestGapMinutes).toBe(longest);

        // Per coach: free time, and the gap their absence would leave (recounted without them).
        report.coaches.forEach((coach, i) => {
          expect(coach.availableMinutes).toBe(free[i]!.reduce((n, f) => n + f, 0) * slotMinutes);
          const without = counts.filter((n, s) => n - free[i]![s]! < min).length * slotMinutes;
          expect(coach.gapMinutesIfAbsent).toBe(without);
        });

        // The hour-of-week profile: each slot belongs to the local hour its start falls in (team zone).
        const minutes = new Array(168).fill(0);
        const covered = new Array(168).fill(0);
        for (let s = 0; s < slots; s++) {
          const local = DateTime.fromMillis(from + s * STEP, { zone: team.timeZone });
          const cell = (local.weekday - 1) * 24 + local.hour;
          minutes[cell] += slotMinutes;
          if (counts[s]! >= min) covered[cell] += slotMinutes;
        }
        report.hourOfWeek.forEach((cell, i) => {
          expect(cell.minutes).toBe(minutes[i]);
          expect(cell.coveredShare).toBeCloseTo(minutes[i] === 0 ? 0 : covered[i] / minutes[i], 9);
        });

        // The timeline with ids names exactly the coaches the brute force finds free.
        for (const segment of timelineSegments(report)) {
          const s = (segment.start - from) / STEP;
          const expected = team.coaches.filter((_, i) => free[i]![s] === 1).map((coach) => coach.id);
          expect(segment.coachIds).toEqual(expected);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('gives the same report for the same input, computed twice', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const team = buildTeam(c);
        const horizon = horizonOf(c);
        expect(computeCoverage(team, horizon)).toEqual(computeCoverage(structuredClone(team), horizon));
      }),
      { numRuns: 30 },
    );
  });
});
