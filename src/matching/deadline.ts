/**
 * The deadline of a request to the coaches' door: when the promise "called back in under 24 hours" runs out. The
 * team's SLA policy (`sla.coaches`, see `src/sla/`) is the single source: the matching plan reads its deadlines
 * from `coachesDeadlines`, which applies the SLA's clock, its `startAtFirstWindow` flag and the request's pauses.
 *
 * Precedence: a matching policy that sets `deadlineHours` explicitly overrides `sla.coaches.firstContactWithin`
 * for that plan (the clock, flag and pauses still come from the SLA); without it, the team's SLA decides (24 h by
 * default, as before).
 *
 * @module
 */
import type { CallbackRequest } from '../model/request.js';
import type { Team } from '../model/team.js';
import { slaDeadline } from '../sla/deadline.js';
import { requestDeadlines } from '../sla/deadlines.js';
import type { HolidaySource } from '../sla/holidays.js';
import { DEFAULT_SLA_POLICY, doorSla } from '../sla/policy.js';
import { HOUR, type Instant } from '../time/types.js';

/**
 * `deadlineMs` (default 24 h, real elapsed time: also 24 real hours across a DST night) after receipt, or after the
 * start of the first callback window when the caller asked to be called only later (a caller who asked for
 * Thursday is not late on Wednesday), the request's pauses excluded: the SLA's default coaches' policy with
 * `firstContactWithin` set to `deadlineMs` (see `slaDeadline` for other policies). The matching plan counts a
 * call starting strictly before the deadline as before it; the SLA's status counts a contact at the deadline as met.
 *
 * @param deadlineMs - the promise, in ms. @defaultValue 24 h
 * @example
 * // Received Tuesday 21:14, first window Wednesday 12:00: deadline Thursday 12:00.
 * callbackDeadline(request) === request.callbackWindows[0].start + 24 * HOUR
 */
export function callbackDeadline(request: CallbackRequest, deadlineMs: number = 24 * HOUR): Instant {
  return slaDeadline(request, { ...DEFAULT_SLA_POLICY.coaches, firstContactWithinMs: deadlineMs });
}

/**
 * The deadlines the matching plan uses, in input order: the team's `sla.coaches` policy, with the matching
 * policy's `deadlineHours` as `firstContactWithin` when it is set (see the module's precedence note).
 */
export function coachesDeadlines(
  team: Team,
  requests: readonly CallbackRequest[],
  deadlineHours: number | undefined,
  holidays?: HolidaySource,
): Float64Array {
  const door = doorSla(team, 'coaches');
  const policy = deadlineHours === undefined ? door : { ...door, firstContactWithinMs: deadlineHours * HOUR };
  return requestDeadlines(requests, policy, team.timeZone, holidays);
}
