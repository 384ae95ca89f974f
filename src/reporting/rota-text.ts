/**
 * The rota as text for the person who organises it: week by week, each day's shifts per layer in local time and
 * the time no one holds (with why), then each coach's load against a fair share, then quality figures and flags.
 * Only team and coach ids appear: a rota holds no caller data.
 *
 * @module
 */
import type { Rota, RotaFlag, Shift, UnfilledReason } from '../rota/rota.js';
import { formatLocal } from '../time/format.js';
import { dayOf, formatLocalDate, mondayOf, weekdayOf } from '../time/local.js';
import { DAY, type Instant, type LocalDate, MINUTE } from '../time/types.js';
import { buildZoneTable, instantToLocal, localToInstant, type ZoneTable } from '../time/zone.js';
import { formatMinutes, formatPercent } from './duration.js';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Widest line written (team names and ids are cut to fit). */
const WIDTH = 110;
/** Longest coach id shown in full; longer ids are cut with `…`. */
const MAX_ID = 24;

/** Why a layer is unfilled, as a coordinator reads it. */
const REASONS: Record<UnfilledReason, string> = {
  'nobody-available': 'nobody available',
  'skills-missing': 'no one free has the skills',
  'everyone-at-cap': 'weekly caps reached',
  'rest-or-stretch': 'rest or longest-stretch rule',
  'caps-rest-or-stretch': 'weekly caps, rest or longest-stretch rule',
};

/**
 * Renders a rota as plain text (UTF-8, lines of at most 110 columns), times in the team's zone.
 *
 * Each local week (Monday first) lists its days; a day has one line per layer with the shifts that start that day
 * (`23:00-07:00 bastien` runs into the next day; the next day shows it as `…07:00 bastien`), then one `unfilled`
 * line per layer with the time of that day nobody holds it, and why. Then the load table (hours as `H h MM`),
 * the quality figures (per layer too, and the spread of nights and weekend hours) and the flags.
 *
 * @example
 * console.log(rotaToText(generateRota(team, { from, to })));
 * // Week 49: Mon 30/11/2026 to Sun 06/12/2026       filled: primary 35.4%, backup 9.5%
 * //   Tue 01/12  primary  00:00-00:30 fabrice, 07:00-09:00 bastien, 19:00-23:00 gaelle, 23:00-24:00 damien
 * //              backup   19:00-23:00 amelie
 * //              unfilled primary 00:30-07:00, 09:00-19:00 (nobody available)
 */
export function rotaToText(rota: Rota): string {
  // A week either side: week headers read the Monday before the horizon and the one after it.
  const table = buildZoneTable(rota.timeZone, rota.from - 7 * DAY, rota.to + 7 * DAY);
  const layers = rota.policy.layers;
  const lines: string[] = [];
  const when = (t: Instant) => `${DAY_NAMES[weekdayOf(localDay(table, t))]} ${formatLocal(table, t)}`;
  lines.push(
    clip(`${rota.team}: rota from ${when(rota.from)} to ${when(rota.to)} (${rota.timeZone})`, WIDTH),
  );
  lines.push(...policyLines(rota));
  if (rota.shifts.some((s) => s.override === true)) lines.push("* = a coordinator's override");

  const days = splitByDay(rota, table);
  const firstDay = localDay(table, rota.from);
  const lastDay = localDay(table, rota.to - 1);
  const layerWidth = Math.max(...layers.map((l) => l.length));
  for (let monday = mondayOf(firstDay); monday <= lastDay; monday += 7) {
    lines.push('');
    lines.push(...weekHeader(rota, table, monday, Math.max(monday, firstDay), Math.min(monday + 6, lastDay)));
    for (let day = Math.max(monday, firstDay); day <= Math.min(monday + 6, lastDay); day++) {
      lines.push(...dayLines(day, days.get(day), layers, layerWidth));
    }
  }

  lines.push('');
  lines.push(...loadLines(rota));
  lines.push('');
  lines.push(...qualityLines(rota));
  return `${lines.join('\n')}\n`;
}

/** One thing to print in a day's line: `19:00-23:00 amelie`, `…02:00 bastien`, or unfilled `07:00-19:00`. */
interface Piece {
  readonly layer: string;
  readonly label: string;
}

interface DayPieces {
  readonly shifts: Piece[];
  readonly unfilled: (Piece & { readonly reason: UnfilledReason })[];
}

/** Buckets shifts and unfilled time by local date: shifts whole on their first day, continued after; gaps cut. */
function splitByDay(rota: Rota, table: ZoneTable): Map<LocalDate, DayPieces> {
  const days = new Map<LocalDate, DayPieces>();
  const at = (day: LocalDate) => {
    let entry = days.get(day);
    if (entry === undefined) {
      entry = { shifts: [], unfilled: [] };
      days.set(day, entry);
    }
    return entry;
  };
  for (const shift of rota.shifts) {
    const first = localDay(table, shift.start);
    const last = localDay(table, shift.end - 1);
    const layer = shift.layer;
    at(first).shifts.push({ layer, label: `${span(table, shift.start, shift.end)} ${id(shift)}` });
    for (let day = first + 1; day <= last; day++) {
      const allDay = shift.end >= dayStart(table, day + 1);
      at(day).shifts.push({
        layer,
        label: allDay ? `all day ${id(shift)}` : `…${clock(table, shift.end)} ${id(shift)}`,
      });
    }
  }
  for (const gap of rota.unfilled) {
    const first = localDay(table, gap.start);
    const last = localDay(table, gap.end - 1);
    for (let day = first; day <= last; day++) {
      const start = Math.max(gap.start, dayStart(table, day));
      const end = Math.min(gap.end, dayStart(table, day + 1));
      at(day).unfilled.push({ layer: gap.layer, label: span(table, start, end), reason: gap.reason });
    }
  }
  return days;
}

/** The coach id as shown, with `*` on an override. */
function id(shift: Shift): string {
  return `${clip(shift.coachId, MAX_ID)}${shift.override === true ? '*' : ''}`;
}

/** A day's lines: one per layer with its shifts, then one per layer that has unfilled time. */
function dayLines(
  day: LocalDate,
  pieces: DayPieces | undefined,
  layers: readonly string[],
  layerWidth: number,
): string[] {
  const date = formatLocalDate(day);
  const label = `  ${DAY_NAMES[weekdayOf(day)]} ${date.slice(8, 10)}/${date.slice(5, 7)}  `;
  const indent = ' '.repeat(label.length);
  const lines: string[] = [];
  layers.forEach((layer, i) => {
    const own = (pieces?.shifts ?? []).filter((p) => p.layer === layer).map((p) => p.label);
    const head = `${i === 0 ? label : indent}${layer.padEnd(layerWidth)}  `;
    lines.push(...wrap(head, own.length === 0 ? ['-'] : own));
  });
  for (const layer of layers) {
    const own = (pieces?.unfilled ?? []).filter((p) => p.layer === layer);
    if (own.length === 0) continue;
    // Runs of one reason read as "00:00-07:00, 09:00-19:00 (nobody available); 19:00-19:30 (rest ...)".
    const items = own.map((p, k) => {
      const next = own[k + 1];
      if (next === undefined) return `${p.label} (${REASONS[p.reason]})`;
      return next.reason === p.reason ? `${p.label},` : `${p.label} (${REASONS[p.reason]});`;
    });
    lines.push(...wrap(`${indent}unfilled ${layer.padEnd(layerWidth)}  `, items, ''));
  }
  return lines;
}

/**
 * `Week 49: Tue 01/12 to Sun 06/12/2026` (the week's days in the horizon), then the share of that time each layer
 * is filled.
 */
function weekHeader(
  rota: Rota,
  table: ZoneTable,
  monday: LocalDate,
  first: LocalDate,
  last: LocalDate,
): string[] {
  const start = Math.max(rota.from, dayStart(table, monday));
  const end = Math.min(rota.to, dayStart(table, monday + 7));
  const filled = rota.policy.layers.map((layer) => {
    let held = 0;
    for (const s of rota.shifts) {
      if (s.layer === layer) held += Math.max(0, Math.min(s.end, end) - Math.max(s.start, start));
    }
    return `${layer} ${formatPercent(held / (end - start))}`;
  });
  const sameYear = formatLocalDate(first).slice(0, 4) === formatLocalDate(last).slice(0, 4);
  const firstLabel = sameYear ? dayMonthYear(first).slice(0, -5) : dayMonthYear(first);
  const title = `Week ${isoWeek(monday)}: ${first === last ? '' : `${firstLabel} to `}${dayMonthYear(last)}`;
  return wrap(`${title.padEnd(36)}  filled: `, filled);
}

/** `Mon 30/11/2026`. */
function dayMonthYear(day: LocalDate): string {
  const date = formatLocalDate(day);
  return `${DAY_NAMES[weekdayOf(day)]} ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** ISO 8601 week number of the week starting on `monday` (the week of its Thursday's year). */
function isoWeek(monday: LocalDate): number {
  const thursday = monday + 3;
  const year = Number(formatLocalDate(thursday).slice(0, 4));
  const jan1 = new Date(0);
  jan1.setUTCFullYear(year, 0, 1);
  return Math.floor((thursday - jan1.getTime() / DAY) / 7) + 1;
}

/** The rules the rota followed, so its unfilled reasons can be read. */
function policyLines(rota: Rota): string[] {
  const { policy } = rota;
  const hhmm = (minute: number) =>
    `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const handOffs =
    policy.handOffMinutes.length <= 12
      ? `hand-offs at ${policy.handOffMinutes.map(hhmm).join(' ')}`
      : `${policy.handOffMinutes.length} hand-off times a day`;
  return wrap(
    'Policy: ',
    [
      `layers ${policy.layers.join(', ')} (most important first);`,
      `${handOffs};`,
      `longest stretch ${formatMinutes(policy.maxStretchMs / MINUTE)};`,
      `rest between stretches ${formatMinutes(policy.minRestMs / MINUTE)};`,
      `night ${hhmm(policy.night.startMinute)}-${hhmm(policy.night.endMinute)}`,
    ],
    '',
  );
}

/** The load table; per-layer hours move to a second table when one would be wider than {@link WIDTH}. */
function loadLines(rota: Rota): string[] {
  const hours = (h: number) => formatMinutes(Math.abs(h) * 60);
  const signed = (h: number) => {
    const text = hours(h);
    return Math.round(Math.abs(h) * 60) === 0 ? text : `${h < 0 ? '-' : '+'}${text}`;
  };
  const coach: Column = { header: 'coach', left: true, cells: rota.load.map((l) => clip(l.coachId, MAX_ID)) };
  const main: Column[] = [
    coach,
    { header: 'on call', cells: rota.load.map((l) => hours(l.totalHours)) },
    { header: 'fair share', cells: rota.load.map((l) => hours(l.fairShareHours)) },
    { header: 'deviation', cells: rota.load.map((l) => signed(l.deviationHours)) },
  ];
  const perLayer: Column[] = rota.policy.layers.map((layer) => ({
    header: layer,
    cells: rota.load.map((l) => hours(l.hoursByLayer[layer] ?? 0)),
  }));
  const rest: Column[] = [
    { header: 'nights', cells: rota.load.map((l) => String(l.nights)) },
    { header: 'weekend', cells: rota.load.map((l) => hours(l.weekendHours)) },
    { header: 'shifts', cells: rota.load.map((l) => String(l.shifts)) },
    { header: 'hand-offs', cells: rota.load.map((l) => String(l.handOffs)) },
  ];
  const title = 'Load: on-call hours against a fair share of what each coach declared free';
  const together = renderTable([...main, ...perLayer, ...rest]);
  if (together.every((line) => line.length <= WIDTH)) return [title, ...together];
  return [
    title,
    ...renderTable([...main, ...rest]),
    '',
    'Hours by layer:',
    ...renderTable([coach, ...perLayer]),
  ];
}

interface Column {
  readonly header: string;
  readonly cells: readonly string[];
  /** Left-aligned (text) rather than right-aligned (numbers). */
  readonly left?: boolean;
}

function renderTable(columns: readonly Column[]): string[] {
  const widths = columns.map((c) => Math.max(c.header.length, ...c.cells.map((cell) => cell.length)));
  const row = (cell: (c: Column) => string) =>
    `  ${columns
      .map((c, i) => (c.left === true ? cell(c).padEnd(widths[i]!) : cell(c).padStart(widths[i]!)))
      .join('  ')}`.trimEnd();
  const count = columns[0]?.cells.length ?? 0;
  return [row((c) => c.header), ...Array.from({ length: count }, (_, r) => row((c) => c.cells[r] ?? ''))];
}

/** Coverage per layer, balance, fair-share deviation, hand-offs, then the flags. */
function qualityLines(rota: Rota): string[] {
  const q = rota.quality;
  const lines = ['Quality:'];
  lines.push(
    ...wrap(
      '  filled        ',
      rota.policy.layers.map((l) => `${l} ${formatPercent(q.coverageByLayer[l] ?? 0)}`),
    ).map((line, i, all) => (i === all.length - 1 ? `${line} of the time` : line)),
  );
  lines.push(
    `  balance       ${q.balance.toFixed(2)} (1 = on-call hours even among the coaches who carry some)`,
  );
  lines.push(`  fair share    furthest from it by ${formatMinutes(q.maxFairShareDeviationHours * 60)}`);
  lines.push(
    ...wrap(
      '  by layer      ',
      rota.policy.layers.map(
        (l) =>
          `${l} furthest from its share by ${formatMinutes((q.maxDeviationByLayer[l] ?? 0) * 60)}, balance ` +
          (q.balanceByLayer[l] ?? 1).toFixed(2),
      ),
      ';',
    ),
  );
  lines.push(
    `  nights        ${q.nightsSpread} between most and fewest nights; night hours furthest from fair share by ` +
      formatMinutes(q.maxNightDeviationHours * 60),
  );
  lines.push(
    `  weekends      ${formatMinutes(q.weekendHoursSpread * 60)} between most and fewest; furthest from fair ` +
      `share by ${formatMinutes(q.maxWeekendDeviationHours * 60)}`,
  );
  lines.push(`  hand-offs     ${(Math.round(q.handOffsPerWeek * 10) / 10).toFixed(1)} a week`);
  lines.push('');
  lines.push(rota.flags.length === 0 ? 'Flags: none' : 'Flags:');
  for (const flag of rota.flags) lines.push(...wrap('  ', flagText(flag).split(' '), ''));
  return lines;
}

function flagText(flag: RotaFlag): string {
  return (
    `override #${flag.override}: ${clip(flag.coachId, MAX_ID)} holds ${flag.layer} for ` +
    `${formatMinutes(flag.minutesOutside)} outside the availability they declared`
  );
}

/**
 * Items after `head`, each but the last followed by `separator`, joined by spaces and wrapped before
 * {@link WIDTH}; continuation lines are indented under the first item.
 */
function wrap(head: string, items: readonly string[], separator = ','): string[] {
  const indent = ' '.repeat(head.length);
  const lines: string[] = [];
  let line = head;
  items.forEach((item, i) => {
    const text = i === items.length - 1 ? item : `${item}${separator}`;
    const fresh = line === head || line === indent;
    if (!fresh && line.length + 1 + text.length > WIDTH) {
      lines.push(line);
      line = indent;
    }
    line += line === head || line === indent ? text : ` ${text}`;
  });
  lines.push(line);
  return lines;
}

/** `text` cut to `max` characters, the last being `…` when cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The local date at instant `t`. */
function localDay(table: ZoneTable, t: Instant): LocalDate {
  return dayOf(instantToLocal(table, t));
}

/** The instant local date `day` begins (its midnight, or the end of a DST gap that swallows midnight). */
function dayStart(table: ZoneTable, day: LocalDate): Instant {
  return localToInstant(table, day * DAY);
}

/** Local `HH:mm` at `t`. */
function clock(table: ZoneTable, t: Instant): string {
  return formatLocal(table, t).slice(11);
}

/**
 * `19:00-23:00`; `23:00-07:00` for a span ending the next morning; `23:00-24:00` for one ending at midnight;
 * `20:00-Thu 03/12 08:00` for one ending later than that.
 */
function span(table: ZoneTable, start: Instant, end: Instant): string {
  const startLocal = instantToLocal(table, start);
  const endLocal = instantToLocal(table, end);
  const startDay = dayOf(startLocal);
  const endDay = dayOf(endLocal);
  const endTime = endLocal - endDay * DAY;
  let endLabel: string;
  if (endDay === startDay) endLabel = clock(table, end);
  else if (endDay === startDay + 1 && endTime === 0) endLabel = '24:00';
  else if (endDay === startDay + 1 && endTime < startLocal - startDay * DAY) endLabel = clock(table, end);
  else {
    const date = formatLocalDate(endDay);
    endLabel = `${DAY_NAMES[weekdayOf(endDay)]} ${date.slice(8, 10)}/${date.slice(5, 7)} ${clock(table, end)}`;
  }
  return `${clock(table, start)}-${endLabel}`;
}
