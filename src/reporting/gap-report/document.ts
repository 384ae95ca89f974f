/**
 * The coverage-gap report laid out for people (a {@link ReportDocument}), in French or English: what the Markdown
 * and HTML formats render.
 *
 * @module
 */
import { formatLocalDate } from '../../time/local.js';
import { buildZoneTable } from '../../time/zone.js';
import type { DocSection, ReportDocument } from '../formats/document.js';
import { type ReportLocale, reportLocale } from '../formats/locale.js';
import { heatmapSvg, timelineSvg } from '../formats/svg.js';
import { type ReportLang, type ReportWords, wordsFor } from '../formats/words.js';
import type { CoverageGapReport, ReportSpan, WeeklyWindow } from './types.js';

/** Options of the people-facing formats. */
export interface ReportFormatOptions {
  /** Language of labels, dates and numbers. @defaultValue `'fr'` */
  readonly lang?: ReportLang;
  /** Most spans listed per table (gaps, fragile hours); the rest are counted in a note. @defaultValue 50 */
  readonly maxRows?: number;
}

/**
 * Lays the report out: summary, gaps, below-minimum, fragile hours, coaches, single points of failure, rota
 * quality, SLA exposure (when present), heatmap, timeline, what would help.
 *
 * @example coverageGapDocument(report, { lang: 'en' }).sections.map((s) => s.id)
 */
export function coverageGapDocument(
  report: CoverageGapReport,
  options: ReportFormatOptions = {},
): ReportDocument {
  const lang = options.lang ?? 'fr';
  const w = wordsFor(lang);
  const loc = reportLocale(lang, buildZoneTable(report.timeZone, report.from, report.to));
  const ctx: Context = { report, w, loc, maxRows: options.maxRows ?? 50 };
  const lastDay = report.timeline.at(-1)?.date ?? 0;
  const firstDay = report.timeline[0]?.date ?? 0;
  const sections: DocSection[] = [
    summarySection(ctx),
    spanSection('gaps', w.gaps, report.gaps, w, loc, ctx.maxRows, w.noGap),
    // Below-minimum time is the gaps themselves when one coach is enough: listed only when it differs.
    ...(report.minCoaches > 1
      ? [spanSection('below-minimum', w.belowMinimum, report.belowMinimum, w, loc, ctx.maxRows, w.noGap)]
      : []),
    spanSection('fragile', w.fragile, report.fragile, w, loc, ctx.maxRows, '—'),
    coachesSection(ctx),
    singlePointsSection(ctx),
    rotaQualitySection(ctx),
    ...(report.exposure === undefined ? [] : [exposureSection(ctx, report.exposure)]),
    heatmapSection(ctx),
    timelineSection(ctx),
    helpSection(report, w, loc),
  ];
  return {
    lang,
    title: `${w.coverageTitle} — ${report.team}`,
    meta: [
      [w.team, report.team],
      [w.horizon, w.fromTo(loc.longDate(firstDay), loc.longDate(lastDay + 1))],
      [w.timeZone, report.timeZone],
      [w.minCoaches, String(report.minCoaches)],
    ],
    sections,
    footer: `${w.generatedNote} ${formatLocalDate(firstDay)} – ${formatLocalDate(lastDay + 1)}`,
  };
}

/** What every section builder reads. */
interface Context {
  readonly report: CoverageGapReport;
  readonly w: ReportWords;
  readonly loc: ReportLocale;
  readonly maxRows: number;
}

function summarySection({ report, w, loc }: Context): DocSection {
  return {
    id: 'summary',
    title: w.summary,
    table: {
      head: [w.summary, ''],
      numeric: [false, true],
      rows: [
        [`${w.coverageShare} (${w.target})`, loc.percent(report.coverageRatio)],
        [w.covered, loc.duration(report.coveredMinutes)],
        [w.gapTime, loc.duration(report.gapMinutes)],
        [w.fragileTime, loc.duration(report.fragileMinutes)],
        [w.longestGap, loc.duration(report.longestGapMinutes)],
      ],
    },
  };
}

function coachesSection({ report, w, loc }: Context): DocSection {
  return {
    id: 'coaches',
    title: w.coaches,
    table: {
      head: [w.coach, w.freeHours, w.onCallHours, w.firstLineHours, w.fairShareHours, w.extraGapIfAbsent],
      numeric: [false, true, true, true, true, true],
      rows: report.coaches.map((c) => [
        c.name,
        loc.hours(c.freeHours),
        loc.hours(c.onCallHours),
        loc.hours(c.firstLineHours),
        loc.hours(c.fairShareHours),
        loc.duration(c.extraGapMinutesIfAbsent),
      ]),
    },
  };
}

function singlePointsSection({ report, w, loc }: Context): DocSection {
  const names = new Map(report.coaches.map((c) => [c.id, c.name]));
  return {
    id: 'single-points',
    title: w.singlePoints,
    ...(report.singlePointsOfFailure.length === 0
      ? { paragraphs: [w.noSinglePoint] }
      : {
          table: {
            head: [w.coach, w.extraGapIfAbsent],
            numeric: [false, true],
            rows: report.singlePointsOfFailure.map((s) => [
              names.get(s.id) ?? s.id,
              loc.duration(s.extraGapMinutes),
            ]),
          },
        }),
  };
}

function rotaQualitySection({ report, w, loc }: Context): DocSection {
  const q = report.rotaQuality;
  return {
    id: 'rota-quality',
    title: w.rotaQuality,
    table: {
      head: [w.rotaQuality, ''],
      numeric: [false, true],
      rows: [
        ...q.layers.map((l, i) => [w.layerFilled(l), loc.percent(q.coverageByLayer[i] ?? 0)]),
        [w.balance, loc.number(q.balance, 2)],
        [w.maxDeviation, loc.hours(q.maxFairShareDeviationHours)],
        [w.nightDeviation, loc.hours(q.maxNightDeviationHours)],
        [w.weekendDeviation, loc.hours(q.maxWeekendDeviationHours)],
        [w.handOffsPerWeek, loc.number(q.handOffsPerWeek, 1)],
      ],
    },
  };
}

function exposureSection(
  { w, loc, maxRows }: Context,
  exposure: NonNullable<CoverageGapReport['exposure']>,
): DocSection {
  return {
    id: 'exposure',
    title: w.exposure,
    ...(exposure.length === 0
      ? { paragraphs: [w.noExposure] }
      : {
          table: {
            head: [w.start, w.end, w.worstWait],
            numeric: [false, false, true],
            rows: exposure
              .slice(0, maxRows)
              .map((e) => [loc.dateTime(e.start), loc.dateTime(e.end), loc.duration(e.worstWaitMs / 60_000)]),
          },
        }),
  };
}

function heatmapSection({ report, w, loc }: Context): DocSection {
  return {
    id: 'heatmap',
    title: w.heatmap,
    paragraphs: [w.heatmapDescription],
    svg: heatmapSvg(report.heatmap, w, loc),
    table: {
      caption: w.heatmapTable,
      head: [w.day, ...Array.from({ length: 24 }, (_, h) => loc.timeOfDay(h * 60))],
      numeric: [false, ...Array.from({ length: 24 }, () => true)],
      rows: Array.from({ length: 7 }, (_, d) => [
        loc.weekday(d),
        ...report.heatmap
          .filter((c) => c.weekday === d)
          .map((c) => (c.minutes === 0 ? '—' : loc.percent(c.coveredShare))),
      ]),
    },
  };
}

function timelineSection({ report, w, loc }: Context): DocSection {
  return {
    id: 'timeline',
    title: w.timeline,
    paragraphs: [w.timelineDescription],
    svg: timelineSvg(report.timeline, w, loc),
    foldTable: true,
    table: {
      caption: w.timeline,
      head: [w.day, w.gapTime, w.fragileTime, w.available],
      numeric: [false, true, true, true],
      rows: report.timeline.map((d) => [
        loc.longDate(d.date),
        loc.duration(d.gapMinutes),
        loc.duration(d.fragileMinutes),
        `${d.minFree}–${d.maxFree}`,
      ]),
    },
  };
}

/** "le mardi de 20 h à 24 h" / "Tuesday from 20:00 to 00:00". */
export function windowLabel(window: WeeklyWindow, w: ReportWords, loc: ReportLocale): string {
  const end = window.endMinute === 1440 && loc.lang === 'fr' ? '24 h' : loc.timeOfDay(window.endMinute);
  return w.windowText(loc.weekday(window.weekday), loc.timeOfDay(window.startMinute), end);
}

function helpSection(report: CoverageGapReport, w: ReportWords, loc: ReportLocale): DocSection {
  const help = report.help;
  if (help.ranked.length === 0) return { id: 'help', title: w.help, paragraphs: [w.noHelp] };
  const notes: string[] = [];
  if (help.bestPair) {
    const [a, b] = help.bestPair.windows;
    notes.push(
      `${w.bestPair} : ${windowLabel(a, w, loc)} + ${windowLabel(b, w, loc)} — ${w.gapClosed.toLowerCase()} ${loc.duration(help.bestPair.gapMinutesClosed)}, ${w.newShare.toLowerCase()} ${loc.percent(help.bestPair.newCoverageRatio)}`.replace(
        ' : ',
        loc.lang === 'fr' ? '\u00a0: ' : ': ',
      ),
    );
  }
  return {
    id: 'help',
    title: w.help,
    paragraphs: [w.helpIntro(String(help.candidates))],
    table: {
      head: [w.window, w.gapClosed, w.newShare],
      numeric: [false, true, true],
      rows: help.ranked.map((s) => [
        windowLabel(s.window, w, loc),
        loc.duration(s.gapMinutesClosed),
        loc.percent(s.newCoverageRatio),
      ]),
    },
    notes,
  };
}

function spanSection(
  id: string,
  title: string,
  spans: readonly ReportSpan[],
  w: ReportWords,
  loc: ReportLocale,
  maxRows: number,
  empty: string,
): DocSection {
  if (spans.length === 0) return { id, title, paragraphs: [empty] };
  const rest = spans.length - maxRows;
  return {
    id,
    title,
    table: {
      head: [w.start, w.end, w.duration, w.available],
      numeric: [false, false, true, true],
      rows: spans
        .slice(0, maxRows)
        .map((s) => [
          loc.dateTime(s.start),
          loc.dateTime(s.end),
          loc.duration(s.minutes),
          String(s.available),
        ]),
    },
    ...(rest > 0 ? { notes: [w.more(rest)] } : {}),
  };
}
