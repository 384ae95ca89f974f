/**
 * `planCallbacks`: every request of a request file, placed with a coach or not placed with its reason. This module
 * sorts the requests (which are for matching, which are handled, which are out of windows), turns the rest into the
 * solver's numeric problem (clock grid, each coach's free or on-call time, bookings, daily caps), runs the exact
 * solver (`solver/`), and reads its answer back into a plan.
 *
 * @module
 */
import { issue, ValidationError, type ValidationIssue } from '../errors.js';
import type { CallbackRequest } from '../model/request.js';
import { resolveTeam, type TeamInput } from '../model/resolve.js';
import type { Team } from '../model/team.js';
import { MAX_HORIZON_MS } from '../rota/horizon.js';
import type { Shift } from '../rota/rota.js';
import type { HolidaySource } from '../sla/holidays.js';
import { clockGrid } from '../time/clock-grid.js';
import { clip, normalize } from '../time/intervals.js';
import { DAY, type Instant, MINUTE } from '../time/types.js';
import { buildZoneTable } from '../time/zone.js';
import { assemble } from './assemble.js';
import { coachesDeadlines } from './deadline.js';
import type { Booking, CallbackPlan, NotPlaced, PlacedCall } from './plan.js';
import { type MatchingPolicy, type MatchingPolicyInput, resolveMatchingPolicy } from './policy.js';
import { caseCoaches, notPlaced, settle } from './settle.js';
import { solveMatching } from './solver/index.js';
import { buildProblem, holdsACall, type Open } from './solver-input.js';

/** Options of {@link planCallbacks}. */
export interface PlanOptions {
  /** The instant the plan is made at (UTC epoch ms): no call starts before it (plus `minNoticeMinutes`). */
  readonly now: Instant;
  /** The rota, for `eligible: 'on-call'` (its shifts are enough: a `Rota`, or shifts read back from its JSON). */
  readonly rota?: {
    /** The rota's shifts; a coach holding one of the policy's `layers` at a time may take a call then. */
    readonly shifts: readonly Shift[];
  };
  /**
   * Calls already booked. They are respected (their coach's time, buffer and daily cap); a booking of a request of
   * `requests` that starts at or after `now` is kept as that request's call (`booked: true`). A booking that
   * started before `now` still counts in its day's cap, but its request, if still open, is planned afresh.
   */
  readonly bookings?: readonly Booking[];
  /** The matching rules; every field has a default (see {@link MatchingPolicyInput}). @defaultValue `{}` */
  readonly policy?: MatchingPolicyInput;
  /** Public holidays for a business-clock SLA of the coaches' door (default: the bundled data). */
  readonly holidays?: HolidaySource;
}

/**
 * Plans the callbacks of every open request of the coaches' door, exactly optimally for the most requests called
 * before their deadline, then the most placed (see `solveMatching` for the guarantee), then the earliest calls, an
 * even spread between coaches, and continuity within a case.
 *
 * Every request comes back exactly once: in `placed`, or in `notPlaced` with a reason (`not-for-matching`,
 * `already-contacted`, `closed`, `unreachable`, `declined`, `no-window-left`, `window-too-short`, `no-coach-free`,
 * `coaches-booked`). A request whose only possible calls start after its deadline is placed, with
 * `beforeDeadline: false`. No caller's contact detail is read or copied.
 *
 * @param teamInput - a team compiled by `parseTeam`, or the team file's object (validated on the way in).
 * @param requests - compiled by `parseRequests` against the same team.
 * @throws {@link ValidationError} for a bad team file, a bad policy, a `now` that is not finite or more than five
 * years before a window to plan, a booking naming an unknown coach, a booking that does not end after it starts, two
 * bookings of one request, or `eligible: 'on-call'` without a rota.
 * @example
 * ```ts
 * const plan = planCallbacks(team, parseRequests(json, team), { now: Date.parse('2026-12-01T22:00:00+01:00') });
 * plan.placed[0]; // { requestId: 'R-2026-0042', coachId: 'amelie', start, end, deadline, beforeDeadline: true, attempt: 1 }
 * ```
 */
export function planCallbacks(
  teamInput: TeamInput,
  requests: readonly CallbackRequest[],
  options: PlanOptions,
): CallbackPlan {
  const team = resolveTeam(teamInput);
  const policy = resolveMatchingPolicy(options.policy);
  const { now } = options;
  const bookings = options.bookings ?? [];
  checkInputs(team, policy, options, bookings);
  const coachIndex = new Map(team.coaches.map((c, i) => [c.id, i]));
  const keptBooking = new Map<string, Booking>();
  for (const booking of bookings) if (booking.start >= now) keptBooking.set(booking.requestId, booking);

  const earliest = now + policy.minNoticeMs;
  const settled = new Map<number, PlacedCall | NotPlaced>();
  const open: Open[] = [];
  const preferred = caseCoaches(requests, bookings);
  const deadlines = coachesDeadlines(team, requests, options.policy?.deadlineHours, options.holidays);
  requests.forEach((request, index) => {
    const deadline = deadlines[index] as number;
    const early = settle(request, policy, keptBooking.get(request.id), deadline);
    if (early !== undefined) {
      settled.set(index, early);
      return;
    }
    const noAnswers = request.attempts.filter((a) => a.outcome === 'no-answer');
    const lastTry = noAnswers[noAnswers.length - 1]?.at;
    // Never before the request arrived (a plan made at an earlier `now`), nor before the next try may start.
    const from = Math.max(
      earliest,
      request.receivedAt,
      lastTry === undefined ? earliest : lastTry + policy.retrySpacingMs,
    );
    const windows = clip(
      normalize(request.callbackWindows.flatMap((w) => [w.start, w.end])),
      from,
      Number.POSITIVE_INFINITY,
    );
    if (windows.length === 0) {
      settled.set(index, notPlaced(request.id, 'no-window-left', deadline));
      return;
    }
    const previous = request.caseId === undefined ? undefined : preferred.get(request.caseId);
    open.push({
      index,
      request,
      windows,
      deadline,
      attempt: noAnswers.length + 1,
      preferredCoach: previous === undefined ? -1 : (coachIndex.get(previous) ?? -1),
    });
  });

  const horizonEnd = open.reduce(
    (end, o) => Math.max(end, o.windows[o.windows.length - 1] as number),
    earliest,
  );
  let proven = true;
  // The solver's bounds exceed its own counts by this much when it could not prove them (0 when proven).
  let slack = { beforeDeadline: 0, placed: 0 };
  let freeCoaches: readonly boolean[] = team.coaches.map(() => false);
  const fits: Open[] = [];
  if (open.length > 0) {
    if (horizonEnd - now > MAX_HORIZON_MS) {
      throw new ValidationError([
        issue(
          'now',
          now,
          'is more than five years before an open request\u2019s callback window',
          'a now within five years of the windows to plan',
        ),
      ]);
    }
    // From a day before `now`: bookings of the day before count in its cap.
    const teamTable = buildZoneTable(team.timeZone, now - 2 * DAY, horizonEnd + DAY);
    const grid = clockGrid(teamTable, earliest, horizonEnd, policy.gridMinutes);
    for (const o of open) {
      if (holdsACall(grid, o.windows, o.request.durationMinutes * MINUTE)) fits.push(o);
      else settled.set(o.index, notPlaced(o.request.id, 'window-too-short', o.deadline));
    }
    if (fits.length > 0) {
      const problem = buildProblem(
        team,
        policy,
        options.rota,
        bookings,
        grid,
        fits,
        now,
        horizonEnd,
        teamTable,
      );
      const solution = solveMatching(problem);
      freeCoaches = problem.coaches.map((c) => c.free.length > 0);
      proven = solution.stats.proven;
      slack = {
        beforeDeadline: solution.stats.upperBoundOnTime - solution.stats.onTime,
        placed: solution.stats.upperBoundPlaced - solution.stats.placed,
      };
      fits.forEach((o, k) => {
        const c = solution.coach[k] as number;
        if (c < 0) {
          const reason = (solution.candidates[k] as number) > 0 ? 'coaches-booked' : 'no-coach-free';
          settled.set(o.index, notPlaced(o.request.id, reason, o.deadline));
          return;
        }
        const start = solution.start[k] as number;
        settled.set(o.index, {
          requestId: o.request.id,
          coachId: (team.coaches[c] as Team['coaches'][number]).id,
          start,
          end: start + o.request.durationMinutes * MINUTE,
          deadline: o.deadline,
          beforeDeadline: start < o.deadline,
          attempt: o.attempt,
          ...(o.request.topic === undefined ? {} : { topic: o.request.topic }),
        });
      });
    }
  }
  return assemble(team, requests, settled, bookings, fits, now, { proven, slack }, freeCoaches);
}

function checkInputs(
  team: Team,
  policy: MatchingPolicy,
  options: PlanOptions,
  bookings: readonly Booking[],
): void {
  const issues: ValidationIssue[] = [];
  if (!Number.isFinite(options.now))
    issues.push(issue('now', options.now, 'is not an instant', 'UTC epoch ms'));
  if (policy.eligible === 'on-call' && options.rota === undefined) {
    issues.push(issue('rota', undefined, 'is needed', "a rota, with policy.eligible 'on-call'"));
  }
  const ids = new Set(team.coaches.map((c) => c.id));
  const seen = new Map<string, number>();
  bookings.forEach((b, i) => {
    if (!ids.has(b.coachId))
      issues.push(
        issue(
          ['bookings', i, 'coachId'],
          b.coachId,
          'is not a coach of the team',
          'a coach id of the team file',
        ),
      );
    if (!(Number.isFinite(b.start) && Number.isFinite(b.end) && b.end > b.start)) {
      issues.push(
        issue(
          ['bookings', i, 'end'],
          b.end,
          'is not after start',
          'an instant after the booking\u2019s start',
        ),
      );
    }
    const earlier = seen.get(b.requestId);
    if (earlier !== undefined) {
      issues.push(
        issue(
          ['bookings', i, 'requestId'],
          b.requestId,
          `is booked twice (also bookings[${earlier}])`,
          'one booking per request',
        ),
      );
    } else seen.set(b.requestId, i);
  });
  if (issues.length > 0) throw new ValidationError(issues);
}
