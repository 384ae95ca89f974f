/**
 * The rota's vocabulary: shifts, unfilled time, overrides, load and quality. Plain readonly data; instants are UTC
 * epoch ms, durations in hours where the name says so.
 *
 * @module
 */
import type { Instant } from '../time/types.js';
import type { RotaPolicy, RotaPolicyInput } from './policy.js';

/** One coach on call in one layer over `[start, end)`. */
export interface Shift {
  /** Layer name, e.g. `primary` or `backup`: one of the policy's `layers`. */
  readonly layer: string;
  /** Id of the coach on call, as in the team file. */
  readonly coachId: string;
  /** Start of the shift (inclusive), UTC epoch ms. */
  readonly start: Instant;
  /** End of the shift (exclusive), UTC epoch ms; always after `start`. */
  readonly end: Instant;
  /** Present (and true) when the shift comes from a coordinator's override rather than from generation. */
  readonly override?: true;
}

/** Why a layer is unfilled over a span. */
export type UnfilledReason =
  /** Fewer coaches free (with the layer's skills) than layers above this one need. */
  | 'nobody-available'
  /** Coaches are free, but none has the skills the layer requires. */
  | 'skills-missing'
  /** Every coach who could take it has reached `maxHoursPerWeek` for that week. */
  | 'everyone-at-cap'
  /** Every coach who could take it would exceed the longest stretch or not have rested long enough. */
  | 'rest-or-stretch'
  /** A mix of the two reasons above. */
  | 'caps-rest-or-stretch';

/** A span of time in which a layer has nobody, and why. */
export interface UnfilledSpan {
  /** The layer left empty, by name. */
  readonly layer: string;
  /** Start of the span (inclusive), UTC epoch ms. */
  readonly start: Instant;
  /** End of the span (exclusive), UTC epoch ms. */
  readonly end: Instant;
  /** Why nobody holds the layer then; the span is maximal for this layer and reason. */
  readonly reason: UnfilledReason;
}

/** A coordinator's decision: this coach holds this layer over `[start, end)`, whatever the generator would do. */
export interface Override {
  /** The layer to hold: one of the policy's `layers`. */
  readonly layer: string;
  /** Id of a coach of the team. The coach need not have declared availability then (the rota flags it). */
  readonly coachId: string;
  /** Start (inclusive), UTC epoch ms; within the rota's horizon. */
  readonly start: Instant;
  /** End (exclusive), UTC epoch ms; after `start`, within the horizon. */
  readonly end: Instant;
}

/** Something a person should look at; the rota is still produced. */
export interface RotaFlag {
  /** What the flag is about: today only an override putting a coach on call outside their declared availability. */
  readonly kind: 'override-outside-availability';
  /** Index of the override in `options.overrides`. */
  readonly override: number;
  /** The override's coach. */
  readonly coachId: string;
  /** The override's layer. */
  readonly layer: string;
  /** Minutes of the override in which the coach declared no availability. */
  readonly minutesOutside: number;
}

/** One coach's load over the horizon. */
export interface CoachLoad {
  /** The coach's id. */
  readonly coachId: string;
  /** On-call hours by layer name (every layer present, 0 when none). */
  readonly hoursByLayer: Readonly<Record<string, number>>;
  /** On-call hours, all layers. */
  readonly totalHours: number;
  /** On-call hours inside the policy's night window (local time). */
  readonly nightHours: number;
  /** On-call hours on local Saturdays and Sundays. */
  readonly weekendHours: number;
  /** Number of nights (night windows) with any on-call time. */
  readonly nights: number;
  /** Number of shifts held, all layers (override shifts included). */
  readonly shifts: number;
  /** Shifts this coach handed straight to another coach in the same layer. */
  readonly handOffs: number;
  /**
   * Hours this coach would carry if the total load were spread as evenly as declared availability allows:
   * water-filling of the total on-call hours, weighted by `weight`, capped by free time and `maxHoursPerWeek`.
   */
  readonly fairShareHours: number;
  /** `totalHours - fairShareHours`: positive means more than a fair share. */
  readonly deviationHours: number;
  /**
   * Fair share of each layer, hours, by layer name: the hours layers `0..l` were held together, water-filled over
   * each coach's capacity (free time within `maxHoursPerWeek`, weighted by `weight`; 0 without the skills of any of
   * those layers), never below their share of layers `0..l-1`; layer `l`'s share is the difference. So the first
   * line's share is its own water-filling, and (without skills) the shares add up to `fairShareHours`.
   * @remarks Since 0.2.0
   */
  readonly fairShareByLayer: Readonly<Record<string, number>>;
  /** `hoursByLayer - fairShareByLayer`, per layer: positive means more than a fair share of that layer. @remarks Since 0.2.0 */
  readonly deviationByLayer: Readonly<Record<string, number>>;
  /** On-call hours weighted by the policy's `layerWeights` (default: first line 1, other layers 0.5). @remarks Since 0.2.0 */
  readonly weightedHours: number;
  /** `fairShareByLayer` weighted the same way: what `weightedHours` would be at every layer's fair share. @remarks Since 0.2.0 */
  readonly weightedFairShareHours: number;
  /**
   * Fair share of the night hours: all coaches' `nightHours`, water-filled over each coach's free time inside the
   * night window (within caps), weighted by `weight`. @remarks Since 0.2.0
   */
  readonly nightFairShareHours: number;
  /** Fair share of the weekend hours, as `nightFairShareHours` for local Saturdays and Sundays. @remarks Since 0.2.0 */
  readonly weekendFairShareHours: number;
}

/** Figures to judge a rota by. */
export interface RotaQuality {
  /** Share of the horizon each layer is filled, 0-1, by layer name. */
  readonly coverageByLayer: Readonly<Record<string, number>>;
  /**
   * Grafana OnCall's balance score: the mean over pairs of coaches with any load of `min(load) / max(load)`;
   * 1 is perfectly even. 1 when fewer than two coaches carry load.
   */
  readonly balance: number;
  /** Largest `|deviationHours|` over coaches. */
  readonly maxFairShareDeviationHours: number;
  /** Hand-offs (all layers) per week of horizon. */
  readonly handOffsPerWeek: number;
  /** Nights with on-call time, by coach id. */
  readonly nightsPerCoach: Readonly<Record<string, number>>;
  /** Largest `|deviationByLayer[layer]|` over coaches, hours, by layer name. @remarks Since 0.2.0 */
  readonly maxDeviationByLayer: Readonly<Record<string, number>>;
  /** Grafana OnCall's balance (as `balance`) of each layer's hours, by layer name. @remarks Since 0.2.0 */
  readonly balanceByLayer: Readonly<Record<string, number>>;
  /** Largest `|weightedHours - weightedFairShareHours|` over coaches. @remarks Since 0.2.0 */
  readonly maxWeightedDeviationHours: number;
  /** Largest `|nightHours - nightFairShareHours|` over coaches. @remarks Since 0.2.0 */
  readonly maxNightDeviationHours: number;
  /** Largest `|weekendHours - weekendFairShareHours|` over coaches. @remarks Since 0.2.0 */
  readonly maxWeekendDeviationHours: number;
  /** Most minus fewest `nights`, among coaches free at some night time (0 when none is). @remarks Since 0.2.0 */
  readonly nightsSpread: number;
  /** Most minus fewest `weekendHours`, among coaches free at some weekend time. @remarks Since 0.2.0 */
  readonly weekendHoursSpread: number;
  /** On-call hours on local Saturdays and Sundays, by coach id. @remarks Since 0.2.0 */
  readonly weekendHoursPerCoach: Readonly<Record<string, number>>;
}

/** A generated (or swapped) rota. */
export interface Rota {
  /** The team's name. */
  readonly team: string;
  /** The team's IANA zone: the one local weeks, nights, weekends and hand-off times are read in. */
  readonly timeZone: string;
  /** Start of the horizon (inclusive), UTC epoch ms. */
  readonly from: Instant;
  /** End of the horizon (exclusive), UTC epoch ms. */
  readonly to: Instant;
  /** The policy the rota was generated with, every default filled in. */
  readonly policy: RotaPolicy;
  /** Every layer's shifts, sorted by start then layer order. Per layer they never overlap. */
  readonly shifts: readonly Shift[];
  /** Unfilled spans, sorted by start then layer order, maximal per layer and reason. */
  readonly unfilled: readonly UnfilledSpan[];
  /** One entry per coach, in team order. */
  readonly load: readonly CoachLoad[];
  /** Figures to judge the whole rota by. */
  readonly quality: RotaQuality;
  /** Things a person should look at (overrides outside availability), in override order; often empty. */
  readonly flags: readonly RotaFlag[];
}

/** What {@link generateRota} takes besides the team. */
export interface RotaOptions {
  /** Start of the horizon (inclusive), UTC epoch ms. */
  readonly from: Instant;
  /** End of the horizon (exclusive), UTC epoch ms; at most five years after `from`. */
  readonly to: Instant;
  /** The rules to follow; every field has a default (see {@link RotaPolicyInput}). @defaultValue `{}` */
  readonly policy?: RotaPolicyInput;
  /**
   * The rota currently published (a {@link Rota}, or just its shifts): every assignment of it that is still valid
   * is kept. A coach's published breaks are kept too: a stretch taken up inside one of their published runs counts
   * from that run's start, and they are not given time that would run into their next published run past the
   * longest stretch. Shifts of coaches or layers that no longer exist are dropped.
   */
  readonly previous?:
    | {
        /** The published shifts, as in {@link Rota.shifts}. */
        readonly shifts: readonly Shift[];
      }
    | readonly Shift[];
  /** Coordinators' overrides; they win over generated shifts. */
  readonly overrides?: readonly Override[];
}
