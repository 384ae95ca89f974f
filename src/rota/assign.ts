/**
 * The segment-by-segment assignment of coaches to layers over a horizon, on indexes and typed arrays: set up the
 * breakpoints and the fair-share targets (`assign-targets.ts`), walk the segments between breakpoints
 * (`assign-segment.ts`, which asks `assign-choose.ts` who takes each layer), then balance the result between layers
 * (`balance-layers.ts`), along chains of blocks (`balance-chains.ts`) and in nights and weekends (`balance-windows.ts`).
 *
 * @module
 */
import { intersect } from '../time/intervals.js';
import type { ZoneTable } from '../time/zone.js';
import { closeRun, fillSegment } from './assign-segment.js';
import {
  type AssignState,
  type CoachRules,
  type IndexedRun,
  type IndexedUnfilled,
  NONE,
} from './assign-state.js';
import {
  collectBreakpoints,
  edgesByBreakpoint,
  fairTargets,
  previousRuns,
  timeLeft,
  windowTarget,
} from './assign-targets.js';
import { balanceChains, type ChainBalance } from './balance-chains.js';
import { balanceLayers } from './balance-layers.js';
import { refillBlocks } from './balance-refill.js';
import { balanceWindows, type WindowBalance } from './balance-windows.js';
import { localMondaysBetween, localTimesBetween } from './grid.js';
import type { Horizon } from './horizon.js';
import type { RotaPolicy } from './policy.js';
import type { IndexedOverride, IndexedShift } from './rota-inputs.js';
import { sortedEdges, sweepSorted } from './sweep.js';
import { nightAndWeekend, overlapCursor, type WindowFree } from './windows.js';

export type { CoachRules, IndexedRun, IndexedUnfilled } from './assign-state.js';

/**
 * Assigns coaches to layers over `horizon`: overrides first, then the previous rota's holders while still valid,
 * then by urgency against each layer's fair share; returns the shifts (by start, then layer) and the unfilled
 * spans with their reasons, and each coach's free time in the nights and weekends (computed for the steering,
 * handed on so that the summary need not intersect them again). Indexes are coach and layer positions; times UTC
 * epoch ms.
 */
export function assign(
  coachCount: number,
  free: readonly Float64Array[],
  overrides: readonly IndexedOverride[],
  previous: readonly IndexedShift[],
  policy: RotaPolicy,
  horizon: Horizon,
  teamTable: ZoneTable,
  rules: CoachRules,
): { shifts: IndexedRun[]; unfilled: IndexedUnfilled[]; windowFree: WindowFree } {
  const { from, to } = horizon;
  const layerCount = policy.layers.length;
  const grid = localTimesBetween(teamTable, from, to, policy.handOffMinutes);
  const weekStarts = localMondaysBetween(teamTable, from, to);
  // Every free-time edge, sorted once: for the breakpoints and for the coverage sweep.
  const sortedFree = sortedEdges(free);
  const breakpoints = collectBreakpoints(horizon, grid, weekStarts, sortedFree, overrides, previous);
  const isGrid = new Set(grid);
  const isWeekStart = new Set(weekStarts);

  // Skills: can coach c hold layer l?
  const skilled = new Uint8Array(coachCount * layerCount);
  for (let c = 0; c < coachCount; c++) {
    for (let l = 0; l < layerCount; l++) {
      skilled[c * layerCount + l] = policy.layerSkills[l]!.every((s) => rules.skills[c]!.includes(s)) ? 1 : 0;
    }
  }

  // Fair-share targets to steer by, per layer: the time each layer could be filled, water-filled over capacities
  // layer after layer (see `layerFairShares`), as running totals: `fair[c * layerCount + l]` is coach c's share of
  // layers 0..l together, so the last layer's is their share of the total.
  const sweep = sweepSorted(sortedFree.starts, sortedFree.ends, from, to);
  const fair = fairTargets(free, rules, horizon, weekStarts, layerCount, skilled, sweep);
  // Nights and weekends, a secondary objective: their own shares (the time they could be held, every layer,
  // water-filled over each coach's free time in them), steered by between coaches whose layer claims tie.
  const { night, weekend } = nightAndWeekend(teamTable, policy, from, to);
  const nightFree = free.map((set) => intersect(set, night));
  const weekendFree = free.map((set) => intersect(set, weekend));
  const nightFair = windowTarget(night, nightFree, rules, horizon, weekStarts, layerCount, sweep);
  const weekendFair = windowTarget(weekend, weekendFree, rules, horizon, weekStarts, layerCount, sweep);
  const nightLoad = new Float64Array(coachCount);
  const weekendLoad = new Float64Array(coachCount);
  const nightIn = overlapCursor(night);
  const weekendIn = overlapCursor(weekend);
  const nightSeen = overlapCursor(night);
  const weekendSeen = overlapCursor(weekend);

  // Free-time edges, bucketed by the breakpoint they fall on (every edge is a breakpoint).
  const edges = edgesByBreakpoint(free, breakpoints);
  const isFree = new Uint8Array(coachCount);
  const freeList: number[] = [];
  // Free time of each coach before each of their edges, to know how much they have left from any instant.
  const freeFrom = timeLeft(free);
  const nightFreeFrom = timeLeft(nightFree);
  const weekendFreeFrom = timeLeft(weekendFree);

  // On-call time per coach and layer (c * layerCount + l).
  const layerLoad = new Float64Array(coachCount * layerCount);
  // Per-piece memo of each coach's free time left, by piece number.
  const freeLeftPiece = new Int32Array(coachCount).fill(NONE);
  const freeLeftValue = new Float64Array(coachCount);
  const usedWeek = new Float64Array(coachCount);
  const lastEnd = new Float64Array(coachCount).fill(Number.NEGATIVE_INFINITY);
  const stretchStart = new Float64Array(coachCount);
  const holder = new Int32Array(layerCount).fill(NONE);
  const holderSince = new Float64Array(layerCount);
  const holderByOverride = new Uint8Array(layerCount);

  const shifts: IndexedRun[] = [];
  const unfilled: IndexedUnfilled[] = [];
  const openRun: (IndexedRun | undefined)[] = new Array(layerCount).fill(undefined);
  const openGap: (IndexedUnfilled | undefined)[] = new Array(layerCount).fill(undefined);
  const previousCursor = new Int32Array(layerCount);
  const previousByLayer = Array.from({ length: layerCount }, (_, l) => previous.filter((s) => s.layer === l));
  const activeOverrides: IndexedOverride[] = [];
  const s: AssignState = {
    layerCount,
    policy,
    rules,
    skilled,
    isGrid,
    fair,
    nightFair,
    weekendFair,
    nightLoad,
    weekendLoad,
    nightIn,
    weekendIn,
    nightSeen,
    weekendSeen,
    freeFrom,
    nightFreeFrom,
    weekendFreeFrom,
    isFree,
    freeList,
    layerLoad,
    freeLeftPiece,
    freeLeftValue,
    piece: 0,
    scratch: {
      rankOf: new Int32Array(coachCount),
      keyOf: new Float64Array(coachCount),
      urgencyOf: new Float64Array(coachCount),
    },
    usedWeek,
    lastEnd,
    stretchStart,
    // The previous rota's runs keep their phase: see `stretchAnchor` and `overrunsPrevious`.
    previousRuns: previousRuns(coachCount, previous, horizon),
    free,
    usableFill: new Int32Array(coachCount).fill(NONE),
    usableValue: new Float64Array(coachCount),
    fills: 0,
    holder,
    holderSince,
    holderByOverride,
    shifts,
    unfilled,
    openRun,
    openGap,
    previousByLayer,
    previousCursor,
    activeOverrides,
  };

  walkSegments(s, breakpoints, edges, isWeekStart, overrides);
  const byStart = (x: { start: number; layer: number }, y: { start: number; layer: number }) =>
    x.start - y.start || x.layer - y.layer;
  shifts.sort(byStart);
  const blocks = {
    bounds: [from, ...grid, to],
    weeks: [from, ...weekStarts, to],
    free,
    minRestMs: policy.minRestMs,
    maxStretchMs: policy.maxStretchMs,
    previous,
    unfilled,
  };
  const balanced = balanceRuns(
    shifts,
    layerCount,
    {
      ...blocks,
      share: fair,
      layerWeights: policy.layerWeights,
      skilled: (c, m) => skilled[c * layerCount + m] === 1,
      capMs: rules.capMs,
      minShiftMs: policy.minShiftMs,
    },
    { ...blocks, night, weekend, nightShare: nightFair, weekendShare: weekendFair },
  );
  return {
    shifts: balanced,
    unfilled: unfilled.sort(byStart),
    windowFree: { night: nightFree, weekend: weekendFree },
  };
}

/**
 * The passes after the walk, in order, each keeping coverage and the hard constraints: pair by pair of layers, the
 * holders of a hand-off block trade layers towards each running total's share (`balance-layers.ts`); then chains of
 * hand-off blocks towards each layer's share and the total's, where the trades could not reach
 * (`balance-chains.ts`); then the blocks that change hands inside, filled again by the hand-off rule under the
 * best order of preference of their coaches (`balance-refill.ts`); then same-layer blocks swapped between coaches towards their night and weekend shares
 * (`balance-windows.ts`). `chains.share` holds the running totals, `[c * layerCount + l]`, ms.
 */
function balanceRuns(
  shifts: IndexedRun[],
  layerCount: number,
  chains: ChainBalance,
  windows: WindowBalance,
): IndexedRun[] {
  const coachCount = chains.free.length;
  let balanced: IndexedRun[] = shifts;
  for (let l = 0; l + 1 < layerCount; l++) {
    balanced = balanceLayers(
      balanced,
      l,
      chains.bounds,
      Float64Array.from({ length: coachCount }, (_, c) => chains.share[c * layerCount + l]!),
      chains.skilled,
      chains.previous,
    );
  }
  balanced = [...balanceChains(balanced, layerCount, chains)];
  balanced = [...refillBlocks(balanced, layerCount, chains)];
  return balanceWindows(balanced, layerCount, windows);
}

/**
 * Walks the segments between breakpoints in order: updates who is free from the edges of each breakpoint, resets
 * the weekly counters on local Mondays, brings overrides in and out of force, and fills each segment (cut where a
 * holder must stop); then closes the open runs and unfilled spans.
 */
function walkSegments(
  s: AssignState,
  breakpoints: Float64Array,
  edges: { readonly offsets: Int32Array; readonly coach: Int32Array; readonly on: Uint8Array },
  isWeekStart: ReadonlySet<number>,
  overrides: readonly IndexedOverride[],
): void {
  // Where each free coach sits in the free list, for an O(1) removal.
  const freePos = new Int32Array(s.isFree.length).fill(NONE);
  const overrideOrder = [...overrides].sort((x, y) => x.start - y.start || x.index - y.index);
  let overrideCursor = 0;
  for (let k = 0; k + 1 < breakpoints.length; k++) {
    const segmentStart = breakpoints[k]!;
    const b = breakpoints[k + 1]!;
    for (let j = edges.offsets[k]!; j < edges.offsets[k + 1]!; j++) {
      const c = edges.coach[j]!;
      if (edges.on[j] === 1) {
        s.isFree[c] = 1;
        freePos[c] = s.freeList.length;
        s.freeList.push(c);
      } else {
        // Swap-remove keeps the free list O(1) per edge; candidate order comes from ranking, not from this list.
        s.isFree[c] = 0;
        const last = s.freeList.pop()!;
        if (last !== c) {
          s.freeList[freePos[c]!] = last;
          freePos[last] = freePos[c]!;
        }
        freePos[c] = NONE;
      }
    }
    if (isWeekStart.has(segmentStart)) s.usedWeek.fill(0);
    for (let i = s.activeOverrides.length - 1; i >= 0; i--)
      if (s.activeOverrides[i]!.end <= segmentStart) s.activeOverrides.splice(i, 1);
    for (
      ;
      overrideCursor < overrideOrder.length && overrideOrder[overrideCursor]!.start <= segmentStart;
      overrideCursor++
    ) {
      s.activeOverrides.push(overrideOrder[overrideCursor]!);
    }
    // A coach whose cap or stretch runs out inside the segment may still hold its start: the segment is then cut
    // where the first holder must stop, and the rest is decided again.
    for (let a = segmentStart; a < b; ) {
      a = fillSegment(s, a, b);
    }
  }
  for (let l = 0; l < s.layerCount; l++) {
    closeRun(l, s.openRun, s.shifts);
    const gap = s.openGap[l];
    if (gap !== undefined) s.unfilled.push(gap);
  }
}
