/**
 * A request's SLA status at `now`, by the definition of issue 7: `met` (first contact at or before the deadline),
 * `breached` (contact after it, or none and `now` past it), `at-risk` (open, less than `atRisk` of clock time left),
 * `on-track`; the prediction (`predict.ts`) turns an open one into `will-breach`.
 *
 * @module
 */
import type { CallbackRequest } from '../model/request.js';
import type { Instant } from '../time/types.js';
import type { BusinessCalendar } from './calendar.js';
import { clockTimeBetween } from './deadline.js';
import type { DoorSla } from './policy.js';

/** The status of one request at `now`. */
export type SlaStatus = 'met' | 'breached' | 'will-breach' | 'at-risk' | 'on-track';

/** Every status, in the order reports list them. */
export const SLA_STATUSES: readonly SlaStatus[] = ['breached', 'will-breach', 'at-risk', 'on-track', 'met'];

/** Why an open request is predicted to breach (`will-breach`). */
export type BreachReason =
  /** No coach is free (or on call) for a whole call in the caller's windows before the deadline. */
  | 'nobody-free-before-deadline'
  /** Someone is free before the deadline, but every free coach is booked (other calls, buffers, daily caps). */
  | 'coaches-booked'
  /** Every callback window the caller gave starts after the deadline. */
  | 'windows-after-deadline'
  /** Every callback window is past. */
  | 'no-window-left'
  /** No window left can hold the call (on the plan's clock grid). */
  | 'window-too-short'
  /** Too many unanswered calls, or a wrong number: nobody will reach the caller. */
  | 'unreachable';

/** Every breach reason, for reports. */
export const BREACH_REASONS: readonly BreachReason[] = [
  'nobody-free-before-deadline',
  'coaches-booked',
  'windows-after-deadline',
  'no-window-left',
  'window-too-short',
  'unreachable',
];

/** What {@link statusAt} finds; instants in UTC epoch ms, durations in ms. */
export interface StatusAt {
  /** The status from the clock alone (`will-breach` needs the plan, so it never appears here). */
  readonly status: Exclude<SlaStatus, 'will-breach'>;
  /** Real time left until the deadline (open requests on or before it). */
  readonly remainingMs?: number;
  /** Real time past the deadline: of the contact (late), or of `now` (open). */
  readonly overdueMs?: number;
}

/**
 * The status at `now` of a request with deadline `deadline`. A first contact after `now` is not known yet: the
 * request counts as open.
 *
 * @example statusAt(request, door, undefined, deadline, now) // { status: 'at-risk', remainingMs: 3_600_000 }
 */
export function statusAt(
  request: CallbackRequest,
  door: DoorSla,
  calendar: BusinessCalendar | undefined,
  deadline: Instant,
  now: Instant,
): StatusAt {
  const contact = request.firstContactAt;
  if (contact !== undefined && contact <= now) {
    return contact <= deadline ? { status: 'met' } : { status: 'breached', overdueMs: contact - deadline };
  }
  if (now > deadline) return { status: 'breached', overdueMs: now - deadline };
  const left = clockTimeBetween(request, door, calendar, now, deadline);
  return { status: left < door.atRiskMs ? 'at-risk' : 'on-track', remainingMs: deadline - now };
}
