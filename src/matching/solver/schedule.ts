/**
 * The working schedule of the solver: which call each request has, each coach's new calls, and the calls per day
 * node. Internal scratch state, mutated in place by `place` / `unplace`; the solver copies it out as typed arrays.
 *
 * @module
 */
import type { SolverContext } from './context.js';
import { dayNode } from './context.js';
import { clearOfBooked } from './search.js';

/** The mutable working schedule. */
export interface Schedule {
  /** Coach of each request's call, -1 when unplaced. */
  readonly coach: Int32Array;
  /** Start of each request's call (UTC ms), NaN when unplaced. */
  readonly start: Float64Array;
  /** Calls per day node, booked + new. */
  readonly dayLoad: Int32Array;
  /** Calls per coach, booked + new (objective 4). */
  readonly load: Int32Array;
  /** Each coach's new calls, flat `[start, busyUntil, request, ...]` sorted by start; busyUntil = end + buffer. */
  readonly calls: number[][];
  /**
   * Bit `k` set when slot entry `k` (a coach free at a grid instant) is open: its day below the daily cap and no
   * call of the coach (new, or booked with the buffer) covering the instant. A filter only: {@link canTake} decides.
   */
  readonly open: Uint32Array;
  /** Reasons each slot entry is closed (a full day, a covering call). */
  readonly closed: Uint8Array;
}

/** Adds `delta` reasons to slot entry `k` being closed, and updates its open bit. */
function close(s: Schedule, k: number, delta: number): void {
  const was = s.closed[k] as number;
  s.closed[k] = was + delta;
  const w = k >>> 5;
  if (was === 0) s.open[w] = (s.open[w] as number) & ~(1 << (k & 31));
  else if (was + delta === 0) s.open[w] = (s.open[w] as number) | (1 << (k & 31));
}

/** Closes (`delta` 1) or reopens (-1) every slot entry of day node `node`. */
function closeNode(ctx: SolverContext, s: Schedule, node: number, delta: number): void {
  for (let q = ctx.nodeOff[node] as number; q < (ctx.nodeOff[node + 1] as number); q++)
    close(s, ctx.nodeEntry[q] as number, delta);
}

/** Closes (1) or reopens (-1) coach `c`'s slot entries at the grid instants in `[from, until)`. */
function closeSpan(
  ctx: SolverContext,
  s: Schedule,
  c: number,
  from: number,
  until: number,
  delta: number,
): void {
  const { grid } = ctx.problem;
  let lo = ctx.coachOff[c] as number;
  let hi = ctx.coachOff[c + 1] as number;
  const end = hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((grid[ctx.coachSlot[mid] as number] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  for (let q = lo; q < end && (grid[ctx.coachSlot[q] as number] as number) < until; q++)
    close(s, ctx.coachEntry[q] as number, delta);
}

/**
 * An empty schedule: nothing placed, loads = bookings.
 *
 * @example emptySchedule(ctx).coach // Int32Array [-1, -1, ...]
 */
export function emptySchedule(ctx: SolverContext): Schedule {
  const n = ctx.problem.requests.length;
  const s: Schedule = {
    coach: new Int32Array(n).fill(-1),
    start: new Float64Array(n).fill(Number.NaN),
    dayLoad: ctx.bookedPerDay.slice(),
    load: ctx.bookedPerCoach.slice(),
    calls: ctx.problem.coaches.map(() => []),
    open: new Uint32Array((ctx.slotNode.length + 31) >>> 5).fill(0xffffffff),
    closed: new Uint8Array(ctx.slotNode.length),
  };
  for (let n = 0; n < s.dayLoad.length; n++)
    if ((s.dayLoad[n] as number) >= ctx.problem.dailyCap) closeNode(ctx, s, n, 1);
  const { buffer } = ctx.problem;
  ctx.problem.coaches.forEach((coach, c) => {
    for (let k = 0; k < coach.booked.length; k += 2)
      closeSpan(ctx, s, c, coach.booked[k] as number, (coach.booked[k + 1] as number) + buffer, 1);
  });
  return s;
}

/**
 * Whether coach `c` can take request `r`'s call at `start` given bookings, the daily cap and the schedule's other
 * calls (free time and windows are the caller's business: it enumerates only calls that fit them). Calls of `r`
 * itself are ignored, so a placed request can be tested for a move.
 *
 * @example canTake(ctx, schedule, 0, 1, grid[4]) // false: coach 1's day is at its cap
 */
export function canTake(ctx: SolverContext, s: Schedule, r: number, c: number, start: number): boolean {
  return canTakeOn(ctx, s, r, c, start, dayNode(ctx, c, start));
}

/**
 * {@link canTake} when the day node of `c` at `start` is known (`node`), as the slot index gives it.
 *
 * @example canTakeOn(ctx, schedule, 0, 1, grid[4], ctx.slotNode[k]) // as canTake(ctx, schedule, 0, 1, grid[4])
 */
export function canTakeOn(
  ctx: SolverContext,
  s: Schedule,
  r: number,
  c: number,
  start: number,
  node: number,
): boolean {
  const { problem } = ctx;
  const coach = problem.coaches[c];
  const req = problem.requests[r];
  if (!coach || !req) return false;
  const end = start + req.duration;
  const { buffer } = problem;
  // Cheapest and most often failing checks first: the day's cap, the coach's new calls, then bookings.
  const own = s.coach[r] === c && dayNode(ctx, c, s.start[r] as number) === node ? 1 : 0;
  if ((s.dayLoad[node] as number) - own >= problem.dailyCap) return false;
  const list = s.calls[c] as number[];
  const busyUntil = end + buffer;
  for (let k = 0; k < list.length; k += 3) {
    const other = list[k] as number;
    if (other >= busyUntil) break;
    if ((list[k + 1] as number) > start && list[k + 2] !== r) return false;
  }
  return clearOfBooked(coach.booked, start, end, buffer);
}

/**
 * Places request `r` (must be unplaced) with coach `c` at `start`.
 *
 * @example place(ctx, schedule, 0, 1, grid[4]) // request 0 with coach 1 at grid[4]
 */
export function place(ctx: SolverContext, s: Schedule, r: number, c: number, start: number): void {
  const req = ctx.problem.requests[r];
  const list = s.calls[c] as number[];
  let at = 0;
  while (at < list.length && (list[at] as number) < start) at += 3;
  list.splice(at, 0, start, start + (req?.duration ?? 0) + ctx.problem.buffer, r);
  s.coach[r] = c;
  s.start[r] = start;
  const node = dayNode(ctx, c, start);
  s.dayLoad[node] = (s.dayLoad[node] as number) + 1;
  if (s.dayLoad[node] === ctx.problem.dailyCap) closeNode(ctx, s, node, 1);
  closeSpan(ctx, s, c, start, start + (req?.duration ?? 0) + ctx.problem.buffer, 1);
  s.load[c] = (s.load[c] as number) + 1;
}

/**
 * Removes request `r`'s call, if any.
 *
 * @example unplace(ctx, schedule, 0) // request 0 unplaced again
 */
export function unplace(ctx: SolverContext, s: Schedule, r: number): void {
  const c = s.coach[r] as number;
  if (c < 0) return;
  const start = s.start[r] as number;
  const list = s.calls[c] as number[];
  for (let k = 0; k < list.length; k += 3) {
    if (list[k + 2] === r) {
      list.splice(k, 3);
      break;
    }
  }
  const node = dayNode(ctx, c, start);
  s.dayLoad[node] = (s.dayLoad[node] as number) - 1;
  if (s.dayLoad[node] === ctx.problem.dailyCap - 1) closeNode(ctx, s, node, -1);
  closeSpan(ctx, s, c, start, start + (ctx.problem.requests[r]?.duration ?? 0) + ctx.problem.buffer, -1);
  s.load[c] = (s.load[c] as number) - 1;
  s.coach[r] = -1;
  s.start[r] = Number.NaN;
}

/**
 * Requests whose new call on coach `c` conflicts (in time, with the buffer) with a call `[start, start + duration)`.
 *
 * @example blockers(ctx, schedule, 1, grid[4], 3_600_000) // [3]: request 3's call is in the way
 */
export function blockers(
  ctx: SolverContext,
  s: Schedule,
  c: number,
  start: number,
  duration: number,
): number[] {
  const list = s.calls[c] as number[];
  const busyUntil = start + duration + ctx.problem.buffer;
  const out: number[] = [];
  for (let k = 0; k < list.length; k += 3) {
    if ((list[k] as number) >= busyUntil) break;
    if ((list[k + 1] as number) > start) out.push(list[k + 2] as number);
  }
  return out;
}
