/**
 * The numeric input and output of the exact callback-matching solver: plain readonly data over typed arrays, UTC
 * epoch ms everywhere, no zone and no `Date`. The glue (requests, team, rota, bookings) builds a
 * {@link MatchingProblem}; {@link solveMatching} answers with a {@link MatchingSolution}.
 *
 * @module
 */

/** One coach, as the solver sees them. */
export interface SolverCoach {
  /**
   * Where a call of this coach may lie: a normalized interval set `[s0, e0, s1, e1, ...]` (UTC ms, half-open,
   * sorted, neither overlapping nor touching), e.g. free time or on-call time. A call `[start, start + duration)`
   * must lie inside ONE interval.
   */
  readonly free: Float64Array;
  /**
   * Calls already booked for this coach: pairs `[start, end)` UTC ms, sorted by start, one pair per call (not merged:
   * each pair counts once towards the daily cap), not overlapping each other. A new call keeps `buffer` away from
   * each of them on both sides.
   */
  readonly booked: Float64Array;
  /**
   * Sorted instants (UTC ms) at which this coach's local days start, covering the whole horizon: day `i` is
   * `[dayStarts[i], dayStarts[i + 1])`. The daily cap counts calls by the local day their start falls in, booked
   * ones included. An instant before the first entry counts in day 0, one at or after the last in the last day.
   */
  readonly dayStarts: Float64Array;
}

/** One open request (a caller waiting for a callback). */
export interface SolverRequest {
  /**
   * Callback windows: normalized pairs `[start, end)` UTC ms, already clipped by the glue to the earliest allowed
   * start. The whole call `[start, start + duration)` must lie in ONE window.
   */
  readonly windows: Float64Array;
  /** Length of the call, ms (> 0). */
  readonly duration: number;
  /** A call starting strictly before this instant (UTC ms) is on time (objective 1). */
  readonly deadline: number;
  /** Index of the coach preferred for continuity (objective 5), or -1 for none. */
  readonly preferredCoach: number;
  /** Indices of the coaches allowed for this request; omitted: every coach. */
  readonly coaches?: Int32Array;
}

/** The whole matching problem. */
export interface MatchingProblem {
  /**
   * Sorted candidate call starts (UTC ms): the local clock grid (e.g. every 30 minutes of local time), already at
   * or after now + notice. A call may start only at a grid instant. Not uniform in UTC across DST: no step is
   * assumed anywhere.
   */
  readonly grid: Float64Array;
  /** Minimum time between two calls of one coach, ms (from the end of one to the start of the next), >= 0. */
  readonly buffer: number;
  /** Maximum calls per coach per local day (by start), booked ones included. */
  readonly dailyCap: number;
  readonly coaches: readonly SolverCoach[];
  readonly requests: readonly SolverRequest[];
}

/** Options of {@link solveMatching}. */
export interface SolverOptions {
  /**
   * Branch-and-bound nodes allowed per component before giving up its proof (the best solution found is kept and
   * `stats.proven` is false).
   * @defaultValue 2_000
   */
  readonly nodeLimit?: number;
  /**
   * Most candidate calls the exact phase may list (request x coach x start, after bookings and caps). Above it the
   * exact phase is skipped: the heuristic solution is returned with `stats.proven` false.
   * @defaultValue 200_000
   */
  readonly candidateLimit?: number;
}

/** Figures about a solution. No timing: the solver never reads a clock. */
export interface SolverStats {
  /** Requests placed with a start before their deadline (objective 1). */
  readonly onTime: number;
  /** Requests placed at all (objective 2). */
  readonly placed: number;
  /** Sum over placed calls of (start - grid[0]) in minutes (objective 3: lower is earlier). 0 when the grid is empty. */
  readonly sumStartMinutes: number;
  /** Sum over coaches of (calls in the horizon, booked + new) squared (objective 4: lower is more even). */
  readonly loadSquares: number;
  /** Placed requests with a preferred coach that got them (objective 5). */
  readonly continuity: number;
  /** True when the lexicographic optimum of (1) then (2) is proven: `onTime` and `placed` cannot be beaten. */
  readonly proven: boolean;
  /** Proven upper bound on `onTime` (equal to it when proven). */
  readonly upperBoundOnTime: number;
  /** Proven upper bound on `placed` among solutions with the most calls on time (equal to it when proven). */
  readonly upperBoundPlaced: number;
  /** Independent components the exact phase had to examine (0 when the greedy met the trivial bound). */
  readonly components: number;
  /** Branch-and-bound nodes explored, all components together. */
  readonly nodes: number;
}

/** The answer of {@link solveMatching}, one entry per request, in input order. */
export interface MatchingSolution {
  /** Coach index of each request's call, -1 when unplaced. */
  readonly coach: Int32Array;
  /** Start of each request's call, UTC ms (NaN when unplaced). */
  readonly start: Float64Array;
  /**
   * Per request, the number of (coach, start) candidate calls that fit its windows and a coach's `free` time,
   * ignoring bookings, caps and other calls. 0 means "no coach free then"; otherwise an unplaced request is
   * unplaced because of bookings, caps or other requests.
   */
  readonly candidates: Int32Array;
  readonly stats: SolverStats;
}
