/**
 * The requests a plan settles before matching (the CCI's door, handled, unreachable or declined requests, and those
 * whose own booking is kept), the shape of a request not placed, and each case's coach for continuity.
 *
 * @internal
 * @module
 */
import type { CallbackRequest } from '../model/request.js';
import type { Instant } from '../time/types.js';
import {
  type Booking,
  type NotPlaced,
  type NotPlacedReason,
  type PlacedCall,
  REASON_SENTENCES,
} from './plan.js';
import type { MatchingPolicy } from './policy.js';

/** The requests settled without matching, or `undefined` for a request to match. */
export function settle(
  request: CallbackRequest,
  policy: MatchingPolicy,
  kept: Booking | undefined,
  deadline: Instant,
): PlacedCall | NotPlaced | undefined {
  if (request.door !== 'coaches') return notPlaced(request.id, 'not-for-matching');
  if (request.firstContactAt !== undefined) return notPlaced(request.id, 'already-contacted');
  if (request.outcome !== undefined) return notPlaced(request.id, 'closed');
  if (request.attempts.some((a) => a.outcome === 'wrong-number'))
    return notPlaced(request.id, 'unreachable', deadline);
  if (request.attempts.some((a) => a.outcome === 'declined')) return notPlaced(request.id, 'declined');
  const noAnswers = request.attempts.filter((a) => a.outcome === 'no-answer').length;
  if (noAnswers > policy.maxRetries) return notPlaced(request.id, 'unreachable', deadline);
  if (kept === undefined) return undefined;
  return {
    requestId: request.id,
    coachId: kept.coachId,
    start: kept.start,
    end: kept.end,
    deadline,
    beforeDeadline: kept.start < deadline,
    attempt: noAnswers + 1,
    booked: true,
    ...(request.topic === undefined ? {} : { topic: request.topic }),
  };
}

export function notPlaced(requestId: string, reason: NotPlacedReason, deadline?: Instant): NotPlaced {
  return {
    requestId,
    reason,
    sentence: REASON_SENTENCES[reason],
    ...(deadline === undefined ? {} : { deadline }),
  };
}

/** For each case, the coach of its latest call: a `reached` attempt, or a booking of one of its requests. */
export function caseCoaches(
  requests: readonly CallbackRequest[],
  bookings: readonly Booking[],
): Map<string, string> {
  const caseOf = new Map<string, string>();
  const latest = new Map<string, { at: number; coachId: string }>();
  const note = (caseId: string, at: number, coachId: string) => {
    const known = latest.get(caseId);
    if (known === undefined || at > known.at) latest.set(caseId, { at, coachId });
  };
  for (const r of requests) {
    if (r.caseId === undefined) continue;
    caseOf.set(r.id, r.caseId);
    for (const a of r.attempts) if (a.outcome === 'reached') note(r.caseId, a.at, a.coachId);
  }
  for (const b of bookings) {
    const caseId = caseOf.get(b.requestId);
    if (caseId !== undefined) note(caseId, b.start, b.coachId);
  }
  return new Map([...latest].map(([caseId, { coachId }]) => [caseId, coachId]));
}
