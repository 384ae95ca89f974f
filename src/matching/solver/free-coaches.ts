/**
 * The coaches free for a whole call of one request at one grid instant, read from the context's slot index
 * (unrestricted requests) or from the request's allowed list.
 *
 * @module
 */
import type { SolverContext } from './context.js';
import { freeUntil } from './search.js';

/** End of the run of slot `i` entries whose free interval lasts until at least `need` (they form a prefix). */
function prefixEnd(ctx: SolverContext, i: number, need: number): number {
  let lo = ctx.slotStart[i] as number;
  let hi = ctx.slotStart[i + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ctx.slotUntil[mid] as number) >= need) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `visit(c)` for every coach allowed for request `r` whose free time holds the whole call starting at grid
 * instant `i`, ignoring bookings, caps and other calls; stops early when `visit` returns true. Order: longest free
 * first for unrestricted requests, coach index for restricted ones (callers break ties by index themselves).
 *
 * @returns true when `visit` stopped the walk.
 * @example forEachFreeCoach(ctx, 0, 3, (c) => c === 2) // true when coach 2 is free for request 0 at grid[3]
 */
export function forEachFreeCoach(
  ctx: SolverContext,
  r: number,
  i: number,
  visit: (c: number) => boolean | undefined,
): boolean {
  const { problem } = ctx;
  const g = problem.grid[i] as number;
  const need = g + (problem.requests[r]?.duration ?? 0);
  const allowed = ctx.allowed[r];
  if (allowed) {
    for (let k = 0; k < allowed.length; k++) {
      const c = allowed[k] as number;
      const coach = problem.coaches[c];
      if (coach && freeUntil(coach.free, g) >= need && visit(c)) return true;
    }
    return false;
  }
  const end = prefixEnd(ctx, i, need);
  for (let k = ctx.slotStart[i] as number; k < end; k++) if (visit(ctx.slotCoach[k] as number)) return true;
  return false;
}

/**
 * Number of (coach, start) calls of request `r` that fit its windows and a coach's free time, ignoring bookings,
 * caps and other calls (the solution's `candidates`).
 *
 * @example freeCandidateCount(ctx, 0) // 0: no coach is free in any window of request 0
 */
export function freeCandidateCount(ctx: SolverContext, r: number): number {
  let n = 0;
  const lo = ctx.startOff[r] as number;
  const hi = ctx.startOff[r + 1] as number;
  for (let k = lo; k < hi; k++) {
    const i = ctx.startIdx[k] as number;
    if (ctx.allowed[r]) {
      forEachFreeCoach(ctx, r, i, () => {
        n++;
        return false;
      });
    } else {
      const g = ctx.problem.grid[i] as number;
      n += prefixEnd(ctx, i, g + (ctx.problem.requests[r]?.duration ?? 0)) - (ctx.slotStart[i] as number);
    }
  }
  return n;
}
