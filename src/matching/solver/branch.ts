/**
 * Exact branch and bound on one component, for the lexicographic value (on time, placed), scored as
 * `onTime * (n + 1) + placed` so that one more call on time beats any number of late ones.
 *
 * Depth first: at every node the undecided request with the fewest calls still possible is branched on, each of
 * its possible calls (earliest first), then "unplaced". Every node is bounded by two tick flows ({@link tickBound}):
 * one over the on-time calls still possible, one over all of them. The search starts from the heuristic's solution
 * and stops as soon as it meets the root bound, or at the node limit (then the proof is lost, the best kept).
 *
 * @module
 */
import { tickBound } from './bound.js';
import type { ComponentTable } from './component.js';

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
}

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
  return choice;
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

/** Value of a pick vector: [on time, placed]. */
function pickValue(t: ComponentTable, pick: Int32Array): [number, number] {
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
 * local request, -1 unplaced).
 *
 * @example branchAndBound(table, greedyPick, 200_000).proven // true unless the node limit was hit
 */
export function branchAndBound(t: ComponentTable, start: Int32Array, limit: number): BranchResult {
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
  };
  // At the root every listed call is possible (bookings and caps were applied when listing them).
  const onIds = t.sorted.filter((id) => t.onTime[id] === 1);
  const rootOnTime = tickBound(t, onIds, onIds.length, t.room);
  const rootPlaced = tickBound(t, t.sorted, total, t.room);
  s.target = rootOnTime * scale + rootPlaced;
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
