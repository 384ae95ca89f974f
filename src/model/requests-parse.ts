/**
 * Reads a request file: checks its shape with the zod schema, then what a shape cannot say (dates that do not
 * exist, windows ending before they start or more than a year away, duplicate ids, attempts by unknown coaches or
 * before the request arrived), and compiles it into {@link CallbackRequest}s, instants as UTC epoch ms.
 *
 * Every problem is reported at once, in the order it appears in the file, in plain words: zod's own messages never
 * reach the user, and personal data (a caller's contact) never appears in a problem (see `requests-words.ts`).
 * Paths start with `requests` in both forms of the file (`requests[3].contact.phone`).
 *
 * @module
 */
import { fail, ValidationError } from '../errors.js';
import { type Found, inputOrder, isRecord, own } from './found.js';
import type { CallbackRequest } from './request.js';
import { compileRequests } from './requests-compile.js';
import {
  DEFAULT_DURATION_MINUTES,
  REQUEST_LIMITS,
  requestFileObjectSchema,
  requestListSchema,
} from './requests-schema.js';
import { REQUEST_VOCABULARY, reportInRequests, requestWordsAt } from './requests-words.js';
import { translate } from './shape-issues.js';
import type { Team } from './team.js';

/** Options of {@link parseRequests}. */
export interface ParseRequestsOptions {
  /**
   * Length of the call to book for a request that gives no `durationMinutes`, in whole minutes, 15 to 240.
   *
   * @defaultValue 60
   */
  readonly defaultDurationMinutes?: number;
}

/**
 * What {@link safeParseRequests} returns: the requests, or the error listing every problem.
 *
 * @example
 * const result: SafeParseRequestsResult = safeParseRequests(json, team);
 * if (!result.success) console.error(result.error.message);
 */
export type SafeParseRequestsResult =
  | {
      /** The file is valid. */
      readonly success: true;
      /** The compiled requests, in the file's order. */
      readonly requests: CallbackRequest[];
    }
  | {
      /** The file has problems. */
      readonly success: false;
      /** Every problem found, in file order; problems about personal data are `redacted`. */
      readonly error: ValidationError;
    };

/**
 * Validates a request file (the parsed JSON) and compiles it into {@link CallbackRequest}s, in the file's order.
 *
 * The file is an array of requests, or `{ "$schema"?, "requests": [...] }`. Instants carry their offset
 * (`2026-12-02T12:00:00+01:00`, `...Z`) or are local date-times `YYYY-MM-DDTHH:mm[:ss]` read in `team.timeZone`
 * (a time in the spring-forward gap moves forward past it; one in the fall-back overlap is its earlier
 * occurrence). Windows are sorted and merged where they overlap or touch; attempts are sorted by time;
 * `firstContactAt` is the file's, else the first `reached` attempt's.
 *
 * @param input - the file's value, e.g. `JSON.parse(text)`; anything else is reported, not trusted.
 * @param team - the compiled team: its zone reads local date-times, its coaches are the only valid `coachId`s.
 * @param options - see {@link ParseRequestsOptions}.
 * @throws {@link ValidationError} listing every problem found (path, value and what was expected); a problem about
 *   personal data is `redacted`: it names the place, never the value. Nothing is returned half-done.
 * @example
 * ```ts
 * const [request] = parseRequests(
 *   [{ id: 'R-1', receivedAt: '2026-12-01T21:14:00+01:00', door: 'coaches', channel: 'sms',
 *      callbackWindows: [{ start: '2026-12-02T12:00', end: '2026-12-02T14:00' }] }],
 *   team, // Europe/Paris
 * );
 * request.callbackWindows // [{ start: Date.UTC(2026, 11, 2, 11), end: Date.UTC(2026, 11, 2, 13) }]
 * request.durationMinutes // 60
 * ```
 */
export function parseRequests(input: unknown, team: Team, options?: ParseRequestsOptions): CallbackRequest[] {
  const result = safeParseRequests(input, team, options);
  if (!result.success) throw result.error;
  return result.requests;
}

/**
 * Like {@link parseRequests}, but returns the error instead of throwing it: never throws on a bad file. (A bad
 * `options` value is a programming error and throws.)
 *
 * @example
 * ```ts
 * const result = safeParseRequests(JSON.parse(text), team);
 * if (result.success) plan(result.requests);
 * else for (const problem of result.error.issues) console.error(problem.message); // no personal data in them
 * ```
 */
export function safeParseRequests(
  input: unknown,
  team: Team,
  options: ParseRequestsOptions = {},
): SafeParseRequestsResult {
  const defaultDurationMinutes = resolveDefaultDuration(options);
  const found: Found[] = [];
  let list: unknown;
  if (Array.isArray(input)) {
    const shape = requestListSchema.safeParse(input, { reportInput: true });
    if (!shape.success)
      for (const zodIssue of shape.error.issues) translate(zodIssue, ['requests'], found, REQUEST_VOCABULARY);
    list = input;
  } else if (isRecord(input)) {
    const shape = requestFileObjectSchema.safeParse(input, { reportInput: true });
    if (!shape.success)
      for (const zodIssue of shape.error.issues) translate(zodIssue, [], found, REQUEST_VOCABULARY);
    list = own(input, 'requests');
  } else {
    const words = requestWordsAt([]);
    reportInRequests(found, [], input, `is not ${words.what}`, words.expected);
  }
  const requests = compileRequests(list, team, defaultDurationMinutes, found);
  if (found.length === 0) {
    // A well-shaped file always compiles; reaching here without requests is a bug, not bad input.
    if (requests === undefined) throw new Error('astreinte: a well-shaped request file did not compile');
    return { success: true, requests };
  }
  const order = inputOrder(Array.isArray(input) ? { requests: input } : input);
  found.sort((a, b) => order(a.at, b.at));
  return { success: false, error: new ValidationError(found.map((f) => f.issue)) };
}

function resolveDefaultDuration(options: ParseRequestsOptions): number {
  const minutes = options.defaultDurationMinutes ?? DEFAULT_DURATION_MINUTES;
  const { minDurationMinutes: min, maxDurationMinutes: max } = REQUEST_LIMITS;
  if (!Number.isInteger(minutes) || minutes < min || minutes > max) {
    fail(
      'options.defaultDurationMinutes',
      minutes,
      'is out of range',
      `a whole number of minutes, ${min} to ${max}`,
    );
  }
  return minutes;
}
