/**
 * Fairness on teams whose windows start and end off the hand-off grid (any half hour), against the exact optimum of
 * the rotas that keep the rota's hand-off rule (`orderedOptimum` in `exact-layers.ts`): random small teams over one
 * week of January in Paris, no caps, no rest, a stretch that never binds and no minimum shift (rules the model does
 * not know). In the order the rota steers by (the first line, the total, then each next layer and the weighted
 * total), every level must come within one hand-off block of its optimum, plus the half hour the windows are cut in
 * (random runs found 4.5 h on the total, a few times in a thousand cases; BENCHMARKS 5g has the distribution).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Coach, Team } from '../../src/model/team.js';
import { computeCoverage } from '../../src/rota/coverage.js';
import { generateRota } from '../../src/rota/generate.js';
import type { WeeklyRule } from '../../src/time/recurrence.js';
import { DAY } from '../../src/time/types.js';
import { referenceLocalTimes } from '../support/rota-reference.js';
import { loadSolver, orderedOptimum, rotaPieces } from './exact-layers.js';

const ZONE = 'Europe/Paris';
const BLOCK_HOURS = 4;
/** The windows' granularity: they start and end on half hours. */
const PIECE_HOURS = 0.5;
/** Monday 2027-01-04 00:00 in Paris (+01:00), for a week. */
const FROM = Date.UTC(2027, 0, 3, 23);
const TO = FROM + 7 * DAY;
const LAYERS = ['primary', 'backup', 'third'];
const EPS = 1e-6;

const windowArb = fc.record({
  weekdays: fc.integer({ min: 1, max: 127 }),
  startHalfHour: fc.integer({ min: 0, max: 47 }),
  halfHours: fc.integer({ min: 1, max: 20 }),
});
const caseArb = fc.record({
  coaches: fc.array(
    fc.record({
      windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
      weight: fc.constantFrom(0.5, 1, 1, 1, 1.5, 2),
    }),
    { minLength: 2, maxLength: 4 },
  ),
  layers: fc.constantFrom(1, 2, 2, 3),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function ruleOf(w: Case['coaches'][number]['windows'][number]): WeeklyRule {
  const startMinute = w.startHalfHour * 30;
  return {
    kind: 'weekly',
    weekdays: w.weekdays,
    everyWeeks: 1,
    startMinute,
    endMinute: Math.min(24 * 60, startMinute + w.halfHours * 30),
  };
}

function teamOf(c: Case): Team {
  const coaches: Coach[] = c.coaches.map((spec, i) => ({
    id: `c${i}`,
    name: `Coach ${i}`,
    timeZone: ZONE,
    availability: spec.windows.map(ruleOf),
    unavailable: [],
    weight: spec.weight,
    skills: [],
  }));
  return { name: 'Off the grid', timeZone: ZONE, coverage: { minCoaches: 1 }, coaches };
}

describe('fairness off the hand-off grid against the exact optimum under the hand-off rule (property)', () => {
  beforeAll(loadSolver);

  it('keeps the first line, the total, each next layer and the weighted total within one block (and a half hour)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const team = teamOf(c);
        const layers = LAYERS.slice(0, c.layers);
        const policy = { layers, minRestHours: 0, maxStretchHours: 168, minShiftMinutes: 0 };
        const rota = generateRota(team, { from: FROM, to: TO, policy });
        const pieces = rotaPieces({
          from: FROM,
          to: TO,
          handOffs: referenceLocalTimes(
            ZONE,
            FROM,
            TO,
            [0, 4, 8, 12, 16, 20].map((h) => h * 60),
          ),
          mondays: [],
          free: computeCoverage(team, { from: FROM, to: TO }).coaches.map((x) => x.freeTime),
          coachIds: team.coaches.map((x) => x.id),
          capped: team.coaches.map(() => false),
          layers,
          shifts: rota.shifts,
        });
        const opt = orderedOptimum(
          pieces,
          team.coaches.length,
          layers.map((layer) => rota.load.map((l) => l.fairShareByLayer[layer]!)),
          rota.load.map((l) => l.fairShareHours),
          rota.policy.layerWeights,
        );
        if (opt === undefined) return; // past the solver's time limit: no exact answer to hold the rota to
        const q = rota.quality;
        const gaps: [string, number][] = [
          ['first line', q.maxDeviationByLayer.primary! - opt.byLayer[0]!],
          ['total', q.maxFairShareDeviationHours - opt.totalAfterFirst],
        ];
        layers.slice(1).forEach((layer, l) => {
          gaps.push([layer, q.maxDeviationByLayer[layer]! - opt.afterTotal.byLayer[l + 1]!]);
        });
        if (layers.length > 1)
          gaps.push(['weighted total', q.maxWeightedDeviationHours - opt.afterTotal.weighted]);
        for (const [level, gap] of gaps)
          expect(gap, level).toBeLessThanOrEqual(BLOCK_HOURS + PIECE_HOURS + EPS);
      }),
      { numRuns: 60 },
    );
  });
});
