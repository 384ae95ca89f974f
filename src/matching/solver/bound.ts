/**
 * The upper bound of the exact phase: a flow relaxation where each coach-day's calls are stabbed by "ticks".
 *
 * Within one coach-day group, sort the calls' busy spans `[start, end + buffer)` by their right end and stab them
 * greedily (a tick at the right end of the first span not yet stabbed): every span holds its tick, and two spans
 * that do not overlap never hold the same tick. So any feasible schedule sends its calls to distinct ticks, and
 * "each request at most one tick, each tick at most one call, each coach-day at most its remaining cap" is a max
 * flow that bounds the number of calls. Per coach-day it is exact (the greedy stabbing of intervals is as small as
 * their largest disjoint subset); the slack comes from two requests using overlapping spans stabbed by different
 * ticks, and from busy spans that cross midnight (grouped by their start's day only).
 *
 * @module
 */
import { addEdge, flowNet, maxFlow } from './max-flow.js';

/** Candidate calls of one component, in flat arrays indexed by candidate id. */
export interface CallTable {
  /** Local request of each call. */
  readonly req: Int32Array;
  /** Local coach-day group of each call (its start's day). */
  readonly group: Int32Array;
  readonly start: Float64Array;
  /** start + duration + buffer. */
  readonly busy: Float64Array;
  /** Requests and groups in the component. */
  readonly requests: number;
  readonly groups: number;
}

/**
 * Upper bound on how many of the calls `ids` (candidate ids sorted by group, then busy end) can be scheduled
 * together, one per request, with group `g` holding at most `room[g]` of them.
 *
 * @example tickBound(table, Int32Array.of(0, 1), Int32Array.of(1)) // 1 when calls 0 and 1 share a one-call day
 */
export function tickBound(table: CallTable, ids: Int32Array, count: number, room: Int32Array): number {
  if (count === 0) return 0;
  const tickOf = new Int32Array(count);
  const tickGroup: number[] = [];
  let group = -1;
  let tick = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < count; k++) {
    const id = ids[k] as number;
    const g = table.group[id] as number;
    if (g !== group || (table.start[id] as number) >= tick) {
      group = g;
      tick = table.busy[id] as number;
      tickGroup.push(g);
    }
    tickOf[k] = tickGroup.length - 1;
  }
  const ticks = tickGroup.length;
  const R0 = 2;
  const T0 = R0 + table.requests;
  const G0 = T0 + ticks;
  const net = flowNet(G0 + table.groups);
  const seenReq = new Uint8Array(table.requests);
  const seenGroup = new Uint8Array(table.groups);
  for (let k = 0; k < count; k++) {
    const r = table.req[ids[k] as number] as number;
    if (!seenReq[r]) {
      seenReq[r] = 1;
      addEdge(net, 0, R0 + r, 1);
    }
    addEdge(net, R0 + r, T0 + (tickOf[k] as number), 1);
  }
  for (let t = 0; t < ticks; t++) {
    const g = tickGroup[t] as number;
    addEdge(net, T0 + t, G0 + g, 1);
    if (!seenGroup[g]) {
      seenGroup[g] = 1;
      addEdge(net, G0 + g, 1, room[g] as number);
    }
  }
  return maxFlow(net, 0, 1);
}
