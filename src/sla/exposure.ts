/**
 * Exposure from the rota: for every arrival instant of a horizon, the earliest time a call could start (ignoring
 * load: someone free, or on call, for a whole call), hence the worst-case wait; and the periods in which a request
 * arriving breaches the promise whatever happens (before a long uncovered weekend, say).
 *
 * The wait is piecewise linear: 0 while someone can take a call, then falling from the length of each uncovered
 * span to 0 across it. A request arriving at `t` breaches when the first call start after `t` is past `t`'s
 * deadline; the deadline only grows with `t`, so within an uncovered span the breaching arrivals are a prefix of
 * it, found by one binary search (exact to the millisecond, on either clock).
 *
 * @module
 */

import { fail } from '../errors.js';
import type { Door } from '../model/request.js';
import { resolveTeam, type TeamInput } from '../model/resolve.js';
import type { Team } from '../model/team.js';
import { spansWithCount } from '../rota/gaps.js';
import { MAX_HORIZON_MS } from '../rota/horizon.js';
import type { Shift } from '../rota/rota.js';
import { sweepCounts } from '../rota/sweep.js';
import { fromIntervals, type IntervalSet } from '../time/intervals.js';
import { DAY, type Instant, type Interval, MINUTE } from '../time/types.js';
import { type BusinessCalendar, buildBusinessCalendar } from './calendar.js';
import { slaDeadline } from './deadline.js';
import { coachFreeSets } from './free-time.js';
import type { HolidaySource } from './holidays.js';
import { doorSla } from './policy.js';

/**
 * A span of arrival instants `[start, end)` with the worst wait (ms) of an arrival in it. Used for breach periods
 * (arriving then breaks the promise whatever happens) and for every span in which arrivals wait. `start` is the
 * last instant a call could still start (so an arrival exactly then, and only then, waits 0): `worstWaitMs` is the
 * supremum `nextCallStart - start`, the wait of an arrival just after `start`.
 */
export interface ExposurePeriod {
  /** First arrival of the period (inclusive), UTC epoch ms. */
  readonly start: Instant;
  /** End of the period (exclusive), UTC epoch ms. */
  readonly end: Instant;
  /** Wait of an arrival at `start` until the first possible call, ms. */
  readonly worstWaitMs: number;
  /** Present (true) when nobody is free up to the end of the look-ahead: the wait is at least `worstWaitMs`. */
  readonly unbounded?: true;
}

/** Options of {@link computeExposure}. */
export interface ExposureOptions {
  /** Arrivals from this instant (UTC epoch ms). */
  readonly from: Instant;
  /** Arrivals before this instant. */
  readonly to: Instant;
  /** Calls only with coaches on call in this rota (its shifts), instead of everyone's declared availability. */
  readonly rota?: {
    /** Its shifts, every layer, UTC epoch ms `[start, end)`. */
    readonly shifts: readonly Shift[];
  };
  /** With `rota`: only these layers count (default every layer). */
  readonly layers?: readonly string[];
  /** A call needs this long free with one coach, minutes. @defaultValue 60 (a request's default call) */
  readonly callMinutes?: number;
  /** Whose promise. @defaultValue `coaches` */
  readonly door?: Door;
  /** Public holidays for the business calendar; default: the bundled data for the door's `holidays`. */
  readonly holidays?: HolidaySource;
}

/** What {@link computeExposure} finds. */
export interface ExposureReport {
  /** Arrivals from this instant (inclusive), UTC epoch ms. */
  readonly from: Instant;
  /** Arrivals before this instant (exclusive), UTC epoch ms. */
  readonly to: Instant;
  /** The door's promise, ms. */
  readonly targetMs: number;
  /** Arrivals that breach whatever happens, sorted, disjoint. */
  readonly periods: readonly ExposurePeriod[];
  /** Every span of arrivals that wait (nobody can start a call), sorted, disjoint. */
  readonly waits: readonly ExposurePeriod[];
  /** The longest wait of any arrival in the horizon, ms. */
  readonly maxWaitMs: number;
  /** Total length of `periods`, ms. */
  readonly exposedMs: number;
}

/** How far past the horizon free time is looked for. */
const LOOKAHEAD = 28 * DAY;

/**
 * Exposure of the horizon `[from, to)`.
 *
 * @throws {@link ValidationError} for a bad team, an empty or non-finite horizon, or one longer than five years.
 * @example
 * const { periods } = computeExposure(team, { from, to });
 * periods[0] // { start: Fri 18:00, end: Fri 23:00, worstWaitMs: 29 h } (uncovered Fri 18:00 - Sun 00:00)
 */
export function computeExposure(teamInput: TeamInput, options: ExposureOptions): ExposureReport {
  const team = resolveTeam(teamInput);
  const { from, to } = options;
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(from < to) || to - from > MAX_HORIZON_MS) {
    fail('horizon', [from, to], 'is not a horizon', 'from < to, finite, at most five years apart');
  }
  const policy = doorSla(team, options.door ?? 'coaches');
  const call = (options.callMinutes ?? 60) * MINUTE;
  const end = to + policy.firstContactWithinMs + LOOKAHEAD;
  const waiting = noCallSpans(team, options, from, end, call);
  const calendar: BusinessCalendar | undefined =
    policy.clock === 'business'
      ? buildBusinessCalendar(policy, team.timeZone, from - DAY, end + 400 * DAY, {
          ...(options.holidays === undefined ? {} : { holidays: options.holidays }),
        })
      : undefined;
  const deadline = (t: number) => slaDeadline({ receivedAt: t, callbackWindows: [] }, policy, calendar);
  const waits: ExposurePeriod[] = [];
  const periods: ExposurePeriod[] = [];
  for (const gap of waiting) {
    const a = Math.max(gap.start, from);
    const b = Math.min(gap.end, to);
    if (a >= b) continue;
    const unbounded = gap.end >= end ? ({ unbounded: true } as const) : {};
    waits.push({ start: a, end: b, worstWaitMs: gap.end - a, ...unbounded });
    const x = firstSafeArrival(a, b, gap.end, deadline);
    if (x > a) periods.push({ start: a, end: x, worstWaitMs: gap.end - a, ...unbounded });
  }
  return {
    from,
    to,
    targetMs: policy.firstContactWithinMs,
    periods,
    waits,
    maxWaitMs: waits.reduce((m, w) => Math.max(m, w.worstWaitMs), 0),
    exposedMs: periods.reduce((s, p) => s + p.end - p.start, 0),
  };
}

/** The first arrival in `[a, b)` whose deadline reaches `callAt` (a contact at the deadline meets it); `b` if none. */
function firstSafeArrival(a: number, b: number, callAt: number, deadline: (t: number) => number): number {
  if (deadline(a) >= callAt) return a;
  let lo = a;
  let hi = b;
  // Invariant: deadline(lo) < callAt; hi is safe or the end.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (deadline(mid) >= callAt) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The spans in which nobody can start a call, as `[after the last possible start, next possible start)`. A free
 * span `[s, e)` holding a call allows starts in the closed `[s, e - call]`; on the millisecond grid that is the
 * half-open `[s, e - call + 1)`, so the typed-array count sweep of the rota (`sweepCounts`) finds where no coach can
 * start one, and each such span moves back 1 ms to start at the last possible start (its supremum wait).
 */
function noCallSpans(
  team: Team,
  options: ExposureOptions,
  from: number,
  to: number,
  call: number,
): Interval[] {
  const lo = from - DAY;
  const shrink = (set: IntervalSet): IntervalSet => {
    const out: number[] = [];
    for (let i = 0; i < set.length; i += 2) {
      const s = set[i] as number;
      const e = (set[i + 1] as number) - call;
      if (e >= s) out.push(s, e + 1);
    }
    return Float64Array.from(out);
  };
  let sets: IntervalSet[];
  if (options.rota !== undefined) {
    const layers = options.layers;
    const byCoach = new Map<string, Shift[]>();
    for (const s of options.rota.shifts) {
      if (layers !== undefined && !layers.includes(s.layer)) continue;
      if (s.end <= lo || s.start >= to) continue;
      const list = byCoach.get(s.coachId) ?? [];
      list.push(s);
      byCoach.set(s.coachId, list);
    }
    sets = [...byCoach.values()].map((shifts) => shrink(fromIntervals(shifts)));
  } else sets = coachFreeSets(team, lo, to).map(shrink);
  return spansWithCount(sweepCounts(sets, lo, to), 0).map((span) => ({
    start: span.start > lo ? span.start - 1 : span.start,
    end: span.end,
  }));
}
