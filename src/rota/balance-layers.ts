/**
 * Balancing layers after the assignment: in a hand-off block where two coaches hold layers l and l + 1, they may
 * trade layers. Who is on call when does not change, so neither do coverage, totals, caps, stretches or rests; only
 * the split between the layers does, and only the running total of layers 0..l moves. Trades go where they bring
 * that running total nearer to its fair share (for l = 0: the first line), never against an override, the previous
 * rota or a layer's skills.
 *
 * @module
 */
import type { IndexedRun } from './assign.js';
import type { IndexedShift } from './rota-inputs.js';

/** A hand-off block whose two layers are each held by one generated run throughout. */
interface Unit {
  readonly start: number;
  readonly end: number;
  first: number;
  second: number;
}

/**
 * Trades layers `l` and `l + 1` between their holders, block by block, while it brings the running total of layers
 * 0..l nearer its share: a trade moves `len` of it from coach x to coach y, and is made when x is further above
 * their share than y by more than `len` (so the sum of squared deviations falls, and the largest never grows).
 * Passes in time order until none changes anything (at most 50). Deterministic. Returns the new runs, sorted like
 * the input. Trades of one pair of layers leave every other running total as it was, so pairs are independent.
 *
 * @param bounds - the horizon's start, its hand-off times, its end: trades keep hand-offs at hand-off times.
 * @param share - each coach's share of layers 0..l together, ms.
 * @param skilled - `skilled(c, l)`: coach c has the skills of layer l.
 */
export function balanceLayers(
  runs: readonly IndexedRun[],
  l: number,
  bounds: readonly number[],
  share: ArrayLike<number>,
  skilled: (c: number, l: number) => boolean,
  previous: readonly IndexedShift[],
): IndexedRun[] {
  const first = runs.filter((r) => r.layer === l);
  const second = runs.filter((r) => r.layer === l + 1);
  if (first.length === 0 || second.length === 0) return [...runs];
  const units: Unit[] = [];
  let i = 0;
  let j = 0;
  const kept = (layer: number, coach: number, a: number, b: number) =>
    previous.some((p) => p.layer === layer && p.coach === coach && p.start < b && a < p.end);
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [a, b] = [bounds[k]!, bounds[k + 1]!];
    while (i < first.length && first[i]!.end <= a) i++;
    while (j < second.length && second[j]!.end <= a) j++;
    const x = first[i];
    const y = second[j];
    if (x === undefined || y === undefined) break;
    if (x.start > a || x.end < b || y.start > a || y.end < b || x.override || y.override) continue;
    if (!skilled(x.coach, l + 1) || !skilled(y.coach, l)) continue;
    if (kept(l, x.coach, a, b) || kept(l + 1, y.coach, a, b)) continue;
    units.push({ start: a, end: b, first: x.coach, second: y.coach });
  }
  if (units.length === 0) return [...runs];
  const deviation = new Map<number, number>();
  const dev = (c: number) => deviation.get(c) ?? -share[c]!;
  for (const r of runs) if (r.layer <= l) deviation.set(r.coach, dev(r.coach) + r.end - r.start);
  const swapped = new Uint8Array(units.length);
  for (let pass = 0, changed = true; changed && pass < 50; pass++) {
    changed = false;
    units.forEach((u, k) => {
      const len = u.end - u.start;
      if (dev(u.first) - dev(u.second) <= len + 1) return;
      deviation.set(u.first, dev(u.first) - len);
      deviation.set(u.second, dev(u.second) + len);
      [u.first, u.second] = [u.second, u.first];
      swapped[k] = swapped[k] === 1 ? 0 : 1;
      changed = true;
    });
  }
  const traded = units.filter((_, k) => swapped[k] === 1);
  if (traded.length === 0) return [...runs];
  const rebuilt = [...retile(first, traded, true), ...retile(second, traded, false)];
  return [...runs.filter((r) => r.layer !== l && r.layer !== l + 1), ...rebuilt].sort(
    (x, y) => x.start - y.start || x.layer - y.layer,
  );
}

/** A layer's runs with the traded blocks given to their new holders, adjacent pieces of one holder merged. */
function retile(runs: readonly IndexedRun[], traded: readonly Unit[], upper: boolean): IndexedRun[] {
  const pieces: IndexedRun[] = [];
  let u = 0;
  for (const r of runs) {
    let t = r.start;
    while (u < traded.length && traded[u]!.end <= r.start) u++;
    for (let k = u; k < traded.length && traded[k]!.start < r.end; k++) {
      const unit = traded[k]!;
      if (unit.start > t) pieces.push({ ...r, start: t, end: unit.start });
      pieces.push({ ...r, coach: upper ? unit.first : unit.second, start: unit.start, end: unit.end });
      t = unit.end;
    }
    if (t < r.end) pieces.push({ ...r, start: t, end: r.end });
  }
  return mergeRuns(pieces);
}

/** Runs in time order with adjacent pieces of one holder (same override flag) merged into one. */
export function mergeRuns(pieces: readonly IndexedRun[]): IndexedRun[] {
  const merged: IndexedRun[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (
      last !== undefined &&
      last.coach === p.coach &&
      last.end === p.start &&
      last.override === p.override
    ) {
      last.end = p.end;
    } else merged.push({ ...p });
  }
  return merged;
}
