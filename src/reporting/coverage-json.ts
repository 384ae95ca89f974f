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
  readonly start: string;
  readonly end: string;
  readonly minutes: number;
}

/**
 * The JSON document of a coverage report. Keys up to `coaches[].gapMinutesIfAbsent` are a product contract;
 * `fragile`, `extraGapMinutesIfAbsent` and `hourOfWeek` are additions.
 */
export interface CoverageJson {
  readonly team: string;
  readonly timeZone: string;
  /** ISO 8601 with offset, e.g. `2026-12-01T00:00:00+01:00`. */
  readonly from: string;
  readonly to: string;
  readonly minCoaches: number;
  /** As in the report, `coverageRatio` rounded to 6 decimals. */
  readonly stats: CoverageStats;
  readonly gaps: readonly (JsonSpan & { readonly available: number })[];
  readonly fragile: readonly JsonSpan[];
  readonly coaches: readonly {
    readonly id: string;
    readonly availableMinutes: number;
    readonly gapMinutesIfAbsent: number;
    readonly extraGapMinutesIfAbsent: number;
  }[];
  readonly hourOfWeek: readonly {
    readonly day: string;
    readonly hour: number;
    readonly minutes: number;
    readonly coveredShare: number;
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
