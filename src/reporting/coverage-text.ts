/**
 * The coverage report as text for the person who organises the rota: a summary, the gaps in local time, each
 * coach's part, and a week heat map.
 *
 * @module
 */
import type { CoverageReport } from '../rota/coverage.js';
import { formatLocal } from '../time/format.js';
import { dayOf, weekdayOf } from '../time/local.js';
import { buildZoneTable, instantToLocal, type ZoneTable } from '../time/zone.js';
import { formatMinutes, formatPercent } from './duration.js';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Heat map shades, from "never covered" to "always covered". */
const SHADES = ['·', '░', '▒', '▓', '█'];

/** Options of {@link coverageToText}. */
export interface CoverageTextOptions {
  /** Most gaps listed; the rest are counted. @defaultValue 50 */
  readonly maxGaps?: number;
}

/**
 * Renders a coverage report as plain text (UTF-8, lines under 100 columns), times in the team's zone.
 *
 * @example console.log(coverageToText(computeCoverage(team, { from, to })));
 */
export function coverageToText(report: CoverageReport, options: CoverageTextOptions = {}): string {
  const maxGaps = options.maxGaps ?? 50;
  const table = buildZoneTable(report.timeZone, report.from, report.to);
  const when = (t: number) =>
    `${DAY_NAMES[weekdayOf(dayOf(instantToLocal(table, t)))]} ${formatLocal(table, t)}`;
  const { stats } = report;
  const lines: string[] = [];
  const target = `${report.minCoaches} coach${report.minCoaches === 1 ? '' : 'es'}`;
  lines.push(`${report.team}: coverage from ${when(report.from)} to ${when(report.to)} (${report.timeZone})`);
  lines.push(`Target: at least ${target} free at every instant.`);
  lines.push('');
  lines.push(
    `Covered  ${formatPercent(stats.coverageRatio).padStart(6)}  ${formatMinutes(stats.coveredMinutes)} of ${formatMinutes(stats.horizonMinutes)}`,
  );
  lines.push(
    `Gaps     ${formatPercent(stats.gapMinutes / stats.horizonMinutes).padStart(6)}  ${formatMinutes(stats.gapMinutes)} in ${report.gaps.length} gap${report.gaps.length === 1 ? '' : 's'}, longest ${formatMinutes(stats.longestGapMinutes)}`,
  );
  lines.push(
    `Fragile  ${formatPercent(stats.fragileMinutes / stats.horizonMinutes).padStart(6)}  ${formatMinutes(stats.fragileMinutes)} with exactly ${target} free`,
  );
  lines.push('');
  lines.push(`Gaps (${report.timeZone}):`);
  if (report.gaps.length === 0) lines.push('  none');
  for (const gap of report.gaps.slice(0, maxGaps)) {
    const free = gap.available === 0 ? 'nobody free' : `${gap.available} free`;
    lines.push(
      `  ${when(gap.start)} -> ${endLabel(table, gap.start, gap.end).padEnd(20)}  ${formatMinutes(gap.minutes).padStart(9)}  ${free}`,
    );
  }
  if (report.gaps.length > maxGaps) lines.push(`  ... and ${report.gaps.length - maxGaps} more`);
  lines.push('');
  lines.push('Coaches:             free time   gap if absent   added by absence');
  for (const coach of report.coaches) {
    lines.push(
      `  ${coach.id.padEnd(18).slice(0, 18)} ${formatMinutes(coach.availableMinutes).padStart(10)}  ${formatMinutes(coach.gapMinutesIfAbsent).padStart(14)}  ${formatMinutes(coach.extraGapMinutesIfAbsent).padStart(16)}`,
    );
  }
  lines.push('');
  lines.push(`Share of each hour covered, local time (${SHADES.join('')} = 0% to 100%, -- = never occurs):`);
  lines.push(`       ${Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')).join(' ')}`);
  for (let weekday = 0; weekday < 7; weekday++) {
    const row = report.hourOfWeek
      .filter((cell) => cell.weekday === weekday)
      .map((cell) => {
        if (cell.minutes === 0) return '--';
        const shade = SHADES[Math.round(cell.coveredShare * (SHADES.length - 1))] as string;
        return shade + shade;
      })
      .join(' ');
    lines.push(`  ${DAY_NAMES[weekday]}  ${row}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The end of a span: only the time when it ends the same local day, else the full date. */
function endLabel(table: ZoneTable, start: number, end: number): string {
  const sameDay = dayOf(instantToLocal(table, start)) === dayOf(instantToLocal(table, end));
  const full = formatLocal(table, end);
  return sameDay ? full.slice(11) : `${DAY_NAMES[weekdayOf(dayOf(instantToLocal(table, end)))]} ${full}`;
}
