/**
 * `solveMatching`: the exact callback-matching engine.
 *
 * @module
 */
import { branchAndBound, pickValue } from './branch.js';
import { components, listCandidates } from './candidates.js';
import { type ComponentTable, componentTable } from './component.js';
import { buildContext, type SolverContext } from './context.js';
import { forEachFreeCoach, freeCandidateCount } from './free-coaches.js';
import { greedy, isOnTime, repair } from './greedy.js';
import { lagrangeBound } from './lagrange.js';
import { improveByNeighbourhoods } from './lns.js';
import { evenAndKeep, moveEarlier } from './polish.js';
import type { MatchingProblem, MatchingSolution, SolverOptions, SolverStats } from './problem.js';
import { canTake, emptySchedule, place, type Schedule, unplace } from './schedule.js';
import { sweepPick } from './sweep-greedy.js';

const DEFAULT_NODE_LIMIT = 2_000;
const DEFAULT_CANDIDATE_LIMIT = 200_000;
/** Subgradient steps of the Lagrangian bound per component. */
const LAGRANGE_STEPS = 300;
/** Neighbourhood search before the branch and bound: nodes per neighbourhood, neighbourhoods in all. */
const LNS_LIMITS = { nodes: 50, neighbourhoods: 600 };

/**
 * Earliest start each request could have alone (bookings and caps only), NaN when none, and its position in the
 * request's list of starts.
 */
function aloneEarliest(ctx: SolverContext): { start: Float64Array; at: Int32Array } {
  const empty = emptySchedule(ctx);
  const out = new Float64Array(ctx.problem.requests.length).fill(Number.NaN);
  const at = new Int32Array(out.length);
  for (let r = 0; r < out.length; r++) {
    at[r] = ctx.startOff[r + 1] as number;
    for (let k = ctx.startOff[r] as number; k < (ctx.startOff[r + 1] as number); k++) {
      const i = ctx.startIdx[k] as number;
      const g = ctx.problem.grid[i] as number;
      if (forEachFreeCoach(ctx, r, i, (c) => canTake(ctx, empty, r, c, g))) {
        out[r] = g;
        at[r] = k;
        break;
      }
    }
  }
  return { start: out, at };
}

/** Requests that can be on time first, then fewest free candidates (most constrained), deadline, index. */
function greedyOrder(staticOnTime: Uint8Array, candidates: Int32Array, ctx: SolverContext): Int32Array {
  const deadline = (r: number) => ctx.problem.requests[r]?.deadline ?? 0;
  return Int32Array.from({ length: candidates.length }, (_, r) => r).sort(
    (a, b) =>
      (staticOnTime[b] as number) - (staticOnTime[a] as number) ||
      (candidates[a] as number) - (candidates[b] as number) ||
      deadline(a) - deadline(b) ||
      a - b,
  );
}

function count(ctx: SolverContext, s: Schedule, rs: ArrayLike<number>): [number, number] {
  let on = 0;
  let placed = 0;
  for (let k = 0; k < rs.length; k++) {
    const r = rs[k] as number;
    if ((s.coach[r] as number) >= 0) placed++;
    if (isOnTime(ctx, s, r)) on++;
  }
  return [on, placed];
}

/** Weighted value (n + 1) * onTime + placed of a pick. */
function weightOf(t: ComponentTable, pick: Int32Array): number {
  let v = 0;
  for (const id of pick) if (id >= 0) v += (t.onTime[id] as number) * (t.requests + 1) + 1;
  return v;
}

/** The better of two picks for (on time, placed), the first on ties. */
function better(t: ComponentTable, a: Int32Array, b: Int32Array): Int32Array {
  return weightOf(t, b) > weightOf(t, a) ? b : a;
}

interface RootBounds {
  /** The best pick met (the incumbent given, or a rounded Lagrangian selection). */
  pick: Int32Array;
  ubOn: number;
  ubAll: number;
  /** Bound on the weighted value: the smaller of the weighted bound and the two counts combined. */
  known: number;
}

/**
 * Three Lagrangian bounds on a component, each on an integer value: calls on time, calls at all, and the weighted
 * value `onTime * (n + 1) + placed` itself (it bounds placed calls among schedules with the most on time).
 * `lambdas` (on time, all, weighted) are warm starts, updated in place.
 */
function rootBounds(table: ComponentTable, incumbent: Int32Array, lambdas: Float64Array[]): RootBounds {
  const scale = table.requests + 1;
  const [on0, placed0] = pickValue(table, incumbent);
  const lagOn = lagrangeBound(table, Float64Array.from(table.onTime), LAGRANGE_STEPS, on0, {
    lambda: lambdas[0] as Float64Array,
  });
  const lagAll = lagrangeBound(
    table,
    new Float64Array(table.onTime.length).fill(1),
    LAGRANGE_STEPS,
    placed0,
    {
      lambda: lambdas[1] as Float64Array,
    },
  );
  const ubOn = Math.floor(lagOn.bound + 1e-7);
  const ubAll = Math.floor(lagAll.bound + 1e-7);
  let pick = better(table, better(table, incumbent, lagOn.pick), lagAll.pick);
  let known = ubOn * scale + ubAll;
  // The weighted bound only when the two counts leave a gap.
  if (weightOf(table, pick) < known) {
    const lagComb = lagrangeBound(
      table,
      Float64Array.from(table.onTime, (o) => o * scale + 1),
      LAGRANGE_STEPS,
      weightOf(table, pick),
      { lambda: lambdas[2] as Float64Array },
    );
    pick = better(table, pick, lagComb.pick);
    known = Math.min(known, Math.floor(lagComb.bound + 1e-7));
  }
  return { pick: pick === incumbent ? incumbent.slice() : pick, ubOn, ubAll, known };
}

interface Exact {
  proven: boolean;
  upperOnTime: number;
  upperPlaced: number;
  components: number;
  nodes: number;
}

/** The exact phase: components where the heuristic misses the trivial bound go to branch and bound. */
function exactPhase(
  ctx: SolverContext,
  s: Schedule,
  staticOnTime: Uint8Array,
  staticPlaced: Uint8Array,
  options: SolverOptions,
): Exact {
  const sum = (a: Uint8Array, rs: ArrayLike<number>) => {
    let n = 0;
    for (let k = 0; k < rs.length; k++) n += a[rs[k] as number] as number;
    return n;
  };
  const all = Int32Array.from({ length: staticPlaced.length }, (_, r) => r);
  const out: Exact = {
    proven: false,
    upperOnTime: sum(staticOnTime, all),
    upperPlaced: sum(staticPlaced, all),
    components: 0,
    nodes: 0,
  };
  const cands = listCandidates(
    ctx,
    all.filter((r) => staticPlaced[r] === 1),
    options.candidateLimit ?? DEFAULT_CANDIDATE_LIMIT,
  );
  if (!cands) return out;
  out.proven = true;
  out.upperOnTime = 0;
  out.upperPlaced = 0;
  for (const comp of components(ctx, cands)) {
    const bound1 = sum(staticOnTime, comp);
    const bound2 = sum(staticPlaced, comp);
    const [on, placed] = count(ctx, s, comp);
    if (on === bound1 && placed === bound2) {
      out.upperOnTime += bound1;
      out.upperPlaced += bound2;
      continue;
    }
    out.components++;
    const table = componentTable(ctx, cands, comp);
    const startPick = new Int32Array(comp.length).fill(-1);
    comp.forEach((r, j) => {
      for (let id = table.candOff[j] as number; id < (table.candOff[j + 1] as number); id++)
        if (table.coach[id] === s.coach[r] && table.start[id] === s.start[r]) startPick[j] = id;
    });
    const first = better(table, sweepPick(table), startPick);
    const lambdas = [0, 1, 2].map(() => new Float64Array(table.requests));
    let root = rootBounds(table, first, lambdas);
    const start = root.pick;
    // Neighbourhood search towards the bound; then the bounds again, steered by the better incumbent.
    const before = weightOf(table, start);
    improveByNeighbourhoods(table, start, root.known, LNS_LIMITS);
    if (weightOf(table, start) > before && weightOf(table, start) < root.known) {
      const again = rootBounds(table, start, lambdas);
      root = { ...again, pick: start, known: Math.min(root.known, again.known) };
    }
    const { known } = root;
    const ubOn = root.ubOn;
    const ubAll = root.ubAll;
    const [lambdaOn, lambdaAll, lambdaComb] = lambdas as [Float64Array, Float64Array, Float64Array];
    const res = branchAndBound(
      table,
      start,
      options.nodeLimit ?? DEFAULT_NODE_LIMIT,
      known,
      lambdaOn,
      lambdaAll,
      lambdaComb,
    );
    out.nodes += res.nodes;
    for (const r of comp) unplace(ctx, s, r);
    res.pick.forEach((id, j) => {
      if (id >= 0) place(ctx, s, comp[j] as number, table.coach[id] as number, table.start[id] as number);
    });
    if (res.proven) {
      out.upperOnTime += res.onTime;
      out.upperPlaced += res.placed;
    } else {
      out.proven = false;
      out.upperOnTime += Math.min(bound1, res.rootOnTime, ubOn);
      out.upperPlaced += Math.min(bound2, res.rootPlaced, ubAll);
    }
  }
  return out;
}

function statsOf(ctx: SolverContext, s: Schedule, exact: Exact): SolverStats {
  const { grid, requests } = ctx.problem;
  const [onTime, placed] = count(
    ctx,
    s,
    Int32Array.from({ length: requests.length }, (_, r) => r),
  );
  let minutes = 0;
  let continuity = 0;
  for (let r = 0; r < requests.length; r++) {
    if ((s.coach[r] as number) < 0) continue;
    minutes += ((s.start[r] as number) - (grid[0] as number)) / 60_000;
    if (s.coach[r] === requests[r]?.preferredCoach) continuity++;
  }
  let loadSquares = 0;
  for (const l of s.load) loadSquares += l * l;
  return {
    onTime,
    placed,
    sumStartMinutes: minutes,
    loadSquares,
    continuity,
    proven: exact.proven,
    upperBoundOnTime: exact.proven ? onTime : exact.upperOnTime,
    upperBoundPlaced: exact.proven ? placed : exact.upperPlaced,
    components: exact.components,
    nodes: exact.nodes,
  };
}

/**
 * Matches open requests to coaches' calls: which coach calls back each request, and when.
 *
 * Constraints: a call of request `r` by coach `c` starts at a grid instant, lies whole inside one window of `r` and
 * one interval of `c.free`, with `c` allowed for `r`; two calls of one coach (new or booked) are at least `buffer`
 * apart; at most `dailyCap` calls per coach per local day (by start, booked ones included); each request at most
 * once. Objectives, lexicographic: (1) most requests on time (start < deadline), (2) most placed, (3) earliest
 * (sum of starts), (4) even loads (sum of squared calls per coach), (5) preferred coach.
 *
 * Method (details in each module): a greedy (most constrained first, earliest call, least loaded coach) and
 * ejection repairs give a solution; when it meets the trivial bound (requests that could be on time / placed
 * alone) it is optimal for (1) and (2). Otherwise the candidate calls are listed, split into independent
 * components, and each component where the bound is missed gets tick-flow and Lagrangian bounds (on-time calls, all
 * calls, the weighted value), a pair-of-coaches neighbourhood search, then branch and bound.
 * (3)-(5) are then improved by single-call local moves that keep (1) and (2). `stats.proven` is true only when
 * the (1), (2) optimum is proven: it is false when a component hit `nodeLimit` or the list of candidates exceeded
 * `candidateLimit`, and `upperBoundOnTime` / `upperBoundPlaced` then bound how far from optimal it may be.
 *
 * Deterministic: no randomness, every tie broken by index. Reads no clock.
 *
 * @example
 * const out = solveMatching({ grid, buffer: 15 * 60_000, dailyCap: 3, coaches, requests });
 * out.coach[0]; // coach of request 0, or -1
 * out.stats.proven; // true: on-time and placed counts are optimal
 */
export function solveMatching(problem: MatchingProblem, options: SolverOptions = {}): MatchingSolution {
  const ctx = buildContext(problem);
  const n = problem.requests.length;
  const candidates = Int32Array.from({ length: n }, (_, r) => freeCandidateCount(ctx, r));
  const { start: alone, at } = aloneEarliest(ctx);
  const staticPlaced = Uint8Array.from(alone, (g) => (Number.isNaN(g) ? 0 : 1));
  const staticOnTime = Uint8Array.from(alone, (g, r) => (g < (problem.requests[r]?.deadline ?? 0) ? 1 : 0));
  // Requests no coach can take even alone stay unplaced: leave them out of every heuristic.
  const order = greedyOrder(staticOnTime, candidates, ctx).filter((r) => staticPlaced[r] === 1);
  const s = emptySchedule(ctx);
  greedy(ctx, s, order, at);
  repair(ctx, s, order, staticOnTime, staticPlaced);
  const all = Int32Array.from({ length: n }, (_, r) => r);
  const [on, placed] = count(ctx, s, all);
  let exact: Exact = {
    proven: true,
    upperOnTime: on,
    upperPlaced: placed,
    components: 0,
    nodes: 0,
  };
  let bound1 = 0;
  let bound2 = 0;
  for (let r = 0; r < n; r++) {
    bound1 += staticOnTime[r] as number;
    bound2 += staticPlaced[r] as number;
  }
  if (on !== bound1 || placed !== bound2) {
    exact = exactPhase(ctx, s, staticOnTime, staticPlaced, options);
    // Where the proof was not reached, the repair may still improve on the exact phase's best.
    if (!exact.proven) repair(ctx, s, order, staticOnTime, staticPlaced);
  }
  moveEarlier(ctx, s);
  evenAndKeep(ctx, s);
  return { coach: s.coach, start: s.start, candidates, stats: statsOf(ctx, s, exact) };
}
