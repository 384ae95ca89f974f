// computeExposure against a direct reference: for an arrival t, the earliest call start is the least max(s, t) over
// every coach's free span [s, e) with e - max(s, t) >= the call; it breaches the elapsed promise when that start is
// after t + target. Free time comes from computeCoverage (tested on its own); arrivals on a 15-minute grid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage, computeExposure, HOUR, MINUTE, parseTeam } from '../../src/index.js';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const teamArb = fc.array(
  fc.array(
    fc.record({
      days: fc.subarray([...DAYS], { minLength: 1 }),
      from: fc.integer({ min: 0, max: 46 }),
      length: fc.integer({ min: 1, max: 24 }),
    }),
    { minLength: 0, maxLength: 2 },
  ),
  { minLength: 1, maxLength: 3 },
);

describe('computeExposure', () => {
  it('agrees with the direct reference on every arrival of a 15-minute grid', () => {
    fc.assert(
      fc.property(teamArb, fc.integer({ min: 4, max: 48 }), (coaches, targetHours) => {
        const team = parseTeam({
          name: 'T',
          timeZone: 'Europe/Paris',
          sla: { coaches: { firstContactWithin: `PT${targetHours}H` } },
          coaches: coaches.map((rules, i) => ({
            id: `c${i}`,
            name: `C${i}`,
            availability: rules.map((r) => ({
              days: r.days,
              from: hhmm(r.from * 30),
              to: hhmm(((r.from + r.length) * 30) % 1440),
            })),
          })),
        });
        // Two weeks around the autumn DST change.
        const from = Date.parse('2026-10-19T00:00:00+02:00');
        const to = Date.parse('2026-11-02T00:00:00+01:00');
        const e = computeExposure(team, { from, to });
        const free = computeCoverage(team, {
          from: from - 2 * 86_400_000,
          to: to + 40 * 86_400_000,
        }).coaches.map((c) => c.freeTime);
        const call = 60 * MINUTE;
        const inside = (list: readonly { start: number; end: number; worstWaitMs: number }[], t: number) =>
          list.find((p) => p.start <= t && t < p.end);
        for (let t = from; t < to; t += 15 * MINUTE) {
          let earliest = Number.POSITIVE_INFINITY;
          for (const set of free) {
            for (let i = 0; i < set.length; i += 2) {
              const s = Math.max(set[i] as number, t);
              if ((set[i + 1] as number) - s >= call) earliest = Math.min(earliest, s);
            }
          }
          const breach = earliest - t > targetHours * HOUR;
          // A span starts at the last instant a call could still start: an arrival exactly then waits 0 (one ms).
          const period = inside(e.periods, t);
          if (!(earliest === t && period?.start === t)) expect(period !== undefined).toBe(breach);
          const wait = inside(e.waits, t);
          if (earliest === t) expect(wait === undefined || wait.start === t).toBe(true);
          else if (Number.isFinite(earliest) && earliest < to + 20 * 86_400_000) {
            expect(wait).toBeDefined();
            expect(wait?.start === undefined ? 0 : wait.start + wait.worstWaitMs).toBe(earliest);
          }
        }
      }),
      { numRuns: 25, seed: 5 },
    );
  });
});
