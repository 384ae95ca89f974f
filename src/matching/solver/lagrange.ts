/**
 * A stronger bound and a primal heuristic for one component: Lagrangian relaxation of "each request at most
 * once". With a multiplier `lambda[j]` per request, the problem splits into one independent problem per coach-day
 * group: the heaviest set of pairwise compatible calls (busy spans disjoint) of at most `room` calls, with weights
 * `w - lambda[j]`, solved exactly by a weighted-interval-scheduling DP with a count dimension. For any
 * `lambda >= 0`, `sum(lambda) + sum of group optima` bounds the weighted value; subgradient steps (Polyak's rule
 * towards the incumbent) lower it. The bound is at least as strong as the linear relaxation over the groups'
 * integer hulls. Each step's selection, with duplicate requests dropped, is also a feasible schedule.
 *
 * @module
 */
import type { ComponentTable } from './component.js';

/** Per-group call lists sorted by busy end, with each call's last compatible predecessor in its group. */
export interface Groups {
  readonly off: Int32Array;
  readonly ids: Int32Array;
  /** For position q in `ids`, the number of calls of its group (from the group's start) that end by its start. */
  readonly pred: Int32Array;
  /**
   * The DP's work table, reused by every DP of this component (every cell read is written first, row 0 cleared);
   * grown when a group needs more. Owned by one component's computation, never shared between calls.
   */
  readonly scratch: { table: Float64Array };
}

/**
 * Groups the component's calls for the DP (once per component).
 *
 * @example groupsOf(table).off.length // table.groups + 1
 */
export function groupsOf(t: ComponentTable): Groups {
  const off = new Int32Array(t.groups + 1);
  for (const id of t.sorted)
    off[(t.group[id] as number) + 1] = (off[(t.group[id] as number) + 1] as number) + 1;
  for (let g = 0; g < t.groups; g++) off[g + 1] = (off[g + 1] as number) + (off[g] as number);
  // t.sorted is by group, then busy end: exactly this layout.
  const ids = t.sorted;
  const pred = new Int32Array(ids.length);
  for (let g = 0; g < t.groups; g++) {
    const lo = off[g] as number;
    const hi = off[g + 1] as number;
    for (let q = lo; q < hi; q++) {
      const s = t.start[ids[q] as number] as number;
      let a = lo;
      let b = q;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if ((t.busy[ids[mid] as number] as number) <= s) a = mid + 1;
        else b = mid;
      }
      pred[q] = a - lo;
    }
  }
  return { off, ids, pred, scratch: { table: new Float64Array(1024) } };
}

/** Best selection of one group under weights `w`; pushes the chosen ids, returns the value. */
function groupDp(gr: Groups, g: number, room: number, w: Float64Array, out: number[]): number {
  const lo = gr.off[g] as number;
  const m = (gr.off[g + 1] as number) - lo;
  const cap = Math.min(room, m);
  if (m === 0 || cap <= 0) return 0;
  const width = cap + 1;
  if (gr.scratch.table.length < (m + 1) * width) gr.scratch.table = new Float64Array(2 * (m + 1) * width);
  const f = gr.scratch.table;
  f.fill(0, 0, width);
  for (let i = 1; i <= m; i++) {
    const id = gr.ids[lo + i - 1] as number;
    const wi = w[id] as number;
    const p = gr.pred[lo + i - 1] as number;
    for (let k = 0; k <= cap; k++) {
      let v = f[(i - 1) * width + k] as number;
      if (k > 0 && wi > 0) v = Math.max(v, wi + (f[p * width + k - 1] as number));
      f[i * width + k] = v;
    }
  }
  let i = m;
  let k = cap;
  while (i > 0 && k > 0) {
    if (f[i * width + k] === f[(i - 1) * width + k]) i--;
    else {
      const q = lo + i - 1;
      out.push(gr.ids[q] as number);
      i = gr.pred[q] as number;
      k--;
    }
  }
  return f[m * width + cap] as number;
}

/** Drops duplicate requests and cross-group conflicts (busy spans over midnight), then fills greedily. */
function repairPick(t: ComponentTable, chosen: number[], sub: Subproblem): Int32Array {
  const pick = new Int32Array(t.requests).fill(-1);
  const room = sub.room ?? t.room;
  const byCoach: number[][] = Array.from({ length: t.coaches }, () => []);
  const used = new Int32Array(t.groups);
  const fits = (id: number) => {
    const g = t.group[id] as number;
    if ((used[g] as number) >= (room[g] as number)) return false;
    for (const o of byCoach[t.coachLocal[id] as number] as number[])
      if ((t.start[o] as number) < (t.busy[id] as number) && (t.start[id] as number) < (t.busy[o] as number))
        return false;
    return true;
  };
  const take = (id: number) => {
    pick[t.req[id] as number] = id;
    (byCoach[t.coachLocal[id] as number] as number[]).push(id);
    used[t.group[id] as number] = (used[t.group[id] as number] as number) + 1;
  };
  chosen.sort((a, b) => (t.onTime[b] as number) - (t.onTime[a] as number) || a - b);
  for (const id of chosen) if ((pick[t.req[id] as number] as number) < 0 && fits(id)) take(id);
  for (let j = 0; j < t.requests; j++) {
    if ((pick[j] as number) >= 0 || (sub.openRequest && !sub.openRequest[j])) continue;
    for (let id = t.candOff[j] as number; id < (t.candOff[j + 1] as number); id++)
      if ((!sub.open || sub.open[id]) && fits(id) && (t.onTime[id] || (pick[j] as number) < 0)) {
        take(id);
        break;
      }
  }
  return pick;
}

/** A restriction of the component, for nodes of the branch and bound (all fields optional: the whole of it). */
export interface Subproblem {
  readonly groups?: Groups;
  /** Multipliers to start from; updated in place. */
  readonly lambda?: Float64Array;
  /** Calls each group may still take. */
  readonly room?: Int32Array;
  /** Calls still possible (1) per candidate id (compatible with the calls already fixed); omitted: all. */
  readonly open?: Uint8Array;
  /** Requests still undecided (1); only their multipliers count and move. */
  readonly openRequest?: Uint8Array;
}

/** Result of {@link lagrangeBound}. */
export interface LagrangeResult {
  /** Upper bound on the weighted value `sum of w` over any feasible selection. */
  readonly bound: number;
  /** Best feasible pick met on the way, and its weighted value. */
  readonly pick: Int32Array;
  readonly value: number;
}

/**
 * Subgradient descent on the Lagrangian dual, `iterations` steps at most, stopping once the bound is within
 * `stopBelow` (an integer objective then is proven).
 *
 * @param w - weight of each call (candidate id); the objective is the sum over chosen calls.
 * @param incumbent - weighted value of the best known feasible pick (steers the step size).
 * @example lagrangeBound(table, weights, 200, 41).bound // >= every feasible weighted value
 */
export function lagrangeBound(
  t: ComponentTable,
  w: Float64Array,
  iterations: number,
  incumbent: number,
  sub: Subproblem = {},
): LagrangeResult {
  const gr = sub.groups ?? groupsOf(t);
  const lambda = sub.lambda ?? new Float64Array(t.requests);
  const room = sub.room ?? t.room;
  const { open } = sub;
  const reduced = new Float64Array(w.length);
  const count = new Int32Array(t.requests);
  let bound = Number.POSITIVE_INFINITY;
  let best: { pick: Int32Array; value: number } = {
    pick: new Int32Array(t.requests).fill(-1),
    value: Number.NEGATIVE_INFINITY,
  };
  let theta = 2;
  let stale = 0;
  const chosen: number[] = [];
  for (let it = 0; it < iterations; it++) {
    for (let id = 0; id < w.length; id++)
      reduced[id] = open && !open[id] ? 0 : (w[id] as number) - (lambda[t.req[id] as number] as number);
    chosen.length = 0;
    let value = 0;
    for (let j = 0; j < t.requests; j++)
      if (!sub.openRequest || sub.openRequest[j]) value += lambda[j] as number;
    for (let g = 0; g < t.groups; g++) value += groupDp(gr, g, room[g] as number, reduced, chosen);
    const improved = value < bound - 1e-9;
    if (improved) {
      bound = value;
      stale = 0;
    } else if (++stale >= 20) {
      theta /= 2;
      stale = 0;
    }
    // At the root the selections of the steps that lower the bound (and every 8th) are rounded; at the nodes of the
    // search (open given) only the last one, for speed.
    if ((!open && (improved || it % 8 === 0)) || it === iterations - 1) {
      const pick = repairPick(t, chosen.slice(), sub);
      let pv = 0;
      for (const id of pick) if (id >= 0) pv += w[id] as number;
      if (pv > best.value) best = { pick, value: pv };
    }
    const target = Math.max(incumbent, best.value);
    if (Math.floor(bound + 1e-7) <= target || theta < 1e-3) break;
    count.fill(0);
    for (const id of chosen) count[t.req[id] as number] = (count[t.req[id] as number] as number) + 1;
    let norm = 0;
    for (let j = 0; j < t.requests; j++) {
      if (sub.openRequest && !sub.openRequest[j]) continue;
      const gj = 1 - (count[j] as number);
      // Projected: a zero multiplier cannot go down.
      if (gj < 0 || (lambda[j] as number) > 0) norm += gj * gj;
    }
    if (norm === 0) break;
    // Polyak's step towards the incumbent itself: aiming at incumbent + 1 would stall just above it, where the
    // floor of the bound still misses the proof (a dual optimum of 17.5 over an incumbent of 17).
    const step = (theta * Math.max(value - target, 0.5)) / norm;
    for (let j = 0; j < t.requests; j++)
      if (!sub.openRequest || sub.openRequest[j])
        lambda[j] = Math.max(0, (lambda[j] as number) - step * (1 - (count[j] as number)));
  }
  return { bound, pick: best.pick, value: best.value };
}
