/**
 * The coverage-gap report as plain data: what a coordinator reads to see where the 24/7 target is missed, who the
 * team hangs on, and where one more volunteer would help most. Instants are UTC epoch ms, durations in minutes
 * unless the name says hours; every format (JSON, Markdown, CSV, HTML) is rendered from this one value.
 *
 * @module
 */
import type { Instant } from '../../time/types.js';

/** One SLA exposure period, as the SLA capability computes it (accepted structurally). */
export interface ExposureInput {
  /** Start (inclusive), UTC epoch ms. */
  readonly start: Instant;
  /** End (exclusive), UTC epoch ms. */
  readonly end: Instant;
  /** Longest wait, ms, a request arriving in the period would have before a coach is free. */
  readonly worstWaitMs: number;
}

/** A span of the horizon, with the wall-clock fields the formats need. */
export interface ReportSpan {
  readonly start: Instant;
  readonly end: Instant;
  readonly minutes: number;
  /** Fewest coaches free during the span. */
  readonly available: number;
}

/** One coach's line. */
export interface ReportCoach {
  readonly id: string;
  /** Display name: personal data of a volunteer, shown to the team's organisers (escaped in every format). */
  readonly name: string;
  /** Hours the coach declared free within the horizon. */
  readonly freeHours: number;
  /** Hours on call, all layers, in the generated rota. */
  readonly onCallHours: number;
  /** Hours on the first line (the rota's first layer). */
  readonly firstLineHours: number;
  /** Fair share of the on-call hours (water-filling over declared availability and caps). */
  readonly fairShareHours: number;
  /** Gap minutes the coach's absence over the whole horizon would add: a single point of failure when large. */
  readonly extraGapMinutesIfAbsent: number;
}

/** One local hour of the week, aggregated over the horizon (Monday 00:00 first). */
export interface HeatmapCell {
  /** ISO weekday, 0 = Monday ... 6 = Sunday. */
  readonly weekday: number;
  /** Local hour 0-23. */
  readonly hour: number;
  /** Real minutes the wall clock reads this hour within the horizon (0 for a skipped DST hour). */
  readonly minutes: number;
  /** Of those, minutes with at least `minCoaches` free. */
  readonly coveredMinutes: number;
  /** `coveredMinutes / minutes` (0 when `minutes` is 0). */
  readonly coveredShare: number;
  /** Time-weighted average number of coaches free. */
  readonly averageFree: number;
}

/** One local day of the horizon, for the timeline strip. */
export interface TimelineDay {
  /** Local date, days since 1970-01-01 (see `formatLocalDate`). */
  readonly date: number;
  readonly start: Instant;
  readonly end: Instant;
  readonly minutes: number;
  readonly gapMinutes: number;
  readonly fragileMinutes: number;
  /** Fewest and most coaches free at any instant of the day. */
  readonly minFree: number;
  readonly maxFree: number;
  /** Time-weighted average number of coaches free. */
  readonly averageFree: number;
}

/** A weekly window one more volunteer could take: local wall-clock, on the hand-off grid. */
export interface WeeklyWindow {
  /** ISO weekday the window starts on, 0 = Monday. */
  readonly weekday: number;
  /** Start, minutes after local midnight. */
  readonly startMinute: number;
  /** End, minutes after the start day's midnight (past 1440 the window ends the next day). */
  readonly endMinute: number;
}

/** What one more volunteer free in `window` every week would close. */
export interface HelpSuggestion {
  readonly window: WeeklyWindow;
  /** Gap minutes over the horizon the window closes (exact: a re-run of coverage gives the same figure). */
  readonly gapMinutesClosed: number;
  /** Coverage share with that volunteer, 0-1. */
  readonly newCoverageRatio: number;
}

/** The best pair of windows for two recruits (one window each). */
export interface HelpPair {
  readonly windows: readonly [WeeklyWindow, WeeklyWindow];
  readonly gapMinutesClosed: number;
  readonly newCoverageRatio: number;
}

/** "What would help most". */
export interface HelpSection {
  /** Window lengths considered, minutes (on the hand-off grid). */
  readonly shapesMinutes: readonly number[];
  /** Number of candidate windows examined. */
  readonly candidates: number;
  /** The best windows, most gap closed first (ties: earlier in the week first); only windows closing some gap. */
  readonly ranked: readonly HelpSuggestion[];
  /** Best pair, or absent when no pair closes more than the best single window (or no gap). */
  readonly bestPair?: HelpPair;
}

/** The rota's quality figures, as the report shows them. */
export interface ReportRotaQuality {
  readonly layers: readonly string[];
  /** Share of the horizon each layer is filled, 0-1, in layer order. */
  readonly coverageByLayer: readonly number[];
  readonly balance: number;
  readonly maxFairShareDeviationHours: number;
  readonly handOffsPerWeek: number;
  readonly maxNightDeviationHours: number;
  readonly maxWeekendDeviationHours: number;
}

/** The whole coverage-gap report. */
export interface CoverageGapReport {
  readonly kind: 'coverage-gap-report';
  readonly team: string;
  readonly timeZone: string;
  readonly from: Instant;
  readonly to: Instant;
  readonly minCoaches: number;
  readonly horizonMinutes: number;
  readonly coveredMinutes: number;
  readonly gapMinutes: number;
  readonly fragileMinutes: number;
  /** `coveredMinutes / horizonMinutes` against the 24/7 target. */
  readonly coverageRatio: number;
  readonly longestGapMinutes: number;
  /** Maximal spans with fewer than `minCoaches` free. With `minCoaches` 1 every gap has nobody free. */
  readonly gaps: readonly ReportSpan[];
  /** The gaps' parts where some coach is free but fewer than `minCoaches` (empty when `minCoaches` is 1). */
  readonly belowMinimum: readonly ReportSpan[];
  /** Maximal spans with exactly `minCoaches` free: one absence from a gap. */
  readonly fragile: readonly ReportSpan[];
  readonly coaches: readonly ReportCoach[];
  /** Coaches whose absence would add gap time, most first. */
  readonly singlePointsOfFailure: readonly { readonly id: string; readonly extraGapMinutes: number }[];
  readonly rotaQuality: ReportRotaQuality;
  /** SLA exposure periods, when the caller passed them. */
  readonly exposure?: readonly ExposureInput[];
  /** 168 cells, Monday 00:00 first. */
  readonly heatmap: readonly HeatmapCell[];
  readonly timeline: readonly TimelineDay[];
  readonly help: HelpSection;
}
