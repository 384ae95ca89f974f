/**
 * Exact branch and bound on one component, for the lexicographic value (on time, placed), scored as
 * `onTime * (n + 1) + placed` so that one more call on time beats any number of late ones.
 *
 * Depth first: at every node the undecided request with the fewest calls still possible is branched on, each of
 * its possible calls (earliest first), then "unplaced". Every node is bounded by two tick flows ({@link tickBound}):
 * one over the on-time calls still possible, one over all of them, then by three Lagrangian bounds (on-time calls,
 * all calls, the weighted value), warm-started from the root's multipliers. The search starts from the heuristic's solution
 * and stops as soon as it meets the root bound, or at the node limit (then the proof is lost, the best kept).
 *
 * @module
 */
import { tickBound } from './bound.js';
import type { ComponentTable } from './component.js';
import { type Groups, groupsOf, lagrangeBound } from './lagrange.js';

/** What the search found on one component. */
export interface BranchResult {
  /** Chosen candidate id per local request, -1 for unplaced. */
  readonly pick: Int32Array;
  readonly onTime: number;
  readonly placed: number;
  /** True when the search finished (or the root bound was met): the value is optimal. */
  readonly proven: boolean;
  readonly nodes: number;
  /** Root bounds on on-time calls and on placed calls. */
  readonly rootOnTime: number;
  readonly rootPlaced: number;
}

interface Search {
  readonly t: ComponentTable;
  readonly scale: number;
  readonly decided: Uint8Array;
  readonly pick: Int32Array;
  readonly used: Int32Array;
  readonly byCoach: number[][];
  readonly stamp: Int32Array;
  readonly allIds: Int32Array;
  readonly onIds: Int32Array;
  readonly alive: Int32Array;
  fixedOnTime: number;
  fixedPlaced: number;
  best: number;
  bestPick: Int32Array;
  nodes: number;
  readonly limit: number;
  aborted: boolean;
  target: number;
  readonly groups: Groups;
  /** Weights of the two Lagrangian bounds: on-time calls only, then every call. */
  readonly onWeights: Float64Array;
  readonly allWeights: Float64Array;
  readonly lambdaOn: Float64Array;
  readonly lambdaAll: Float64Array;
  /** Weights `onTime * scale + 1` of the weighted value, and the root's multipliers for it. */
  readonly combWeights: Float64Array;
  readonly lambdaComb: Float64Array;
  readonly open: Uint8Array;
  readonly openRequest: Uint8Array;
  readonly roomLeft: Int32Array;
}

/** Steps of the Lagrangian bound at each node, warm-started from the root's multipliers. */
const NODE_STEPS = 12;

function isAlive(s: Search, id: number): boolean {
  const { t } = s;
  const g = t.group[id] as number;
  if ((s.used[g] as number) >= (t.room[g] as number)) return false;
  const a = t.start[id] as number;
  const b = t.busy[id] as number;
  for (const other of s.byCoach[t.coachLocal[id] as number] as number[])
    if ((t.start[other] as number) < b && a < (t.busy[other] as number)) return false;
  return true;
}

function apply(s: Search, j: number, id: number): void {
  s.decided[j] = 1;
  s.pick[j] = id;
  if (id < 0) return;
  const g = s.t.group[id] as number;
  s.used[g] = (s.used[g] as number) + 1;
  (s.byCoach[s.t.coachLocal[id] as number] as number[]).push(id);
  s.fixedOnTime += s.t.onTime[id] as number;
  s.fixedPlaced++;
}

function undo(s: Search, j: number, id: number): void {
  s.decided[j] = 0;
  s.pick[j] = -1;
  if (id < 0) return;
  const g = s.t.group[id] as number;
  s.used[g] = (s.used[g] as number) - 1;
  (s.byCoach[s.t.coachLocal[id] as number] as number[]).pop();
  s.fixedOnTime -= s.t.onTime[id] as number;
  s.fixedPlaced--;
}

/** Bounds the node; returns -1 when it is pruned, else the request to branch on (n when it is a leaf). */
function boundNode(s: Search): number {
  const { t } = s;
  const n = t.requests;
  s.alive.fill(0);
  let all = 0;
  let on = 0;
  for (const id of t.sorted) {
    const j = t.req[id] as number;
    if (s.decided[j] || !isAlive(s, id)) continue;
    s.stamp[id] = s.nodes;
    s.alive[j] = (s.alive[j] as number) + 1;
    s.allIds[all++] = id;
    if (t.onTime[id]) s.onIds[on++] = id;
  }
  let open = 0;
  let choice = n;
  for (let j = 0; j < n; j++) {
    const a = s.alive[j] as number;
    if (a === 0) continue;
    open++;
    if (choice === n || a < (s.alive[choice] as number)) choice = j;
  }
  const fixed = s.fixedOnTime * s.scale + s.fixedPlaced;
  if (open === 0) return fixed > s.best ? n : -1;
  const ub1 = tickBound(t, s.onIds, on, t.room);
  if ((s.fixedOnTime + ub1) * s.scale + s.fixedPlaced + open <= s.best) return -1;
  const ub2 = tickBound(t, s.allIds, all, t.room);
  if ((s.fixedOnTime + ub1) * s.scale + s.fixedPlaced + ub2 <= s.best) return -1;
  for (let id = 0; id < s.open.length; id++) s.open[id] = s.stamp[id] === s.nodes ? 1 : 0;
  for (let j = 0; j < n; j++) s.openRequest[j] = s.decided[j] ? 0 : 1;
  for (let g = 0; g < t.groups; g++) s.roomLeft[g] = (t.room[g] as number) - (s.used[g] as number);
  const sub = { groups: s.groups, room: s.roomLeft, open: s.open, openRequest: s.openRequest };
  const bestOn = Math.floor(s.best / s.scale);
  const lag1 = lagrangeBound(t, s.onWeights, NODE_STEPS, bestOn - s.fixedOnTime, {
    ...sub,
    lambda: s.lambdaOn.slice(),
  });
  const onBound = Math.min(ub1, Math.floor(lag1.bound + 1e-7));
  if ((s.fixedOnTime + onBound) * s.scale + s.fixedPlaced + ub2 <= s.best) return -1;
  const lag2 = lagrangeBound(t, s.allWeights, NODE_STEPS, s.best - bestOn * s.scale - s.fixedPlaced, {
    ...sub,
    lambda: s.lambdaAll.slice(),
  });
  const placed = Math.min(ub2, Math.floor(lag2.bound + 1e-7));
  // The Lagrangian selections, rounded, complete the fixed calls into full schedules: keep the best (a dive).
  for (const lag of [lag1, lag2]) adopt(s, lag.pick);
  if ((s.fixedOnTime + onBound) * s.scale + s.fixedPlaced + placed <= s.best) return -1;
  // The weighted value itself: prunes nodes that reach the most on time only with fewer calls placed.
  const lag3 = lagrangeBound(t, s.combWeights, NODE_STEPS, s.best - fixed, {
    ...sub,
    lambda: s.lambdaComb.slice(),
  });
  adopt(s, lag3.pick);
  if (fixed + Math.floor(lag3.bound + 1e-7) <= s.best) return -1;
  return choice;
}

/** Makes the fixed calls plus `rest` (picks of the open requests) the incumbent when it is better. */
function adopt(s: Search, rest: Int32Array): void {
  const full = s.pick.slice();
  let value = s.fixedOnTime * s.scale + s.fixedPlaced;
  for (let j = 0; j < full.length; j++) {
    const id = rest[j] as number;
    if (s.decided[j] || id < 0) continue;
    full[j] = id;
    value += (s.t.onTime[id] as number) * s.scale + 1;
  }
  if (value > s.best) {
    s.best = value;
    s.bestPick = full;
  }
}

function dfs(s: Search): void {
  if (s.best >= s.target || s.aborted) return;
  s.nodes++;
  if (s.nodes > s.limit) {
    s.aborted = true;
    return;
  }
  const j = boundNode(s);
  if (j < 0) return;
  const { t } = s;
  if (j === t.requests) {
    s.best = s.fixedOnTime * s.scale + s.fixedPlaced;
    s.bestPick = s.pick.slice();
    return;
  }
  const stamp = s.nodes;
  const ids: number[] = [];
  for (let id = t.candOff[j] as number; id < (t.candOff[j + 1] as number); id++)
    if (s.stamp[id] === stamp) ids.push(id);
  for (const id of ids) {
    apply(s, j, id);
    dfs(s);
    undo(s, j, id);
    if (s.best >= s.target || s.aborted) return;
  }
  apply(s, j, -1);
  dfs(s);
  undo(s, j, -1);
}

/**
 * Value of a pick vector (candidate id per local request, -1 unplaced): [on time, placed].
 *
 * @example pickValue(table, Int32Array.of(-1, 4)) // [1, 1] when call 4 is on time
 */
export function pickValue(t: ComponentTable, pick: Int32Array): [number, number] {
  let on = 0;
  let placed = 0;
  for (const id of pick) {
    if (id < 0) continue;
    placed++;
    on += t.onTime[id] as number;
  }
  return [on, placed];
}

/**
 * Solves one component exactly (up to `limit` nodes), starting from the feasible `start` pick (candidate id per
 * local request, -1 unplaced). `knownBound` is an upper bound on the weighted value found elsewhere: the
 * search stops when it is met. `lambdaOn` / `lambdaAll` / `lambdaComb`: the root's Lagrangian
 * multipliers (on-time calls only / all calls / the weighted value), to warm-start the nodes' bounds.
 *
 * @example branchAndBound(table, greedyPick, 200_000).proven // true unless the node limit was hit
 */
export function branchAndBound(
  t: ComponentTable,
  start: Int32Array,
  limit: number,
  knownBound = Number.POSITIVE_INFINITY,
  lambdaOn: Float64Array = new Float64Array(t.requests),
  lambdaAll: Float64Array = new Float64Array(t.requests),
  lambdaComb: Float64Array = new Float64Array(t.requests),
): BranchResult {
  const n = t.requests;
  const total = t.sorted.length;
  const scale = n + 1;
  const [on0, pl0] = pickValue(t, start);
  const s: Search = {
    t,
    scale,
    decided: new Uint8Array(n),
    pick: new Int32Array(n).fill(-1),
    used: new Int32Array(t.groups),
    byCoach: Array.from({ length: t.coaches }, () => []),
    stamp: new Int32Array(total).fill(-1),
    allIds: new Int32Array(total),
    onIds: new Int32Array(total),
    alive: new Int32Array(n),
    fixedOnTime: 0,
    fixedPlaced: 0,
    best: on0 * scale + pl0,
    bestPick: start.slice(),
    nodes: 0,
    limit,
    aborted: false,
    target: Number.POSITIVE_INFINITY,
    groups: groupsOf(t),
    onWeights: Float64Array.from(t.onTime),
    allWeights: new Float64Array(total).fill(1),
    lambdaOn,
    lambdaAll,
    combWeights: Float64Array.from(t.onTime, (o) => o * scale + 1),
    lambdaComb,
    open: new Uint8Array(total),
    openRequest: new Uint8Array(n),
    roomLeft: new Int32Array(t.groups),
  };
  // At the root every listed call is possible (bookings and caps were applied when listing them).
  const onIds = t.sorted.filter((id) => t.onTime[id] === 1);
  const rootOnTime = tickBound(t, onIds, onIds.length, t.room);
  const rootPlaced = tickBound(t, t.sorted, total, t.room);
  s.target = Math.min(rootOnTime * scale + rootPlaced, knownBound);
  dfs(s);
  const [onTime, placed] = pickValue(t, s.bestPick);
  return {
    pick: s.bestPick,
    onTime,
    placed,
    proven: !s.aborted || s.best >= s.target,
    nodes: s.nodes,
    rootOnTime,
    rootPlaced,
  };
}
