/**
 * Balancing nights and weekends after the layers: two coaches holding the same layer in two hand-off blocks of
 * the same length and the same local week may swap those blocks, each taking the other's. Every coach keeps the
 * same time in every layer (so coverage, every layer's fair-share deviation and weekly hours stay exactly as they
 * were); only *when* they are on call moves, so their night and weekend hours do. A swap is made when it lowers
 * the sum of squared deviations from the night and weekend shares, one without raising the other, and only where
 * both coaches are free in the block they take, hold no other layer then, and keep the longest stretch and the
 * minimum rest of the policy. Never against an override or a kept previous assignment, never for a coach who
 * holds an override that week (it may take them past their weekly cap), and never near a span
 * left empty for want of cap, rest or stretch, or of a free skilled coach (within the longest stretch plus the
 * rest): a swap changes when each coach has cap left, has rested or is free of an upper layer, so there it could
 * let a regeneration with this rota as `previous` fill more, and the rota would not be stable.
 *
 * @module
 */
import {
  containsInterval,
  difference,
  type IntervalSet,
  intersect,
  normalize,
  overlaps,
  totalLength,
  union,
} from '../time/intervals.js';
import { HOUR } from '../time/types.js';
import type { IndexedRun, IndexedUnfilled } from './assign.js';
import { mergeRuns } from './balance-layers.js';
import type { IndexedShift } from './rota-inputs.js';
import { overlapCursor } from './windows.js';

const NONE = -1;
/** Passes over the weeks, at most. */
const PASSES = 4;
/** Improvements below this (hours²) are rounding. */
const EPS = 1e-9;

/** What a pass over hand-off blocks after the assignment needs to know besides the runs. Times UTC epoch ms. */
export interface BlockBalance {
  /** The horizon's start, its hand-off times, its end. */
  readonly bounds: readonly number[];
  /** The horizon's start, each local Monday inside it, its end. */
  readonly weeks: readonly number[];
  /** Each coach's free time, by coach index. */
  readonly free: readonly IntervalSet[];
  readonly minRestMs: number;
  readonly maxStretchMs: number;
  readonly previous: readonly IndexedShift[];
  /** What the assignment left empty, with why. */
  readonly unfilled: readonly IndexedUnfilled[];
}

/** What the swaps need to know besides the runs. */
export interface WindowBalance extends BlockBalance {
  readonly night: IntervalSet;
  readonly weekend: IntervalSet;
  /** Night and weekend shares per coach, ms. */
  readonly nightShare: ArrayLike<number>;
  readonly weekendShare: ArrayLike<number>;
}

/**
 * Swaps same-layer hand-off blocks between coaches towards their night and weekend shares (see the module notes).
 * Deterministic: blocks in time order, layers in order, at most {@link PASSES} passes. Returns the new runs, sorted
 * by start then layer.
 */
export function balanceWindows(
  runs: readonly IndexedRun[],
  layerCount: number,
  w: WindowBalance,
): IndexedRun[] {
  const { bounds, weeks, free, night, weekend } = w;
  const coachCount = free.length;
  const blocks = bounds.length - 1;
  if (blocks < 2 || runs.length === 0) return [...runs];
  const kept = (layer: number, coach: number, a: number, b: number) =>
    w.previous.some((p) => p.layer === layer && p.coach === coach && p.start < b && a < p.end);
  // Each block's local week (NONE when it straddles two), and its night and weekend time.
  const weekOf = blockWeeks(bounds, weeks);
  const nightH = new Float64Array(blocks);
  const weekendH = new Float64Array(blocks);
  const nightIn = overlapCursor(night);
  const weekendIn = overlapCursor(weekend);
  for (let k = 0; k < blocks; k++) {
    nightH[k] = nightIn(bounds[k]!, bounds[k + 1]!) / HOUR;
    weekendH[k] = weekendIn(bounds[k]!, bounds[k + 1]!) / HOUR;
  }
  // Per layer and block, the coach holding the whole block by one generated run (NONE if none, or fixed).
  const holder = blockHolders(runs, layerCount, bounds, kept);
  // Blocks where some layer has a holder that may swap.
  const held = Array.from({ length: blocks }, (_, k) => {
    for (let l = 0; l < layerCount; l++) if (holder[l * blocks + k] !== NONE) return true;
    return false;
  });
  // Weeks in which a coach holds an override: an override may take them past their weekly cap, and a generated
  // block moved after it would then add to it, so such a coach swaps nothing in that week.
  const overridden = new Set<number>();
  for (const r of runs) {
    if (!r.override) continue;
    for (let wk = 0; wk + 1 < weeks.length; wk++) {
      if (weeks[wk]! < r.end && r.start < weeks[wk + 1]!) overridden.add(r.coach * weeks.length + wk);
    }
  }
  const pairs: number[][] = Array.from({ length: coachCount }, () => []);
  for (const r of runs) pairs[r.coach]!.push(r.start, r.end);
  const onCall = pairs.map((p) => normalize(p));
  const valid = (set: IntervalSet) => holdsRestAndStretch(set, w.maxStretchMs, w.minRestMs);
  const ok = onCall.map(valid);
  // Where a swap could change what a regeneration fills: spans empty for any reason but nobody being free.
  const margin = w.maxStretchMs + w.minRestMs;
  const blocked = normalize(
    w.unfilled.flatMap((u) => (u.reason === 'nobody-available' ? [] : [u.start - margin, u.end + margin])),
  );
  const nightDev = onCall.map((set, c) => (totalLength(intersect(set, night)) - w.nightShare[c]!) / HOUR);
  const weekendDev = onCall.map(
    (set, c) => (totalLength(intersect(set, weekend)) - w.weekendShare[c]!) / HOUR,
  );
  const moved = (set: IntervalSet, give: number, take: number) =>
    union(
      difference(set, Float64Array.of(bounds[give]!, bounds[give + 1]!)),
      Float64Array.of(bounds[take]!, bounds[take + 1]!),
    );
  let changed = false;
  for (let pass = 0, again = true; again && pass < PASSES; pass++) {
    again = false;
    for (let p = 0; p < blocks; p++) {
      if (weekOf[p] === NONE || !held[p]) continue;
      const pa = bounds[p]!;
      const pb = bounds[p + 1]!;
      for (let q = p + 1; q < blocks && weekOf[q]! <= weekOf[p]!; q++) {
        if (weekOf[q] !== weekOf[p] || !held[q]) continue;
        const qa = bounds[q]!;
        const qb = bounds[q + 1]!;
        if (qb - qa !== pb - pa || overlaps(blocked, pa, qb)) continue;
        const dn = nightH[p]! - nightH[q]!;
        const dw = weekendH[p]! - weekendH[q]!;
        if (dn === 0 && dw === 0) continue;
        for (let l = 0; l < layerCount; l++) {
          const x = holder[l * blocks + p]!;
          const y = holder[l * blocks + q]!;
          if (x === NONE || y === NONE || x === y || !ok[x] || !ok[y]) continue;
          const week = weekOf[p]!;
          if (overridden.has(x * weeks.length + week) || overridden.has(y * weeks.length + week)) continue;
          // x gives p and takes q, y the reverse: x's night hours fall by dn, y's rise by dn (likewise weekends).
          const gainN = 2 * dn * (nightDev[y]! - nightDev[x]! + dn);
          const gainW = 2 * dw * (weekendDev[y]! - weekendDev[x]! + dw);
          if (gainN > EPS || gainW > EPS || gainN + gainW >= -EPS) continue;
          if (!containsInterval(free[x]!, qa, qb) || !containsInterval(free[y]!, pa, pb)) continue;
          if (overlaps(onCall[x]!, qa, qb) || overlaps(onCall[y]!, pa, pb)) continue;
          const nx = moved(onCall[x]!, p, q);
          const ny = moved(onCall[y]!, q, p);
          if (!valid(nx) || !valid(ny)) continue;
          onCall[x] = nx;
          onCall[y] = ny;
          holder[l * blocks + p] = y;
          holder[l * blocks + q] = x;
          nightDev[x] = nightDev[x]! - dn;
          nightDev[y] = nightDev[y]! + dn;
          weekendDev[x] = weekendDev[x]! - dw;
          weekendDev[y] = weekendDev[y]! + dw;
          changed = true;
          again = true;
          break;
        }
      }
    }
  }
  if (!changed) return [...runs];
  const out: IndexedRun[] = [];
  for (let l = 0; l < layerCount; l++) {
    out.push(
      ...retileBlocks(
        runs.filter((r) => r.layer === l),
        bounds,
        holder.subarray(l * blocks, (l + 1) * blocks),
      ),
    );
  }
  return out.sort((x, y) => x.start - y.start || x.layer - y.layer);
}

/**
 * Each hand-off block's local week: the index `wk` of `weeks` with `weeks[wk] <= start` and `end <= weeks[wk + 1]`,
 * or -1 when the block straddles a week's start.
 *
 * @param bounds - the horizon's start, its hand-off times, its end (UTC epoch ms).
 * @param weeks - the horizon's start, each local Monday inside it, its end (UTC epoch ms).
 * @example blockWeeks([0, 4, 8], [0, 6, 8]) // Int32Array [0, -1]
 */
export function blockWeeks(bounds: readonly number[], weeks: readonly number[]): Int32Array {
  const weekOf = new Int32Array(Math.max(0, bounds.length - 1)).fill(NONE);
  for (let k = 0, wk = 0; k + 1 < bounds.length; k++) {
    const [a, b] = [bounds[k]!, bounds[k + 1]!];
    while (wk + 1 < weeks.length && weeks[wk + 1]! <= a) wk++;
    if (weeks[wk + 1] === undefined || weeks[wk + 1]! >= b) weekOf[k] = wk;
  }
  return weekOf;
}

/**
 * Per layer and hand-off block (`[l * blocks + k]`), the coach holding the whole block by one generated run, or -1
 * where no run covers it whole, an override holds it, or `kept(l, coach, start, end)` says the previous rota fixes it.
 * `runs` sorted by start.
 *
 * @example blockHolders([{ layer: 0, coach: 2, start: 0, end: 8, override: false }], 1, [0, 4, 8, 9], () => false)
 * // Int32Array [2, 2, -1]
 */
export function blockHolders(
  runs: readonly IndexedRun[],
  layerCount: number,
  bounds: readonly number[],
  kept: (layer: number, coach: number, start: number, end: number) => boolean,
): Int32Array {
  const blocks = Math.max(0, bounds.length - 1);
  const holder = new Int32Array(layerCount * blocks).fill(NONE);
  for (let l = 0; l < layerCount; l++) {
    const own = runs.filter((r) => r.layer === l);
    let i = 0;
    for (let k = 0; k < blocks; k++) {
      const [a, b] = [bounds[k]!, bounds[k + 1]!];
      while (i < own.length && own[i]!.end <= a) i++;
      const r = own[i];
      if (r === undefined) break;
      if (r.start > a || r.end < b || r.override || kept(l, r.coach, a, b)) continue;
      holder[l * blocks + k] = r.coach;
    }
  }
  return holder;
}

/**
 * `true` when a coach's on-call time (all layers together) has no stretch longer than `maxStretchMs` and no rest
 * between two stretches shorter than `minRestMs`.
 *
 * @example holdsRestAndStretch(Float64Array.of(0, 4, 6, 8), 5, 2) === true // a 2 ms rest is enough
 */
export function holdsRestAndStretch(set: IntervalSet, maxStretchMs: number, minRestMs: number): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (set[i + 1]! - set[i]! > maxStretchMs) return false;
    if (i > 0 && set[i]! - set[i - 1]! < minRestMs) return false;
  }
  return true;
}

/**
 * A layer's runs (sorted by start) with each hand-off block's holder as `holder` says (where it names a coach, -1
 * elsewhere), adjacent pieces of one holder merged.
 *
 * @example retileBlocks([{ layer: 0, coach: 1, start: 0, end: 8, override: false }], [0, 4, 8], Int32Array.of(-1, 3))
 * // [{ coach: 1, start: 0, end: 4, … }, { coach: 3, start: 4, end: 8, … }]
 */
export function retileBlocks(
  runs: readonly IndexedRun[],
  bounds: readonly number[],
  holder: Int32Array,
): IndexedRun[] {
  const pieces: IndexedRun[] = [];
  let k = 0;
  for (const r of runs) {
    while (k + 1 < bounds.length && bounds[k + 1]! <= r.start) k++;
    let t = r.start;
    for (let j = k; j + 1 < bounds.length && bounds[j]! < r.end; j++) {
      const [a, b] = [bounds[j]!, bounds[j + 1]!];
      const h = holder[j]!;
      if (h === NONE || h === r.coach || a < r.start || b > r.end) continue;
      if (a > t) pieces.push({ ...r, start: t, end: a });
      pieces.push({ ...r, coach: h, start: a, end: b });
      t = b;
    }
    if (t < r.end) pieces.push({ ...r, start: t, end: r.end });
  }
  return mergeRuns(pieces);
}
