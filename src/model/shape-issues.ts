/**
 * Shape problems: zod's issues turned into plain words, with "did you mean" for misspelt keys. zod's own messages
 * never reach the user.
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

export function translate(zodIssue: z.core.$ZodIssue, base: Path, found: Found[]): void {
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
