/**
 * The example team (`examples/ca-va-patron.json`: seven coaches, weekly caps, a half weight, windows off the hand-off
 * grid) against the exact optimum of the rotas that keep the rota's own rules (`orderedOptimum` in
 * `exact-layers.ts`): the coverage fixed to the rota's piece by piece, weekly caps, and between two hand-off times a
 * holder who is still free keeps their layer. Four weeks of December, and four weeks across the spring-forward night.
 * No rest and a stretch that never binds, which the model does not know.
 *
 * In the order the rota steers by (first line, total, then backup, then the weighted total) each level must come
 * within one hand-off block of its optimum; the first line and the total are asserted exact, as measured (BENCHMARKS
 * 5g), so a regression there shows.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTeam } from '../../src/model/parse.js';
import { computeCoverage } from '../../src/rota/coverage.js';
import { generateRota } from '../../src/rota/generate.js';
import { referenceLocalTimes, referenceWeeks } from '../support/rota-reference.js';
import { loadSolver, orderedOptimum, rotaPieces } from './exact-layers.js';

const ZONE = 'Europe/Paris';
const BLOCK = 4;
const EPS = 1e-6;
const POLICY = { layers: ['primary', 'backup'], minRestHours: 0, maxStretchHours: 168 };
const team = parseTeam(
  JSON.parse(readFileSync(new URL('../../examples/ca-va-patron.json', import.meta.url), 'utf8')),
);

function exactAgainst(from: number, to: number) {
  const rota = generateRota(team, { from, to, policy: POLICY });
  const free = computeCoverage(team, { from, to }).coaches.map((c) => c.freeTime);
  const pieces = rotaPieces({
    from,
    to,
    handOffs: referenceLocalTimes(
      ZONE,
      from,
      to,
      [0, 4, 8, 12, 16, 20].map((h) => h * 60),
    ),
    mondays: referenceWeeks(ZONE, from, to)
      .map(([start]) => start)
      .filter((t) => t > from),
    free,
    coachIds: team.coaches.map((c) => c.id),
    capped: team.coaches.map((c) => c.maxHoursPerWeek !== undefined),
    layers: rota.policy.layers,
    shifts: rota.shifts,
  });
  const share = (layer: string) => rota.load.map((l) => l.fairShareByLayer[layer]!);
  const opt = orderedOptimum(
    pieces,
    team.coaches.length,
    rota.policy.layers.map(share),
    rota.load.map((l) => l.fairShareHours),
    rota.policy.layerWeights,
    { capHours: team.coaches.map((c) => c.maxHoursPerWeek ?? Number.POSITIVE_INFINITY), heldByLayer: [] },
    120,
  );
  if (opt === undefined) throw new Error('HiGHS hit its time limit');
  const q = rota.quality;
  return {
    ours: [q.maxDeviationByLayer.primary!, q.maxFairShareDeviationHours, q.maxDeviationByLayer.backup!],
    weighted: q.maxWeightedDeviationHours,
    optimum: [opt.byLayer[0]!, opt.totalAfterFirst, opt.afterTotal.byLayer[1]!],
    optimumWeighted: opt.afterTotal.weighted,
  };
}

describe('the example team against the exact optimum under the rota rules', () => {
  beforeAll(loadSolver);

  it.each([
    // Wed 2026-12-02 00:00 Paris (+01:00), as in the README, to Wed 2026-12-30.
    ['December 2026', Date.UTC(2026, 11, 1, 23), Date.UTC(2026, 11, 29, 23)],
    // Mon 2027-03-15 00:00 (+01:00) to Mon 2027-04-12 00:00 (+02:00): the night of 28 March lasts 23 hours.
    ['the spring-forward night', Date.UTC(2027, 2, 14, 23), Date.UTC(2027, 3, 11, 22)],
  ])('%s: first line and total optimal, backup and weighted total within one block', (_, from, to) => {
    const r = exactAgainst(from, to);
    const [firstLine, total, backup] = r.ours.map((x, i) => x - r.optimum[i]!);
    expect(firstLine).toBeLessThan(EPS);
    expect(total).toBeLessThan(EPS);
    expect(backup).toBeLessThanOrEqual(BLOCK + EPS);
    expect(r.weighted - r.optimumWeighted).toBeLessThanOrEqual(BLOCK + EPS);
  });
});
