// A page that shows the coverage-gap report of a team file as HTML (issue 9).
import { buildCoverageGapReport, coverageGapReportToHtml, parseTeam } from 'astreinte';

globalThis.showReport = (file, from, to) =>
  coverageGapReportToHtml(buildCoverageGapReport(parseTeam(file), { from, to }));
