/**
 * The coaches free for a whole call of one request at one grid instant, read from the context's slot index
 * (unrestricted requests) or from the request's allowed list; {@link forEachOpenCoach} also skips the coaches a
 * schedule has closed there (full day, covering call).
 *
 * @module
 */
import type { SolverContext } from './context.js';
import type { Schedule } from './schedule.js';
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

/** Slot entry of coach `c` at grid instant `i`, -1 when the coach is not free there. */
function entryAt(ctx: SolverContext, c: number, i: number): number {
  let lo = ctx.coachOff[c] as number;
  let hi = ctx.coachOff[c + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ctx.coachSlot[mid] as number) < i) lo = mid + 1;
    else hi = mid;
  }
  return lo < (ctx.coachOff[c + 1] as number) && ctx.coachSlot[lo] === i
    ? (ctx.coachEntry[lo] as number)
    : -1;
}

function isOpen(s: Schedule, k: number): boolean {
  return (((s.open[k >>> 5] as number) >>> (k & 31)) & 1) === 1;
}

/**
 * Like {@link forEachFreeCoach}, but skips the coaches whose day (at grid instant `i`) is already at the daily cap
 * in `s` (unless `r`'s own call is there, so a placed request can be tested for a move), and passes each visited
 * coach's day node. Unrestricted requests read the schedule's open bits a word at a time (full days are skipped
 * 32 at once); order: slot order, then `r`'s own coach when its day is full (callers must not depend on order).
 *
 * @example forEachOpenCoach(ctx, s, 0, 3, (c, node) => canTakeOn(ctx, s, 0, c, grid[3], node))
 */
export function forEachOpenCoach(
  ctx: SolverContext,
  s: Schedule,
  r: number,
  i: number,
  visit: (c: number, node: number) => boolean | undefined,
): boolean {
  const { problem } = ctx;
  const g = problem.grid[i] as number;
  const need = g + (problem.requests[r]?.duration ?? 0);
  const own = s.coach[r] as number;
  const allowed = ctx.allowed[r];
  if (allowed) {
    for (let q = 0; q < allowed.length; q++) {
      const c = allowed[q] as number;
      const k = entryAt(ctx, c, i);
      if (k < 0 || (ctx.slotUntil[k] as number) < need || (c !== own && !isOpen(s, k))) continue;
      if (visit(c, ctx.slotNode[k] as number)) return true;
    }
    return false;
  }
  // The slot's prefix, read from the schedule's open bits a word at a time: full days cost nothing.
  const lo = ctx.slotStart[i] as number;
  const end = prefixEnd(ctx, i, need);
  for (let w = lo >>> 5; lo < end && w <= (end - 1) >>> 5; w++) {
    let bits = s.open[w] as number;
    if (w === lo >>> 5) bits &= -1 << (lo & 31);
    if (w === (end - 1) >>> 5 && ((end - 1) & 31) < 31) bits &= (1 << (((end - 1) & 31) + 1)) - 1;
    while (bits !== 0) {
      const low = bits & -bits;
      const k = w * 32 + 31 - Math.clz32(low);
      bits ^= low;
      if (visit(ctx.slotCoach[k] as number, ctx.slotNode[k] as number)) return true;
    }
  }
  // r's own coach, closed by r's own call or day: it may still take r's call there (a move).
  if (own >= 0) {
    const k = entryAt(ctx, own, i);
    if (k >= 0 && k < end && !isOpen(s, k) && visit(own, ctx.slotNode[k] as number)) return true;
  }
  return false;
}
