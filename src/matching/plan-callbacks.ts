/**
 * `planCallbacks`: every request of a request file, placed with a coach or not placed with its reason. This module
 * sorts the requests (which are for matching, which are handled, which are out of windows), turns the rest into the
 * solver's numeric problem (clock grid, each coach's free or on-call time, bookings, daily caps), runs the exact
 * solver (`solver/`), and reads its answer back into a plan.
 *
 * @module
 */
import { issue, ValidationError, type ValidationIssue } from '../model/errors.js';
import type { CallbackRequest } from '../model/request.js';
import { resolveTeam, type TeamInput } from '../model/resolve.js';
import type { Team } from '../model/team.js';
import { coachFreeTime } from '../rota/availability.js';
import { MAX_HORIZON_MS } from '../rota/horizon.js';
import type { Shift } from '../rota/rota.js';
import { clockGrid, localDayStarts } from '../time/clock-grid.js';
import { clip, emptySet, type IntervalSet, normalize } from '../time/intervals.js';
import { DAY, type Instant, MINUTE } from '../time/types.js';
import { buildZoneTable, type ZoneTable } from '../time/zone.js';
import { callbackDeadline } from './deadline.js';
import {
  type Booking,
  type CallbackPlan,
  type CoachCallLoad,
  type NotPlaced,
  type NotPlacedReason,
  type PlacedCall,
  REASON_SENTENCES,
} from './plan.js';
import { type MatchingPolicy, type MatchingPolicyInput, resolveMatchingPolicy } from './policy.js';
import { type MatchingProblem, type SolverRequest, solveMatching } from './solver/index.js';

/** Options of {@link planCallbacks}. */
export interface PlanOptions {
  /** The instant the plan is made at (UTC epoch ms): no call starts before it (plus `minNoticeMinutes`). */
  readonly now: Instant;
  /** The rota, for `eligible: 'on-call'` (its shifts are enough: a `Rota`, or shifts read back from its JSON). */
  readonly rota?: { readonly shifts: readonly Shift[] };
  /**
   * Calls already booked. They are respected (their coach's time, buffer and daily cap); a booking of a request of
   * `requests` that starts at or after `now` is kept as that request's call (`booked: true`). A booking that
   * started before `now` still counts in its day's cap, but its request, if still open, is planned afresh.
   */
  readonly bookings?: readonly Booking[];
  readonly policy?: MatchingPolicyInput;
}

/** What the solver does not need to see: the requests settled before matching, and the open ones' data. */
interface Open {
  readonly index: number;
  readonly request: CallbackRequest;
  readonly windows: IntervalSet;
  readonly deadline: Instant;
  readonly attempt: number;
  readonly preferredCoach: number;
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
  requests.forEach((request, index) => {
    const early = settle(request, policy, keptBooking.get(request.id));
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
    const deadline = callbackDeadline(request, policy.deadlineMs);
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
      const problem = buildProblem(team, policy, options, bookings, grid, fits, now, horizonEnd, teamTable);
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

/** The requests settled without matching, or `undefined` for a request to match. */
function settle(
  request: CallbackRequest,
  policy: MatchingPolicy,
  kept: Booking | undefined,
): PlacedCall | NotPlaced | undefined {
  if (request.door !== 'coaches') return notPlaced(request.id, 'not-for-matching');
  if (request.firstContactAt !== undefined) return notPlaced(request.id, 'already-contacted');
  if (request.outcome !== undefined) return notPlaced(request.id, 'closed');
  const deadline = callbackDeadline(request, policy.deadlineMs);
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

function notPlaced(requestId: string, reason: NotPlacedReason, deadline?: Instant): NotPlaced {
  return {
    requestId,
    reason,
    sentence: REASON_SENTENCES[reason],
    ...(deadline === undefined ? {} : { deadline }),
  };
}

/** For each case, the coach of its latest call: a `reached` attempt, or a booking of one of its requests. */
function caseCoaches(
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

/** Some grid instant `g` has `[g, g + duration)` inside one window. */
function holdsACall(grid: Float64Array, windows: IntervalSet, duration: number): boolean {
  for (let i = 0; i < windows.length; i += 2) {
    const g = grid[firstAtOrAfter(grid, windows[i] as number)];
    if (g !== undefined && g + duration <= (windows[i + 1] as number)) return true;
  }
  return false;
}

function firstAtOrAfter(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function buildProblem(
  team: Team,
  policy: MatchingPolicy,
  options: PlanOptions,
  bookings: readonly Booking[],
  grid: Float64Array,
  fits: readonly Open[],
  now: Instant,
  horizonEnd: Instant,
  teamTable: ZoneTable,
): MatchingProblem {
  const horizon = { from: now, to: horizonEnd };
  const tables = new Map<string, ZoneTable>([[team.timeZone, teamTable]]);
  const tableOf = (zone: string) => {
    let table = tables.get(zone);
    if (table === undefined) {
      table = buildZoneTable(zone, now - 2 * DAY, horizonEnd + DAY);
      tables.set(zone, table);
    }
    return table;
  };
  const onCall =
    policy.eligible === 'on-call' ? onCallTime(team, options.rota?.shifts ?? [], policy, horizon) : undefined;
  const cache = new Map();
  // Bookings count in their day's cap, so take those of the day before `now` too.
  const booked = team.coaches.map(() => [] as number[]);
  const coachIndex = new Map(team.coaches.map((c, i) => [c.id, i]));
  for (const b of [...bookings].sort((x, y) => x.start - y.start)) {
    if (b.end > now - DAY && b.start < horizonEnd + DAY)
      booked[coachIndex.get(b.coachId) as number]?.push(b.start, b.end);
  }
  const coaches = team.coaches.map((coach, c) => {
    const table = tableOf(coach.timeZone);
    return {
      free: onCall?.[c] ?? coachFreeTime(coach, table, horizon, cache),
      booked: Float64Array.from(booked[c] ?? []),
      dayStarts: localDayStarts(table, now - DAY, horizonEnd),
    };
  });
  const requests: SolverRequest[] = fits.map((o) => ({
    windows: o.windows,
    duration: o.request.durationMinutes * MINUTE,
    deadline: o.deadline,
    preferredCoach: o.preferredCoach,
  }));
  return { grid, buffer: policy.bufferMs, dailyCap: policy.maxCallsPerDay, coaches, requests };
}

/** Each coach's time on call in the chosen layers, within the horizon. */
function onCallTime(
  team: Team,
  shifts: readonly Shift[],
  policy: MatchingPolicy,
  horizon: { from: Instant; to: Instant },
): IntervalSet[] {
  const pairs = team.coaches.map(() => [] as number[]);
  const index = new Map(team.coaches.map((c, i) => [c.id, i]));
  for (const s of shifts) {
    if (policy.layers !== undefined && !policy.layers.includes(s.layer)) continue;
    const c = index.get(s.coachId);
    if (c !== undefined) pairs[c]?.push(s.start, s.end);
  }
  return pairs.map((p) => (p.length === 0 ? emptySet() : clip(normalize(p), horizon.from, horizon.to)));
}

function assemble(
  team: Team,
  requests: readonly CallbackRequest[],
  settled: ReadonlyMap<number, PlacedCall | NotPlaced>,
  bookings: readonly Booking[],
  fits: readonly Open[],
  now: Instant,
  proof: {
    readonly proven: boolean;
    readonly slack: { readonly beforeDeadline: number; readonly placed: number };
  },
  freeCoaches: readonly boolean[],
): CallbackPlan {
  const placed: PlacedCall[] = [];
  const unplaced: NotPlaced[] = [];
  requests.forEach((_, index) => {
    const entry = settled.get(index);
    if (entry === undefined) throw new Error('astreinte: a request was lost while planning'); // conservation
    if ('coachId' in entry) placed.push(entry);
    else unplaced.push(entry);
  });
  placed.sort((a, b) => a.start - b.start || (a.coachId < b.coachId ? -1 : a.coachId > b.coachId ? 1 : 0));
  const calls = new Map<string, { calls: number; minutes: number }>();
  const inFile = new Set(requests.map((r) => r.id));
  const count = (coachId: string, start: number, end: number) => {
    const load = calls.get(coachId) ?? { calls: 0, minutes: 0 };
    calls.set(coachId, { calls: load.calls + 1, minutes: load.minutes + (end - start) / MINUTE });
  };
  for (const p of placed) count(p.coachId, p.start, p.end);
  for (const b of bookings) if (!inFile.has(b.requestId) && b.start >= now) count(b.coachId, b.start, b.end);
  const load: CoachCallLoad[] = team.coaches.map((c) => ({
    coachId: c.id,
    calls: calls.get(c.id)?.calls ?? 0,
    minutes: calls.get(c.id)?.minutes ?? 0,
  }));
  const fresh = placed.filter((p) => p.booked === undefined);
  const placedBeforeDeadline = placed.filter((p) => p.beforeDeadline).length;
  const loaded = load.filter((_, c) => freeCoaches[c]).map((l) => l.calls);
  const preferredOf = new Map(fits.map((o) => [o.request.id, o.preferredCoach]));
  const possible = fits.filter((o) => o.preferredCoach >= 0);
  const kept = fresh.filter((p) => {
    const c = preferredOf.get(p.requestId);
    return c !== undefined && c >= 0 && team.coaches[c]?.id === p.coachId;
  }).length;
  return {
    now,
    placed,
    notPlaced: unplaced,
    load,
    figures: {
      requests: requests.length,
      placed: placed.length,
      notPlaced: unplaced.length,
      placedBeforeDeadline,
      placedAfterDeadline: placed.filter((p) => !p.beforeDeadline).length,
      meanMinutesFromNow:
        fresh.length === 0
          ? 0
          : Math.round((fresh.reduce((s, p) => s + (p.start - now), 0) / fresh.length / MINUTE) * 10) / 10,
      callSpread:
        loaded.length === 0
          ? 0
          : loaded.reduce((a, b) => Math.max(a, b)) - loaded.reduce((a, b) => Math.min(a, b)),
      continuity: { kept, possible: possible.length },
      proven: proof.proven,
      upperBound: {
        beforeDeadline: placedBeforeDeadline + proof.slack.beforeDeadline,
        placed: placed.length + proof.slack.placed,
      },
    },
  };
}
