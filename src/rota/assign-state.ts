/**
 * The working state of one assignment run: the indexed shapes it builds (runs, unfilled spans, per-coach rules)
 * and {@link AssignState}, the typed arrays and cursors it updates as it walks the horizon. Created afresh by each
 * call of `assign` and never shared: the mutation stays inside one run, where it keeps the inner loop on numbers.
 *
 * @module
 */
import type { RotaPolicy } from './policy.js';
import type { UnfilledReason } from './rota.js';
import type { IndexedOverride, IndexedShift } from './rota-inputs.js';

/** No coach (in coach-index arrays) or no piece yet (in memo arrays). */
export const NONE = -1;

/** Layer claims this close (relative) tie, and the night and weekend claims decide. */
export const TIE = 1e-9;

/** Per-coach constraints, by coach index. */
export interface CoachRules {
  /** Weekly cap, ms (Infinity when none). */
  readonly capMs: readonly number[];
  /** Share weight (1 is a full share). */
  readonly weight: readonly number[];
  /** Skills the coach has. */
  readonly skills: readonly (readonly string[])[];
}

/** A shift on indexes, `[start, end)` in UTC epoch ms; mutable while the run extends it. */
export interface IndexedRun {
  /** Layer index in the policy's layers. */
  layer: number;
  /** Coach index in the team. */
  coach: number;
  start: number;
  end: number;
  /** From a coordinator's override. */
  override: boolean;
}

/** A span of a layer no one holds, `[start, end)` in UTC epoch ms, and why; mutable while the run extends it. */
export interface IndexedUnfilled {
  layer: number;
  start: number;
  end: number;
  reason: UnfilledReason;
}

/** Time in a set of intervals from instant `t` on, for coach `c`, ms. */
export type TimeLeft = (c: number, t: number) => number;

/** Overlap of `[a, b)` with a window, ms; calls must come in increasing order (a cursor). */
export type Overlap = (a: number, b: number) => number;

/**
 * Everything one run of `assign` reads and updates while it walks the segments. Coach-by-layer arrays are indexed
 * `c * layerCount + l`; times are UTC epoch ms.
 */
export interface AssignState {
  readonly layerCount: number;
  readonly policy: RotaPolicy;
  readonly rules: CoachRules;
  /** Can coach c hold layer l: 1 or 0, `[c * layerCount + l]`. */
  readonly skilled: Uint8Array;
  /** The local hand-off times inside the horizon. */
  readonly isGrid: ReadonlySet<number>;
  /** Fair-share targets: coach c's share of layers 0..l together, `[c * layerCount + l]`, ms. */
  readonly fair: Float64Array;
  /** Night and weekend shares per coach, ms. */
  readonly nightFair: readonly number[];
  readonly weekendFair: readonly number[];
  /** Night and weekend time each coach holds so far, ms. */
  readonly nightLoad: Float64Array;
  readonly weekendLoad: Float64Array;
  /** Night and weekend overlap of a committed segment, and (a second cursor) of a piece being decided. */
  readonly nightIn: Overlap;
  readonly weekendIn: Overlap;
  readonly nightSeen: Overlap;
  readonly weekendSeen: Overlap;
  /** Free time left from an instant: overall, in nights, in weekends. */
  readonly freeFrom: TimeLeft;
  readonly nightFreeFrom: TimeLeft;
  readonly weekendFreeFrom: TimeLeft;
  /** 1 while coach c is free; the free coaches in no particular order. */
  readonly isFree: Uint8Array;
  readonly freeList: number[];
  /** On-call time per coach and layer so far, ms. */
  readonly layerLoad: Float64Array;
  /** Memo of each coach's free time left, valid for piece `piece`. */
  readonly freeLeftPiece: Int32Array;
  readonly freeLeftValue: Float64Array;
  /** Number of the piece being decided, for the memos. */
  piece: number;
  /** Scratch by coach for one layer's candidate search (`preferences`): the kept candidates' rank, key, urgency. */
  readonly scratch: {
    readonly rankOf: Int32Array;
    readonly keyOf: Float64Array;
    readonly urgencyOf: Float64Array;
  };
  /** Time on call this local week, the end of each coach's last stretch and its start, ms. */
  readonly usedWeek: Float64Array;
  readonly lastEnd: Float64Array;
  readonly stretchStart: Float64Array;
  /** Each coach's on-call runs in the previous rota, all layers merged, as `[start, end)` pairs, ms. */
  readonly previousRuns: readonly Float64Array[];
  /** Each coach's free time (availability minus absences), as `[start, end)` pairs, ms. */
  readonly free: readonly Float64Array[];
  /** Memo of each coach's usable time (ms) in one call of `fillSegment`, valid while `usableFill[c]` is `fills`. */
  readonly usableFill: Int32Array;
  readonly usableValue: Float64Array;
  /** Number of `fillSegment` calls so far, for that memo. */
  fills: number;
  /** Each layer's holder (or NONE), since when, and whether an override put them there. */
  readonly holder: Int32Array;
  readonly holderSince: Float64Array;
  readonly holderByOverride: Uint8Array;
  /** Runs and unfilled spans closed so far, and the open one of each layer. */
  readonly shifts: IndexedRun[];
  readonly unfilled: IndexedUnfilled[];
  readonly openRun: (IndexedRun | undefined)[];
  readonly openGap: (IndexedUnfilled | undefined)[];
  /** The previous rota's shifts per layer, and a cursor into each. */
  readonly previousByLayer: readonly (readonly IndexedShift[])[];
  readonly previousCursor: Int32Array;
  /** The overrides in force in the current segment. */
  readonly activeOverrides: IndexedOverride[];
}
