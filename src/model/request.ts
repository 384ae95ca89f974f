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

/** The door, channel, topic, outcome and attempt-outcome codes, in the order the documentation lists them. */
export const DOORS: readonly Door[] = ['coaches', 'cci'];
export const CHANNELS: readonly Channel[] = ['sms', 'email', 'phone', 'voicemail'];
export const TOPICS: readonly Topic[] = [
  'wellbeing',
  'economic',
  'administrative',
  'legal',
  'financial',
  'hr',
  'other',
];
export const OUTCOMES: readonly Outcome[] = [
  'listened',
  'referred-health',
  'referred-cci',
  'paid-coaching',
  'not-reached',
  'other',
];
export const ATTEMPT_OUTCOMES: readonly AttemptOutcome[] = [
  'no-answer',
  'reached',
  'wrong-number',
  'declined',
];

/** How to reach the caller. Personal data: never in any output unless asked for explicitly. */
export interface Contact {
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
}

/** One call made to the caller. */
export interface Attempt {
  /** When the coach rang (UTC epoch ms). */
  readonly at: Instant;
  readonly coachId: string;
  readonly outcome: AttemptOutcome;
}

/** One request, compiled. */
export interface CallbackRequest {
  /** Unique in the file; safe to show (feeds read "Rappel - demande R-2026-0042"). */
  readonly id: string;
  /** When the request arrived (UTC epoch ms). */
  readonly receivedAt: Instant;
  readonly door: Door;
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
