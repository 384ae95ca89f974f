/**
 * The words of the request file's problems, and how they keep personal data out of error messages: shared by the
 * shape check (through `shape-issues.ts`) and the semantic checks (`requests-compile.ts`), so both speak alike.
 *
 * **Confidentiality.** A problem found under `contact`, or under a key the file does not define (its content is
 * unknown: a note about the caller, a misplaced phone number), never carries its value: the issue is
 * {@link redactedIssue redacted}. A value shown elsewhere that holds such data (a request that is not an object, the
 * file's root, a list too long), or that looks like a phone number or an e-mail address wherever it is, is named by
 * its type (`an array`, `a string`), never printed.
 *
 * The tables are built in `/* @__PURE__ *\/` calls, so a page that never parses a request file drops them.
 *
 * @internal
 * @module
 */
import { redactedIssue } from '../errors.js';
import { blankedKey, type Found, isRecord, type Path, report, type Words } from './found.js';
import { ATTEMPT_OUTCOMES, CHANNELS, DOORS, OUTCOMES, TOPICS } from './request.js';
import {
  attemptSchema,
  callbackWindowSchema,
  contactSchema,
  EMAIL_PATTERN,
  PHONE_PATTERN,
  pauseSchema,
  REQUEST_LIMITS,
  requestFileObjectSchema,
  requestSchema,
} from './requests-schema.js';
import type { Vocabulary } from './shape-issues.js';

export const INSTANT: Words = {
  what: 'an instant',
  expected:
    'ISO 8601 with its offset, such as 2026-12-02T12:00:00+01:00, or a local date-time YYYY-MM-DDTHH:mm in the ' +
    'team\u2019s time zone; a date that exists',
};

const ID: Words = {
  what: 'a request id',
  expected: `letters, digits, ".", "_" or "-", starting with a letter or digit, at most ${REQUEST_LIMITS.idLength} characters`,
};

const oneOf = (codes: readonly string[]) => `one of ${codes.join(', ')}`;

/** Keyed by path with array indexes blanked: `requests[].callbackWindows[].end`. */
const WORDS: Readonly<Record<string, Words>> = /* @__PURE__ */ (() => ({
  '': { what: 'a request file', expected: 'an array of requests, or an object with requests' },
  $schema: { what: 'a schema reference', expected: 'a string, the URL or path of the JSON Schema' },
  requests: {
    what: 'a list of requests',
    expected: `an array of at most ${REQUEST_LIMITS.requests} requests`,
  },
  'requests[]': {
    what: 'a request',
    expected: 'an object with id, receivedAt, door, channel and callbackWindows',
  },
  'requests[].id': ID,
  'requests[].receivedAt': INSTANT,
  'requests[].door': { what: 'a door', expected: oneOf(DOORS) },
  'requests[].channel': { what: 'a channel', expected: oneOf(CHANNELS) },
  'requests[].topic': { what: 'a topic', expected: oneOf(TOPICS) },
  'requests[].caseId': { ...ID, what: 'a case id' },
  'requests[].callbackWindows': {
    what: 'a list of callback windows',
    expected: `an array of at most ${REQUEST_LIMITS.callbackWindows} { start, end } windows`,
  },
  'requests[].callbackWindows[]': { what: 'a callback window', expected: 'an object with start and end' },
  'requests[].callbackWindows[].start': INSTANT,
  'requests[].callbackWindows[].end': INSTANT,
  'requests[].durationMinutes': {
    what: 'a length of call',
    expected: `a whole number of minutes, ${REQUEST_LIMITS.minDurationMinutes} to ${REQUEST_LIMITS.maxDurationMinutes}`,
  },
  'requests[].contact': { what: 'a contact', expected: 'an object with name, phone or email' },
  'requests[].contact.name': {
    what: 'a name',
    expected: `a non-empty string of at most ${REQUEST_LIMITS.nameLength} characters`,
  },
  'requests[].contact.phone': {
    what: 'a phone number',
    expected: 'digits, with an optional leading + and spaces, dots, dashes or parentheses; 6 to 20 digits',
  },
  'requests[].contact.email': {
    what: 'an e-mail address',
    expected: `an address local@domain.tld of at most ${REQUEST_LIMITS.emailLength} characters`,
  },
  'requests[].attempts': {
    what: 'a list of attempts',
    expected: `an array of at most ${REQUEST_LIMITS.attempts} { at, coachId, outcome }`,
  },
  'requests[].attempts[]': { what: 'an attempt', expected: 'an object with at, coachId and outcome' },
  'requests[].attempts[].at': INSTANT,
  'requests[].attempts[].coachId': {
    what: 'a coach id',
    expected: 'the id of one of the team\u2019s coaches',
  },
  'requests[].attempts[].outcome': { what: 'an attempt outcome', expected: oneOf(ATTEMPT_OUTCOMES) },
  'requests[].firstContactAt': { ...INSTANT, expected: `${INSTANT.expected}; or null` },
  'requests[].pauses': {
    what: 'a list of pauses',
    expected: `an array of at most ${REQUEST_LIMITS.pauses} { start, end } pauses`,
  },
  'requests[].pauses[]': { what: 'a pause', expected: 'an object with start and end' },
  'requests[].pauses[].start': INSTANT,
  'requests[].pauses[].end': INSTANT,
  'requests[].outcome': { what: 'an outcome', expected: `${oneOf(OUTCOMES)}; or null` },
}))();

const FALLBACK: Words = { what: 'valid here', expected: 'what schema/requests.schema.json describes' };

/** Known keys of each object of the file, keyed as {@link WORDS}. */
const OBJECT_KEYS: Readonly<Record<string, readonly string[]>> = /* @__PURE__ */ (() => ({
  '': Object.keys(requestFileObjectSchema.shape),
  'requests[]': Object.keys(requestSchema.shape),
  'requests[].callbackWindows[]': Object.keys(callbackWindowSchema.shape),
  'requests[].contact': Object.keys(contactSchema.shape),
  'requests[].attempts[]': Object.keys(attemptSchema.shape),
  'requests[].pauses[]': Object.keys(pauseSchema.shape),
}))();

const KNOWN_KEYS = /* @__PURE__ */ (() => new Set(Object.values(OBJECT_KEYS).flat()))();
/** Keys whose values are personal data wherever they sit. */
const PERSONAL_KEYS = /* @__PURE__ */ (() => new Set(['contact', ...Object.keys(contactSchema.shape)]))();
/** Places whose value, when shown, is a request or holds requests: never printed, only named by its type. */
const CONTAINERS = /* @__PURE__ */ (() => new Set(['', 'requests', 'requests[]']))();

export function requestWordsAt(at: Path): Words {
  return WORDS[blankedKey(at)] ?? FALLBACK;
}

function keysAt(at: Path): readonly string[] {
  return OBJECT_KEYS[blankedKey(at)] ?? [];
}

/**
 * `true` when the value at `at` may be personal data: it lies under `contact` (or one of its keys), or under a key
 * the file does not define.
 */
function isPrivatePlace(at: Path): boolean {
  return at.some(
    (segment, i) =>
      typeof segment === 'string' &&
      (PERSONAL_KEYS.has(segment) || !keysAt(at.slice(0, i)).includes(segment)),
  );
}

/**
 * `true` when a value looks like a phone number or an e-mail address, or is an object or array holding, at any
 * depth, such a string, a personal key or a key the file does not define.
 */
function holdsPrivate(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return PHONE_PATTERN.test(value) || EMAIL_PATTERN.test(value);
  if (typeof value !== 'object' || value === null) return false;
  if (depth > 64) return true; // too deep to look through: assume the worst
  const keys = Array.isArray(value) ? [] : Object.keys(value);
  if (keys.some((key) => PERSONAL_KEYS.has(key) || !KNOWN_KEYS.has(key))) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => holdsPrivate(child, depth + 1));
}

/** What a value is, without its content: `an array`, `an object`, `a string`. */
function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'an array' : isRecord(value) ? 'an object' : `a ${typeof value}`;
}

/**
 * Records a problem of the request file: as `report` does, except that personal data (see the module's note) is
 * never carried nor printed.
 */
export function reportInRequests(
  found: Found[],
  at: Path,
  value: unknown,
  problem: string,
  expected: string,
): void {
  if (isPrivatePlace(at)) found.push({ at, issue: redactedIssue(at, problem, expected) });
  else if (
    (CONTAINERS.has(blankedKey(at)) && (typeof value === 'string' || typeof value === 'object')) ||
    holdsPrivate(value)
  ) {
    if (value === null) report(found, at, value, problem, expected);
    else found.push({ at, issue: redactedIssue(at, problem, expected, typeOf(value)) });
  } else report(found, at, value, problem, expected);
}

/** The request file's words, for `translate`. */
export const REQUEST_VOCABULARY: Vocabulary = { wordsAt: requestWordsAt, keysAt, report: reportInRequests };
