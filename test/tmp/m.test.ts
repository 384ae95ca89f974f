import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseRequests, parseTeam } from '../../src/index.js';
import { buildMonthlyReview } from '../../src/reporting/monthly/build.js';
import {
  monthlyReviewToCsv,
  monthlyReviewToHtml,
  monthlyReviewToJson,
  monthlyReviewToMarkdown,
} from '../../src/reporting/monthly/render.js';

it('m', () => {
  const team = parseTeam(JSON.parse(readFileSync('examples/ca-va-patron.json', 'utf8')));
  const reqs = parseRequests(JSON.parse(readFileSync('examples/requests.json', 'utf8')), team);
  const r = buildMonthlyReview(team, reqs, {
    month: '2026-12',
    sla: { requests: 12, met: 10, breachesByReason: { 'no-coach-free': 1, 'not-reached': 1 } },
  });
  writeFileSync('/tmp/m.md', monthlyReviewToMarkdown(r));
  writeFileSync('/tmp/m.html', monthlyReviewToHtml(r));
  writeFileSync('/tmp/m.json', JSON.stringify(monthlyReviewToJson(r), null, 1));
  writeFileSync('/tmp/m.csv', [...monthlyReviewToCsv(r).values()].join('\n'));
});
