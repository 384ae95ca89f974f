/**
 * The business calendar of a door: its open time over a range of instants, precomputed once as sorted disjoint
 * intervals with prefix sums, so that business time between two instants, or the instant a given amount of
 * business time is reached, is one binary search (no date object, no day-by-day walk).
 *
 * Opening hours are wall-clock times of the team's zone, turned into instants by the time core's DST rules
 * (`src/time/zone.ts`): an opening time in the spring-forward gap moves to the end of the gap, one in the fall-back
 * overlap is its earlier occurrence. Public holidays and closures are whole local days.
 *
 * @module
 */
import { fail } from '../errors.js';
import { dayOf, weekdayOf } from '../time/local.js';
import { DAY, type Instant, MINUTE } from '../time/types.js';
import { buildZoneTable, instantToLocal, localToInstantCursor } from '../time/zone.js';
import { bundledHolidays, type HolidaySource } from './holidays.js';
import { HOLIDAY_YEARS } from './holidays-data.js';
import type { DoorSla } from './policy.js';

/** A door's open time over `[from, to)`. Plain readonly data; build it with {@link buildBusinessCalendar}. */
export interface BusinessCalendar {
  /** The IANA zone the opening hours, holidays and closures are read in. */
  readonly timeZone: string;
  /** First instant the calendar is exact for. */
  readonly from: Instant;
  /** End (exclusive) of the range the calendar is exact for. */
  readonly to: Instant;
  /** Open intervals as `[start0, end0, start1, end1, ...]`, sorted, disjoint, not touching, within `[from, to)`. */
  readonly open: Float64Array;
  /** `cumulative[i]`: open time (ms) before interval `i`; one entry more than intervals (the total last). */
  readonly cumulative: Float64Array;
}

/** Options of {@link buildBusinessCalendar}. */
export interface CalendarOptions {
  /** Public holidays; default: the bundled data for the policy's `holidays` (none when it has none). */
  readonly holidays?: HolidaySource;
}

/**
 * Precomputes the open time of `door` over `[from, to)` in `timeZone`. Cost: one pass over the local days of the
 * range (about 4 µs per day for two opening spans), once per computation.
 *
 * @throws {@link ValidationError} when the door's holidays name an unknown country or region, or the range needs
 * years outside the bundled holiday data (2000-2099) and no `holidays` source is passed.
 * @example
 * const cal = buildBusinessCalendar(DEFAULT_SLA_POLICY.cci, 'Europe/Paris', from, to);
 * businessTimeBetween(a, b, cal) // ms of opening hours in [a, b)
 */
export function buildBusinessCalendar(
  door: DoorSla,
  timeZone: string,
  from: Instant,
  to: Instant,
  options: CalendarOptions = {},
): BusinessCalendar {
  const table = buildZoneTable(timeZone, from, to);
  const firstDay = dayOf(instantToLocal(table, from)) - 1;
  const lastDay = dayOf(instantToLocal(table, to - 1)) + 1;
  const closed = closedDays(door, firstDay, lastDay, options.holidays);
  const hours = [...door.openingHours].sort((a, b) => a.startMinute - b.startMinute);
  const toInstant = localToInstantCursor(table);
  const pairs: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (closed.has(day)) continue;
    const bit = 1 << weekdayOf(day);
    for (const h of hours) {
      if ((h.weekdays & bit) === 0) continue;
      const start = Math.max(from, toInstant(day * DAY + h.startMinute * MINUTE));
      const end = Math.min(to, toInstant(day * DAY + h.endMinute * MINUTE));
      if (start >= end) continue;
      // Spans that touch (12:00 then 12:00) merge: the calendar's intervals never touch.
      if (pairs.length > 0 && (pairs[pairs.length - 1] as number) >= start) pairs[pairs.length - 1] = end;
      else pairs.push(start, end);
    }
  }
  const open = Float64Array.from(pairs);
  const cumulative = new Float64Array(open.length / 2 + 1);
  for (let i = 0; i < open.length / 2; i++) {
    cumulative[i + 1] = (cumulative[i] as number) + (open[2 * i + 1] as number) - (open[2 * i] as number);
  }
  return { timeZone, from, to, open, cumulative };
}

/** Local days closed by holidays or closures in `[firstDay, lastDay]`. */
function closedDays(
  door: DoorSla,
  firstDay: number,
  lastDay: number,
  source: HolidaySource | undefined,
): Set<number> {
  const closed = new Set<number>();
  for (const c of door.closures) {
    for (let d = Math.max(c.from, firstDay); d <= Math.min(c.to, lastDay); d++) closed.add(d);
  }
  if (door.holidays === undefined && source === undefined) return closed;
  const holidays = source ?? bundledHolidays(door.holidays as NonNullable<DoorSla['holidays']>);
  const firstYear = new Date(firstDay * DAY).getUTCFullYear();
  const lastYear = new Date(lastDay * DAY).getUTCFullYear();
  if (source === undefined && (firstYear < HOLIDAY_YEARS.first || lastYear > HOLIDAY_YEARS.last)) {
    fail(
      'holidays',
      door.holidays,
      `has bundled data for ${HOLIDAY_YEARS.first}-${HOLIDAY_YEARS.last} only, not ${firstYear}-${lastYear}`,
      'dates within the bundled years, or a holiday source passed by the caller',
    );
  }
  for (let y = firstYear; y <= lastYear; y++) for (const d of holidays(y)) closed.add(d);
  return closed;
}

/** Number of interval starts `<= t` (so `k - 1` is the interval holding or before `t`). */
function startsAtOrBefore(open: Float64Array, t: number): number {
  let lo = 0;
  let hi = open.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((open[2 * mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkRange(calendar: BusinessCalendar, t: number): void {
  if (!(t >= calendar.from && t <= calendar.to)) {
    throw new RangeError(`instant ${t} is outside the business calendar [${calendar.from}, ${calendar.to}]`);
  }
}

/** Open time in `[calendar.from, t)`, ms. */
function openBefore(calendar: BusinessCalendar, t: number): number {
  const k = startsAtOrBefore(calendar.open, t) - 1;
  if (k < 0) return 0;
  const start = calendar.open[2 * k] as number;
  const end = calendar.open[2 * k + 1] as number;
  return (calendar.cumulative[k] as number) + Math.min(t, end) - start;
}

/**
 * Business time between two instants: the open time in `[a, b)`, ms; negative when `b < a` (so it is additive for
 * any three instants: `between(a, b) + between(b, c) === between(a, c)`).
 *
 * @throws RangeError when an instant lies outside the calendar's range (a programming error).
 * @example
 * // Friday 16:00 to Monday 09:30 at the chamber (08:30-12:00, 13:30-17:30): 1 h 30 + 1 h = 2 h 30.
 * businessTimeBetween(friday16h, monday0930, cal) === 2.5 * HOUR
 */
export function businessTimeBetween(a: Instant, b: Instant, calendar: BusinessCalendar): number {
  checkRange(calendar, a);
  checkRange(calendar, b);
  return openBefore(calendar, b) - openBefore(calendar, a);
}

/**
 * The earliest instant at which `ms` of business time have passed since `t` (`ms > 0`): inside an opening span, or
 * at its very end (a promise met at closing time is not pushed to the next morning). `t` itself when `ms <= 0`.
 *
 * @returns the instant, or `Infinity` when the calendar's range ends first (build a longer one).
 * @example addBusinessTime(friday16h, 8 * HOUR, cal) // Monday 16:30 (1 h 30 on Friday, 3 h 30 + 3 h on Monday)
 */
export function addBusinessTime(t: Instant, ms: number, calendar: BusinessCalendar): Instant {
  checkRange(calendar, t);
  if (ms <= 0) return t;
  const { open, cumulative } = calendar;
  const target = openBefore(calendar, t) + ms;
  // The first interval whose cumulative end reaches the target.
  let lo = 0;
  let hi = open.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid + 1] as number) >= target) hi = mid;
    else lo = mid + 1;
  }
  if (lo >= open.length / 2) return Number.POSITIVE_INFINITY;
  return (open[2 * lo] as number) + target - (cumulative[lo] as number);
}
