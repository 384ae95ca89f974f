/**
 * When a request's promise runs out: the clock starts at receipt (or at the caller's first callback window, when
 * `startAtFirstWindow` and that window starts later), stops during the request's pauses, and counts either every
 * real millisecond (`elapsed`) or only the door's opening hours (`business`). One function for both doors; the
 * matching engine reads its deadlines from here.
 *
 * @module
 */
import type { CallbackRequest } from '../model/request.js';
import type { Instant } from '../time/types.js';
import { addBusinessTime, type BusinessCalendar, businessTimeBetween } from './calendar.js';
import type { DoorSla } from './policy.js';

/** What the request needs for its deadline. */
export type DeadlineRequest = Pick<CallbackRequest, 'receivedAt' | 'callbackWindows' | 'pauses'>;

/**
 * The instant the clock starts: `receivedAt`, or the first callback window's start when the door starts at the
 * first window and the caller asked to be called only later (their own choice is not a breach).
 *
 * @example
 * // startAtFirstWindow (the coaches' default): a request at 0 asking to be called from 02:00 UTC
 * clockStart({ receivedAt: 0, callbackWindows: [{ start: 2 * HOUR, end: 3 * HOUR }], pauses: [] }, DEFAULT_SLA_POLICY.coaches) === 2 * HOUR
 */
export function clockStart(request: DeadlineRequest, door: DoorSla): Instant {
  const first = request.callbackWindows[0]?.start;
  return door.startAtFirstWindow && first !== undefined && first > request.receivedAt
    ? first
    : request.receivedAt;
}

/** Clock time in `[a, b)` (ms, `a <= b`), pauses not removed. */
function between(door: DoorSla, calendar: BusinessCalendar | undefined, a: number, b: number): number {
  if (door.clock === 'elapsed') return b - a;
  return businessTimeBetween(a, b, needCalendar(calendar));
}

function advance(door: DoorSla, calendar: BusinessCalendar | undefined, t: number, ms: number): number {
  if (door.clock === 'elapsed') return t + ms;
  return addBusinessTime(t, ms, needCalendar(calendar));
}

function needCalendar(calendar: BusinessCalendar | undefined): BusinessCalendar {
  if (calendar === undefined) throw new TypeError('a business clock needs its BusinessCalendar');
  return calendar;
}

/**
 * The deadline of a request: the earliest instant at which the door's `firstContactWithinMs` of clock time have
 * passed since {@link clockStart}, pauses excluded. A first contact at or before it meets the promise.
 *
 * @param calendar - the door's business calendar (required on the `business` clock), covering the request.
 * @returns the deadline (UTC epoch ms); `Infinity` when the calendar ends before enough business time passes.
 * @example
 * // Elapsed 24 h, received Tuesday 21:14, first window Wednesday 12:00: Thursday 12:00.
 * slaDeadline(request, DEFAULT_SLA_POLICY.coaches) === request.callbackWindows[0].start + 24 * HOUR
 */
export function slaDeadline(request: DeadlineRequest, door: DoorSla, calendar?: BusinessCalendar): Instant {
  let t = clockStart(request, door);
  let remaining = door.firstContactWithinMs;
  for (const pause of request.pauses ?? []) {
    if (pause.end <= t) continue;
    if (pause.start > t) {
      const available = between(door, calendar, t, pause.start);
      if (available >= remaining) return advance(door, calendar, t, remaining);
      remaining -= available;
    }
    t = pause.end;
  }
  return advance(door, calendar, t, remaining);
}

/**
 * Clock time from `a` to `b` (ms, 0 when `b <= a`), the request's pauses removed: what is left of the promise at
 * `a` when `b` is the deadline.
 *
 * @example
 * // elapsed clock, 3 h with a 1 h pause: 2 h of clock time
 * clockTimeBetween({ receivedAt: 0, callbackWindows: [], pauses: [{ start: HOUR, end: 2 * HOUR }] }, DEFAULT_SLA_POLICY.coaches, undefined, 0, 3 * HOUR) === 2 * HOUR
 */
export function clockTimeBetween(
  request: DeadlineRequest,
  door: DoorSla,
  calendar: BusinessCalendar | undefined,
  a: Instant,
  b: Instant,
): number {
  if (b <= a) return 0;
  let total = between(door, calendar, a, b);
  for (const pause of request.pauses ?? []) {
    const s = Math.max(a, pause.start);
    const e = Math.min(b, pause.end);
    if (s < e) total -= between(door, calendar, s, e);
  }
  return total;
}
