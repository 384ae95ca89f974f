/**
 * The 7x24 hour-of-week profile: for each local hour of the week, how often it is covered and by how many coaches.
 *
 * @module
 */
import { dayOf, weekdayOf } from '../time/local.js';
import { DAY, HOUR, type Instant } from '../time/types.js';
import { instantToLocal, localToInstantCursor, type ZoneTable } from '../time/zone.js';
import type { CountTimeline } from './sweep.js';

/** One local hour of the week, aggregated over every time it occurs in the horizon. */
export interface HourOfWeekCell {
  /** ISO weekday, 0 = Monday ... 6 = Sunday (local). */
  readonly weekday: number;
  /** Local hour, 0-23. */
  readonly hour: number;
  /**
   * Minutes of real time this hour spans in the horizon: 60 per occurrence, 0 for the hour skipped at spring
   * forward, 120 for the hour lived twice at fall back.
   */
  readonly minutes: number;
  /** Share of those minutes with at least `minCoaches` free, 0-1 (0 when `minutes` is 0). */
  readonly coveredShare: number;
  /** Time-weighted average number of coaches free during those minutes (0 when `minutes` is 0). */
  readonly averageFree: number;
}

/**
 * Builds the 168 cells, Monday 00:00 first, in the zone of `table`. Each local hour `[h:00, h+1:00)` is mapped to
 * instants by the DST rules, so the skipped hour has no time and the repeated one has two hours. O(hours + segments).
 */
export function hourOfWeekProfile(
  timeline: CountTimeline,
  table: ZoneTable,
  from: Instant,
  to: Instant,
  minCoaches: number,
): HourOfWeekCell[] {
  const minutes = new Float64Array(168);
  const covered = new Float64Array(168);
  const coachTime = new Float64Array(168);
  const { boundaries, counts } = timeline;
  const toInstant = localToInstantCursor(table);
  let k = 0; // current timeline segment
  const firstDay = dayOf(instantToLocal(table, from));
  const lastDay = dayOf(instantToLocal(table, to - 1));
  let hourStart = toInstant(firstDay * DAY);
  for (let day = firstDay; day <= lastDay; day++) {
    const cellBase = weekdayOf(day) * 24;
    for (let h = 0; h < 24; h++) {
      const hourEnd = toInstant(day * DAY + (h + 1) * HOUR);
      let t = Math.max(hourStart, from);
      const end = Math.min(hourEnd, to);
      hourStart = hourEnd;
      if (!(t < end)) continue;
      const cell = cellBase + h;
      while ((boundaries[k + 1] as number) <= t) k++;
      while (t < end) {
        const segEnd = Math.min(boundaries[k + 1] as number, end);
        const length = segEnd - t;
        const count = counts[k] as number;
        minutes[cell] = (minutes[cell] as number) + length;
        coachTime[cell] = (coachTime[cell] as number) + length * count;
        if (count >= minCoaches) covered[cell] = (covered[cell] as number) + length;
        t = segEnd;
        if (t === boundaries[k + 1]) k++;
      }
    }
  }
  const cells: HourOfWeekCell[] = [];
  for (let cell = 0; cell < 168; cell++) {
    const time = minutes[cell] as number;
    cells.push({
      weekday: Math.floor(cell / 24),
      hour: cell % 24,
      minutes: time / 60_000,
      coveredShare: time === 0 ? 0 : (covered[cell] as number) / time,
      averageFree: time === 0 ? 0 : (coachTime[cell] as number) / time,
    });
  }
  return cells;
}
