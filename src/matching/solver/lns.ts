/**
 * A primal improvement for one component: large-neighbourhood search with the exact branch and bound.
 *
 * A neighbourhood is a pair of coaches. Every call of those coaches is freed, together with every request left unplaced;
 * the other requests keep their calls. The freed requests are solved exactly (up to a node limit) on the freed
 * coaches' calls only, which is a small problem; a better value replaces the incumbent. Passes over all pairs, in
 * index order, repeat while one improves, up to a pass limit. Deterministic; the result is always feasible.
 *
 * @module
 */
import { branchAndBound, pickValue } from './branch.js';
import type { ComponentTable } from './component.js';

/** A restriction of a component table to some requests and calls, with the way back. */
interface Restricted {
  readonly table: ComponentTable;
  /** Local request of the restricted table -> request of the parent table. */
  readonly reqBack: Int32Array;
  /** Candidate id of the restricted table -> candidate id of the parent table. */
  readonly idBack: Int32Array;
}

/** The sub-table of the requests `keepReq` (1) and calls `keepCall` (1); groups and coaches renumbered. */
export function restrict(t: ComponentTable, keepReq: Uint8Array, keepCall: Uint8Array): Restricted {
  const reqBack: number[] = [];
  const idBack: number[] = [];
  const candOff: number[] = [0];
  for (let j = 0; j < t.requests; j++) {
    if (!keepReq[j]) continue;
    reqBack.push(j);
    for (let id = t.candOff[j] as number; id < (t.candOff[j + 1] as number); id++)
      if (keepCall[id]) idBack.push(id);
    candOff.push(idBack.length);
  }
  const newReq = new Int32Array(t.requests).fill(-1);
  reqBack.forEach((j, k) => {
    newReq[j] = k;
  });
  const newId = new Int32Array(t.req.length).fill(-1);
  idBack.forEach((id, k) => {
    newId[id] = k;
  });
  const groupMap = new Map<number, number>();
  const coachMap = new Map<number, number>();
  const room: number[] = [];
  const m = idBack.length;
  const req = new Int32Array(m);
  const group = new Int32Array(m);
  const coachLocal = new Int32Array(m);
  // Groups and coaches numbered in the parent's sorted order: the sub-table's `sorted` stays grouped.
  for (const id of t.sorted) {
    if ((newId[id] as number) < 0) continue;
    const g = t.group[id] as number;
    if (!groupMap.has(g)) {
      groupMap.set(g, groupMap.size);
      room.push(t.room[g] as number);
    }
    const c = t.coachLocal[id] as number;
    if (!coachMap.has(c)) coachMap.set(c, coachMap.size);
  }
  idBack.forEach((id, k) => {
    req[k] = newReq[t.req[id] as number] as number;
    group[k] = groupMap.get(t.group[id] as number) as number;
    coachLocal[k] = coachMap.get(t.coachLocal[id] as number) as number;
  });
  const sorted = Int32Array.from(
    t.sorted.filter((id) => (newId[id] as number) >= 0),
    (id) => newId[id] as number,
  );
  const table: ComponentTable = {
    global: Int32Array.from(reqBack, (j) => t.global[j] as number),
    candOff: Int32Array.from(candOff),
    req,
    group,
    start: Float64Array.from(idBack, (id) => t.start[id] as number),
    busy: Float64Array.from(idBack, (id) => t.busy[id] as number),
    coach: Int32Array.from(idBack, (id) => t.coach[id] as number),
    coachLocal,
    onTime: Uint8Array.from(idBack, (id) => t.onTime[id] as number),
    requests: reqBack.length,
    groups: groupMap.size,
    coaches: coachMap.size,
    room: Int32Array.from(room),
    sorted,
  };
  return { table, reqBack: Int32Array.from(reqBack), idBack: Int32Array.from(idBack) };
}

/**
 * Pairs of coaches (a < b, at `a * coaches + b`) whose re-solve may improve `pick`: a request left unplaced or late
 * has a better call on one of them, and a request placed on one has a call on the other, or the unplaced or late
 * request has calls on both.
 */
function usefulPairs(t: ComponentTable, pick: Int32Array): Uint8Array {
  const n = t.coaches;
  const linked = new Uint8Array(n * n);
  const wanted = new Uint8Array(n);
  const on = new Uint8Array(n);
  for (let j = 0; j < t.requests; j++) {
    const id = pick[j] as number;
    const late = id < 0 || !t.onTime[id];
    on.fill(0);
    for (let k = t.candOff[j] as number; k < (t.candOff[j + 1] as number); k++) {
      const c = t.coachLocal[k] as number;
      on[c] = 1;
      if (late && (id < 0 || t.onTime[k])) wanted[c] = 1;
    }
    const home = id < 0 ? -1 : (t.coachLocal[id] as number);
    for (let c = 0; c < n; c++) {
      if (!on[c]) continue;
      if (home >= 0) linked[Math.min(c, home) * n + Math.max(c, home)] = 1;
      if (late) for (let d = c + 1; d < n; d++) if (on[d]) linked[c * n + d] = 1;
    }
  }
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) if (!wanted[a] && !wanted[b]) linked[a * n + b] = 0;
  return linked;
}

/** Limits of {@link improveByNeighbourhoods}. */
export interface LnsLimits {
  /** Nodes of each neighbourhood's branch and bound. */
  readonly nodes: number;
  /** Neighbourhoods solved in all. */
  readonly neighbourhoods: number;
}

/**
 * Improves `pick` (candidate id per local request, -1 unplaced; feasible) in place by exact re-solves of pairs of
 * coaches, until its weighted value `onTime * (n + 1) + placed` reaches `target`, a pass improves nothing, or
 * the limits are spent. Returns the number of neighbourhoods solved.
 *
 * @example improveByNeighbourhoods(table, pick, bound, { nodes: 200, neighbourhoods: 100 })
 */
export function improveByNeighbourhoods(
  t: ComponentTable,
  pick: Int32Array,
  target: number,
  limits: LnsLimits,
): number {
  const scale = t.requests + 1;
  const value = () => {
    const [on, placed] = pickValue(t, pick);
    return on * scale + placed;
  };
  const keepReq = new Uint8Array(t.requests);
  const keepCall = new Uint8Array(t.req.length);
  let solved = 0;
  let improved = true;
  while (improved && value() < target) {
    improved = false;
    const useful = usefulPairs(t, pick);
    for (let a = 0; a < t.coaches; a++)
      for (let b = a + 1; b < t.coaches; b++) {
        if (solved >= limits.neighbourhoods || value() >= target) return solved;
        if (!useful[a * t.coaches + b]) continue;
        const freed = (c: number) => c === a || c === b;
        for (let j = 0; j < t.requests; j++) {
          const id = pick[j] as number;
          keepReq[j] = id < 0 || freed(t.coachLocal[id] as number) ? 1 : 0;
        }
        let any = false;
        for (let id = 0; id < keepCall.length; id++) {
          keepCall[id] = keepReq[t.req[id] as number] && freed(t.coachLocal[id] as number) ? 1 : 0;
          if (keepCall[id]) any = true;
        }
        if (!any) continue;
        const sub = restrict(t, keepReq, keepCall);
        const back = new Int32Array(t.req.length).fill(-1);
        sub.idBack.forEach((id, k) => {
          back[id] = k;
        });
        const start = Int32Array.from(sub.reqBack, (j) => {
          const id = pick[j] as number;
          return id < 0 ? -1 : (back[id] as number);
        });
        const [on0, pl0] = pickValue(sub.table, start);
        const res = branchAndBound(sub.table, start, limits.nodes);
        solved++;
        if (res.onTime < on0 || (res.onTime === on0 && res.placed <= pl0)) continue;
        sub.reqBack.forEach((j, k) => {
          const id = res.pick[k] as number;
          pick[j] = id < 0 ? -1 : (sub.idBack[id] as number);
        });
        improved = true;
      }
  }
  return solved;
}
