/** Hand-computed examples of the exact matching solver. */
import { describe, expect, it } from 'vitest';
import { type MatchingProblem, type SolverRequest, solveMatching } from '../../src/matching/solver/index.js';
import { bruteForce, MIN, violations } from './solver-reference.js';

const H = 60 * MIN;
const f = (...xs: number[]) => Float64Array.from(xs);
/** A grid every `step` ms over [from, to). */
const grid = (from: number, to: number, step = 30 * MIN) => {
  const out: number[] = [];
  for (let t = from; t < to; t += step) out.push(t);
  return Float64Array.from(out);
};
const coach = (free: Float64Array, booked = f(), dayStarts = f(0, 24 * H)) => ({ free, booked, dayStarts });
const req = (windows: Float64Array, deadline: number, extra: Partial<SolverRequest> = {}): SolverRequest => ({
  windows,
  duration: H,
  deadline,
  preferredCoach: -1,
  ...extra,
});

describe('solveMatching, by hand', () => {
  it('beats greedy-earliest when candidate starts overlap (60-min calls, 30-min grid, 15-min buffer)', () => {
    // One coach free 18:00-20:45. A (window 18:00-20:45) can start 18:00-19:45, B (18:30-20:00) only 18:30-19:00.
    // Earliest-first in receipt order gives A 18:00, so B cannot start before 19:15: B is lost. Both fit only as
    // B 18:30 (busy until 19:45) and A 19:45.
    const p: MatchingProblem = {
      grid: grid(18 * H, 21 * H, 15 * MIN),
      buffer: 15 * MIN,
      dailyCap: 5,
      coaches: [coach(f(18 * H, 20.75 * H))],
      requests: [req(f(18 * H, 20.75 * H), 24 * H), req(f(18.5 * H, 20 * H), 24 * H)],
    };
    const out = solveMatching(p);
    expect(out.stats.placed).toBe(2);
    expect(out.stats.proven).toBe(true);
    expect(Array.from(out.start)).toEqual([19.75 * H, 18.5 * H]);
    expect(violations(p, out.coach, out.start)).toEqual([]);
  });

  it('places both requests on time where a most-constrained order matters', () => {
    // Coach free 18:00-19:00 and 19:30-20:30. Request 0 can go in either, request 1 only in the first.
    const p: MatchingProblem = {
      grid: grid(18 * H, 21 * H),
      buffer: 0,
      dailyCap: 5,
      coaches: [coach(f(18 * H, 19 * H, 19.5 * H, 20.5 * H))],
      requests: [req(f(18 * H, 21 * H), 21 * H), req(f(18 * H, 19 * H), 21 * H)],
    };
    const out = solveMatching(p);
    expect(Array.from(out.start)).toEqual([19.5 * H, 18 * H]);
    expect(out.stats).toMatchObject({ onTime: 2, placed: 2, proven: true });
  });

  it('keeps the daily cap, counting bookings, by local day', () => {
    // Cap 2, one booked call on day 0: only one more call on day 0; the other goes to day 1.
    const p: MatchingProblem = {
      grid: grid(0, 48 * H, H),
      buffer: 0,
      dailyCap: 2,
      coaches: [coach(f(0, 48 * H), f(1 * H, 2 * H), f(0, 24 * H, 48 * H))],
      requests: [req(f(10 * H, 30 * H), 48 * H), req(f(10 * H, 30 * H), 48 * H)],
    };
    const out = solveMatching(p);
    expect(Array.from(out.start)).toEqual([10 * H, 24 * H]);
    expect(out.stats.proven).toBe(true);
  });

  it('refuses back-to-back calls when a buffer is set, and prefers on time to placed', () => {
    // Coach free 9:00-11:00 only, buffer 15 min: 9:00-10:00 and 10:00-11:00 are too close. Request 0 is on time
    // only at 9:00 (deadline 9:30), request 1 any time: one must go; on time wins, request 1 stays unplaced.
    const p: MatchingProblem = {
      grid: grid(9 * H, 11 * H),
      buffer: 15 * MIN,
      dailyCap: 9,
      coaches: [coach(f(9 * H, 11 * H))],
      requests: [req(f(9 * H, 11 * H), 9.5 * H), req(f(9 * H, 11 * H), 9 * H)],
    };
    const out = solveMatching(p);
    expect(Array.from(out.coach)).toEqual([0, -1]);
    expect(out.stats).toMatchObject({ onTime: 1, placed: 1, proven: true });
    expect(Array.from(out.candidates)).toEqual([3, 3]);
  });

  it('works on a DST night grid that is not uniform in UTC', () => {
    // Autumn night in Paris: local 02:00-03:00 happens twice; the local 30-min grid in UTC has a 90-min step.
    const base = Date.UTC(2026, 9, 25, 0, 0); // 02:00 local (CEST) = 00:00 UTC
    const g = f(base - 30 * MIN, base, base + 2 * H, base + 2.5 * H); // 01:30, 02:00 CEST, 03:00, 03:30 CET
    const p: MatchingProblem = {
      grid: g,
      buffer: 0,
      dailyCap: 9,
      coaches: [coach(f(base - H, base + 4 * H), f(), f(base - 26 * H, base + 22 * H))],
      requests: [req(f(base, base + 3 * H), base + 3 * H), req(f(base, base + 3 * H), base + 3 * H)],
    };
    const out = solveMatching(p);
    // 02:00 CEST (00:00 UTC) and the next grid instant 03:00 CET (02:00 UTC); nothing at 01:00 UTC.
    expect(Array.from(out.start).sort()).toEqual([base, base + 2 * H]);
    expect(out.stats.proven).toBe(true);
  });

  it('reports no candidate when nobody is free, and candidates when bookings block', () => {
    const p: MatchingProblem = {
      grid: grid(0, 10 * H),
      buffer: 0,
      dailyCap: 9,
      coaches: [coach(f(0, 2 * H), f(0, 2 * H))],
      requests: [req(f(0, 2 * H), 5 * H), req(f(5 * H, 8 * H), 9 * H)],
    };
    const out = solveMatching(p);
    expect(Array.from(out.candidates)).toEqual([3, 0]);
    expect(Array.from(out.coach)).toEqual([-1, -1]);
    expect(out.stats).toMatchObject({ placed: 0, proven: true, upperBoundPlaced: 0 });
  });

  it('needs the exact search on a tight instance, and proves it', () => {
    // Two coaches free 18:00-21:00, 75-min busy spans: at most 2 calls each; 6 requests with staggered windows.
    const p: MatchingProblem = {
      grid: grid(18 * H, 21 * H),
      buffer: 15 * MIN,
      dailyCap: 9,
      coaches: [coach(f(18 * H, 21 * H)), coach(f(18 * H, 21 * H))],
      requests: [0, 0.5, 1, 1.5, 0, 1].map((d) => req(f((18 + d) * H, (19.5 + d) * H), (19 + d) * H)),
    };
    const out = solveMatching(p);
    expect(violations(p, out.coach, out.start)).toEqual([]);
    expect({ onTime: out.stats.onTime, placed: out.stats.placed }).toEqual(bruteForce(p));
    expect(out.stats.proven).toBe(true);
  });

  it('gives a preferred coach the call when loads allow', () => {
    const p: MatchingProblem = {
      grid: grid(9 * H, 12 * H),
      buffer: 0,
      dailyCap: 9,
      coaches: [coach(f(9 * H, 12 * H)), coach(f(9 * H, 12 * H))],
      requests: [req(f(9 * H, 10 * H), 12 * H, { preferredCoach: 1 })],
    };
    expect(Array.from(solveMatching(p).coach)).toEqual([1]);
  });

  it('honours the allowed coaches of a request', () => {
    const p: MatchingProblem = {
      grid: grid(9 * H, 12 * H),
      buffer: 0,
      dailyCap: 9,
      coaches: [coach(f(9 * H, 12 * H)), coach(f(9 * H, 12 * H))],
      requests: [req(f(9 * H, 10 * H), 12 * H, { coaches: Int32Array.of(1) })],
    };
    const out = solveMatching(p);
    expect(Array.from(out.coach)).toEqual([1]);
    expect(Array.from(out.candidates)).toEqual([1]);
  });
});
