/**
 * Fair shares by water-filling: the load each coach would carry if it were spread as evenly as their declared
 * availability allows, weighted.
 *
 * @module
 */

import { clip, type IntervalSet, totalLength } from '../time/intervals.js';

/**
 * The most a coach can carry: their free time, but no more than `capMs` in any week.
 *
 * @param weekBounds - ascending instants: the horizon's start, each local Monday 00:00 inside it, its end.
 * @example capacityWithinCaps(free, 20 * HOUR, [from, monday, to]) // Σ over the two weeks of min(free, 20 h)
 */
export function capacityWithinCaps(free: IntervalSet, capMs: number, weekBounds: readonly number[]): number {
  if (!Number.isFinite(capMs)) return totalLength(free);
  let capacity = 0;
  for (let w = 0; w + 1 < weekBounds.length; w++) {
    capacity += Math.min(capMs, totalLength(clip(free, weekBounds[w]!, weekBounds[w + 1]!)));
  }
  return capacity;
}

/**
 * Splits `demand` among coaches in proportion to their weights, none above their capacity: the water level `λ`
 * solves `Σ min(capacity[c], λ · weight[c]) = demand`, and coach `c` gets `min(capacity[c], λ · weight[c])`.
 * When demand exceeds total capacity, everyone gets their capacity. Units are the caller's (ms here).
 * O(n log n).
 *
 * @param capacity - most each coach can carry (free time, capped by their weekly hour cap), >= 0.
 * @param weight - relative share each coach is willing to carry, > 0.
 * @example waterFill([10, 100, 100], [1, 1, 2], 90) // [10, 26.67, 53.33]: the first is capped, the rest 1:2
 */
export function waterFill(capacity: readonly number[], weight: readonly number[], demand: number): number[] {
  const n = capacity.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => capacity[a]! / weight[a]! - capacity[b]! / weight[b]! || a - b,
  );
  const share = new Array<number>(n).fill(0);
  let remaining = Math.max(0, demand);
  let weightLeft = weight.reduce((sum, w) => sum + w, 0);
  for (const c of order) {
    // Coaches saturate in order of capacity per weight; the rest share what is left at a common level.
    const level = weightLeft > 0 ? remaining / weightLeft : 0;
    const take = Math.min(capacity[c]!, level * weight[c]!);
    share[c] = take;
    remaining -= take;
    weightLeft -= weight[c]!;
  }
  return share;
}
