/**
 * Filling again the hand-off blocks that change hands inside, after the chains. A block in which coaches come and go
 * between two hand-off times (availability edges inside it) has no one holder per layer, so the layer trades and the
 * chains, which move whole blocks, pass it by; on a team whose windows start at 18:30 or end at 13:30 that is where
 * a coach far above their share can be relieved.
 *
 * Each such block with at most {@link MAX_COACHES} coaches free in it is filled again by the rota's own hand-off rule
 * under every order of preference of those coaches: at the block's start the layers go, in order, to the free
 * coaches in that order (each layer to the first with its skills); a holder who is still free keeps their layer; a
 * layer whose holder leaves, or an empty one, goes to the first free coach holding none; when there is none, the
 * holder of the lowest layer held moves up, if nobody could take the layer they leave. The fill that lowers the deviations
 * most, in the chains' order (`compareDeviations`: each coach's excess over one hand-off block in the first line,
 * the total, the next layers, the weighted total, then the deviations themselves), replaces the block's, if it
 * keeps the block's coverage, the skills, the weekly caps, the longest stretch, the minimum rest and creates no shift
 * shorter than the minimum. A block with an override, with any shift of the previous rota, with a hand-off inside
 * it that no availability edge explains (a cap, a stretch or a rest), or near a span left empty for want of cap,
 * rest, stretch or skills is left alone, as by the chains.
 *
 * @module
 */
import {
  containsInterval,
  difference,
  type IntervalSet,
  normalize,
  overlaps,
  totalLength,
  union,
} from '../time/intervals.js';
import type { IndexedRun } from './assign-state.js';
import {
  blockLengths,
  type ChainBalance,
  coachLoads,
  compareDeviations,
  levelOrder,
  movableBlocks,
} from './balance-chains.js';
import { mergeRuns } from './balance-layers.js';
import { blockWeeks, holdsRestAndStretch } from './balance-windows.js';

const NONE = -1;
/** Coaches free in a block, at most, for it to be filled again: every order of them is tried (4! = 24). */
export const MAX_COACHES = 4;
/** Passes over the blocks, at most. */
const PASSES = 2;
/** Deviations closer than this (ms) are equal. */
const EPS = 1;

/** One block being filled again: its pieces between edges, who is free in each, who holds each layer there. */
interface BlockFill {
  readonly start: number;
  readonly end: number;
  /** The pieces' bounds: `[start, …edges inside…, end]`. */
  readonly cuts: readonly number[];
  /** The coaches free at some time of the block (at most {@link MAX_COACHES}). */
  readonly coaches: readonly number[];
  /** `free[p * n + i]`: coach `coaches[i]` is free throughout piece p. */
  readonly free: Uint8Array;
  /** `held[p * L + l]`: the index in `coaches` of the holder of layer l in piece p, or NONE. */
  readonly held: Int32Array;
}

/**
 * Fills again the blocks that change hands inside (see the module notes). Deterministic: blocks in time order, orders
 * of preference in lexicographic order of coach index, the first of equally good fills kept; at most two passes.
 * Returns the new runs, sorted by start then layer (the input itself when nothing changes).
 *
 * @param runs - the rota's runs, sorted by start then layer.
 * @example refillBlocks(runs, 2, chainBalance) // the same inputs as balanceChains
 */
export function refillBlocks(
  runs: readonly IndexedRun[],
  layerCount: number,
  w: ChainBalance,
): readonly IndexedRun[] {
  const { bounds } = w;
  const C = w.free.length;
  const B = bounds.length - 1;
  const W = w.weeks.length - 1;
  if (B < 1 || runs.length === 0 || C < 2) return runs;
  const L = layerCount;
  const byLayer = Array.from({ length: L }, (_, l) =>
    runs.filter((r) => r.layer === l).map((r) => ({ ...r })),
  );
  const { movable, cappedWeek } = movableBlocks(w);
  const weekOf = blockWeeks(bounds, w.weeks);
  const previous = normalize(w.previous.flatMap((p) => [p.start, p.end]));
  const { dev, weekHours, overridden, onCall } = coachLoads(runs, L, w);
  const s: RefillState = {
    byLayer,
    dev,
    weekHours,
    overridden,
    onCall,
    W,
    order: levelOrder(L),
    block: blockLengths(bounds, movable).block,
    scratch: [[], []],
  };
  const touching = coachesTouching(w.free, bounds);
  // A block is looked at again only if one of its coaches changed since: `changedAt` by coach, `seenAt` by block.
  const changedAt = new Int32Array(C);
  const seenAt = new Int32Array(B).fill(NONE);
  let step = 0;
  let changed = false;
  for (let pass = 0, again = true; pass < PASSES && again; pass++) {
    again = false;
    for (let k = 0; k < B; k++) {
      const coaches = touching[k];
      const wk = weekOf[k]!;
      if (coaches === undefined || movable[k] !== 1 || wk === NONE || cappedWeek[wk] === 1) continue;
      if (seenAt[k] !== NONE && coaches.every((c) => changedAt[c]! < seenAt[k]!)) continue;
      seenAt[k] = ++step;
      if (overlaps(previous, bounds[k]!, bounds[k + 1]!)) continue;
      const fill = currentFill(byLayer, w.free, coaches, bounds[k]!, bounds[k + 1]!);
      if (fill === undefined) continue;
      const best = bestFill(fill, L, w, s, wk);
      if (best === undefined) continue;
      makeFill(fill, best, L, s, wk);
      for (const c of coaches) changedAt[c] = ++step;
      again = changed = true;
    }
  }
  if (!changed) return runs;
  return byLayer.flat().sort((x, y) => x.start - y.start || x.layer - y.layer);
}

/**
 * Per block, the coaches free at some time of it, in index order, where they are 2 to {@link MAX_COACHES} and at
 * least one of them is free for part of it only (an edge inside); undefined elsewhere. A cursor per coach: free
 * intervals come in time order.
 */
function coachesTouching(free: readonly IntervalSet[], bounds: readonly number[]): (number[] | undefined)[] {
  const B = bounds.length - 1;
  const count = new Int32Array(B);
  const inside = new Uint8Array(B);
  const each = (visit: (k: number, c: number) => void) => {
    free.forEach((set, c) => {
      for (let i = 0, k = 0; i < set.length; i += 2) {
        const [s, e] = [set[i]!, set[i + 1]!];
        while (k < B && bounds[k + 1]! <= s) k++;
        for (let j = k; j < B && bounds[j]! < e; j++) {
          if (s > bounds[j]! || e < bounds[j + 1]!) inside[j] = 1;
          visit(j, c);
        }
      }
    });
  };
  // A coach free twice in one block counts once: the last coach seen per block.
  const last = new Int32Array(B).fill(NONE);
  each((k, c) => {
    if (last[k] !== c) count[k]!++;
    last[k] = c;
  });
  const out: (number[] | undefined)[] = new Array(B);
  last.fill(NONE);
  each((k, c) => {
    if (count[k]! < 2 || count[k]! > MAX_COACHES || inside[k] === 0 || last[k] === c) return;
    last[k] = c;
    const list = out[k] ?? [];
    list.push(c);
    out[k] = list;
  });
  return out;
}

/** Index of the first run of `own` (sorted, not overlapping) that ends after `t`. */
function firstEndingAfter(own: readonly IndexedRun[], t: number): number {
  let [lo, hi] = [0, own.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (own[mid]!.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The block `[start, end)` as it is filled now, or undefined where it is not the walk's to refill: an override in
 * it, a holder not among `coaches`, a hand-off inside it at no availability edge, or a layer held below an empty one
 * or left empty while a free coach holds none.
 */
function currentFill(
  byLayer: readonly IndexedRun[][],
  free: readonly IntervalSet[],
  coaches: readonly number[],
  start: number,
  end: number,
): BlockFill | undefined {
  const L = byLayer.length;
  const n = coaches.length;
  const edges = new Set<number>();
  for (const c of coaches) {
    const set = free[c]!;
    for (let i = firstAfter(set, start); i < set.length && set[i]! < end; i++) edges.add(set[i]!);
  }
  const cuts = [start, ...[...edges].sort((a, b) => a - b), end];
  const P = cuts.length - 1;
  const isFree = new Uint8Array(P * n);
  for (let p = 0; p < P; p++) {
    coaches.forEach((c, i) => {
      isFree[p * n + i] = containsInterval(free[c]!, cuts[p]!, cuts[p + 1]!) ? 1 : 0;
    });
  }
  const held = new Int32Array(P * L).fill(NONE);
  for (let l = 0; l < L; l++) {
    const own = byLayer[l]!;
    for (let j = firstEndingAfter(own, start); j < own.length && own[j]!.start < end; j++) {
      const r = own[j]!;
      const i = coaches.indexOf(r.coach);
      if (r.override || i === NONE) return undefined;
      if ((r.start > start && !edges.has(r.start)) || (r.end < end && !edges.has(r.end))) return undefined;
      for (let p = 0; p < P; p++) if (cuts[p]! >= r.start && cuts[p + 1]! <= r.end) held[p * L + l] = i;
    }
  }
  for (let p = 0; p < P; p++) {
    let freeCount = 0;
    for (let i = 0; i < n; i++) freeCount += isFree[p * n + i]!;
    for (let l = 0; l < L; l++)
      if ((held[p * L + l] !== NONE) !== l < Math.min(freeCount, L)) return undefined;
  }
  return { start, end, cuts, coaches, free: isFree, held };
}

/** Index of the first edge of `set` (sorted) strictly after `t`, or its length. */
function firstAfter(set: IntervalSet, t: number): number {
  let [lo, hi] = [0, set.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (set[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every order of `0..n-1`, in lexicographic order. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1)
    .flatMap((rest) => Array.from({ length: n }, (_, at) => [...rest.slice(0, at), n - 1, ...rest.slice(at)]))
    .sort((x, y) => {
      for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return 0;
    });
}
const ORDERS = Array.from({ length: MAX_COACHES + 1 }, (_, n) => permutations(n));

/**
 * The block filled by the hand-off rule under one order of preference (`rank`: indexes in `fill.coaches`), as
 * `held` (see {@link BlockFill}), or undefined where it leaves a layer empty that the block fills now.
 */
function fillInOrder(
  fill: BlockFill,
  rank: readonly number[],
  L: number,
  skilled: (c: number, l: number) => boolean,
): Int32Array | undefined {
  const n = fill.coaches.length;
  const P = fill.cuts.length - 1;
  const held = new Int32Array(P * L).fill(NONE);
  const holding = new Int32Array(n);
  const takes = (p: number, l: number, i: number) =>
    fill.free[p * n + i] === 1 && holding[i] === NONE && skilled(fill.coaches[i]!, l);
  for (let p = 0; p < P; p++) {
    holding.fill(NONE);
    // Holders still free keep their layer.
    for (let l = 0; l < L && p > 0; l++) {
      const i = held[(p - 1) * L + l]!;
      if (i !== NONE && fill.free[p * n + i] === 1) {
        held[p * L + l] = i;
        holding[i] = l;
      }
    }
    for (let l = 0; l < L; l++) {
      if (held[p * L + l] !== NONE) continue;
      const i = rank.find((x) => takes(p, l, x));
      if (i !== undefined) {
        held[p * L + l] = i;
        holding[i] = l;
        continue;
      }
      // Nobody holding none can take it: the holder of the lowest layer held moves up, if nobody could take theirs
      // (so the layer left behind stays empty, and no other holder leaves theirs for it).
      for (let m = L - 1; m > l; m--) {
        const j = held[p * L + m]!;
        if (j === NONE || !skilled(fill.coaches[j]!, l) || rank.some((x) => takes(p, m, x))) continue;
        held[p * L + l] = j;
        held[p * L + m] = NONE;
        holding[j] = l;
        break;
      }
    }
    for (let l = 0; l < L; l++)
      if ((held[p * L + l] === NONE) !== (fill.held[p * L + l] === NONE)) return undefined;
  }
  return held;
}

/** Each coach's time in each layer over the block, `[i * L + l]`, ms, for a `held` of {@link BlockFill}'s shape. */
function timeByLayer(fill: BlockFill, held: Int32Array, L: number): Float64Array {
  const time = new Float64Array(fill.coaches.length * L);
  for (let p = 0; p + 1 < fill.cuts.length; p++) {
    for (let l = 0; l < L; l++) {
      const i = held[p * L + l]!;
      if (i !== NONE) time[i * L + l] = time[i * L + l]! + fill.cuts[p + 1]! - fill.cuts[p]!;
    }
  }
  return time;
}

/** What a pass keeps of the rota and updates as it refills blocks: by coach (and layer, and week), ms. */
interface RefillState {
  readonly byLayer: IndexedRun[][];
  readonly dev: Float64Array;
  readonly weekHours: Float64Array;
  readonly overridden: Uint8Array;
  readonly onCall: IntervalSet[];
  readonly W: number;
  readonly order: readonly number[];
  readonly block: number;
  readonly scratch: [number[], number[]];
}

/** A fill that keeps the hard constraints, ready to be made (see {@link makeFill}). */
interface Prepared {
  readonly time: Float64Array;
  readonly now: Float64Array;
  readonly gain: Float64Array;
  readonly sets: readonly (IntervalSet | undefined)[];
  readonly spliced: readonly { at: number; removed: IndexedRun[]; runs: IndexedRun[] }[];
}

/**
 * The best fill of the block under every order of preference of its coaches that keeps the hard constraints, when
 * it is better than the block's own (see the module notes), else undefined. Orders giving a fill already seen are
 * skipped.
 */
function bestFill(
  fill: BlockFill,
  L: number,
  w: ChainBalance,
  s: RefillState,
  wk: number,
): Prepared | undefined {
  const n = fill.coaches.length;
  const now = timeByLayer(fill, fill.held, L);
  const before = new Float64Array(n * L);
  fill.coaches.forEach((coach, i) => {
    for (let l = 0; l < L; l++) before[i * L + l] = s.dev[coach * L + l]!;
  });
  const seen: Int32Array[] = [fill.held];
  let best: { prepared: Prepared; after: Float64Array } | undefined;
  const after = new Float64Array(n * L);
  for (const rank of ORDERS[n]!) {
    const held = fillInOrder(fill, rank, L, w.skilled);
    if (held === undefined || seen.some((x) => sameFill(x, held))) continue;
    seen.push(held);
    const time = timeByLayer(fill, held, L);
    for (let x = 0; x < n * L; x++) after[x] = before[x]! + time[x]! - now[x]!;
    const against = best?.after ?? before;
    if (compareDeviations(against, after, n, L, s.order, s.block, w.layerWeights, ...s.scratch) >= 0)
      continue;
    const prepared = prepareFill(fill, held, L, w, s, wk);
    if (prepared !== undefined) best = { prepared: { ...prepared, time, now }, after: after.slice() };
  }
  return best?.prepared;
}

/** Two fills of one block hold the same coaches in the same layers everywhere. */
function sameFill(x: Int32Array, y: Int32Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * The fill `held` of the block, ready to be made, if every coach whose time on call it changes keeps their longest
 * stretch, minimum rest and weekly cap (with no override that week where they gain time, and no week at its cap
 * changed), no edge elsewhere loses its reason, and no new shift is shorter than the minimum; else undefined.
 */
function prepareFill(
  fill: BlockFill,
  held: Int32Array,
  L: number,
  w: ChainBalance,
  s: RefillState,
  wk: number,
): Omit<Prepared, 'time' | 'now'> | undefined {
  const n = fill.coaches.length;
  const P = fill.cuts.length - 1;
  const spans = (h: Int32Array, i: number) => {
    const out: number[] = [];
    for (let p = 0; p < P; p++) {
      for (let l = 0; l < L; l++) if (h[p * L + l] === i) out.push(fill.cuts[p]!, fill.cuts[p + 1]!);
    }
    return normalize(out);
  };
  const sets: (IntervalSet | undefined)[] = new Array(n);
  const gain = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = fill.coaches[i]!;
    const [was, will] = [spans(fill.held, i), spans(held, i)];
    if (was.length === will.length && was.every((t, x) => t === will[x])) continue;
    const set = union(difference(s.onCall[c]!, Float64Array.of(fill.start, fill.end)), will);
    if (!holdsRestAndStretch(s.onCall[c]!, w.maxStretchMs, w.minRestMs)) return undefined;
    if (!holdsRestAndStretch(set, w.maxStretchMs, w.minRestMs)) return undefined;
    if (orphansLimit(s.onCall[c]!, set, w, (t) => s.byLayer.some((own) => isRunEdge(own, t))))
      return undefined;
    gain[i] = totalLength(will) - totalLength(was);
    const week = s.weekHours[c * s.W + wk]!;
    // A week at its cap explains where the coach stopped; a week over it is not allowed.
    if (gain[i] !== 0 && week >= w.capMs[c]! - EPS) return undefined;
    if (gain[i]! > 0) {
      if (s.overridden[c * s.W + wk] === 1) return undefined;
      if (week + gain[i]! > w.capMs[c]! + EPS) return undefined;
    }
    sets[i] = set;
  }
  const spliced = Array.from({ length: L }, (_, l) => spliceLayer(s.byLayer[l]!, fill, held, l));
  for (const x of spliced) {
    for (const r of x.runs) {
      if (r.end - r.start >= w.minShiftMs) continue;
      if (!x.removed.some((o) => o.coach === r.coach && o.start === r.start && o.end === r.end))
        return undefined;
    }
  }
  return { gain, sets, spliced };
}

/** Makes a prepared fill: the runs, deviations, weekly hours and time on call of its coaches. */
function makeFill(fill: BlockFill, f: Prepared, L: number, s: RefillState, wk: number): void {
  f.spliced.forEach((x, l) => {
    s.byLayer[l]!.splice(x.at, x.removed.length, ...x.runs);
  });
  fill.coaches.forEach((c, i) => {
    for (let l = 0; l < L; l++) s.dev[c * L + l] = s.dev[c * L + l]! + f.time[i * L + l]! - f.now[i * L + l]!;
    s.weekHours[c * s.W + wk] = s.weekHours[c * s.W + wk]! + f.gain[i]!;
    if (f.sets[i] !== undefined) s.onCall[c] = f.sets[i]!;
  });
}

/**
 * Whether changing a coach's time on call from `was` to `will` takes away the reason for a shift's edge elsewhere:
 * an edge where a stretch of `was` reached its longest, or where a rest after it was complete, at an instant the
 * new stretches no longer explain (`isEdge(t)`: some shift starts or ends at t).
 */
function orphansLimit(
  was: IntervalSet,
  will: IntervalSet,
  w: ChainBalance,
  isEdge: (t: number) => boolean,
): boolean {
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (let i = 0; i < will.length; i += 2) {
    starts.add(will[i]!);
    ends.add(will[i + 1]!);
  }
  for (let i = 0; i < was.length; i += 2) {
    const [start, end] = [was[i]!, was[i + 1]!];
    if (!starts.has(start) && Number.isFinite(w.maxStretchMs) && isEdge(start + w.maxStretchMs)) return true;
    if (!ends.has(end) && w.minRestMs > 0 && isEdge(end + w.minRestMs)) return true;
  }
  return false;
}

/** Some run of `own` (sorted, not overlapping) starts or ends at `t`. */
function isRunEdge(own: readonly IndexedRun[], t: number): boolean {
  // The first run ending at t or after (instants are whole ms) is the only one that can start or end at t.
  const j = firstEndingAfter(own, t - 1);
  return j < own.length && (own[j]!.start === t || own[j]!.end === t);
}

/**
 * Layer l's runs with the block replaced by the fill `held`, as a splice: from index `at`, the `removed` runs give
 * way to `runs` (the pieces before and after the block of the runs it cuts, the fill's pieces, merged).
 */
function spliceLayer(
  own: readonly IndexedRun[],
  fill: BlockFill,
  held: Int32Array,
  l: number,
): { at: number; removed: IndexedRun[]; runs: IndexedRun[] } {
  const L = held.length / (fill.cuts.length - 1);
  // The runs meeting the block, and the ones touching it on either side (they may merge with its pieces).
  let at = firstEndingAfter(own, fill.start);
  if (at > 0 && own[at - 1]!.end === fill.start) at--;
  let to = at;
  while (to < own.length && own[to]!.start <= fill.end) to++;
  const removed = own.slice(at, to);
  const pieces: IndexedRun[] = [];
  for (const r of removed) if (r.start < fill.start) pieces.push({ ...r, end: Math.min(r.end, fill.start) });
  for (let p = 0; p + 1 < fill.cuts.length; p++) {
    const i = held[p * L + l]!;
    if (i === NONE) continue;
    const coach = fill.coaches[i]!;
    pieces.push({ layer: l, coach, start: fill.cuts[p]!, end: fill.cuts[p + 1]!, override: false });
  }
  for (const r of removed) if (r.end > fill.end) pieces.push({ ...r, start: Math.max(r.start, fill.end) });
  return { at, removed, runs: mergeRuns(pieces) };
}
