/**
 * The exact phase's input: every candidate call that bookings and caps allow (request x coach x start), and the
 * independent components they form. Two requests are linked when they have candidates on one coach-day node (the
 * local day of a call's start, and every later day its busy span `[start, end + buffer)` reaches): calls in
 * different components can neither overlap nor share a daily cap, so each component is solved on its own.
 *
 * @module
 */
import type { SolverContext } from './context.js';
import { dayNode } from './context.js';
import { forEachFreeCoach } from './free-coaches.js';
import { clearOfBooked } from './search.js';

/** All candidate calls, grouped by request: `cand*[candOff[r] .. candOff[r + 1]]`, by start then coach. */
export interface CandidateSet {
  readonly candOff: Int32Array;
  readonly coach: Int32Array;
  readonly start: Float64Array;
  /** Day node of the start. */
  readonly node: Int32Array;
}

/**
 * Candidate calls allowed by bookings and caps alone, or null when there are more than `limit`.
 *
 * @example listCandidates(ctx, Int32Array.of(0, 1), 200_000)?.candOff // Int32Array [0, 4, 9, ...]
 */
export function listCandidates(ctx: SolverContext, requests: Int32Array, limit: number): CandidateSet | null {
  const { problem } = ctx;
  const candOff = new Int32Array(problem.requests.length + 1);
  const coach: number[] = [];
  const start: number[] = [];
  const node: number[] = [];
  const wanted = new Uint8Array(problem.requests.length);
  for (const r of requests) wanted[r] = 1;
  const found: number[] = [];
  for (let r = 0; r < problem.requests.length; r++) {
    const duration = problem.requests[r]?.duration ?? 0;
    const hi = wanted[r] ? (ctx.startOff[r + 1] as number) : 0;
    for (let k = ctx.startOff[r] as number; k < hi; k++) {
      const i = ctx.startIdx[k] as number;
      const g = problem.grid[i] as number;
      found.length = 0;
      forEachFreeCoach(ctx, r, i, (c) => {
        const booked = problem.coaches[c]?.booked as Float64Array;
        if (!clearOfBooked(booked, g, g + duration, problem.buffer)) return false;
        const n = dayNode(ctx, c, g);
        if ((ctx.bookedPerDay[n] as number) < problem.dailyCap) found.push(c);
        return false;
      });
      found.sort((a, b) => a - b);
      for (const c of found) {
        coach.push(c);
        start.push(g);
        node.push(dayNode(ctx, c, g));
      }
      if (coach.length > limit) return null;
    }
    candOff[r + 1] = coach.length;
  }
  return {
    candOff,
    coach: Int32Array.from(coach),
    start: Float64Array.from(start),
    node: Int32Array.from(node),
  };
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    const up = parent[parent[x] as number] as number;
    parent[x] = up; // path halving
    x = up;
  }
  return x;
}

/**
 * Splits the requests that have candidates into independent components (union-find over requests and day nodes).
 * Components are listed by their smallest request index; requests inside ascending.
 *
 * @example components(ctx, cands) // [Int32Array [0, 3], Int32Array [1, 2]]
 */
export function components(ctx: SolverContext, cands: CandidateSet): Int32Array[] {
  const { problem } = ctx;
  const nr = problem.requests.length;
  const parent = Int32Array.from(
    { length: nr + (ctx.dayBase[problem.coaches.length] as number) },
    (_, i) => i,
  );
  const union = (a: number, b: number) => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < nr; r++) {
    const busy = (problem.requests[r]?.duration ?? 0) + problem.buffer;
    for (let k = cands.candOff[r] as number; k < (cands.candOff[r + 1] as number); k++) {
      const c = cands.coach[k] as number;
      const base = ctx.dayBase[c] as number;
      const days = problem.coaches[c]?.dayStarts as Float64Array;
      const busyUntil = (cands.start[k] as number) + busy;
      // The start's day, then every later day that begins inside the busy span.
      let n = cands.node[k] as number;
      union(r, nr + n);
      while (n + 1 < (ctx.dayBase[c + 1] as number) && (days[n + 1 - base] as number) < busyUntil)
        union(r, nr + ++n);
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let r = 0; r < nr; r++) {
    if (cands.candOff[r] === cands.candOff[r + 1]) continue;
    const root = find(parent, r);
    const list = byRoot.get(root);
    if (list) list.push(r);
    else byRoot.set(root, [r]);
  }
  return [...byRoot.values()]
    .sort((a, b) => (a[0] as number) - (b[0] as number))
    .map((l) => Int32Array.from(l));
}
