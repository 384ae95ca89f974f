/**
 * Breaches seen before they happen: the matching plan (given bookings and availability) says when each open
 * request of the coaches' door can be called at the earliest; one whose call would start after its deadline, or
 * that cannot be placed at all, is `will-breach`, with the reason.
 *
 * @module
 */
import type { Booking } from '../matching/plan.js';
import { planCallbacks } from '../matching/plan-callbacks.js';
import type { MatchingPolicyInput } from '../matching/policy.js';
import type { CallbackRequest } from '../model/request.js';
import type { Team } from '../model/team.js';
import type { Shift } from '../rota/rota.js';
import { clip, fromIntervals, type IntervalSet, intersect, union } from '../time/intervals.js';
import { DAY, type Instant, MINUTE } from '../time/types.js';
import { coachFreeSets } from './free-time.js';
import type { HolidaySource } from './holidays.js';
import type { BreachReason } from './status.js';

/** What the prediction needs besides the team and requests. */
export interface PredictOptions {
  /** The instant of the prediction, UTC epoch ms: no call is planned before it. */
  readonly now: Instant;
  /** The rota whose shifts the plan may use (with `matchingPolicy.eligible: 'on-call'`); default: declared availability. */
  readonly rota?: {
    /** Its shifts, every layer, UTC epoch ms `[start, end)`. */
    readonly shifts: readonly Shift[];
  };
  /** Calls already booked: they hold their coach's time and are kept. */
  readonly bookings?: readonly Booking[];
  /** Policy of the matching plan (buffer, eligibility...); default: the plan's defaults. */
  readonly matchingPolicy?: MatchingPolicyInput;
  /** Public holidays for the business calendars; default: the bundled data for the policy's `holidays`. */
  readonly holidays?: HolidaySource;
}

/** The prediction for one open request of the coaches' door. */
export interface Prediction {
  /** When the plan would call (absent when it cannot place the request). */
  readonly callAt?: Instant;
  /** Present when the request will breach: why. */
  readonly reason?: BreachReason;
}

const PLAN_REASON: Readonly<Record<string, BreachReason | undefined>> = {
  'no-coach-free': 'nobody-free-before-deadline',
  'coaches-booked': 'coaches-booked',
  'no-window-left': 'no-window-left',
  'window-too-short': 'window-too-short',
  unreachable: 'unreachable',
};

/**
 * Predicts the open requests of the coaches' door, by request id. `deadlines` are the SLA's (the plan computes
 * the same from the team's policy). A request the plan places at or before its deadline has no reason.
 */
export function predictBreaches(
  team: Team,
  requests: readonly CallbackRequest[],
  deadlines: ReadonlyMap<string, Instant>,
  options: PredictOptions,
): Map<string, Prediction> {
  const out = new Map<string, Prediction>();
  const plan = planCallbacks(team, requests, {
    now: options.now,
    ...(options.rota === undefined ? {} : { rota: options.rota }),
    ...(options.bookings === undefined ? {} : { bookings: options.bookings }),
    ...(options.matchingPolicy === undefined ? {} : { policy: options.matchingPolicy }),
    ...(options.holidays === undefined ? {} : { holidays: options.holidays }),
  });
  const byId = new Map(requests.map((r) => [r.id, r]));
  const late = plan.placed.filter((p) => p.start > (deadlines.get(p.requestId) ?? Number.POSITIVE_INFINITY));
  const free = late.length === 0 ? undefined : freeTime(team, options, late);
  for (const call of plan.placed) {
    const deadline = deadlines.get(call.requestId) ?? Number.POSITIVE_INFINITY;
    if (call.start <= deadline) {
      out.set(call.requestId, { callAt: call.start });
      continue;
    }
    const request = byId.get(call.requestId) as CallbackRequest;
    out.set(call.requestId, { callAt: call.start, reason: lateReason(request, deadline, options.now, free) });
  }
  for (const miss of plan.notPlaced) {
    const reason = PLAN_REASON[miss.reason];
    if (reason !== undefined) out.set(miss.requestId, { reason });
  }
  return out;
}

/** Why a request placed after its deadline could not be placed before it. */
function lateReason(
  request: CallbackRequest,
  deadline: Instant,
  now: Instant,
  free: IntervalSet | undefined,
): BreachReason {
  const windows = clip(fromIntervals(request.callbackWindows), now, Number.POSITIVE_INFINITY);
  if (windows.length === 0 || (windows[0] as number) > deadline) return 'windows-after-deadline';
  const call = request.durationMinutes * MINUTE;
  const usable = intersect(clip(windows, now, deadline + call), free ?? new Float64Array(0));
  for (let i = 0; i < usable.length; i += 2) {
    const s = usable[i] as number;
    if (s <= deadline && (usable[i + 1] as number) - s >= call) return 'coaches-booked';
  }
  return 'nobody-free-before-deadline';
}

/** When anyone could take a call (rota shifts, when the plan uses a rota; else declared availability). */
function freeTime(
  team: Team,
  options: PredictOptions,
  late: readonly { readonly start: number }[],
): IntervalSet {
  const to = late.reduce((m, p) => Math.max(m, p.start), options.now) + DAY;
  const from = options.now - DAY;
  if (options.rota !== undefined && options.matchingPolicy?.eligible === 'on-call') {
    return fromIntervals(options.rota.shifts.filter((s) => s.end > from && s.start < to));
  }
  let all: IntervalSet = new Float64Array(0);
  for (const free of coachFreeSets(team, from, to)) all = union(all, free);
  return all;
}
