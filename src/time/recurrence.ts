/**
 * Availability rules in wall-clock time, and their expansion into instants.
 *
 * A rule says on which local dates a window opens (weekly days, an RRULE, or one date) and the window's wall-clock
 * times. A window belongs to the day it starts; `endMinute` may pass midnight (up to 24 h after `startMinute`).
 * Expansion walks local dates as integers and converts each edge through the zone table: no date objects, no rrule
 * with `tzid` (rrule is only used, in floating time, to list the dates of an RRULE rule).
 *
 * @module
 */
import { dayOf, mondayOf, weekdayOf } from './local.js';
import { Frequency, RRule, type RRuleOptions } from './rrule-interop.js';
import { DAY, type Instant, type LocalDate, MINUTE } from './types.js';
import { instantToLocal, localToInstantCursor, type ZoneTable } from './zone.js';

/** Wall-clock times of a window: minutes after the start of the day it belongs to. */
export interface WindowTimes {
  /** Start, 0 to 1439 minutes after local midnight. */
  readonly startMinute: number;
  /** End, `startMinute < endMinute <= startMinute + 1440`; past 1440 the window ends the next day. */
  readonly endMinute: number;
}

/** Dates shared by the repeating rules: both bounds inclusive local dates; absent means unbounded. */
export interface RuleBounds {
  /** First local date (days since 1970-01-01, inclusive) on which the rule may open a window; absent: unbounded. */
  readonly startDate?: LocalDate;
  /** Last local date (inclusive) on which the rule may open a window; absent: unbounded. */
  readonly endDate?: LocalDate;
}

/** A window on given weekdays, every `everyWeeks` weeks counted from the week (Monday first) of `startDate`. */
export interface WeeklyRule extends WindowTimes, RuleBounds {
  /** Discriminant of {@link AvailabilityRule}. */
  readonly kind: 'weekly';
  /** Bit `d` set for ISO weekday `d` (0 = Monday ... 6 = Sunday). */
  readonly weekdays: number;
  /** 1 = every week. Greater than 1 requires `startDate`. */
  readonly everyWeeks: number;
}

/** A window on the dates of an RFC 5545 RRULE (daily or coarser), read in floating wall-clock time. */
export interface RRuleRule extends WindowTimes, RuleBounds {
  /** Discriminant of {@link AvailabilityRule}. */
  readonly kind: 'rrule';
  /**
   * The RRULE as given (without `RRULE:`), checked when the team file is read: it must parse, be daily or coarser,
   * carry no DTSTART, TZID, BYHOUR, BYMINUTE or BYSECOND (times come from the window, the start from `startDate`),
   * and name its days explicitly unless `startDate` anchors it. Read in floating wall-clock time, never with a zone.
   */
  readonly rrule: string;
}

/** A one-off window on one local date. */
export interface DateRule extends WindowTimes {
  /** Discriminant of {@link AvailabilityRule}. */
  readonly kind: 'date';
  /** The local date (days since 1970-01-01) the window belongs to; it may end the next day. */
  readonly date: LocalDate;
}

/** Any availability rule. Plain data: it can be stored, compared and sent as it is. */
export type AvailabilityRule = WeeklyRule | RRuleRule | DateRule;

const FREQUENCY_NAMES = new Map<number, string>([
  [Frequency.YEARLY, 'YEARLY'],
  [Frequency.MONTHLY, 'MONTHLY'],
  [Frequency.WEEKLY, 'WEEKLY'],
  [Frequency.DAILY, 'DAILY'],
]);

/** Result of {@link checkRRule}: `problem` completes "<value> ..." and `expected` says what would do. */
export type RRuleCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: string; readonly expected: string };

/**
 * Checks an RRULE for use as an availability rule: it must parse, have a daily or coarser frequency, carry no
 * DTSTART, TZID or time-of-day parts (times come from `from`/`to`, the start from `startDate`), and name its days
 * explicitly unless `startDate` anchors it (RFC 5545 takes missing days, and the phase of INTERVAL and COUNT, from
 * DTSTART).
 *
 * @example checkRRule('FREQ=MONTHLY;BYDAY=1SU', false) // { ok: true }
 * @example checkRRule('FREQ=HOURLY', false).ok === false
 */
export function checkRRule(text: string, hasStartDate: boolean): RRuleCheck {
  const body = text.replace(/^RRULE:/i, '');
  if (/DTSTART|TZID|BYHOUR|BYMINUTE|BYSECOND/i.test(body)) {
    return {
      ok: false,
      problem: 'carries times or a start of its own',
      expected: 'an RRULE without DTSTART, TZID, BYHOUR, BYMINUTE or BYSECOND; use startDate, from and to',
    };
  }
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(body);
  } catch {
    return {
      ok: false,
      problem: 'is not a valid RRULE',
      expected: 'an RFC 5545 RRULE such as FREQ=MONTHLY;BYDAY=1SU',
    };
  }
  if (options.freq === undefined || !FREQUENCY_NAMES.has(options.freq)) {
    return {
      ok: false,
      problem: 'has no frequency, or one finer than daily',
      expected: 'FREQ=DAILY, WEEKLY, MONTHLY or YEARLY',
    };
  }
  if (!hasStartDate) {
    const needsAnchor =
      (options.interval ?? 1) > 1 ||
      options.count != null ||
      (options.freq === Frequency.WEEKLY && options.byweekday == null) ||
      (options.freq === Frequency.MONTHLY && options.byweekday == null && options.bymonthday == null) ||
      (options.freq === Frequency.YEARLY &&
        options.byyearday == null &&
        options.byweekno == null &&
        (options.bymonth == null || (options.bymonthday == null && options.byweekday == null)));
    if (needsAnchor) {
      return {
        ok: false,
        problem: 'depends on its start date, and the rule has no startDate',
        expected: 'a startDate, or an RRULE naming its days (e.g. FREQ=WEEKLY;BYDAY=MO)',
      };
    }
  }
  try {
    // Parse-time check that rrule can actually iterate it (e.g. BYMONTHDAY=31;BYMONTH=2 yields nothing, which is
    // fine, but malformed combinations throw here rather than in the middle of a coverage run).
    ruleFor(body, 0, undefined).between(new Date(0), new Date(DAY * 400), true);
  } catch {
    return { ok: false, problem: 'cannot be expanded', expected: 'an RFC 5545 RRULE rrule can iterate' };
  }
  return { ok: true };
}

function ruleFor(
  body: string,
  dtstartDay: LocalDate,
  untilDay: LocalDate | undefined,
): InstanceType<typeof RRule> {
  const options = RRule.parseString(body);
  // Floating wall-clock dates as UTC midnights, and never a zone (rrule's zone path is slow and host-dependent;
  // checkRRule refuses rules naming one, and this makes sure of it).
  options.tzid = null;
  options.dtstart = new Date(dtstartDay * DAY);
  options.until = untilDay === undefined ? (options.until ?? null) : new Date(untilDay * DAY);
  return new RRule(options);
}

/**
 * The local dates in `[firstDay, lastDay]` (inclusive) on which a rule opens a window, ascending.
 * Cost: O(lastDay - firstDay) for weekly rules, whatever the rule's start; rrule's iteration for RRULE rules,
 * from at most one period before `firstDay`. `cache` (one per computation, never shared) keeps RRULE answers for
 * coaches who share a rule; cached arrays must not be mutated.
 *
 * Edge cases: `startDate` / `endDate` narrow the range (an empty intersection gives `[]`); a weekly rule with
 * `everyWeeks > 1` counts its weeks from the Monday of `startDate`.
 *
 * @param firstDay - first local date to list, days since 1970-01-01 (inclusive).
 * @param lastDay - last local date to list (inclusive).
 * @example
 * // Mondays and Wednesdays (bits 0 and 2), 2026-11-30 (day 20_787, a Monday) to 2026-12-06 (day 20_793):
 * ruleDates({ kind: 'weekly', weekdays: 0b101, everyWeeks: 1, startMinute: 1140, endMinute: 1380 }, 20_787, 20_793)
 * // [20_787, 20_789]
 */
export function ruleDates(
  rule: AvailabilityRule,
  firstDay: LocalDate,
  lastDay: LocalDate,
  cache?: Map<string, LocalDate[]>,
): LocalDate[] {
  if (rule.kind === 'date') return rule.date >= firstDay && rule.date <= lastDay ? [rule.date] : [];
  const from = Math.max(firstDay, rule.startDate ?? firstDay);
  const to = Math.min(lastDay, rule.endDate ?? lastDay);
  const out: LocalDate[] = [];
  if (from > to) return out;
  if (rule.kind === 'weekly') {
    const anchor = mondayOf(rule.startDate ?? 0);
    const period = 7 * rule.everyWeeks;
    for (let day = from; day <= to; day++) {
      if ((rule.weekdays & (1 << weekdayOf(day))) === 0) continue;
      if (rule.everyWeeks > 1 && (((day - anchor) % period) + period) % period >= 7) continue;
      out.push(day);
    }
    return out;
  }
  const body = rule.rrule.replace(/^RRULE:/i, '');
  const key = `${body}|${rule.startDate}|${rule.endDate}|${from}|${to}`;
  const cached = cache?.get(key);
  if (cached !== undefined) return cached;
  const options = RRule.parseString(body);
  // Anchor-free rules (checked by checkRRule) may start anywhere: start at the window's year. Anchored ones start
  // whole periods later when that changes nothing, since rrule walks every occurrence from DTSTART.
  const dtstart =
    rule.startDate === undefined ? yearStart(from) : skipWholePeriods(options, rule.startDate, from);
  const rrule = ruleFor(body, dtstart, rule.endDate);
  for (const date of rrule.between(new Date(from * DAY), new Date(to * DAY), true))
    out.push(dayOf(date.getTime()));
  cache?.set(key, out);
  return out;
}

/**
 * A later DTSTART giving the same occurrences from `target` on: `start` moved by whole periods (INTERVAL days,
 * weeks, months or years), keeping one period of margin. Unchanged when COUNT counts from the real start, or when
 * the move could change an implicit day (a day of month past 28, taken from DTSTART).
 */
function skipWholePeriods(options: Partial<RRuleOptions>, start: LocalDate, target: LocalDate): LocalDate {
  if (options.count != null || start >= target) return start;
  const interval = options.interval ?? 1;
  if (options.freq === Frequency.DAILY || options.freq === Frequency.WEEKLY) {
    const period = interval * (options.freq === Frequency.WEEKLY ? 7 : 1);
    const periods = Math.floor((target - start) / period) - 1;
    return periods > 0 ? start + periods * period : start;
  }
  const date = new Date(start * DAY);
  const implicitDay = options.bymonthday == null && options.byweekday == null && options.byyearday == null;
  if (implicitDay && date.getUTCDate() > 28) return start;
  const targetDate = new Date(target * DAY);
  const months =
    (targetDate.getUTCFullYear() - date.getUTCFullYear()) * 12 +
    targetDate.getUTCMonth() -
    date.getUTCMonth();
  const step = options.freq === Frequency.YEARLY ? 12 * interval : interval;
  const periods = Math.floor(months / step) - 1;
  if (periods <= 0) return start;
  // With explicit days the day of month only bounds the first period: start it on the 1st, or moving 31 August
  // by months would roll over into the next month and shift the rule's phase.
  if (!implicitDay) date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + periods * step);
  return date.getTime() / DAY;
}

/** January 1st of the year of `day`, so MONTHLY/YEARLY periods of anchor-free rules align with the calendar. */
function yearStart(day: LocalDate): LocalDate {
  const date = new Date(day * DAY);
  date.setUTCMonth(0, 1);
  return date.getTime() / DAY;
}

/**
 * Expands rules into the instants they cover within `[from, to)`, appending flat `[start, end)` pairs to `out`
 * (unsorted across rules, possibly overlapping; pass the result to `normalize`). Windows are converted by the
 * zone table's DST rules; a window that vanishes (wholly inside a spring-forward gap) is left out, so every pair
 * appended has `start < end`.
 *
 * @param rules - the rules of one coach, all in `table`'s zone.
 * @param table - built for at least `[from, to)`.
 * @param out - receives the pairs; returned for chaining.
 * @param cache - optional per-computation memo of RRULE dates (see {@link ruleDates}).
 * @example
 * const pairs = expandRules([{ kind: 'weekly', weekdays: 0b10101, everyWeeks: 1, startMinute: 1080, endMinute: 1320 }],
 *   paris, from, to, []);
 */
export function expandRules(
  rules: readonly AvailabilityRule[],
  table: ZoneTable,
  from: Instant,
  to: Instant,
  out: number[],
  cache?: Map<string, LocalDate[]>,
): number[] {
  if (!(from < to)) return out;
  // A window starts at most 24 h before it ends; widen by a day so windows begun the day before are seen.
  const firstDay = dayOf(instantToLocal(table, from)) - 1;
  const lastDay = dayOf(instantToLocal(table, to - 1));
  for (const rule of rules) {
    const toInstant = localToInstantCursor(table);
    const startOffset = rule.startMinute * MINUTE;
    const endOffset = rule.endMinute * MINUTE;
    for (const day of ruleDates(rule, firstDay, lastDay, cache)) {
      const base = day * DAY;
      const start = Math.max(toInstant(base + startOffset), from);
      const end = Math.min(toInstant(base + endOffset), to);
      if (start < end) out.push(start, end);
    }
  }
  return out;
}
