/**
 * The coverage-gap report as tidy CSV tables, one per section: stable English column keys, instants as ISO 8601
 * with offset, durations in minutes, ratios 0-1 with a dot (machine-readable; the people-facing formats are
 * Markdown and HTML).
 *
 * @module
 */
import { type CsvTable, tableToCsv } from '../formats/csv.js';
import { coverageGapReportToJson } from './json.js';
import type { CoverageGapReport } from './types.js';

/**
 * One CSV text per table, keyed by table name (`summary`, `gaps`, `below-minimum`, `fragile`, `coaches`,
 * `single-points`, `exposure` when present, `heatmap`, `timeline`, `help`), in that order.
 *
 * @example coverageGapReportToCsv(report).get('gaps') // "start,end,minutes,available\n2026-12-01T00:00:00+01:00,..."
 */
export function coverageGapReportToCsv(report: CoverageGapReport): ReadonlyMap<string, string> {
  const j = coverageGapReportToJson(report) as unknown as JsonShape;
  const tables = new Map<string, CsvTable>();
  tables.set('summary', {
    columns: ['team', 'timeZone', 'from', 'to', 'minCoaches', ...Object.keys(j.summary)],
    rows: [[j.team, j.timeZone, j.from, j.to, j.minCoaches, ...Object.values(j.summary)]],
  });
  const spans = (list: readonly Record<string, string | number>[]): CsvTable => ({
    columns: ['start', 'end', 'minutes', 'available'],
    rows: list.map((s) => [s.start!, s.end!, s.minutes!, s.available!]),
  });
  tables.set('gaps', spans(j.gaps));
  tables.set('below-minimum', spans(j.belowMinimum));
  tables.set('fragile', spans(j.fragile));
  tables.set('coaches', records(j.coaches));
  tables.set('single-points', records(j.singlePointsOfFailure, ['id', 'extraGapMinutes']));
  if (j.exposure) tables.set('exposure', records(j.exposure, ['start', 'end', 'worstWaitMinutes']));
  tables.set('heatmap', records(j.heatmap));
  tables.set('timeline', records(j.timeline));
  tables.set('help', {
    columns: ['rank', 'kind', 'weekday', 'from', 'to', 'minutes', 'gapMinutesClosed', 'newCoverageRatio'],
    rows: [
      ...j.help.ranked.map((s, i) => [
        i + 1,
        'single',
        s.window.weekday,
        s.window.from,
        s.window.to,
        s.window.minutes,
        s.gapMinutesClosed,
        s.newCoverageRatio,
      ]),
      ...(j.help.bestPair
        ? j.help.bestPair.windows.map((w) => [
            'pair',
            'pair',
            w.weekday,
            w.from,
            w.to,
            w.minutes,
            j.help.bestPair!.gapMinutesClosed,
            j.help.bestPair!.newCoverageRatio,
          ])
        : []),
    ],
  });
  return new Map([...tables].map(([name, t]) => [name, tableToCsv(t)]));
}

/**
 * All tables in one text: each preceded by a one-cell row naming it, separated by a blank line.
 *
 * @example csvTablesToText(coverageGapReportToCsv(report)) // 'summary\nteam,timeZone,...\r\n...\ngaps\nstart,end,minutes,available\r\n...'
 */
export function csvTablesToText(tables: ReadonlyMap<string, string>): string {
  return [...tables].map(([name, csv]) => `${name}\n${csv}`).join('\n');
}

type Cell = string | number;
interface JsonWindow {
  weekday: number;
  from: string;
  to: string;
  minutes: number;
}
interface JsonShape {
  team: string;
  timeZone: string;
  from: string;
  to: string;
  minCoaches: number;
  summary: Record<string, number>;
  gaps: Record<string, Cell>[];
  belowMinimum: Record<string, Cell>[];
  fragile: Record<string, Cell>[];
  coaches: Record<string, Cell>[];
  singlePointsOfFailure: Record<string, Cell>[];
  exposure?: Record<string, Cell>[];
  heatmap: Record<string, Cell>[];
  timeline: Record<string, Cell>[];
  help: {
    ranked: { window: JsonWindow; gapMinutesClosed: number; newCoverageRatio: number }[];
    bestPair?: { windows: JsonWindow[]; gapMinutesClosed: number; newCoverageRatio: number };
  };
}

function records(list: readonly Record<string, Cell>[], columns?: readonly string[]): CsvTable {
  const cols = columns ?? Object.keys(list[0] ?? {});
  return { columns: cols, rows: list.map((r) => cols.map((c) => r[c] ?? '')) };
}
