/**
 * Gaps and fragile time, read off a count timeline.
 *
 * @module
 */
import type { Interval } from '../time/types.js';
import type { CountTimeline } from './sweep.js';

/** Time with fewer coaches free than the target, merged into maximal spans. */
export interface CoverageGap extends Interval {
  /** Length in minutes. */
  readonly minutes: number;
  /** The fewest coaches free at any instant of the gap (0 when nobody is; always `< minCoaches`). */
  readonly available: number;
}

/**
 * Maximal spans where fewer than `minCoaches` coaches are free. Adjacent segments below the target merge even when
 * their counts differ (with `minCoaches: 2`, "nobody" then "one" is one gap, `available: 0`). Nothing is merged
 * across covered time, however short: a one-minute gap is reported as such.
 *
 * @example findGaps({ boundaries: Float64Array.of(0, 60_000, 120_000), counts: Uint32Array.of(0, 1) }, 1)
 * // [{ start: 0, end: 60_000, minutes: 1, available: 0 }]
 */
export function findGaps(timeline: CountTimeline, minCoaches: number): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  const { boundaries, counts } = timeline;
  let k = 0;
  while (k < counts.length) {
    if ((counts[k] as number) >= minCoaches) {
      k++;
      continue;
    }
    const start = boundaries[k] as number;
    let available = counts[k] as number;
    while (k < counts.length && (counts[k] as number) < minCoaches) {
      available = Math.min(available, counts[k] as number);
      k++;
    }
    const end = boundaries[k] as number;
    gaps.push({ start, end, minutes: (end - start) / 60_000, available });
  }
  return gaps;
}

/**
 * Maximal spans where exactly `count` coaches are free, in time order: with `count = minCoaches`, the fragile
 * time, where one absence opens a gap. Spans with more or fewer coaches free are not included (use
 * {@link findGaps} for "fewer than").
 *
 * @example spansWithCount({ boundaries: Float64Array.of(0, 60_000, 120_000), counts: Uint32Array.of(0, 1) }, 1)
 * // [{ start: 60_000, end: 120_000 }]
 */
export function spansWithCount(timeline: CountTimeline, count: number): Interval[] {
  const spans: Interval[] = [];
  const { boundaries, counts } = timeline;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] !== count) continue;
    // Consecutive segments always differ in count, so each matching segment is already maximal.
    spans.push({ start: boundaries[k] as number, end: boundaries[k + 1] as number });
  }
  return spans;
}
