/**
 * The coverage-gap report as Markdown and as a standalone HTML page.
 *
 * @module
 */
import { documentToHtml } from '../formats/html.js';
import { documentToMarkdown } from '../formats/markdown.js';
import { coverageGapDocument, type ReportFormatOptions } from './document.js';
import type { CoverageGapReport } from './types.js';

/**
 * Markdown, to paste into an e-mail (French unless `lang: 'en'`).
 *
 * @example coverageGapReportToMarkdown(report).startsWith('# Rapport de couverture')
 */
export function coverageGapReportToMarkdown(
  report: CoverageGapReport,
  options: ReportFormatOptions = {},
): string {
  return documentToMarkdown(coverageGapDocument(report, options));
}

/**
 * One standalone HTML page: inline SVG heatmap and timeline, inline CSS with A4 print styles, no script, no
 * external request, every string escaped.
 *
 * @example coverageGapReportToHtml(report, { lang: 'en' }).includes('<svg')
 */
export function coverageGapReportToHtml(
  report: CoverageGapReport,
  options: ReportFormatOptions = {},
): string {
  return documentToHtml(coverageGapDocument(report, options));
}
