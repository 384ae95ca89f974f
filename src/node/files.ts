/**
 * The files astreinte reads (the command, and `astreinte/node`): the team, a rota policy, a previous rota,
 * overrides. Each problem is reported with the file it was found in and its path there; instants in files must say
 * their offset (or, for overrides, be local times in the team's zone), so nothing depends on the host's zone. The
 * reading itself is passed in (`ReadFile`), so this module imports nothing from Node.
 *
 * @module
 */

import { fail, issue, type PathSegment, ValidationError, type ValidationIssue } from '../errors.js';
import type { Booking } from '../matching/plan.js';
import { type MatchingPolicyInput, resolveMatchingPolicy } from '../matching/policy.js';
import { parseTeam } from '../model/parse.js';
import type { CallbackRequest } from '../model/request.js';
import { parseRequests } from '../model/requests-parse.js';
import type { Team } from '../model/team.js';
import { type RotaPolicyInput, resolvePolicy } from '../rota/policy.js';
import type { Override, Shift } from '../rota/rota.js';
import { parseIsoInstant } from '../time/iso.js';
import { parseLocalDateTime } from '../time/local.js';
import type { Instant } from '../time/types.js';
import { zonedToInstant } from '../time/zone.js';

/**
 * Reads files as UTF-8 text; throws a Node-style error (with `code`, e.g. `ENOENT`, `EISDIR`) when it cannot, so
 * the readers can say "does not exist" or "is a folder".
 *
 * @example
 * // Files kept in memory, as tests and the in-process command runner do:
 * const files: Record<string, string> = { 'team.json': teamText };
 * const readFile: ReadFile = (path) => {
 *   const text = files[path];
 *   if (text === undefined) throw Object.assign(new Error(`no ${path}`), { code: 'ENOENT' });
 *   return text;
 * };
 */
export type ReadFile = (path: string) => string;

/**
 * Reads and validates a team file; file and JSON problems become validation errors naming the file, and each
 * problem of its content starts with the file (`team.json: coaches[0].id: ...`), as in every other file.
 *
 * @throws {@link index!ValidationError} for a missing, unreadable or malformed file, or a team file with problems.
 * @example
 * const team = loadTeam('team.json', { readFile }); // `readFile` as in the example of `ReadFile`
 * loadTeam('missing.json', { readFile });
 * // ValidationError: team file: "missing.json" does not exist (expected a readable JSON team file)
 */
export function loadTeam(path: string, io: { readonly readFile: ReadFile }): Team {
  const json = readJson('team file', path, 'a readable JSON team file', io);
  try {
    return parseTeam(json);
  } catch (error) {
    if (error instanceof ValidationError) throw inFile(path, error.issues);
    throw error;
  }
}

/** Reads a JSON file; a missing, unreadable or malformed file is a validation error naming it. */
function readJson(
  what: string,
  path: string,
  expected: string,
  io: { readonly readFile: ReadFile },
): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const problem =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
    return fail(what, path, problem, expected);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(what, path, `is not valid JSON (${(error as Error).message})`, 'a JSON object');
  }
}

/**
 * Reads and validates a request file against the team; every problem names the file (never a contact detail).
 *
 * @throws {@link index!ValidationError} listing every problem, personal data redacted.
 * @example const requests = loadRequests('requests.json', team, { readFile }); // CallbackRequest[], file order
 */
export function loadRequests(
  path: string,
  team: Team,
  io: { readonly readFile: ReadFile },
): CallbackRequest[] {
  const json = readJson('request file', path, 'a readable JSON request file', io);
  try {
    return parseRequests(json, team);
  } catch (error) {
    if (error instanceof ValidationError) throw inFile(path, error.issues);
    throw error;
  }
}

/**
 * Reads a matching policy file (`MatchingPolicyInput`) and checks it now, so its problems name the file; an
 * unknown setting, or a null one, is refused, and an optional `"$schema"` string (for editors) is ignored. Returns
 * the file's settings, without `$schema` (resolve them with `resolveMatchingPolicy`).
 *
 * @throws {@link index!ValidationError} naming the file and each bad setting.
 * @example loadMatchingPolicy('matching.json', { readFile }) // { bufferMinutes: 30 }
 */
export function loadMatchingPolicy(path: string, io: { readonly readFile: ReadFile }): MatchingPolicyInput {
  const json = readJson('matching policy file', path, 'a readable JSON matching policy', io);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw inFile(path, [issue('policy', json, 'is not a policy', 'a JSON object of matching settings')]);
  }
  const { issues, settings } = policySettings(json as Record<string, unknown>);
  try {
    resolveMatchingPolicy(settings as MatchingPolicyInput);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0) throw inFile(path, issues);
  return settings as MatchingPolicyInput;
}

/**
 * A policy file's settings without its `$schema` key (editors' business, so it must be a string) and without its
 * null settings, which are refused: `resolvePolicy` and `resolveMatchingPolicy` would read null as "the default",
 * and a file saying null most likely meant something else (the JSON Schemas refuse null too).
 */
function policySettings(json: Record<string, unknown>): {
  readonly issues: ValidationIssue[];
  readonly settings: Record<string, unknown>;
} {
  const issues = schemaKeyIssues(json);
  for (const [key, value] of Object.entries(json)) {
    if (value === null) {
      issues.push(issue(['policy', key], value, 'is null', 'a value, or no key at all for the default'));
    }
  }
  // `Object.fromEntries` defines own keys: assigning a `__proto__` key would set the prototype instead, hiding the
  // key from the check of unknown settings and lending its settings to the policy.
  const settings = Object.fromEntries(
    Object.entries(json).filter(([key, value]) => key !== '$schema' && value !== null),
  );
  return { issues, settings };
}

/** The problem of a `$schema` key that is not a string (a file's `$schema` is for editors; astreinte ignores it). */
function schemaKeyIssues(json: unknown): ValidationIssue[] {
  const value =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>).$schema
      : undefined;
  return value === undefined || typeof value === 'string'
    ? []
    : [issue('$schema', value, 'is not a schema reference', 'the URL or path of a JSON Schema')];
}

/** Settings a policy file may hold (see `RotaPolicyInput`). */
const POLICY_KEYS = [
  'layers',
  'handOffTimes',
  'minShiftMinutes',
  'maxStretchHours',
  'minRestHours',
  'night',
  'layerSkills',
  'layerWeights',
];

/**
 * Reads a policy file and checks it now, so its problems are reported against the file (`p.json: policy.layers[1]:
 * ...`); a misspelt setting is refused rather than silently replaced by its default, and so is a null one; an
 * optional `"$schema"` string (for editors) is ignored. Returns the file's settings, without `$schema` (a
 * `RotaPolicyInput`, for `generateRota`).
 *
 * @throws {@link index!ValidationError} naming the file and every bad or unknown setting.
 * @example
 * loadPolicy('policy.json', { readFile }) // { handOffTimes: ['08:00', '20:00'] }
 * loadPolicy('bad-policy.json', { readFile }); // { "handOffTime": [...] }
 * // ValidationError: bad-policy.json: policy.handOffTime: ["08:00"] is not a policy setting (expected one of ...)
 */
export function loadPolicy(path: string, io: { readonly readFile: ReadFile }): RotaPolicyInput {
  const json = readJson('policy file', path, 'a readable JSON rota policy', io);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw inFile(path, [issue('policy', json, 'is not a policy', 'a JSON object of policy settings')]);
  }
  const { issues, settings } = policySettings(json as Record<string, unknown>);
  for (const key of Object.keys(settings)) {
    if (!POLICY_KEYS.includes(key)) {
      issues.push(
        issue(['policy', key], settings[key], 'is not a policy setting', `one of ${POLICY_KEYS.join(', ')}`),
      );
    }
  }
  const known = Object.fromEntries(Object.entries(settings).filter(([key]) => POLICY_KEYS.includes(key)));
  try {
    resolvePolicy(known as RotaPolicyInput);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0) throw inFile(path, issues);
  return known as RotaPolicyInput;
}

/**
 * Reads a rota printed earlier by `astreinte rota --format json` and turns its shifts back into instants. Each
 * `start` / `end` must carry its offset, so it denotes one instant whatever the host's zone. Only `shifts` is read,
 * and in each shift only `layer`, `coachId`, `start` and `end` (an `override` mark is not); a `"$schema"` key (for
 * editors: `schema/rota.schema.json`) must be a string.
 *
 * @throws {@link index!ValidationError} naming the file and each bad shift's path (`shifts[3].end`).
 * @example
 * const previous = loadPrevious('rota.json', { readFile });
 * // [{ layer: 'primary', coachId: 'amelie', start: Date.UTC(2026, 11, 1, 18), end: Date.UTC(2026, 11, 1, 22) }]
 */
export function loadPrevious(path: string, io: { readonly readFile: ReadFile }): Shift[] {
  const json = readJson('previous rota file', path, 'a rota printed by astreinte rota --format json', io);
  const list = typeof json === 'object' && json !== null ? (json as { shifts?: unknown }).shifts : undefined;
  refuseBadSchemaKey(path, json);
  return readSpans(path, 'shifts', list, 'the JSON printed by astreinte rota --format json', (text) =>
    parseIsoInstant(text),
  ).map(toShift);
}

/**
 * Reads an overrides file: a JSON array (or `{ "overrides": [...] }`) of `{ layer, coachId, start, end }`, where
 * `start` / `end` are ISO 8601 instants with their offset, or local date-times `YYYY-MM-DDTHH:mm` in the team's
 * zone (read by the DST rules of `localToInstant`). Coaches and layers are checked later, by `generateRota`. Other
 * keys are not read; the object form may carry a `"$schema"` string, for editors (`schema/overrides.schema.json`).
 *
 * @throws {@link index!ValidationError} naming the file and each bad entry's path.
 * @example
 * // overrides.json: [{ "layer": "primary", "coachId": "amelie", "start": "2026-12-24T18:00", "end": "2026-12-25T08:00" }]
 * loadOverrides('overrides.json', team, { readFile })
 * // [{ layer: 'primary', coachId: 'amelie', start: Date.UTC(2026, 11, 24, 17), end: Date.UTC(2026, 11, 25, 7) }]
 */
export function loadOverrides(path: string, team: Team, io: { readonly readFile: ReadFile }): Override[] {
  const json = readJson('overrides file', path, 'a JSON list of overrides', io);
  const list = Array.isArray(json) ? json : (json as { overrides?: unknown } | null)?.overrides;
  refuseBadSchemaKey(path, json);
  return readSpans(path, 'overrides', list, 'a list of { layer, coachId, start, end }', instantIn(team)).map(
    toShift,
  );
}

/**
 * A reader of instants as files write them: an ISO 8601 instant with its offset, or a local date-time
 * `YYYY-MM-DDTHH:mm` (no seconds) in the team's zone, by the DST rules of `localToInstant`; `undefined` for
 * anything else.
 *
 * @example
 * const instantOf = instantIn(team); // Europe/Paris
 * instantOf('2026-12-01T19:00') === Date.UTC(2026, 11, 1, 18)
 * instantOf('2026-12-01T19:00:00Z') === Date.UTC(2026, 11, 1, 19)
 * instantOf('2026-12-01T19:00:00') === undefined // local with seconds: not accepted here
 */
export function instantIn(team: Team): (text: string) => Instant | undefined {
  return (text) => {
    const local = parseLocalDateTime(text);
    return local === undefined ? parseIsoInstant(text) : zonedToInstant(team.timeZone, local);
  };
}

/**
 * Reads a bookings file: a JSON list (or `{ "bookings": [...] }`, or the JSON printed by `astreinte match --format
 * json`, whose `placed` calls are its bookings) of `{ id, coachId, start, end }`, `id` being the request's id and
 * `start` / `end` ISO 8601 instants with their offset or local date-times in the team's zone. Other keys are not
 * read; an object may carry a `"$schema"` string, for editors (`schema/bookings.schema.json`).
 *
 * @throws {@link index!ValidationError} naming the file and each bad entry's path, or a `coachId` not in the team.
 * @example
 * // bookings.json: [{ "id": "R-2026-0042", "coachId": "amelie", "start": "2026-12-02T12:00:00+01:00", "end": ... }]
 * loadBookings('bookings.json', team, { readFile })
 * // [{ requestId: 'R-2026-0042', coachId: 'amelie', start: Date.UTC(2026, 11, 2, 11), end: Date.UTC(2026, 11, 2, 12) }]
 */
export function loadBookings(path: string, team: Team, io: { readonly readFile: ReadFile }): Booking[] {
  const json = readJson('bookings file', path, 'a JSON list of bookings', io);
  const record =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  const key = Array.isArray(json) ? 'bookings' : 'placed' in record ? 'placed' : 'bookings';
  const list = Array.isArray(json) ? json : record[key];
  refuseBadSchemaKey(path, json);
  const spans = readSpans(path, key, list, 'a list of { id, coachId, start, end }', instantIn(team), 'id');
  const coaches = new Set(team.coaches.map((c) => c.id));
  const unknown = spans.flatMap((s, i) =>
    coaches.has(s.coachId)
      ? []
      : [issue([key, i, 'coachId'], s.coachId, 'is not a coach of the team', 'a coach id of the team file')],
  );
  if (unknown.length > 0) throw inFile(path, unknown);
  return spans.map((s) => ({ requestId: s.label, coachId: s.coachId, start: s.start, end: s.end }));
}

/** A span read from a file: its label (a layer, or a request id), its coach and its instants. */
interface Span {
  readonly label: string;
  readonly coachId: string;
  readonly start: Instant;
  readonly end: Instant;
}

const toShift = (s: Span): Shift => ({ layer: s.label, coachId: s.coachId, start: s.start, end: s.end });

/**
 * Reads a list of `{ <labelKey>, coachId, start, end }` (`labelKey` is `layer` for shifts, `id` for bookings),
 * listing every problem with its path in the file.
 */
function readSpans(
  path: string,
  key: string,
  list: unknown,
  expected: string,
  instantOf: (text: string) => Instant | undefined,
  labelKey = 'layer',
): Span[] {
  if (!Array.isArray(list)) throw inFile(path, [issue(key, list, 'is not a list', expected)]);
  const issues: ValidationIssue[] = [];
  const spans: Span[] = [];
  list.forEach((raw: unknown, i) => {
    const at = (...rest: PathSegment[]) => [key, i, ...rest];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push(issue(at(), raw, 'is not a shift', 'an object { layer, coachId, start, end }'));
      return;
    }
    const r = raw as Record<string, unknown>;
    const before = issues.length;
    for (const name of [labelKey, 'coachId']) {
      if (typeof r[name] !== 'string' || r[name] === '') {
        issues.push(issue(at(name), r[name], 'is not a name', 'a non-empty string'));
      }
    }
    const instant = (name: 'start' | 'end'): Instant | undefined => {
      const t = typeof r[name] === 'string' ? instantOf(r[name]) : undefined;
      if (t === undefined) {
        issues.push(
          issue(
            at(name),
            r[name],
            'is not an instant',
            'ISO 8601 with its offset, e.g. 2026-12-01T19:00:00+01:00',
          ),
        );
      }
      return t;
    };
    const start = instant('start');
    const end = instant('end');
    if (start !== undefined && end !== undefined && end <= start) {
      issues.push(issue(at('end'), r.end, 'is not after start', `an instant after ${String(r.start)}`));
    }
    if (issues.length === before && start !== undefined && end !== undefined) {
      spans.push({ label: r[labelKey] as string, coachId: r.coachId as string, start, end });
    }
  });
  if (issues.length > 0) throw inFile(path, issues);
  return spans;
}

/**
 * Reads a JSON file and checks it with `parse` (e.g. `parseTokenFile`, `parsePublishedState`), every problem
 * starting with the file's path; a missing file is a problem (unlike `tokens` and `feeds --state`, which start
 * from an empty file when there is none).
 *
 * @param what - the file's kind in messages, e.g. `'token file'`.
 * @param expected - what a good file is, for the message of a missing or broken one.
 * @throws {@link index!ValidationError} for a missing, unreadable or malformed file, or what `parse` throws.
 * @example
 * ```ts
 * const tokens = loadCheckedFile('token file', 'tokens.json', 'a JSON token file', parseTokenFile, { readFile });
 * ```
 */
export function loadCheckedFile<T>(
  what: string,
  path: string,
  expected: string,
  parse: (json: unknown) => T,
  io: { readonly readFile: ReadFile },
): T {
  const json = readJson(what, path, expected, io);
  try {
    return parse(json);
  } catch (error) {
    if (error instanceof ValidationError) throw inFile(path, error.issues);
    throw error;
  }
}

/** Throws when the file's `$schema` key is there and not a string. */
function refuseBadSchemaKey(path: string, json: unknown): void {
  const issues = schemaKeyIssues(json);
  if (issues.length > 0) throw inFile(path, issues);
}

/** The same issues, each message starting with the file it was found in. */
function inFile(path: string, issues: readonly ValidationIssue[]): ValidationError {
  return new ValidationError(issues.map((i) => ({ ...i, message: `${path}: ${i.message}` })));
}
