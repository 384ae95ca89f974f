/**
 * The coverage report as JSON for scripts: the `astreinte coverage --format json` contract.
 *
 * @module
 */
import type { CoverageReport, CoverageStats } from '../rota/coverage.js';
import { formatInstant } from '../time/format.js';
import { WEEKDAY_CODES } from '../time/local.js';
import { buildZoneTable } from '../time/zone.js';
import { round6 } from './duration.js';

/** A span as it appears in JSON: ISO instants with the team's offset. */
export interface JsonSpan {
  /** Start, inclusive: ISO 8601 with the team's offset then, e.g. `2026-12-01T19:00:00+01:00`. */
  readonly start: string;
  /** End, exclusive, same form. */
  readonly end: string;
  /** Length in real minutes (a span across a DST change counts the hour gained or lost). */
  readonly minutes: number;
}

/** A gap as it appears in JSON. */
export interface GapJson extends JsonSpan {
  /** The fewest coaches free at any instant of it (below `minCoaches`). */
  readonly available: number;
}

/**
 * The JSON document of a coverage report. Keys up to `coaches[].gapMinutesIfAbsent` are a product contract;
 * `fragile`, `extraGapMinutesIfAbsent` and `hourOfWeek` are additions.
 */
export interface CoverageJson {
  /** The team's name. */
  readonly team: string;
  /** The team's IANA zone, in which every offset below is given. */
  readonly timeZone: string;
  /** Start of the horizon, inclusive: ISO 8601 with offset, e.g. `2026-12-01T00:00:00+01:00`. */
  readonly from: string;
  /** End of the horizon, exclusive, same form. */
  readonly to: string;
  /** Coaches wanted free at every instant; less is a gap. */
  readonly minCoaches: number;
  /** As in the report, `coverageRatio` rounded to 6 decimals. */
  readonly stats: CoverageStats;
  /** Every gap (fewer than `minCoaches` free), in order. */
  readonly gaps: readonly GapJson[];
  /** Covered time that one absence would turn into a gap (exactly `minCoaches` free), in order. */
  readonly fragile: readonly JsonSpan[];
  /** Each coach's weight in the coverage, in team order. */
  readonly coaches: readonly {
    /** The coach's id in the team file. */
    readonly id: string;
    /** Minutes of the horizon the coach is free. */
    readonly availableMinutes: number;
    /** Total gap minutes the horizon would have without this coach. */
    readonly gapMinutesIfAbsent: number;
    /** The part of those their absence adds to today's gaps: large values are single points of failure. */
    readonly extraGapMinutesIfAbsent: number;
  }[];
  /** 168 cells, Monday 00:00 first, local wall-clock hours of the team's zone. */
  readonly hourOfWeek: readonly {
    /** Weekday code, `MO` to `SU`. */
    readonly day: string;
    /** Local hour, 0 to 23. */
    readonly hour: number;
    /** Real minutes the wall clock reads this hour over the horizon (none for a skipped DST hour). */
    readonly minutes: number;
    /** Share of those minutes with at least `minCoaches` free, 0 to 1 (6 decimals). */
    readonly coveredShare: number;
    /** Time-weighted average number of coaches free in those minutes (6 decimals). */
    readonly averageFree: number;
  }[];
}

/**
 * Turns a report into its JSON document (instants as ISO strings in the team's zone, ratios rounded to 6
 * decimals). Deterministic: the same report gives the same document, whatever the host's zone.
 *
 * @example JSON.stringify(coverageToJson(computeCoverage(team, { from, to })), null, 2)
 */
export function coverageToJson(report: CoverageReport): CoverageJson {
  const table = buildZoneTable(report.timeZone, report.from, report.to);
  const iso = (t: number) => formatInstant(table, t);
  return {
    team: report.team,
    timeZone: report.timeZone,
    from: iso(report.from),
    to: iso(report.to),
    minCoaches: report.minCoaches,
    stats: { ...report.stats, coverageRatio: round6(report.stats.coverageRatio) },
    gaps: report.gaps.map((g) => ({
      start: iso(g.start),
      end: iso(g.end),
      minutes: g.minutes,
      available: g.available,
    })),
    fragile: report.fragile.map((f) => ({
      start: iso(f.start),
      end: iso(f.end),
      minutes: (f.end - f.start) / 60_000,
    })),
    coaches: report.coaches.map((c) => ({
      id: c.id,
      availableMinutes: c.availableMinutes,
      gapMinutesIfAbsent: c.gapMinutesIfAbsent,
      extraGapMinutesIfAbsent: c.extraGapMinutesIfAbsent,
    })),
    hourOfWeek: report.hourOfWeek.map((cell) => ({
      day: WEEKDAY_CODES[cell.weekday] as string,
      hour: cell.hour,
      minutes: cell.minutes,
      coveredShare: round6(cell.coveredShare),
      averageFree: round6(cell.averageFree),
    })),
  };
}
