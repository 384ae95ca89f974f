/**
 * Nights and weekends as a secondary objective (issue 11): on teams where every coach declared the same windows
 * (so every coach is free at night and at weekends equally, and the layers' fair shares are all equal), the rota
 * spreads night and weekend hours to within two hand-off blocks of their fair shares on one layer (one in almost
 * every case), with the layers still within a block of theirs (on two layers only the layers are bounded: see there); and a hand-checked
 * three-coach team whose evenings end at midnight.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coach, Team } from '../../src/model/team.js';
import { generateRota } from '../../src/rota/generate.js';
import type { RotaPolicyInput } from '../../src/rota/policy.js';
import type { WeeklyRule } from '../../src/time/recurrence.js';
import { HOUR } from '../../src/time/types.js';
import { gridRule } from './fixtures.js';

const BLOCK_HOURS = 4;
/** Monday 2027-01-04 00:00 in Paris (+01:00): no DST change in January, every block lasts 4 h. */
const FROM = Date.UTC(2027, 0, 3, 23);
const EPS = 1e-6;

function sameWindows(n: number, windows: readonly WeeklyRule[]): Team {
  const coaches: Coach[] = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    name: `Coach ${i}`,
    timeZone: 'Europe/Paris',
    availability: [...windows],
    unavailable: [],
    weight: 1,
    skills: [],
  }));
  return { name: 'Same', timeZone: 'Europe/Paris', coverage: { minCoaches: 1 }, coaches };
}

const windowArb = fc
  .record({
    weekdays: fc.integer({ min: 1, max: 127 }),
    startBlock: fc.integer({ min: 0, max: 5 }),
    blocks: fc.integer({ min: 1, max: 3 }),
  })
  .map(gridRule);

describe('nights and weekends (secondary objective)', () => {
  const caseArb = fc.record({
    coaches: fc.integer({ min: 2, max: 6 }),
    windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
    weeks: fc.constantFrom(1, 2),
  });
  const run = (c: { coaches: number; windows: WeeklyRule[]; weeks: number }, policy: RotaPolicyInput) =>
    generateRota(sameWindows(c.coaches, c.windows), {
      from: FROM,
      to: FROM + c.weeks * 7 * 24 * HOUR,
      policy,
    }).quality;

  // One layer: night and weekend within one block in all 600 cases per policy of bench/rota-nights.mjs (before
  // the steering: night up to 31.5 h, weekend up to 8 h), but a 2,500-case run found 5.3 h (a window across
  // midnight), so the bound asserted is two blocks.
  it('one layer: the total within one hand-off block of its share, night and weekend hours within two', () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, rest) => {
        const policy = rest
          ? { layers: ['primary'] }
          : { layers: ['primary'], minRestHours: 0, maxStretchHours: 168 };
        const q = run(c, policy);
        expect(q.maxFairShareDeviationHours).toBeLessThanOrEqual(BLOCK_HOURS + EPS);
        expect(q.maxNightDeviationHours).toBeLessThanOrEqual(2 * BLOCK_HOURS + EPS);
        expect(q.maxWeekendDeviationHours).toBeLessThanOrEqual(2 * BLOCK_HOURS + EPS);
      }),
      // A fixed seed: the bounds are measured tails (above), so a random seed could turn CI red by chance; the
      // bench (bench/rota-nights.mjs) samples far more cases.
      { numRuns: 120, seed: 20261202 },
    );
  });

  // Two layers: no bound on the night holds. Three coaches free Monday to Thursday 12:00-24:00 hold both layers
  // of every block; the day's one night block (20:00-24:00) goes to two of them by the layer claims, and a swap
  // (same layer, per-layer hours kept) would put the third in two layers at once: 10.7 h below the night share
  // over two weeks. So only the layers are held to a block here.
  it('two layers: the night steering keeps the first line and the total within one block', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const q = run(c, { layers: ['primary', 'backup'], minRestHours: 0, maxStretchHours: 168 });
        expect(q.maxDeviationByLayer.primary!).toBeLessThanOrEqual(BLOCK_HOURS + EPS);
        expect(q.maxFairShareDeviationHours).toBeLessThanOrEqual(BLOCK_HOURS + EPS);
      }),
      // A fixed seed: the bounds are measured tails (above), so a random seed could turn CI red by chance; the
      // bench (bench/rota-nights.mjs) samples far more cases.
      { numRuns: 120, seed: 20261202 },
    );
  });

  it('does not give one coach every night when three share 12:00-24:00 (hand-checked)', () => {
    // Tuesday to Sunday, 12:00-24:00, three coaches, one layer, one week: three blocks a day (12-16, 16-20, 20-24),
    // each coach one a day by the layer claims alone (each day's first block goes to whoever is owed most, and
    // then the other two in turn), so without the night steering the same coach held every 20:00-24:00 block: 6
    // blocks, 12 h of night (22:00-24:00) against a share of 4 h. Steered, every coach holds two 20:00-24:00
    // blocks: 4 h of night each, and still 24 h in all.
    const team = sameWindows(3, [
      { kind: 'weekly', weekdays: 0b1111110, everyWeeks: 1, startMinute: 720, endMinute: 1440 },
    ]);
    const policy = { layers: ['primary'], minRestHours: 0, maxStretchHours: 168 };
    const rota = generateRota(team, { from: FROM, to: FROM + 7 * 24 * HOUR, policy });
    expect(rota.load.map((l) => l.totalHours)).toEqual([24, 24, 24]);
    expect(rota.load.map((l) => l.nightFairShareHours)).toEqual([4, 4, 4]);
    expect(rota.load.map((l) => l.nightHours)).toEqual([4, 4, 4]);
    expect(rota.quality.maxNightDeviationHours).toBe(0);
    expect(rota.quality.coverageByLayer.primary).toBeCloseTo((6 * 12) / (7 * 24), 9);
  });
});
