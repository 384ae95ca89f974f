/**
 * The callback plan's vocabulary: bookings, placed calls, requests not placed and why, and the plan's figures.
 * Plain readonly data; instants are UTC epoch ms. No field ever holds a caller's personal data: requests are named
 * by their `id` only.
 *
 * @module
 */
import type { Topic } from '../model/request.js';
import type { Instant } from '../time/types.js';

/** A call booked for a coach: what the live booking keeps, and what `bookings` passes to the plan. */
export interface Booking {
  /** The request's `id`, as in the request file. */
  readonly requestId: string;
  /** Id of the coach who calls, as in the team file. */
  readonly coachId: string;
  /** Start of the call (inclusive), UTC epoch ms. */
  readonly start: Instant;
  /** End of the call (exclusive), UTC epoch ms; after `start`. */
  readonly end: Instant;
}

/** A request placed with a coach. */
export interface PlacedCall extends Booking {
  /** When the promise runs out (see `callbackDeadline`). */
  readonly deadline: Instant;
  /** The call starts before `deadline`. A request whose only possible calls are late is still placed, with false. */
  readonly beforeDeadline: boolean;
  /** Which try this is: 1 for the first call, 2 and more after `no-answer` attempts. */
  readonly attempt: number;
  /** Present (true) when the call was already in `bookings` and is kept as it was. */
  readonly booked?: true;
  /** The request's topic, for the call sheet (not personal data). */
  readonly topic?: Topic;
}

/** Why a request is not placed. */
export type NotPlacedReason =
  /** A request to the CCI's door: answered by the chamber's staff, never matched to coaches. */
  | 'not-for-matching'
  /** The caller was reached already (`firstContactAt`, or a `reached` attempt). */
  | 'already-contacted'
  /** The request has an `outcome` without a first contact: closed. */
  | 'closed'
  /** Too many `no-answer` attempts (more than `maxRetries`), or a `wrong-number` attempt. */
  | 'unreachable'
  /** The caller declined the call. */
  | 'declined'
  /** Every callback window is past (or ends before the next try may start). */
  | 'no-window-left'
  /** No window left can hold the call on the clock grid. */
  | 'window-too-short'
  /** No coach is free (or on call) for a whole call in any window. */
  | 'no-coach-free'
  /** Someone is free, but every free coach is taken by other calls, the buffer or their daily cap. */
  | 'coaches-booked';

/** A request not placed, with its reason in machine and human words. */
export interface NotPlaced {
  /** The request's `id`. */
  readonly requestId: string;
  /** Why, as a stable code for programs. */
  readonly reason: NotPlacedReason;
  /**
   * One plain sentence per language, e.g. `{ fr: 'Tous les créneaux ...', en: 'Every window ...' }`: the entry of
   * {@link REASON_SENTENCES} for `reason`, with no detail of the request.
   */
  readonly sentence: {
    /** In French. */
    readonly fr: string;
    /** In English. */
    readonly en: string;
  };
  /**
   * When the promise runs out (UTC epoch ms), for requests still open; absent for the CCI's door and for requests
   * already contacted, closed or declined.
   */
  readonly deadline?: Instant;
}

/** One coach's calls in the plan (kept bookings included). */
export interface CoachCallLoad {
  /** The coach's id. */
  readonly coachId: string;
  /**
   * Calls this coach makes from `now` on: the plan's placed calls, plus bookings (starting at or after `now`) of
   * requests not in the input.
   */
  readonly calls: number;
  /** Total length of those calls, in minutes. */
  readonly minutes: number;
}

/** The plan's figures: what the objective reached, and whether (1) and (2) are proven optimal. */
export interface PlanFigures {
  /** Requests in the input: `placed + notPlaced` (conservation). */
  readonly requests: number;
  /** Objective (2): requests placed, kept bookings included. */
  readonly placed: number;
  /** Requests not placed, whatever the reason. */
  readonly notPlaced: number;
  /** Objective (1): placed calls starting before their deadline. */
  readonly placedBeforeDeadline: number;
  /** Placed calls starting at or after their deadline: `placed - placedBeforeDeadline`. */
  readonly placedAfterDeadline: number;
  /**
   * Objective (3): the mean wait from `now` to the start of the calls newly placed (kept bookings left out), in
   * minutes rounded to 0.1; 0 when none was placed.
   */
  readonly meanMinutesFromNow: number;
  /**
   * Objective (4): the largest minus the smallest number of calls, over the coaches free (or on call) at some time
   * of the plan's horizon; 0 when no request needed matching.
   */
  readonly callSpread: number;
  /** Objective (5): follow-ups placed with the coach of their case's earlier call, out of those that had one. */
  readonly continuity: {
    /** Follow-ups newly placed with their case's earlier coach. */
    readonly kept: number;
    /** Follow-ups to match whose case had an earlier call (a `reached` attempt or a booking). */
    readonly possible: number;
  };
  /** `true` when (1) and (2) are proven optimal (see `solveMatching`); `false` only when a search limit was hit. */
  readonly proven: boolean;
  /**
   * Proven upper bounds: no plan calls more requests before their deadline than `beforeDeadline`, and none with
   * that many on time places more than `placed`. Equal to the plan's own figures when `proven`; otherwise they say
   * how far from optimal it may be. Requests kept from bookings count in both.
   */
  readonly upperBound: {
    /** No plan places more requests before their deadline than this. */
    readonly beforeDeadline: number;
    /** No plan with `beforeDeadline` requests on time places more requests than this. */
    readonly placed: number;
  };
}

/** The callback plan: every request of the input exactly once, placed or not placed with its reason. */
export interface CallbackPlan {
  /** The instant the plan was made for. */
  readonly now: Instant;
  /** Sorted by start, then coach id. */
  readonly placed: readonly PlacedCall[];
  /** In input order. */
  readonly notPlaced: readonly NotPlaced[];
  /** Every coach of the team, in team order. */
  readonly load: readonly CoachCallLoad[];
  /** What the plan reached against its objectives, and the proof of optimality. */
  readonly figures: PlanFigures;
}

/**
 * The sentence of each reason, in French and English (no request detail in them: they are safe to show). The same
 * objects appear as `NotPlaced.sentence`.
 *
 * @example REASON_SENTENCES['no-coach-free'].en === 'No coach is free during the requested windows.'
 */
export const REASON_SENTENCES: Readonly<
  Record<
    NotPlacedReason,
    {
      /** In French. */
      readonly fr: string;
      /** In English. */
      readonly en: string;
    }
  >
> = {
  'not-for-matching': {
    fr: 'Demande pour la CCI : traitée par ses conseillers aux heures d\u2019ouverture, pas par les coachs.',
    en: 'A request for the CCI: answered by its staff in opening hours, not by the coaches.',
  },
  'already-contacted': {
    fr: 'L\u2019appelant a déjà été joint.',
    en: 'The caller has already been reached.',
  },
  closed: {
    fr: 'La demande est close.',
    en: 'The request is closed.',
  },
  unreachable: {
    fr: 'Appelant injoignable : trop d\u2019appels sans réponse, ou numéro erroné.',
    en: 'Caller unreachable: too many unanswered calls, or a wrong number.',
  },
  declined: {
    fr: 'L\u2019appelant a refusé l\u2019appel.',
    en: 'The caller declined the call.',
  },
  'no-window-left': {
    fr: 'Tous les créneaux de rappel sont passés (ou finissent avant le prochain essai possible).',
    en: 'Every callback window is past (or ends before the next try may start).',
  },
  'window-too-short': {
    fr: 'Aucun créneau restant n\u2019est assez long pour l\u2019appel.',
    en: 'No remaining window is long enough for the call.',
  },
  'no-coach-free': {
    fr: 'Aucun coach n\u2019est disponible pendant les créneaux demandés.',
    en: 'No coach is free during the requested windows.',
  },
  'coaches-booked': {
    fr: 'Les coachs disponibles sont déjà pris par d\u2019autres appels ou ont atteint leur maximum du jour.',
    en: 'The coaches who are free are taken by other calls or have reached their daily maximum.',
  },
};

/**
 * The span of time a plan mentions: from the earliest of `now` and its calls' starts to the latest of `now`, its
 * calls' ends and every deadline. For the writers, which convert those instants to local time.
 *
 * @example const { first, last } = planSpan(plan); buildZoneTable(team.timeZone, first, last + 1);
 */
export function planSpan(plan: CallbackPlan): { readonly first: Instant; readonly last: Instant } {
  let first = plan.now;
  let last = plan.now;
  for (const p of plan.placed) {
    if (p.start < first) first = p.start;
    last = Math.max(last, p.end, p.deadline);
  }
  for (const n of plan.notPlaced) if (n.deadline !== undefined && n.deadline > last) last = n.deadline;
  return { first, last };
}
