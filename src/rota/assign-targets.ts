/**
 * What the assignment is set up with, before it walks the horizon: every instant where it may change (breakpoints),
 * the free-time edges bucketed by breakpoint, and the fair-share targets it steers by (per layer, and in the night
 * and weekend windows). Pure functions over typed arrays; `assign.ts` calls them once per rota.
 *
 * @module
 */

import { HOUR } from '../time/types.js';
import type { CoachRules } from './assign.js';
import { capacityWithinCaps, layerFairShares } from './fair-share.js';
import type { Horizon } from './horizon.js';
import type { IndexedOverride, IndexedShift } from './rota-inputs.js';
import { overlapCursor, windowShares } from './windows.js';

const NONE = -1;

/**
 * Every instant where the assignment may change, sorted and unique: the horizon's ends, hand-off times, local
 * Mondays, overrides' and the previous rota's bounds, and every free-time edge. The free-time edges come sorted
 * (`sortedEdges`, the coverage sweep sorts them anyway): only the few other instants are sorted here, then merged
 * with them, instead of sorting the few hundred thousand edges of 1,000 coaches a second time.
 */
export function collectBreakpoints(
  horizon: Horizon,
  grid: readonly number[],
  weekStarts: readonly number[],
  edges: { readonly starts: Float64Array; readonly ends: Float64Array },
  overrides: readonly IndexedOverride[],
  previous: readonly IndexedShift[],
): Float64Array {
  const { from, to } = horizon;
  const points = new Float64Array(
    2 + grid.length + weekStarts.length + 2 * (overrides.length + previous.length),
  );
  let n = 0;
  const add = (t: number) => {
    if (t >= from && t <= to) points[n++] = t;
  };
  add(from);
  add(to);
  for (const t of grid) add(t);
  for (const t of weekStarts) add(t);
  for (const o of overrides) {
    add(o.start);
    add(o.end);
  }
  for (const p of previous) {
    add(p.start);
    add(p.end);
  }
  return mergeUnique([points.subarray(0, n).sort(), edges.starts, edges.ends], from, to);
}

/** The values in `[from, to]` of sorted arrays, merged: sorted and unique. O(total length × arrays). */
function mergeUnique(lists: readonly Float64Array[], from: number, to: number): Float64Array {
  let size = 0;
  for (const list of lists) size += list.length;
  const out = new Float64Array(size);
  const at = new Int32Array(lists.length);
  let n = 0;
  for (;;) {
    // The smallest head among the lists.
    let q = NONE;
    let t = Number.POSITIVE_INFINITY;
    for (let i = 0; i < lists.length; i++) {
      if (at[i]! < lists[i]!.length && lists[i]![at[i]!]! < t) {
        q = i;
        t = lists[i]![at[i]!]!;
      }
    }
    if (q === NONE) break;
    at[q]!++;
    if (t >= from && t <= to && (n === 0 || out[n - 1] !== t)) out[n++] = t;
  }
  return out.slice(0, n);
}

/**
 * Free-time edges of every coach, bucketed by the index of the breakpoint they fall on (compressed rows: the
 * edges of breakpoint `k` are `offsets[k]` to `offsets[k + 1]`). A look-up per edge (see {@link breakpointSlot})
 * and a counting sort: no comparator sort.
 */
export function edgesByBreakpoint(
  free: readonly Float64Array[],
  breakpoints: Float64Array,
): { offsets: Int32Array; coach: Int32Array; on: Uint8Array } {
  const slot = breakpointSlot(breakpoints);
  const total = free.reduce((sum, set) => sum + set.length, 0);
  const at = new Int32Array(total);
  const offsets = new Int32Array(breakpoints.length + 1);
  let n = 0;
  for (const set of free) {
    for (let i = 0; i < set.length; i++) {
      const k = slot(set[i]!);
      at[n++] = k;
      offsets[k + 1] = offsets[k + 1]! + 1;
    }
  }
  for (let k = 0; k < breakpoints.length; k++) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
  const fill = offsets.slice(0, breakpoints.length);
  const coach = new Int32Array(total);
  const on = new Uint8Array(total);
  n = 0;
  free.forEach((set, c) => {
    for (let i = 0; i < set.length; i++) {
      const j = fill[at[n++]!]!++;
      coach[j] = c;
      on[j] = i % 2 === 0 ? 1 : 0;
    }
  });
  return { offsets, coach, on };
}

/**
 * The index of the first breakpoint at or after `t` (the last one if none; breakpoints sorted, unique, non-empty),
 * as a binary search gives it, but through an index of the first breakpoint in each hour of the horizon: one
 * look-up and a step or two per call (a year has ~12,000 breakpoints at 1,000 coaches, ~350,000 edges to place).
 */
export function breakpointSlot(breakpoints: Float64Array): (t: number) => number {
  const last = breakpoints.length - 1;
  const from = breakpoints[0]!;
  const hours = Math.max(1, Math.ceil((breakpoints[last]! - from) / HOUR) + 1);
  const firstInHour = new Int32Array(hours);
  for (let h = 0, k = 0; h < hours; h++) {
    while (k < last && breakpoints[k]! < from + h * HOUR) k++;
    firstInHour[h] = k;
  }
  return (t) => {
    let k = firstInHour[Math.min(Math.max(Math.floor((t - from) / HOUR), 0), hours - 1)]!;
    // Back (never needed with whole milliseconds, kept for any rounding), then forward to the first at or after t.
    while (k > 0 && breakpoints[k - 1]! >= t) k--;
    while (k < last && breakpoints[k]! < t) k++;
    return k;
  };
}

/**
 * Steering targets: each layer's fillable time (where more coaches are free than the layers above it need),
 * shared out layer after layer by `layerFairShares` over capacities, as running totals per coach:
 * `[c * layerCount + l]` = coach c's share of layers 0..l, ms.
 */
export function fairTargets(
  free: readonly Float64Array[],
  rules: CoachRules,
  horizon: Horizon,
  weekStarts: readonly number[],
  layerCount: number,
  skilled: Uint8Array,
  sweep: { boundaries: ArrayLike<number>; counts: ArrayLike<number> },
): Float64Array {
  const { boundaries, counts } = sweep;
  const demand = new Array<number>(layerCount).fill(0);
  for (let k = 0; k < counts.length; k++) {
    const len = boundaries[k + 1]! - boundaries[k]!;
    for (let l = 0; l < Math.min(counts[k]!, layerCount); l++) demand[l] = demand[l]! + len;
  }
  const weeks = [horizon.from, ...weekStarts, horizon.to];
  const capacity = free.map((set, c) => capacityWithinCaps(set, rules.capMs[c]!, weeks));
  const shares = layerFairShares(capacity, rules.weight, demand, (c, l) => skilled[c * layerCount + l] === 1);
  const targets = new Float64Array(free.length * layerCount);
  for (let c = 0; c < free.length; c++) {
    let sum = 0;
    for (let l = 0; l < layerCount; l++) {
      sum += shares[l]![c]!;
      targets[c * layerCount + l] = sum;
    }
  }
  return targets;
}

/**
 * For each coach, a function giving their time left in `sets[c]` from instant `t` on (prefix sums). Each coach
 * keeps a cursor on the first interval ending after their last `t`, with that interval's bounds and the time from
 * its start on in flat arrays: the walk asks at increasing instants, mostly inside the same interval, so a call
 * reads three numbers and the cursor moves forward only past an interval's end (a binary search per call touched
 * the coach's whole set). An earlier instant falls back to the binary search. Same result either way.
 */
export function timeLeft(sets: readonly Float64Array[]): (c: number, t: number) => number {
  const prefixes = sets.map((set) => {
    const prefix = new Float64Array((set.length >> 1) + 1);
    for (let i = 0; i < set.length; i += 2) prefix[(i >> 1) + 1] = prefix[i >> 1]! + set[i + 1]! - set[i]!;
    return prefix;
  });
  const n = sets.length;
  // Per coach: the cursor (interval index), the last instant asked, the interval's start and end (+∞ past the
  // last one) and the free time from its start on.
  const cursor = new Int32Array(n);
  const lastT = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const rest = new Float64Array(n);
  const moveTo = (c: number, lo: number) => {
    const set = sets[c]!;
    const prefix = prefixes[c]!;
    const inSet = lo < set.length >> 1;
    cursor[c] = lo;
    start[c] = inSet ? set[2 * lo]! : Number.POSITIVE_INFINITY;
    end[c] = inSet ? set[2 * lo + 1]! : Number.POSITIVE_INFINITY;
    rest[c] = prefix[prefix.length - 1]! - prefix[lo]!;
  };
  for (let c = 0; c < n; c++) moveTo(c, 0);
  return (c, t) => {
    if (t < lastT[c]!) moveTo(c, firstEndingAfter(sets[c]!, t));
    else if (end[c]! <= t) {
      const set = sets[c]!;
      let lo = cursor[c]!;
      while (lo < set.length >> 1 && set[2 * lo + 1]! <= t) lo++;
      moveTo(c, lo);
    }
    lastT[c] = t;
    return rest[c]! - (start[c]! < t ? t - start[c]! : 0);
  };
}

/**
 * Steering target inside a window (nights, weekends): the time in it that some layer could be held (per instant,
 * min(free coaches, layers)), water-filled over each coach's free time in it within caps, ms per coach.
 */
export function windowTarget(
  window: Float64Array,
  freeInWindow: readonly Float64Array[],
  rules: CoachRules,
  horizon: Horizon,
  weekStarts: readonly number[],
  layerCount: number,
  sweep: { boundaries: ArrayLike<number>; counts: ArrayLike<number> },
): number[] {
  const { boundaries, counts } = sweep;
  const inWindow = overlapCursor(window);
  let demand = 0;
  for (let k = 0; k < counts.length; k++) {
    demand += Math.min(counts[k]!, layerCount) * inWindow(boundaries[k]!, boundaries[k + 1]!);
  }
  const weeks = [horizon.from, ...weekStarts, horizon.to];
  return windowShares(freeInWindow, rules.capMs, rules.weight, weeks, demand).share;
}

/**
 * Each coach's on-call runs in the previous rota, all layers together, within the horizon: their shifts clipped to
 * `[from, to)`, sorted and merged where they overlap or touch, as `[start, end)` pairs (UTC epoch ms), one array
 * per coach index (empty without a previous rota). Clipped, so nothing before the horizon counts, as without one.
 */
export function previousRuns(
  coachCount: number,
  previous: readonly IndexedShift[],
  horizon: Horizon,
): Float64Array[] {
  const byCoach = Array.from({ length: coachCount }, () => [] as [number, number][]);
  for (const p of previous) {
    const start = Math.max(p.start, horizon.from);
    const end = Math.min(p.end, horizon.to);
    if (start < end) byCoach[p.coach]!.push([start, end]);
  }
  return byCoach.map((own) => {
    own.sort((x, y) => x[0] - y[0]);
    const runs: number[] = [];
    for (const [start, end] of own) {
      const n = runs.length;
      if (n > 0 && start <= runs[n - 1]!) runs[n - 1] = Math.max(runs[n - 1]!, end);
      else runs.push(start, end);
    }
    return Float64Array.from(runs);
  });
}

/**
 * Where a stretch that starts at `t` counts from: the start of the coach's run in the previous rota that holds
 * `t` (`runs`, merged on-call runs `[start, end)` as pairs), else `t`. A run cut short (an absence, a hand-off)
 * and taken up again keeps the previous rota's phase, so its forced break falls where it fell before rather than
 * a longest stretch after the cut, and nothing after it moves. Never later than `t`: the real stretch is only
 * ever shorter than the one counted.
 */
export function stretchAnchor(runs: Float64Array, t: number): number {
  const lo = firstEndingAfter(runs, t);
  return 2 * lo < runs.length && runs[2 * lo]! < t ? runs[2 * lo]! : t;
}

/** The end of the run of `runs` (as for {@link stretchAnchor}) that starts at `t`; `t` itself when none does. */
export function previousRunEnd(runs: Float64Array, t: number): number {
  const i = firstEndingAfter(runs, t);
  return 2 * i < runs.length && runs[2 * i] === t ? runs[2 * i + 1]! : t;
}

/** Index of the first interval of `set` (`[start, end)` pairs, sorted) ending after `t`; the count if none. */
function firstEndingAfter(set: Float64Array, t: number): number {
  let lo = 0;
  let hi = set.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (set[2 * mid + 1]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
