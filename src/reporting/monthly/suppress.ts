/**
 * Small-count suppression with complementary suppression, for the monthly review's tables.
 *
 * A table is a matrix of counts with its row totals, column totals and grand total, seen as one augmented grid
 * whose every row and column is an equation (cells add up to their total). Counts from 1 to k-1 are hidden
 * (primary, shown `<k`). Then, line by line, further non-zero entries are hidden (complementary, shown `×`)
 * until, in every line, each hidden entry can still take at least two values given what is shown: a reader who
 * knows that a `<k` entry is 1 to k-1 and a `×` entry is at least k (zeros are shown and never hidden) cannot
 * recompute any of them from the totals. Where no choice can protect a line (a grand total below k, say) the
 * whole table is withheld. The result carries no hidden value at all, so no format can leak one.
 *
 * @module
 */

/** One entry as published: a count, or hidden. */
export type PublishedCount =
  | {
      /** The count, shown as it is (0, or at least k). */
      readonly value: number;
    }
  | {
      /** `small`: the count is 1 to k-1 (shown `<k`). */
      readonly hidden: 'small';
    }
  | {
      /** `complement`: hidden to protect another entry; the count is at least k (shown `×`). */
      readonly hidden: 'complement';
    }
  | {
      /** `withheld`: the whole table is withheld, as it could not be shown without giving a small count away. */
      readonly hidden: 'withheld';
    };

/** A table as published. */
export interface PublishedTable {
  /** The cells, row by row, in the order of the counts given. */
  readonly cells: readonly (readonly PublishedCount[])[];
  /** Total of each row. */
  readonly rowTotals: readonly PublishedCount[];
  /** Total of each column. */
  readonly columnTotals: readonly PublishedCount[];
  /** The grand total. */
  readonly total: PublishedCount;
  /** True when no safe partial table exists (e.g. a grand total below k): every entry is `withheld`. */
  readonly withheld: boolean;
}

type State = 0 | 1 | 2; // shown, small, complement

/**
 * Publishes a count matrix (rows x columns, at least one of each) with its margins under k-anonymity.
 * Deterministic: complements are chosen smallest first, cells before totals, in reading order.
 *
 * @param k - smallest count shown as it is (k >= 2; counts 1..k-1 are hidden).
 * @example
 * suppressTable([[3, 7], [6, 9]], 5).cells[0][0] // { hidden: 'small' }
 */
export function suppressTable(counts: readonly (readonly number[])[], k: number): PublishedTable {
  const r = counts.length;
  const c = counts[0]?.length ?? 0;
  // Augmented grid: row r holds the column totals, column c the row totals, (r, c) the grand total.
  const grid: number[][] = Array.from({ length: r + 1 }, (_, i) =>
    Array.from({ length: c + 1 }, (_, j) => (i < r && j < c ? (counts[i]![j] as number) : 0)),
  );
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      grid[i]![c]! += grid[i]![j]!;
      grid[r]![j]! += grid[i]![j]!;
      grid[r]![c]! += grid[i]![j]!;
    }
  const state: State[][] = grid.map((row) => row.map((v) => (v >= 1 && v < k ? 1 : 0)));
  const mirror = () => {
    // A 1-column (or 1-row) table repeats its cells as totals: the copies are hidden exactly when what they copy is.
    if (c === 1) for (let i = 0; i <= r; i++) state[i]![1] = state[i]![0]!;
    else if (r === 1) for (let j = 0; j <= c; j++) state[1]![j] = state[0]![j]!;
  };
  mirror();
  let withheld = false;
  for (;;) {
    const pinned = firstPinned(grid, state, k, r, c);
    if (pinned === undefined) break;
    const next = pickComplement(pinned, grid, state, r, c);
    if (next === undefined) {
      withheld = true;
      break;
    }
    state[next[0]]![next[1]] = 2;
    mirror();
  }
  const pub = (i: number, j: number): PublishedCount => {
    const s = state[i]![j];
    if (withheld) return { hidden: 'withheld' };
    return s === 1 ? { hidden: 'small' } : s === 2 ? { hidden: 'complement' } : { value: grid[i]![j]! };
  };
  return {
    cells: Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => pub(i, j))),
    rowTotals: Array.from({ length: r }, (_, i) => pub(i, c)),
    columnTotals: Array.from({ length: c }, (_, j) => pub(r, j)),
    total: pub(r, c),
    withheld,
  };
}

/** A list of counts with its total, as published. */
export interface PublishedList {
  /** The counts, in the order given. */
  readonly cells: readonly PublishedCount[];
  /** Their total. */
  readonly total: PublishedCount;
  /** True when the list could not be shown safely: every entry is `withheld`. */
  readonly withheld: boolean;
}

/**
 * A count list with its total (a one-column table), published the same way.
 *
 * @example
 * suppressList([2, 0, 8, 12], 5).cells
 * // [{ hidden: 'small' }, { value: 0 }, { hidden: 'complement' }, { value: 12 }]; total { value: 22 }
 */
export function suppressList(counts: readonly number[], k: number): PublishedList {
  if (counts.length === 0) return { cells: [], total: { value: 0 }, withheld: false };
  const t = suppressTable(
    counts.map((n) => [n]),
    k,
  );
  return { cells: t.cells.map((row) => row[0]!), total: t.total, withheld: t.withheld };
}

/** The bounds a reader knows for an entry in state `s` (value `v` when shown). */
function bounds(s: State, v: number, k: number): [number, number] {
  return s === 0 ? [v, v] : s === 1 ? [1, k - 1] : [k, Number.POSITIVE_INFINITY];
}

/**
 * The first hidden entry (reading order) a reader could recompute, or `undefined`. The table is a circulation:
 * source -> row i (row total), row i -> column j (cell), column j -> sink (column total), sink -> source (grand
 * total), each arc within the bounds the reader knows. The true counts are one feasible circulation; an entry can
 * take another value exactly when its arc lies on a cycle of the residual graph (other arcs only), so one
 * breadth-first search per hidden entry decides it, exactly (integer bounds, totally unimodular).
 */
function firstPinned(
  grid: number[][],
  state: State[][],
  k: number,
  r: number,
  c: number,
): [number, number] | undefined {
  // Nodes: 0 = source, 1..r rows, r+1..r+c columns, r+c+1 sink.
  const sink = r + c + 1;
  const arcs: { from: number; to: number; i: number; j: number }[] = [];
  for (let i = 0; i < r; i++) arcs.push({ from: 0, to: 1 + i, i, j: c });
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) arcs.push({ from: 1 + i, to: 1 + r + j, i, j });
  for (let j = 0; j < c; j++) arcs.push({ from: 1 + r + j, to: sink, i: r, j });
  arcs.push({ from: sink, to: 0, i: r, j: c });
  const residual = (skip: number): number[][] => {
    const adj: number[][] = Array.from({ length: sink + 1 }, () => []);
    arcs.forEach((a, x) => {
      if (x === skip) return;
      const [lo, hi] = bounds(state[a.i]![a.j]!, grid[a.i]![a.j]!, k);
      const f = grid[a.i]![a.j]!;
      if (f < hi) adj[a.from]!.push(a.to);
      if (f > lo) adj[a.to]!.push(a.from);
    });
    return adj;
  };
  for (let x = 0; x < arcs.length; x++) {
    const a = arcs[x]!;
    if (state[a.i]![a.j] === 0) continue;
    const [lo, hi] = bounds(state[a.i]![a.j]!, grid[a.i]![a.j]!, k);
    const f = grid[a.i]![a.j]!;
    const adj = residual(x);
    const up = f < hi && reaches(adj, a.to, a.from);
    const down = f > lo && reaches(adj, a.from, a.to);
    if (!up && !down) return [a.i, a.j];
  }
  return undefined;
}

function reaches(adj: readonly number[][], from: number, to: number): boolean {
  const seen = new Uint8Array(adj.length);
  const queue = [from];
  seen[from] = 1;
  while (queue.length > 0) {
    const u = queue.pop()!;
    if (u === to) return true;
    for (const v of adj[u]!) {
      if (!seen[v]) {
        seen[v] = 1;
        queue.push(v);
      }
    }
  }
  return false;
}

/**
 * The entry to hide next to protect `pinned`: a shown, non-zero entry of its row or column (cells before totals,
 * smallest first), else of the whole table; `undefined` when none is left.
 */
function pickComplement(
  pinned: [number, number],
  grid: number[][],
  state: State[][],
  r: number,
  c: number,
): [number, number] | undefined {
  let best: [number, number] | undefined;
  let bestKey = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= r; i++) {
    for (let j = 0; j <= c; j++) {
      if (state[i]![j] !== 0 || grid[i]![j] === 0) continue;
      if ((c === 1 && j === 1) || (r === 1 && i === 1)) continue; // copies follow what they copy
      const sameLine = i === pinned[0] || j === pinned[1];
      const isTotal = i === r || j === c;
      const key = (sameLine ? 0 : 2e12) + (isTotal ? 1e12 : 0) + grid[i]![j]!;
      if (key < bestKey) {
        bestKey = key;
        best = [i, j];
      }
    }
  }
  return best;
}
