/**
 * `astreinte/reports`: the reports people read, the coverage-gap report (with where one more volunteer helps
 * most) and the monthly review (k-anonymous), as JSON, CSV, Markdown and a standalone HTML page, in French or
 * English. Browser-safe like the core, but a subpath of its own, so a page that shows gaps or a rota does not carry
 * the reports' formats and wording (about 15 kB gzip).
 *
 * @example
 * ```ts
 * import { computeCoverage, parseTeam } from 'astreinte';
 * import { buildCoverageGapReport, coverageGapReportToHtml } from 'astreinte/reports';
 * const team = parseTeam(json);
 * const html = coverageGapReportToHtml(buildCoverageGapReport(team, { from, to }), { lang: 'fr' });
 * ```
 *
 * @packageDocumentation
 */

export type { DocSection, DocTable } from './formats/document.js';
export { buildCoverageGapReport, type CoverageGapReportOptions } from './gap-report/build.js';
export { coverageGapReportToCsv, csvTablesToText } from './gap-report/csv.js';
export { coverageGapDocument, type ReportFormatOptions } from './gap-report/document.js';
export {
  COVERAGE_REPORT_SCHEMA_VERSION,
  coverageGapReportToJson,
  type JsonValue,
} from './gap-report/json.js';
export { coverageGapReportToHtml, coverageGapReportToMarkdown } from './gap-report/render.js';
export { candidateWindows, type HelpOptions, suggestHelp } from './gap-report/suggest.js';
export type {
  CoverageGapReport,
  ExposureInput,
  HeatmapCell,
  HelpPair,
  HelpSection,
  HelpSuggestion,
  ReportCoach,
  ReportRotaQuality,
  ReportSpan,
  TimelineDay,
  WeeklyWindow,
} from './gap-report/types.js';
export {
  buildMonthlyReview,
  type MonthlyReview,
  type MonthlyReviewOptions,
  type MonthlySlaInput,
  type PublishedDurations,
} from './monthly/build.js';
export {
  countText,
  monthlyReviewDocument,
  monthlyReviewToCsv,
  monthlyReviewToHtml,
  monthlyReviewToJson,
  monthlyReviewToMarkdown,
} from './monthly/render.js';
export { monthlySlaInput } from './monthly/sla-input.js';
export {
  type PublishedCount,
  type PublishedList,
  type PublishedTable,
  suppressList,
  suppressTable,
} from './monthly/suppress.js';
