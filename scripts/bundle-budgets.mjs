/**
 * The browser bundle budgets, in kB (1,000 bytes, as the issue measured) of gzip (level 9) of an esbuild bundle of the entry for the browser (minified,
 * dependencies included): what a front end actually ships. Checked by scripts/bundle-size.mjs in `npm test`.
 *
 * Each entry file under test/package/bundle/ is a page that imports one use of the library.
 */
export const BUDGETS = [
  {
    entry: 'core-all.mjs',
    what: 'the whole core: every export of `astreinte`',
    // Issue 13: a front end that takes everything pays at most 70 KB gzip (zod/mini, rrule and our code). A
    // country's public-holiday data, when the SLA engine brings it, is measured and reported on top of this.
    // Issue 7 (SLA) measured 64.6 kB before and 74.2 kB after: ~1.7 kB of it France's holiday dates, the rest
    // the engine (calendar, deadlines, statuses, exposure, metrics, its schema, reports). 76 keeps that in view.
    // Issue 9's reports (+14.7 kB) are a subpath entry, astreinte/reports, so this page does not carry them.
    // Issue 10's intake (word tables, grammar, restatement) adds 12.4 kB on top (74.7 -> 87.1 kB, BENCHMARKS
    // section 10): raised to 88. Kept in the core on purpose: a front end reads an SMS as one types, beside the
    // coverage, so the intake is the core's, unlike the reports and the feeds (their own entries).
    // Issue 11's chains of hand-off blocks (src/rota/balance-chains.ts) and the stability fix add ~3.6 kB to every
    // page with the rota (87.7 -> 91.4 kB here, 45 -> 48.5 kB on the rota page): raised to 92.
    // Issue 11's refill of the blocks that change hands inside (src/rota/balance-refill.ts) adds ~2.4 kB, and the
    // assignment's speed-ups ~0.5 kB, to every page with the rota (91.4 -> 94.3 kB here): raised to 96.
    kb: 96,
  },
  {
    entry: 'parse-coverage.mjs',
    what: 'a coverage page: parseTeam + computeCoverage',
    // Issue 13: the most common page (show the gaps of a team file) at most 45 KB gzip. rrule is most of it: the
    // team file may hold RRULE rules, so it cannot be left out.
    kb: 45,
  },
  {
    entry: 'parse-coverage-rota.mjs',
    what: 'a rota page: parseTeam + computeCoverage + generateRota (the page issue 13 measured at 143 KB)',
    // The rota's own code is ~4 KB gzip on top of the coverage page: 50 leaves room for its next features
    // (per-layer fairness) without letting a dependency slip in unnoticed.
    // Issue 11's refill of the blocks that change hands inside (src/rota/balance-refill.ts) adds ~2.4 kB, and the
    // assignment's speed-ups ~0.5 kB, to every page with the rota (48.5 -> 51.3 kB here): raised to 53.
    kb: 53,
  },
  {
    entry: 'match.mjs',
    what: 'a call-sheet page: parseTeam + parseRequests + planCallbacks + planToText',
    // Measured at 48.0 kB when matching landed (the exact solver, the plan and the request file, ~17 kB on top of a
    // coverage page); 55 leaves room for the SLA issue's deadlines without letting a dependency slip in.
    // Issue 10: the team file's optional intake key (its schema and resolveIntakePolicy, which parseTeam runs) adds
    // ~2.1 kB to every page that parses a team (53.9 -> 56.0 kB here): raised to 57, for the lead to confirm.
    kb: 57,
  },
  {
    entry: 'sla.mjs',
    what: 'an SLA page: parseTeam + parseRequests + computeSla + slaToText (the prediction runs the matching plan)',
    // Issue 7: the call-sheet page plus the SLA engine and France's public holidays, which are bundled as ~1.7 kB
    // gzip of dates generated from date-holidays (the library itself would add ~236 kB gzip, its parser ~145 kB).
    kb: 62,
  },
  {
    entry: 'report.mjs',
    what: 'a report page: parseTeam + buildCoverageGapReport + coverageGapReportToHtml (issue 9)',
    // Measured at 49.6 kB when the reports landed: a rota page (40 kB) plus the report, its HTML, SVG and the
    // wording of both languages (~9 kB); 55 leaves room without letting a dependency slip in.
    // Issue 11's chains and stability fix in the rota: 54.3 -> 58.2 kB, raised to 59.
    // Issue 11's refill of the blocks that change hands inside (src/rota/balance-refill.ts) adds ~2.4 kB, and the
    // assignment's speed-ups ~0.5 kB, to every page with the rota (58.2 -> 61.1 kB here): raised to 62.
    kb: 62,
  },
  {
    entry: 'feeds.mjs',
    what: 'a subscription page: parseTeam + generateRota + coachFeed, teamFeed and gapsFeed (astreinte/ical)',
    // Issue 8: measured at 61.5 kB when the feeds landed: ical-generator (~18% of the minified bytes) and
    // timezones-ical-library's VTIMEZONE data (~15%) are ~20 kB gzip on top of a rota page. That is why the feeds
    // are the separate entry `astreinte/ical`: in the core, every page (and core-all's 70) would pay for them.
    // Issue 11's chains and stability fix in the rota: 70.4 kB, raised to 72.
    // Issue 11's refill of the blocks that change hands inside (src/rota/balance-refill.ts) adds ~2.4 kB, and the
    // assignment's speed-ups ~0.5 kB, to every page with the rota (70.4 -> 73.2 kB here): raised to 74.
    kb: 74,
  },
  {
    entry: 'feed-handler.mjs',
    what: 'an edge function: createFeedHandler alone (astreinte/ical), feeds built elsewhere',
    // Issue 8: measured at 26.3 kB. The handler's own code is ~4 kB; most of the rest is rrule and zod, which
    // tsup's shared chunk drags in (a bundler cannot prove their top-level code pure). 30 keeps it from growing.
    kb: 30,
  },
  {
    entry: 'intake.mjs',
    what: 'an intake page: readCallbackWindows (the words, the grammar, the time core it converts with)',
    // Issue 10: measured at 39.3 kB when intake landed (its own code and word tables ~10 kB on top of what any page
    // importing one function of this build pays for rrule, zod/mini and shared modules); 42 leaves room for more
    // spellings without letting a dependency slip in.
    kb: 42,
  },
];
