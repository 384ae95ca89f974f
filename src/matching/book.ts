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
  /** The compiled team (see `parseTeam`). */
  readonly team: Team;
  /** The calls booked so far, at most one per request; past ones still count in their day's cap. */
  readonly bookings: readonly Booking[];
  /** The matching rules; every field has a default (see {@link MatchingPolicyInput}). @defaultValue `{}` */
  readonly policy?: MatchingPolicyInput;
  /** For `policy.eligible: 'on-call'` (required then): whoever holds a layer is who may take a call. */
  readonly rota?: {
    /** The rota's shifts (a `Rota`, or shifts read back from its JSON). */
    readonly shifts: readonly Shift[];
  };
}

/** What {@link bookCallback} returns: the new state and the call, or the reason nothing was booked. */
export type BookingResult =
  | {
      /** A call is booked (or was already). */
      readonly booked: true;
      /** The new state, with the call in `bookings` (the same state when the request was already booked). */
      readonly state: BookingState;
      /** The call; `call.booked` is true when it was already in `state.bookings`. */
      readonly call: PlacedCall;
    }
  | {
      /** Nothing is booked. */
      readonly booked: false;
      /** The state passed in, unchanged. */
      readonly state: BookingState;
      /** Why the request could not be placed, in machine and human words. */
      readonly refusal: NotPlaced;
    };

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
