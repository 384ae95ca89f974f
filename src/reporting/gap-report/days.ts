/**
 * The timeline strip's data: the coverage count timeline cut into local days.
 *
 * @module
 */
import type { CountTimeline } from '../../rota/sweep.js';
import { localDayStarts } from '../../time/clock-grid.js';
import { dayOf } from '../../time/local.js';
import { instantToLocal, type ZoneTable } from '../../time/zone.js';
import type { TimelineDay } from './types.js';

/**
 * One entry per local day touching `[from, to)` (the first and last cut at the horizon), with its gap and fragile
 * minutes and the fewest, most and average coaches free. O(days + segments).
 *
 * @example timelineDays(coverage.timeline, paris, from, to, 1)[0] // { date: 20423, gapMinutes: 1080, ... }
 */
export function timelineDays(
  timeline: CountTimeline,
  table: ZoneTable,
  from: number,
  to: number,
  minCoaches: number,
): TimelineDay[] {
  const starts = localDayStarts(table, from, to);
  const cuts = [from, ...Array.from(starts).filter((t) => t > from && t < to), to];
  const { boundaries, counts } = timeline;
  const days: TimelineDay[] = [];
  let k = 0;
  for (let d = 0; d + 1 < cuts.length; d++) {
    const start = cuts[d] as number;
    const end = cuts[d + 1] as number;
    let gap = 0;
    let fragile = 0;
    let coachTime = 0;
    let minFree = Number.POSITIVE_INFINITY;
    let maxFree = 0;
    while (k < counts.length && (boundaries[k + 1] as number) <= start) k++;
    for (let s = k; s < counts.length && (boundaries[s] as number) < end; s++) {
      const length = Math.min(boundaries[s + 1] as number, end) - Math.max(boundaries[s] as number, start);
      const count = counts[s] as number;
      if (count < minCoaches) gap += length;
      else if (count === minCoaches) fragile += length;
      coachTime += length * count;
      minFree = Math.min(minFree, count);
      maxFree = Math.max(maxFree, count);
    }
    days.push({
      date: dayOf(instantToLocal(table, start)),
      start,
      end,
      minutes: (end - start) / 60_000,
      gapMinutes: gap / 60_000,
      fragileMinutes: fragile / 60_000,
      minFree: minFree === Number.POSITIVE_INFINITY ? 0 : minFree,
      maxFree,
      averageFree: coachTime / (end - start),
    });
  }
  return days;
}
