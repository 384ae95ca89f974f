/**
 * Live booking: one new request placed at once, given the calls already booked, as a new state (nothing mutated);
 * and cancelling a booking. Both go through {@link planCallbacks}, so a live booking obeys exactly the rules of the
 * batch plan (windows, free or on-call time, buffer, daily cap, retries, deadline).
 *
 * @module
 */
import type { CallbackRequest } from '../model/request.js';
import type { Team } from '../model/team.js';
import type { Shift } from '../rota/rota.js';
import type { Instant } from '../time/types.js';
import type { Booking, NotPlaced, PlacedCall } from './plan.js';
import { planCallbacks } from './plan-callbacks.js';
import type { MatchingPolicyInput } from './policy.js';

/** What live booking works on: the team, its rules, and the calls booked so far. Plain readonly data. */
export interface BookingState {
  readonly team: Team;
  readonly bookings: readonly Booking[];
  readonly policy?: MatchingPolicyInput;
  /** For `policy.eligible: 'on-call'`. */
  readonly rota?: { readonly shifts: readonly Shift[] };
}

/** What {@link bookCallback} returns: the new state and the call, or the reason nothing was booked. */
export type BookingResult =
  | { readonly booked: true; readonly state: BookingState; readonly call: PlacedCall }
  | { readonly booked: false; readonly state: BookingState; readonly refusal: NotPlaced };

/**
 * Books the earliest feasible call for one request given the current bookings (the earliest call that keeps the
 * promise when one does). Pure: the state passed in is unchanged; a refusal returns it as it was.
 *
 * A request already in `state.bookings` (from `now` on) keeps its booking. Booking requests one by one can place
 * fewer before their deadline than {@link planCallbacks} on the whole batch, never more.
 *
 * @throws {@link ValidationError} as {@link planCallbacks} does (bad policy, unknown coach in a booking...).
 * @example
 * ```ts
 * let state: BookingState = { team, bookings: [] };
 * const result = bookCallback(state, request, { now });
 * if (result.booked) state = result.state; // result.call: { requestId, coachId, start, end, deadline, ... }
 * else console.log(result.refusal.sentence.fr);
 * ```
 */
export function bookCallback(
  state: BookingState,
  request: CallbackRequest,
  options: { readonly now: Instant },
): BookingResult {
  const plan = planCallbacks(state.team, [request], {
    now: options.now,
    bookings: state.bookings,
    ...(state.policy === undefined ? {} : { policy: state.policy }),
    ...(state.rota === undefined ? {} : { rota: state.rota }),
  });
  const call = plan.placed[0];
  if (call === undefined) {
    return { booked: false, state, refusal: plan.notPlaced[0] as NotPlaced };
  }
  if (call.booked) return { booked: true, state, call };
  const booking: Booking = {
    requestId: call.requestId,
    coachId: call.coachId,
    start: call.start,
    end: call.end,
  };
  return { booked: true, state: { ...state, bookings: [...state.bookings, booking] }, call };
}

/**
 * Frees the call booked for `requestId`: a new state without it (the same state when there was none).
 *
 * @example state = cancelBooking(state, 'R-2026-0042');
 */
export function cancelBooking(state: BookingState, requestId: string): BookingState {
  const bookings = state.bookings.filter((b) => b.requestId !== requestId);
  return bookings.length === state.bookings.length ? state : { ...state, bookings };
}
