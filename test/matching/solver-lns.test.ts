/**
 * The weighted Lagrangian bound and the pair-of-coaches neighbourhood search (src/matching/solver/lagrange.ts,
 * lns.ts), on random small problems against the exhaustive reference: the bound is never below the optimum, the
 * neighbourhood search only ever returns feasible schedules, never worse than where it started and never above
 * the optimum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickValue } from '../../src/matching/solver/branch.js';
import { components, listCandidates } from '../../src/matching/solver/candidates.js';
import { type ComponentTable, componentTable } from '../../src/matching/solver/component.js';
import { buildContext } from '../../src/matching/solver/context.js';
import { lagrangeBound } from '../../src/matching/solver/lagrange.js';
import { improveByNeighbourhoods, restrict } from '../../src/matching/solver/lns.js';
import type { MatchingProblem } from '../../src/matching/solver/problem.js';
import { problemArb } from './solver-arb.js';
import { bruteForce, violations } from './solver-reference.js';

const RUNS = { numRuns: 200 };

function tables(p: MatchingProblem): ComponentTable[] {
  const ctx = buildContext(p);
  const all = Int32Array.from({ length: p.requests.length }, (_, r) => r);
  const cands = listCandidates(ctx, all, 1_000_000);
  if (!cands) throw new Error('no candidates');
  return components(ctx, cands).map((comp) => componentTable(ctx, cands, comp));
}

/** The global schedule of one pick per table (-1 / NaN elsewhere). */
function schedule(p: MatchingProblem, ts: ComponentTable[], picks: Int32Array[]) {
  const coach = new Int32Array(p.requests.length).fill(-1);
  const start = new Float64Array(p.requests.length).fill(Number.NaN);
  ts.forEach((t, k) => {
    (picks[k] as Int32Array).forEach((id, j) => {
      if (id < 0) return;
      coach[t.global[j] as number] = t.coach[id] as number;
      start[t.global[j] as number] = t.start[id] as number;
    });
  });
  return { coach, start };
}

describe('weighted Lagrangian bound', () => {
  it('bounds (n + 1) * onTime + placed of the exhaustive optimum, for any number of steps', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 1, max: 60 }), (p, steps) => {
        const scale = p.requests.length + 1;
        const best = bruteForce(p);
        let bound = 0;
        for (const t of tables(p)) {
          const w = Float64Array.from(t.onTime, (o) => o * scale + 1);
          bound += Math.floor(lagrangeBound(t, w, steps, 0).bound + 1e-7);
        }
        expect(bound).toBeGreaterThanOrEqual(best.onTime * scale + best.placed);
      }),
      RUNS,
    );
  });
});

describe('neighbourhood search', () => {
  it('keeps every call of the schedule feasible, never loses value, never passes the optimum', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const ts = tables(p);
        const picks = ts.map((t) => new Int32Array(t.requests).fill(-1));
        let on = 0;
        let placed = 0;
        ts.forEach((t, k) => {
          const pick = picks[k] as Int32Array;
          improveByNeighbourhoods(t, pick, Number.POSITIVE_INFINITY, { nodes: 50, neighbourhoods: 20 });
          const [a, b] = pickValue(t, pick);
          on += a;
          placed += b;
        });
        const { coach, start } = schedule(p, ts, picks);
        expect(violations(p, coach, start)).toEqual([]);
        const best = bruteForce(p);
        expect(on * 100 + placed).toBeLessThanOrEqual(best.onTime * 100 + best.placed);
      }),
      RUNS,
    );
  });

  it('restricts a table to requests and calls, keeping the sorted order by group then busy end', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 0, max: 2 }), (p, drop) => {
        for (const t of tables(p)) {
          const keepReq = Uint8Array.from({ length: t.requests }, (_, j) => (j % 3 === drop ? 0 : 1));
          const keepCall = Uint8Array.from(t.req, (j) => keepReq[j] as number);
          const { table: sub, idBack, reqBack } = restrict(t, keepReq, keepCall);
          expect(sub.requests).toBe(reqBack.length);
          expect(sub.sorted.length).toBe(idBack.length);
          for (let k = 1; k < sub.sorted.length; k++) {
            const a = sub.sorted[k - 1] as number;
            const b = sub.sorted[k] as number;
            const order =
              (sub.group[a] as number) - (sub.group[b] as number) ||
              (sub.busy[a] as number) - (sub.busy[b] as number);
            expect(order).toBeLessThanOrEqual(0);
          }
          idBack.forEach((id, k) => {
            expect(reqBack[sub.req[k] as number]).toBe(t.req[id]);
            expect(sub.room[sub.group[k] as number]).toBe(t.room[t.group[id] as number]);
          });
        }
      }),
      RUNS,
    );
  });
});
