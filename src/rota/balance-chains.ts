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
  const { bounds, free, skilled } = w;
  const L = layerCount;
  const C = free.length;
  const B = bounds.length - 1;
  if (B < 1 || runs.length === 0 || C < 2) return runs;
  const W = w.weeks.length - 1;
  const weekOf = blockWeeks(bounds, w.weeks);
  const previousSets = new Map<number, IntervalSet>();
  for (const p of w.previous) {
    const key = p.layer * C + p.coach;
    previousSets.set(
      key,
      union(previousSets.get(key) ?? new Float64Array(0), Float64Array.of(p.start, p.end)),
    );
  }
  const kept = (l: number, c: number, a: number, b: number) => {
    const set = previousSets.get(l * C + c);
    return set !== undefined && overlaps(set, a, b);
  };
  const holder = blockHolders(runs, L, bounds, kept);

  // Where a move could change what a regeneration fills (see the module notes), and the weeks with a cap-bound gap.
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

  const { freeStart, freeCoach } = freeByBlock(free, bounds);
  // Per coach: time on call (all layers), deviation per layer, hours per week, weeks with an override.
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
  const onCall = pairs.map((p) => normalize(p));
  // 1 where coach c is on call at some time of block k, `[k * C + c]` (by block: a search reads a block's coaches).
  const busy = new Uint8Array(C * B);
  onCall.forEach((set, c) => {
    for (let i = 0, k = 0; i < set.length; i += 2) {
      while (k < B && bounds[k + 1]! <= set[i]!) k++;
      for (; k < B && bounds[k]! < set[i + 1]!; k++) busy[k * C + c] = 1;
      if (k > 0) k--;
    }
  });
  const ok = onCall.map((set) => holdsRestAndStretch(set, w.maxStretchMs, w.minRestMs));
  // The blocks each coach may hand on, per layer, in time order.
  const owned: number[][] = Array.from({ length: L * C }, () => []);
  for (let l = 0; l < L; l++) {
    for (let k = 0; k < B; k++) {
      const c = holder[l * B + k]!;
      if (c !== NONE && movable[k] === 1) owned[l * C + c]!.push(k);
    }
  }

  // The levels, in order: the first line, then (with several layers) the total, each next layer and the weighted
  // total. Level v is layer ORDER[v] (L for the total, L + 1 for the weighted total).
  const order = L === 1 ? [0] : [0, L, ...Array.from({ length: L - 1 }, (_, l) => l + 1), L + 1];
  const levels = order.length;
  const level = (d: ArrayLike<number>, at: number, v: number) => {
    const x = order[v]!;
    if (x < L) return d[at + x]!;
    let sum = 0;
    for (let l = 0; l < L; l++) sum += (x === L ? 1 : w.layerWeights[l]!) * d[at + l]!;
    return sum;
  };
  // One hand-off block: the shortest between two hand-off times (the longest block if there are none).
  let shortest = Number.POSITIVE_INFINITY;
  for (let k = 0; k < B; k++)
    if (movable[k] === 1) shortest = Math.min(shortest, bounds[k + 1]! - bounds[k]!);
  let block = Number.POSITIVE_INFINITY;
  for (let k = 1; k + 1 < B; k++) block = Math.min(block, bounds[k + 1]! - bounds[k]!);
  if (!Number.isFinite(block)) for (let k = 0; k < B; k++) block = Math.max(0, bounds[k + 1]! - bounds[k]!);

  let budget = CHAIN_BUDGET;
  const stamp = new Int32Array(C);
  let epoch = 0;
  const parent = new Int32Array(C);
  const viaBlock = new Int32Array(C);
  const viaLayer = new Int32Array(C);
  const viaRole = new Int32Array(C);
  const rootOf = new Int32Array(C);
  const levelDev = new Float64Array(C);
  const sourceKeys = new Float64Array(C);
  const touched = new Uint8Array(L);
  const queue = new Int32Array(C);
  const path = new Int32Array(C);
  let before = new Float64Array(0);
  let after = new Float64Array(0);
  const scratchA: number[] = [];
  const scratchB: number[] = [];

  /** Sign of (after − before) in the lexicographic order of the module notes, over the `n` coaches of a path. */
  const compare = (n: number): number => {
    for (const tau of [block, 0]) {
      for (let v = 0; v < levels; v++) {
        scratchA.length = 0;
        scratchB.length = 0;
        for (let i = 0; i < n; i++) {
          scratchA.push(Math.max(0, Math.abs(level(before, i * L, v)) - tau));
          scratchB.push(Math.max(0, Math.abs(level(after, i * L, v)) - tau));
        }
        scratchA.sort((x, y) => y - x);
        scratchB.sort((x, y) => y - x);
        for (let i = 0; i < n; i++) {
          if (scratchB[i]! < scratchA[i]! - EPS) return -1;
          if (scratchB[i]! > scratchA[i]! + EPS) return 1;
        }
      }
    }
    return 0;
  };

  /** A coach's time on call after the path: `gain` and `loss` are blocks (or NONE). */
  const moved = (c: number, gain: number, loss: number): IntervalSet => {
    let set = onCall[c]!;
    if (loss !== NONE) set = difference(set, Float64Array.of(bounds[loss]!, bounds[loss + 1]!));
    if (gain !== NONE) set = union(set, Float64Array.of(bounds[gain]!, bounds[gain + 1]!));
    return set;
  };

  /** The block coach `path[i]` gains and the one it loses (off-call arrows only), as `[gain, loss]`. */
  const gainLoss = (i: number): [number, number] => {
    const c = path[i]!;
    const gain = parent[c] !== NONE && viaRole[c] === NONE ? viaBlock[c]! : NONE;
    const loss = i > 0 && viaRole[path[i - 1]!] === NONE ? viaBlock[path[i - 1]!]! : NONE;
    return [gain, loss];
  };

  /** Can the path ending at `y` be made, and does it improve? Fills `path`; returns its length or 0. */
  const evaluate = (y: number): number => {
    let n = 0;
    for (let c = y; c !== NONE; c = parent[c]!) path[n++] = c;
    budget -= n;
    if (before.length < n * L) {
      before = new Float64Array(C * L);
      after = new Float64Array(C * L);
    }
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
    // Only the coaches whose deviations move take part in the comparison (with one kind of arrow and blocks of one
    // length, the two ends).
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
    budget -= moving * levels;
    if (moving === 0 || compare(moving) >= 0) return 0;
    for (let i = 0; i < n; i++) {
      const c = path[i]!;
      const [gain, loss] = gainLoss(i);
      if (gain === NONE && loss === NONE) continue;
      if (!ok[c] || !holdsRestAndStretch(moved(c, gain, loss), w.maxStretchMs, w.minRestMs)) return 0;
      if (gain === NONE) continue;
      const wk = weekOf[gain]!;
      const lossHere = loss !== NONE && weekOf[loss] === wk ? bounds[loss + 1]! - bounds[loss]! : 0;
      const hours = weekHours[c * W + wk]! + bounds[gain + 1]! - bounds[gain]! - lossHere;
      if (overridden[c * W + wk] === 1 || hours > w.capMs[c]! + EPS) return 0;
    }
    return n;
  };

  const removeOwned = (l: number, c: number, k: number) => {
    const list = owned[l * C + c]!;
    list.splice(list.indexOf(k), 1);
  };
  const addOwned = (l: number, c: number, k: number) => {
    const list = owned[l * C + c]!;
    let i = list.length;
    while (i > 0 && list[i - 1]! > k) i--;
    list.splice(i, 0, k);
  };

  /** Makes the path of length `n` in `path`. */
  const apply = (n: number) => {
    const sets = Array.from({ length: n }, (_, i) => {
      const [gain, loss] = gainLoss(i);
      return { gain, loss, set: gain === NONE && loss === NONE ? undefined : moved(path[i]!, gain, loss) };
    });
    for (let i = 0; i + 1 < n; i++) {
      const [b, a] = [path[i]!, path[i + 1]!];
      const k = viaBlock[b]!;
      const len = bounds[k + 1]! - bounds[k]!;
      const [l, m] = [viaLayer[b]!, viaRole[b]!];
      holder[l * B + k] = b;
      touched[l] = 1;
      if (m !== NONE) touched[m] = 1;
      removeOwned(l, a, k);
      addOwned(l, b, k);
      dev[b * L + l] = dev[b * L + l]! + len;
      dev[a * L + l] = dev[a * L + l]! - len;
      if (m !== NONE) {
        holder[m * B + k] = a;
        removeOwned(m, b, k);
        addOwned(m, a, k);
        dev[b * L + m] = dev[b * L + m]! - len;
        dev[a * L + m] = dev[a * L + m]! + len;
      } else {
        const wk = weekOf[k]!;
        weekHours[b * W + wk] = weekHours[b * W + wk]! + len;
        weekHours[a * W + wk] = weekHours[a * W + wk]! - len;
        busy[k * C + b] = 1;
        busy[k * C + a] = 0;
      }
    }
    sets.forEach((s, i) => {
      if (s.set !== undefined) onCall[path[i]!] = s.set;
    });
  };

  // The state of one search: its outcome (NONE while it goes on, 1 when a chain was made, 0 when it gives up)
  // and the chain ends it tried and could not use.
  let outcome = NONE;
  let failed = 0;
  let tail = 0;

  /**
   * Follows the arrow a → b (block k, layer l, b's layer there or NONE) if b is new and both have the skills; then,
   * if the level's load may flow from the chain's source down to b by more than the block (the least a chain
   * moves), tries the chain ending at b.
   */
  const arrow = (a: number, b: number, k: number, l: number, role: number) => {
    if (stamp[b] === epoch || !skilled(b, l) || (role !== NONE && !skilled(a, role))) return;
    stamp[b] = epoch;
    parent[b] = a;
    viaBlock[b] = k;
    viaLayer[b] = l;
    viaRole[b] = role;
    rootOf[b] = rootOf[a]!;
    queue[tail++] = b;
    if (levelDev[rootOf[b]!]! - levelDev[b]! <= bounds[k + 1]! - bounds[k]! - EPS) return;
    const n = evaluate(b);
    if (n > 0) {
      apply(n);
      outcome = 1;
    } else if (++failed >= SINKS) outcome = 0;
  };

  /**
   * One breadth-first search for level `v` from the coaches above its share, over the arrows of layers
   * `firstLayer..lastLayer` of kind `kind` (OFF: to a coach off call; m ≥ 0: in exchange for layer m; ANY: both);
   * makes the first chain found (the shortest from the furthest-above source), and gives up after SINKS chain
   * ends that do not improve. With one kind, every coach inside the chain ends as they began.
   */
  const augment = (v: number, firstLayer: number, lastLayer: number, kind: number): boolean => {
    epoch++;
    outcome = NONE;
    failed = 0;
    budget -= C;
    let lowest = Number.POSITIVE_INFINITY;
    for (let c = 0; c < C; c++) {
      levelDev[c] = level(dev, c * L, v);
      lowest = Math.min(lowest, levelDev[c]!);
    }
    // Sources: above their share, and above the lowest by more than the shortest block (or no chain can end
    // well), the largest deviation first, so every coach is reached from the furthest-above source that reaches
    // it. Sorted natively on keys (whole ms, then index), not by a comparator: this runs once per chain.
    let count = 0;
    for (let c = 0; c < C; c++) {
      if (levelDev[c]! > EPS && levelDev[c]! - lowest > shortest - EPS) {
        sourceKeys[count++] = -Math.round(levelDev[c]!) * C + c;
      }
    }
    const keys = sourceKeys.subarray(0, count).sort();
    let head = 0;
    tail = 0;
    for (let i = 0; i < count; i++) {
      const s = (((keys[i]! % C) + C) % C) | 0;
      if (stamp[s] === epoch) continue;
      stamp[s] = epoch;
      parent[s] = NONE;
      viaBlock[s] = NONE;
      rootOf[s] = s;
      queue[tail++] = s;
      // Once every coach is reached, no arrow can add anything.
      while (head < tail && tail < C) {
        const a = queue[head++]!;
        for (let l = firstLayer; l <= lastLayer; l++) {
          for (const k of owned[l * C + a]!) {
            if (k === viaBlock[a]) continue;
            const wk = weekOf[k]!;
            if ((kind === OFF || kind === ANY) && wk !== NONE && cappedWeek[wk] === 0) {
              for (let j = freeStart[k]!; j < freeStart[k + 1]! && outcome === NONE; j++) {
                const b = freeCoach[j]!;
                budget--;
                if (busy[k * C + b] === 0) arrow(a, b, k, l, NONE);
              }
            }
            for (let m = kind === ANY ? 0 : kind; m >= 0 && m < (kind === ANY ? L : kind + 1); m++) {
              budget--;
              const b = holder[m * B + k]!;
              if (m !== l && b !== NONE && outcome === NONE) arrow(a, b, k, l, m);
            }
            // The owned lists change when a chain is made: stop reading them at once.
            if (outcome !== NONE) return outcome === 1;
          }
          if (budget < 0) return false;
        }
      }
    }
    return false;
  };

  let changed = false;
  for (let again = true; again && budget > 0; ) {
    again = false;
    for (let v = 0; v < levels; v++) {
      const x = order[v]!;
      // One kind of arrow first (the chain moves only its ends' loads), then any mix.
      const kinds: [number, number, number][] =
        x < L
          ? [
              [x, x, OFF],
              ...order.filter((m) => m < L && m !== x).map((m): [number, number, number] => [x, x, m]),
            ]
          : Array.from({ length: L }, (_, l): [number, number, number] => [l, l, OFF]);
      kinds.push(x < L ? [x, x, ANY] : [0, L - 1, ANY]);
      for (const [first, last, kind] of kinds) {
        while (budget > 0 && augment(v, first, last, kind)) again = changed = true;
      }
    }
  }
  if (!changed) return runs;
  const out: IndexedRun[] = [];
  for (let l = 0; l < L; l++) {
    const own = runs.filter((r) => r.layer === l);
    out.push(...(touched[l] === 1 ? retileBlocks(own, bounds, holder.subarray(l * B, (l + 1) * B)) : own));
  }
  return out.sort((x, y) => x.start - y.start || x.layer - y.layer);
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
