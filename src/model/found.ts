/**
 * Problems found in a team file, and the words used to describe each place in it: shared by the shape check
 * (`shape-issues.ts`) and the semantic checks (`compile.ts`), so both speak alike.
 *
 * @internal
 * @module
 */
import { issue, type PathSegment, type ValidationIssue } from '../errors.js';
import { LIMITS } from './schema.js';
import { SLA_WORDS } from './sla-words.js';

/** A problem with its path still as segments, so problems can be sorted in input order. */
export interface Found {
  readonly at: readonly PathSegment[];
  readonly issue: ValidationIssue;
}

export type Path = readonly PathSegment[];

export function report(found: Found[], at: Path, value: unknown, problem: string, expected: string): void {
  found.push({ at, issue: issue(at, value, problem, expected) });
}

/** `what` completes "<value> is not ..."; `expected` goes in the parentheses. */
export interface Words {
  readonly what: string;
  readonly expected: string;
}

export const ZONE: Words = { what: 'a time zone', expected: 'an IANA zone name such as Europe/Paris' };
export const DATE: Words = { what: 'a date', expected: 'YYYY-MM-DD, a date that exists' };
export const MOMENT: Words = {
  what: 'a date or date-time',
  expected: 'YYYY-MM-DD or YYYY-MM-DDTHH:mm, one that exists',
};
export const RULE = 'coaches[].availability[]';
export const ONE_KIND = 'exactly one of days, rrule or date';

/** Keyed by path with array indexes blanked: `coaches[].availability[].to`. */
export const WORDS: Readonly<Record<string, Words>> = {
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
  ...SLA_WORDS,
};

export const FALLBACK: Words = { what: 'valid here', expected: 'what schema/team.schema.json describes' };

/** The path with array indexes blanked, as the keys of {@link WORDS}: `coaches[].availability[].to`. */
export function blankedKey(at: Path): string {
  let key = '';
  for (const segment of at) key += typeof segment === 'number' ? '[]' : key === '' ? segment : `.${segment}`;
  return key;
}

export function wordsAt(at: Path): Words {
  return WORDS[blankedKey(at)] ?? FALLBACK;
}

export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a key such as `constructor` or `__proto__` must not be read from the prototype. */
export function own(object: Raw, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * Reports every element of `list` (at `[listKey, i]`) whose `id`, a string matching `pattern`, an earlier element
 * already has: at the later one, naming the first (`coaches[2].id: "amelie" is already the id of coaches[0]`).
 * Malformed ids are left to the shape check.
 */
export function reportDuplicateIds(
  list: readonly unknown[],
  listKey: string,
  noun: string,
  pattern: RegExp,
  found: Found[],
  record: typeof report = report,
): void {
  const firstIndex = new Map<string, number>();
  list.forEach((element, i) => {
    const id = isRecord(element) ? own(element, 'id') : undefined;
    if (typeof id !== 'string' || !pattern.test(id)) return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else
      record(
        found,
        [listKey, i, 'id'],
        id,
        `is already the id of ${listKey}[${first}]`,
        `an id no other ${noun} has`,
      );
  });
}

// Input order: problems are sorted by where they sit in the file (keys in the order written, a missing key after
// the keys present, an object's own problem before its fields').

// the keys present, an object's own problem before its fields').

export function inputOrder(input: unknown): (a: Path, b: Path) => number {
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
