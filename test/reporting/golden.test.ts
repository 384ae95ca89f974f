/**
 * Golden outputs of the example team (examples/ca-va-patron.json, December 2026) and its requests
 * (examples/requests.json): every format of both reports, byte for byte. Stable across host zones (the suite runs
 * under several TZ values). A person read each file before it was accepted; regenerate with UPDATE_GOLDEN=1 and
 * read the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRequests, parseTeam } from '../../src/index.js';
import {
  buildCoverageGapReport,
  buildMonthlyReview,
  coverageGapReportToCsv,
  coverageGapReportToHtml,
  coverageGapReportToJson,
  coverageGapReportToMarkdown,
  csvTablesToText,
  monthlyReviewToCsv,
  monthlyReviewToHtml,
  monthlyReviewToJson,
  monthlyReviewToMarkdown,
} from '../../src/reporting/index.js';

const team = parseTeam(JSON.parse(readFileSync('examples/ca-va-patron.json', 'utf8')));
const requests = parseRequests(JSON.parse(readFileSync('examples/requests.json', 'utf8')), team);
const DEC_1 = Date.UTC(2026, 10, 30, 23); // 2026-12-01 00:00 in Paris
const DEC_29 = Date.UTC(2026, 11, 28, 23);

function golden(name: string, text: string): void {
  const path = `test/reporting/golden/${name}`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('golden outputs of the example team', () => {
  const report = buildCoverageGapReport(team, { from: DEC_1, to: DEC_29 });
  const review = buildMonthlyReview(team, requests, {
    month: '2026-12',
    sla: { requests: 12, met: 10, breachesByReason: { 'no-coach-free': 1, 'not-reached': 1 } },
  });

  it('coverage report: Markdown fr and en, HTML fr, JSON, CSV', () => {
    golden('coverage.fr.md', coverageGapReportToMarkdown(report));
    golden('coverage.en.md', coverageGapReportToMarkdown(report, { lang: 'en' }));
    golden('coverage.fr.html', coverageGapReportToHtml(report));
    golden('coverage.json', `${JSON.stringify(coverageGapReportToJson(report), null, 2)}\n`);
    golden('coverage.csv', csvTablesToText(coverageGapReportToCsv(report)));
  });

  it('monthly review: Markdown fr and en, HTML fr, JSON, CSV', () => {
    golden('monthly.fr.md', monthlyReviewToMarkdown(review));
    golden('monthly.en.md', monthlyReviewToMarkdown(review, { lang: 'en' }));
    golden('monthly.fr.html', monthlyReviewToHtml(review));
    golden('monthly.json', `${JSON.stringify(monthlyReviewToJson(review), null, 2)}\n`);
    golden('monthly.csv', [...monthlyReviewToCsv(review)].map(([n, t]) => `${n}\n${t}`).join('\n'));
  });

  it('hand-checked figures of the December report', () => {
    // 28 days x 1,440 min = 40,320 horizon minutes (no DST change in December).
    expect(report.horizonMinutes).toBe(40_320);
    // The first gap: Tuesday 1 December, Fabrice's Monday window ends 00:30, Bastien's Tuesday one starts 07:00.
    expect(report.gaps[0]).toMatchObject({
      start: DEC_1 + 30 * 60_000,
      end: DEC_1 + 7 * 3_600_000,
      minutes: 390,
    });
    expect(report.coveredMinutes + report.gapMinutes).toBe(report.horizonMinutes);
  });
});
