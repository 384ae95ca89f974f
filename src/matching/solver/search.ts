/**
 * Binary searches over sorted typed arrays, shared by the solver's indexes.
 *
 * @module
 */

/**
 * First index `i` in `[lo, hi)` with `a[i] >= x` (`hi` when none), for ascending `a`.
 *
 * @example lowerBound(Float64Array.of(1, 3, 3, 5), 3, 0, 4) // 1
 */
export function lowerBound(a: ArrayLike<number>, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the local day of instant `t` in `dayStarts` (the last entry `<= t`), clamped to the days that exist:
 * before the first start is day 0, at or after the last entry is the last day (`length - 2`, or 0 with one entry).
 *
 * @example dayIndex(Float64Array.of(0, 10, 20), 15) // 1
 */
export function dayIndex(dayStarts: Float64Array, t: number): number {
  const days = Math.max(1, dayStarts.length - 1);
  let lo = 0;
  let hi = dayStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dayStarts[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(days - 1, Math.max(0, lo - 1));
}

/**
 * End of the interval of the normalized set `set` that contains `t`, or `-Infinity` when none does.
 *
 * @example freeUntil(Float64Array.of(0, 10, 20, 30), 25) // 30
 */
export function freeUntil(set: Float64Array, t: number): number {
  // Last interval whose start is <= t.
  let lo = 0;
  let hi = set.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((set[2 * mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return Number.NEGATIVE_INFINITY;
  const end = set[2 * lo - 1] as number;
  return t < end ? end : Number.NEGATIVE_INFINITY;
}

/**
 * Whether a call `[start, end)` keeps `buffer` ms away from every booked call of `booked` (pairs sorted by start,
 * not overlapping), on both sides: each booked `[bs, be)` must satisfy `be + buffer <= start` or
 * `end + buffer <= bs`.
 *
 * @example clearOfBooked(Float64Array.of(100, 160), 0, 90, 15) // false: 90 + 15 > 100
 */
export function clearOfBooked(booked: Float64Array, start: number, end: number, buffer: number): boolean {
  const n = booked.length >> 1;
  if (n === 0) return true;
  // First booked call whose start is >= end + buffer: every call from there on is clear; only the one before it
  // can conflict, since bookings do not overlap (their ends are sorted too).
  let lo = 0;
  let hi = n;
  const limit = end + buffer;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((booked[2 * mid] as number) < limit) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return true;
  return (booked[2 * lo - 1] as number) + buffer <= start;
}
