/**
 * Properties of the exact matching solver on random small problems, against the exhaustive reference
 * (solver-reference.ts): feasibility, optimality of (1) and (2) with `proven`, candidates, determinism, and
 * monotonicity when a coach is added. Instances use 60-90-minute calls on a 30-minute grid with buffers, so
 * candidate starts of one coach overlap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveMatching } from '../../src/matching/solver/index.js';
import { coachArb, problemArb } from './solver-arb.js';
import { bruteForce, freeCalls, violations } from './solver-reference.js';

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
