/**
 * One independent component, in the local, flat form the branch and bound works on.
 *
 * @module
 */
import type { CallTable } from './bound.js';
import type { CandidateSet } from './candidates.js';
import type { SolverContext } from './context.js';

/** A component's requests and candidate calls, indexed locally. */
export interface ComponentTable extends CallTable {
  /** Global index of each local request. */
  readonly global: Int32Array;
  /** Local candidates of local request `j`: `candOff[j] .. candOff[j + 1]`, by start then coach. */
  readonly candOff: Int32Array;
  /** Global coach, local coach, and on-time flag of each call. */
  readonly coach: Int32Array;
  readonly coachLocal: Int32Array;
  readonly onTime: Uint8Array;
  readonly coaches: number;
  /** Calls each group may still take (daily cap minus bookings). */
  readonly room: Int32Array;
  /** Every candidate id, sorted by group, then busy end, then start (the bound's order). */
  readonly sorted: Int32Array;
}

/**
 * Builds the local table of the component made of the global requests `requests`.
 *
 * @example componentTable(ctx, cands, Int32Array.of(2, 5)).requests // 2
 */
export function componentTable(
  ctx: SolverContext,
  cands: CandidateSet,
  requests: Int32Array,
): ComponentTable {
  const { problem } = ctx;
  const groupOf = new Map<number, number>();
  const coachOf = new Map<number, number>();
  const candOff = new Int32Array(requests.length + 1);
  let total = 0;
  requests.forEach((r, j) => {
    total += (cands.candOff[r + 1] as number) - (cands.candOff[r] as number);
    candOff[j + 1] = total;
  });
  const req = new Int32Array(total);
  const group = new Int32Array(total);
  const start = new Float64Array(total);
  const busy = new Float64Array(total);
  const coach = new Int32Array(total);
  const coachLocal = new Int32Array(total);
  const onTime = new Uint8Array(total);
  const roomList: number[] = [];
  let id = 0;
  requests.forEach((r, j) => {
    const request = problem.requests[r];
    const span = (request?.duration ?? 0) + problem.buffer;
    for (let k = cands.candOff[r] as number; k < (cands.candOff[r + 1] as number); k++, id++) {
      const node = cands.node[k] as number;
      let g = groupOf.get(node);
      if (g === undefined) {
        g = groupOf.size;
        groupOf.set(node, g);
        roomList.push(problem.dailyCap - (ctx.bookedPerDay[node] as number));
      }
      const c = cands.coach[k] as number;
      let cl = coachOf.get(c);
      if (cl === undefined) {
        cl = coachOf.size;
        coachOf.set(c, cl);
      }
      const s = cands.start[k] as number;
      req[id] = j;
      group[id] = g;
      start[id] = s;
      busy[id] = s + span;
      coach[id] = c;
      coachLocal[id] = cl;
      onTime[id] = s < (request?.deadline ?? 0) ? 1 : 0;
    }
  });
  const sorted = Int32Array.from({ length: total }, (_, k) => k).sort(
    (a, b) =>
      (group[a] as number) - (group[b] as number) ||
      (busy[a] as number) - (busy[b] as number) ||
      (start[a] as number) - (start[b] as number) ||
      a - b,
  );
  return {
    global: requests,
    candOff,
    req,
    group,
    start,
    busy,
    coach,
    coachLocal,
    onTime,
    requests: requests.length,
    groups: groupOf.size,
    coaches: coachOf.size,
    room: Int32Array.from(roomList),
    sorted,
  };
}
