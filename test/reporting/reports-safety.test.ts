/**
 * What the reports must never do: let an input become markup or a formula, or carry a caller's personal data; and
 * what their pictures must add up to.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequests, parseTeam } from '../../src/index.js';
import {
  buildCoverageGapReport,
  buildMonthlyReview,
  coverageGapReportToCsv,
  coverageGapReportToHtml,
  coverageGapReportToJson,
  coverageGapReportToMarkdown,
  monthlyReviewToCsv,
  monthlyReviewToHtml,
  monthlyReviewToJson,
  monthlyReviewToMarkdown,
} from '../../src/reporting/index.js';

/** RFC 4180 reader, the test's own reference (quotes, doubled quotes, line breaks inside quotes). */
function parse(csv: string, _options?: unknown): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const exampleFile = JSON.parse(readFileSync('examples/ca-va-patron.json', 'utf8'));
const DEC_1 = Date.UTC(2026, 10, 30, 23);
const HOSTILE = [
  '<script>alert(1)</script>',
  '"onload=alert(1) x="',
  "'><img src=x onerror=alert(1)>",
  '=HYPERLINK("http://evil","x")',
  '+SUM(A1)',
  '-2+3',
  '@cmd',
  '\tTAB',
  '\rCR',
  '| *md* [l](x)',
];

/** The team with hostile coach names (and a hostile team name). */
function hostileTeam(names: readonly string[]) {
  return parseTeam({
    ...exampleFile,
    name: names[0],
    coaches: exampleFile.coaches.map((c: { name: string }, i: number) => ({
      ...c,
      name: names[i % names.length],
    })),
  });
}

describe('hostile names', () => {
  const team = hostileTeam(HOSTILE);
  const report = buildCoverageGapReport(team, { from: DEC_1, to: DEC_1 + 14 * 86_400_000 });

  it('never reach the HTML unescaped: no tag, attribute or script comes from input', () => {
    const html = coverageGapReportToHtml(report);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    // Every attribute of every real tag is one the renderer writes, with a double-quoted value holding no quote:
    // an input can only ever be text inside a value or an element.
    const attributeNames = new Set<string>();
    for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
      const rest = tag.replace(/^<[a-zA-Z0-9]+/, '').replace(/\/?>$/, '');
      const stripped = rest.replace(/\s([a-zA-Z:-]+)="[^"]*"/g, (_, name: string) => {
        attributeNames.add(name.toLowerCase());
        return '';
      });
      expect(stripped.trim()).toBe('');
    }
    const allowedAttributes =
      'lang charset name content http-equiv rel href id class aria-labelledby aria-label scope xmlns role viewbox width height x y fill stroke stroke-width opacity text-anchor font-size data-weekday data-hour'.split(
        ' ',
      );
    for (const a of attributeNames) expect(allowedAttributes).toContain(a);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;onload=alert(1) x=&quot;');
    // Only the page's own elements: every tag name is one the renderer writes.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    const allowed =
      'html head meta link title style body h1 h2 dl dt dd section p br figure svg desc text rect g table caption thead tbody tr th td details summary footer'.split(
        ' ',
      );
    for (const t of tags) expect(allowed).toContain(t);
    // No external request: no http(s) URL but the SVG namespace, no src, no url().
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\/(?!evil)/);
    expect(html).not.toMatch(/url\(/);
  });

  it('never become a formula in any CSV cell (all tables, both reports)', () => {
    const requests = parseRequests(JSON.parse(readFileSync('examples/requests.json', 'utf8')), team);
    const review = buildMonthlyReview(team, requests, { month: '2026-12' });
    for (const csv of [...coverageGapReportToCsv(report).values(), ...monthlyReviewToCsv(review).values()]) {
      const rows: string[][] = parse(csv, { relax_column_count: false });
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('any string as a name is a safe CSV cell and escaped HTML text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom(...HOSTILE),
        (random, hostile) => {
          const name = `${hostile}${random}`.trim() || 'x';
          const t = hostileTeam([name]);
          const r = buildCoverageGapReport(t, {
            from: DEC_1,
            to: DEC_1 + 2 * 86_400_000,
            helpShapesMinutes: [240],
          });
          const rows: string[][] = parse(coverageGapReportToCsv(r).get('summary')!, {});
          expect(rows[1]![0]).not.toMatch(/^[=+\-@\t\r]/);
          const html = coverageGapReportToHtml(r);
          expect(html).not.toContain('<script');
          expect(html.includes(name) ? !/[<>&"']/.test(name) : true).toBe(true);
        },
      ),
      { numRuns: 30, seed: 9 },
    );
  });
});

describe('planted markers', () => {
  it('no contact or free-text field of a request file reaches any byte of any report', () => {
    const team = parseTeam(exampleFile);
    const raw = JSON.parse(readFileSync('examples/requests.json', 'utf8')) as Record<string, unknown>[];
    const markers: string[] = [];
    const planted = raw.map((r, i): Record<string, unknown> => {
      const m = (field: string) => {
        const s = `ZQX${field}${i}MARK`;
        markers.push(s);
        return s;
      };
      return {
        ...r,
        contact: {
          name: m('name'),
          phone: `+33 6 00 00 ${String(i).padStart(2, '0')} 99`,
          email: `${m('email').toLowerCase()}@example.fr`,
        },
      };
    });
    const requests = parseRequests(planted, team);
    // Ids and case ids are not personal, but the review must not list single requests either.
    for (const r of planted) {
      markers.push((r.contact as { phone: string }).phone, r.id as string);
      if (typeof r.caseId === 'string') markers.push(r.caseId);
    }
    const review = buildMonthlyReview(team, requests, { month: '2026-12', k: 2 });
    const outputs = [
      JSON.stringify(monthlyReviewToJson(review)),
      monthlyReviewToMarkdown(review),
      monthlyReviewToMarkdown(review, { lang: 'en' }),
      monthlyReviewToHtml(review),
      ...monthlyReviewToCsv(review).values(),
    ];
    const report = buildCoverageGapReport(team, { from: DEC_1, to: DEC_1 + 28 * 86_400_000 });
    outputs.push(
      JSON.stringify(coverageGapReportToJson(report)),
      coverageGapReportToMarkdown(report),
      coverageGapReportToHtml(report),
      ...coverageGapReportToCsv(report).values(),
    );
    const everything = outputs.join('\n').toLowerCase();
    expect(markers.length).toBeGreaterThan(20);
    for (const marker of markers) expect(everything).not.toContain(marker.toLowerCase());
  });
});

describe('the heatmap adds up to the coverage figures (property)', () => {
  it('cells sum to the horizon, covered and gap minutes, across DST changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 2 }),
        (startDay, days, minCoaches) => {
          const from = Date.UTC(2026, 0, 1) + startDay * 86_400_000 + 7 * 3_600_000;
          const to = from + days * 86_400_000 + 5 * 3_600_000;
          const r = buildCoverageGapReport(exampleFile, { from, to, minCoaches, helpShapesMinutes: [240] });
          const sum = (f: (c: (typeof r.heatmap)[number]) => number) =>
            r.heatmap.reduce((s, c) => s + f(c), 0);
          expect(sum((c) => c.minutes)).toBeCloseTo(r.horizonMinutes, 6);
          expect(sum((c) => c.coveredMinutes)).toBeCloseTo(r.coveredMinutes, 6);
          expect(sum((c) => c.minutes - c.coveredMinutes)).toBeCloseTo(r.gapMinutes, 6);
          // The day strip too: days partition the horizon; their gap minutes add up to the gaps'.
          expect(r.timeline.reduce((s, d) => s + d.minutes, 0)).toBeCloseTo(r.horizonMinutes, 6);
          expect(r.timeline.reduce((s, d) => s + d.gapMinutes, 0)).toBeCloseTo(r.gapMinutes, 6);
          expect(r.gaps.reduce((s, g) => s + g.minutes, 0)).toBeCloseTo(r.gapMinutes, 6);
        },
      ),
      { numRuns: 40, seed: 9 },
    );
  });
});
