/**
 * The coverage-gap report as JSON: a documented, stable shape (`schema/coverage-report.schema.json`), instants as
 * ISO 8601 local date-times with their offset, durations in minutes, hours where the key says so, ratios 0-1.
 *
 * @module
 */
import { formatInstant } from '../../time/format.js';
import { formatLocalDate } from '../../time/local.js';
import { buildZoneTable } from '../../time/zone.js';
import { round6 } from '../duration.js';
import type { CoverageGapReport, ReportSpan, WeeklyWindow } from './types.js';

/** Version of the JSON shape; bumped only on an incompatible change. */
export const COVERAGE_REPORT_SCHEMA_VERSION = 1;

/** Any JSON value, as `JSON.stringify` writes it (no `undefined`, no functions). */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [k: string]: JsonValue };

/**
 * The report as a JSON-ready object (see the schema for every key).
 *
 * @example JSON.stringify(coverageGapReportToJson(report)).includes('"schemaVersion":1')
 */
export function coverageGapReportToJson(report: CoverageGapReport): { readonly [k: string]: JsonValue } {
  const table = buildZoneTable(report.timeZone, report.from, report.to);
  const iso = (t: number) => formatInstant(table, t);
  const span = (s: ReportSpan) => ({
    start: iso(s.start),
    end: iso(s.end),
    minutes: round6(s.minutes),
    available: s.available,
  });
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const win = (w: WeeklyWindow) => ({
    weekday: w.weekday,
    from: hhmm(w.startMinute),
    to: hhmm(w.endMinute >= 1440 ? w.endMinute - 1440 : w.endMinute),
    minutes: w.endMinute - w.startMinute,
  });
  const help = report.help;
  return {
    schemaVersion: COVERAGE_REPORT_SCHEMA_VERSION,
    kind: report.kind,
    team: report.team,
    timeZone: report.timeZone,
    from: iso(report.from),
    to: iso(report.to),
    minCoaches: report.minCoaches,
    summary: {
      horizonMinutes: round6(report.horizonMinutes),
      coveredMinutes: round6(report.coveredMinutes),
      gapMinutes: round6(report.gapMinutes),
      fragileMinutes: round6(report.fragileMinutes),
      coverageRatio: round6(report.coverageRatio),
      longestGapMinutes: round6(report.longestGapMinutes),
    },
    gaps: report.gaps.map(span),
    belowMinimum: report.belowMinimum.map(span),
    fragile: report.fragile.map(span),
    coaches: report.coaches.map((c) => ({
      id: c.id,
      name: c.name,
      freeHours: round6(c.freeHours),
      onCallHours: round6(c.onCallHours),
      firstLineHours: round6(c.firstLineHours),
      fairShareHours: round6(c.fairShareHours),
      extraGapMinutesIfAbsent: round6(c.extraGapMinutesIfAbsent),
    })),
    singlePointsOfFailure: report.singlePointsOfFailure.map((s) => ({
      id: s.id,
      extraGapMinutes: round6(s.extraGapMinutes),
    })),
    rotaQuality: {
      layers: [...report.rotaQuality.layers],
      coverageByLayer: report.rotaQuality.coverageByLayer.map(round6),
      balance: round6(report.rotaQuality.balance),
      maxFairShareDeviationHours: round6(report.rotaQuality.maxFairShareDeviationHours),
      handOffsPerWeek: round6(report.rotaQuality.handOffsPerWeek),
      maxNightDeviationHours: round6(report.rotaQuality.maxNightDeviationHours),
      maxWeekendDeviationHours: round6(report.rotaQuality.maxWeekendDeviationHours),
    },
    ...(report.exposure === undefined
      ? {}
      : {
          exposure: report.exposure.map((e) => ({
            start: iso(e.start),
            end: iso(e.end),
            worstWaitMinutes: round6(e.worstWaitMs / 60_000),
          })),
        }),
    heatmap: report.heatmap.map((c) => ({
      weekday: c.weekday,
      hour: c.hour,
      minutes: round6(c.minutes),
      coveredMinutes: round6(c.coveredMinutes),
      coveredShare: round6(c.coveredShare),
      averageFree: round6(c.averageFree),
    })),
    timeline: report.timeline.map((d) => ({
      date: formatLocalDate(d.date),
      minutes: round6(d.minutes),
      gapMinutes: round6(d.gapMinutes),
      fragileMinutes: round6(d.fragileMinutes),
      minFree: d.minFree,
      maxFree: d.maxFree,
      averageFree: round6(d.averageFree),
    })),
    help: {
      shapesMinutes: [...help.shapesMinutes],
      candidates: help.candidates,
      ranked: help.ranked.map((s) => ({
        window: win(s.window),
        gapMinutesClosed: round6(s.gapMinutesClosed),
        newCoverageRatio: round6(s.newCoverageRatio),
      })),
      ...(help.bestPair
        ? {
            bestPair: {
              windows: help.bestPair.windows.map(win),
              gapMinutesClosed: round6(help.bestPair.gapMinutesClosed),
              newCoverageRatio: round6(help.bestPair.newCoverageRatio),
            },
          }
        : {}),
    },
  };
}
