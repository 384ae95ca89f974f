/**
 * One segment of the assignment, between two breakpoints: whether every holder carries on, else who takes each
 * layer (`assign-choose.ts`), where the segment must be cut (a cap or a stretch running out, a rest ending), and
 * the bookkeeping of shifts, unfilled spans and per-coach counters. Works on the run's {@link AssignState}.
 *
 * @module
 */

import { contains } from '../time/intervals.js';
import { matchLayers, preferences } from './assign-choose.js';
import { type AssignState, type IndexedRun, NONE } from './assign-state.js';
import { previousRunEnd, stretchAnchor } from './assign-targets.js';
import type { UnfilledReason } from './rota.js';
import type { IndexedShift } from './rota-inputs.js';

/** Fills the layers from `a` on, for at most `[a, b)`; returns where this assignment ends. */
export function fillSegment(s: AssignState, a: number, b: number): number {
  const len = b - a;
  // A piece that would run a coach into their next previous run past the longest stretch is not theirs, however
  // short of the end the piece is cut: the published run keeps its start, and so its break.
  // Memoized for this call: the matching asks for it per layer and inside its comparisons.
  const call = ++s.fills;
  const usable = (c: number) => {
    if (s.usableFill[c] !== call) {
      s.usableFill[c] = call;
      s.usableValue[c] = overrunsPrevious(s, c, a, b) ? 0 : usableTime(s, c, a, b);
    }
    return s.usableValue[c]!;
  };
  const eligible = (c: number, l: number): boolean =>
    s.isFree[c] === 1 && s.skilled[c * s.layerCount + l] === 1 && usable(c) > 0;

  const assigned = new Int32Array(s.layerCount).fill(NONE);
  const pinned = new Uint8Array(s.layerCount);
  for (const o of s.activeOverrides) {
    assigned[o.layer] = o.coach;
    pinned[o.layer] = 1;
  }
  if (s.activeOverrides.length === 0 && !s.isGrid.has(a) && holdersCarryOn(s, a, b, eligible)) {
    // Most segments: between hand-off times, every layer's holder simply carries on.
    assigned.set(s.holder);
  } else {
    const prefs = preferences(s, a, len, assigned, pinned, eligible, usable);
    matchLayers(prefs, assigned, pinned);
  }
  let end = b;
  for (let l = 0; l < s.layerCount; l++) {
    if (assigned[l] !== NONE && pinned[l] === 0) end = Math.min(end, a + usable(assigned[l]!));
  }
  if (assigned.includes(NONE)) {
    // A layer left empty is decided again as soon as a free coach has rested enough to take it.
    for (const c of s.freeList) {
      if (assigned.includes(c)) continue;
      const rested = (s.lastEnd[c] === a ? a : s.lastEnd[c]!) + s.policy.minRestMs;
      if (rested > a && rested < end) end = rested;
    }
  }
  commit(s, a, end, end - a, assigned, pinned, (c) =>
    usable(c) > 0 && usableTime(s, c, a, end) > 0 ? 0 : capLeft(c, s.usedWeek, s.rules.capMs) <= 0 ? 1 : 2,
  );
  return end;
}

/** Every layer has a holder (not from an override, agreeing with the previous rota), all distinct and eligible. */
function holdersCarryOn(
  s: AssignState,
  a: number,
  b: number,
  eligible: (c: number, l: number) => boolean,
): boolean {
  for (let l = 0; l < s.layerCount; l++) {
    const h = s.holder[l]!;
    if (h === NONE || s.holderByOverride[l] === 1 || !eligible(h, l)) return false;
    const prev = previousHolder(s.previousByLayer[l]!, s.previousCursor, l, a, b);
    if (prev !== NONE && prev !== h) return false;
    for (let m = 0; m < l; m++) if (s.holder[m] === h) return false;
  }
  return true;
}

/** Records the segment's assignment: extends or opens shifts and unfilled spans, and updates the counters. */
function commit(
  s: AssignState,
  a: number,
  b: number,
  len: number,
  assigned: Int32Array,
  pinned: Uint8Array,
  failure: (c: number) => 0 | 1 | 2,
): void {
  for (let l = 0; l < s.layerCount; l++) {
    const c = assigned[l]!;
    if (c === NONE) {
      const reason = unfilledReason(l, assigned, pinned, s.freeList, s.skilled, s.layerCount, failure);
      closeRun(l, s.openRun, s.shifts);
      const gap = s.openGap[l];
      if (gap !== undefined && gap.end === a && gap.reason === reason) gap.end = b;
      else {
        if (gap !== undefined) s.unfilled.push(gap);
        s.openGap[l] = { layer: l, start: a, end: b, reason };
      }
      s.holder[l] = NONE;
      continue;
    }
    const gap = s.openGap[l];
    if (gap !== undefined) s.unfilled.push(gap);
    s.openGap[l] = undefined;
    const run = s.openRun[l];
    const override = pinned[l] === 1;
    if (run !== undefined && run.coach === c && run.end === a && run.override === override) run.end = b;
    else {
      closeRun(l, s.openRun, s.shifts);
      s.openRun[l] = { layer: l, coach: c, start: a, end: b, override };
      s.holderSince[l] = a;
    }
    s.holder[l] = c;
    s.holderByOverride[l] = override ? 1 : 0;
  }
  const nightLen = s.nightIn(a, b);
  const weekendLen = s.weekendIn(a, b);
  for (let l = 0; l < s.layerCount; l++) {
    const c = assigned[l]!;
    if (c === NONE) continue;
    s.layerLoad[c * s.layerCount + l] = s.layerLoad[c * s.layerCount + l]! + len;
    s.nightLoad[c] = s.nightLoad[c]! + nightLen;
    s.weekendLoad[c] = s.weekendLoad[c]! + weekendLen;
    s.usedWeek[c] = s.usedWeek[c]! + len;
    if (s.lastEnd[c] !== a) s.stretchStart[c] = stretchAnchor(s.previousRuns[c]!, a);
    s.lastEnd[c] = b;
  }
}

export function closeRun(l: number, openRun: (IndexedRun | undefined)[], shifts: IndexedRun[]): void {
  const run = openRun[l];
  if (run !== undefined) shifts.push(run);
  openRun[l] = undefined;
}

/** Weekly cap time coach `c` has left, ms. */
export function capLeft(c: number, usedWeek: Float64Array, capMs: readonly number[]): number {
  return capMs[c]! - usedWeek[c]!;
}

/**
 * How long from `a` (at most to `b`) coach `c` may be on call: 0 when their weekly cap is used up, when they
 * have not rested `minRest` since their last stretch, or when their stretch is at its longest; otherwise up to
 * where the cap or the stretch runs out. A stretch starting at `a` counts from {@link stretchAnchor}.
 */
export function usableTime(s: AssignState, c: number, a: number, b: number): number {
  const continuing = s.lastEnd[c] === a;
  if (!continuing && a - s.lastEnd[c]! < s.policy.minRestMs) return 0;
  const since = continuing ? s.stretchStart[c]! : stretchAnchor(s.previousRuns[c]!, a);
  const stretchLeft = s.policy.maxStretchMs - (a - since);
  return Math.max(0, Math.min(b - a, capLeft(c, s.usedWeek, s.rules.capMs), stretchLeft));
}

/**
 * Whether coach `c` holding `[a, b)`, where the previous rota has them off call, would run on into their next run
 * of the previous rota (starting at `b`, the coach still free then) and make that stretch, counted as in
 * {@link usableTime}, longer than the longest. Taking it would cut the published run short or move its forced
 * break; leaving it keeps the previous rota's phase (a coach's own breaks stay where they were published).
 */
export function overrunsPrevious(s: AssignState, c: number, a: number, b: number): boolean {
  const runs = s.previousRuns[c]!;
  if (runs.length === 0) return false;
  const runEnd = previousRunEnd(runs, b);
  if (runEnd === b || !contains(s.free[c]!, b)) return false;
  const since = s.lastEnd[c] === a ? s.stretchStart[c]! : stretchAnchor(runs, a);
  return runEnd - since > s.policy.maxStretchMs;
}

export function unfilledReason(
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
export function previousHolder(
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
