/**
 * Balancing each layer, and the total, along chains of hand-off blocks, after the layer trades: a coach above their
 * share hands a block to a coach who takes it, who hands another block on, and so on to a coach below their share,
 * so only the two ends change load (the classical augmenting path towards a b-matching's load vector). An arrow
 * a → b in hand-off block k, layer l: b takes layer l from a in k; b was off call then (b gains the block's time
 * and a loses it), or held layer m there, which a takes in exchange (a layer trade: the time on call is unchanged).
 *
 * A chain is made when it lowers, lexicographically, first each coach's excess over one hand-off block of
 * |hours − share| in the first line, then in the total (the pair: first line and total within a block),
 * then in each next layer and in the weighted total, then the same deviations themselves (each compared as a vector
 * sorted from the largest), and when every coach it touches stays
 * free, skilled, within their weekly cap, their longest stretch and their minimum rest. It never moves an override, a
 * block the previous rota fixes, a block shorter than the minimum shift, nor anything near a span left empty for want
 * of cap, rest or stretch or of skills (like the night and weekend swaps, so regenerating with this rota as `previous`
 * fills the same); it never changes a coach's hours in a week where a span is empty for want of cap, nor gives hours
 * to a coach in a week where an override may take them past it. Coverage is unchanged: every block keeps its
 * layers filled.
 *
 * @module
 */
import { difference, type IntervalSet, normalize, overlaps, union } from '../time/intervals.js';
import { HOUR } from '../time/types.js';
import type { IndexedRun } from './assign-state.js';
import {
  type BlockBalance,
  blockHolders,
  blockWeeks,
  holdsRestAndStretch,
  retileBlocks,
} from './balance-windows.js';

const NONE = -1;
/** Kinds of arrow a search follows: to a coach off call (NONE as a role), or any. */
const OFF = NONE;
const ANY = -2;
/**
 * The pass's bound, in units of work per rota: one per arrow examined, per coach on a tried chain (and per level for
 * each whose deviations it changes), per coach at the start of each search. Whatever the team, the pass stops there;
 * the small teams of the property tests never reach it.
 */
export const CHAIN_BUDGET = 100_000;
/** Chain ends tried per search, at most (the furthest below their share first). */
const SINKS = 16;
/** Deviations closer than this (ms) are equal: shares are fractional, loads whole milliseconds. */
const EPS = 1;

/** What the chains need to know besides the runs. Coaches and layers by index. */
export interface ChainBalance extends BlockBalance {
  /** Coach c's share of layers 0..l together, `[c * layerCount + l]`, ms. */
  readonly share: ArrayLike<number>;
  /** How much an hour of each layer counts in the weighted total. */
  readonly layerWeights: readonly number[];
  /** `skilled(c, l)`: coach c has the skills of layer l. */
  readonly skilled: (c: number, l: number) => boolean;
  /** Weekly cap per coach, ms (Infinity for none). */
  readonly capMs: readonly number[];
  readonly minShiftMs: number;
}

/**
 * Moves hand-off blocks along chains between coaches towards each layer's share, then the total's (see the module
 * notes). Deterministic: levels in order (first line, total, next layers, weighted total), for each one kind of
 * arrow at a time and then any mix, sources by deviation, breadth-first, ties by index; repeated while a chain is
 * made, at most {@link CHAIN_BUDGET} units of work in all. Returns the new runs, sorted by start then layer (the input
 * itself when nothing moves).
 *
 * @param runs - the rota's runs, sorted by start then layer.
 * @example balanceChains(runs, 2, { bounds, weeks, free, share, layerWeights: [1, 0.5], skilled, capMs,
 *   minRestMs: 0, maxStretchMs: Infinity, minShiftMs: 3_600_000, previous: [], unfilled })
 */
export function balanceChains(
  runs: readonly IndexedRun[],
  layerCount: number,
  w: ChainBalance,
): readonly IndexedRun[] {
  // No hand-off block, no run, or nobody to hand a block to.
  if (w.bounds.length < 2 || runs.length === 0 || w.free.length < 2) return runs;
  const s = chainState(runs, layerCount, w);
  let changed = false;
  for (let again = true; again && s.budget > 0; ) {
    again = false;
    for (let v = 0; v < s.order.length; v++) {
      for (const [first, last, kind] of levelKinds(s.order, layerCount, v)) {
        while (s.budget > 0 && searchChain(s, v, first, last, kind)) again = changed = true;
      }
    }
  }
  if (!changed) return runs;
  const out: IndexedRun[] = [];
  for (let l = 0; l < layerCount; l++) {
    const own = runs.filter((r) => r.layer === l);
    out.push(
      ...(s.touched[l] === 1 ? retileBlocks(own, w.bounds, s.holder.subarray(l * s.B, (l + 1) * s.B)) : own),
    );
  }
  return out.sort((x, y) => x.start - y.start || x.layer - y.layer);
}

/**
 * Everything one call of {@link balanceChains} reads and updates: coaches by index (`C` of them), layers (`L`),
 * hand-off blocks (`B`), local weeks (`W`); times and loads in ms. The typed arrays' contents, `onCall`'s entries and
 * the scalars at the end change during the pass; the object itself lives only for that call.
 */
interface ChainState {
  readonly L: number;
  readonly C: number;
  readonly B: number;
  readonly W: number;
  readonly w: ChainBalance;
  /** Each hand-off block's local week, or NONE where it spans two (`blockWeeks`). */
  readonly weekOf: Int32Array;
  /** 1 in a week with a span empty for want of cap, by week. */
  readonly cappedWeek: Uint8Array;
  /** Who is free throughout each block, as compressed rows (see {@link freeByBlock}). */
  readonly freeStart: Int32Array;
  readonly freeCoach: Int32Array;
  /** Who holds layer l in block k, `[l * B + k]`, NONE where nothing may move (`blockHolders`). */
  readonly holder: Int32Array;
  /** Coach c's time in layer l minus their share of it, `[c * L + l]`, ms. */
  readonly dev: Float64Array;
  /** Coach c's time on call in week wk, all layers, `[c * W + wk]`, ms. */
  readonly weekHours: Float64Array;
  /** 1 where coach c holds an override in week wk, `[c * W + wk]`. */
  readonly overridden: Uint8Array;
  /** Each coach's time on call, all layers. */
  readonly onCall: IntervalSet[];
  /** 1 where coach c is on call at some time of block k, `[k * C + c]` (by block: a search reads a block's coaches). */
  readonly busy: Uint8Array;
  /** Whether each coach's time on call already keeps the longest stretch and the minimum rest. */
  readonly ok: readonly boolean[];
  /** The blocks each coach may hand on, per layer, in time order, `[l * C + c]`. */
  readonly owned: number[][];
  /** The levels, in order: level v is layer `order[v]` (L for the total, L + 1 for the weighted total). */
  readonly order: readonly number[];
  /** The shortest movable block, ms. */
  readonly shortest: number;
  /** One hand-off block: the shortest between two hand-off times (the longest block if there are none), ms. */
  readonly block: number;
  /** 1 for each layer a chain changed. */
  readonly touched: Uint8Array;
  /** Units of work left (see {@link CHAIN_BUDGET}). */
  budget: number;
  // The search's scratch, by coach: the search that reached a coach (`stamp` = `epoch`), its parent, the arrow
  // from it (block, layer, and the coach's role there or NONE), its source, its deviation at the level searched.
  readonly stamp: Int32Array;
  epoch: number;
  readonly parent: Int32Array;
  readonly viaBlock: Int32Array;
  readonly viaLayer: Int32Array;
  readonly viaRole: Int32Array;
  readonly rootOf: Int32Array;
  readonly levelDev: Float64Array;
  readonly sourceKeys: Float64Array;
  readonly queue: Int32Array;
  /** The chain tried, from its end back to its source. */
  readonly path: Int32Array;
  /** Deviations of the chain's coaches before and after it, `[i * L + l]`, ms. */
  before: Float64Array;
  after: Float64Array;
  readonly scratchA: number[];
  readonly scratchB: number[];
  // The state of one search: its outcome (NONE while it goes on, 1 when a chain was made, 0 when it gives up),
  // the chain ends it tried and could not use, the end of its queue.
  outcome: number;
  failed: number;
  tail: number;
}

/** Builds the state of a pass over `runs` (sorted by start then layer), with its whole budget and empty scratch. */
function chainState(runs: readonly IndexedRun[], L: number, w: ChainBalance): ChainState {
  const { bounds, free } = w;
  const C = free.length;
  const B = bounds.length - 1;
  const W = w.weeks.length - 1;
  const holder = blockHolders(runs, L, bounds, keptByPrevious(w.previous, C));
  const { movable, cappedWeek } = movableBlocks(w);
  const { freeStart, freeCoach } = freeByBlock(free, bounds);
  const { dev, weekHours, overridden, onCall } = coachLoads(runs, L, w);
  const { shortest, block } = blockLengths(bounds, movable);
  return {
    L,
    C,
    B,
    W,
    w,
    weekOf: blockWeeks(bounds, w.weeks),
    cappedWeek,
    freeStart,
    freeCoach,
    holder,
    dev,
    weekHours,
    overridden,
    onCall,
    busy: busyByBlock(onCall, bounds),
    ok: onCall.map((set) => holdsRestAndStretch(set, w.maxStretchMs, w.minRestMs)),
    owned: ownedBlocks(holder, movable, L, C),
    order: levelOrder(L),
    shortest,
    block,
    touched: new Uint8Array(L),
    budget: CHAIN_BUDGET,
    stamp: new Int32Array(C),
    epoch: 0,
    parent: new Int32Array(C),
    viaBlock: new Int32Array(C),
    viaLayer: new Int32Array(C),
    viaRole: new Int32Array(C),
    rootOf: new Int32Array(C),
    levelDev: new Float64Array(C),
    sourceKeys: new Float64Array(C),
    queue: new Int32Array(C),
    path: new Int32Array(C),
    before: new Float64Array(0),
    after: new Float64Array(0),
    scratchA: [],
    scratchB: [],
    outcome: NONE,
    failed: 0,
    tail: 0,
  };
}

/** `kept(l, c, a, b)`: the previous rota has coach c in layer l at some time of `[a, b)` (ms). */
function keptByPrevious(previous: ChainBalance['previous'], C: number) {
  const previousSets = new Map<number, IntervalSet>();
  for (const p of previous) {
    const key = p.layer * C + p.coach;
    previousSets.set(
      key,
      union(previousSets.get(key) ?? new Float64Array(0), Float64Array.of(p.start, p.end)),
    );
  }
  return (l: number, c: number, a: number, b: number) => {
    const set = previousSets.get(l * C + c);
    return set !== undefined && overlaps(set, a, b);
  };
}

/**
 * Where a move could change what a regeneration fills (see the module notes), and the weeks with a cap-bound gap:
 * `movable[k]` is 1 for a block at least the minimum shift long and away from any span left empty for want of cap,
 * rest, stretch or skills; `cappedWeek[wk]` is 1 in a week where a span is empty for want of cap.
 */
export function movableBlocks(w: ChainBalance): { movable: Uint8Array; cappedWeek: Uint8Array } {
  const { bounds } = w;
  const B = bounds.length - 1;
  const W = w.weeks.length - 1;
  const margin = w.maxStretchMs + w.minRestMs;
  const constrained = w.unfilled.filter((u) => u.reason !== 'nobody-available');
  const near = normalize(constrained.flatMap((u) => [u.start - margin, u.end + margin]));
  const capped = normalize(
    constrained.flatMap((u) =>
      u.reason === 'everyone-at-cap' || u.reason === 'caps-rest-or-stretch' ? [u.start, u.end] : [],
    ),
  );
  const movable = new Uint8Array(B);
  for (let k = 0; k < B; k++) {
    const [a, b] = [bounds[k]!, bounds[k + 1]!];
    movable[k] = b - a >= w.minShiftMs && !overlaps(near, a, b) ? 1 : 0;
  }
  const cappedWeek = new Uint8Array(W);
  for (let wk = 0; wk < W; wk++) cappedWeek[wk] = overlaps(capped, w.weeks[wk]!, w.weeks[wk + 1]!) ? 1 : 0;
  return { movable, cappedWeek };
}

/**
 * Per coach: deviation per layer (`[c * L + l]`, time held minus share, ms), hours per week (`[c * W + wk]`, ms),
 * weeks with an override (1 there), and time on call (all layers).
 */
export function coachLoads(runs: readonly IndexedRun[], L: number, w: ChainBalance) {
  const C = w.free.length;
  const W = w.weeks.length - 1;
  const pairs: number[][] = Array.from({ length: C }, () => []);
  const dev = new Float64Array(C * L);
  for (let c = 0; c < C; c++) {
    for (let l = 0; l < L; l++)
      dev[c * L + l] = -(w.share[c * L + l]! - (l > 0 ? w.share[c * L + l - 1]! : 0));
  }
  const weekHours = new Float64Array(C * Math.max(W, 1));
  const overridden = new Uint8Array(C * Math.max(W, 1));
  let firstWeek = 0;
  for (const r of runs) {
    pairs[r.coach]!.push(r.start, r.end);
    dev[r.coach * L + r.layer] = dev[r.coach * L + r.layer]! + r.end - r.start;
    // Runs come by start: a cursor over the weeks.
    while (firstWeek + 1 < W && w.weeks[firstWeek + 1]! <= r.start) firstWeek++;
    for (let wk = firstWeek; wk < W && w.weeks[wk]! < r.end; wk++) {
      const o = Math.min(r.end, w.weeks[wk + 1]!) - Math.max(r.start, w.weeks[wk]!);
      if (o <= 0) continue;
      weekHours[r.coach * W + wk] = weekHours[r.coach * W + wk]! + o;
      if (r.override) overridden[r.coach * W + wk] = 1;
    }
  }
  return { dev, weekHours, overridden, onCall: pairs.map((p) => normalize(p)) };
}

/** 1 where coach c is on call at some time of block k, `[k * C + c]`. */
function busyByBlock(onCall: readonly IntervalSet[], bounds: readonly number[]): Uint8Array {
  const C = onCall.length;
  const B = bounds.length - 1;
  const busy = new Uint8Array(C * B);
  onCall.forEach((set, c) => {
    for (let i = 0, k = 0; i < set.length; i += 2) {
      while (k < B && bounds[k + 1]! <= set[i]!) k++;
      for (; k < B && bounds[k]! < set[i + 1]!; k++) busy[k * C + c] = 1;
      if (k > 0) k--;
    }
  });
  return busy;
}

/** The movable blocks each coach holds, per layer (`[l * C + c]`), in time order. */
function ownedBlocks(holder: Int32Array, movable: Uint8Array, L: number, C: number): number[][] {
  const B = movable.length;
  const owned: number[][] = Array.from({ length: L * C }, () => []);
  for (let l = 0; l < L; l++) {
    for (let k = 0; k < B; k++) {
      const c = holder[l * B + k]!;
      if (c !== NONE && movable[k] === 1) owned[l * C + c]!.push(k);
    }
  }
  return owned;
}

/**
 * The levels, in order: the first line, then (with several layers) the total, each next layer and the weighted
 * total. Level v is layer `order[v]` (L for the total, L + 1 for the weighted total).
 */
export function levelOrder(L: number): number[] {
  return L === 1 ? [0] : [0, L, ...Array.from({ length: L - 1 }, (_, l) => l + 1), L + 1];
}

/** The shortest movable block, and one hand-off block (the shortest between two hand-off times), both ms. */
export function blockLengths(
  bounds: readonly number[],
  movable: Uint8Array,
): { shortest: number; block: number } {
  const B = bounds.length - 1;
  let shortest = Number.POSITIVE_INFINITY;
  for (let k = 0; k < B; k++)
    if (movable[k] === 1) shortest = Math.min(shortest, bounds[k + 1]! - bounds[k]!);
  let block = Number.POSITIVE_INFINITY;
  for (let k = 1; k + 1 < B; k++) block = Math.min(block, bounds[k + 1]! - bounds[k]!);
  // No hand-off time inside the horizon: the longest block.
  if (!Number.isFinite(block)) for (let k = 0; k < B; k++) block = Math.max(0, bounds[k + 1]! - bounds[k]!);
  return { shortest, block };
}

/**
 * The searches of level v, in order, as `[firstLayer, lastLayer, kind]`: one kind of arrow first (the chain moves
 * only its ends' loads), then any mix.
 */
function levelKinds(order: readonly number[], L: number, v: number): [number, number, number][] {
  const x = order[v]!;
  const kinds: [number, number, number][] =
    x < L
      ? [
          [x, x, OFF],
          ...order.filter((m) => m < L && m !== x).map((m): [number, number, number] => [x, x, m]),
        ]
      : Array.from({ length: L }, (_, l): [number, number, number] => [l, l, OFF]);
  kinds.push(x < L ? [x, x, ANY] : [0, L - 1, ANY]);
  return kinds;
}

/**
 * Level `x` of the deviations `d[at..at + L - 1]` (one coach's, ms): layer x's for x < L, the total's for x = L, the
 * weighted total's for x = L + 1.
 */
function levelOf(
  d: ArrayLike<number>,
  at: number,
  L: number,
  x: number,
  layerWeights: readonly number[],
): number {
  if (x < L) return d[at + x]!;
  let sum = 0;
  for (let l = 0; l < L; l++) sum += (x === L ? 1 : layerWeights[l]!) * d[at + l]!;
  return sum;
}

/**
 * Sign of (after − before) in the lexicographic order of the module notes, over `n` coaches' deviations
 * (`before[i * L + l]`, `after[i * L + l]`, ms): level by level (`order`, as {@link levelOrder} gives), first each
 * coach's excess over one hand-off block (`block`, ms), then the deviations themselves, each compared as a vector
 * sorted from the largest. `scratchA` and `scratchB` are reused (their contents are overwritten).
 *
 * @example compareDeviations(Float64Array.of(9), Float64Array.of(3), 1, 1, [0], 4, [1], [], []) === -1
 */
export function compareDeviations(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  n: number,
  L: number,
  order: readonly number[],
  block: number,
  layerWeights: readonly number[],
  scratchA: number[],
  scratchB: number[],
): number {
  for (const tau of [block, 0]) {
    for (const x of order) {
      scratchA.length = 0;
      scratchB.length = 0;
      for (let i = 0; i < n; i++) {
        scratchA.push(Math.max(0, Math.abs(levelOf(before, i * L, L, x, layerWeights)) - tau));
        scratchB.push(Math.max(0, Math.abs(levelOf(after, i * L, L, x, layerWeights)) - tau));
      }
      scratchA.sort((p, q) => q - p);
      scratchB.sort((p, q) => q - p);
      for (let i = 0; i < n; i++) {
        if (scratchB[i]! < scratchA[i]! - EPS) return -1;
        if (scratchB[i]! > scratchA[i]! + EPS) return 1;
      }
    }
  }
  return 0;
}

/** Sign of (after − before) over the `n` coaches of a path (see {@link compareDeviations}). */
function compareLevels(s: ChainState, n: number): number {
  const { L, before, after, scratchA, scratchB } = s;
  return compareDeviations(before, after, n, L, s.order, s.block, s.w.layerWeights, scratchA, scratchB);
}

/** A coach's time on call after the path: `gain` and `loss` are blocks (or NONE). */
function moved(s: ChainState, c: number, gain: number, loss: number): IntervalSet {
  const { bounds } = s.w;
  let set = s.onCall[c]!;
  if (loss !== NONE) set = difference(set, Float64Array.of(bounds[loss]!, bounds[loss + 1]!));
  if (gain !== NONE) set = union(set, Float64Array.of(bounds[gain]!, bounds[gain + 1]!));
  return set;
}

/** The block coach `path[i]` gains and the one it loses (off-call arrows only), as `[gain, loss]`. */
function gainLoss(s: ChainState, i: number): [number, number] {
  const { path, parent, viaRole, viaBlock } = s;
  const c = path[i]!;
  const gain = parent[c] !== NONE && viaRole[c] === NONE ? viaBlock[c]! : NONE;
  const loss = i > 0 && viaRole[path[i - 1]!] === NONE ? viaBlock[path[i - 1]!]! : NONE;
  return [gain, loss];
}

/** Can the path ending at `y` be made, and does it improve? Fills `path`; returns its length or 0. */
function evaluateChain(s: ChainState, y: number): number {
  let n = 0;
  for (let c = y; c !== NONE; c = s.parent[c]!) s.path[n++] = c;
  s.budget -= n;
  const moving = movingDeviations(s, n);
  s.budget -= moving * s.order.length;
  if (moving === 0 || compareLevels(s, moving) >= 0) return 0;
  return chainHolds(s, n) ? n : 0;
}

/**
 * Fills `before` and `after` with the deviations (ms) of the coaches of the path of length `n` whose deviations it
 * moves (with one kind of arrow and blocks of one length, the two ends), and returns how many they are: only they
 * take part in the comparison.
 */
function movingDeviations(s: ChainState, n: number): number {
  const { L, C, dev, path, viaBlock, viaLayer, viaRole } = s;
  const { bounds } = s.w;
  if (s.before.length < n * L) {
    s.before = new Float64Array(C * L);
    s.after = new Float64Array(C * L);
  }
  const { before, after } = s;
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < L; l++) before[i * L + l] = after[i * L + l] = dev[path[i]! * L + l]!;
  }
  for (let i = 0; i + 1 < n; i++) {
    const b = path[i]!;
    const k = viaBlock[b]!;
    const len = bounds[k + 1]! - bounds[k]!;
    const [l, m] = [viaLayer[b]!, viaRole[b]!];
    after[i * L + l] = after[i * L + l]! + len;
    after[(i + 1) * L + l] = after[(i + 1) * L + l]! - len;
    if (m !== NONE) {
      after[i * L + m] = after[i * L + m]! - len;
      after[(i + 1) * L + m] = after[(i + 1) * L + m]! + len;
    }
  }
  let moving = 0;
  for (let i = 0; i < n; i++) {
    let same = true;
    for (let l = 0; l < L; l++) same &&= Math.abs(after[i * L + l]! - before[i * L + l]!) <= EPS;
    if (same) continue;
    for (let l = 0; l < L; l++) {
      before[moving * L + l] = before[i * L + l]!;
      after[moving * L + l] = after[i * L + l]!;
    }
    moving++;
  }
  return moving;
}

/**
 * Whether every coach whose time on call the path of length `n` changes keeps the longest stretch and the minimum
 * rest, and, where they gain a block, has no override that week and stays within their weekly cap.
 */
function chainHolds(s: ChainState, n: number): boolean {
  const { W, w, weekOf, weekHours, overridden } = s;
  const { bounds } = w;
  for (let i = 0; i < n; i++) {
    const c = s.path[i]!;
    const [gain, loss] = gainLoss(s, i);
    if (gain === NONE && loss === NONE) continue;
    if (!s.ok[c] || !holdsRestAndStretch(moved(s, c, gain, loss), w.maxStretchMs, w.minRestMs)) return false;
    if (gain === NONE) continue;
    const wk = weekOf[gain]!;
    const lossHere = loss !== NONE && weekOf[loss] === wk ? bounds[loss + 1]! - bounds[loss]! : 0;
    const hours = weekHours[c * W + wk]! + bounds[gain + 1]! - bounds[gain]! - lossHere;
    if (overridden[c * W + wk] === 1 || hours > w.capMs[c]! + EPS) return false;
  }
  return true;
}

/** Takes block k out of a coach's owned list (time order). */
function removeOwned(list: number[], k: number): void {
  list.splice(list.indexOf(k), 1);
}

/** Puts block k into a coach's owned list, keeping time order. */
function addOwned(list: number[], k: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]! > k) i--;
  list.splice(i, 0, k);
}

/** Makes the path of length `n` in `path`: holders, owned lists, deviations, weekly hours, time on call. */
function applyChain(s: ChainState, n: number): void {
  const { L, C, B, W, holder, owned, dev, weekHours, busy, touched, path, viaBlock, viaLayer, viaRole } = s;
  const { bounds } = s.w;
  const sets = Array.from({ length: n }, (_, i) => {
    const [gain, loss] = gainLoss(s, i);
    return { gain, loss, set: gain === NONE && loss === NONE ? undefined : moved(s, path[i]!, gain, loss) };
  });
  for (let i = 0; i + 1 < n; i++) {
    const [b, a] = [path[i]!, path[i + 1]!];
    const k = viaBlock[b]!;
    const len = bounds[k + 1]! - bounds[k]!;
    const [l, m] = [viaLayer[b]!, viaRole[b]!];
    holder[l * B + k] = b;
    touched[l] = 1;
    if (m !== NONE) touched[m] = 1;
    removeOwned(owned[l * C + a]!, k);
    addOwned(owned[l * C + b]!, k);
    dev[b * L + l] = dev[b * L + l]! + len;
    dev[a * L + l] = dev[a * L + l]! - len;
    if (m !== NONE) {
      holder[m * B + k] = a;
      removeOwned(owned[m * C + b]!, k);
      addOwned(owned[m * C + a]!, k);
      dev[b * L + m] = dev[b * L + m]! - len;
      dev[a * L + m] = dev[a * L + m]! + len;
    } else {
      const wk = s.weekOf[k]!;
      weekHours[b * W + wk] = weekHours[b * W + wk]! + len;
      weekHours[a * W + wk] = weekHours[a * W + wk]! - len;
      busy[k * C + b] = 1;
      busy[k * C + a] = 0;
    }
  }
  sets.forEach((x, i) => {
    if (x.set !== undefined) s.onCall[path[i]!] = x.set;
  });
}

/**
 * Follows the arrow a → b (block k, layer l, b's layer there or NONE) if b is new and both have the skills; then,
 * if the level's load may flow from the chain's source down to b by more than the block (the least a chain
 * moves), tries the chain ending at b, and makes it or counts it as failed.
 */
function followArrow(s: ChainState, a: number, b: number, k: number, l: number, role: number): void {
  const { skilled, bounds } = s.w;
  if (s.stamp[b] === s.epoch || !skilled(b, l) || (role !== NONE && !skilled(a, role))) return;
  s.stamp[b] = s.epoch;
  s.parent[b] = a;
  s.viaBlock[b] = k;
  s.viaLayer[b] = l;
  s.viaRole[b] = role;
  s.rootOf[b] = s.rootOf[a]!;
  s.queue[s.tail++] = b;
  if (s.levelDev[s.rootOf[b]!]! - s.levelDev[b]! <= bounds[k + 1]! - bounds[k]! - EPS) return;
  const n = evaluateChain(s, b);
  if (n > 0) {
    applyChain(s, n);
    s.outcome = 1;
  } else if (++s.failed >= SINKS) s.outcome = 0;
}

/**
 * The sources of a search for level v, as sorted keys (`-round(deviation) * C + c`): the coaches above their share,
 * and above the lowest by more than the shortest block (or no chain can end well), the largest deviation first, so
 * every coach is reached from the furthest-above source that reaches it. Fills `levelDev` (ms) on the way. Sorted
 * natively on keys (whole ms, then index), not by a comparator: this runs once per chain.
 */
function chainSources(s: ChainState, v: number): Float64Array {
  const { C, L, levelDev, sourceKeys } = s;
  let lowest = Number.POSITIVE_INFINITY;
  for (let c = 0; c < C; c++) {
    levelDev[c] = levelOf(s.dev, c * L, L, s.order[v]!, s.w.layerWeights);
    lowest = Math.min(lowest, levelDev[c]!);
  }
  let count = 0;
  for (let c = 0; c < C; c++) {
    if (levelDev[c]! > EPS && levelDev[c]! - lowest > s.shortest - EPS) {
      sourceKeys[count++] = -Math.round(levelDev[c]!) * C + c;
    }
  }
  return sourceKeys.subarray(0, count).sort();
}

/**
 * One breadth-first search for level `v` from the coaches above its share, over the arrows of layers
 * `firstLayer..lastLayer` of kind `kind` (OFF: to a coach off call; m ≥ 0: in exchange for layer m; ANY: both);
 * makes the first chain found (the shortest from the furthest-above source), and gives up after SINKS chain
 * ends that do not improve. With one kind, every coach inside the chain ends as they began. True when a chain
 * was made.
 */
function searchChain(s: ChainState, v: number, firstLayer: number, lastLayer: number, kind: number): boolean {
  const { C, L, B, stamp, parent, viaBlock, rootOf, queue, owned, weekOf, holder } = s;
  s.epoch++;
  s.outcome = NONE;
  s.failed = 0;
  s.budget -= C;
  const keys = chainSources(s, v);
  let head = 0;
  s.tail = 0;
  for (let i = 0; i < keys.length; i++) {
    const src = (((keys[i]! % C) + C) % C) | 0;
    if (stamp[src] === s.epoch) continue;
    stamp[src] = s.epoch;
    parent[src] = NONE;
    viaBlock[src] = NONE;
    rootOf[src] = src;
    queue[s.tail++] = src;
    // Once every coach is reached, no arrow can add anything.
    while (head < s.tail && s.tail < C) {
      const a = queue[head++]!;
      for (let l = firstLayer; l <= lastLayer; l++) {
        for (const k of owned[l * C + a]!) {
          if (k === viaBlock[a]) continue;
          const wk = weekOf[k]!;
          if ((kind === OFF || kind === ANY) && wk !== NONE && s.cappedWeek[wk] === 0) {
            for (let j = s.freeStart[k]!; j < s.freeStart[k + 1]! && s.outcome === NONE; j++) {
              const b = s.freeCoach[j]!;
              s.budget--;
              if (s.busy[k * C + b] === 0) followArrow(s, a, b, k, l, NONE);
            }
          }
          for (let m = kind === ANY ? 0 : kind; m >= 0 && m < (kind === ANY ? L : kind + 1); m++) {
            s.budget--;
            const b = holder[m * B + k]!;
            if (m !== l && b !== NONE && s.outcome === NONE) followArrow(s, a, b, k, l, m);
          }
          // The owned lists change when a chain is made: stop reading them at once.
          if (s.outcome !== NONE) return s.outcome === 1;
        }
        if (s.budget < 0) return false;
      }
    }
  }
  return false;
}

/**
 * Who is free throughout each hand-off block, as compressed rows: the coaches of block k are
 * `freeCoach[freeStart[k]]` to `freeCoach[freeStart[k + 1] - 1]`, in index order. Two passes (count, then fill), one
 * cursor over the blocks per coach (free intervals come in time order).
 *
 * @param bounds - the horizon's start, its hand-off times, its end (UTC epoch ms).
 * @example freeByBlock([Float64Array.of(0, 8)], [0, 4, 8, 12]) // { freeStart: [0, 1, 2, 2], freeCoach: [0, 0] }
 */
export function freeByBlock(
  free: readonly IntervalSet[],
  bounds: readonly number[],
): { freeStart: Int32Array; freeCoach: Int32Array } {
  const B = bounds.length - 1;
  const edges = Float64Array.from(bounds);
  // The first block starting at or after each hour of the horizon, so that finding an interval's first block is
  // one look-up and a step or two, not a walk.
  const from = edges[0]!;
  const hours = Math.max(1, Math.ceil((edges[B]! - from) / HOUR) + 1);
  const firstInHour = new Int32Array(hours);
  for (let h = 0, k = 0; h < hours; h++) {
    while (k < B && edges[k]! < from + h * HOUR) k++;
    firstInHour[h] = k;
  }
  const freeStart = new Int32Array(B + 1);
  let freeCoach = new Int32Array(0);
  for (let pass = 0; pass < 2; pass++) {
    const fill = freeStart.slice(0, B);
    for (let c = 0; c < free.length; c++) {
      const set = free[c]!;
      for (let i = 0, k = 0; i < set.length; i += 2) {
        const s = set[i]!;
        const e = set[i + 1]!;
        const h = Math.floor((s - from) / HOUR);
        if (h > 0) k = Math.max(k, firstInHour[Math.min(h, hours - 1)]! - 1);
        while (k < B && edges[k]! < s) k++;
        for (; k < B && edges[k + 1]! <= e; k++) {
          if (pass === 0) freeStart[k + 1]!++;
          else freeCoach[fill[k]!++] = c;
        }
      }
    }
    if (pass === 0) {
      for (let k = 0; k < B; k++) freeStart[k + 1] = freeStart[k + 1]! + freeStart[k]!;
      freeCoach = new Int32Array(freeStart[B]!);
    }
  }
  return { freeStart, freeCoach };
}
