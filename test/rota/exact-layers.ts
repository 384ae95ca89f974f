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
 * {@link orderedOptimum} solves the same objectives over pieces in time order that keep the rota's hand-off rule
 * (a holder still free between two hand-off times keeps their layer), for a real team whose windows start and end off
 * the grid; {@link rotaPieces} cuts a rota's horizon into such pieces.
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
  /**
   * The order the rota steers by: the first layer, the total, then each next layer and the weighted total. Where
   * the next layers' optima above would take a coach's total far from its share (a coach whose first line is
   * forced above their share, given a lower layer as well), these are the figures that a rota keeping the total
   * within reach can be held to.
   */
  readonly afterTotal: {
    /** Per layer (the first is `byLayer[0]`'s), each minimised after the first layer, the total and the layers before. */
    readonly byLayer: readonly number[];
    readonly weighted: number;
  };
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
 * A variable of the model: hours it puts on its holders, in which local week, and who holds which layer
 * (`holders[l]`, the coach holding layer l, or -1 for a layer this variable says nothing of).
 */
interface Var {
  readonly name: string;
  readonly hours: number;
  readonly week: number;
  readonly holders: readonly number[];
}

/** A model before its objectives: the variables, the constraints, and bounds on the variables. */
interface Model {
  readonly vars: readonly Var[];
  readonly rows: readonly string[];
  readonly bounds: readonly string[];
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
  const vars: Var[] = [];
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
  const model = { vars, rows: [...rows, ...capRows(vars, n, layers, caps)], bounds: [] };
  return optimaOf(model, n, shareByLayer, totalShare, layerWeights, timeLimitSeconds);
}

/**
 * One piece of the horizon, in time order, for {@link orderedOptimum}: who is free (bit c = coach c) throughout,
 * its length (hours), its local week, and whether the piece after it lies in the same hand-off block.
 */
export interface Piece extends Block {
  /** The next piece starts at an availability edge, not at a hand-off time: a free holder keeps their layer. */
  readonly sameBlockAsNext: boolean;
  /**
   * How many layers are held in this piece (the first ones), when a rota's own coverage is fixed piece by piece:
   * with weekly caps, where a rota leaves a layer empty matters, not only for how long.
   * @defaultValue min(free coaches, layers)
   */
  readonly held?: number;
}

/**
 * Exact lexicographic optima, as {@link layeredOptimum}, over the rotas that keep the rota's hand-off rule: between
 * two hand-off times, a holder who is still free keeps their layer or moves up to a more important one (allowed
 * here whenever it is free, which the rota allows only when nobody else can take it: so this is a relaxation, a
 * lower bound for every rota that keeps the rule). A coach with a weekly cap may leave at any time (a rota ends a run
 * where the cap is reached), so the rule binds only the coaches without one. Pieces are in time order and not
 * interchangeable, so the model has a binary per piece, free coach and layer: fine for a team of 7 over four weeks.
 * With `caps`, each piece holds `piece.held` layers (the rota's coverage, piece by piece; `caps.heldByLayer` is then
 * implied and not used).
 */
export function orderedOptimum(
  pieces: readonly Piece[],
  n: number,
  shareByLayer: readonly (readonly number[])[],
  totalShare: readonly number[],
  layerWeights: readonly number[],
  caps?: CapsOption,
  timeLimitSeconds = 20,
): LayeredOptimum | undefined {
  const layers = shareByLayer.length;
  const vars: Var[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  /** `names[p][c][l]`: the variable "coach c holds layer l in piece p", if c is free then. */
  const names = pieces.map((piece, p) =>
    Array.from({ length: n }, (_, c) =>
      Array.from({ length: layers }, (_, l) => {
        if ((piece.mask & (1 << c)) === 0) return undefined;
        const name = `x${p}_${c}_${l}`;
        const holders = Array.from({ length: l + 1 }, (_, m) => (m === l ? c : -1));
        vars.push({ name, hours: piece.hours, week: piece.week ?? 0, holders });
        bounds.push(` ${name} <= 1`);
        return name;
      }),
    ),
  );
  const sum = (terms: (string | undefined)[]) => terms.filter((t) => t !== undefined).join(' + ');
  pieces.forEach((piece, p) => {
    if (piece.mask === 0) return;
    let free = 0;
    for (let c = 0; c < n; c++) if (piece.mask & (1 << c)) free++;
    const held = piece.held ?? Math.min(free, layers);
    for (let l = 0; l < layers; l++) {
      rows.push(` p${p}l${l}: ${sum(names[p]!.map((byLayer) => byLayer[l]))} = ${l < held ? 1 : 0}`);
    }
    for (let c = 0; c < n; c++) {
      const one = sum(names[p]![c]!);
      if (one !== '') rows.push(` p${p}c${c}: ${one} <= 1`);
    }
    if (!piece.sameBlockAsNext || p + 1 >= pieces.length) return;
    // The hand-off rule: a holder free in the next piece holds there this layer or a more important one.
    for (let c = 0; c < n; c++) {
      if (caps !== undefined && Number.isFinite(caps.capHours[c]!)) continue;
      for (let l = 0; l < layers; l++) {
        const here = names[p]![c]![l];
        const next = names[p + 1]![c]!.slice(0, l + 1);
        if (here === undefined || next[0] === undefined) continue;
        rows.push(` keep${p}c${c}l${l}: ${here} - ${next.join(' - ')} <= 0`);
      }
    }
  });
  const capsOnly = caps === undefined ? undefined : { ...caps, heldByLayer: [] };
  const model = { vars, rows: [...rows, ...capRows(vars, n, layers, capsOnly)], bounds };
  return optimaOf(model, n, shareByLayer, totalShare, layerWeights, timeLimitSeconds);
}

/** Σ weight · hours · variable over the variables where coach c holds a layer (in `week`, if given), as LP terms. */
function loadTerms(vars: readonly Var[], c: number, weights: readonly number[], week?: number): string[] {
  const terms: string[] = [];
  for (const v of vars) {
    const l = v.holders.indexOf(c);
    if (l >= 0 && weights[l]! > 0 && (week === undefined || v.week === week)) {
      terms.push(`${weights[l]! * v.hours} ${v.name}`);
    }
  }
  return terms;
}

/** Weekly caps per coach, and each layer's hours fixed to the rota's own coverage. */
function capRows(vars: readonly Var[], n: number, layers: number, caps: CapsOption | undefined): string[] {
  if (caps === undefined) return [];
  const rows: string[] = [];
  const weeks = new Set(vars.map((v) => v.week));
  const all = Array.from({ length: layers }, () => 1);
  for (let c = 0; c < n; c++) {
    if (!Number.isFinite(caps.capHours[c]!)) continue;
    for (const week of weeks) {
      const terms = loadTerms(vars, c, all, week);
      if (terms.length > 0) rows.push(` cap${c}w${week}: ${terms.join(' + ')} <= ${caps.capHours[c]}`);
    }
  }
  caps.heldByLayer.forEach((hours, l) => {
    const terms = vars.filter((v) => (v.holders[l] ?? -1) >= 0).map((v) => `${v.hours} ${v.name}`);
    rows.push(
      ` held${l}: ${terms.length === 0 ? `0 ${vars[0]?.name ?? 'y0'}` : terms.join(' + ')} = ${hours}`,
    );
  });
  return rows;
}

/** Solves the model's objectives in lexicographic order (see {@link LayeredOptimum}). */
function optimaOf(
  model: Model,
  n: number,
  shareByLayer: readonly (readonly number[])[],
  totalShare: readonly number[],
  layerWeights: readonly number[],
  timeLimitSeconds: number,
): LayeredOptimum | undefined {
  if (solver === undefined) throw new Error('call loadSolver() first');
  const { vars, rows, bounds } = model;
  const layers = shareByLayer.length;
  const deviationRows = (tag: string, o: Objective) =>
    Array.from({ length: n }, (_, c) => {
      const terms = loadTerms(vars, c, o.layerWeights);
      const lhs = terms.length === 0 ? `0 ${vars[0]!.name}` : terms.join(' + ');
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
        ...bounds,
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
  if (vars.length === 0) {
    const byLayer = shareByLayer.map(() => 0);
    return { byLayer, weighted: 0, totalAfterFirst: 0, afterTotal: { byLayer, weighted: 0 } };
  }
  const weightedShare = totalShare.map((_, c) =>
    shareByLayer.reduce((sum, share, l) => sum + layerWeights[l]! * share[c]!, 0),
  );
  try {
    const lex = solve([
      ...shareByLayer.map((share, l) => ({ layerWeights: unit(l), share })),
      { layerWeights, share: weightedShare },
    ]);
    const [first, totalAfterFirst, ...next] = solve([
      { layerWeights: unit(0), share: shareByLayer[0]! },
      { layerWeights: shareByLayer.map(() => 1), share: totalShare },
      ...shareByLayer.slice(1).map((share, l) => ({ layerWeights: unit(l + 1), share })),
      { layerWeights, share: weightedShare },
    ]);
    return {
      byLayer: lex.slice(0, layers),
      weighted: lex[layers]!,
      totalAfterFirst: totalAfterFirst!,
      afterTotal: { byLayer: [first!, ...next.slice(0, layers - 1)], weighted: next[layers - 1]! },
    };
  } catch (error) {
    if (error instanceof TimeLimit) return undefined;
    throw error;
  }
}

/** Thrown inside {@link layeredOptimum} when a solve hits its time limit. */
class TimeLimit extends Error {}

/** What {@link rotaPieces} reads of a rota and its team. Times UTC epoch ms. */
export interface PiecesInput {
  readonly from: number;
  readonly to: number;
  /** The hand-off times inside the horizon. */
  readonly handOffs: readonly number[];
  /** Local Mondays 00:00 inside the horizon (where weekly caps start again). */
  readonly mondays: readonly number[];
  /** Each coach's free time, `[start, end, start, end, …]`, by coach index. */
  readonly free: readonly ArrayLike<number>[];
  readonly coachIds: readonly string[];
  /** Coaches with a weekly cap, by index (the hand-off rule does not bind them in the model). */
  readonly capped: readonly boolean[];
  readonly layers: readonly string[];
  readonly shifts: readonly {
    readonly layer: string;
    readonly coachId: string;
    readonly start: number;
    readonly end: number;
  }[];
}

/**
 * A rota's horizon as {@link Piece}s for {@link orderedOptimum}, with its coverage piece by piece: cut at the hand-off
 * times, the coaches' free edges, local Mondays and the rota's own shift edges, in time order. Throws where the rota
 * holds a layer below an empty one, or breaks the hand-off rule for a coach without a cap: the model would not admit
 * the rota itself, so its optimum would not bound it.
 */
export function rotaPieces(r: PiecesInput): Piece[] {
  const grid = new Set(r.handOffs);
  const points = new Set([r.from, r.to, ...r.handOffs, ...r.mondays]);
  for (const set of r.free) for (let k = 0; k < set.length; k++) points.add(set[k]!);
  for (const x of r.shifts) points.add(x.start).add(x.end);
  const sorted = [...points].filter((t) => t >= r.from && t <= r.to).sort((a, b) => a - b);
  const isFree = (c: number, t: number) => {
    const set = r.free[c]!;
    for (let k = 0; k < set.length; k += 2) if (set[k]! <= t && t < set[k + 1]!) return true;
    return false;
  };
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i]!, sorted[i + 1]!];
    let mask = 0;
    r.free.forEach((_, c) => {
      if (isFree(c, a)) mask |= 1 << c;
    });
    const on = r.layers.map((l) => r.shifts.some((x) => x.layer === l && x.start <= a && b <= x.end));
    const held = on.filter(Boolean).length;
    if (on.some((v, l) => v && l >= held)) throw new Error(`a layer is held below an empty one at ${a}`);
    const week = r.mondays.filter((m) => m <= a).length;
    pieces.push({ mask, hours: (b - a) / 3_600_000, week, sameBlockAsNext: b < r.to && !grid.has(b), held });
  }
  for (const x of r.shifts) {
    const c = r.coachIds.indexOf(x.coachId);
    if (x.end === r.to || grid.has(x.end) || !isFree(c, x.end) || r.capped[c]) continue;
    const next = r.shifts.find((y) => y.coachId === x.coachId && y.start === x.end);
    if (next === undefined || r.layers.indexOf(next.layer) > r.layers.indexOf(x.layer))
      throw new Error(`${x.coachId} leaves ${x.layer} at ${new Date(x.end).toISOString()} while free`);
  }
  return pieces;
}
