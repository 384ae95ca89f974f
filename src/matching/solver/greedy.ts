/**
 * The fast primal side: a greedy placement (most constrained request first, earliest feasible call, least loaded
 * coach) and a repair pass that moves one or two blocking calls to make room for a request the greedy left late or
 * unplaced, never worsening the blocked requests (at most a fixed number of attempts per request and pass).
 *
 * @module
 */
import type { SolverContext } from './context.js';
import { dayNode } from './context.js';
import { forEachFreeCoach, forEachOpenCoach } from './free-coaches.js';
import { blockers, canTake, canTakeOn, place, type Schedule, unplace } from './schedule.js';
import { clearOfBooked } from './search.js';

/**
 * The best coach for request `r` at grid instant `i` given the schedule: among those who can take the call, fewest
 * calls so far (objective 4), then the preferred coach (objective 5), then the lowest index. -1 when none.
 *
 * @example bestCoachAt(ctx, schedule, 0, 3) // 2: coach 2 is free, clear and least loaded at grid[3]
 */
export function bestCoachAt(ctx: SolverContext, s: Schedule, r: number, i: number): number {
  const start = ctx.problem.grid[i] as number;
  const preferred = ctx.problem.requests[r]?.preferredCoach ?? -1;
  let best = -1;
  let bestLoad = 0;
  forEachOpenCoach(ctx, s, r, i, (c, node) => {
    if (!canTakeOn(ctx, s, r, c, start, node)) return false;
    const load = s.load[c] as number;
    if (
      best < 0 ||
      load < bestLoad ||
      (load === bestLoad && best !== preferred && (c === preferred || c < best))
    ) {
      best = c;
      bestLoad = load;
    }
    return false;
  });
  return best;
}

/**
 * Places request `r` (unplaced) at its earliest feasible start, before its deadline only when `onTimeOnly`,
 * trying the starts from position `from` of its list (default: all; a caller that knows the earlier ones are
 * impossible skips them).
 *
 * @returns whether it was placed.
 *
 * @example placeEarliest(ctx, schedule, 0, true) // false: no coach can call request 0 before its deadline
 */
export function placeEarliest(
  ctx: SolverContext,
  s: Schedule,
  r: number,
  onTimeOnly: boolean,
  from = ctx.startOff[r] as number,
): boolean {
  const deadline = ctx.problem.requests[r]?.deadline ?? Number.NEGATIVE_INFINITY;
  for (let k = from; k < (ctx.startOff[r + 1] as number); k++) {
    const i = ctx.startIdx[k] as number;
    const start = ctx.problem.grid[i] as number;
    if (onTimeOnly && start >= deadline) return false;
    const c = bestCoachAt(ctx, s, r, i);
    if (c >= 0) {
      place(ctx, s, r, c, start);
      return true;
    }
  }
  return false;
}

/**
 * Whether request `r` is placed before its deadline in `s`.
 *
 * @example isOnTime(ctx, schedule, 0) // true when request 0 starts before its deadline
 */
export function isOnTime(ctx: SolverContext, s: Schedule, r: number): boolean {
  return (s.coach[r] as number) >= 0 && (s.start[r] as number) < (ctx.problem.requests[r]?.deadline ?? 0);
}

/**
 * Places every request of `order` in turn at its earliest feasible call, from start position `from[r]` on
 * (its first start that bookings and caps allow alone).
 *
 * @example greedy(ctx, schedule, Int32Array.of(1, 0), firstStarts) // request 1 first
 */
export function greedy(ctx: SolverContext, s: Schedule, order: Int32Array, from: Int32Array): void {
  for (const r of order) placeEarliest(ctx, s, r, false, from[r]);
}

/** Re-places `q` (unplaced) keeping at least its former status: on time if it was, placed otherwise. */
function replace(ctx: SolverContext, s: Schedule, q: number, wasOnTime: boolean): boolean {
  return placeEarliest(ctx, s, q, true) || (!wasOnTime && placeEarliest(ctx, s, q, false));
}

/**
 * Tries to give request `r` a call at grid instant `i` with coach `c` by moving the calls in its way elsewhere
 * (each keeping its on-time status). On failure the schedule is restored exactly.
 */
function tryEject(ctx: SolverContext, s: Schedule, r: number, c: number, i: number): boolean {
  const start = ctx.problem.grid[i] as number;
  const duration = ctx.problem.requests[r]?.duration ?? 0;
  const moved = blockers(ctx, s, c, start, duration).filter((q) => q !== r);
  if (moved.length === 0 || moved.length > 2) return false;
  // What ejection cannot change: a booking in the way, or the day at its cap with none of the moved calls in it.
  const coach = ctx.problem.coaches[c];
  if (!coach || !clearOfBooked(coach.booked, start, start + duration, ctx.problem.buffer)) return false;
  const node = dayNode(ctx, c, start);
  let freed = s.coach[r] === c && dayNode(ctx, c, s.start[r] as number) === node ? 1 : 0;
  for (const q of moved) if (dayNode(ctx, c, s.start[q] as number) === node) freed++;
  if ((s.dayLoad[node] as number) - freed >= ctx.problem.dailyCap) return false;
  const saved = [r, ...moved].map((q) => ({ q, c: s.coach[q] as number, start: s.start[q] as number }));
  const status = moved.map((q) => isOnTime(ctx, s, q));
  unplace(ctx, s, r);
  for (const q of moved) unplace(ctx, s, q);
  let ok = canTake(ctx, s, r, c, start);
  if (ok) place(ctx, s, r, c, start);
  for (let k = 0; ok && k < moved.length; k++) ok = replace(ctx, s, moved[k] as number, status[k] as boolean);
  if (ok) return true;
  for (const { q } of saved) unplace(ctx, s, q);
  for (const x of saved) if (x.c >= 0) place(ctx, s, x.q, x.c, x.start);
  return false;
}

/** Ejection attempts per request and pass: bounds the repair's cost where supply is short everywhere. */
const EJECTIONS = 400;

/** One attempt to improve request `r` (to on time when `wantOnTime`, else to placed) by ejection. */
function improve(ctx: SolverContext, s: Schedule, r: number, wantOnTime: boolean, budget: Budget): boolean {
  const deadline = ctx.problem.requests[r]?.deadline ?? 0;
  let tries = 0;
  const limit = Math.min(EJECTIONS, budget.left);
  for (let k = ctx.startOff[r] as number; k < (ctx.startOff[r + 1] as number) && tries < limit; k++) {
    const i = ctx.startIdx[k] as number;
    if (wantOnTime && (ctx.problem.grid[i] as number) >= deadline) break;
    const done = forEachFreeCoach(ctx, r, i, (c) => {
      if (++tries > limit) return true;
      return tryEject(ctx, s, r, c, i);
    });
    if (done) {
      budget.left -= Math.min(tries, limit);
      return tries <= limit;
    }
  }
  budget.left -= Math.min(tries, limit);
  return false;
}

/** Ejection attempts left for one call of {@link repair}. */
interface Budget {
  left: number;
}

/**
 * Ejection attempts per call of {@link repair}, in all. Where supply is short everywhere (a week of requests at
 * once) nearly every attempt fails; this bounds their total (the whole-path national week: ~4 million otherwise).
 */
const EJECTION_BUDGET = 150_000;

/**
 * Repair passes: every request that could be on time alone (`staticOnTime`) but is not, or could be placed alone
 * (`staticPlaced`) but is not, tries a direct placement, then ejection chains of depth one. Each success raises
 * (onTime, placed) lexicographically, so the passes end; at most `passes` of them.
 *
 * @example repair(ctx, schedule, order, staticOnTime, staticPlaced) // schedule improved in place
 */
export function repair(
  ctx: SolverContext,
  s: Schedule,
  order: Int32Array,
  staticOnTime: Uint8Array,
  staticPlaced: Uint8Array,
  passes = 2,
): void {
  const budget: Budget = { left: EJECTION_BUDGET };
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (const r of order) {
      if (staticOnTime[r] && !isOnTime(ctx, s, r)) {
        const was = { c: s.coach[r] as number, start: s.start[r] as number };
        unplace(ctx, s, r);
        if (placeEarliest(ctx, s, r, true)) changed = true;
        else {
          if (was.c >= 0) place(ctx, s, r, was.c, was.start);
          if (improve(ctx, s, r, true, budget)) changed = true;
        }
      }
      if (staticPlaced[r] && (s.coach[r] as number) < 0) {
        if (placeEarliest(ctx, s, r, false) || improve(ctx, s, r, false, budget)) changed = true;
      }
    }
    if (!changed) return;
  }
}
