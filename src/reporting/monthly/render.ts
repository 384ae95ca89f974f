/**
 * The monthly review in every format: JSON (stable shape, hidden counts as `"<5"` / `"x"` strings), tidy CSV
 * tables, Markdown and standalone HTML. All render the same {@link MonthlyReview}, which holds no hidden value, so
 * the suppression is the same everywhere.
 *
 * @module
 */
import { CHANNELS, DOORS, OUTCOMES, TOPICS } from '../../model/request.js';
import { formatInstant } from '../../time/format.js';
import { formatLocalDate } from '../../time/local.js';
import { DAY } from '../../time/types.js';
import { buildZoneTable } from '../../time/zone.js';
import { round6 } from '../duration.js';
import { type CsvTable, tableToCsv } from '../formats/csv.js';
import type { DocSection, DocTable, ReportDocument } from '../formats/document.js';
import { documentToHtml } from '../formats/html.js';
import { type ReportLocale, reportLocale } from '../formats/locale.js';
import { documentToMarkdown } from '../formats/markdown.js';
import { type ReportLang, type ReportWords, wordsFor } from '../formats/words.js';
import { type MonthlyReview, monthDays } from './build.js';
import type { PublishedCount, PublishedList, PublishedTable } from './suppress.js';

/**
 * A published count as text: the number, `<k`, `×` (complement) or `—` (table withheld).
 *
 * @example countText({ hidden: 'small' }, 5) === '<5' // { value: 12 } gives '12'
 */
export function countText(p: PublishedCount, k: number): string {
  if ('value' in p) return String(p.value);
  return p.hidden === 'small' ? `<${k}` : p.hidden === 'complement' ? '×' : '—';
}

/** A published count for JSON and CSV: the number, or the string `"<k"`, `"x"` or `"withheld"`. */
export function countValue(p: PublishedCount, k: number): number | string {
  if ('value' in p) return p.value;
  return p.hidden === 'small' ? `<${k}` : p.hidden === 'complement' ? 'x' : 'withheld';
}

const TOPIC_ROWS = [...TOPICS, 'unqualified'] as const;
const OUTCOME_ROWS = [...OUTCOMES, 'open'] as const;

/**
 * The review as a JSON-ready object (`schemaVersion` 1): every count a number or a hidden mark.
 *
 * @example monthlyReviewToJson(review).doorChannel.total // 14 or "<5"
 */
export function monthlyReviewToJson(review: MonthlyReview) {
  const table = buildZoneTable(review.timeZone, review.from, review.to);
  const k = review.k;
  const v = (p: PublishedCount) => countValue(p, k);
  const t = (pt: PublishedTable, rows: readonly string[], cols: readonly string[]) => ({
    /** Row keys, as in the files (`coaches`, `sms`...; `unqualified` / `open` for requests without topic / outcome). */
    rows: [...rows],
    /** Column keys, as in the files. */
    columns: [...cols],
    /** Counts row by row: a number, or `"<k"`, `"x"` (complement) or `"withheld"`. */
    cells: pt.cells.map((r) => r.map(v)),
    /** Total of each row, published the same way. */
    rowTotals: pt.rowTotals.map(v),
    /** Total of each column, published the same way. */
    columnTotals: pt.columnTotals.map(v),
    /** The grand total, published the same way. */
    total: v(pt.total),
    /** True when the whole table is withheld (every entry `"withheld"`). */
    withheld: pt.withheld,
  });
  const list = (pl: PublishedList, keys: readonly string[]) => ({
    /** Keys of the counts (local dates `YYYY-MM-DD` of the weeks' Mondays, or reason codes). */
    keys: [...keys],
    /** One count per key: a number, or `"<k"`, `"x"` or `"withheld"`. */
    counts: pl.cells.map(v),
    /** Their total, published the same way. */
    total: v(pl.total),
    /** True when the whole list is withheld. */
    withheld: pl.withheld,
  });
  return {
    /** Version of this JSON shape; 1. */
    schemaVersion: 1,
    /** Always `monthly-review`. */
    kind: review.kind,
    /** The team's name. */
    team: review.team,
    /** The team's IANA time zone, in which `from` and `to` are written. */
    timeZone: review.timeZone,
    /** The month, `YYYY-MM`. */
    month: review.month,
    /** Start of the month (inclusive), ISO 8601 local time with offset. */
    from: formatInstant(table, review.from),
    /** End of the month (exclusive), ISO 8601 local time with offset. */
    to: formatInstant(table, review.to),
    /** The suppression threshold: counts 1 to k-1 are shown `"<k"`. */
    k,
    /** Requests per week touching the month (only the days inside the month count). */
    byWeek: list(review.byWeek, review.weeks.map(formatLocalDate)),
    /** Requests by door (rows) and channel (columns). */
    doorChannel: t(review.doorChannel, DOORS, CHANNELS),
    /** Requests by topic (rows, then `unqualified`) and door (columns). */
    topicDoor: t(review.topicDoor, TOPIC_ROWS, DOORS),
    /** Requests by outcome (rows, then `open`) and door (columns). */
    outcomeDoor: t(review.outcomeDoor, OUTCOME_ROWS, DOORS),
    /** Time from receipt to first contact. */
    firstContact: {
      /** Requests with a first contact, published like a count. */
      count: v(review.firstContact.count),
      ...(review.firstContact.medianMinutes === undefined
        ? {}
        : {
            /** Median in whole minutes; absent for fewer than k values. */
            medianMinutes: Math.round(review.firstContact.medianMinutes),
            /** 90th percentile (nearest rank) in whole minutes; absent for fewer than k values. */
            p90Minutes: Math.round(review.firstContact.p90Minutes!),
          }),
    },
    ...(review.sla === undefined
      ? {}
      : {
          /** SLA figures; absent when the review has none. */
          sla: {
            /** Requests the SLA was judged on, published like a count. */
            requests: v(review.sla.requests),
            ...(review.sla.shareMet === undefined
              ? {}
              : {
                  /** Share handled in time, 0-1 rounded to 6 decimals; absent when fewer than k requests were judged. */
                  shareMet: round6(review.sla.shareMet),
                }),
            /** Breaches per reason code. */
            breachesByReason: list(review.sla.breachesByReason, review.sla.reasons),
          },
        }),
    /** Per coach, in team order. */
    coaches: review.coaches.map((c, i) => ({
      /** The coach's id. */
      id: c.id,
      /** The coach's name (a volunteer's). */
      name: c.name,
      /** Hours on call in the rota, rounded to 6 decimals. */
      onCallHours: round6(c.onCallHours),
      /** Calls the coach made in the month, published like a count. */
      calls: v(review.calls.cells[i]!),
    })),
    /** Calls made in the month by the whole team, published like a count. */
    calls: v(review.calls.total),
  };
}

/**
 * Tidy CSV tables keyed by name: `by-week`, `door-channel`, `topic-door`, `outcome-door`, `first-contact`,
 * `sla` (when present), `coaches`. Long format: one row per cell, totals as rows with `total` in the key column.
 *
 * @example monthlyReviewToCsv(review).get('door-channel') // door,channel,requests rows, CRLF
 */
export function monthlyReviewToCsv(review: MonthlyReview): ReadonlyMap<string, string> {
  const j = monthlyReviewToJson(review);
  const long = (
    tb: ReturnType<typeof monthlyReviewToJson>['doorChannel'],
    rowKey: string,
    colKey: string,
  ): CsvTable => {
    const rows: (string | number)[][] = [];
    tb.rows.forEach((r, i) => {
      for (const [jx, c] of tb.columns.entries()) rows.push([r, c, tb.cells[i]![jx]!]);
      rows.push([r, 'total', tb.rowTotals[i]!]);
    });
    for (const [jx, c] of tb.columns.entries()) rows.push(['total', c, tb.columnTotals[jx]!]);
    rows.push(['total', 'total', tb.total]);
    return { columns: [rowKey, colKey, 'requests'], rows };
  };
  const tables = new Map<string, CsvTable>();
  tables.set('by-week', {
    columns: ['weekOf', 'requests'],
    rows: [...j.byWeek.keys.map((key, i) => [key, j.byWeek.counts[i]!]), ['total', j.byWeek.total]],
  });
  tables.set('door-channel', long(j.doorChannel, 'door', 'channel'));
  tables.set('topic-door', long(j.topicDoor, 'topic', 'door'));
  tables.set('outcome-door', long(j.outcomeDoor, 'outcome', 'door'));
  tables.set('first-contact', {
    columns: ['requests', 'medianMinutes', 'p90Minutes'],
    rows: [[j.firstContact.count, j.firstContact.medianMinutes ?? '', j.firstContact.p90Minutes ?? '']],
  });
  if (j.sla) {
    tables.set('sla', {
      columns: ['reason', 'breaches'],
      rows: [
        ...j.sla.breachesByReason.keys.map((key, i) => [key, j.sla!.breachesByReason.counts[i]!]),
        ['total', j.sla.breachesByReason.total],
        ['requests', j.sla.requests],
        ['shareMet', j.sla.shareMet ?? ''],
      ],
    });
  }
  tables.set('coaches', {
    columns: ['id', 'name', 'onCallHours', 'calls'],
    rows: [...j.coaches.map((c) => [c.id, c.name, c.onCallHours, c.calls]), ['total', '', '', j.calls]],
  });
  return new Map([...tables].map(([name, tb]) => [name, tableToCsv(tb)]));
}

/**
 * The review laid out for people (Markdown and HTML render it).
 *
 * @example monthlyReviewDocument(review, { lang: 'en' }).title
 */
export function monthlyReviewDocument(
  review: MonthlyReview,
  options: { readonly lang?: ReportLang } = {},
): ReportDocument {
  const lang = options.lang ?? 'fr';
  const w = wordsFor(lang);
  const loc = reportLocale(lang, buildZoneTable(review.timeZone, review.from, review.to));
  const k = review.k;
  const ct = (p: PublishedCount) => countText(p, k);
  const notes = [w.suppressedNote(String(k)), w.complementNote];
  const firstDay = monthDays(review.month)?.first ?? 0;
  const sections: DocSection[] = [
    { id: 'confidentiality', title: w.confidentialityTitle, paragraphs: [w.confidentiality(String(k))] },
    {
      id: 'by-week',
      title: w.byWeek,
      table: listTable(
        review.byWeek,
        review.weeks.map((d) => w.weekOf(loc.longDate(d))),
        w.byWeek,
        w.requests,
        w,
        ct,
      ),
      notes,
    },
    {
      id: 'door-channel',
      title: w.byDoorChannel,
      table: matrixTable(
        review.doorChannel,
        DOORS.map((d) => w.doors[d]!),
        CHANNELS.map((c) => w.channels[c]!),
        w.door,
        w,
        ct,
      ),
      notes,
    },
    {
      id: 'topic-door',
      title: w.byTopicDoor,
      table: matrixTable(
        review.topicDoor,
        [...TOPICS.map((t) => w.topics[t]!), w.unqualified],
        DOORS.map((d) => w.doors[d]!),
        w.topic,
        w,
        ct,
      ),
      notes,
    },
    {
      id: 'outcome-door',
      title: w.byOutcomeDoor,
      table: matrixTable(
        review.outcomeDoor,
        [...OUTCOMES.map((o) => w.outcomes[o]!), w.open],
        DOORS.map((d) => w.doors[d]!),
        w.outcome,
        w,
        ct,
      ),
      notes,
    },
    firstContactSection(review, w, loc, ct),
  ];
  if (review.sla) {
    const s = review.sla;
    sections.push({
      id: 'sla',
      title: w.sla,
      paragraphs: [
        `${w.slaShareMet} : ${s.shareMet === undefined ? w.tooFew(String(k)) : loc.percent(s.shareMet)} (${w.requests.toLowerCase()} : ${ct(s.requests)})`.replaceAll(
          ' : ',
          lang === 'fr' ? '\u00a0: ' : ': ',
        ),
      ],
      table: listTable(s.breachesByReason, s.reasons, w.reason, w.breachesByReason, w, ct),
      notes,
    });
  }
  sections.push({
    id: 'coaches',
    title: w.coachesMonth,
    table: {
      head: [w.coach, w.onCallHours, w.calls],
      numeric: [false, true, true],
      rows: [
        ...review.coaches.map((c, i) => [c.name, loc.hours(c.onCallHours), ct(review.calls.cells[i]!)]),
        [w.total, '', ct(review.calls.total)],
      ],
    },
    notes,
  });
  return {
    lang,
    title: `${w.monthlyTitle} — ${review.team}`,
    meta: [
      [w.team, review.team],
      [
        w.month,
        new Intl.DateTimeFormat(w.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          firstDay * DAY,
        ),
      ],
      [w.timeZone, review.timeZone],
    ],
    sections,
    footer: w.generatedNote,
  };
}

/**
 * Markdown of the review.
 *
 * @example writeFileSync('review.md', monthlyReviewToMarkdown(buildMonthlyReview(team, requests, { month: '2026-12' })));
 */
export function monthlyReviewToMarkdown(
  review: MonthlyReview,
  options: { readonly lang?: ReportLang } = {},
): string {
  return documentToMarkdown(monthlyReviewDocument(review, options));
}

/**
 * Standalone HTML page of the review.
 *
 * @example const html = monthlyReviewToHtml(review, { lang: 'en' }); // one page: inline CSS and SVG, nothing to fetch
 */
export function monthlyReviewToHtml(
  review: MonthlyReview,
  options: { readonly lang?: ReportLang } = {},
): string {
  return documentToHtml(monthlyReviewDocument(review, options));
}

function firstContactSection(
  review: MonthlyReview,
  w: ReportWords,
  loc: ReportLocale,
  ct: (p: PublishedCount) => string,
): DocSection {
  const f = review.firstContact;
  const too = w.tooFew(String(review.k));
  return {
    id: 'first-contact',
    title: w.firstContact,
    table: {
      head: [w.firstContact, ''],
      numeric: [false, true],
      rows: [
        [w.contacted, ct(f.count)],
        [w.median, f.medianMinutes === undefined ? too : loc.duration(f.medianMinutes)],
        [w.p90, f.p90Minutes === undefined ? too : loc.duration(f.p90Minutes)],
      ],
    },
  };
}

function listTable(
  list: PublishedList,
  labels: readonly string[],
  head0: string,
  head1: string,
  w: ReportWords,
  ct: (p: PublishedCount) => string,
): DocTable {
  return {
    head: [head0, head1],
    numeric: [false, true],
    rows: [...labels.map((l, i) => [l, ct(list.cells[i]!)]), [w.total, ct(list.total)]],
  };
}

function matrixTable(
  t: PublishedTable,
  rows: readonly string[],
  cols: readonly string[],
  corner: string,
  w: ReportWords,
  ct: (p: PublishedCount) => string,
): DocTable {
  return {
    head: [corner, ...cols, w.total],
    numeric: [false, ...cols.map(() => true), true],
    rows: [
      ...rows.map((r, i) => [r, ...t.cells[i]!.map(ct), ct(t.rowTotals[i]!)]),
      [w.total, ...t.columnTotals.map(ct), ct(t.total)],
    ],
  };
}
