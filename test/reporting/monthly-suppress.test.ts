import fc from 'fast-check';
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PublishedCount, suppressList, suppressTable } from '../../src/reporting/monthly/suppress.js';

type Solver = Awaited<ReturnType<typeof highsLoader>>;
let solver: Solver;
beforeAll(async () => {
  solver = await highsLoader();
});

/**
 * The attacker: knows every shown entry, that `<k` is 1..k-1 and `×` is at least k, and that cells add up to
 * their row, column and grand totals. For every hidden entry, an integer program finds its smallest and largest
 * possible value; the entry is protected when they differ. Independent of the code under test (HiGHS MIP).
 */
function recomputable(counts: number[][], pub: ReturnType<typeof suppressTable>, k: number): string[] {
  const r = counts.length;
  const c = counts[0]!.length;
  const entries: { name: string; p: PublishedCount }[][] = [];
  for (let i = 0; i <= r; i++) {
    const row: { name: string; p: PublishedCount }[] = [];
    for (let j = 0; j <= c; j++) {
      const p =
        i < r && j < c
          ? pub.cells[i]![j]!
          : i < r
            ? pub.rowTotals[i]!
            : j < c
              ? pub.columnTotals[j]!
              : pub.total;
      row.push({ name: `x${i}_${j}`, p });
    }
    entries.push(row);
  }
  const term = (e: { name: string; p: PublishedCount }) =>
    'value' in e.p ? { v: e.p.value } : { n: e.name };
  const rows: string[] = [];
  const eq = (
    cells: { name: string; p: PublishedCount }[],
    total: { name: string; p: PublishedCount },
    tag: string,
  ) => {
    let constant = 0;
    const vars: string[] = [];
    for (const e of cells) {
      const t = term(e);
      if ('v' in t) constant += t.v!;
      else vars.push(`+ ${t.n}`);
    }
    const tt = term(total);
    if ('v' in tt) rows.push(` ${tag}: ${vars.join(' ') || '0 x_dummy'} = ${tt.v! - constant}`);
    else rows.push(` ${tag}: ${vars.join(' ')} - ${tt.n} = ${-constant}`);
  };
  for (let i = 0; i <= r; i++) eq(entries[i]!.slice(0, c), entries[i]![c]!, `r${i}`);
  for (let j = 0; j <= c; j++) eq(entries.map((row) => row[j]!).slice(0, r), entries[r]![j]!, `c${j}`);
  const hidden = entries.flat().filter((e) => !('value' in e.p));
  const boundsLines = hidden.map((e) =>
    'hidden' in e.p && e.p.hidden === 'small' ? ` 1 <= ${e.name} <= ${k - 1}` : ` ${e.name} >= ${k}`,
  );
  boundsLines.push(' x_dummy = 0');
  const bad: string[] = [];
  for (const e of hidden) {
    const range: number[] = [];
    for (const sense of ['Minimize', 'Maximize']) {
      const lp = [
        sense,
        ` obj: ${e.name}`,
        'Subject To',
        ...rows,
        'Bounds',
        ...boundsLines,
        'General',
        ` ${hidden.map((h) => h.name).join(' ')}`,
        'End',
      ].join('\n');
      const res = solver.solve(lp, { mip_rel_gap: 0 });
      // The true counts are a feasible point, so "infeasible or unbounded" can only mean unbounded.
      const unbounded = res.Status === 'Unbounded' || res.Status === 'Primal infeasible or unbounded';
      expect(unbounded || res.Status === 'Optimal').toBe(true);
      range.push(unbounded ? Number.POSITIVE_INFINITY : (res as { ObjectiveValue: number }).ObjectiveValue);
    }
    if (!(range[1]! > range[0]!)) bad.push(`${e.name} pinned at ${range[0]}`);
  }
  return bad;
}

describe('small-count suppression', () => {
  it('hides 1..k-1 and protects them in a hand-made table (k = 5)', () => {
    // [[3, 7], [6, 9]]: 3 is small; row 0 (3 + 7 = 10) and column 0 (3 + 6 = 9) would give it away, so 7 and 6 are
    // hidden too, and then 9 (row 1: 6 + 9 = 15, column 1: 7 + 9 = 16).
    const t = suppressTable(
      [
        [3, 7],
        [6, 9],
      ],
      5,
    );
    expect(t.cells).toEqual([
      [{ hidden: 'small' }, { hidden: 'complement' }],
      [{ hidden: 'complement' }, { hidden: 'complement' }],
    ]);
    expect(t.total).toEqual({ value: 25 });
    expect(
      recomputable(
        [
          [3, 7],
          [6, 9],
        ],
        t,
        5,
      ),
    ).toEqual([]);
  });

  it('a list with one small count hides a second entry, never a zero', () => {
    const t = suppressList([2, 0, 8, 12], 5);
    expect(t.cells).toEqual([{ hidden: 'small' }, { value: 0 }, { hidden: 'complement' }, { value: 12 }]);
    expect(t.total).toEqual({ value: 22 });
    expect(suppressList([1, 1, 0], 3).withheld).toBe(true); // total 2 < k: 1 + 1 = 2 pins both
    expect(suppressList([1, 1, 0], 3).cells).toEqual([
      { hidden: 'withheld' },
      { hidden: 'withheld' },
      { hidden: 'withheld' },
    ]);
  });

  it('no hidden entry can be recomputed from what is shown (property, HiGHS as the attacker)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((r) =>
          fc.integer({ min: 1, max: 4 }).chain((c) =>
            fc.array(
              fc.array(
                fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 30 })),
                { minLength: c, maxLength: c },
              ),
              {
                minLength: r,
                maxLength: r,
              },
            ),
          ),
        ),
        fc.constantFrom(3, 5),
        (counts, k) => {
          const pub = suppressTable(counts, k);
          if (pub.withheld) {
            // Only when some line has no shown non-zero entry left to hide; then nothing is published.
            expect(pub.total).toEqual({ hidden: 'withheld' });
            return;
          }
          // Every 1..k-1 entry is hidden; every shown entry is the true count.
          const r = counts.length;
          const c = counts[0]!.length;
          for (let i = 0; i < r; i++)
            for (let j = 0; j < c; j++) {
              const p = pub.cells[i]![j]!;
              const v = counts[i]![j]!;
              if (v >= 1 && v < k) expect(p).toEqual({ hidden: 'small' });
              if ('value' in p) expect(p.value).toBe(v);
              if (v === 0) expect(p).toEqual({ value: 0 });
            }
          expect(recomputable(counts, pub, k)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });
});
