/**
 * Every coach's free time over a span, with one zone table per zone: what the prediction and the exposure scan
 * read when no rota restricts calls to the coaches on call.
 *
 * @internal
 * @module
 */
import type { Team } from '../model/team.js';
import { coachFreeTime } from '../rota/availability.js';
import type { IntervalSet } from '../time/intervals.js';
import type { Instant } from '../time/types.js';
import { buildZoneTable, type ZoneTable } from '../time/zone.js';

/** Each coach's free time in `[from, to)`, in team order. */
export function coachFreeSets(team: Team, from: Instant, to: Instant): IntervalSet[] {
  const tables = new Map<string, ZoneTable>();
  // RRULE dates shared by the coaches, as computeCoverage does: a network names a handful of rules.
  const cache = new Map<string, number[]>();
  return team.coaches.map((coach) => {
    let table = tables.get(coach.timeZone);
    if (table === undefined) {
      table = buildZoneTable(coach.timeZone, from, to);
      tables.set(coach.timeZone, table);
    }
    return coachFreeTime(coach, table, { from, to }, cache);
  });
}
