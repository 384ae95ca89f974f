/**
 * Semantic checks and compilation of a request file. Reads the raw list defensively, reports what only it can see
 * (dates that do not exist, windows that end before they start or lie more than a year away, duplicate ids,
 * attempts by coaches the team does not have or before the request arrived), and returns the compiled requests or
 * `undefined`; it stays silent where the shape check has reported already.
 *
 * Local date-times are read in the team's zone through one converter for the whole file (`localConverter`), built
 * from a first pass over every instant of the file.
 *
 * @internal
 * @module
 */

import { describeValue } from '../errors.js';
import { fromIntervals, toIntervals } from '../time/intervals.js';
import { parseIsoInstant, parseLocalDateTimeSeconds } from '../time/iso.js';
import { localConverter } from '../time/local-converter.js';
import { DAY, type Instant, type Interval } from '../time/types.js';
import { type Found, isRecord, own, type Path, type Raw, reportDuplicateIds } from './found.js';
import type { Attempt, CallbackRequest, Contact } from './request.js';
import { REQUEST_ID_PATTERN, REQUEST_INSTANT_PATTERN, REQUEST_LIMITS } from './requests-schema.js';
import { INSTANT, reportInRequests as report } from './requests-words.js';
import { nearestWord } from './shape-issues.js';
import type { Team } from './team.js';

/** What compiling needs besides the request: the team's coach ids, and instants read from text. */
interface Context {
  readonly coachIds: ReadonlySet<string>;
  /** The instant a well-formed instant text denotes, or `undefined` when its date does not exist. */
  readonly instantOf: (text: string) => Instant | undefined;
  readonly defaultDurationMinutes: number;
  readonly found: Found[];
}

const REACH = REQUEST_LIMITS.windowReachDays * DAY;

export function compileRequests(
  list: unknown,
  team: Team,
  defaultDurationMinutes: number,
  found: Found[],
): CallbackRequest[] | undefined {
  if (!Array.isArray(list) || list.length > REQUEST_LIMITS.requests) return undefined;
  const context: Context = {
    coachIds: new Set(team.coaches.map((coach) => coach.id)),
    instantOf: instantReader(list, team.timeZone),
    defaultDurationMinutes,
    found,
  };
  const requests: CallbackRequest[] = [];
  reportDuplicateIds(list, 'requests', 'request', REQUEST_ID_PATTERN, found, report);
  list.forEach((raw: unknown, i) => {
    if (!isRecord(raw)) return;
    const at: Path = ['requests', i];
    const request = compileRequest(raw, at, context);
    if (request !== undefined) requests.push(request);
  });
  return requests.length === list.length ? requests : undefined;
}

/** Every instant text of a request (well-formed or not), for the first pass. */
function instantTexts(raw: Raw): unknown[] {
  const texts = [own(raw, 'receivedAt'), own(raw, 'firstContactAt')];
  for (const window of listOf(own(raw, 'callbackWindows'), REQUEST_LIMITS.callbackWindows))
    if (isRecord(window)) texts.push(own(window, 'start'), own(window, 'end'));
  for (const attempt of listOf(own(raw, 'attempts'), REQUEST_LIMITS.attempts))
    if (isRecord(attempt)) texts.push(own(attempt, 'at'));
  for (const pause of listOf(own(raw, 'pauses'), REQUEST_LIMITS.pauses))
    if (isRecord(pause)) texts.push(own(pause, 'start'), own(pause, 'end'));
  return texts;
}

function listOf(value: unknown, max: number): readonly unknown[] {
  return Array.isArray(value) && value.length <= max ? value : [];
}

/**
 * Reads instant texts: with their offset as they say, local date-times in `zone`, all through one converter built
 * from every local date-time of the file (so one zone table serves the whole file).
 */
function instantReader(list: readonly unknown[], zone: string): (text: string) => Instant | undefined {
  const locals = new Set<number>();
  for (const raw of list) {
    if (!isRecord(raw)) continue;
    for (const text of instantTexts(raw)) {
      const local = typeof text === 'string' ? parseLocalDateTimeSeconds(text) : undefined;
      if (local !== undefined) locals.add(local);
    }
  }
  const toInstant = locals.size === 0 ? undefined : localConverter(zone, locals);
  return (text) => {
    const local = parseLocalDateTimeSeconds(text);
    return local === undefined || toInstant === undefined ? parseIsoInstant(text) : toInstant(local);
  };
}

/** A well-formed instant text as an instant; a date that does not exist is reported, a malformed one skipped. */
function instant(value: unknown, at: Path, context: Context): Instant | undefined {
  if (typeof value !== 'string' || !REQUEST_INSTANT_PATTERN.test(value)) return undefined;
  const t = context.instantOf(value);
  if (t === undefined) report(context.found, at, value, `is not ${INSTANT.what}`, INSTANT.expected);
  return t;
}

function compileRequest(raw: Raw, at: Path, context: Context): CallbackRequest | undefined {
  const receivedAt = instant(own(raw, 'receivedAt'), [...at, 'receivedAt'], context);
  const windows = compileWindows(raw, at, receivedAt, context);
  const attempts = compileAttempts(raw, [...at, 'attempts'], receivedAt, context);
  const firstContactAt = compileFirstContact(raw, at, receivedAt, attempts, context);
  const id = own(raw, 'id');
  if (typeof id !== 'string' || receivedAt === undefined || windows === undefined) return undefined;
  if (attempts === undefined || firstContactAt === null) return undefined;
  const pauses = compilePauses(raw, [...at, 'pauses'], receivedAt, firstContactAt, context);
  if (pauses === null) return undefined;
  const contact = compileContact(own(raw, 'contact'));
  const optional = { topic: own(raw, 'topic'), caseId: own(raw, 'caseId'), outcome: own(raw, 'outcome') };
  return {
    id,
    receivedAt,
    door: own(raw, 'door') as CallbackRequest['door'],
    channel: own(raw, 'channel') as CallbackRequest['channel'],
    ...(optional.topic === undefined ? {} : { topic: optional.topic as CallbackRequest['topic'] & string }),
    ...(optional.caseId === undefined ? {} : { caseId: optional.caseId as string }),
    callbackWindows: windows,
    durationMinutes: (own(raw, 'durationMinutes') as number | undefined) ?? context.defaultDurationMinutes,
    ...(contact === undefined ? {} : { contact }),
    attempts,
    ...(firstContactAt === undefined ? {} : { firstContactAt }),
    ...(pauses === undefined ? {} : { pauses }),
    ...(optional.outcome === undefined || optional.outcome === null
      ? {}
      : { outcome: optional.outcome as CallbackRequest['outcome'] & string }),
  };
}

/** Windows sorted and merged where they overlap or touch; a coaches-door request needs one. */
function compileWindows(
  raw: Raw,
  at: Path,
  receivedAt: Instant | undefined,
  context: Context,
): Interval[] | undefined {
  const list = own(raw, 'callbackWindows') ?? [];
  const where = [...at, 'callbackWindows'];
  if (!Array.isArray(list) || list.length > REQUEST_LIMITS.callbackWindows) return undefined;
  const windows: Interval[] = [];
  let ok = true;
  list.forEach((window: unknown, i) => {
    if (!isRecord(window)) {
      ok = false;
      return;
    }
    const start = instant(own(window, 'start'), [...where, i, 'start'], context);
    const end = instant(own(window, 'end'), [...where, i, 'end'], context);
    for (const [edge, t] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (t === undefined || receivedAt === undefined || Math.abs(t - receivedAt) <= REACH) continue;
      const expected = `an instant within ${REQUEST_LIMITS.windowReachDays} days of receivedAt`;
      report(
        context.found,
        [...where, i, edge],
        own(window, edge),
        'lies more than a year from receivedAt',
        expected,
      );
    }
    if (start === undefined || end === undefined) {
      ok = false;
      return;
    }
    if (end <= start && !inDstGap(own(window, 'start'), own(window, 'end'))) {
      ok = false;
      const problem = `does not end after start ${describeValue(own(window, 'start'))}`;
      report(context.found, [...where, i, 'end'], own(window, 'end'), problem, 'an instant after start');
      return;
    }
    windows.push({ start, end });
  });
  if (!ok) return undefined;
  // A window wholly inside a spring-forward gap is empty, and vanishes in the merge (the README's DST rule).
  const merged = toIntervals(fromIntervals(windows));
  if (merged.length === 0 && own(raw, 'door') === 'coaches') {
    const expected = 'at least one { start, end } window: a request to the coaches is called back';
    report(context.found, where, own(raw, 'callbackWindows'), 'has no callback window', expected);
    return undefined;
  }
  return merged;
}

/** `true` when two local date-times in this order both fell in one DST gap (they became the same instant). */
function inDstGap(start: unknown, end: unknown): boolean {
  const from = typeof start === 'string' ? parseLocalDateTimeSeconds(start) : undefined;
  const to = typeof end === 'string' ? parseLocalDateTimeSeconds(end) : undefined;
  return from !== undefined && to !== undefined && from < to;
}

/** Attempts sorted by time (stable: attempts at one instant keep the file's order). */
function compileAttempts(
  request: Raw,
  at: Path,
  receivedAt: Instant | undefined,
  context: Context,
): Attempt[] | undefined {
  const list = own(request, 'attempts');
  if (list === undefined) return [];
  if (!Array.isArray(list) || list.length > REQUEST_LIMITS.attempts) return undefined;
  const attempts: Attempt[] = [];
  list.forEach((raw: unknown, i) => {
    if (!isRecord(raw)) return;
    const t = instant(own(raw, 'at'), [...at, i, 'at'], context);
    notBefore(t, request, receivedAt, [...at, i, 'at'], own(raw, 'at'), context);
    const coachId = own(raw, 'coachId');
    if (typeof coachId === 'string' && !context.coachIds.has(coachId)) {
      const near = nearestWord(coachId, context.coachIds);
      const hint = near === undefined ? '' : `; did you mean "${near}"?`;
      report(
        context.found,
        [...at, i, 'coachId'],
        coachId,
        `is not a coach of the team${hint}`,
        'the id of one of the team\u2019s coaches',
      );
    }
    const outcome = own(raw, 'outcome') as Attempt['outcome'];
    if (t !== undefined && typeof coachId === 'string') attempts.push({ at: t, coachId, outcome });
  });
  return attempts.length === list.length ? attempts.sort((a, b) => a.at - b.at) : undefined;
}

/** Reports `t` (at `at`, written `raw`) when it comes before the request's `receivedAt`. */
function notBefore(
  t: Instant | undefined,
  request: Raw,
  receivedAt: Instant | undefined,
  at: Path,
  raw: unknown,
  context: Context,
) {
  if (t === undefined || receivedAt === undefined || t >= receivedAt) return;
  const problem = `is before receivedAt ${describeValue(own(request, 'receivedAt'))}`;
  report(context.found, at, raw, problem, 'an instant on or after receivedAt');
}

/** The file's `firstContactAt`, else the first `reached` attempt; `null` when the file's value is bad. */
function compileFirstContact(
  raw: Raw,
  at: Path,
  receivedAt: Instant | undefined,
  attempts: readonly Attempt[] | undefined,
  context: Context,
): Instant | undefined | null {
  const value = own(raw, 'firstContactAt');
  if (value === undefined || value === null) return attempts?.find((a) => a.outcome === 'reached')?.at;
  const t = instant(value, [...at, 'firstContactAt'], context);
  notBefore(t, raw, receivedAt, [...at, 'firstContactAt'], value, context);
  return t ?? null;
}

/** A copy holding only the fields present (the shape check has vouched for their types). */
function compileContact(raw: unknown): Contact | undefined {
  if (!isRecord(raw)) return undefined;
  const contact: { -readonly [K in keyof Contact]: Contact[K] } = {};
  for (const key of ['name', 'phone', 'email'] as const) {
    const value = own(raw, key);
    if (typeof value === 'string') contact[key] = value;
  }
  return contact;
}

/**
 * SLA pauses, merged; each must lie within the request's life (`[receivedAt, firstContactAt]`): a pause outside
 * it would move a deadline for time the promise never ran. `undefined` for none, `null` when one is bad.
 */
function compilePauses(
  raw: Raw,
  at: Path,
  receivedAt: Instant,
  firstContactAt: Instant | undefined,
  context: Context,
): Interval[] | undefined | null {
  const list = own(raw, 'pauses');
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || list.length > REQUEST_LIMITS.pauses) return null;
  const pauses: Interval[] = [];
  let ok = true;
  list.forEach((pause: unknown, i) => {
    if (!isRecord(pause)) {
      ok = false;
      return;
    }
    const start = instant(own(pause, 'start'), [...at, i, 'start'], context);
    const end = instant(own(pause, 'end'), [...at, i, 'end'], context);
    if (start === undefined || end === undefined) {
      ok = false;
      return;
    }
    if (end <= start) {
      const problem = `does not end after start ${describeValue(own(pause, 'start'))}`;
      report(context.found, [...at, i, 'end'], own(pause, 'end'), problem, 'an instant after start');
      ok = false;
      return;
    }
    if (start < receivedAt) {
      const problem = `is before receivedAt ${describeValue(own(raw, 'receivedAt'))}`;
      report(
        context.found,
        [...at, i, 'start'],
        own(pause, 'start'),
        problem,
        'a pause within the request\u2019s life',
      );
      ok = false;
      return;
    }
    if (firstContactAt !== undefined && end > firstContactAt) {
      report(
        context.found,
        [...at, i, 'end'],
        own(pause, 'end'),
        'is after the first contact',
        'a pause that ends at or before the first contact (the clock stops at contact)',
      );
      ok = false;
      return;
    }
    pauses.push({ start, end });
  });
  if (!ok) return null;
  return pauses.length === 0 ? undefined : toIntervals(fromIntervals(pauses));
}
