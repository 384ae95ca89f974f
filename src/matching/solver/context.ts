/**
 * The read-only indexes the solver builds once per problem: every coach's local days as global "day nodes" (with
 * the calls already booked in each), the coaches free at each grid instant sorted by how long they stay free, and
 * each request's possible starts on the grid.
 *
 * @module
 */
import type { MatchingProblem, SolverRequest } from './problem.js';
import { dayIndex, lowerBound } from './search.js';

/** Indexes over a {@link MatchingProblem}; built by {@link buildContext}, never mutated afterwards. */
export interface SolverContext {
  readonly problem: MatchingProblem;
  /** Day node of coach `c`'s local day `i` is `dayBase[c] + i`; `dayBase[coaches]` = number of day nodes. */
  readonly dayBase: Int32Array;
  /** Calls already booked per day node (by start). */
  readonly bookedPerDay: Int32Array;
  /** Calls already booked per coach over the horizon. */
  readonly bookedPerCoach: Int32Array;
  /**
   * Coaches free at grid instant `i`: entries `slotStart[i] .. slotStart[i + 1]` of `slotCoach` / `slotUntil`,
   * sorted by `slotUntil` (end of the free interval holding the instant) descending, then coach index.
   */
  readonly slotStart: Int32Array;
  readonly slotCoach: Int32Array;
  readonly slotUntil: Float64Array;
  /** Day node of each slot entry's coach at the slot's instant (the daily cap it counts against). */
  readonly slotNode: Int32Array;
  /** Slot entries of each day node: `nodeEntry[nodeOff[n] .. nodeOff[n + 1]]` (to open or close them at once). */
  readonly nodeOff: Int32Array;
  readonly nodeEntry: Int32Array;
  /** Slot entries of each coach by grid instant: `coachSlot` / `coachEntry` at `coachOff[c] .. coachOff[c + 1]`. */
  readonly coachOff: Int32Array;
  readonly coachSlot: Int32Array;
  readonly coachEntry: Int32Array;
  /** Grid indices where request `r` may start: `startIdx[startOff[r] .. startOff[r + 1]]`, ascending. */
  readonly startOff: Int32Array;
  readonly startIdx: Int32Array;
  /** Allowed coaches of each request, sorted ascending, or null for all. */
  readonly allowed: readonly (Int32Array | null)[];
}

/**
 * Day node holding instant `t` for coach `c`.
 *
 * @example dayNode(ctx, 1, problem.grid[0]) // ctx.dayBase[1] + local day of grid[0] for coach 1
 */
export function dayNode(ctx: SolverContext, c: number, t: number): number {
  const coach = ctx.problem.coaches[c];
  return (ctx.dayBase[c] as number) + (coach ? dayIndex(coach.dayStarts, t) : 0);
}

function buildDays(problem: MatchingProblem) {
  const n = problem.coaches.length;
  const dayBase = new Int32Array(n + 1);
  for (let c = 0; c < n; c++) {
    const days = Math.max(1, (problem.coaches[c]?.dayStarts.length ?? 0) - 1);
    dayBase[c + 1] = (dayBase[c] as number) + days;
  }
  const bookedPerDay = new Int32Array(dayBase[n] as number);
  const bookedPerCoach = new Int32Array(n);
  problem.coaches.forEach((coach, c) => {
    for (let k = 0; k < coach.booked.length; k += 2) {
      const node = (dayBase[c] as number) + dayIndex(coach.dayStarts, coach.booked[k] as number);
      bookedPerDay[node] = (bookedPerDay[node] as number) + 1;
    }
    bookedPerCoach[c] = coach.booked.length >> 1;
  });
  return { dayBase, bookedPerDay, bookedPerCoach };
}

function buildSlots(problem: MatchingProblem) {
  const { grid } = problem;
  const g = grid.length;
  const count = new Int32Array(g + 1);
  // Two passes over (coach, free interval, grid instants inside it): count, then fill.
  const visit = (fn: (i: number, c: number, until: number) => void) => {
    problem.coaches.forEach((coach, c) => {
      for (let k = 0; k < coach.free.length; k += 2) {
        const e = coach.free[k + 1] as number;
        for (let i = lowerBound(grid, coach.free[k] as number, 0, g); i < g && (grid[i] as number) < e; i++)
          fn(i, c, e);
      }
    });
  };
  visit((i) => {
    count[i + 1] = (count[i + 1] as number) + 1;
  });
  for (let i = 0; i < g; i++) count[i + 1] = (count[i + 1] as number) + (count[i] as number);
  const total = count[g] as number;
  const coachOf = new Int32Array(total);
  const untilOf = new Float64Array(total);
  const fill = count.slice(0, g);
  visit((i, c, until) => {
    const at = fill[i] as number;
    coachOf[at] = c;
    untilOf[at] = until;
    fill[i] = at + 1;
  });
  // Sort each slot by until descending, then coach: a call of duration d fits a prefix of the slot.
  const slotCoach = new Int32Array(total);
  const slotUntil = new Float64Array(total);
  for (let i = 0; i < g; i++) {
    const lo = count[i] as number;
    const hi = count[i + 1] as number;
    const order = Array.from({ length: hi - lo }, (_, k) => lo + k);
    order.sort(
      (a, b) =>
        (untilOf[b] as number) - (untilOf[a] as number) || (coachOf[a] as number) - (coachOf[b] as number),
    );
    order.forEach((from, k) => {
      slotCoach[lo + k] = coachOf[from] as number;
      slotUntil[lo + k] = untilOf[from] as number;
    });
  }
  return { slotStart: count, slotCoach, slotUntil };
}

function buildStarts(grid: Float64Array, requests: readonly SolverRequest[]) {
  const startOff = new Int32Array(requests.length + 1);
  const idx: number[] = [];
  requests.forEach((r, k) => {
    for (let w = 0; w < r.windows.length; w += 2) {
      const we = r.windows[w + 1] as number;
      for (
        let i = lowerBound(grid, r.windows[w] as number, 0, grid.length);
        i < grid.length && (grid[i] as number) + r.duration <= we;
        i++
      )
        idx.push(i);
    }
    startOff[k + 1] = idx.length;
  });
  return { startOff, startIdx: Int32Array.from(idx) };
}

/**
 * Builds the indexes of a problem. O(grid instants x free coaches + windows' starts + bookings x log).
 *
 * @example buildContext(problem).slotStart.length // problem.grid.length + 1
 */
export function buildContext(problem: MatchingProblem): SolverContext {
  const allowed = problem.requests.map((r) => (r.coaches ? Int32Array.from(r.coaches).sort() : null));
  const days = buildDays(problem);
  const slots = buildSlots(problem);
  const slotNode = new Int32Array(slots.slotCoach.length);
  for (let i = 0; i + 1 < slots.slotStart.length; i++)
    for (let k = slots.slotStart[i] as number; k < (slots.slotStart[i + 1] as number); k++) {
      const c = slots.slotCoach[k] as number;
      const coach = problem.coaches[c];
      slotNode[k] =
        (days.dayBase[c] as number) + (coach ? dayIndex(coach.dayStarts, problem.grid[i] as number) : 0);
    }
  const nodes = days.dayBase[problem.coaches.length] as number;
  const nodeOff = new Int32Array(nodes + 1);
  for (const n of slotNode) nodeOff[n + 1] = (nodeOff[n + 1] as number) + 1;
  for (let n = 0; n < nodes; n++) nodeOff[n + 1] = (nodeOff[n + 1] as number) + (nodeOff[n] as number);
  const nodeEntry = new Int32Array(slotNode.length);
  const fill = nodeOff.slice(0, nodes);
  slotNode.forEach((n, k) => {
    nodeEntry[fill[n] as number] = k;
    fill[n] = (fill[n] as number) + 1;
  });
  const nc = problem.coaches.length;
  const coachOff = new Int32Array(nc + 1);
  for (const c of slots.slotCoach) coachOff[c + 1] = (coachOff[c + 1] as number) + 1;
  for (let c = 0; c < nc; c++) coachOff[c + 1] = (coachOff[c + 1] as number) + (coachOff[c] as number);
  const coachSlot = new Int32Array(slotNode.length);
  const coachEntry = new Int32Array(slotNode.length);
  const at = coachOff.slice(0, nc);
  for (let i = 0; i + 1 < slots.slotStart.length; i++)
    for (let k = slots.slotStart[i] as number; k < (slots.slotStart[i + 1] as number); k++) {
      const c = slots.slotCoach[k] as number;
      coachSlot[at[c] as number] = i;
      coachEntry[at[c] as number] = k;
      at[c] = (at[c] as number) + 1;
    }
  return {
    problem,
    ...days,
    ...slots,
    slotNode,
    nodeOff,
    nodeEntry,
    coachOff,
    coachSlot,
    coachEntry,
    ...buildStarts(problem.grid, problem.requests),
    allowed,
  };
}
