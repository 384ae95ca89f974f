/**
 * The callback plan as text: a day-by-day call sheet in the team's local time (time, coach, request id, topic),
 * then the requests not placed with their sentence, then the calls per coach. Request ids only: no caller's
 * contact detail ever appears.
 *
 * @module
 */
import { type CallbackPlan, type PlacedCall, planSpan } from '../matching/plan.js';
import type { Team } from '../model/team.js';
import { formatLocal } from '../time/format.js';
import { dayOf, formatLocalDate, weekdayOf } from '../time/local.js';
import { DAY, MINUTE } from '../time/types.js';
import { buildZoneTable, instantToLocal } from '../time/zone.js';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Renders a plan as plain text; `lang` picks the language of the reasons' sentences.
 *
 * @param lang - `en` or `fr`. @defaultValue `'en'`
 * @example
 * console.log(planToText(plan, team));
 * // Wed 2026-12-02
 * //   12:00-13:00  amelie    R-2026-0042  wellbeing
 */
export function planToText(plan: CallbackPlan, team: Team, lang: 'en' | 'fr' = 'en'): string {
  const { first, last } = planSpan(plan);
  const table = buildZoneTable(team.timeZone, first - DAY, last + DAY);
  const f = plan.figures;
  const lines = [
    `${team.name}: callback plan at ${formatLocal(table, plan.now)} (${team.timeZone})`,
    `${f.requests} requests: ${f.placed} placed (${f.placedBeforeDeadline} before their deadline, ${f.placedAfterDeadline} after), ${f.notPlaced} not placed.${f.proven ? '' : ' Search limit reached: the plan may not be optimal.'}`,
  ];
  const coachWidth = widest(
    plan.placed.map((p) => p.coachId),
    5,
    24,
  );
  const idWidth = widest(
    plan.placed.map((p) => p.requestId),
    7,
    32,
  );
  let day: number | undefined;
  for (const call of plan.placed) {
    const local = instantToLocal(table, call.start);
    if (dayOf(local) !== day) {
      day = dayOf(local);
      lines.push('', `${DAY_NAMES[weekdayOf(day)]} ${formatLocalDate(day)}`);
    }
    lines.push(callLine(call, table, coachWidth, idWidth));
  }
  if (plan.placed.length === 0) lines.push('', 'No call to make.');
  if (plan.notPlaced.length > 0) {
    lines.push('', 'Not placed');
    const width = widest(
      plan.notPlaced.map((n) => n.requestId),
      1,
      32,
    );
    for (const n of plan.notPlaced)
      lines.push(`  ${n.requestId.padEnd(width)}  ${n.reason.padEnd(17)} ${n.sentence[lang]}`);
  }
  lines.push('', `Calls per coach: ${plan.load.map((l) => `${l.coachId} ${l.calls}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function callLine(
  call: PlacedCall,
  table: ReturnType<typeof buildZoneTable>,
  coachWidth: number,
  idWidth: number,
): string {
  const time = (t: number) => formatLocal(table, t).slice(11);
  const endDay = dayOf(instantToLocal(table, call.end - 1)) !== dayOf(instantToLocal(table, call.start));
  const flags = [
    call.beforeDeadline ? '' : `late: deadline ${formatLocal(table, call.deadline)}`,
    call.attempt > 1 ? `try ${call.attempt}` : '',
    call.booked ? 'booked' : '',
  ].filter((s) => s !== '');
  const minutes = (call.end - call.start) / MINUTE;
  return [
    `  ${time(call.start)}-${time(call.end)}${endDay ? '+1' : '  '}`,
    call.coachId.padEnd(coachWidth),
    call.requestId.padEnd(idWidth),
    (call.topic ?? '-').padEnd(14),
    `${minutes} min`,
    flags.length === 0 ? '' : `(${flags.join(', ')})`,
  ]
    .join('  ')
    .trimEnd();
}

/** The longest of `texts`, at least `min` and at most `max` columns (a loop: lists may hold 100,000 ids). */
function widest(texts: readonly string[], min: number, max: number): number {
  let width = min;
  for (const t of texts) if (t.length > width) width = t.length;
  return Math.min(width, max);
}
