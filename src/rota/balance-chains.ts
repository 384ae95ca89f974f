/**
 * Balancing each layer, and the total, along chains of hand-off blocks, after the layer trades: a coach above their
 * share hands a block to a coach who takes it, who hands another block on, and so on to a coach below their share,
 * so only the two ends change load (the classical augmenting path towards a b-matching's load vector). An arrow
 * a → b in hand-off block k, layer l: b takes layer l from a in k; b was off call then (b gains the block's time
 * and a loses it), or held layer m there, which a takes in exchange (a layer trade: the time on call is unchanged).
 *
 * A chain is made when it lowers, lexicographically, first each coach's excess over one hand-off block of
 * |hours − share| in the first line, then in each next layer, the total and the weighted total, then the same
 * deviations themselves (each compared as a vector sorted from the largest), and when every coach it touches stays
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
import type { IndexedRun } from './assign-state.js';
import {
  type BlockBalance,
  blockHolders,
  blockWeeks,
  holdsRestAndStretch,
  retileBlocks,
} from './balance-windows.js';

const NONE = -1;
/**
 * The pass's bound: arrows examined (and chain steps evaluated) per rota, at most. Each augmentation is one
 * breadth-first search over the arrows, so this caps the work whatever the team's size.
 */
export const CHAIN_BUDGET = 1_500_000;
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
 * notes). Deterministic: levels in order (first line, next layers, total, weighted total), sources by deviation,
 * breadth-first, ties by index; at most {@link CHAIN_BUDGET} arrows examined. Returns the new runs, sorted by start
 * then layer (the input itself when nothing moves).
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

  // Who is free throughout each block: compressed rows, coaches in index order.
  const freeStart = new Int32Array(B + 1);
  const firstBlock = (t: number) => {
    let lo = 0;
    let hi = B;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bounds[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const eachFreeBlock = (visit: (k: number, c: number) => void) => {
    for (let c = 0; c < C; c++) {
      const set = free[c]!;
      for (let i = 0; i < set.length; i += 2) {
        for (let k = firstBlock(set[i]!); k < B && bounds[k + 1]! <= set[i + 1]!; k++) visit(k, c);
      }
    }
  };
  eachFreeBlock((k) => {
    freeStart[k + 1] = freeStart[k + 1]! + 1;
  });
  for (let k = 0; k < B; k++) freeStart[k + 1] = freeStart[k + 1]! + freeStart[k]!;
  const freeCoach = new Int32Array(freeStart[B]!);
  const fill = freeStart.slice(0, B);
  eachFreeBlock((k, c) => {
    freeCoach[fill[k]!++] = c;
  });

  // Per coach: time on call (all layers), deviation per layer, hours per week, weeks with an override.
  const pairs: number[][] = Array.from({ length: C }, () => []);
  const dev = new Float64Array(C * L);
  for (let c = 0; c < C; c++) {
    for (let l = 0; l < L; l++)
      dev[c * L + l] = -(w.share[c * L + l]! - (l > 0 ? w.share[c * L + l - 1]! : 0));
  }
  const weekHours = new Float64Array(C * Math.max(W, 1));
  const overridden = new Uint8Array(C * Math.max(W, 1));
  for (const r of runs) {
    pairs[r.coach]!.push(r.start, r.end);
    dev[r.coach * L + r.layer] = dev[r.coach * L + r.layer]! + r.end - r.start;
    for (let wk = 0; wk < W; wk++) {
      const o = Math.min(r.end, w.weeks[wk + 1]!) - Math.max(r.start, w.weeks[wk]!);
      if (o <= 0) continue;
      weekHours[r.coach * W + wk] = weekHours[r.coach * W + wk]! + o;
      if (r.override) overridden[r.coach * W + wk] = 1;
    }
  }
  const onCall = pairs.map((p) => normalize(p));
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
    if (compare(n) >= 0) return 0;
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
      }
    }
    sets.forEach((s, i) => {
      if (s.set !== undefined) onCall[path[i]!] = s.set;
    });
  };

  /** One breadth-first search for level `v` from the coaches above its share; makes the first chain found. */
  const augment = (v: number): boolean => {
    epoch++;
    const sources: number[] = [];
    for (let c = 0; c < C; c++) if (level(dev, c * L, v) > EPS) sources.push(c);
    // The largest deviation first: every coach is reached from the furthest-above source that reaches it.
    sources.sort((x, y) => level(dev, y * L, v) - level(dev, x * L, v) || x - y);
    let head = 0;
    let tail = 0;
    const x = order[v]!;
    const firstLayer = x < L ? x : 0;
    const lastLayer = x < L ? x : L - 1;
    for (const s of sources) {
      if (stamp[s] === epoch) continue;
      stamp[s] = epoch;
      parent[s] = NONE;
      viaBlock[s] = NONE;
      queue[tail++] = s;
      while (head < tail) {
        const a = queue[head++]!;
        for (let l = firstLayer; l <= lastLayer; l++) {
          for (const k of owned[l * C + a]!) {
            if (k === viaBlock[a]) continue;
            const [start, end] = [bounds[k]!, bounds[k + 1]!];
            for (let j = freeStart[k]!; j < freeStart[k + 1]!; j++) {
              const b = freeCoach[j]!;
              if (--budget < 0) return false;
              if (stamp[b] === epoch || !skilled(b, l)) continue;
              let role = NONE;
              for (let m = 0; m < L; m++) if (m !== l && holder[m * B + k] === b) role = m;
              if (role !== NONE) {
                if (!skilled(a, role)) continue;
              } else {
                const wk = weekOf[k]!;
                if (wk === NONE || cappedWeek[wk] === 1 || overlaps(onCall[b]!, start, end)) continue;
              }
              stamp[b] = epoch;
              parent[b] = a;
              viaBlock[b] = k;
              viaLayer[b] = l;
              viaRole[b] = role;
              queue[tail++] = b;
            }
          }
        }
      }
    }
    // Sinks furthest below their share first.
    const sinks = Array.from(queue.subarray(0, tail)).filter((c) => parent[c] !== NONE);
    sinks.sort((x, y) => level(dev, x * L, v) - level(dev, y * L, v) || x - y);
    for (const y of sinks) {
      const n = evaluate(y);
      if (n > 0) {
        apply(n);
        return true;
      }
      if (budget < 0) return false;
    }
    return false;
  };

  let changed = false;
  for (let again = true; again && budget > 0; ) {
    again = false;
    for (let v = 0; v < levels; v++) {
      while (budget > 0 && augment(v)) again = changed = true;
    }
  }
  if (!changed) return runs;
  const out: IndexedRun[] = [];
  for (let l = 0; l < L; l++) {
    out.push(
      ...retileBlocks(
        runs.filter((r) => r.layer === l),
        bounds,
        holder.subarray(l * B, (l + 1) * B),
      ),
    );
  }
  return out.sort((x, y) => x.start - y.start || x.layer - y.layer);
}
