/**
 * "What would help most": the weekly windows on the team's hand-off grid where one more volunteer would close the
 * most gap time, and the best pair of windows for two recruits. Exact, not estimated: a window's gain is the gap
 * time it closes, which a re-run of coverage with that volunteer added gives too (a property test checks it).
 *
 * Why it is fast: adding one volunteer raises the count by one inside their window, so the gap it closes is exactly
 * the window's overlap with the time where the count is `minCoaches - 1`. That set is read off the timeline once;
 * each candidate then costs one linear merge of its occurrences with it, and no sweep.
 *
 * @module
 */
import type { Coach } from '../../model/team.js';
import { coachFreeTime } from '../../rota/availability.js';
import type { Horizon } from '../../rota/horizon.js';
import type { CountTimeline } from '../../rota/sweep.js';
import type { IntervalSet } from '../../time/intervals.js';
import type { ZoneTable } from '../../time/zone.js';
import type { HelpPair, HelpSection, HelpSuggestion, WeeklyWindow } from './types.js';

/** How the candidate windows are drawn. */
export interface HelpOptions {
  /** Local hand-off times, minutes after midnight, ascending (the rota policy's `handOffMinutes`). */
  readonly handOffMinutes: readonly number[];
  /**
   * Window lengths to try, minutes; each candidate starts and ends on the grid. @defaultValue every grid length
   * from 2 h to 8 h (with the default 4-hourly grid: a 4-hour evening or half-day, and an 8-hour day)
   */
  readonly shapesMinutes?: readonly number[];
  /** How many ranked windows to keep. @defaultValue 5 */
  readonly top?: number;
}

/**
 * Every weekly window of the grid with one of the shapes, Monday first, then by start, then by length.
 *
 * @example
 * // grid 00:00, 08:00, 16:00 and 8-hour windows: 3 a day, 21 a week
 * candidateWindows([0, 480, 960], [480])[1] // { weekday: 0, startMinute: 480, endMinute: 960 }
 */
export function candidateWindows(
  handOffMinutes: readonly number[],
  shapesMinutes: readonly number[],
): WeeklyWindow[] {
  const grid = handOffMinutes.length === 0 ? [0] : handOffMinutes;
  const onGrid = new Set(grid);
  const out: WeeklyWindow[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (const start of grid) {
      for (const length of shapesMinutes) {
        if (length > 0 && length <= 1440 && onGrid.has((start + length) % 1440)) {
          out.push({ weekday, startMinute: start, endMinute: start + length });
        }
      }
    }
  }
  return out;
}

/** The grid's window lengths between 2 h and 8 h, ascending: the default shapes. */
export function defaultShapes(handOffMinutes: readonly number[]): number[] {
  const grid = handOffMinutes.length === 0 ? [0] : handOffMinutes;
  const lengths = new Set<number>();
  for (const a of grid) for (const b of grid) lengths.add((((b - a) % 1440) + 1440) % 1440 || 1440);
  return [...lengths].filter((l) => l >= 120 && l <= 480).sort((x, y) => x - y);
}

/**
 * A volunteer free in `window` every week, in the team's zone, with nothing else: the coach a re-run would add.
 * Expanded by the same code as every coach, so its occurrences (DST days included) are exactly the real ones.
 */
export function windowCoach(window: WeeklyWindow, timeZone: string): Coach {
  return {
    id: 'candidate',
    name: 'candidate',
    timeZone,
    availability: [
      {
        kind: 'weekly',
        weekdays: 1 << window.weekday,
        everyWeeks: 1,
        startMinute: window.startMinute,
        endMinute: window.endMinute,
      },
    ],
    unavailable: [],
    weight: 1,
    skills: [],
  };
}

/** The spans of `timeline` with exactly `count` coaches free, as a normalized set (touching spans cannot occur). */
export function setWithCount(timeline: CountTimeline, count: number): IntervalSet {
  const { boundaries, counts } = timeline;
  const out: number[] = [];
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] === count) out.push(boundaries[k] as number, boundaries[k + 1] as number);
  }
  return Float64Array.from(out);
}

/** Length of `a ∩ b` (normalized sets), without building it: one merge. */
export function overlapLength(a: IntervalSet, b: IntervalSet): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i] as number, b[j] as number);
    const hi = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (lo < hi) total += hi - lo;
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return total;
}

/** Length of `s ∩ (a ∪ b)` = |s∩a| + |s∩b| - |s∩a∩b|, and |t∩a∩b|, in one walk each (all normalized). */
function pairOverlap(s: IntervalSet, t: IntervalSet, a: IntervalSet, b: IntervalSet): number {
  const both = intersectSets(a, b);
  return overlapLength(s, a) + overlapLength(s, b) - overlapLength(s, both) + overlapLength(t, both);
}

function intersectSets(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i] as number, b[j] as number);
    const hi = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (lo < hi) out.push(lo, hi);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return Float64Array.from(out);
}

/**
 * Ranks the candidate windows by the gap time one more volunteer in them would close, and finds the best pair.
 *
 * The pair search is exact over all pairs of distinct windows, pruned by an upper bound: a pair closes at most
 * `g(A) + g(B) + min(h(A), h(B))`, where `g` is the overlap with the time one coach short of the target and `h` the
 * overlap with the time two short (where only both recruits together help); so with candidates sorted by
 * `g + h`, the scan stops as soon as no remaining pair can beat the best found. Ties go to the earlier pair in
 * the candidates' order (Monday first), so the answer is deterministic.
 *
 * @param timeline - the coverage count timeline over `horizon` (`CoverageReport.timeline`).
 * @example
 * const help = suggestHelp(coverage.timeline, coverage.minCoaches, paris, horizon, 'Europe/Paris', { handOffMinutes: [0, 240, 480, 720, 960, 1200] });
 * help.ranked[0]; // { window: { weekday: 2, startMinute: 480, endMinute: 720 }, gapMinutesClosed: 960, newCoverageRatio: 0.31 }
 */
export function suggestHelp(
  timeline: CountTimeline,
  minCoaches: number,
  table: ZoneTable,
  horizon: Horizon,
  timeZone: string,
  options: HelpOptions,
): HelpSection {
  const shapesMinutes = options.shapesMinutes ?? defaultShapes(options.handOffMinutes);
  const top = options.top ?? 5;
  const candidates = candidateWindows(options.handOffMinutes, shapesMinutes);
  const horizonMs = horizon.to - horizon.from;
  let gapMs = 0;
  for (let k = 0; k < timeline.counts.length; k++) {
    if ((timeline.counts[k] as number) < minCoaches) {
      gapMs += (timeline.boundaries[k + 1] as number) - (timeline.boundaries[k] as number);
    }
  }
  const oneShort = setWithCount(timeline, minCoaches - 1);
  const twoShort = minCoaches >= 2 ? setWithCount(timeline, minCoaches - 2) : new Float64Array(0);
  const ratio = (closedMs: number) => (horizonMs - gapMs + closedMs) / horizonMs;
  const cache = new Map<string, number[]>();
  const occurrences = candidates.map((w) => coachFreeTime(windowCoach(w, timeZone), table, horizon, cache));
  const g = occurrences.map((occ) => overlapLength(oneShort, occ));
  const h = occurrences.map((occ) => (twoShort.length === 0 ? 0 : overlapLength(twoShort, occ)));

  const order = candidates.map((_, i) => i);
  const byGain = order
    .filter((i) => (g[i] as number) > 0)
    .sort((x, y) => (g[y] as number) - (g[x] as number) || x - y);
  const ranked: HelpSuggestion[] = byGain.slice(0, top).map((i) => ({
    window: candidates[i]!,
    gapMinutesClosed: (g[i] as number) / 60_000,
    newCoverageRatio: ratio(g[i] as number),
  }));

  const bestPair = findBestPair(occurrences, g, h, oneShort, twoShort);
  const single = byGain.length > 0 ? (g[byGain[0]!] as number) : 0;
  const pair: HelpPair | undefined =
    bestPair !== undefined && bestPair.closed > single
      ? {
          windows: [candidates[bestPair.a]!, candidates[bestPair.b]!],
          gapMinutesClosed: bestPair.closed / 60_000,
          newCoverageRatio: ratio(bestPair.closed),
        }
      : undefined;
  return {
    shapesMinutes,
    candidates: candidates.length,
    ranked,
    ...(pair === undefined ? {} : { bestPair: pair }),
  };
}

/** Exact best pair `a < b` (candidate indices), pruned by the bound of {@link suggestHelp}. */
function findBestPair(
  occ: readonly IntervalSet[],
  g: readonly number[],
  h: readonly number[],
  oneShort: IntervalSet,
  twoShort: IntervalSet,
): { a: number; b: number; closed: number } | undefined {
  const n = occ.length;
  const u = g.map((x, i) => x + (h[i] as number));
  const order = occ.map((_, i) => i).sort((x, y) => (u[y] as number) - (u[x] as number) || x - y);
  let best: { a: number; b: number; closed: number } | undefined;
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    if (p + 1 < n && best !== undefined && (u[i] as number) + (u[order[p + 1]!] as number) < best.closed)
      break;
    for (let q = p + 1; q < n; q++) {
      const j = order[q]!;
      const bound = (g[i] as number) + (g[j] as number) + Math.min(h[i] as number, h[j] as number);
      if (best !== undefined && (u[i] as number) + (u[j] as number) < best.closed) break;
      if (best !== undefined && bound < best.closed) continue;
      const closed = pairOverlap(oneShort, twoShort, occ[i]!, occ[j]!);
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      if (
        closed > 0 &&
        (best === undefined ||
          closed > best.closed ||
          (closed === best.closed && (a < best.a || (a === best.a && b < best.b))))
      ) {
        best = { a, b, closed };
      }
    }
  }
  return best;
}
