/**
 * Shape problems: zod's issues turned into plain words, with "did you mean" for misspelt keys. zod's own messages
 * never reach the user. The words come from a {@link Vocabulary}: the team file's by default, the request file's
 * from `requests-words.ts`.
 *
 * @internal
 * @module
 */
import type * as z from 'zod/mini';
import {
  blankedKey,
  type Found,
  isRecord,
  ONE_KIND,
  own,
  type Path,
  RULE,
  report,
  type Words,
  wordsAt,
} from './found.js';
import {
  coachSchema,
  coverageSchema,
  dateRuleSchema,
  RULE_KIND_KEYS,
  rruleRuleSchema,
  teamFileSchema,
  unavailableSchema,
  weeklyRuleSchema,
} from './schema.js';
import { doorSlaSchema, openingHoursSchema, slaSchema } from './sla-schema.js';

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
  // The SLA key (issue 7)
  sla: Object.keys(slaSchema.shape),
  'sla.coaches': Object.keys(doorSlaSchema.shape),
  'sla.cci': Object.keys(doorSlaSchema.shape),
  'sla.coaches.openingHours[]': Object.keys(openingHoursSchema.shape),
  'sla.cci.openingHours[]': Object.keys(openingHoursSchema.shape),
};

/** The words of one kind of file: what each place is, which keys each object has, and how a problem is recorded. */
export interface Vocabulary {
  /** Words for the place at `at`. */
  readonly wordsAt: (at: Path) => Words;
  /** Known keys of the object at `at`, for unknown-key messages and "did you mean". */
  readonly keysAt: (at: Path) => readonly string[];
  /** Records one problem, as `report` does (a file holding personal data redacts values here). */
  readonly report: typeof report;
}

/** The team file's words. */
const TEAM: Vocabulary = { wordsAt, keysAt: (at) => OBJECT_KEYS[blankedKey(at)] ?? [], report };

export function translate(
  zodIssue: z.core.$ZodIssue,
  base: Path,
  found: Found[],
  vocabulary: Vocabulary = TEAM,
): void {
  const at = [...base, ...zodIssue.path.map((s) => (typeof s === 'symbol' ? String(s) : s))];
  const words = vocabulary.wordsAt(at);
  const value = zodIssue.input;
  const report = vocabulary.report;
  switch (zodIssue.code) {
    case 'invalid_union':
      if (vocabulary === TEAM) {
        translateRuleUnion(zodIssue.errors, value, at, found);
        return;
      }
      break;
    case 'unrecognized_keys':
      for (const key of zodIssue.keys) unknownKey(value, key, at, found, vocabulary);
      return;
    case 'too_big':
      if (zodIssue.origin === 'string' && typeof value === 'string') {
        report(found, at, value, `is longer than ${zodIssue.maximum} characters`, words.expected);
        return;
      }
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
      for (const key of keys) unknownKey(value, key, at, found, TEAM);
    } else translate(branchIssue, at, found);
  }
}

function unknownKey(object: unknown, key: string, at: Path, found: Found[], vocabulary: Vocabulary): void {
  const value = isRecord(object) ? own(object, key) : undefined;
  const where = [...at, key];
  if (vocabulary === TEAM && blankedKey(at) === RULE && isRecord(object)) {
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
  const keys = vocabulary.keysAt(at);
  vocabulary.report(found, where, value, unknownKeyProblem(key, keys), `one of the keys ${keys.join(', ')}`);
}

/**
 * Completes "<value> ..." for a key the object does not have: `is under an unknown key`, with "did you mean" when
 * a known key is close.
 *
 * @example unknownKeyProblem('recievedAt', ['id', 'receivedAt']) === 'is under an unknown key; did you mean "receivedAt"?'
 */
export function unknownKeyProblem(key: string, known: readonly string[]): string {
  const near = nearestWord(key, known);
  return near === undefined ? 'is under an unknown key' : `is under an unknown key; did you mean "${near}"?`;
}

/**
 * The word of `known` closest to `word` (ignoring case) if it is within 2 edits (farther is a different word, not a
 * typo); `undefined` otherwise. For "did you mean" on keys and ids.
 *
 * @example nearestWord('amelei', ['amelie', 'bastien']) === 'amelie'
 */
export function nearestWord(word: string, known: Iterable<string>): string | undefined {
  let near: string | undefined;
  let nearest = 3;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === word.toLowerCase() ? 0 : editDistance(candidate, word);
    if (distance < nearest) [near, nearest] = [candidate, distance];
  }
  return near;
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
