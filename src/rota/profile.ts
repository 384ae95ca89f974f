/**
 * The 7x24 hour-of-week profile: for each local hour of the week, how often it is covered and by how many coaches.
 *
 * @module
 */
import { dayOf, weekdayOf } from '../time/local.js';
import { DAY, HOUR, type Instant } from '../time/types.js';
import type { ZoneTable } from '../time/zone.js';
import type { CountTimeline } from './sweep.js';

/** One local hour of the week, aggregated over every time it occurs in the horizon. */
export interface HourOfWeekCell {
  /** ISO weekday, 0 = Monday ... 6 = Sunday (local). */
  readonly weekday: number;
  /** Local hour, 0-23. */
  readonly hour: number;
  /**
   * Minutes of real time the wall clock reads this hour within the horizon: 60 per occurrence, none for the hour
   * skipped at spring forward, twice the repeated part at fall back.
   */
  readonly minutes: number;
  /** Share of those minutes with at least `minCoaches` free, 0-1 (0 when `minutes` is 0). */
  readonly coveredShare: number;
  /** Time-weighted average number of coaches free during those minutes (0 when `minutes` is 0). */
  readonly averageFree: number;
}

/**
 * Builds the 168 cells, Monday 00:00 first, in the zone of `table`. Every instant counts in the cell its wall
 * clock reads then, so the hour skipped at spring forward gets no time and the hour lived twice at fall back gets
 * both (even in zones whose transitions are not on the hour, such as Pacific/Chatham). O(hours + segments).
 *
 * @param timeline - the count of coaches free over `[from, to)` (as {@link sweepCounts} builds it).
 * @param table - zone table of the zone to read the wall clock in, built for at least `[from, to)`.
 * @param minCoaches - the target: a minute counts as covered with at least this many coaches free.
 * @example
 * const cells = hourOfWeekProfile(report.timeline, paris, report.from, report.to, 1);
 * cells[0 * 24 + 3].coveredShare // Mondays 03:00-04:00 local: share of those minutes covered, 0-1
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
  const { starts, offsets } = table;
  let z = 0; // current zone table entry
  while (z + 1 < starts.length && (starts[z + 1] as number) <= from) z++;
  let k = 0; // current timeline segment
  let t = from;
  while (t < to) {
    const offset = offsets[z] as number;
    const local = t + offset;
    const intoHour = ((local % HOUR) + HOUR) % HOUR;
    const nextTransition = z + 1 < starts.length ? (starts[z + 1] as number) : Number.POSITIVE_INFINITY;
    // The wall clock keeps reading this hour until the next full hour, or until the offset changes.
    const pieceEnd = Math.min(t - intoHour + HOUR, nextTransition, to);
    const day = dayOf(local);
    const cell = weekdayOf(day) * 24 + Math.floor((local - day * DAY) / HOUR);
    while (t < pieceEnd) {
      const segEnd = Math.min(boundaries[k + 1] as number, pieceEnd);
      const length = segEnd - t;
      const count = counts[k] as number;
      minutes[cell] = (minutes[cell] as number) + length;
      coachTime[cell] = (coachTime[cell] as number) + length * count;
      if (count >= minCoaches) covered[cell] = (covered[cell] as number) + length;
      t = segEnd;
      if (t === boundaries[k + 1]) k++;
    }
    if (t === nextTransition) z++;
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
