import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseTeam } from '../../src/index.js';
import { buildCoverageGapReport } from '../../src/reporting/gap-report/build.js';
import { coverageGapReportToCsv, csvTablesToText } from '../../src/reporting/gap-report/csv.js';
import { coverageGapReportToJson } from '../../src/reporting/gap-report/json.js';
import {
  coverageGapReportToHtml,
  coverageGapReportToMarkdown,
} from '../../src/reporting/gap-report/render.js';

it('smoke', () => {
  const team = parseTeam(JSON.parse(readFileSync('examples/ca-va-patron.json', 'utf8')));
  const r = buildCoverageGapReport(team, {
    from: Date.UTC(2026, 10, 30, 23),
    to: Date.UTC(2026, 11, 28, 23),
  });
  writeFileSync('/tmp/r.md', coverageGapReportToMarkdown(r));
  writeFileSync('/tmp/r-en.md', coverageGapReportToMarkdown(r, { lang: 'en' }));
  writeFileSync('/tmp/r.html', coverageGapReportToHtml(r));
  writeFileSync('/tmp/r.json', JSON.stringify(coverageGapReportToJson(r), null, 2));
  writeFileSync('/tmp/r.csv', csvTablesToText(coverageGapReportToCsv(r)));
});
