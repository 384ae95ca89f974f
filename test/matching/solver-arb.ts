/**
 * Random small matching problems for the property tests (solver.property.test.ts, solver-lns.test.ts): 1-3
 * coaches, up to 7 requests, 60-90-minute calls on a 30-minute grid with buffers, so candidate starts of one
 * coach overlap.
 */
import fc from 'fast-check';
import type { MatchingProblem, SolverCoach, SolverRequest } from '../../src/matching/solver/index.js';
import { MIN } from './solver-reference.js';

export const H = 60 * MIN;
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

export const coachArb: fc.Arbitrary<SolverCoach> = fc
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

export const problemArb: fc.Arbitrary<MatchingProblem> = fc
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
