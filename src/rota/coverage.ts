/**
 * Coverage and gaps: how well the team's declared availability covers the horizon, and where it does not.
 *
 * @module
 */
import { issue, ValidationError } from '../errors.js';
import { resolveTeam, type TeamInput } from '../model/resolve.js';
import { type IntervalSet, intersect, normalize, totalLength } from '../time/intervals.js';
import type { Instant, Interval } from '../time/types.js';
import { coachFreeTime } from './availability.js';
import { type CoverageGap, findGaps, spansWithCount } from './gaps.js';
import { checkHorizon, zoneTablesFor } from './horizon.js';
import { type HourOfWeekCell, hourOfWeekProfile } from './profile.js';
import { type CountTimeline, sweepCounts } from './sweep.js';

/** What to compute coverage over. */
export interface CoverageOptions {
  /** Start of the horizon (inclusive), UTC epoch ms. */
  readonly from: Instant;
  /** End of the horizon (exclusive), UTC epoch ms; at most five years after `from`. */
  readonly to: Instant;
  /** Overrides the team's `coverage.minCoaches` for this computation. @defaultValue `team.coverage.minCoaches` */
  readonly minCoaches?: number;
}

/** Headline figures. Minutes are real elapsed minutes (a 23-hour DST day has 1,380). */
export interface CoverageStats {
  /** Length of the horizon `[from, to)` in minutes. */
  readonly horizonMinutes: number;
  /** Minutes with at least `minCoaches` free. */
  readonly coveredMinutes: number;
  /** Minutes with fewer than `minCoaches` free; `coveredMinutes + gapMinutes = horizonMinutes`. */
  readonly gapMinutes: number;
  /** Minutes with exactly `minCoaches` free (a subset of covered time). */
  readonly fragileMinutes: number;
  /** `coveredMinutes / horizonMinutes`, 0-1. */
  readonly coverageRatio: number;
  /** Length of the longest gap in minutes (0 if none). */
  readonly longestGapMinutes: number;
}

/** One coach's part in the coverage. */
export interface CoachCoverage {
  /** The coach's id. */
  readonly id: string;
  /** Minutes the coach is free within the horizon. */
  readonly availableMinutes: number;
  /** Total gap minutes the horizon would have if this coach were absent throughout. */
  readonly gapMinutesIfAbsent: number;
  /** Gap minutes this coach's absence would add (`gapMinutesIfAbsent - stats.gapMinutes`): a single point of failure when large. */
  readonly extraGapMinutesIfAbsent: number;
  /** The coach's free time in the horizon, a normalized interval set of UTC epoch ms. */
  readonly freeTime: IntervalSet;
}

/** The full answer of {@link computeCoverage}. Plain data; instants are UTC epoch ms. */
export interface CoverageReport {
  /** The team's name. */
  readonly team: string;
  /** The team's zone: the one the hour-of-week profile is read in. */
  readonly timeZone: string;
  /** Start of the horizon (inclusive), UTC epoch ms. */
  readonly from: Instant;
  /** End of the horizon (exclusive), UTC epoch ms. */
  readonly to: Instant;
  /** The target used: the option if given, else the team's `coverage.minCoaches`; an integer >= 1. */
  readonly minCoaches: number;
  /** Headline figures over the horizon. */
  readonly stats: CoverageStats;
  /** Number of coaches free over the horizon, as a step function (see `timelineSegments` for the coaches' ids). */
  readonly timeline: CountTimeline;
  /** Maximal spans with fewer than `minCoaches` free, in time order. */
  readonly gaps: readonly CoverageGap[];
  /** Maximal spans with exactly `minCoaches` free: one absence opens a gap. */
  readonly fragile: readonly Interval[];
  /** One entry per coach, in team order. */
  readonly coaches: readonly CoachCoverage[];
  /** 168 cells, Monday 00:00 first, in the team's zone. */
  readonly hourOfWeek: readonly HourOfWeekCell[];
}

/**
 * Computes how the team's declared availability covers `[from, to)`: the count of coaches free at every instant,
 * the gaps, the fragile time, each coach's free time and what their absence would cost, and the hour-of-week profile.
 *
 * Accepts a compiled {@link Team} or a raw team file object (validated first). Edge cases: a gap touching the
 * horizon's edges is cut there; short gaps are never merged away; DST nights count their real length.
 *
 * @throws {@link ValidationError} for a bad team, a bad or over-long horizon, or a bad `minCoaches`.
 * @example
 * const report = computeCoverage(parseTeam(json), { from: Date.UTC(2026, 10, 30, 23), to: Date.UTC(2026, 11, 28, 23) });
 * report.stats.coverageRatio; // e.g. 0.62
 * report.gaps[0]; // { start, end, minutes, available: 0 }
 */
export function computeCoverage(teamInput: TeamInput, options: CoverageOptions): CoverageReport {
  const team = resolveTeam(teamInput);
  const horizon = checkHorizon(team, options);
  const minCoaches = options.minCoaches ?? team.coverage.minCoaches;
  if (!Number.isInteger(minCoaches) || minCoaches < 1) {
    throw new ValidationError([
      issue('minCoaches', minCoaches, 'is not a whole number of coaches', 'an integer >= 1'),
    ]);
  }
  const { from, to } = horizon;
  const tables = zoneTablesFor(team, horizon);
  const cache = new Map<string, number[]>();
  const freeTimes = team.coaches.map((coach) =>
    coachFreeTime(coach, tables.get(coach.timeZone)!, horizon, cache),
  );
  const timeline = sweepCounts(freeTimes, from, to);
  const gaps = findGaps(timeline, minCoaches);
  const fragile = spansWithCount(timeline, minCoaches);

  const gapMs = gaps.reduce((sum, g) => sum + (g.end - g.start), 0);
  const fragileSet = normalize(fragile.flatMap((f) => [f.start, f.end]));
  const horizonMinutes = (to - from) / 60_000;
  const gapMinutes = gapMs / 60_000;
  const stats: CoverageStats = {
    horizonMinutes,
    coveredMinutes: horizonMinutes - gapMinutes,
    gapMinutes,
    fragileMinutes: totalLength(fragileSet) / 60_000,
    coverageRatio: (horizonMinutes - gapMinutes) / horizonMinutes,
    longestGapMinutes: gaps.reduce((max, g) => Math.max(max, g.minutes), 0),
  };
  const coaches = team.coaches.map((coach, i): CoachCoverage => {
    const freeTime = freeTimes[i]!;
    // Absent coach c turns exactly the fragile time c covers into gap (count drops from minCoaches to below).
    const extra = totalLength(intersect(fragileSet, freeTime)) / 60_000;
    return {
      id: coach.id,
      availableMinutes: totalLength(freeTime) / 60_000,
      gapMinutesIfAbsent: gapMinutes + extra,
      extraGapMinutesIfAbsent: extra,
      freeTime,
    };
  });
  return {
    team: team.name,
    timeZone: team.timeZone,
    from,
    to,
    minCoaches,
    stats,
    timeline,
    gaps,
    fragile,
    coaches,
    hourOfWeek: hourOfWeekProfile(timeline, tables.get(team.timeZone)!, from, to, minCoaches),
  };
}
