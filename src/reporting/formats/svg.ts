/**
 * The pictures of the coverage-gap report as inline SVG: the 7x24 hour-of-week heatmap (with a legend, a title and
 * an accessible label on every cell) and the day-by-day timeline strip. Plain strings, every text escaped; no
 * script, no external reference.
 *
 * @module
 */
import { formatLocalDate, weekdayOf } from '../../time/local.js';
import type { HeatmapCell, TimelineDay } from '../gap-report/types.js';
import { escapeHtml } from './escape.js';
import type { ReportLocale } from './locale.js';
import type { ReportWords } from './words.js';

/** Five colour steps from no cover (red) to full cover (green), readable in greyscale print too. */
export const HEAT_STEPS: readonly { readonly upTo: number; readonly fill: string }[] = [
  { upTo: 0, fill: '#b2182b' },
  { upTo: 0.25, fill: '#ef8a62' },
  { upTo: 0.5, fill: '#fddbc7' },
  { upTo: 0.75, fill: '#a6dba0' },
  { upTo: 1, fill: '#1b7837' },
];

/** The fill of a covered share 0-1. */
export function heatFill(share: number): string {
  for (const step of HEAT_STEPS) if (share <= step.upTo + 1e-12) return step.fill;
  return HEAT_STEPS[HEAT_STEPS.length - 1]!.fill;
}

const CELL = 22;
const LEFT = 92;
const TOP = 24;

/** The heatmap: rows Monday to Sunday, columns 0 h to 23 h, a `<title>` on the picture and on each cell. */
export function heatmapSvg(cells: readonly HeatmapCell[], words: ReportWords, loc: ReportLocale): string {
  const width = LEFT + 24 * CELL + 8;
  const height = TOP + 7 * CELL + 56;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" role="img" aria-labelledby="heatmap-title heatmap-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title id="heatmap-title">${escapeHtml(words.heatmap)}</title>`,
    `<desc id="heatmap-desc">${escapeHtml(words.heatmapDescription)}</desc>`,
  ];
  for (let h = 0; h < 24; h += 2) {
    parts.push(
      `<text x="${LEFT + h * CELL + CELL / 2}" y="${TOP - 8}" text-anchor="middle" font-size="10">${escapeHtml(loc.timeOfDay(h * 60))}</text>`,
    );
  }
  for (let d = 0; d < 7; d++) {
    parts.push(
      `<text x="${LEFT - 6}" y="${TOP + d * CELL + CELL / 2 + 4}" text-anchor="end" font-size="11">${escapeHtml(loc.weekday(d))}</text>`,
    );
  }
  for (const c of cells) {
    const label = words.heatmapCell(
      loc.weekday(c.weekday),
      loc.timeOfDay(c.hour * 60),
      loc.percent(c.coveredShare),
      loc.number(c.averageFree, 1),
    );
    const fill = c.minutes === 0 ? '#ffffff' : heatFill(c.coveredShare);
    parts.push(
      `<rect x="${LEFT + c.hour * CELL}" y="${TOP + c.weekday * CELL}" width="${CELL - 1}" height="${CELL - 1}" fill="${fill}" stroke="#666" stroke-width="0.3" data-weekday="${c.weekday}" data-hour="${c.hour}" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title></rect>`,
    );
  }
  const ly = TOP + 7 * CELL + 18;
  parts.push(`<text x="${LEFT}" y="${ly + 11}" font-size="11">${escapeHtml(words.legend)}</text>`);
  HEAT_STEPS.forEach((step, i) => {
    const x = LEFT + 70 + i * 96;
    const lo = i === 0 ? 0 : HEAT_STEPS[i - 1]!.upTo;
    const text = i === 0 ? loc.percent(0) : `${loc.percent(lo)} – ${loc.percent(step.upTo)}`;
    parts.push(
      `<rect x="${x}" y="${ly}" width="14" height="14" fill="${step.fill}" stroke="#666" stroke-width="0.3"/>`,
      `<text x="${x + 18}" y="${ly + 11}" font-size="10">${escapeHtml(text)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** The timeline strip: one column per local day, its gap share in red from the top, the average free as a label. */
export function timelineSvg(days: readonly TimelineDay[], words: ReportWords, loc: ReportLocale): string {
  const col = days.length > 120 ? 2 : days.length > 60 ? 6 : 24;
  const bar = 60;
  const width = 40 + days.length * col + 10;
  const height = bar + 40;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" aria-labelledby="timeline-title timeline-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title id="timeline-title">${escapeHtml(words.timeline)}</title>`,
    `<desc id="timeline-desc">${escapeHtml(words.timelineDescription)}</desc>`,
  ];
  days.forEach((d, i) => {
    const x = 40 + i * col;
    const gapShare = d.minutes === 0 ? 0 : d.gapMinutes / d.minutes;
    const label = words.timelineDay(
      loc.longDate(d.date),
      loc.duration(d.gapMinutes),
      loc.number(d.averageFree, 1),
    );
    const gapHeight = Math.round(gapShare * bar * 10) / 10;
    parts.push(
      `<g aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>` +
        `<rect x="${x}" y="10" width="${col - 1}" height="${bar}" fill="${heatFill(1 - gapShare)}" opacity="0.35"/>` +
        (gapHeight > 0
          ? `<rect x="${x}" y="10" width="${col - 1}" height="${gapHeight}" fill="#b2182b" class="gap"/>`
          : '') +
        '</g>',
    );
    // Day of the month under each column (every week's Monday only when columns are narrow); the full date is in
    // each column's title.
    if (col >= 18 || weekdayOf(d.date) === 0) {
      const dayOfMonth = String(Number(formatLocalDate(d.date).slice(8)));
      parts.push(
        `<text x="${x + col / 2}" y="${bar + 24}" text-anchor="middle" font-size="9">${escapeHtml(dayOfMonth)}</text>`,
      );
    }
  });
  parts.push(`<text x="4" y="${10 + bar / 2}" font-size="9">0–24 h</text>`, '</svg>');
  return parts.join('\n');
}
