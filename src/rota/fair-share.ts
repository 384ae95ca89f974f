/**
 * Fair shares by water-filling: the load each coach would carry if it were spread as evenly as their declared
 * availability allows, weighted.
 *
 * @module
 */

import { type IntervalSet, totalLength } from '../time/intervals.js';

/**
 * The most a coach can carry: their free time, but no more than `capMs` in any week.
 *
 * @param weekBounds - ascending instants: the horizon's start, each local Monday 00:00 inside it, its end.
 * @example capacityWithinCaps(free, 20 * HOUR, [from, monday, to]) // Σ over the two weeks of min(free, 20 h)
 */
export function capacityWithinCaps(free: IntervalSet, capMs: number, weekBounds: readonly number[]): number {
  if (!Number.isFinite(capMs)) return totalLength(free);
  // One merge walk of the intervals and the weeks, no allocation (called per coach and window at every rota).
  let capacity = 0;
  let i = 0;
  for (let w = 0; w + 1 < weekBounds.length; w++) {
    const [from, to] = [weekBounds[w]!, weekBounds[w + 1]!];
    let week = 0;
    while (i < free.length && free[i + 1]! <= from) i += 2;
    for (let k = i; k < free.length && free[k]! < to; k += 2) {
      week += Math.min(free[k + 1]!, to) - Math.max(free[k]!, from);
    }
    capacity += Math.min(capMs, week);
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

/**
 * Water-filling with floors: the level `λ` solves `Σ clamp(λ · weight[c], floor[c], capacity[c]) = demand`, and
 * coach `c` gets `clamp(λ · weight[c], floor[c], capacity[c])`. With floors 0 it is {@link waterFill}. Demand below
 * `Σ floor` gives the floors, above `Σ capacity` the capacities. Exact (piecewise-linear), O(n log n).
 *
 * @param floor - least each coach gets, `0 <= floor[c] <= capacity[c]`.
 * @example waterFillAbove([10, 100], [1, 1], [10, 0], 11) // [10, 1]: the first keeps their floor
 */
export function waterFillAbove(
  capacity: readonly number[],
  weight: readonly number[],
  floor: readonly number[],
  demand: number,
): number[] {
  const n = capacity.length;
  const at = (level: number) =>
    Array.from({ length: n }, (_, c) => Math.min(capacity[c]!, Math.max(floor[c]!, level * weight[c]!)));
  // f(λ) = Σ clamp(...) is piecewise linear, non-decreasing, with breakpoints floor/weight and capacity/weight.
  const points = [0];
  for (let c = 0; c < n; c++) {
    if (weight[c]! > 0) points.push(floor[c]! / weight[c]!, capacity[c]! / weight[c]!);
  }
  points.sort((a, b) => a - b);
  const total = (level: number) => {
    let sum = 0;
    for (let c = 0; c < n; c++) sum += Math.min(capacity[c]!, Math.max(floor[c]!, level * weight[c]!));
    return sum;
  };
  if (demand <= total(0)) return at(0);
  // The first breakpoint at which f reaches the demand (binary search: f is non-decreasing).
  let lo = 0;
  let hi = points.length - 1;
  if (total(points[hi]!) < demand) return at(points[hi]!);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (total(points[mid]!) >= demand) hi = mid;
    else lo = mid + 1;
  }
  const p = points[lo]!;
  const q = lo > 0 ? points[lo - 1]! : 0;
  const [fp, fq] = [total(p), total(q)];
  // f is linear between the two breakpoints: interpolate the level exactly (up to rounding).
  return at(fp === fq ? p : q + ((demand - fq) * (p - q)) / (fp - fq));
}

/**
 * Fair shares per layer: the share of layers `0..l` together is water-filled over what each coach could carry of
 * them (their capacity if they have the skills of one of these layers, else 0), never below their share of layers
 * `0..l-1`; layer `l`'s share is the difference. So the first layer's share is its own water-filling, the shares
 * of all layers add up to the water-filled share of the total, and every share is `>= 0`.
 *
 * @param demandByLayer - time to share out per layer (the caller's unit).
 * @param canHold - whether coach `c` has the skills of layer `l`.
 * @returns `shares[l][c]`.
 * @example layerFairShares([30, 18, 6], [1, 1, 1], [30, 18], () => true) // [[12, 12, 6], [12, 6, 0]]
 */
export function layerFairShares(
  capacity: readonly number[],
  weight: readonly number[],
  demandByLayer: readonly number[],
  canHold: (c: number, l: number) => boolean,
): number[][] {
  const n = capacity.length;
  let cumulative = new Array<number>(n).fill(0);
  let demand = 0;
  const eligible = new Uint8Array(n);
  return demandByLayer.map((layerDemand, l) => {
    demand += layerDemand;
    for (let c = 0; c < n; c++) if (canHold(c, l)) eligible[c] = 1;
    const next = waterFillAbove(
      capacity.map((cap, c) => (eligible[c] === 1 ? cap : 0)),
      weight,
      cumulative,
      demand,
    );
    const share = next.map((s, c) => Math.max(0, s - cumulative[c]!));
    cumulative = next;
    return share;
  });
}
