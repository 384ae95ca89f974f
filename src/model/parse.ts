/**
 * Reads a team file: checks its shape with the zod schema, then what a shape cannot say (dates that do not exist,
 * empty windows, unknown zones, duplicate ids, RRULEs...), and compiles it into a {@link Team}.
 *
 * Every problem is reported at once, in the order it appears in the file, in plain words: zod's own messages never
 * reach the user. The semantic pass walks the raw input defensively, so it still checks the parts that are well
 * shaped when others are not; it skips what the shape check already reported.
 *
 * @module
 */
import type { z } from 'zod';
import { parseLocalDate, parseLocalDateTime, parseTimeOfDay, WEEKDAY_CODES } from '../time/local.js';
import { type AvailabilityRule, checkRRule, type RRuleCheck, type WindowTimes } from '../time/recurrence.js';
import { DAY, type LocalDate, type LocalDateTime } from '../time/types.js';
import { isKnownZone } from '../time/zone.js';
import { describeValue, issue, type PathSegment, ValidationError, type ValidationIssue } from './errors.js';
import {
  COACH_ID_PATTERN,
  coachSchema,
  coverageSchema,
  dateRuleSchema,
  LIMITS,
  LOCAL_DATE_OR_DATE_TIME_PATTERN,
  LOCAL_DATE_PATTERN,
  RULE_KIND_KEYS,
  rruleRuleSchema,
  START_TIME_PATTERN,
  TIME_OF_DAY_PATTERN,
  teamFileSchema,
  unavailableSchema,
  weeklyRuleSchema,
} from './schema.js';
import type { Coach, Team, UnavailableSpan } from './team.js';

/**
 * What {@link safeParseTeam} returns: the team, or the error listing every problem.
 *
 * @example
 * const result: SafeParseTeamResult = safeParseTeam(json);
 * if (!result.success) console.error(result.error.message);
 */
export type SafeParseTeamResult =
  | { readonly success: true; readonly team: Team }
  | { readonly success: false; readonly error: ValidationError };

/**
 * Validates a team file (the parsed JSON) and compiles it into a {@link Team}.
 *
 * @param input - the team file's value, e.g. `JSON.parse(text)`; anything else is reported, not trusted.
 * @throws {@link ValidationError} listing every problem found, each with its path, the value and what was expected.
 * @example
 * ```ts
 * const team = parseTeam({
 *   name: 'Ça va patron ?',
 *   timeZone: 'Europe/Paris',
 *   coaches: [{ id: 'amelie', name: 'Amélie', availability: [{ days: ['MO'], from: '19:00', to: '23:00' }] }],
 * });
 * team.coaches[0].availability[0] // { kind: 'weekly', weekdays: 1, everyWeeks: 1, startMinute: 1140, endMinute: 1380 }
 * ```
 */
export function parseTeam(input: unknown): Team {
  const result = safeParseTeam(input);
  if (!result.success) throw result.error;
  return result.team;
}

/**
 * Like {@link parseTeam}, but returns the error instead of throwing it: never throws on bad input.
 *
 * @example
 * ```ts
 * const result = safeParseTeam(JSON.parse(text));
 * if (result.success) useTeam(result.team);
 * else for (const problem of result.error.issues) console.error(problem.message);
 * ```
 */
export function safeParseTeam(input: unknown): SafeParseTeamResult {
  const found: Found[] = [];
  const shape = teamFileSchema.safeParse(input, { reportInput: true });
  if (!shape.success) for (const zodIssue of shape.error.issues) translate(zodIssue, [], found);
  const team = compileTeam(input, found);
  if (found.length === 0) {
    // A well-shaped file always compiles; reaching here without a team is a bug, not bad input.
    if (team === undefined) throw new Error('astreinte: a well-shaped team file did not compile');
    return { success: true, team };
  }
  const order = inputOrder(input);
  found.sort((a, b) => order(a.at, b.at));
  return { success: false, error: new ValidationError(found.map((f) => f.issue)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Words: what each place in the file holds, for messages from the shape check and the semantic checks alike.

/** A problem with its path still as segments, so problems can be sorted in input order. */
interface Found {
  readonly at: readonly PathSegment[];
  readonly issue: ValidationIssue;
}

type Path = readonly PathSegment[];

function report(found: Found[], at: Path, value: unknown, problem: string, expected: string): void {
  found.push({ at, issue: issue(at, value, problem, expected) });
}

/** `what` completes "<value> is not ..."; `expected` goes in the parentheses. */
interface Words {
  readonly what: string;
  readonly expected: string;
}

const ZONE: Words = { what: 'a time zone', expected: 'an IANA zone name such as Europe/Paris' };
const DATE: Words = { what: 'a date', expected: 'YYYY-MM-DD, a date that exists' };
const MOMENT: Words = {
  what: 'a date or date-time',
  expected: 'YYYY-MM-DD or YYYY-MM-DDTHH:mm, one that exists',
};
const RULE = 'coaches[].availability[]';
const ONE_KIND = 'exactly one of days, rrule or date';

/** Keyed by path with array indexes blanked: `coaches[].availability[].to`. */
const WORDS: Readonly<Record<string, Words>> = {
  '': { what: 'a team', expected: 'an object with name, timeZone and coaches' },
  $schema: { what: 'a schema reference', expected: 'a string, the URL or path of the JSON Schema' },
  name: { what: 'a team name', expected: 'a non-empty string' },
  timeZone: ZONE,
  coverage: { what: 'a coverage policy', expected: 'an object such as { "minCoaches": 1 }' },
  'coverage.minCoaches': { what: 'a minimum number of coaches', expected: 'a whole number, 1 or more' },
  coaches: { what: 'a list of coaches', expected: `an array of 1 to ${LIMITS.coaches} coaches` },
  'coaches[]': { what: 'a coach', expected: 'an object with id, name and availability' },
  'coaches[].id': {
    what: 'a coach id',
    expected: 'letters, digits, ".", "_" or "-", starting with a letter or digit',
  },
  'coaches[].name': { what: 'a coach name', expected: 'a non-empty string' },
  'coaches[].timeZone': ZONE,
  'coaches[].availability': {
    what: 'a list of availability rules',
    expected: `an array of at most ${LIMITS.availability} rules`,
  },
  [RULE]: { what: 'an availability rule', expected: `an object with ${ONE_KIND}, and from and to` },
  [`${RULE}.days`]: {
    what: 'a list of weekdays',
    expected: 'a non-empty array of weekday codes MO, TU, WE, TH, FR, SA, SU, each at most once',
  },
  [`${RULE}.days[]`]: { what: 'a weekday code', expected: 'one of MO, TU, WE, TH, FR, SA, SU' },
  [`${RULE}.rrule`]: { what: 'an RRULE', expected: 'an RFC 5545 RRULE such as FREQ=MONTHLY;BYDAY=1SU' },
  [`${RULE}.date`]: DATE,
  [`${RULE}.from`]: {
    what: 'a start time',
    expected: 'HH:mm, 00:00 to 23:59; 24:00 can only end a window',
  },
  [`${RULE}.to`]: { what: 'a time of day', expected: 'HH:mm, 00:00 to 24:00' },
  [`${RULE}.everyWeeks`]: { what: 'a number of weeks', expected: 'a whole number, 1 or more' },
  [`${RULE}.startDate`]: DATE,
  [`${RULE}.endDate`]: DATE,
  'coaches[].unavailable': {
    what: 'a list of absences',
    expected: `an array of at most ${LIMITS.unavailable} { from, to } entries`,
  },
  'coaches[].unavailable[]': { what: 'an absence', expected: 'an object with from and to' },
  'coaches[].unavailable[].from': MOMENT,
  'coaches[].unavailable[].to': MOMENT,
  'coaches[].unavailable[].reason': { what: 'a reason', expected: 'a string' },
  'coaches[].maxHoursPerWeek': { what: 'a weekly cap', expected: 'a number of hours above 0, at most 168' },
  'coaches[].weight': { what: 'a weight', expected: 'a number above 0' },
  'coaches[].skills': { what: 'a list of skills', expected: 'an array of non-empty strings' },
  'coaches[].skills[]': { what: 'a skill', expected: 'a non-empty string' },
};

const FALLBACK: Words = { what: 'valid here', expected: 'what schema/team.schema.json describes' };

/** The path with array indexes blanked, as the keys of {@link WORDS}: `coaches[].availability[].to`. */
function blankedKey(at: Path): string {
  let key = '';
  for (const segment of at) key += typeof segment === 'number' ? '[]' : key === '' ? segment : `.${segment}`;
  return key;
}

function wordsAt(at: Path): Words {
  return WORDS[blankedKey(at)] ?? FALLBACK;
}

/** Kinds of availability rule by their key, for messages about keys that belong to another kind. */
const RULE_KINDS = {
  days: { name: 'a weekly (days) rule', keys: Object.keys(weeklyRuleSchema.shape) },
  rrule: { name: 'an rrule rule', keys: Object.keys(rruleRuleSchema.shape) },
  date: { name: 'a one-off (date) rule', keys: Object.keys(dateRuleSchema.shape) },
} as const;

const ALL_RULE_KEYS = [...new Set(Object.values(RULE_KINDS).flatMap((kind) => kind.keys))];

/** Known keys of the object at `at` (blanked), for unknown-key messages. */
const OBJECT_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(teamFileSchema.shape),
  coverage: Object.keys(coverageSchema.shape),
  'coaches[]': Object.keys(coachSchema.shape),
  'coaches[].unavailable[]': Object.keys(unavailableSchema.shape),
};

// ---------------------------------------------------------------------------------------------------------------
// Shape problems: zod issues into plain words.

function translate(zodIssue: z.core.$ZodIssue, base: Path, found: Found[]): void {
  const at = [...base, ...zodIssue.path.map((s) => (typeof s === 'symbol' ? String(s) : s))];
  const words = wordsAt(at);
  const value = zodIssue.input;
  switch (zodIssue.code) {
    case 'invalid_union':
      translateRuleUnion(zodIssue.errors, value, at, found);
      return;
    case 'unrecognized_keys':
      for (const key of zodIssue.keys) unknownKey(value, key, at, found);
      return;
    case 'too_big':
      if (zodIssue.origin === 'array' && Array.isArray(value)) {
        report(
          found,
          at,
          value,
          `has ${value.length} entries, more than ${zodIssue.maximum}`,
          words.expected,
        );
        return;
      }
      break;
    case 'too_small':
      if ((zodIssue.origin === 'string' || zodIssue.origin === 'array') && zodIssue.minimum === 1) {
        report(found, at, value, 'is empty', words.expected);
        return;
      }
      break;
  }
  if ((zodIssue.code === 'too_big' || zodIssue.code === 'too_small') && typeof value === 'number') {
    report(found, at, value, 'is out of range', words.expected);
    return;
  }
  report(found, at, value, `is not ${words.what}`, words.expected);
}

/**
 * An availability rule matched no kind. Which kind was meant is told by its key (`days`, `rrule`, `date`), so only
 * that kind's problems are reported; a rule with none or several of the keys gets one problem saying so.
 */
function translateRuleUnion(
  branches: readonly z.core.$ZodIssue[][],
  value: unknown,
  at: Path,
  found: Found[],
) {
  const words = wordsAt(at);
  if (!isRecord(value)) {
    report(found, at, value, `is not ${words.what}`, words.expected);
    return;
  }
  const kinds = RULE_KIND_KEYS.filter((key) => Object.hasOwn(value, key));
  if (kinds.length !== 1) {
    const problem = kinds.length === 0 ? 'has none of days, rrule or date' : `has ${kinds.join(' and ')}`;
    report(found, at, value, problem, ONE_KIND);
  }
  const meant = kinds[0] ?? 'days';
  for (const branchIssue of branches[RULE_KIND_KEYS.indexOf(meant)] ?? []) {
    // The missing or extra kind keys were the subject of the problem above.
    if (kinds.length === 0 && branchIssue.path.length === 1 && branchIssue.path[0] === meant) continue;
    if (branchIssue.code === 'unrecognized_keys') {
      const keys = branchIssue.keys.filter((key) => !(RULE_KIND_KEYS as readonly string[]).includes(key));
      for (const key of keys) unknownKey(value, key, at, found);
    } else translate(branchIssue, at, found);
  }
}

function unknownKey(object: unknown, key: string, at: Path, found: Found[]): void {
  const value = isRecord(object) ? own(object, key) : undefined;
  const where = [...at, key];
  if (blankedKey(at) === RULE && isRecord(object)) {
    const kindKey = RULE_KIND_KEYS.find((k) => Object.hasOwn(object, k));
    const kind = RULE_KINDS[kindKey ?? 'days'];
    const known = kind.keys.join(', ');
    if (ALL_RULE_KEYS.includes(key)) {
      const hint = kindKey === 'rrule' && key === 'everyWeeks' ? '; use INTERVAL in the RRULE' : '';
      report(found, where, value, `is not allowed on ${kind.name}${hint}`, `only the keys ${known}`);
    } else {
      // Without a kind key the misspelt key may well be that key: suggest among every rule key.
      const suggestions = kindKey === undefined ? ALL_RULE_KEYS : kind.keys;
      report(found, where, value, unknownKeyProblem(key, suggestions), `one of the keys ${known}`);
    }
    return;
  }
  const keys = OBJECT_KEYS[blankedKey(at)] ?? [];
  report(found, where, value, unknownKeyProblem(key, keys), `one of the keys ${keys.join(', ')}`);
}

function unknownKeyProblem(key: string, known: readonly string[]): string {
  let near: string | undefined;
  let nearest = 3; // farther than 2 edits is a different word, not a typo
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(candidate, key);
    if (distance < nearest) [near, nearest] = [candidate, distance];
  }
  return near === undefined ? 'is under an unknown key' : `is under an unknown key; did you mean "${near}"?`;
}

/** Levenshtein distance, for "did you mean" on short key names (the key is cut: it comes from the input). */
function editDistance(a: string, b: string): number {
  const s = b.slice(0, 40);
  let previous = Array.from({ length: s.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= s.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === s[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[s.length] as number;
}

// ---------------------------------------------------------------------------------------------------------------
// Semantic checks and compilation. Each function takes the raw value, reports what only it can see, and returns
// the compiled value or `undefined`; it returns `undefined` silently where the shape check has reported already.

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a key such as `constructor` or `__proto__` must not be read from the prototype. */
function own(object: Raw, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * Answers of the costly checks, by their question: a team of thousands of coaches names a handful of zones and
 * RRULEs, and asking Intl about a zone or rrule about an RRULE (~0.3 ms) for each would dominate a parse.
 */
interface Memo {
  readonly zones: Map<string, boolean>;
  readonly rrules: Map<string, RRuleCheck>;
}

function compileTeam(input: unknown, found: Found[]): Team | undefined {
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
  if (typeof minCoaches !== 'number') return undefined;
  return { name, timeZone, coverage: { minCoaches }, coaches };
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
  const firstIndex = new Map<string, number>();
  coaches.forEach((coach, i) => {
    const id = isRecord(coach) ? own(coach, 'id') : undefined;
    if (typeof id !== 'string' || !COACH_ID_PATTERN.test(id)) return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else
      report(
        found,
        ['coaches', i, 'id'],
        id,
        `is already the id of coaches[${first}]`,
        'an id no other coach has',
      );
  });
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

// ---------------------------------------------------------------------------------------------------------------
// Input order: problems are sorted by where they sit in the file (keys in the order written, a missing key after
// the keys present, an object's own problem before its fields').

function inputOrder(input: unknown): (a: Path, b: Path) => number {
  return (a, b) => {
    let node = input;
    for (let i = 0; i < a.length && i < b.length; i++) {
      const x = a[i] as PathSegment;
      const y = b[i] as PathSegment;
      if (x !== y) return rank(node, x) - rank(node, y);
      node =
        Array.isArray(node) && typeof x === 'number'
          ? node[x]
          : isRecord(node)
            ? own(node, String(x))
            : undefined;
    }
    return a.length - b.length;
  };
}

function rank(node: unknown, segment: PathSegment): number {
  if (typeof segment === 'number') return segment;
  if (!isRecord(node)) return 0;
  const keys = Object.keys(node);
  const index = keys.indexOf(segment);
  return index === -1 ? keys.length : index;
}
