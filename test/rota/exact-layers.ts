/**
 * An exact reference for per-layer fairness, by mixed-integer programming (HiGHS, a dev dependency): the rota as
 * blocks in which each coach is either free throughout or not at all, every block filling the first
 * min(free coaches, layers) layers with distinct free coaches (full coverage, as `generateRota` gives without caps,
 * rest or skills). Objectives, lexicographically: the largest |hours − fair share| of the first layer, then of each
 * next layer, then of the weighted total; and, separately, the first layer then the (unweighted) total.
 *
 * Blocks with the same free coaches and length are interchangeable, so the model counts, per kind of block, how many
 * go to each ordered choice of holders: a few hundred integer variables for 2-5 coaches.
 *
 * Shared by the property test (`rota-exact.property.test.ts`) and the benchmark (`bench/rota-fairness.mjs`, which
 * bundles this file with esbuild).
 */
import highsLoader from 'highs';

/** A block of the horizon: who is free (bit c = coach c), how long it lasts (hours), and its local week. */
export interface Block {
  readonly mask: number;
  readonly hours: number;
  /** Index of the local week (Monday first) it lies in, for weekly caps. @defaultValue 0 */
  readonly week?: number;
}

/** Weekly caps and a fixed coverage, for teams with `maxHoursPerWeek`. */
export interface CapsOption {
  /** Weekly cap per coach, hours (`Infinity` for none). */
  readonly capHours: readonly number[];
  /** Hours each layer must be held in all (a rota's own coverage, so that its fair shares apply). */
  readonly heldByLayer: readonly number[];
}

/** One objective: the largest |load − share| over coaches of a linear load (a layer, or a weighted total). */
interface Objective {
  /** Weight of each layer in this load. */
  readonly layerWeights: readonly number[];
  /** Target per coach, hours. */
  readonly share: readonly number[];
}

export interface LayeredOptimum {
  /** Optimal largest deviation per layer, each minimised after the layers before it are at their optimum. */
  readonly byLayer: readonly number[];
  /** Then the weighted total's. */
  readonly weighted: number;
  /** The total's, minimised right after the first layer's (the first line, then the total). */
  readonly totalAfterFirst: number;
}

type Solver = Awaited<ReturnType<typeof highsLoader>>;
let solver: Solver | undefined;

/** Loads HiGHS once. */
export async function loadSolver(): Promise<void> {
  solver ??= await highsLoader();
}

/** Ordered choices of `take` distinct coaches of `mask`. */
function choices(mask: number, n: number, take: number): number[][] {
  const out: number[][] = [];
  const walk = (prefix: number[]) => {
    if (prefix.length === take) {
      out.push(prefix);
      return;
    }
    for (let c = 0; c < n; c++) if (mask & (1 << c) && !prefix.includes(c)) walk([...prefix, c]);
  };
  walk([]);
  return out;
}

/**
 * Exact lexicographic optima of the largest deviations.
 *
 * @param shareByLayer - `shareByLayer[l][c]`, hours.
 * @param totalShare - each coach's share of the total, hours.
 * @param layerWeights - how much an hour of each layer counts in the weighted total.
 * @param timeLimitSeconds - per MIP solve; past it the result is `undefined` (no exact answer).
 */
export function layeredOptimum(
  blocks: readonly Block[],
  n: number,
  shareByLayer: readonly (readonly number[])[],
  totalShare: readonly number[],
  layerWeights: readonly number[],
  caps?: CapsOption,
  timeLimitSeconds = 20,
): LayeredOptimum | undefined {
  if (solver === undefined) throw new Error('call loadSolver() first');
  const layers = shareByLayer.length;
  // Kinds of block: same free coaches, same length.
  const kinds = new Map<string, { mask: number; hours: number; week: number; count: number }>();
  for (const b of blocks) {
    if (b.mask === 0) continue;
    const week = caps === undefined ? 0 : (b.week ?? 0);
    const key = `${b.mask}:${b.hours}:${week}`;
    const kind = kinds.get(key) ?? { mask: b.mask, hours: b.hours, week, count: 0 };
    kind.count++;
    kinds.set(key, kind);
  }
  const vars: { name: string; hours: number; week: number; holders: number[] }[] = [];
  const rows: string[] = [];
  let k = 0;
  for (const kind of kinds.values()) {
    let free = 0;
    for (let c = 0; c < n; c++) if (kind.mask & (1 << c)) free++;
    const names: string[] = [];
    // With caps a block may be left partly empty (the first layers filled): every prefix of the layers.
    const sizes =
      caps === undefined
        ? [Math.min(free, layers)]
        : Array.from({ length: Math.min(free, layers) + 1 }, (_, i) => i);
    for (const size of sizes) {
      for (const holders of choices(kind.mask, n, size)) {
        const name = `y${vars.length}`;
        vars.push({ name, hours: kind.hours, week: kind.week, holders });
        names.push(name);
      }
    }
    rows.push(` kind${k++}: ${names.join(' + ')} = ${kind.count}`);
  }
  /** Σ weight · hours · y over the variables where coach c holds a layer (in `week`, if given), as LP terms. */
  const load = (c: number, weights: readonly number[], week?: number) => {
    const terms: string[] = [];
    for (const v of vars) {
      const l = v.holders.indexOf(c);
      if (l >= 0 && weights[l]! > 0 && (week === undefined || v.week === week)) {
        terms.push(`${weights[l]! * v.hours} ${v.name}`);
      }
    }
    return terms;
  };
  if (caps !== undefined) {
    const weeks = new Set(vars.map((v) => v.week));
    const all = shareByLayer.map(() => 1);
    for (let c = 0; c < n; c++) {
      if (!Number.isFinite(caps.capHours[c]!)) continue;
      for (const week of weeks) {
        const terms = load(c, all, week);
        if (terms.length > 0) rows.push(` cap${c}w${week}: ${terms.join(' + ')} <= ${caps.capHours[c]}`);
      }
    }
    caps.heldByLayer.forEach((hours, l) => {
      const terms = vars.filter((v) => v.holders.length > l).map((v) => `${v.hours} ${v.name}`);
      rows.push(` held${l}: ${terms.length === 0 ? '0 y0' : terms.join(' + ')} = ${hours}`);
    });
  }
  const deviationRows = (tag: string, o: Objective) =>
    Array.from({ length: n }, (_, c) => {
      const terms = load(c, o.layerWeights);
      const lhs = terms.length === 0 ? '0 y0' : terms.join(' + ');
      return [
        ` ${tag}hi${c}: ${lhs} - ${tag} <= ${o.share[c]}`,
        ` ${tag}lo${c}: ${lhs} + ${tag} >= ${o.share[c]}`,
      ];
    }).flat();
  const unit = (l: number) => Array.from({ length: layers }, (_, m) => (m === l ? 1 : 0));
  const solve = (stages: readonly Objective[]): number[] => {
    const fixed: string[] = [];
    const optima: number[] = [];
    stages.forEach((o, s) => {
      const tag = `t${s}`;
      fixed.push(...deviationRows(tag, o));
      const lp = [
        'Minimize',
        ` obj: ${tag}`,
        'Subject To',
        ...rows,
        ...fixed,
        ...optima.map((opt, p) => ` fix${p}: t${p} <= ${opt + 1e-4}`),
        'Bounds',
        ...stages.slice(0, s + 1).map((_, p) => ` t${p} >= 0`),
        'General',
        ` ${vars.map((v) => v.name).join(' ')}`,
        'End',
      ].join('\n');
      const result = solver!.solve(lp, { mip_rel_gap: 0, time_limit: timeLimitSeconds });
      if (result.Status === 'Time limit reached') throw new TimeLimit();
      if (result.Status !== 'Optimal') throw new Error(`exact optimum: ${result.Status}`);
      optima.push(result.ObjectiveValue);
    });
    return optima;
  };
  if (vars.length === 0) return { byLayer: shareByLayer.map(() => 0), weighted: 0, totalAfterFirst: 0 };
  const weightedShare = totalShare.map((_, c) =>
    shareByLayer.reduce((sum, share, l) => sum + layerWeights[l]! * share[c]!, 0),
  );
  try {
    return optimaOf();
  } catch (error) {
    if (error instanceof TimeLimit) return undefined;
    throw error;
  }
  function optimaOf(): LayeredOptimum {
    const lex = solve([
      ...shareByLayer.map((share, l) => ({ layerWeights: unit(l), share })),
      { layerWeights, share: weightedShare },
    ]);
    const [, totalAfterFirst] = solve([
      { layerWeights: unit(0), share: shareByLayer[0]! },
      { layerWeights: shareByLayer.map(() => 1), share: totalShare },
    ]);
    return { byLayer: lex.slice(0, layers), weighted: lex[layers]!, totalAfterFirst: totalAfterFirst! };
  }
}

/** Thrown inside {@link layeredOptimum} when a solve hits its time limit. */
class TimeLimit extends Error {}
