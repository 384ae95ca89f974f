/**
 * Instants where the local wall clock reads a round time: the grid calls start on, and the starts of local days.
 * Both are read off a zone table, segment by segment of constant offset, so the grid is right across DST: the
 * fall-back hour has its grid points twice (both occurrences exist), the spring-forward hour has none.
 *
 * @module
 */
import { DAY, type Instant, MINUTE } from './types.js';
import { localToInstant, type ZoneTable } from './zone.js';

/**
 * Every instant in `[from, to)` at which the local clock of `table`'s zone shows a whole multiple of `stepMinutes`
 * past local midnight (seconds zero), ascending.
 *
 * @param stepMinutes - a divisor of 1,440 (so every local day starts on the grid).
 * @example
 * // Paris, 30-minute grid over the fall-back night 2026-10-25 00:00-04:00 local: 02:00 and 02:30 occur twice.
 * clockGrid(paris, Date.UTC(2026, 9, 24, 22), Date.UTC(2026, 9, 25, 3), 30).length === 10
 */
export function clockGrid(table: ZoneTable, from: Instant, to: Instant, stepMinutes: number): Float64Array {
  const step = stepMinutes * MINUTE;
  const out: number[] = [];
  const { starts, offsets } = table;
  for (let i = 0; i < starts.length; i++) {
    const segmentStart = Math.max(from, starts[i] as number);
    const segmentEnd = Math.min(
      to,
      i + 1 < starts.length ? (starts[i + 1] as number) : Number.POSITIVE_INFINITY,
    );
    if (segmentStart >= segmentEnd) continue;
    const offset = offsets[i] as number;
    // First local time on the grid at or after the segment's start, back to UTC in this segment's offset.
    for (let t = Math.ceil((segmentStart + offset) / step) * step - offset; t < segmentEnd; t += step)
      out.push(t);
  }
  return Float64Array.from(out);
}

/**
 * The instants local days start in `table`'s zone (local midnight, or the first instant after it when midnight
 * falls in a DST gap), from the day containing `from` to the first day starting at or after `to`: day `i` is
 * `[result[i], result[i + 1])`.
 *
 * @example localDayStarts(paris, Date.UTC(2026, 11, 1, 12), Date.UTC(2026, 11, 2, 12)) // 30 Nov 23:00Z, 1 Dec 23:00Z, 2 Dec 23:00Z
 */
export function localDayStarts(table: ZoneTable, from: Instant, to: Instant): Float64Array {
  const firstDay = Math.floor((from + DAY) / DAY) - 2; // a day that surely starts before `from` (offsets < 1 day)
  const out: number[] = [];
  for (let day = firstDay; ; day++) {
    const start = localToInstant(table, day * DAY);
    const next = localToInstant(table, (day + 1) * DAY);
    if (next <= from) continue;
    out.push(start);
    if (start >= to) break;
  }
  return Float64Array.from(out);
}
