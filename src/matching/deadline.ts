/**
 * The deadline of a request to the coaches' door: when the promise "called back in under 24 hours" runs out. One
 * function, so the SLA engine can take it over.
 *
 * @module
 */
import type { CallbackRequest } from '../model/request.js';
import { HOUR, type Instant } from '../time/types.js';

/**
 * `deadlineMs` (default 24 h, real elapsed time: also 24 real hours across a DST night) after receipt, or after the
 * start of the first callback window when the caller asked to be called only later (a caller who asked for
 * Thursday is not late on Wednesday). A call starting strictly before the deadline keeps the promise.
 *
 * @param deadlineMs - the promise, in ms. @defaultValue 24 h
 * @example
 * // Received Tuesday 21:14, first window Wednesday 12:00: deadline Thursday 12:00.
 * callbackDeadline(request) === request.callbackWindows[0].start + 24 * HOUR
 */
export function callbackDeadline(request: CallbackRequest, deadlineMs: number = 24 * HOUR): Instant {
  const first = request.callbackWindows[0]?.start;
  const from = first !== undefined && first > request.receivedAt ? first : request.receivedAt;
  return from + deadlineMs;
}
