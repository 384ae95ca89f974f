/**
 * Semantic checks and compilation of a team file. Each function takes the raw value, reports what only it can see
 * (dates that do not exist, empty windows, unknown zones, duplicate ids, RRULEs...), and returns the compiled value
 * or `undefined`; it returns `undefined` silently where the shape check has reported already.
 *
 * @internal
 * @module
 */

import { describeValue } from '../errors.js';
import { parseLocalDate, parseLocalDateTime, parseTimeOfDay, WEEKDAY_CODES } from '../time/local.js';
import { type AvailabilityRule, checkRRule, type RRuleCheck, type WindowTimes } from '../time/recurrence.js';
import { DAY, type LocalDate, type LocalDateTime } from '../time/types.js';
import { isKnownZone } from '../time/zone.js';
import {
  DATE,
  type Found,
  isRecord,
  MOMENT,
  own,
  type Path,
  type Raw,
  report,
  reportDuplicateIds,
  ZONE,
} from './found.js';
import {
  COACH_ID_PATTERN,
  LIMITS,
  LOCAL_DATE_OR_DATE_TIME_PATTERN,
  LOCAL_DATE_PATTERN,
  RULE_KIND_KEYS,
  START_TIME_PATTERN,
  TIME_OF_DAY_PATTERN,
} from './schema.js';
import { compileSla } from './sla-compile.js';
import type { Coach, Team, UnavailableSpan } from './team.js';

/**
 * Answers of the costly checks, by their question: a team of thousands of coaches names a handful of zones and
 * RRULEs, and asking Intl about a zone or rrule about an RRULE (~0.3 ms) for each would dominate a parse.
 */
interface Memo {
  readonly zones: Map<string, boolean>;
  readonly rrules: Map<string, RRuleCheck>;
}

export function compileTeam(input: unknown, found: Found[]): Team | undefined {
  if (!isRecord(input)) return undefined;
  const memo: Memo = { zones: new Map(), rrules: new Map() };
  const timeZone = checkZone(own(input, 'timeZone'), ['timeZone'], memo, found);
  const coaches = compileList(own(input, 'coaches'), LIMITS.coaches, (raw, i) =>
    compileCoach(raw, ['coaches', i], timeZone, memo, found),
  );
  checkUniqueIds(own(input, 'coaches'), found);
  const name = own(input, 'name');
  const coverage = own(input, 'coverage') ?? {};
  const minCoaches = isRecord(coverage) ? (own(coverage, 'minCoaches') ?? 1) : undefined;
  if (typeof name !== 'string' || timeZone === undefined || coaches === undefined) return undefined;
  // The SLA key (issue 7): compiled only when the file has one, so teams without it stay as they were.
  const sla = Object.hasOwn(input, 'sla') ? compileSla(own(input, 'sla'), found) : undefined;
  if (typeof minCoaches !== 'number') return undefined;
  if (Object.hasOwn(input, 'sla') && sla === undefined) return undefined;
  return { name, timeZone, coverage: { minCoaches }, coaches, ...(sla === undefined ? {} : { sla }) };
}

/** Compiles every element (so each reports its problems), or `undefined` if any failed or the list is too long. */
function compileList<T>(raw: unknown, max: number, compile: (raw: unknown, i: number) => T | undefined) {
  if (!Array.isArray(raw) || raw.length > max) return undefined;
  const out: T[] = [];
  let ok = true;
  raw.forEach((element, i) => {
    const compiled = compile(element, i);
    if (compiled === undefined) ok = false;
    else out.push(compiled);
  });
  return ok ? out : undefined;
}

function checkZone(value: unknown, at: Path, memo: Memo, found: Found[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  let known = memo.zones.get(value);
  if (known === undefined) {
    known = isKnownZone(value);
    memo.zones.set(value, known);
  }
  if (!known) report(found, at, value, 'is not a known time zone', ZONE.expected);
  return known ? value : undefined;
}

function checkUniqueIds(coaches: unknown, found: Found[]): void {
  if (!Array.isArray(coaches) || coaches.length > LIMITS.coaches) return;
  reportDuplicateIds(coaches, 'coaches', 'coach', COACH_ID_PATTERN, found);
}

function compileCoach(
  raw: unknown,
  at: Path,
  teamZone: string | undefined,
  memo: Memo,
  found: Found[],
): Coach | undefined {
  if (!isRecord(raw)) return undefined;
  const timeZone = Object.hasOwn(raw, 'timeZone')
    ? checkZone(own(raw, 'timeZone'), [...at, 'timeZone'], memo, found)
    : teamZone;
  const availability = compileList(own(raw, 'availability'), LIMITS.availability, (rule, i) =>
    compileRule(rule, [...at, 'availability', i], memo, found),
  );
  const unavailable = compileList(own(raw, 'unavailable') ?? [], LIMITS.unavailable, (span, i) =>
    compileSpan(span, [...at, 'unavailable', i], found),
  );
  const id = own(raw, 'id');
  const name = own(raw, 'name');
  const maxHoursPerWeek = own(raw, 'maxHoursPerWeek');
  const weight = own(raw, 'weight') ?? 1;
  const skills = own(raw, 'skills') ?? [];
  if (typeof id !== 'string' || typeof name !== 'string' || timeZone === undefined) return undefined;
  if (availability === undefined || unavailable === undefined || typeof weight !== 'number') return undefined;
  if (!Array.isArray(skills) || !skills.every((s) => typeof s === 'string')) return undefined;
  const coach: Coach = { id, name, timeZone, availability, unavailable, weight, skills: [...skills] };
  if (!Object.hasOwn(raw, 'maxHoursPerWeek')) return coach;
  return typeof maxHoursPerWeek === 'number' ? { ...coach, maxHoursPerWeek } : undefined;
}

function compileRule(raw: unknown, at: Path, memo: Memo, found: Found[]): AvailabilityRule | undefined {
  if (!isRecord(raw)) return undefined;
  const kinds = RULE_KIND_KEYS.filter((key) => Object.hasOwn(raw, key));
  const window = compileWindow(raw, at, found);
  if (kinds[0] === 'date' && kinds.length === 1) {
    const date = compileDate(own(raw, 'date'), [...at, 'date'], found);
    return window === undefined || date === undefined ? undefined : { kind: 'date', date, ...window };
  }
  const bounds = compileBounds(raw, at, found);
  if (kinds[0] === 'rrule' && kinds.length === 1) {
    const rrule = own(raw, 'rrule');
    if (typeof rrule !== 'string' || rrule === '') return undefined;
    const hasStartDate = typeof own(raw, 'startDate') === 'string';
    const question = `${hasStartDate}|${rrule}`;
    const check = memo.rrules.get(question) ?? checkRRule(rrule, hasStartDate);
    memo.rrules.set(question, check);
    if (!check.ok) report(found, [...at, 'rrule'], rrule, check.problem, check.expected);
    if (!check.ok || window === undefined || bounds === undefined) return undefined;
    return { kind: 'rrule', rrule, ...window, ...bounds };
  }
  const weekdays = compileDays(own(raw, 'days'), [...at, 'days'], found);
  const everyWeeks = own(raw, 'everyWeeks') ?? 1;
  if (typeof everyWeeks !== 'number' || !Number.isSafeInteger(everyWeeks) || everyWeeks < 1) return undefined;
  if (everyWeeks > 1 && !Object.hasOwn(raw, 'startDate')) {
    const expected = `a start date YYYY-MM-DD to count every ${everyWeeks} weeks from`;
    report(found, [...at, 'startDate'], undefined, 'is missing', expected);
    return undefined;
  }
  if (kinds.length !== 1 || weekdays === undefined || window === undefined || bounds === undefined)
    return undefined;
  return { kind: 'weekly', weekdays, everyWeeks, ...window, ...bounds };
}

function compileWindow(raw: Raw, at: Path, found: Found[]): WindowTimes | undefined {
  const from = own(raw, 'from');
  const to = own(raw, 'to');
  if (typeof from !== 'string' || !START_TIME_PATTERN.test(from)) return undefined;
  if (typeof to !== 'string' || !TIME_OF_DAY_PATTERN.test(to)) return undefined;
  const startMinute = parseTimeOfDay(from);
  const end = parseTimeOfDay(to);
  if (startMinute === undefined || end === undefined) return undefined;
  if (end === startMinute) {
    report(
      found,
      [...at, 'to'],
      to,
      'is the same as from',
      'a different time: after from, or before it to end the next day',
    );
    return undefined;
  }
  // A `to` before `from` ends the next day: the window still belongs to the day it starts.
  return { startMinute, endMinute: end > startMinute ? end : end + 1440 };
}

/** Weekday codes into a bitmask, bit 0 = Monday; a repeated code is reported. */
function compileDays(raw: unknown, at: Path, found: Found[]): number | undefined {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > WEEKDAY_CODES.length) return undefined;
  let weekdays = 0;
  let ok = true;
  raw.forEach((code, i) => {
    const day = typeof code === 'string' ? (WEEKDAY_CODES as readonly string[]).indexOf(code) : -1;
    if (day < 0) ok = false;
    else if ((weekdays & (1 << day)) !== 0) {
      report(found, [...at, i], code, 'is listed twice', 'each weekday at most once');
      ok = false;
    } else weekdays |= 1 << day;
  });
  return ok ? weekdays : undefined;
}

function compileBounds(
  raw: Raw,
  at: Path,
  found: Found[],
): { startDate?: LocalDate; endDate?: LocalDate } | undefined {
  const hasStart = Object.hasOwn(raw, 'startDate');
  const hasEnd = Object.hasOwn(raw, 'endDate');
  const startDate = hasStart ? compileDate(own(raw, 'startDate'), [...at, 'startDate'], found) : undefined;
  const endDate = hasEnd ? compileDate(own(raw, 'endDate'), [...at, 'endDate'], found) : undefined;
  if ((hasStart && startDate === undefined) || (hasEnd && endDate === undefined)) return undefined;
  if (startDate !== undefined && endDate !== undefined && endDate < startDate) {
    const problem = `is before startDate ${describeValue(own(raw, 'startDate'))}`;
    report(found, [...at, 'endDate'], own(raw, 'endDate'), problem, 'a date on or after startDate');
    return undefined;
  }
  return {
    ...(startDate === undefined ? {} : { startDate }),
    ...(endDate === undefined ? {} : { endDate }),
  };
}

function compileDate(raw: unknown, at: Path, found: Found[]): LocalDate | undefined {
  if (typeof raw !== 'string' || !LOCAL_DATE_PATTERN.test(raw)) return undefined;
  const day = parseLocalDate(raw);
  // The pattern lets 2026-02-30 through; only the calendar knows it does not exist.
  if (day === undefined) report(found, at, raw, `is not ${DATE.what}`, DATE.expected);
  return day;
}

function compileSpan(raw: unknown, at: Path, found: Found[]): UnavailableSpan | undefined {
  if (!isRecord(raw)) return undefined;
  const start = compileMoment(own(raw, 'from'), [...at, 'from'], 'start', found);
  const end = compileMoment(own(raw, 'to'), [...at, 'to'], 'end', found);
  if (start === undefined || end === undefined) return undefined;
  if (end <= start) {
    const problem = `does not end after from ${describeValue(own(raw, 'from'))}`;
    report(
      found,
      [...at, 'to'],
      own(raw, 'to'),
      problem,
      'an end after from; a date as to means the end of that day',
    );
    return undefined;
  }
  return { start, end };
}

/** A date is a whole day: it starts at its midnight and, as an end, ends at the next one. */
function compileMoment(
  raw: unknown,
  at: Path,
  edge: 'start' | 'end',
  found: Found[],
): LocalDateTime | undefined {
  if (typeof raw !== 'string' || !LOCAL_DATE_OR_DATE_TIME_PATTERN.test(raw)) return undefined;
  const isDate = LOCAL_DATE_PATTERN.test(raw);
  const day = isDate ? parseLocalDate(raw) : undefined;
  const moment = isDate
    ? day === undefined
      ? undefined
      : (edge === 'start' ? day : day + 1) * DAY
    : parseLocalDateTime(raw);
  if (moment === undefined) report(found, at, raw, `is not ${MOMENT.what}`, MOMENT.expected);
  return moment;
}
