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
  /** Start (inclusive), UTC epoch ms. */
  readonly start: Instant;
  /** End (exclusive), UTC epoch ms. */
  readonly end: Instant;
  /** Length, minutes (`(end - start) / 60000`: real elapsed time, DST changes included). */
  readonly minutes: number;
  /** Fewest coaches free during the span. */
  readonly available: number;
}

/** One coach's line. */
export interface ReportCoach {
  /** The coach's id, as in the team file. */
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
  /** Start of the day (inclusive), UTC epoch ms: local midnight, or `from` for a first day cut by the horizon. */
  readonly start: Instant;
  /** End of the day (exclusive), UTC epoch ms: the next local midnight, or `to` for a last day cut by the horizon. */
  readonly end: Instant;
  /** Real length of the day within the horizon, minutes (1380 or 1500 on a DST change day). */
  readonly minutes: number;
  /** Minutes of the day with fewer than `minCoaches` free. */
  readonly gapMinutes: number;
  /** Minutes of the day with exactly `minCoaches` free. */
  readonly fragileMinutes: number;
  /** Fewest coaches free at any instant of the day. */
  readonly minFree: number;
  /** Most coaches free at any instant of the day. */
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
  /** The weekly window the volunteer would be free in. */
  readonly window: WeeklyWindow;
  /** Gap minutes over the horizon the window closes (exact: a re-run of coverage gives the same figure). */
  readonly gapMinutesClosed: number;
  /** Coverage share with that volunteer, 0-1. */
  readonly newCoverageRatio: number;
}

/** The best pair of windows for two recruits (one window each). */
export interface HelpPair {
  /** The two windows, one per recruit. */
  readonly windows: readonly [WeeklyWindow, WeeklyWindow];
  /** Gap minutes over the horizon the two windows close together (exact). */
  readonly gapMinutesClosed: number;
  /** Coverage share with both recruits, 0-1. */
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
  /** The rota's layer names, first line first; `coverageByLayer` follows this order. */
  readonly layers: readonly string[];
  /** Share of the horizon each layer is filled, 0-1, in layer order. */
  readonly coverageByLayer: readonly number[];
  /** Grafana OnCall's balance score of the coaches' loads: mean over pairs of `min / max`, 1 = even (1 with fewer than two coaches carrying load). */
  readonly balance: number;
  /** Largest gap, hours, between a coach's on-call hours and their fair share (absolute value). */
  readonly maxFairShareDeviationHours: number;
  /** Hand-offs (all layers) per week of horizon. */
  readonly handOffsPerWeek: number;
  /** Largest gap, hours, between a coach's night hours and their fair share of nights (absolute value). */
  readonly maxNightDeviationHours: number;
  /** Largest gap, hours, between a coach's weekend hours and their fair share of weekends (absolute value). */
  readonly maxWeekendDeviationHours: number;
}

/** The whole coverage-gap report. */
export interface CoverageGapReport {
  /** Discriminant of the report kind. */
  readonly kind: 'coverage-gap-report';
  /** The team's name. */
  readonly team: string;
  /** The team's IANA time zone: the one the heatmap, timeline and windows are read in. */
  readonly timeZone: string;
  /** Start of the horizon (inclusive), UTC epoch ms. */
  readonly from: Instant;
  /** End of the horizon (exclusive), UTC epoch ms. */
  readonly to: Instant;
  /** Coaches wanted free at every instant (the team's coverage minimum). */
  readonly minCoaches: number;
  /** Length of the horizon, minutes of real time. */
  readonly horizonMinutes: number;
  /** Minutes with at least `minCoaches` free. */
  readonly coveredMinutes: number;
  /** Minutes with fewer than `minCoaches` free (`horizonMinutes - coveredMinutes`). */
  readonly gapMinutes: number;
  /** Minutes with exactly `minCoaches` free: one absence from a gap. */
  readonly fragileMinutes: number;
  /** `coveredMinutes / horizonMinutes` against the 24/7 target. */
  readonly coverageRatio: number;
  /** Length of the longest gap, minutes (0 without gap). */
  readonly longestGapMinutes: number;
  /** Maximal spans with fewer than `minCoaches` free. With `minCoaches` 1 every gap has nobody free. */
  readonly gaps: readonly ReportSpan[];
  /** The gaps' parts where some coach is free but fewer than `minCoaches` (empty when `minCoaches` is 1). */
  readonly belowMinimum: readonly ReportSpan[];
  /** Maximal spans with exactly `minCoaches` free: one absence from a gap. */
  readonly fragile: readonly ReportSpan[];
  /** One line per coach, in team order. */
  readonly coaches: readonly ReportCoach[];
  /** Coaches whose absence would add gap time, most first (ties by id). */
  readonly singlePointsOfFailure: readonly {
    /** The coach's id. */
    readonly id: string;
    /** Gap minutes the coach's absence would add (as `ReportCoach.extraGapMinutesIfAbsent`, always > 0 here). */
    readonly extraGapMinutes: number;
  }[];
  /** Quality figures of the rota (given, or generated for the horizon). */
  readonly rotaQuality: ReportRotaQuality;
  /** SLA exposure periods, when the caller passed them. */
  readonly exposure?: readonly ExposureInput[];
  /** 168 cells, Monday 00:00 first. */
  readonly heatmap: readonly HeatmapCell[];
  /** One entry per local day touching the horizon, in order. */
  readonly timeline: readonly TimelineDay[];
  /** Where one or two more volunteers would close the most gap time. */
  readonly help: HelpSection;
}
