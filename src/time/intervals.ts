/**
 * Interval-set algebra on sorted, normalized, flat typed arrays.
 *
 * An {@link IntervalSet} is a `Float64Array` `[s0, e0, s1, e1, ...]` of half-open intervals `[s, e)` with
 * `s0 < e0 < s1 < e1 < ...`: sorted, non-empty, neither overlapping nor touching (`[1,2)` and `[2,3)` are stored
 * as `[1,3)`). Every function here takes normalized sets and returns a new normalized set in one linear merge; none
 * mutates its arguments. Values are usually UTC epoch ms, but nothing here depends on the unit.
 *
 * @module
 */
import type { Interval } from './types.js';

/** A normalized set of half-open intervals, flat: `[start0, end0, start1, end1, ...]`. See the module notes. */
export type IntervalSet = Float64Array;

/**
 * The empty set. A fresh array each call, so callers may never alias a shared one.
 *
 * @example totalLength(emptySet()) === 0
 */
export function emptySet(): IntervalSet {
  return new Float64Array(0);
}

/**
 * Normalizes any list of `[start, end)` pairs (flat, unsorted, possibly overlapping, touching or empty) into an
 * {@link IntervalSet}. Empty and reversed pairs are dropped. O(n log n).
 *
 * @example normalize([5, 7, 1, 3, 3, 4, 9, 9]) // Float64Array [1, 4, 5, 7]
 */
export function normalize(pairs: ArrayLike<number>): IntervalSet {
  const n = pairs.length >> 1;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if ((pairs[2 * i] as number) < (pairs[2 * i + 1] as number)) order.push(i);
  order.sort((a, b) => (pairs[2 * a] as number) - (pairs[2 * b] as number));
  const out: number[] = [];
  for (const i of order) {
    const s = pairs[2 * i] as number;
    const e = pairs[2 * i + 1] as number;
    const last = out.length - 1;
    if (last > 0 && s <= (out[last] as number)) {
      if (e > (out[last] as number)) out[last] = e;
    } else {
      out.push(s, e);
    }
  }
  return Float64Array.from(out);
}

/**
 * Converts interval objects into a normalized set: sorted, overlapping or touching intervals merged, empty or
 * reversed ones (`end <= start`) dropped. O(n log n).
 *
 * @example fromIntervals([{ start: 5, end: 7 }, { start: 1, end: 5 }]) // Float64Array [1, 7]
 */
export function fromIntervals(intervals: readonly Interval[]): IntervalSet {
  const flat = new Float64Array(intervals.length * 2);
  intervals.forEach((iv, i) => {
    flat[2 * i] = iv.start;
    flat[2 * i + 1] = iv.end;
  });
  return normalize(flat);
}

/**
 * Converts a set into interval objects, for APIs and output (not for inner loops). The set is read as it is (no
 * normalization), so a normalized set gives sorted, disjoint intervals.
 *
 * @example toIntervals(Float64Array.of(1, 3, 5, 6)) // [{ start: 1, end: 3 }, { start: 5, end: 6 }]
 */
export function toIntervals(set: IntervalSet): Interval[] {
  const out: Interval[] = [];
  for (let i = 0; i < set.length; i += 2) out.push({ start: set[i] as number, end: set[i + 1] as number });
  return out;
}

/** Shared merge for the boolean operations: walks both sets' boundaries once, keeping where `keep(inA, inB)`. */
function combine(a: IntervalSet, b: IntervalSet, keep: (inA: boolean, inB: boolean) => boolean): IntervalSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let inA = false;
  let inB = false;
  let inside = false;
  while (i < a.length || j < b.length) {
    const ta = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const tb = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    const t = Math.min(ta, tb);
    // Consume every boundary at t before deciding, so touching intervals merge and nothing empty is emitted.
    if (ta === t) {
      inA = !inA;
      i++;
    }
    if (tb === t) {
      inB = !inB;
      j++;
    }
    const now = keep(inA, inB);
    if (now !== inside) {
      if (now) out.push(t);
      else if (out[out.length - 1] === t) out.pop();
      else out.push(t);
      inside = now;
    }
  }
  return Float64Array.from(out);
}

/** `a ∪ b`. O(|a| + |b|). @example union([1,3], [2,5]) // [1,5] */
export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  return combine(a, b, (x, y) => x || y);
}

/**
 * `a ∩ b`. O(|a| + |b|). Its own two-pointer walk rather than `combine`: the rota intersects every coach's
 * free and on-call time with the nights and weekends of the horizon, where the shared merge's callback and growing
 * array were most of the cost. Same result: each overlap of an interval of `a` with one of `b`, in order (an
 * overlap touching the previous one, which normalized inputs never give, is merged into it).
 *
 * @example intersect([1,3], [2,5]) // [2,3]
 */
export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out = new Float64Array(a.length + b.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i] as number, b[j] as number);
    const ea = a[i + 1] as number;
    const eb = b[j + 1] as number;
    const e = Math.min(ea, eb);
    if (s < e) {
      if (n > 0 && out[n - 1] === s) out[n - 1] = e;
      else {
        out[n++] = s;
        out[n++] = e;
      }
    }
    // The interval ending first can meet nothing further on.
    if (ea <= eb) i += 2;
    else j += 2;
  }
  return out.slice(0, n);
}

/** `a \ b`: the time in `a` not in `b`. O(|a| + |b|). @example difference([1,5], [2,3]) // [1,2, 3,5] */
export function difference(a: IntervalSet, b: IntervalSet): IntervalSet {
  return combine(a, b, (x, y) => x && !y);
}

/** `a` restricted to `[from, to)`. O(log |a| + output). @example clip([1,5, 7,9], 2, 8) // [2,5, 7,8] */
export function clip(a: IntervalSet, from: number, to: number): IntervalSet {
  if (!(from < to)) return emptySet();
  const out: number[] = [];
  for (let i = firstEndingAfter(a, from); i < a.length; i += 2) {
    const s = a[i] as number;
    if (s >= to) break;
    out.push(Math.max(s, from), Math.min(a[i + 1] as number, to));
  }
  return Float64Array.from(out);
}

/** Total length of the set (sum of `end - start`). @example totalLength([1,3, 5,6]) === 3 */
export function totalLength(a: IntervalSet): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 2) sum += (a[i + 1] as number) - (a[i] as number);
  return sum;
}

/** Index (even) of the first interval whose end is after `t`; `a.length` if none. Binary search. */
function firstEndingAfter(a: IntervalSet, t: number): number {
  let lo = 0;
  let hi = a.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[2 * mid + 1] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/**
 * `true` when instant `t` is in the set (half-open: an interval's start is in it, its end is not). O(log n).
 *
 * @example contains(Float64Array.of(1, 3), 1) === true; contains(Float64Array.of(1, 3), 3) === false
 */
export function contains(a: IntervalSet, t: number): boolean {
  const i = firstEndingAfter(a, t);
  return i < a.length && (a[i] as number) <= t;
}

/**
 * `true` when the whole of `[start, end)` is in the set (an empty or reversed span is always contained). Since the
 * set is normalized, the span must lie inside one of its intervals. O(log n).
 *
 * @example containsInterval(Float64Array.of(1, 5), 2, 5) === true; containsInterval(Float64Array.of(1, 5), 4, 6) === false
 */
export function containsInterval(a: IntervalSet, start: number, end: number): boolean {
  if (!(start < end)) return true;
  const i = firstEndingAfter(a, start);
  return i < a.length && (a[i] as number) <= start && (a[i + 1] as number) >= end;
}

/**
 * `true` when `[start, end)` shares any time with the set; spans that only touch it do not overlap, and an empty
 * or reversed span never does. O(log n).
 *
 * @example overlaps(Float64Array.of(1, 3), 2, 4) === true; overlaps(Float64Array.of(1, 3), 3, 4) === false
 */
export function overlaps(a: IntervalSet, start: number, end: number): boolean {
  if (!(start < end)) return false;
  const i = firstEndingAfter(a, start);
  return i < a.length && (a[i] as number) < end;
}

/**
 * `true` when `a` is an {@link IntervalSet}: even length, each interval non-empty, sorted, neither overlapping nor
 * touching the next. The invariant every function here keeps and expects. O(n).
 *
 * @example isNormalized([1, 3, 5, 6]) === true; isNormalized([1, 3, 3, 6]) === false // touching
 */
export function isNormalized(a: ArrayLike<number>): boolean {
  if (a.length % 2 !== 0) return false;
  for (let i = 0; i < a.length; i += 2) {
    if (!((a[i] as number) < (a[i + 1] as number))) return false;
    if (i > 0 && !((a[i - 1] as number) < (a[i] as number))) return false;
  }
  return true;
}
