/**
 * The published state of the feeds: what each feed last published, so a regeneration can raise `SEQUENCE` on a
 * changed event, publish a vanished one as cancelled for a grace period, then drop it. A small JSON document the
 * caller keeps (the `feeds` command's `--state` file); instants are UTC epoch ms. It holds no caller's personal
 * data: summaries are stored as the default feeds print them (request ids, coaches' display names, never a contact).
 *
 * @module
 */
import { issue, type PathSegment, ValidationError, type ValidationIssue } from '../errors.js';
import type { Instant } from '../time/types.js';

/** One event as last published in one feed. */
export interface PublishedEvent {
  /** The event's `UID`: a hash of the team, feed, layer (or call), coach and start, `…@astreinte`; stable across runs. */
  readonly uid: string;
  /** The feed it was published in: `coach:<coachId>`, `team` or `gaps`. */
  readonly feed: string;
  /** Start (inclusive), UTC epoch ms. */
  readonly start: Instant;
  /** End (exclusive), UTC epoch ms. */
  readonly end: Instant;
  /** The coach it is about (`null` for gaps). */
  readonly coachId: string | null;
  /** The summary printed, without any contact detail (used to print it again once cancelled). */
  readonly summary: string;
  /** `true` for shifts and gaps (shown as free time), `false` for calls. */
  readonly transparent: boolean;
  /** `cancelled` once the event left the inputs: published so for a grace period (clients remove it), then dropped. */
  readonly status: 'confirmed' | 'cancelled';
  /** `SEQUENCE` as published; 0 on first publication. */
  readonly sequence: number;
  /** When it was first published (`CREATED`). */
  readonly createdAt: Instant;
  /** When it last changed (`LAST-MODIFIED` and `DTSTAMP`). */
  readonly modifiedAt: Instant;
}

/** The published state of any number of feeds. `version` is 1. */
export interface PublishedState {
  /** Version of the state's shape; 1. */
  readonly version: 1;
  /** Sorted by feed, then start, then uid. */
  readonly events: readonly PublishedEvent[];
}

/** The empty state: nothing published yet. */
export const EMPTY_STATE: PublishedState = { version: 1, events: [] };

const isInstant = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 4096;

/**
 * Checks a published state read back from JSON (e.g. `JSON.parse` of the `--state` file), listing every problem.
 *
 * @throws {@link index!ValidationError} with paths such as `events[3].sequence`.
 * @example const previous = parsePublishedState(JSON.parse(text)); coachFeed(team, 'a', { ..., previous });
 */
export function parsePublishedState(json: unknown): PublishedState {
  const issues: ValidationIssue[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ValidationError([
      issue('', json, 'is not a published state', '{ "version": 1, "events": [...] }'),
    ]);
  }
  const record = json as Record<string, unknown>;
  if (record.version !== 1) issues.push(issue('version', record.version, 'is not a known version', '1'));
  // `$schema` is for editors (schema/feeds-state.schema.json); ignored, but a string.
  if (record.$schema !== undefined && typeof record.$schema !== 'string') {
    issues.push(
      issue('$schema', record.$schema, 'is not a schema reference', 'the URL or path of a JSON Schema'),
    );
  }
  if (!Array.isArray(record.events)) {
    issues.push(issue('events', record.events, 'is not a list', 'a list of published events'));
    throw new ValidationError(issues);
  }
  const seen = new Set<string>();
  record.events.forEach((raw: unknown, i) => {
    const at = (...rest: PathSegment[]) => ['events', i, ...rest];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push(issue(at(), raw, 'is not an event', 'an object'));
      return;
    }
    const e = raw as Record<string, unknown>;
    for (const key of ['uid', 'feed', 'summary'] as const) {
      if (!isText(e[key])) issues.push(issue(at(key), e[key], 'is not a text', 'a non-empty string'));
    }
    for (const key of ['start', 'end', 'createdAt', 'modifiedAt'] as const) {
      if (!isInstant(e[key]))
        issues.push(issue(at(key), e[key], 'is not an instant', 'UTC epoch milliseconds'));
    }
    if (isInstant(e.start) && isInstant(e.end) && e.end <= e.start) {
      issues.push(issue(at('end'), e.end, 'is not after start', `more than ${e.start}`));
    }
    if (e.coachId !== null && !isText(e.coachId)) {
      issues.push(issue(at('coachId'), e.coachId, 'is not a coach id', 'a coach id, or null'));
    }
    if (typeof e.transparent !== 'boolean') {
      issues.push(issue(at('transparent'), e.transparent, 'is not a boolean', 'true or false'));
    }
    if (e.status !== 'confirmed' && e.status !== 'cancelled') {
      issues.push(issue(at('status'), e.status, 'is not a status', '"confirmed" or "cancelled"'));
    }
    if (!Number.isSafeInteger(e.sequence) || (e.sequence as number) < 0) {
      issues.push(issue(at('sequence'), e.sequence, 'is not a sequence number', 'an integer >= 0'));
    }
    // Only texts are compared: `String` of a JSON object whose `toString` key is not a function throws.
    if (isText(e.feed) && isText(e.uid)) {
      const key = `${e.feed}\u0000${e.uid}`;
      if (seen.has(key))
        issues.push(issue(at('uid'), e.uid, 'appears twice in its feed', 'one entry per event'));
      seen.add(key);
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return { version: 1, events: sortEvents(record.events as PublishedEvent[]) };
}

/** What a feed publishes now, before the state is consulted. */
export interface CurrentEvent {
  readonly uid: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly coachId: string | null;
  readonly summary: string;
  readonly transparent: boolean;
}

/**
 * Reconciles what a feed publishes now with what it published before: every current event, with its sequence
 * raised when its start, end, coach, summary or status changed; every vanished event still inside the horizon
 * (ending after `from`) as cancelled, once with a raised sequence, then unchanged until `graceMs` after it was
 * cancelled; then dropped. Events of other feeds in `previous` are kept as they are.
 *
 * @returns the events to publish (sorted by start, then uid) and the whole new state.
 */
export function reconcile(
  feed: string,
  current: readonly CurrentEvent[],
  previous: PublishedState,
  now: Instant,
  from: Instant,
  graceMs: number,
): { readonly publish: readonly PublishedEvent[]; readonly state: PublishedState } {
  const before = new Map<string, PublishedEvent>();
  const others: PublishedEvent[] = [];
  for (const e of previous.events) {
    if (e.feed === feed) before.set(e.uid, e);
    else others.push(e);
  }
  const publish: PublishedEvent[] = [];
  const live = new Set<string>();
  for (const c of current) {
    live.add(c.uid);
    const p = before.get(c.uid);
    if (p === undefined) publish.push(published(c, feed, 'confirmed', 0, now, now));
    else if (p.status === 'confirmed' && sameEvent(p, c)) publish.push(p);
    else publish.push(published(c, feed, 'confirmed', p.sequence + 1, p.createdAt, now));
  }
  for (const p of before.values()) {
    if (live.has(p.uid) || p.end <= from) continue;
    if (p.status === 'confirmed')
      publish.push(published(p, feed, 'cancelled', p.sequence + 1, p.createdAt, now));
    else if (now < p.modifiedAt + graceMs) publish.push(p);
  }
  publish.sort(byStartThenUid);
  // `others` is sorted (a sorted state minus one feed): put this feed's block where its name sorts.
  let at = 0;
  while (at < others.length && (others[at] as PublishedEvent).feed < feed) at++;
  const events = [...others.slice(0, at), ...publish, ...others.slice(at)];
  return { publish, state: { version: 1, events } };
}

function sameEvent(p: PublishedEvent, c: CurrentEvent): boolean {
  return (
    p.start === c.start &&
    p.end === c.end &&
    p.coachId === c.coachId &&
    p.summary === c.summary &&
    p.transparent === c.transparent
  );
}

/** A published event, built field by field (one object shape for all, cheaper than spreads). */
function published(
  c: CurrentEvent,
  feed: string,
  status: PublishedEvent['status'],
  sequence: number,
  createdAt: Instant,
  modifiedAt: Instant,
): PublishedEvent {
  return {
    uid: c.uid,
    feed,
    start: c.start,
    end: c.end,
    coachId: c.coachId,
    summary: c.summary,
    transparent: c.transparent,
    status,
    sequence,
    createdAt,
    modifiedAt,
  };
}

function byStartThenUid(a: PublishedEvent, b: PublishedEvent): number {
  return a.start - b.start || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

function sortEvents(events: readonly PublishedEvent[]): PublishedEvent[] {
  return [...events].sort((a, b) => (a.feed < b.feed ? -1 : a.feed > b.feed ? 1 : byStartThenUid(a, b)));
}
