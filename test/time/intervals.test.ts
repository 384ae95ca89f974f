import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clip,
  contains,
  containsInterval,
  difference,
  emptySet,
  fromIntervals,
  type IntervalSet,
  intersect,
  isNormalized,
  normalize,
  overlaps,
  toIntervals,
  totalLength,
  union,
} from '../../src/time/intervals.js';

const set = (...values: number[]): IntervalSet => Float64Array.from(values);
const list = (a: ArrayLike<number>): number[] => Array.from(a);

describe('normalize (examples)', () => {
  it('sorts, merges overlapping and touching pairs, drops empty ones', () => {
    expect(list(normalize([5, 7, 1, 3, 3, 4, 9, 9]))).toEqual([1, 4, 5, 7]);
  });

  it('drops reversed pairs', () => {
    expect(list(normalize([4, 2, 6, 8]))).toEqual([6, 8]);
    expect(list(normalize([4, 2]))).toEqual([]);
  });

  it('merges a pair wholly inside another, and chains of touching pairs', () => {
    expect(list(normalize([0, 10, 2, 3]))).toEqual([0, 10]);
    expect(list(normalize([3, 4, 0, 1, 2, 3, 1, 2]))).toEqual([0, 4]);
  });

  it('keeps disjoint, non-touching pairs apart', () => {
    expect(list(normalize([1, 2, 3, 4]))).toEqual([1, 2, 3, 4]);
  });

  it('accepts empty input and typed arrays, and returns a Float64Array', () => {
    expect(list(normalize([]))).toEqual([]);
    const out = normalize(Float64Array.from([2, 3, 0, 1]));
    expect(out).toBeInstanceOf(Float64Array);
    expect(list(out)).toEqual([0, 1, 2, 3]);
  });

  it('handles infinite bounds', () => {
    expect(list(normalize([5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5]))).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
  });
});

describe('fromIntervals / toIntervals / emptySet (examples)', () => {
  it('converts objects to a normalized set and back', () => {
    const s = fromIntervals([
      { start: 10, end: 20 },
      { start: 0, end: 5 },
      { start: 5, end: 6 },
      { start: 30, end: 30 },
    ]);
    expect(list(s)).toEqual([0, 6, 10, 20]);
    expect(toIntervals(s)).toEqual([
      { start: 0, end: 6 },
      { start: 10, end: 20 },
    ]);
    expect(toIntervals(emptySet())).toEqual([]);
    expect(list(fromIntervals([]))).toEqual([]);
  });

  it('gives a fresh empty set each call', () => {
    const a = emptySet();
    expect(a.length).toBe(0);
    expect(a).not.toBe(emptySet());
  });
});

describe('union / intersect / difference (examples)', () => {
  it('union', () => {
    expect(list(union(set(1, 3), set(2, 5)))).toEqual([1, 5]);
    expect(list(union(set(1, 2), set(2, 3)))).toEqual([1, 3]); // touching merges
    expect(list(union(set(1, 2, 5, 6), set(3, 4)))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(list(union(set(0, 10), set(2, 3, 5, 6)))).toEqual([0, 10]);
    expect(list(union(set(1, 2, 3, 4), set(2, 3)))).toEqual([1, 4]); // fills the hole exactly
    expect(list(union(emptySet(), set(1, 2)))).toEqual([1, 2]);
    expect(list(union(emptySet(), emptySet()))).toEqual([]);
  });

  it('intersect', () => {
    expect(list(intersect(set(1, 3), set(2, 5)))).toEqual([2, 3]);
    expect(list(intersect(set(1, 2), set(2, 3)))).toEqual([]); // touching shares no time
    expect(list(intersect(set(0, 10), set(2, 3, 5, 6)))).toEqual([2, 3, 5, 6]);
    expect(list(intersect(set(0, 4, 6, 10), set(3, 7)))).toEqual([3, 4, 6, 7]);
    expect(list(intersect(set(1, 5), set(1, 5)))).toEqual([1, 5]);
    expect(list(intersect(set(1, 5), emptySet()))).toEqual([]);
  });

  it('difference', () => {
    expect(list(difference(set(1, 5), set(2, 3)))).toEqual([1, 2, 3, 5]);
    expect(list(difference(set(1, 5), set(1, 5)))).toEqual([]);
    expect(list(difference(set(1, 5), set(0, 2)))).toEqual([2, 5]);
    expect(list(difference(set(1, 5), set(4, 9)))).toEqual([1, 4]);
    expect(list(difference(set(1, 2), set(2, 3)))).toEqual([1, 2]);
    expect(list(difference(set(0, 10), set(2, 3, 3.5, 4)))).toEqual([0, 2, 3, 3.5, 4, 10]);
    expect(list(difference(emptySet(), set(1, 2)))).toEqual([]);
    expect(list(difference(set(1, 2), emptySet()))).toEqual([1, 2]);
  });
});

describe('clip / totalLength (examples)', () => {
  it('clip', () => {
    expect(list(clip(set(1, 5, 7, 9), 2, 8))).toEqual([2, 5, 7, 8]);
    expect(list(clip(set(1, 5, 7, 9), 5, 7))).toEqual([]); // exactly the gap
    expect(list(clip(set(1, 5, 7, 9), 0, 100))).toEqual([1, 5, 7, 9]);
    expect(list(clip(set(1, 5, 7, 9), 4, 4))).toEqual([]); // empty window
    expect(list(clip(set(1, 5, 7, 9), 8, 2))).toEqual([]); // reversed window
    expect(list(clip(set(1, 5, 7, 9), 9, 20))).toEqual([]);
    expect(list(clip(set(1, 5), Number.NEGATIVE_INFINITY, 3))).toEqual([1, 3]);
  });

  it('totalLength', () => {
    expect(totalLength(set(1, 3, 5, 6))).toBe(3);
    expect(totalLength(emptySet())).toBe(0);
    expect(totalLength(set(0, 0.5))).toBe(0.5);
  });
});

describe('contains / containsInterval / overlaps (examples)', () => {
  const a = set(1, 3, 5, 8);

  it('contains is half-open', () => {
    expect(contains(a, 0)).toBe(false);
    expect(contains(a, 1)).toBe(true);
    expect(contains(a, 2.5)).toBe(true);
    expect(contains(a, 3)).toBe(false);
    expect(contains(a, 4)).toBe(false);
    expect(contains(a, 5)).toBe(true);
    expect(contains(a, 8)).toBe(false);
    expect(contains(a, 100)).toBe(false);
    expect(contains(emptySet(), 0)).toBe(false);
  });

  it('containsInterval', () => {
    expect(containsInterval(a, 1, 3)).toBe(true);
    expect(containsInterval(a, 5, 8)).toBe(true);
    expect(containsInterval(a, 6, 7)).toBe(true);
    expect(containsInterval(a, 2, 4)).toBe(false);
    expect(containsInterval(a, 2, 6)).toBe(false); // spans a hole
    expect(containsInterval(a, 0, 2)).toBe(false);
    expect(containsInterval(a, 4, 4)).toBe(true); // empty span, even in a hole
    expect(containsInterval(a, 7, 2)).toBe(true); // reversed span counts as empty
    expect(containsInterval(emptySet(), 1, 2)).toBe(false);
  });

  it('overlaps', () => {
    expect(overlaps(a, 0, 1)).toBe(false); // touching the start
    expect(overlaps(a, 3, 5)).toBe(false); // exactly the hole
    expect(overlaps(a, 0, 1.5)).toBe(true);
    expect(overlaps(a, 2.9, 4)).toBe(true);
    expect(overlaps(a, 4, 5.1)).toBe(true);
    expect(overlaps(a, 8, 20)).toBe(false);
    expect(overlaps(a, 0, 100)).toBe(true);
    expect(overlaps(a, 2, 2)).toBe(false); // empty span
    expect(overlaps(emptySet(), 0, 100)).toBe(false);
  });
});

describe('isNormalized (examples)', () => {
  it('accepts normalized sets', () => {
    expect(isNormalized([])).toBe(true);
    expect(isNormalized([1, 2])).toBe(true);
    expect(isNormalized(set(1, 2, 3, 4))).toBe(true);
  });

  it('refuses odd lengths, empty or reversed intervals, touching, overlapping or unsorted ones', () => {
    expect(isNormalized([1])).toBe(false);
    expect(isNormalized([1, 1])).toBe(false);
    expect(isNormalized([2, 1])).toBe(false);
    expect(isNormalized([1, 2, 2, 3])).toBe(false);
    expect(isNormalized([1, 3, 2, 4])).toBe(false);
    expect(isNormalized([3, 4, 1, 2])).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties against a "minute model": a set over [0, SIZE) is a boolean per unit slot [u, u + 1).
// ---------------------------------------------------------------------------------------------------------------

const SIZE = 200;
type Model = boolean[];

function modelOfPairs(pairs: ArrayLike<number>): Model {
  const m: Model = new Array<boolean>(SIZE).fill(false);
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const s = pairs[i] as number;
    const e = pairs[i + 1] as number;
    for (let u = Math.max(0, s); u < Math.min(SIZE, e); u++) m[u] = true;
  }
  return m;
}

/** The normalized set a model stands for: maximal runs of `true`. */
function setOfModel(m: Model): number[] {
  const out: number[] = [];
  for (let u = 0; u < SIZE; u++) {
    if (!m[u]) continue;
    const start = u;
    while (u < SIZE && m[u]) u++;
    out.push(start, u);
  }
  return out;
}

const zip = (a: Model, b: Model, f: (x: boolean, y: boolean) => boolean): Model =>
  a.map((x, i) => f(x, !!b[i]));

/** Raw interval lists: unsorted, overlapping, touching, empty and reversed pairs all allowed. */
const rawPairs = fc
  .array(fc.tuple(fc.integer({ min: 0, max: SIZE }), fc.integer({ min: 0, max: SIZE })), { maxLength: 12 })
  .map((ps) => ps.flat());
/** Mostly short intervals, so that results have many pieces and many touching points. */
const shortPairs = fc
  .array(
    fc
      .tuple(fc.integer({ min: 0, max: SIZE - 1 }), fc.integer({ min: 0, max: 8 }))
      .map(([s, len]) => [s, Math.min(SIZE, s + len)]),
    { maxLength: 30 },
  )
  .map((ps) => ps.flat());
const anyPairs = fc.oneof(rawPairs, shortPairs);
const anySet = anyPairs.map((p) => normalize(p));
const coord = fc.integer({ min: -5, max: SIZE + 5 });

const RUNS = { numRuns: 500 };

describe('interval algebra agrees with the minute model (properties)', () => {
  it('normalize gives the runs of the model, and does not touch its input', () => {
    fc.assert(
      fc.property(anyPairs, (pairs) => {
        const before = [...pairs];
        const out = normalize(pairs);
        expect(pairs).toEqual(before);
        expect(isNormalized(out)).toBe(true);
        expect(list(out)).toEqual(setOfModel(modelOfPairs(pairs)));
        // Idempotent, and fromIntervals/toIntervals round-trip.
        expect(list(normalize(out))).toEqual(list(out));
        expect(list(fromIntervals(toIntervals(out)))).toEqual(list(out));
      }),
      RUNS,
    );
  });

  const binary = [
    ['union', union, (x: boolean, y: boolean) => x || y],
    ['intersect', intersect, (x: boolean, y: boolean) => x && y],
    ['difference', difference, (x: boolean, y: boolean) => x && !y],
  ] as const;

  for (const [name, op, truth] of binary) {
    it(`${name} agrees with the model, is normalized and does not mutate its inputs`, () => {
      fc.assert(
        fc.property(anySet, anySet, (a, b) => {
          const a0 = list(a);
          const b0 = list(b);
          const out = op(a, b);
          expect(list(a)).toEqual(a0);
          expect(list(b)).toEqual(b0);
          expect(out).not.toBe(a);
          expect(out).not.toBe(b);
          expect(isNormalized(out)).toBe(true);
          expect(list(out)).toEqual(setOfModel(zip(modelOfPairs(a), modelOfPairs(b), truth)));
        }),
        RUNS,
      );
    });
  }

  it('an operation applied to a set and itself behaves as the model says', () => {
    fc.assert(
      fc.property(anySet, (a) => {
        expect(list(union(a, a))).toEqual(list(a));
        expect(list(intersect(a, a))).toEqual(list(a));
        expect(list(difference(a, a))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('clip agrees with the model, is normalized and does not mutate its input', () => {
    fc.assert(
      fc.property(anySet, coord, coord, (a, from, to) => {
        const a0 = list(a);
        const out = clip(a, from, to);
        expect(list(a)).toEqual(a0);
        expect(isNormalized(out)).toBe(true);
        const m = modelOfPairs(a).map((x, u) => x && u >= from && u < to);
        expect(list(out)).toEqual(setOfModel(m));
      }),
      RUNS,
    );
  });

  it('totalLength counts the model slots', () => {
    fc.assert(
      fc.property(anySet, (a) => {
        expect(totalLength(a)).toBe(modelOfPairs(a).filter(Boolean).length);
      }),
      RUNS,
    );
  });

  it('contains agrees with the model at integer and fractional points', () => {
    fc.assert(
      fc.property(anySet, coord, fc.constantFrom(0, 0.25, 0.5, 0.999), (a, u, frac) => {
        const a0 = list(a);
        const m = modelOfPairs(a);
        const t = u + frac;
        expect(contains(a, t)).toBe(u >= 0 && u < SIZE && !!m[u]);
        expect(list(a)).toEqual(a0);
      }),
      RUNS,
    );
  });

  it('containsInterval and overlaps agree with the model', () => {
    fc.assert(
      fc.property(anySet, coord, coord, (a, start, end) => {
        const a0 = list(a);
        const m = modelOfPairs(a);
        const slots: boolean[] = [];
        for (let u = start; u < end; u++) slots.push(u >= 0 && u < SIZE && !!m[u]);
        expect(containsInterval(a, start, end)).toBe(slots.every(Boolean));
        expect(overlaps(a, start, end)).toBe(slots.some(Boolean));
        expect(list(a)).toEqual(a0);
      }),
      RUNS,
    );
  });

  it('isNormalized is true exactly for the arrays normalize would leave unchanged', () => {
    fc.assert(
      fc.property(anyPairs, (pairs) => {
        const normalized = list(normalize(pairs));
        expect(isNormalized(pairs)).toBe(
          pairs.length === normalized.length && pairs.every((v, i) => v === normalized[i]),
        );
      }),
      RUNS,
    );
  });

  it('set identities hold: a = (a ∩ b) ∪ (a \\ b), and lengths add up', () => {
    fc.assert(
      fc.property(anySet, anySet, (a, b) => {
        expect(list(union(intersect(a, b), difference(a, b)))).toEqual(list(a));
        expect(totalLength(union(a, b)) + totalLength(intersect(a, b))).toBe(totalLength(a) + totalLength(b));
      }),
      RUNS,
    );
  });
});
