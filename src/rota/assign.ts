import { intersect } from '../time/intervals.js';
import type { ZoneTable } from '../time/zone.js';
import { balanceLayers } from './balance-layers.js';
import { balanceWindows } from './balance-windows.js';
import { capacityWithinCaps, layerFairShares } from './fair-share.js';
import { localMondaysBetween, localTimesBetween } from './grid.js';
import type { Horizon } from './horizon.js';
import type { RotaPolicy } from './policy.js';
import type { UnfilledReason } from './rota.js';
import type { IndexedOverride, IndexedShift } from './rota-inputs.js';
import { sweepCounts } from './sweep.js';
import { nightAndWeekend, overlapCursor, windowShares } from './windows.js';

const NONE = -1;
/** Layer claims this close (relative) tie, and the night and weekend claims decide. */
const TIE = 1e-9;

/** Per-coach constraints, by coach index. */
export interface CoachRules {
  readonly capMs: readonly number[];
  readonly weight: readonly number[];
  readonly skills: readonly (readonly string[])[];
}

export interface IndexedRun {
  layer: number;
  coach: number;
  start: number;
  end: number;
  override: boolean;
}

export interface IndexedUnfilled {
  layer: number;
  start: number;
  end: number;
  reason: UnfilledReason;
}

/** The segment-by-segment assignment, on indexes and typed arrays. */
export function assign(
  coachCount: number,
  free: readonly Float64Array[],
  overrides: readonly IndexedOverride[],
  previous: readonly IndexedShift[],
  policy: RotaPolicy,
  horizon: Horizon,
  teamTable: ZoneTable,
  rules: CoachRules,
): { shifts: IndexedRun[]; unfilled: IndexedUnfilled[] } {
  const { from, to } = horizon;
  const layerCount = policy.layers.length;
  const grid = localTimesBetween(teamTable, from, to, policy.handOffMinutes);
  const weekStarts = localMondaysBetween(teamTable, from, to);
  const breakpoints = collectBreakpoints(horizon, grid, weekStarts, free, overrides, previous);
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
  const sweep = sweepCounts(free, from, to);
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
  const freePos = new Int32Array(coachCount).fill(NONE);
  // Free time of each coach before each of their edges, to know how much they have left from any instant.
  const freeFrom = timeLeft(free);
  const nightFreeFrom = timeLeft(nightFree);
  const weekendFreeFrom = timeLeft(weekendFree);

  // On-call time per coach and layer (c * layerCount + l).
  const layerLoad = new Float64Array(coachCount * layerCount);
  // Per-piece memo of urgencies (per coach and layer) and free time left (per coach), by piece number.
  let piece = 0;
  const urgencyPiece = new Int32Array(coachCount * layerCount).fill(NONE);
  const urgencyValue = new Float64Array(coachCount * layerCount);
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
  const overrideOrder = [...overrides].sort((x, y) => x.start - y.start || x.index - y.index);
  let overrideCursor = 0;
  const activeOverrides: IndexedOverride[] = [];

  for (let k = 0; k + 1 < breakpoints.length; k++) {
    const segmentStart = breakpoints[k]!;
    const b = breakpoints[k + 1]!;
    for (let j = edges.offsets[k]!; j < edges.offsets[k + 1]!; j++) {
      const c = edges.coach[j]!;
      if (edges.on[j] === 1) {
        isFree[c] = 1;
        freePos[c] = freeList.length;
        freeList.push(c);
      } else {
        // Swap-remove keeps the free list O(1) per edge; candidate order comes from ranking, not from this list.
        isFree[c] = 0;
        const last = freeList.pop()!;
        if (last !== c) {
          freeList[freePos[c]!] = last;
          freePos[last] = freePos[c]!;
        }
        freePos[c] = NONE;
      }
    }
    if (isWeekStart.has(segmentStart)) usedWeek.fill(0);
    for (let i = activeOverrides.length - 1; i >= 0; i--)
      if (activeOverrides[i]!.end <= segmentStart) activeOverrides.splice(i, 1);
    for (
      ;
      overrideCursor < overrideOrder.length && overrideOrder[overrideCursor]!.start <= segmentStart;
      overrideCursor++
    ) {
      activeOverrides.push(overrideOrder[overrideCursor]!);
    }
    // A coach whose cap or stretch runs out inside the segment may still hold its start: the segment is then cut
    // where the first holder must stop, and the rest is decided again.
    for (let a = segmentStart; a < b; ) {
      a = fillSegment(a, b);
    }
  }
  for (let l = 0; l < layerCount; l++) {
    closeRun(l, openRun, shifts);
    const gap = openGap[l];
    if (gap !== undefined) unfilled.push(gap);
  }
  const byStart = (x: { start: number; layer: number }, y: { start: number; layer: number }) =>
    x.start - y.start || x.layer - y.layer;
  shifts.sort(byStart);
  // Then, pair by pair of layers, holders may trade hand-off blocks towards each running total's share.
  const bounds = [from, ...grid, to];
  let balanced: IndexedRun[] = shifts;
  for (let l = 0; l + 1 < layerCount; l++) {
    balanced = balanceLayers(
      balanced,
      l,
      bounds,
      Float64Array.from({ length: coachCount }, (_, c) => fair[c * layerCount + l]!),
      (c, m) => skilled[c * layerCount + m] === 1,
      previous,
    );
  }
  // Then nights and weekends: same-layer blocks swapped between coaches towards their night and weekend shares.
  balanced = balanceWindows(balanced, layerCount, {
    bounds,
    weeks: [from, ...weekStarts, to],
    free,
    night,
    weekend,
    nightShare: nightFair,
    weekendShare: weekendFair,
    minRestMs: policy.minRestMs,
    maxStretchMs: policy.maxStretchMs,
    previous,
    unfilled,
  });
  return { shifts: balanced, unfilled: unfilled.sort(byStart) };

  /** Fills the layers from `a` on, for at most `[a, b)`; returns where this assignment ends. */
  function fillSegment(a: number, b: number): number {
    const len = b - a;
    const usable = (c: number) => usableTime(c, a, b, usedWeek, lastEnd, stretchStart, rules.capMs, policy);
    const eligible = (c: number, l: number): boolean =>
      isFree[c] === 1 && skilled[c * layerCount + l] === 1 && usable(c) > 0;

    const assigned = new Int32Array(layerCount).fill(NONE);
    const pinned = new Uint8Array(layerCount);
    for (const o of activeOverrides) {
      assigned[o.layer] = o.coach;
      pinned[o.layer] = 1;
    }
    if (activeOverrides.length === 0 && !isGrid.has(a) && holdersCarryOn(a, b, eligible)) {
      // Most segments: between hand-off times, every layer's holder simply carries on.
      assigned.set(holder);
    } else {
      const prefs = preferences(a, len, assigned, pinned, eligible, usable);
      matchLayers(prefs, assigned, pinned);
    }
    let end = b;
    for (let l = 0; l < layerCount; l++) {
      if (assigned[l] !== NONE && pinned[l] === 0) end = Math.min(end, a + usable(assigned[l]!));
    }
    if (assigned.includes(NONE)) {
      // A layer left empty is decided again as soon as a free coach has rested enough to take it.
      for (const c of freeList) {
        if (assigned.includes(c)) continue;
        const rested = (lastEnd[c] === a ? a : lastEnd[c]!) + policy.minRestMs;
        if (rested > a && rested < end) end = rested;
      }
    }
    commit(a, end, end - a, assigned, pinned, (c) =>
      usableTime(c, a, end, usedWeek, lastEnd, stretchStart, rules.capMs, policy) > 0
        ? 0
        : capLeft(c, usedWeek, rules.capMs) <= 0
          ? 1
          : 2,
    );
    return end;
  }

  /** Every layer has a holder (not from an override, agreeing with the previous rota), all distinct and eligible. */
  function holdersCarryOn(a: number, b: number, eligible: (c: number, l: number) => boolean): boolean {
    for (let l = 0; l < layerCount; l++) {
      const h = holder[l]!;
      if (h === NONE || holderByOverride[l] === 1 || !eligible(h, l)) return false;
      const prev = previousHolder(previousByLayer[l]!, previousCursor, l, a, b);
      if (prev !== NONE && prev !== h) return false;
      for (let m = 0; m < l; m++) if (holder[m] === h) return false;
    }
    return true;
  }

  /**
   * Each unpinned layer's candidates, most preferred first (see the module notes for the order). Only the best
   * `layerCount + 2` are kept per layer, found in one pass: the matching never needs more (a layer with that many
   * candidates can always be filled, whatever the other layers take).
   */
  function preferences(
    a: number,
    len: number,
    assigned: Int32Array,
    pinned: Uint8Array,
    eligible: (c: number, l: number) => boolean,
    usable: (c: number) => number,
  ): number[][] {
    const grid = isGrid.has(a);
    piece++;
    // Secondary claims, in a piece with night (weekend) time: the night (weekend) share still owed.
    const atNight = nightSeen(a, a + len) / len;
    const atWeekend = weekendSeen(a, a + len) / len;
    const owed = (c: number) =>
      atNight * owedShare(nightFair[c]! - nightLoad[c]!, nightFreeFrom, c, a) +
      atWeekend * owedShare(weekendFair[c]! - weekendLoad[c]!, weekendFreeFrom, c, a);
    const secondary = (x: number, y: number) => (atNight + atWeekend > 0 ? owed(y) - owed(x) : 0);
    // Layer claims first; within a tie (up to rounding), nights, then weekends.
    const claim = (x: number, y: number, l: number) => {
      const kx = key(x, l);
      const ky = key(y, l);
      return Math.abs(kx - ky) > TIE * Math.max(Math.abs(kx), Math.abs(ky)) ? ky - kx : secondary(x, y);
    };
    // Urgency for layer l: the share of a coach's remaining free time they are still owed of layers 0..l together
    // (the first line's own share; the last layer's running total is the total). The most urgent goes first (see
    // `key`), so a coach who is free rarely is not left below their share; between equals, the urgency for the
    // layer itself, then team order.
    // Coaches past their share rank by how far past (hours, always below anyone still owed): the least loaded of
    // them goes first in hours few can cover, however much free time they have left. Computed once per coach,
    // layer and piece.
    const urgency = (c: number, l: number) => {
      const key = c * layerCount + l;
      if (urgencyPiece[key] === piece) return urgencyValue[key]!;
      let owed = fair[key]!;
      for (let m = 0; m <= l; m++) owed -= layerLoad[c * layerCount + m]!;
      let u = owed;
      if (owed > 0) {
        if (freeLeftPiece[c] !== piece) {
          freeLeftPiece[c] = piece;
          freeLeftValue[c] = Math.max(freeFrom(c, a), 1);
        }
        u = owed / freeLeftValue[c]!;
      }
      urgencyPiece[key] = piece;
      urgencyValue[key] = u;
      return u;
    };
    // The first line counts towards its own share and towards the total: a coach's claim to it is the lesser of
    // the two urgencies, so it goes to whoever is furthest below their first-line share without pushing their
    // total off. The other layers go by the total (as before per-layer shares: that keeps every total within one
    // hand-off block of its share); the split between layers is then balanced by `balanceLayers`.
    const last = layerCount - 1;
    const key = (c: number, l: number) => {
      const total = urgency(c, last);
      return l === 0 ? Math.min(urgency(c, 0), total) : total;
    };
    // Between hand-off times, coaches holding another layer come after everyone else (those of the least
    // important layer first), so a layer left by its holder is refilled without moving other layers' holders.
    // Coaches who can hold the whole piece come before those whose cap or stretch ends inside it.
    const rank = (c: number, l: number) => {
      const held = grid ? NONE : holder.indexOf(c);
      return (usable(c) < len ? 1 : 0) + (held === NONE || held === l ? 0 : 2 * (layerCount - held));
    };
    const keep = layerCount + 2;
    const prefs: number[][] = [];
    for (let l = 0; l < layerCount; l++) {
      if (pinned[l] === 1) {
        prefs.push([]);
        continue;
      }
      const before = (x: number, y: number) =>
        rank(x, l) - rank(y, l) || claim(x, y, l) || urgency(y, l) - urgency(x, l) || x - y;
      const best: number[] = [];
      for (const c of freeList) {
        if (assigned.includes(c) || !eligible(c, l)) continue;
        if (best.length === keep && before(c, best[keep - 1]!) >= 0) continue;
        let i = Math.min(best.length, keep - 1);
        best[i] = c;
        for (; i > 0 && before(best[i]!, best[i - 1]!) < 0; i--)
          [best[i - 1], best[i]] = [best[i]!, best[i - 1]!];
      }
      const list: number[] = [];
      const available = (c: number) => c !== NONE && !assigned.includes(c) && eligible(c, l);
      const prev = previousHolder(previousByLayer[l]!, previousCursor, l, a, a + len);
      if (available(prev)) list.push(prev);
      const h = holder[l]!;
      if (holderByOverride[l] === 0 && available(h) && h !== prev) {
        const rival = best.find((c) => c !== h);
        const young = a - holderSince[l]! < policy.minShiftMs;
        // At a hand-off time the holder stays only for a whole block, and only while no one is more urgent.
        const fairToKeep = usable(h) >= len && (rival === undefined || claim(h, rival, l) <= 0);
        if (!grid || young || fairToKeep) list.push(h);
      }
      for (const c of best) if (!list.includes(c)) list.push(c);
      prefs.push(list);
    }
    return prefs;
  }

  /** Layers in order, each matched along augmenting paths, so earlier layers are filled first and stay filled. */
  function matchLayers(prefs: number[][], assigned: Int32Array, pinned: Uint8Array): void {
    const owner = new Map<number, number>();
    for (let l = 0; l < layerCount; l++) if (pinned[l] === 1) owner.set(assigned[l]!, l);
    const take = (l: number, c: number) => {
      owner.set(c, l);
      assigned[l] = c;
    };
    const tryLayer = (l: number, visited: Set<number>): boolean => {
      // A coach nobody holds first, in preference order: moving another layer's holder is a needless hand-off.
      for (const c of prefs[l]!) {
        if (!visited.has(c) && !owner.has(c)) {
          visited.add(c);
          take(l, c);
          return true;
        }
      }
      // Only then an augmenting path: the holder moves to another of their layers so that both are filled.
      for (const c of prefs[l]!) {
        if (visited.has(c)) continue;
        visited.add(c);
        const other = owner.get(c)!;
        if (pinned[other] === 0 && tryLayer(other, visited)) {
          take(l, c);
          return true;
        }
      }
      return false;
    };
    for (let l = 0; l < layerCount; l++) if (pinned[l] === 0) tryLayer(l, new Set());
  }

  /** Records the segment's assignment: extends or opens shifts and unfilled spans, and updates the counters. */
  function commit(
    a: number,
    b: number,
    len: number,
    assigned: Int32Array,
    pinned: Uint8Array,
    failure: (c: number) => 0 | 1 | 2,
  ): void {
    for (let l = 0; l < layerCount; l++) {
      const c = assigned[l]!;
      if (c === NONE) {
        const reason = unfilledReason(l, assigned, pinned, freeList, skilled, layerCount, failure);
        closeRun(l, openRun, shifts);
        const gap = openGap[l];
        if (gap !== undefined && gap.end === a && gap.reason === reason) gap.end = b;
        else {
          if (gap !== undefined) unfilled.push(gap);
          openGap[l] = { layer: l, start: a, end: b, reason };
        }
        holder[l] = NONE;
        continue;
      }
      const gap = openGap[l];
      if (gap !== undefined) unfilled.push(gap);
      openGap[l] = undefined;
      const run = openRun[l];
      const override = pinned[l] === 1;
      if (run !== undefined && run.coach === c && run.end === a && run.override === override) run.end = b;
      else {
        closeRun(l, openRun, shifts);
        openRun[l] = { layer: l, coach: c, start: a, end: b, override };
        holderSince[l] = a;
      }
      holder[l] = c;
      holderByOverride[l] = override ? 1 : 0;
    }
    const nightLen = nightIn(a, b);
    const weekendLen = weekendIn(a, b);
    for (let l = 0; l < layerCount; l++) {
      const c = assigned[l]!;
      if (c === NONE) continue;
      layerLoad[c * layerCount + l] = layerLoad[c * layerCount + l]! + len;
      nightLoad[c] = nightLoad[c]! + nightLen;
      weekendLoad[c] = weekendLoad[c]! + weekendLen;
      usedWeek[c] = usedWeek[c]! + len;
      if (lastEnd[c] !== a) stretchStart[c] = a;
      lastEnd[c] = b;
    }
  }
}

function closeRun(l: number, openRun: (IndexedRun | undefined)[], shifts: IndexedRun[]): void {
  const run = openRun[l];
  if (run !== undefined) shifts.push(run);
  openRun[l] = undefined;
}

/** Weekly cap time coach `c` has left, ms. */
function capLeft(c: number, usedWeek: Float64Array, capMs: readonly number[]): number {
  return capMs[c]! - usedWeek[c]!;
}

/**
 * How long from `a` (at most to `b`) coach `c` may be on call: 0 when their weekly cap is used up, when they
 * have not rested `minRest` since their last stretch, or when their stretch is at its longest; otherwise up to
 * where the cap or the stretch runs out.
 */
function usableTime(
  c: number,
  a: number,
  b: number,
  usedWeek: Float64Array,
  lastEnd: Float64Array,
  stretchStart: Float64Array,
  capMs: readonly number[],
  policy: RotaPolicy,
): number {
  const continuing = lastEnd[c] === a;
  if (!continuing && a - lastEnd[c]! < policy.minRestMs) return 0;
  const stretchLeft = policy.maxStretchMs - (continuing ? a - stretchStart[c]! : 0);
  return Math.max(0, Math.min(b - a, capLeft(c, usedWeek, capMs), stretchLeft));
}

function unfilledReason(
  layer: number,
  assigned: Int32Array,
  pinned: Uint8Array,
  freeList: readonly number[],
  skilled: Uint8Array,
  layerCount: number,
  failure: (c: number) => 0 | 1 | 2,
): UnfilledReason {
  let freeOthers = 0;
  let skilledOthers = 0;
  let capped = 0;
  let rested = 0;
  for (const c of freeList) {
    // Coaches in lower layers count (the matching fills layers in order, so they could not take this one), but
    // not those above it or pinned by an override.
    const at = assigned.indexOf(c);
    if (at !== NONE && (at < layer || pinned[at] === 1)) continue;
    freeOthers++;
    if (skilled[c * layerCount + layer] !== 1) continue;
    skilledOthers++;
    const f = failure(c);
    if (f === 1) capped++;
    else if (f === 2) rested++;
  }
  if (skilledOthers === 0) return freeOthers > 0 ? 'skills-missing' : 'nobody-available';
  if (rested === 0) return 'everyone-at-cap';
  if (capped === 0) return 'rest-or-stretch';
  return 'caps-rest-or-stretch';
}

/** The previous rota's holder of layer `l` over the whole of `[a, b)`, or NONE. Advances a per-layer cursor. */
function previousHolder(
  list: readonly IndexedShift[],
  cursor: Int32Array,
  l: number,
  a: number,
  b: number,
): number {
  let i = cursor[l]!;
  while (i < list.length && list[i]!.end <= a) i++;
  cursor[l] = i;
  const s = list[i];
  return s !== undefined && s.start <= a && s.end >= b ? s.coach : NONE;
}

/** Every instant where the assignment may change, sorted and unique. */
function collectBreakpoints(
  horizon: Horizon,
  grid: readonly number[],
  weekStarts: readonly number[],
  free: readonly Float64Array[],
  overrides: readonly IndexedOverride[],
  previous: readonly IndexedShift[],
): Float64Array {
  const { from, to } = horizon;
  // Typed arrays throughout: at 1,000 coaches this is a few hundred thousand edges.
  let size = 2 + grid.length + weekStarts.length + 2 * (overrides.length + previous.length);
  for (const set of free) size += set.length;
  const points = new Float64Array(size);
  let n = 0;
  const add = (t: number) => {
    if (t >= from && t <= to) points[n++] = t;
  };
  add(from);
  add(to);
  for (const t of grid) add(t);
  for (const t of weekStarts) add(t);
  for (const set of free) for (let i = 0; i < set.length; i++) add(set[i]!);
  for (const o of overrides) {
    add(o.start);
    add(o.end);
  }
  for (const p of previous) {
    add(p.start);
    add(p.end);
  }
  const sorted = points.subarray(0, n).sort();
  let unique = 0;
  for (let i = 0; i < n; i++)
    if (unique === 0 || sorted[i] !== sorted[unique - 1]) sorted[unique++] = sorted[i]!;
  return sorted.slice(0, unique);
}

/**
 * Free-time edges of every coach, bucketed by the index of the breakpoint they fall on (compressed rows: the
 * edges of breakpoint `k` are `offsets[k]` to `offsets[k + 1]`). A binary search per edge and a counting sort:
 * no comparator sort.
 */
function edgesByBreakpoint(
  free: readonly Float64Array[],
  breakpoints: Float64Array,
): { offsets: Int32Array; coach: Int32Array; on: Uint8Array } {
  const slot = (t: number) => {
    let lo = 0;
    let hi = breakpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breakpoints[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const total = free.reduce((sum, set) => sum + set.length, 0);
  const at = new Int32Array(total);
  const offsets = new Int32Array(breakpoints.length + 1);
  let n = 0;
  for (const set of free) {
    for (let i = 0; i < set.length; i++) {
      const k = slot(set[i]!);
      at[n++] = k;
      offsets[k + 1] = offsets[k + 1]! + 1;
    }
  }
  for (let k = 0; k < breakpoints.length; k++) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
  const fill = offsets.slice(0, breakpoints.length);
  const coach = new Int32Array(total);
  const on = new Uint8Array(total);
  n = 0;
  free.forEach((set, c) => {
    for (let i = 0; i < set.length; i++) {
      const j = fill[at[n++]!]!++;
      coach[j] = c;
      on[j] = i % 2 === 0 ? 1 : 0;
    }
  });
  return { offsets, coach, on };
}

/**
 * Steering targets: each layer's fillable time (where more coaches are free than the layers above it need),
 * shared out layer after layer by `layerFairShares` over capacities, as running totals per coach:
 * `[c * layerCount + l]` = coach c's share of layers 0..l, ms.
 */
function fairTargets(
  free: readonly Float64Array[],
  rules: CoachRules,
  horizon: Horizon,
  weekStarts: readonly number[],
  layerCount: number,
  skilled: Uint8Array,
  sweep: { boundaries: ArrayLike<number>; counts: ArrayLike<number> },
): Float64Array {
  const { boundaries, counts } = sweep;
  const demand = new Array<number>(layerCount).fill(0);
  for (let k = 0; k < counts.length; k++) {
    const len = boundaries[k + 1]! - boundaries[k]!;
    for (let l = 0; l < Math.min(counts[k]!, layerCount); l++) demand[l] = demand[l]! + len;
  }
  const weeks = [horizon.from, ...weekStarts, horizon.to];
  const capacity = free.map((set, c) => capacityWithinCaps(set, rules.capMs[c]!, weeks));
  const shares = layerFairShares(capacity, rules.weight, demand, (c, l) => skilled[c * layerCount + l] === 1);
  const targets = new Float64Array(free.length * layerCount);
  for (let c = 0; c < free.length; c++) {
    let sum = 0;
    for (let l = 0; l < layerCount; l++) {
      sum += shares[l]![c]!;
      targets[c * layerCount + l] = sum;
    }
  }
  return targets;
}

/**
 * For each coach, a function giving their time left in `sets[c]` from instant `t` on (a binary search over prefix
 * sums).
 */
function timeLeft(sets: readonly Float64Array[]): (c: number, t: number) => number {
  const prefixes = sets.map((set) => {
    const prefix = new Float64Array((set.length >> 1) + 1);
    for (let i = 0; i < set.length; i += 2) prefix[(i >> 1) + 1] = prefix[i >> 1]! + set[i + 1]! - set[i]!;
    return prefix;
  });
  return (c, t) => {
    const set = sets[c]!;
    const prefix = prefixes[c]!;
    let lo = 0;
    let hi = set.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (set[2 * mid + 1]! <= t) lo = mid + 1;
      else hi = mid;
    }
    const inside = lo < set.length >> 1 && set[2 * lo]! < t ? t - set[2 * lo]! : 0;
    return prefix[prefix.length - 1]! - prefix[lo]! - inside;
  };
}

/** Like the layer urgency: owed time ÷ time left in the window when owed, else the (negative) excess. */
function owedShare(owed: number, left: (c: number, t: number) => number, c: number, t: number): number {
  return owed > 0 ? owed / Math.max(left(c, t), 1) : owed;
}

/**
 * Steering target inside a window (nights, weekends): the time in it that some layer could be held (per instant,
 * min(free coaches, layers)), water-filled over each coach's free time in it within caps, ms per coach.
 */
function windowTarget(
  window: Float64Array,
  freeInWindow: readonly Float64Array[],
  rules: CoachRules,
  horizon: Horizon,
  weekStarts: readonly number[],
  layerCount: number,
  sweep: { boundaries: ArrayLike<number>; counts: ArrayLike<number> },
): number[] {
  const { boundaries, counts } = sweep;
  const inWindow = overlapCursor(window);
  let demand = 0;
  for (let k = 0; k < counts.length; k++) {
    demand += Math.min(counts[k]!, layerCount) * inWindow(boundaries[k]!, boundaries[k + 1]!);
  }
  const weeks = [horizon.from, ...weekStarts, horizon.to];
  return windowShares(freeInWindow, rules.capMs, rules.weight, weeks, demand).share;
}
