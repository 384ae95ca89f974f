/**
 * Callback requests, as the engine works with them: the request file validated and compiled into plain readonly
 * data, instants as UTC epoch ms. Produced only by `parseRequests` / `safeParseRequests`; matching, the SLA, feeds
 * and the monthly review read it.
 *
 * **`contact` is personal data.** It is kept here so that an application can show it to the coach who calls; every
 * output of the library (plans, feeds, reports, error messages) leaves it out unless the caller passes an option
 * whose name says so.
 *
 * @module
 */
import type { Instant, Interval } from '../time/types.js';

/** Which door a request came through: the coaches (matched to a coach) or the chamber of commerce (CCI staff). */
export type Door = 'coaches' | 'cci';
/** How the request arrived. */
export type Channel = 'sms' | 'email' | 'phone' | 'voicemail';
/** What the request is about (short codes, shared with the monthly review). */
export type Topic = 'wellbeing' | 'economic' | 'administrative' | 'legal' | 'financial' | 'hr' | 'other';
/** How a handled request ended (short codes, shared with the monthly review). */
export type Outcome =
  | 'listened'
  | 'referred-health'
  | 'referred-cci'
  | 'paid-coaching'
  | 'not-reached'
  | 'other';
/** What happened when a coach rang the caller. A `reached` attempt is the first contact. */
export type AttemptOutcome = 'no-answer' | 'reached' | 'wrong-number' | 'declined';

/** Every {@link Door}, in the order the documentation lists them (as `CHANNELS`, `TOPICS`, `OUTCOMES`, `ATTEMPT_OUTCOMES` for the other codes). */
export const DOORS: readonly Door[] = ['coaches', 'cci'];
/** Every {@link Channel}, in the order the documentation and the monthly review list them. */
export const CHANNELS: readonly Channel[] = ['sms', 'email', 'phone', 'voicemail'];
/** Every {@link Topic}, in the order the documentation and the monthly review list them. */
export const TOPICS: readonly Topic[] = [
  'wellbeing',
  'economic',
  'administrative',
  'legal',
  'financial',
  'hr',
  'other',
];
/** Every {@link Outcome}, in the order the documentation and the monthly review list them. */
export const OUTCOMES: readonly Outcome[] = [
  'listened',
  'referred-health',
  'referred-cci',
  'paid-coaching',
  'not-reached',
  'other',
];
/** Every {@link AttemptOutcome}, in the order the documentation lists them. */
export const ATTEMPT_OUTCOMES: readonly AttemptOutcome[] = [
  'no-answer',
  'reached',
  'wrong-number',
  'declined',
];

/** How to reach the caller. Personal data: never in any output unless asked for explicitly. */
export interface Contact {
  /** The caller's name, as given (personal data). */
  readonly name?: string;
  /** The caller's phone number, as written in the file (6 to 20 digits, with `+`, spaces, dots, dashes or parentheses). */
  readonly phone?: string;
  /** The caller's e-mail address (personal data). */
  readonly email?: string;
}

/** One call made to the caller. */
export interface Attempt {
  /** When the coach rang (UTC epoch ms). */
  readonly at: Instant;
  /** The coach who rang, a coach id of the team. */
  readonly coachId: string;
  /** How the attempt went; `reached` makes it the first contact. */
  readonly outcome: AttemptOutcome;
}

/** One request, compiled. */
export interface CallbackRequest {
  /** Unique in the file; safe to show (feeds read "Rappel - demande R-2026-0042"). */
  readonly id: string;
  /** When the request arrived (UTC epoch ms). */
  readonly receivedAt: Instant;
  /** The door the request came through: whose SLA applies and who handles it. */
  readonly door: Door;
  /** How the request arrived. */
  readonly channel: Channel;
  /** Absent until someone qualifies the request. */
  readonly topic?: Topic;
  /** Links the requests of one caller's follow-up, for continuity (the same coach when possible). */
  readonly caseId?: string;
  /** When the caller wants to be called, sorted, disjoint and merged where they touch; half-open, UTC epoch ms. */
  readonly callbackWindows: readonly Interval[];
  /** Length of the call to book, in minutes (15-240). @defaultValue 60 */
  readonly durationMinutes: number;
  /** Personal data (see the module's note). Absent when the file has none. */
  readonly contact?: Contact;
  /** Calls made so far, sorted by time. */
  readonly attempts: readonly Attempt[];
  /** First contact: the file's `firstContactAt`, else the first `reached` attempt; absent while the request is open. */
  readonly firstContactAt?: Instant;
  /** Set once the request is handled. */
  readonly outcome?: Outcome;
  /**
   * Spans the SLA clock stops (waiting for the caller after a no-answer, say): sorted, disjoint, merged, within
   * the request's life (not before `receivedAt`, not after the first contact). Absent when the file has none.
   */
  readonly pauses?: readonly Interval[];
}
