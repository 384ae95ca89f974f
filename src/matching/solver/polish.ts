/**
 * Objectives (3)-(5), once (1) and (2) are settled: local moves of one call at a time that never change which
 * requests are placed, nor whether they are on time.
 *
 * - (3) earlier: move a call to an earlier start (any coach who can take it); repeated until no call moves. A
 *   local optimum: a better sum may need two calls to move together (one vacating a slot the other takes).
 * - (4) even: at the same start, move a call to a coach with at least two calls fewer (lowers the sum of squared
 *   loads); again a local optimum.
 * - (5) continuity: at the same start, move a call to the request's preferred coach when that does not raise the
 *   sum of squared loads (the preferred coach has at least one call fewer).
 *
 * @module
 */
import type { SolverContext } from './context.js';
import { bestCoachAt } from './greedy.js';
import { canTake, place, type Schedule, unplace } from './schedule.js';
import { freeUntil, lowerBound } from './search.js';

/** Whether coach `c` is allowed for request `r` and free for its whole call at `start` (bookings aside). */
function fits(ctx: SolverContext, r: number, c: number, start: number): boolean {
  const allowed = ctx.allowed[r];
  if (allowed) {
    const at = lowerBound(allowed, c, 0, allowed.length);
    if (allowed[at] !== c) return false;
  }
  const coach = ctx.problem.coaches[c];
  return !!coach && freeUntil(coach.free, start) >= start + (ctx.problem.requests[r]?.duration ?? 0);
}

function move(ctx: SolverContext, s: Schedule, r: number, c: number, start: number): void {
  unplace(ctx, s, r);
  place(ctx, s, r, c, start);
}

/**
 * Moves calls earlier until none can move; at most `passes` sweeps.
 *
 * @example moveEarlier(ctx, schedule) // every call that can start earlier now does
 */
export function moveEarlier(ctx: SolverContext, s: Schedule, passes = 50): void {
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (let r = 0; r < s.coach.length; r++) {
      if ((s.coach[r] as number) < 0) continue;
      const current = s.start[r] as number;
      for (let k = ctx.startOff[r] as number; k < (ctx.startOff[r + 1] as number); k++) {
        const i = ctx.startIdx[k] as number;
        const g = ctx.problem.grid[i] as number;
        if (g >= current) break;
        const c = bestCoachAt(ctx, s, r, i);
        if (c >= 0) {
          move(ctx, s, r, c, g);
          changed = true;
          break;
        }
      }
    }
    if (!changed) return;
  }
}

/**
 * Evens the loads (at most `passes` sweeps), then honours preferred coaches, each call keeping its start.
 *
 * @example evenAndKeep(ctx, schedule) // loads evened, preferred coaches honoured where free
 */
export function evenAndKeep(ctx: SolverContext, s: Schedule, passes = 4): void {
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (let r = 0; r < s.coach.length; r++) {
      const c = s.coach[r] as number;
      if (c < 0) continue;
      const start = s.start[r] as number;
      const i = lowerBound(ctx.problem.grid, start, 0, ctx.problem.grid.length);
      const to = bestCoachAt(ctx, s, r, i);
      if (to >= 0 && to !== c && (s.load[to] as number) + 1 < (s.load[c] as number)) {
        move(ctx, s, r, to, start);
        changed = true;
      }
    }
    if (!changed) break;
  }
  for (let r = 0; r < s.coach.length; r++) {
    const c = s.coach[r] as number;
    const p = ctx.problem.requests[r]?.preferredCoach ?? -1;
    if (c < 0 || p < 0 || p === c) continue;
    const start = s.start[r] as number;
    if (
      (s.load[p] as number) + 1 <= (s.load[c] as number) &&
      fits(ctx, r, p, start) &&
      canTake(ctx, s, r, p, start)
    )
      move(ctx, s, r, p, start);
  }
}
