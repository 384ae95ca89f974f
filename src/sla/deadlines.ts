/**
 * The deadlines of many requests of one door at once: one business calendar built for all of them (when the door
 * counts business time), then one deadline per request. What `computeSla` and the matching plan both use.
 *
 * @module
 */
import type { CallbackRequest } from '../model/request.js';
import { DAY } from '../time/types.js';
import { type BusinessCalendar, buildBusinessCalendar } from './calendar.js';
import { clockStart, slaDeadline } from './deadline.js';
import type { HolidaySource } from './holidays.js';
import type { DoorSla } from './policy.js';

/** The calendar margin after the last clock start: room for a long closure before the promise runs out. */
const REACH = 90 * DAY;

/**
 * The business calendar that holds every clock of `requests` to its deadline; `undefined` on the elapsed clock
 * or for no requests. Built over the span of their clock starts and pauses, plus `REACH` (90 days, and 400
 * more when a deadline still falls beyond), and over `extraTo` (an instant asked about, such as `now`) wherever it is.
 *
 * @example calendarFor(requests, doorSla(team, 'cci'), team.timeZone) // a BusinessCalendar; undefined for the coaches' elapsed clock
 */
export function calendarFor(
  requests: readonly CallbackRequest[],
  door: DoorSla,
  timeZone: string,
  holidays?: HolidaySource,
  extraTo?: number,
): BusinessCalendar | undefined {
  if (door.clock !== 'business' || requests.length === 0) return undefined;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const r of requests) {
    const start = clockStart(r, door);
    from = Math.min(from, r.receivedAt);
    to = Math.max(to, start);
    for (const p of r.pauses ?? []) to = Math.max(to, p.end);
  }
  if (extraTo !== undefined) {
    // An instant the caller will ask about (`now`): before every receipt too (a review run early, a test).
    to = Math.max(to, extraTo);
    from = Math.min(from, extraTo);
  }
  const options = holidays === undefined ? {} : { holidays };
  const calendar = buildBusinessCalendar(door, timeZone, from - DAY, to + REACH, options);
  const late = requests.some((r) => slaDeadline(r, door, calendar) === Number.POSITIVE_INFINITY);
  return late ? buildBusinessCalendar(door, timeZone, from - DAY, to + REACH + 400 * DAY, options) : calendar;
}

/**
 * Each request's deadline under `door` (see `slaDeadline`), in input order.
 *
 * @example requestDeadlines(requests, DEFAULT_SLA_POLICY.coaches, 'Europe/Paris')[0] // ms
 */
export function requestDeadlines(
  requests: readonly CallbackRequest[],
  door: DoorSla,
  timeZone: string,
  holidays?: HolidaySource,
): Float64Array {
  const calendar = calendarFor(requests, door, timeZone, holidays);
  const out = new Float64Array(requests.length);
  requests.forEach((r, i) => {
    out[i] = slaDeadline(r, door, calendar);
  });
  return out;
}
