import type { Coach, Team } from '../../src/model/team.js';
import { parseLocalDate, parseLocalDateTime } from '../../src/time/local.js';
import type { AvailabilityRule, WeeklyRule } from '../../src/time/recurrence.js';
import { DAY } from '../../src/time/types.js';

/** Weekday bitmask from RFC 5545 codes (bit 0 = MO). */
export function days(...codes: string[]): number {
  return codes.reduce(
    (mask, code) => mask | (1 << ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(code)),
    0,
  );
}

/** Minutes of a `HH:mm`; a `to` at or before `from` crosses midnight. */
function window(from: string, to: string): { startMinute: number; endMinute: number } {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const start = m(from);
  const end = m(to);
  return { startMinute: start, endMinute: end <= start ? end + 1440 : end };
}

export function weekly(
  mask: number,
  from: string,
  to: string,
  extra: Partial<AvailabilityRule> = {},
): AvailabilityRule {
  return { kind: 'weekly', weekdays: mask, everyWeeks: 1, ...window(from, to), ...extra } as AvailabilityRule;
}

export function wholeDaysAway(first: string, last: string) {
  return { start: parseLocalDate(first)! * DAY, end: (parseLocalDate(last)! + 1) * DAY };
}

export function awayBetween(from: string, to: string) {
  return { start: parseLocalDateTime(from)!, end: parseLocalDateTime(to)! };
}

export function coach(id: string, availability: AvailabilityRule[], extra: Partial<Coach> = {}): Coach {
  return {
    id,
    name: id,
    timeZone: 'Europe/Paris',
    availability,
    unavailable: [],
    weight: 1,
    skills: [],
    ...extra,
  };
}

export function team(coaches: Coach[], minCoaches = 1, timeZone = 'Europe/Paris'): Team {
  return { name: 'Test team', timeZone, coverage: { minCoaches }, coaches };
}

/** A weekly rule on the 4-hour hand-off grid: `blocks` blocks from block `startBlock` (0-5) of each day in the mask. */
export function gridRule(w: { weekdays: number; startBlock: number; blocks: number }): WeeklyRule {
  return {
    kind: 'weekly',
    weekdays: w.weekdays,
    everyWeeks: 1,
    startMinute: w.startBlock * 4 * 60,
    endMinute: (w.startBlock + w.blocks) * 4 * 60,
  };
}
