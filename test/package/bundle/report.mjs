// A page that shows the coverage-gap report of a team file as HTML (issue 9).
import { parseTeam } from 'astreinte';
import { buildCoverageGapReport, coverageGapReportToHtml } from 'astreinte/reports';

globalThis.showReport = (file, from, to) =>
  coverageGapReportToHtml(buildCoverageGapReport(parseTeam(file), { from, to }));
