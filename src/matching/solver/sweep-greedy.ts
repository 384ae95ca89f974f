/**
 * A second primal heuristic for a component, chronological: walk the candidate calls by start time and, wherever
 * a coach can still take a call, give it to the most urgent request that fits there (on time first, then the one
 * whose last possible start comes soonest). It packs each coach's free time from its beginning, which suits
 * demand above supply, where the earliest-call greedy leaves holes.
 *
 * @module
 */
import type { ComponentTable } from './component.js';

/**
 * A feasible pick (candidate id per local request, -1 unplaced) built chronologically.
 *
 * @example sweepPick(table).length // table.requests
 */
export function sweepPick(t: ComponentTable): Int32Array {
  const n = t.requests;
  const total = t.sorted.length;
  const lastStart = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const lastOnTime = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (let id = 0; id < total; id++) {
    const j = t.req[id] as number;
    lastStart[j] = Math.max(lastStart[j] as number, t.start[id] as number);
    if (t.onTime[id]) lastOnTime[j] = Math.max(lastOnTime[j] as number, t.start[id] as number);
  }
  // By start, then coach, then request: calls competing for one (coach, start) are adjacent.
  const order = Int32Array.from({ length: total }, (_, k) => k).sort(
    (a, b) =>
      (t.start[a] as number) - (t.start[b] as number) ||
      (t.coach[a] as number) - (t.coach[b] as number) ||
      a - b,
  );
  const pick = new Int32Array(n).fill(-1);
  const busyUntil = new Float64Array(t.coaches).fill(Number.NEGATIVE_INFINITY);
  const used = new Int32Array(t.groups);
  let k = 0;
  while (k < total) {
    const first = order[k] as number;
    let end = k;
    while (
      end < total &&
      t.start[order[end] as number] === t.start[first] &&
      t.coach[order[end] as number] === t.coach[first]
    )
      end++;
    const cl = t.coachLocal[first] as number;
    const g = t.group[first] as number;
    if (
      (t.start[first] as number) >= (busyUntil[cl] as number) &&
      (used[g] as number) < (t.room[g] as number)
    ) {
      let best = -1;
      for (let q = k; q < end; q++) {
        const id = order[q] as number;
        const j = t.req[id] as number;
        if ((pick[j] as number) >= 0) continue;
        if (best < 0 || urgency(t, id, lastStart, lastOnTime) < urgency(t, best, lastStart, lastOnTime))
          best = id;
      }
      if (best >= 0) {
        pick[t.req[best] as number] = best;
        busyUntil[cl] = t.busy[best] as number;
        used[g] = (used[g] as number) + 1;
      }
    }
    k = end;
  }
  return pick;
}

/** Lower is more urgent: an on-time call of a request that cannot wait, before anything late. */
function urgency(t: ComponentTable, id: number, lastStart: Float64Array, lastOnTime: Float64Array): number {
  const j = t.req[id] as number;
  return t.onTime[id] ? (lastOnTime[j] as number) - 1e15 : (lastStart[j] as number);
}
