/**
 * The exact numeric engine of callback matching: pure functions over typed arrays, browser-safe.
 *
 * @module
 */
export type {
  MatchingProblem,
  MatchingSolution,
  SolverCoach,
  SolverOptions,
  SolverRequest,
  SolverStats,
} from './problem.js';
export { solveMatching } from './solve.js';
