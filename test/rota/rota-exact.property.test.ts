/**
 * Per-layer fairness against an exact optimum (property). Random small teams whose windows all start and end on
 * the 4-hour hand-off grid, over one week of January in Paris (no DST change: every block lasts 4 h), with no caps,
 * no rest and a stretch that never binds: any rota is a choice, per block, of distinct free coaches for the first
 * min(free, layers) layers. The exact lexicographic optimum of the largest deviation from each layer's fair share
 * (first line, then each next layer; and the first line, then the total) is computed by HiGHS (`exact-layers.ts`);
 * `generateRota` must come within one hand-off block of it on every layer wherever the optimum says that layer's
 * share is reachable (every layer above within a block of its share), and on the total.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Coach, Team } from '../../src/model/team.js';
import { generateRota } from '../../src/rota/generate.js';
import { HOUR } from '../../src/time/types.js';
import { waterFillReference } from '../support/rota-reference.js';
import { type Block, layeredOptimum, loadSolver } from './exact-layers.js';
import { gridRule } from './fixtures.js';

const BLOCK_HOURS = 4;
/** Monday 2027-01-04 00:00 in Paris (+01:00). */
const FROM = Date.UTC(2027, 0, 3, 23);
const BLOCKS = 42;
const LAYERS = ['primary', 'backup', 'third'];
const EPS = 1e-6;

const windowArb = fc.record({
  weekdays: fc.integer({ min: 1, max: 127 }),
  startBlock: fc.integer({ min: 0, max: 5 }),
  blocks: fc.integer({ min: 1, max: 3 }),
});
const caseArb = fc.record({
  coaches: fc.array(
    fc.record({
      windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
      weight: fc.constantFrom(0.5, 1, 1, 1, 1.5, 2),
    }),
    { minLength: 2, maxLength: 4 },
  ),
  layers: fc.constantFrom(1, 2, 2, 2, 3),
  weights: fc.boolean(),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function teamOf(c: Case): Team {
  const coaches: Coach[] = c.coaches.map((spec, i) => ({
    id: `c${i}`,
    name: `Coach ${i}`,
    timeZone: 'Europe/Paris',
    availability: spec.windows.map(gridRule),
    unavailable: [],
    weight: c.weights ? spec.weight : 1,
    skills: [],
  }));
  return { name: 'Small', timeZone: 'Europe/Paris', coverage: { minCoaches: 1 }, coaches };
}

/** Who is free in each 4-hour block of the week, from the rules alone. */
function blocksOf(c: Case): Block[] {
  const masks = new Array<number>(BLOCKS).fill(0);
  c.coaches.forEach((spec, i) => {
    for (const w of spec.windows) {
      for (let day = 0; day < 7; day++) {
        if ((w.weekdays & (1 << day)) === 0) continue;
        for (let b = 0; b < w.blocks; b++) {
          // A Sunday window past midnight falls on this Monday (the previous Sunday's) and on the next one.
          const k = (day * 6 + w.startBlock + b) % BLOCKS;
          masks[k] = masks[k]! | (1 << i);
        }
      }
    }
  });
  return masks.map((mask) => ({ mask, hours: BLOCK_HOURS }));
}

describe('per-layer fairness against the exact optimum (property)', () => {
  beforeAll(loadSolver);

  // The bound the issue asks: one hand-off block, on every layer and on the total (whose optimum here is taken with
  // the first line at its own optimum). The chains of `balance-chains.ts` reach it; before them the largest gaps
  // were two blocks on the first line and the total, three on a lower layer (BENCHMARKS.md, section 5d).
  const slack = BLOCK_HOURS;

  it('keeps every layer and the total within one hand-off block of the exact optimum', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const team = teamOf(c);
        const layers = LAYERS.slice(0, c.layers);
        const policy = { layers, minRestHours: 0, maxStretchHours: 168 };
        const rota = generateRota(team, { from: FROM, to: FROM + BLOCKS * BLOCK_HOURS * HOUR, policy });
        const blocks = blocksOf(c);
        const n = team.coaches.length;
        // Full coverage: the first min(free, layers) layers of every block, so each layer's hours are known.
        const held = layers.map((_, l) =>
          blocks.reduce((sum, b) => {
            let free = 0;
            for (let i = 0; i < n; i++) if (b.mask & (1 << i)) free++;
            return sum + (free > l ? b.hours : 0);
          }, 0),
        );
        layers.forEach((layer, l) => {
          const ours = rota.load.reduce((sum, x) => sum + x.hoursByLayer[layer]!, 0);
          expect(ours).toBeCloseTo(held[l]!, 9);
        });
        // Fair shares by an independent water-filling: layers 0..l together over free hours (no caps, no skills:
        // running totals never decrease), a layer's share the difference.
        const capacity = team.coaches.map(
          (_, i) => blocks.filter((b) => b.mask & (1 << i)).length * BLOCK_HOURS,
        );
        const weight = team.coaches.map((x) => x.weight);
        let before = new Array<number>(n).fill(0);
        let demand = 0;
        const shareByLayer = held.map((h) => {
          demand += h;
          const running = waterFillReference(capacity, weight, demand);
          const share = running.map((s, i) => s - before[i]!);
          before = running;
          return share;
        });
        rota.load.forEach((x, i) => {
          layers.forEach((layer, l) => {
            expect(x.fairShareByLayer[layer]).toBeCloseTo(shareByLayer[l]![i]!, 6);
          });
          expect(x.fairShareHours).toBeCloseTo(before[i]!, 6);
        });
        const opt = layeredOptimum(blocks, n, shareByLayer, before, rota.policy.layerWeights);
        if (opt === undefined) return; // HiGHS hit its time limit: no exact reference for this case
        const deviation = (value: (i: number) => number, share: readonly number[]) =>
          Math.max(...share.map((s, i) => Math.abs(value(i) - s)));
        layers.forEach((layer, l) => {
          const ours = deviation((i) => rota.load[i]!.hoursByLayer[layer]!, shareByLayer[l]!);
          expect(ours).toBeCloseTo(rota.quality.maxDeviationByLayer[layer]!, 9);
          // A lower layer's share assumes the layers above at theirs: it is only reachable (and checked) where
          // the optimum puts every layer above within one block of its share.
          const reachable = opt.byLayer.slice(0, l).every((d) => d < BLOCK_HOURS - EPS);
          if (reachable && ours > opt.byLayer[l]! + slack + EPS) {
            expect.fail(`${layer}: largest deviation ${ours} h, exact optimum ${opt.byLayer[l]} h`);
          }
        });
        const total = deviation((i) => rota.load[i]!.totalHours, before);
        if (total > opt.totalAfterFirst + slack + EPS) {
          expect.fail(`total: largest deviation ${total} h, exact optimum ${opt.totalAfterFirst} h`);
        }
      }),
      // No shrinking: each step solves MIPs, and a failure prints its case as it is. The suite's seed
      // (`FC_SEED=random` explores others); the bench (5d) samples more widely.
      { numRuns: 40, endOnFailure: true },
    );
  });
});
