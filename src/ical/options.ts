/**
 * The options every feed takes, and their defaults, resolved and checked in one place.
 *
 * @module
 */
import { issue, ValidationError, type ValidationIssue } from '../errors.js';
import { DAY, type Instant, MINUTE } from '../time/types.js';
import type { FeedZone } from './render.js';
import { EMPTY_STATE, type PublishedState } from './state.js';
import { FEED_LANGS, type FeedLang } from './words.js';

/** Options shared by the coach, team and gaps feeds. */
export interface FeedOptions {
  /** The instant the feed is built at, UTC epoch ms: the default horizon and the stamps of what changed. */
  readonly now: Instant;
  /** First instant of the horizon: events ending after it are published. @defaultValue `now` - 15 days */
  readonly from?: Instant;
  /** End of the horizon (exclusive): events starting before it are published. @defaultValue `now` + 90 days */
  readonly to?: Instant;
  /** Language of summaries, descriptions and the calendar's name. @defaultValue `'fr'` */
  readonly lang?: FeedLang;
  /**
   * `'zoned'`: times with the team's `TZID` and its `VTIMEZONE`; `'utc'`: every time in UTC (`...Z`). An event
   * starting or ending in a fall-back hour (a wall-clock time that happens twice) is written in UTC either way, so
   * it cannot be read as the wrong one of the two. @defaultValue `'zoned'`
   */
  readonly times?: 'zoned' | 'utc';
  /** How often clients should refresh (`REFRESH-INTERVAL`, `X-PUBLISHED-TTL`), minutes. @defaultValue 60 */
  readonly refreshMinutes?: number;
  /** A reminder this many minutes before each call; `null` for none. @defaultValue 15 */
  readonly callAlarmMinutes?: number | null;
  /** A reminder this many minutes before each shift; `null` for none. @defaultValue `null` */
  readonly shiftAlarmMinutes?: number | null;
  /** What the feeds published before (see `parsePublishedState`). @defaultValue nothing published */
  readonly previous?: PublishedState;
  /** Days a vanished event stays published as cancelled before it is dropped. @defaultValue 14 */
  readonly cancelledGraceDays?: number;
  /**
   * The team zone's offset table and `VTIMEZONE` (`feedZone(team.timeZone, from, to)`), to share between feeds:
   * building them costs ~1 ms (`Intl` and timezones-ical-library), more than writing a coach's feed otherwise
   * takes. Used only when it is the team's zone and covers every event; else they are built. @defaultValue built per feed
   */
  readonly sharedZone?: FeedZone;
}

/** {@link FeedOptions} with every default applied. */
export interface ResolvedFeedOptions {
  readonly now: Instant;
  readonly from: Instant;
  readonly to: Instant;
  readonly lang: FeedLang;
  readonly times: 'zoned' | 'utc';
  readonly refreshMinutes: number;
  readonly callAlarmMinutes: number | null;
  readonly shiftAlarmMinutes: number | null;
  readonly previous: PublishedState;
  readonly graceMs: number;
  readonly sharedZone: FeedZone | undefined;
}

/** The default horizon: 15 days back, 90 days ahead. Days before `now` the default horizon starts (`from = now - 15 days`). */
export const DEFAULT_DAYS_BACK = 15;
/** Days after `now` the default horizon ends (`to = now + 90 days`, exclusive). */
export const DEFAULT_DAYS_AHEAD = 90;
const MAX_HORIZON = 5 * 366 * DAY;
const WEEK_MINUTES = 7 * 24 * 60;

const wholeIn = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * Applies the defaults and checks every option, listing every problem.
 *
 * @throws {@link index!ValidationError} e.g. `refreshMinutes: 0 is not a number of minutes (expected an integer from 1 to 10080)`.
 */
export function resolveFeedOptions(options: FeedOptions): ResolvedFeedOptions {
  const issues: ValidationIssue[] = [];
  const { now } = options;
  if (!Number.isFinite(now))
    issues.push(issue('now', now, 'is not an instant', 'finite UTC epoch milliseconds'));
  const from = options.from ?? now - DEFAULT_DAYS_BACK * DAY;
  const to = options.to ?? now + DEFAULT_DAYS_AHEAD * DAY;
  // A horizon derived from a bad `now` is not reported twice.
  if (options.from !== undefined && !Number.isFinite(from))
    issues.push(issue('from', options.from, 'is not an instant', 'finite UTC epoch milliseconds'));
  if (options.to !== undefined && !Number.isFinite(to))
    issues.push(issue('to', options.to, 'is not an instant', 'finite UTC epoch milliseconds'));
  if (Number.isFinite(from) && Number.isFinite(to) && !(from < to && to - from <= MAX_HORIZON)) {
    issues.push(
      issue(
        'to',
        to,
        'is not after from, within five years',
        `an instant in (${from}, ${from + MAX_HORIZON}]`,
      ),
    );
  }
  const lang = options.lang ?? 'fr';
  if (!FEED_LANGS.includes(lang))
    issues.push(issue('lang', lang, 'is not a language of the feeds', '"fr" or "en"'));
  const times = options.times ?? 'zoned';
  if (times !== 'zoned' && times !== 'utc')
    issues.push(issue('times', times, 'is not a way to write times', '"zoned" or "utc"'));
  const refreshMinutes = options.refreshMinutes ?? 60;
  if (!wholeIn(refreshMinutes, 1, WEEK_MINUTES)) {
    issues.push(
      issue(
        'refreshMinutes',
        refreshMinutes,
        'is not a number of minutes',
        `an integer from 1 to ${WEEK_MINUTES}`,
      ),
    );
  }
  const callAlarmMinutes = options.callAlarmMinutes === undefined ? 15 : options.callAlarmMinutes;
  const shiftAlarmMinutes = options.shiftAlarmMinutes ?? null;
  for (const [key, value] of [
    ['callAlarmMinutes', callAlarmMinutes],
    ['shiftAlarmMinutes', shiftAlarmMinutes],
  ] as const) {
    if (value !== null && !wholeIn(value, 1, WEEK_MINUTES)) {
      issues.push(
        issue(key, value, 'is not a reminder', `null, or an integer from 1 to ${WEEK_MINUTES} minutes`),
      );
    }
  }
  const grace = options.cancelledGraceDays ?? 14;
  if (!wholeIn(grace, 0, 366))
    issues.push(issue('cancelledGraceDays', grace, 'is not a number of days', 'an integer from 0 to 366'));
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    now,
    from,
    to,
    lang,
    times,
    refreshMinutes,
    callAlarmMinutes,
    shiftAlarmMinutes,
    previous: options.previous ?? EMPTY_STATE,
    graceMs: grace * DAY,
    sharedZone: options.sharedZone,
  };
}

/** Minutes to ms, for the alarm and refresh options. */
export const minutes = (n: number): number => n * MINUTE;
