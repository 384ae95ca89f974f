/**
 * Load and quality of a rota, computed from its shifts: what each coach carries (hours by layer, nights,
 * weekends, hand-offs) against their fair share, and figures to judge the whole by.
 *
 * @module
 */
import type { Team } from '../model/team.js';
import { type IntervalSet, intersect, normalize, totalLength } from '../time/intervals.js';
import { HOUR, WEEK } from '../time/types.js';
import type { ZoneTable } from '../time/zone.js';
import { capacityWithinCaps, layerFairShares, waterFill } from './fair-share.js';
import { weekBounds } from './grid.js';
import type { Horizon } from './horizon.js';
import type { RotaPolicy } from './policy.js';
import type { CoachLoad, Rota, RotaFlag, RotaQuality, Shift, UnfilledSpan } from './rota.js';
import { nightAndWeekend, type WindowFree, windowShares } from './windows.js';

/**
 * Assembles a {@link Rota} from shifts: per-coach load with fair shares, and quality figures. Used after
 * generation and after swaps, so both report alike.
 *
 * @param free - each coach's free time in the horizon (team order), for capacities.
 * @param windowFree - the same free time inside the nights and the weekends of the horizon, when the caller has
 *   it (the generation does); computed here otherwise.
 */
export function summarizeRota(
  team: Team,
  policy: RotaPolicy,
  horizon: Horizon,
  tables: ReadonlyMap<string, ZoneTable>,
  free: readonly IntervalSet[],
  shifts: readonly Shift[],
  unfilled: readonly UnfilledSpan[],
  flags: readonly RotaFlag[],
  windowFree?: WindowFree,
): Rota {
  const { from, to } = horizon;
  const table = tables.get(team.timeZone)!;
  const { night, weekend } = nightAndWeekend(table, policy, from, to);
  const weeks = (to - from) / WEEK;

  const index = new Map(team.coaches.map((c, i) => [c.id, i]));
  const byCoach: number[][] = team.coaches.map(() => []);
  const hours = team.coaches.map(() => new Float64Array(policy.layers.length));
  const shiftCount = new Int32Array(team.coaches.length);
  const handOffs = new Int32Array(team.coaches.length);
  for (const s of shifts) {
    const c = index.get(s.coachId)!;
    byCoach[c]!.push(s.start, s.end);
    const layer = policy.layers.indexOf(s.layer);
    hours[c]![layer] = hours[c]![layer]! + (s.end - s.start) / HOUR;
    shiftCount[c] = shiftCount[c]! + 1;
  }
  policy.layers.forEach((layer) => {
    const own = shifts.filter((s) => s.layer === layer);
    for (let i = 0; i + 1 < own.length; i++) {
      const [s, t] = [own[i]!, own[i + 1]!];
      if (s.end === t.start && s.coachId !== t.coachId) {
        const c = index.get(s.coachId)!;
        handOffs[c] = handOffs[c]! + 1;
      }
    }
  });

  const onCall = byCoach.map((pairs) => normalize(pairs));
  const totals = onCall.map((set) => totalLength(set));
  const demand = totals.reduce((sum, t) => sum + t, 0);
  const bounds = weekBounds(table, from, to);
  const capacity = team.coaches.map((coach, c) =>
    capacityWithinCaps(free[c]!, (coach.maxHoursPerWeek ?? Number.POSITIVE_INFINITY) * HOUR, bounds),
  );
  const weights = team.coaches.map((c) => c.weight);
  const fair = waterFill(capacity, weights, demand);
  // Per layer: the hours each layer was held, shared out layer after layer over the same capacities (skills
  // count: a coach without a layer's skills has no share of it).
  const layerDemand = policy.layers.map((_, l) => hours.reduce((sum, h) => sum + h[l]!, 0) * HOUR);
  const layerShares = layerFairShares(capacity, weights, layerDemand, (c, l) =>
    policy.layerSkills[l]!.every((skill) => team.coaches[c]!.skills.includes(skill)),
  );
  // Nights and weekends: the on-call hours in them, water-filled over each coach's free time in them.
  const nightTimes = onCall.map((set) => intersect(set, night));
  const weekendTimes = onCall.map((set) => intersect(set, weekend));
  const capMs = team.coaches.map((coach) => (coach.maxHoursPerWeek ?? Number.POSITIVE_INFINITY) * HOUR);
  const shareOf = (freeInWindow: readonly IntervalSet[], held: readonly IntervalSet[]) =>
    windowShares(
      freeInWindow,
      capMs,
      weights,
      bounds,
      held.reduce((sum, set) => sum + totalLength(set), 0),
    );
  const inWindow = (window: IntervalSet) => free.map((set) => intersect(set, window));
  const nightShare = shareOf(windowFree?.night ?? inWindow(night), nightTimes);
  const weekendShare = shareOf(windowFree?.weekend ?? inWindow(weekend), weekendTimes);

  const load: CoachLoad[] = team.coaches.map((coach, c) => {
    const set = onCall[c]!;
    const nightTime = nightTimes[c]!;
    const nights = countOverlapping(night, set);
    const totalHours = totals[c]! / HOUR;
    const fairShareHours = fair[c]! / HOUR;
    const byLayer = (value: (l: number) => number) =>
      Object.fromEntries(policy.layers.map((layer, l) => [layer, value(l)]));
    const weighted = (value: (l: number) => number) =>
      policy.layers.reduce((sum, _, l) => sum + policy.layerWeights[l]! * value(l), 0);
    const share = (l: number) => layerShares[l]![c]! / HOUR;
    const held = (l: number) => hours[c]![l]!;
    const nightHours = totalLength(nightTime) / HOUR;
    const weekendHours = totalLength(weekendTimes[c]!) / HOUR;
    return {
      coachId: coach.id,
      hoursByLayer: Object.fromEntries(policy.layers.map((layer, l) => [layer, hours[c]![l]!])),
      totalHours,
      nightHours,
      weekendHours,
      nights,
      shifts: shiftCount[c]!,
      handOffs: handOffs[c]!,
      fairShareHours,
      deviationHours: totalHours - fairShareHours,
      fairShareByLayer: byLayer(share),
      deviationByLayer: byLayer((l) => held(l) - share(l)),
      weightedHours: weighted(held),
      weightedFairShareHours: weighted(share),
      nightFairShareHours: nightShare.share[c]! / HOUR,
      weekendFairShareHours: weekendShare.share[c]! / HOUR,
    };
  });
  const largest = (value: (l: CoachLoad) => number) =>
    load.reduce((max, l) => Math.max(max, Math.abs(value(l))), 0);
  // Spread: largest minus smallest, among the coaches free at some night (or weekend) time.
  const spread = (cap: readonly number[], value: (l: CoachLoad) => number) => {
    const values = load.filter((_, c) => cap[c]! > 0).map(value);
    return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
  };

  const quality: RotaQuality = {
    coverageByLayer: Object.fromEntries(
      policy.layers.map((layer) => [
        layer,
        shifts.filter((s) => s.layer === layer).reduce((sum, s) => sum + s.end - s.start, 0) / (to - from),
      ]),
    ),
    balance: balanceScore(load.map((l) => l.totalHours).filter((h) => h > 0)),
    maxFairShareDeviationHours: load.reduce((max, l) => Math.max(max, Math.abs(l.deviationHours)), 0),
    handOffsPerWeek: handOffs.reduce((sum, n) => sum + n, 0) / weeks,
    nightsPerCoach: Object.fromEntries(load.map((l) => [l.coachId, l.nights])),
    maxDeviationByLayer: Object.fromEntries(
      policy.layers.map((layer) => [layer, largest((l) => l.deviationByLayer[layer]!)]),
    ),
    balanceByLayer: Object.fromEntries(
      policy.layers.map((layer) => [
        layer,
        balanceScore(load.map((l) => l.hoursByLayer[layer]!).filter((h) => h > 0)),
      ]),
    ),
    maxWeightedDeviationHours: largest((l) => l.weightedHours - l.weightedFairShareHours),
    maxNightDeviationHours: largest((l) => l.nightHours - l.nightFairShareHours),
    maxWeekendDeviationHours: largest((l) => l.weekendHours - l.weekendFairShareHours),
    nightsSpread: spread(nightShare.cap, (l) => l.nights),
    weekendHoursSpread: spread(weekendShare.cap, (l) => l.weekendHours),
    weekendHoursPerCoach: Object.fromEntries(load.map((l) => [l.coachId, l.weekendHours])),
  };
  return {
    team: team.name,
    timeZone: team.timeZone,
    from,
    to,
    policy,
    shifts,
    unfilled,
    load,
    quality,
    flags,
  };
}

/**
 * How many intervals of `windows` share time with `set` (both normalized; touching is not sharing), as
 * `overlaps(set, start, end)` per window would count them, in one merge: O(|windows| + |set|) where a binary search
 * per window cost O(|windows| log |set|).
 *
 * @example countOverlapping(Float64Array.of(0, 2, 4, 6, 8, 10), Float64Array.of(1, 5)) === 2
 */
function countOverlapping(windows: IntervalSet, set: IntervalSet): number {
  let count = 0;
  let j = 0;
  for (let i = 0; i < windows.length; i += 2) {
    const start = windows[i]!;
    const end = windows[i + 1]!;
    if (!(start < end)) continue;
    // The first interval of the set ending after this window starts (the windows come in order).
    while (j < set.length && set[j + 1]! <= start) j += 2;
    if (j < set.length && set[j]! < end) count++;
  }
  return count;
}

/**
 * Grafana OnCall's balance: the mean over pairs of `min / max` of their loads (1 = even). 1 for fewer than two.
 * O(n²), fine for thousands of coaches.
 *
 * @example balanceScore([10, 10, 5]) // (1 + 0.5 + 0.5) / 3
 */
export function balanceScore(loads: readonly number[]): number {
  if (loads.length < 2) return 1;
  let sum = 0;
  for (let i = 0; i < loads.length; i++) {
    for (let j = i + 1; j < loads.length; j++) {
      sum += Math.min(loads[i]!, loads[j]!) / Math.max(loads[i]!, loads[j]!);
    }
  }
  return sum / ((loads.length * (loads.length - 1)) / 2);
}
