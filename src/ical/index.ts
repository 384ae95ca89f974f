/**
 * `astreinte/ical`: the iCal feeds coaches subscribe to (their shifts and callbacks), the team's and the gaps feed,
 * and the Fetch API handler that serves them behind secret links. Browser- and edge-safe (Web Crypto, no `node:`);
 * a separate entry so a page that only shows coverage does not ship ical-generator and the zone data.
 *
 * @example
 * ```ts
 * import { coachFeed } from 'astreinte/ical';
 * const { ics, state } = coachFeed(team, 'amelie', { rota, calls: plan, now: Date.parse('2027-01-04T09:00:00+01:00'), previous });
 * ```
 *
 * @packageDocumentation
 */
export {
  type CoachFeedOptions,
  coachFeed,
  coachFeedId,
  type ExposureSpan,
  type Feed,
  type FeedRota,
  type GapsFeedOptions,
  gapsFeed,
  type TeamFeedOptions,
  teamFeed,
} from './feeds.js';
export {
  createFeedHandler,
  describeFailure,
  type FeedHandlerOptions,
  type FeedRequestLog,
  type FeedSource,
} from './handler.js';
export { fnv1a64 } from './hash.js';
export { DEFAULT_DAYS_AHEAD, DEFAULT_DAYS_BACK, type FeedOptions } from './options.js';
export { durationText, escapeText, type FeedZone, feedZone, foldLines, vtimezone } from './render.js';
export { EMPTY_STATE, type PublishedEvent, type PublishedState, parsePublishedState } from './state.js';
export {
  type FeedTarget,
  findToken,
  hashToken,
  issueToken,
  isTokenShaped,
  parseTokenFile,
  revokeTokens,
  type TokenFile,
  type TokenRecord,
  type TokenStore,
  targetKey,
} from './tokens.js';
export { FEED_LANGS, FEED_WORDS, type FeedLang, type FeedWords } from './words.js';
