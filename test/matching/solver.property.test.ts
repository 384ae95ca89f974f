/**
 * Properties of the exact matching solver on random small problems, against the exhaustive reference
 * (solver-reference.ts): feasibility, optimality of (1) and (2) with `proven`, candidates, determinism, and
 * monotonicity when a coach is added. Instances use 60-90-minute calls on a 30-minute grid with buffers, so
 * candidate starts of one coach overlap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type MatchingProblem,
  type SolverCoach,
  type SolverRequest,
  solveMatching,
} from '../../src/matching/solver/index.js';
import { bruteForce, freeCalls, MIN, violations } from './solver-reference.js';

const H = 60 * MIN;
const STEP = 30 * MIN;
/** 8 hours of grid, two local "days" of 4 hours; an optional jump of 60 min in the grid (a DST-like night). */
const SPAN = 16;

const norm = (pairs: [number, number][]) => {
  const sorted = pairs.filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [a, b] of sorted) {
    if (out.length > 0 && a <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, b);
    else out.push(a, b);
  }
  return Float64Array.from(out);
};
const slot = (k: number) => k * STEP;
const span = fc.tuple(fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 1, max: 8 }));

const coachArb: fc.Arbitrary<SolverCoach> = fc
  .record({
    free: fc.array(span, { minLength: 1, maxLength: 2 }),
    booked: fc.option(fc.integer({ min: 0, max: 14 })),
  })
  .map(({ free, booked }) => ({
    free: norm(free.map(([a, l]) => [slot(a), slot(Math.min(SPAN + 2, a + l))])),
    booked: booked === null ? new Float64Array(0) : Float64Array.of(slot(booked), slot(booked) + H),
    dayStarts: Float64Array.of(0, 4 * H, 9 * H),
  }));

const requestArb = (coaches: number): fc.Arbitrary<SolverRequest> =>
  fc
    .record({
      windows: fc.array(span, { minLength: 1, maxLength: 2 }),
      duration: fc.constantFrom(H, H, 1.5 * H, STEP),
      deadline: fc.integer({ min: 0, max: SPAN }),
      preferredCoach: fc.integer({ min: -1, max: coaches - 1 }),
      restrict: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: coaches - 1 }), { minLength: 1 })),
    })
    .map(({ windows, duration, deadline, preferredCoach, restrict }) => ({
      windows: norm(windows.map(([a, l]) => [slot(a), slot(a + l + 1)])),
      duration,
      deadline: slot(deadline),
      preferredCoach,
      ...(restrict === null ? {} : { coaches: Int32Array.from(restrict) }),
    }));

const problemArb: fc.Arbitrary<MatchingProblem> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) =>
    fc.record({
      coaches: fc.array(coachArb, { minLength: n, maxLength: n }),
      requests: fc.array(requestArb(n), { minLength: 1, maxLength: 7 }),
      buffer: fc.constantFrom(0, 15 * MIN, STEP),
      dailyCap: fc.integer({ min: 1, max: 3 }),
      jump: fc.boolean(),
    }),
  )
  .map(({ coaches, requests, buffer, dailyCap, jump }) => {
    const grid: number[] = [];
    for (let k = 0; k <= SPAN; k++) if (!(jump && (k === 9 || k === 10))) grid.push(slot(k));
    return { grid: Float64Array.from(grid), coaches, requests, buffer, dailyCap };
  });

const RUNS = { numRuns: 300 };

describe('solveMatching, properties', () => {
  it('is feasible and optimal for (on time, placed) against exhaustive search, and proven', () => {
    let searched = 0;
    fc.assert(
      fc.property(problemArb, (p) => {
        const out = solveMatching(p);
        expect(violations(p, out.coach, out.start)).toEqual([]);
        const best = bruteForce(p);
        expect({ onTime: out.stats.onTime, placed: out.stats.placed }).toEqual(best);
        expect(out.stats.proven).toBe(true);
        expect(out.stats.upperBoundOnTime).toBe(best.onTime);
        if (out.stats.components > 0) searched++;
      }),
      RUNS,
    );
    // The exact phase must really have been exercised, not only the trivial bound.
    expect(searched).toBeGreaterThan(10);
  });

  it('reports the number of free candidate calls, ignoring bookings and caps', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const out = solveMatching(p);
        expect(Array.from(out.candidates)).toEqual(p.requests.map((_, r) => freeCalls(p, r).length));
      }),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const a = solveMatching(p);
        const b = solveMatching(p);
        expect(Array.from(b.coach)).toEqual(Array.from(a.coach));
        expect(Array.from(b.start)).toEqual(Array.from(a.start));
        expect(b.stats).toEqual(a.stats);
      }),
      { numRuns: 100 },
    );
  });

  it('never lowers the on-time count when a coach is added', () => {
    fc.assert(
      fc.property(problemArb, coachArb, (p, extra) => {
        const before = solveMatching(p).stats;
        const after = solveMatching({ ...p, coaches: [...p.coaches, extra] }).stats;
        expect(after.onTime).toBeGreaterThanOrEqual(before.onTime);
        if (after.onTime === before.onTime) expect(after.placed).toBeGreaterThanOrEqual(before.placed);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps (1) and (2) while reporting a bound no lower than the value when the node limit cuts the search', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const out = solveMatching(p, { nodeLimit: 1 });
        expect(violations(p, out.coach, out.start)).toEqual([]);
        // The full solve is checked optimal by the first property.
        const best = solveMatching(p).stats;
        expect(out.stats.upperBoundOnTime).toBeGreaterThanOrEqual(best.onTime);
        expect(out.stats.upperBoundPlaced).toBeGreaterThanOrEqual(out.stats.placed);
        if (out.stats.proven)
          expect([out.stats.onTime, out.stats.placed]).toEqual([best.onTime, best.placed]);
      }),
      { numRuns: 150 },
    );
  });
});
