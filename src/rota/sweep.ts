/**
 * The coverage sweep: how many coaches are free at each instant, from each coach's normalized free time.
 * The hot path of every coverage question, so it runs on typed arrays only: the starts and the ends are sorted
 * separately (numeric `Float64Array.sort`, no comparator) and merged in one pass.
 *
 * @module
 */
import type { IntervalSet } from '../time/intervals.js';

/**
 * A step function over `[boundaries[0], boundaries[n])`: `counts[k]` coaches are free during
 * `[boundaries[k], boundaries[k + 1])`. Consecutive segments always have different counts.
 */
export interface CountTimeline {
  /** `n + 1` ascending instants; the first is the horizon's start, the last its end. */
  readonly boundaries: Float64Array;
  /** `n` counts. */
  readonly counts: Uint32Array;
}

/**
 * Sweeps normalized per-coach sets clipped to `[from, to)` into a {@link CountTimeline}. Because each set is
 * normalized, the count at an instant is the number of distinct coaches free then.
 * O(N log N) for N intervals in all, dominated by the two typed-array sorts.
 *
 * @example
 * sweepCounts([Float64Array.of(0, 10), Float64Array.of(5, 20)], 0, 30)
 * // boundaries [0, 5, 10, 20, 30], counts [1, 2, 1, 0]
 */
export function sweepCounts(sets: readonly IntervalSet[], from: number, to: number): CountTimeline {
  const { starts, ends } = sortedEdges(sets);
  return sweepSorted(starts, ends, from, to);
}

/**
 * Every interval's start and every interval's end of the sets, each sorted ascending (the sort half of
 * {@link sweepCounts}, for callers that need the sorted edges themselves too).
 *
 * @example sortedEdges([Float64Array.of(5, 20), Float64Array.of(0, 10)]) // { starts: [0, 5], ends: [10, 20] }
 */
export function sortedEdges(sets: readonly IntervalSet[]): { starts: Float64Array; ends: Float64Array } {
  let n = 0;
  for (const set of sets) n += set.length >> 1;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let k = 0;
  for (const set of sets) {
    for (let i = 0; i < set.length; i += 2) {
      starts[k] = set[i] as number;
      ends[k] = set[i + 1] as number;
      k++;
    }
  }
  return { starts: starts.sort(), ends: ends.sort() };
}

/**
 * The merge half of {@link sweepCounts}, for callers that already hold sorted starts and ends (each `[from, to)`
 * clipped, `starts[i] < ends[i]` pairing not required: only the two multisets matter).
 */
export function sweepSorted(
  starts: Float64Array,
  ends: Float64Array,
  from: number,
  to: number,
): CountTimeline {
  const n = starts.length;
  const boundaries = new Float64Array(2 * n + 2);
  const counts = new Uint32Array(2 * n + 1);
  boundaries[0] = from;
  let segments = 0; // index of the open segment, which starts at boundaries[segments]
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < n || j < n) {
    const s = i < n ? (starts[i] as number) : Number.POSITIVE_INFINITY;
    const e = j < n ? (ends[j] as number) : Number.POSITIVE_INFINITY;
    const t = Math.min(s, e);
    if (t >= to) break;
    // All events at one instant are applied together, so hand-offs do not create zero-length segments.
    while (i < n && starts[i] === t) {
      count++;
      i++;
    }
    while (j < n && ends[j] === t) {
      count--;
      j++;
    }
    if (t <= from) {
      counts[0] = count;
    } else if (count !== counts[segments]) {
      segments++;
      boundaries[segments] = t;
      counts[segments] = count;
    }
  }
  boundaries[segments + 1] = to;
  return { boundaries: boundaries.slice(0, segments + 2), counts: counts.slice(0, segments + 1) };
}
