/**
 * An independent, slow, obviously-correct reference for wall-clock rules, built on luxon only (never on src/time):
 * the yardstick of the property tests of expansion and coverage.
 */
import { DateTime } from 'luxon';
import type { WeeklyRule } from '../../src/time/recurrence.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export const STEP = 15 * MINUTE;
export const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
] as const;

/** The wall clock at instant `t` in `zone`, read from luxon's calendar fields, encoded as if it were UTC. */
export function wallAt(zone: string, t: number): number {
  const d = DateTime.fromMillis(t, { zone });
  return Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second, d.millisecond);
}

/**
 * The instant of wall-clock time `minuteOfDay` after midnight of `date` (a UTC-zoned luxon date standing for a
 * calendar date), by the documented rules: a nonexistent time is the first instant after the gap, an ambiguous one
 * its earlier occurrence.
 */
export function referenceInstant(zone: string, date: DateTime, minuteOfDay: number): number {
  const wall = date.plus({ minutes: minuteOfDay }); // floating calendar arithmetic: UTC has no DST
  const target = wall.toMillis();
  const fields = { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute };
  const guess = DateTime.fromObject(fields, { zone }).toMillis();
  let result: number;
  if (wallAt(zone, guess) !== target) {
    // Nonexistent. luxon moves it forward by the size of the gap (checked below), so `guess` is after the gap;
    // walk back, minute by minute, to the first instant after the gap.
    if (!(wallAt(zone, guess) > target)) throw new Error(`reference: luxon moved ${wall.toISO()} backwards`);
    result = guess;
    while (wallAt(zone, result - MINUTE) > target) result -= MINUTE;
  } else {
    // Exists, maybe twice; luxon may return either occurrence. Every occurrence is `target - offset` for an
    // offset in force around then (transitions are months apart): keep the earliest that reads `target`.
    result = guess;
    for (const probe of [guess - 6 * HOUR, guess + 6 * HOUR]) {
      const candidate = target - DateTime.fromMillis(probe, { zone }).offset * MINUTE;
      if (candidate < result && wallAt(zone, candidate) === target) result = candidate;
    }
  }
  // Both rules amount to "the first instant whose wall clock reads `target` or later": check it.
  if (!(wallAt(zone, result) >= target && wallAt(zone, result - MINUTE) < target)) {
    throw new Error(`reference: ${wall.toISO()} in ${zone} gave ${new Date(result).toISOString()}`);
  }
  return result;
}

/** A local date (day number) as a luxon date at UTC midnight. */
export const luxonDate = (day: number): DateTime => DateTime.fromMillis(day * DAY, { zone: 'utc' });
/** The local calendar date of instant `t` in `zone`, as a luxon date at UTC midnight. */
export const localDateOf = (zone: string, t: number): DateTime =>
  DateTime.fromMillis(t, { zone }).setZone('utc', { keepLocalTime: true }).startOf('day');

/** Whether a weekly rule opens on `date`, by luxon's calendar (ISO weekdays 1-7, ISO weeks starting Monday). */
export function referenceOpens(rule: WeeklyRule, date: DateTime): boolean {
  if ((rule.weekdays & (1 << (date.weekday - 1))) === 0) return false;
  if (rule.startDate !== undefined && date < luxonDate(rule.startDate)) return false;
  if (rule.endDate !== undefined && date > luxonDate(rule.endDate)) return false;
  if (rule.everyWeeks > 1) {
    const anchorWeek = luxonDate(rule.startDate as number).startOf('week');
    const weeks = Math.round(date.startOf('week').diff(anchorWeek, 'days').days / 7);
    if (weeks % rule.everyWeeks !== 0) return false;
  }
  return true;
}

/** The normalized set of instants the rules cover in `[from, to)`, built 15 minutes at a time. */
export function referenceExpansion(
  rules: readonly WeeklyRule[],
  zone: string,
  from: number,
  to: number,
): number[] {
  const covered = new Uint8Array(Math.ceil((to - from) / STEP));
  const last = localDateOf(zone, to).plus({ days: 2 });
  for (let date = localDateOf(zone, from).minus({ days: 3 }); date <= last; date = date.plus({ days: 1 })) {
    for (const rule of rules) {
      if (!referenceOpens(rule, date)) continue;
      const start = referenceInstant(zone, date, rule.startMinute);
      const end = referenceInstant(zone, date, rule.endMinute);
      if ((start - from) % STEP !== 0 || (end - from) % STEP !== 0)
        throw new Error('reference: off the grid');
      for (let t = Math.max(start, from); t < Math.min(end, to); t += STEP) covered[(t - from) / STEP] = 1;
    }
  }
  const out: number[] = [];
  for (let i = 0; i < covered.length; i++) {
    if (!covered[i]) continue;
    const first = i;
    while (i < covered.length && covered[i]) i++;
    out.push(from + first * STEP, from + i * STEP);
  }
  return out;
}
