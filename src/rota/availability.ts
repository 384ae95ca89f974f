/**
 * When each coach is free: their availability rules expanded over the horizon, minus their `unavailable` spans.
 *
 * @module
 */
import type { Coach } from '../model/team.js';
import { clip, difference, type IntervalSet, normalize } from '../time/intervals.js';
import { expandRules } from '../time/recurrence.js';
import { DAY, type LocalDate } from '../time/types.js';
import { localToInstant, type ZoneTable } from '../time/zone.js';
import type { Horizon } from './horizon.js';

/**
 * A coach's free time within the horizon, as a normalized interval set (UTC epoch ms): the union of their windows
 * minus every `unavailable` span (absence wins over any availability rule).
 *
 * @param table - zone table of `coach.timeZone`, built for at least the horizon.
 * @param cache - optional memo shared by the coaches of one computation (RRULE dates).
 * @example
 * const free = coachFreeTime(team.coaches[0], tables.get(team.coaches[0].timeZone), { from, to });
 * totalLength(free) / HOUR // free hours in the horizon
 */
export function coachFreeTime(
  coach: Coach,
  table: ZoneTable,
  horizon: Horizon,
  cache?: Map<string, LocalDate[]>,
): IntervalSet {
  const windows = normalize(expandRules(coach.availability, table, horizon.from, horizon.to, [], cache));
  if (coach.unavailable.length === 0 || windows.length === 0) return windows;
  const away: number[] = [];
  for (const span of coach.unavailable) {
    // Clamp to two days around the horizon first (offsets are under a day, the table has three days' margin):
    // an absence years long only needs to cover the horizon.
    const start = Math.max(span.start, horizon.from - 2 * DAY);
    const end = Math.min(span.end, horizon.to + 2 * DAY);
    if (start < end) away.push(localToInstant(table, start), localToInstant(table, end));
  }
  return difference(windows, clip(normalize(away), horizon.from, horizon.to));
}
