/**
 * Time zones as precomputed tables of offset transitions, so that converting between instants and wall-clock time
 * in an inner loop is a binary search (or a cursor step) over a `Float64Array`, not a luxon `DateTime` (7-30 µs).
 *
 * ## Wall-clock to instant, across DST (the only place this rule lives)
 * - A local time that does not exist (the spring-forward gap) moves **forward to the first instant after the gap**:
 *   in Europe/Paris on 2026-03-29, 02:30 becomes 03:00 CEST, so a window 01:30-03:30 that night lasts one hour.
 * - A local time that exists twice (the fall-back overlap) is its **earlier** occurrence: in Europe/Paris on
 *   2026-10-25, 02:30 is 02:30 CEST (00:30Z), so a window 01:00-04:00 that night lasts four hours.
 *
 * The table is built once from `Intl` (see `intl-zone.ts`) when text becomes time, at the edge.
 *
 * @module
 */

import { fail } from '../errors.js';
import { intlKnowsZone, intlOffset } from './intl-zone.js';
import { DAY, type Instant, type LocalDateTime } from './types.js';

/**
 * The offset history of one IANA zone over a bounded range of instants.
 *
 * `offsets[i]` (ms to add to UTC to get wall-clock time) holds from `starts[i]` until `starts[i + 1]`;
 * `starts[0]` is `-Infinity`. `wallStarts[i]` is the wall-clock time, read in the *previous* offset, at which
 * offset `i` begins: the key for converting wall-clock time back to instants.
 */
export interface ZoneTable {
  /** IANA name, e.g. `Europe/Paris`. */
  readonly zone: string;
  /** First instant the table is exact for (inclusive). */
  readonly validFrom: Instant;
  /** Last instant the table is exact for (exclusive). */
  readonly validTo: Instant;
  /** UTC instants at which each offset starts; `starts[0] = -Infinity`. Sorted ascending. */
  readonly starts: Float64Array;
  /** Offset in ms (local - UTC) from `starts[i]`. */
  readonly offsets: Float64Array;
  /** `starts[i] + offsets[i - 1]`: wall-clock time at which offset `i` begins; `wallStarts[0] = -Infinity`. */
  readonly wallStarts: Float64Array;
}

/**
 * `true` when `zone` is an IANA zone name this runtime knows (`Europe/Paris`, `UTC`, ...). Fixed offsets such as
 * `+02:00` are refused: a team lives somewhere, and its DST rules matter. What "knows" means is the runtime's
 * `Intl` time zone data, so a zone added to tzdata recently may be unknown to an old runtime.
 *
 * @example isKnownZone('Europe/Paris') === true; isKnownZone('+02:00') === false; isKnownZone('Mars/Olympus') === false
 */
export function isKnownZone(zone: string): boolean {
  return zone.length > 0 && !zone.startsWith('+') && !zone.startsWith('-') && intlKnowsZone(zone);
}

/**
 * Step of the offset scan: each probe asks `Intl` (~15 µs), so a week keeps a year's table near 1 ms. A pair of
 * transitions less than a week apart that returns to the same offset would be missed; tzdata has none for the
 * zones in use since 1970 (Morocco's Ramadan suspensions last about a month).
 */
const SCAN_STEP = 7 * DAY;
/** Margin added on each side of the requested range so callers can convert local times near its edges. */
const MARGIN = 3 * DAY;

/**
 * Builds the offset table of `zone` for instants in `[from, to)` (plus a few days' margin each side).
 * Cost: about 50 `Intl` lookups per year of range plus ~30 per transition (about 1-2 ms per year), once per zone
 * and call.
 *
 * @param zone - IANA zone name.
 * @param from - first instant that will be converted (UTC epoch ms).
 * @param to - end of the range (exclusive).
 * @throws {@link ValidationError} if the zone is unknown or the range is empty or not finite.
 * @example
 * const paris = buildZoneTable('Europe/Paris', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
 * offsetAt(paris, Date.UTC(2026, 6, 1)) === 2 * 3_600_000 // CEST
 */
export function buildZoneTable(zone: string, from: Instant, to: Instant): ZoneTable {
  if (!isKnownZone(zone))
    fail('timeZone', zone, 'is not a known time zone', 'an IANA zone name such as Europe/Paris');
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(from < to)) {
    fail(
      'range',
      [from, to],
      'is not a finite, non-empty range',
      'from < to, both finite epoch milliseconds',
    );
  }
  const offsetMs = (t: number): number => intlOffset(zone, t);
  const validFrom = from - MARGIN;
  const validTo = to + MARGIN;
  const starts: number[] = [Number.NEGATIVE_INFINITY];
  const offsets: number[] = [offsetMs(validFrom)];
  let previousTime = validFrom;
  let previousOffset = offsets[0] as number;
  for (let t = validFrom + SCAN_STEP; ; t += SCAN_STEP) {
    const probe = Math.min(t, validTo);
    const offset = offsetMs(probe);
    if (offset !== previousOffset) {
      // Binary search the first millisecond carrying the new offset.
      let lo = previousTime;
      let hi = probe;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMs(mid) === previousOffset) lo = mid;
        else hi = mid;
      }
      starts.push(hi);
      offsets.push(offset);
      previousOffset = offset;
    }
    previousTime = probe;
    if (probe >= validTo) break;
  }
  const wallStarts = starts.map((s, i) => (i === 0 ? s : s + (offsets[i - 1] as number)));
  return {
    zone,
    validFrom,
    validTo,
    starts: Float64Array.from(starts),
    offsets: Float64Array.from(offsets),
    wallStarts: Float64Array.from(wallStarts),
  };
}

/** Index of the last entry of a sorted array that is `<= x` (0 if none: entry 0 is `-Infinity`). */
function lastAtOrBefore(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function checkRange(table: ZoneTable, t: number): void {
  if (!(t >= table.validFrom && t < table.validTo)) {
    throw new RangeError(
      `instant ${t} is outside the ${table.zone} table [${table.validFrom}, ${table.validTo})`,
    );
  }
}

/**
 * Offset (local - UTC, in ms) of the zone at instant `t`: the offset in force from the last transition at or
 * before `t` (a transition instant already carries the new offset).
 *
 * @throws RangeError if `t` is outside the range the table was built for (a programming error, not bad input).
 * @example
 * const paris = buildZoneTable('Europe/Paris', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
 * offsetAt(paris, Date.UTC(2026, 0, 15)) === 3_600_000 // CET, +01:00
 * offsetAt(paris, Date.UTC(2026, 2, 29, 1)) === 7_200_000 // CEST from 01:00Z on the spring-forward day
 */
export function offsetAt(table: ZoneTable, t: Instant): number {
  checkRange(table, t);
  return table.offsets[lastAtOrBefore(table.starts, t)] as number;
}

/**
 * Wall-clock time at instant `t` in the table's zone.
 *
 * @example instantToLocal(paris, Date.UTC(2026, 6, 1, 10)) === Date.UTC(2026, 6, 1, 12)
 */
export function instantToLocal(table: ZoneTable, t: Instant): LocalDateTime {
  return t + offsetAt(table, t);
}

/**
 * The instant a wall-clock time denotes, by the DST rules of this module: a time in the spring-forward gap moves to
 * the first instant after the gap; a time in the fall-back overlap is its earlier occurrence. Monotonic: a later
 * wall-clock time never gives an earlier instant.
 *
 * @example
 * // Paris, spring forward 2026-03-29 02:00 -> 03:00: 02:30 does not exist, it becomes 03:00 CEST = 01:00Z.
 * localToInstant(paris, Date.UTC(2026, 2, 29, 2, 30)) === Date.UTC(2026, 2, 29, 1, 0)
 * // Paris, fall back 2026-10-25 03:00 -> 02:00: 02:30 happens twice, the first is 02:30 CEST = 00:30Z.
 * localToInstant(paris, Date.UTC(2026, 9, 25, 2, 30)) === Date.UTC(2026, 9, 25, 0, 30)
 */
export function localToInstant(table: ZoneTable, local: LocalDateTime): Instant {
  const i = lastAtOrBefore(table.wallStarts, local);
  const t = Math.max(local - (table.offsets[i] as number), table.starts[i] as number);
  checkRange(table, t);
  return t;
}

/**
 * A forward-only converter for loops that visit wall-clock times in ascending order: amortised O(1) per call
 * instead of a binary search. Same results as {@link localToInstant}.
 *
 * @example
 * const toInstant = localToInstantCursor(paris);
 * for (let day = first; day <= last; day++) out.push(toInstant(day * DAY + 19 * HOUR));
 */
export function localToInstantCursor(table: ZoneTable): (local: LocalDateTime) => Instant {
  const { wallStarts, offsets, starts } = table;
  const last = wallStarts.length - 1;
  let i = 0;
  return (local) => {
    if (local < (wallStarts[i] as number)) i = lastAtOrBefore(wallStarts, local);
    while (i < last && (wallStarts[i + 1] as number) <= local) i++;
    const t = Math.max(local - (offsets[i] as number), starts[i] as number);
    checkRange(table, t);
    return t;
  };
}

/**
 * The instant a wall-clock time denotes in `zone`, by the DST rules of {@link localToInstant}. For edges that turn
 * a date-time typed by a person into an instant; builds a small table each call (never in a loop).
 *
 * @example zonedToInstant('Europe/Paris', parseLocalDateTime('2026-12-24T20:00')!) === Date.UTC(2026, 11, 24, 19)
 */
export function zonedToInstant(zone: string, local: LocalDateTime): Instant {
  return localToInstant(buildZoneTable(zone, local - DAY, local + DAY), local);
}

/**
 * The instant a local date begins in `zone` (local midnight, or the first instant after it where midnight falls
 * in a DST gap).
 *
 * @param day - local date as days since 1970-01-01 (see `parseLocalDate`).
 * @example startOfLocalDate('Europe/Paris', parseLocalDate('2026-12-01')!) === Date.UTC(2026, 10, 30, 23)
 */
export function startOfLocalDate(zone: string, day: number): Instant {
  return zonedToInstant(zone, day * DAY);
}
