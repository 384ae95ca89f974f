/**
 * What the `feeds` and `serve` commands read to build feeds: the team, the rota (a published rota file, or one
 * generated over the feeds' horizon), and the calls (a bookings file, and the plan of a request file). The reading
 * is passed in (`ReadFile`), so this module imports nothing from Node.
 *
 * @module
 */

import type { ExposureSpan, FeedRota } from '../ical/feeds.js';
import { coachFeed, type Feed, gapsFeed, type PublishedState, teamFeed } from '../ical/index.js';
import { DEFAULT_DAYS_AHEAD, DEFAULT_DAYS_BACK, type FeedOptions } from '../ical/options.js';
import { feedZone } from '../ical/render.js';
import type { FeedTarget } from '../ical/tokens.js';
import type { Booking } from '../matching/plan.js';
import { planCallbacks } from '../matching/plan-callbacks.js';
import type { CallbackRequest } from '../model/request.js';
import type { Team } from '../model/team.js';
import { generateRota } from '../rota/generate.js';
import { computeExposure } from '../sla/exposure.js';
import { DAY, type Instant } from '../time/types.js';
import { loadBookings, loadPrevious, loadRequests, loadTeam, type ReadFile } from './files.js';

/** The files feeds are built from. */
export interface FeedFiles {
  /** Path of the team file (required). */
  readonly team: string;
  /** A request file: its open requests are planned (`planCallbacks` at `now`) and the placed calls published. */
  readonly requests?: string;
  /** A published rota (`astreinte rota --format json`); absent: a rota is generated over the horizon. */
  readonly rota?: string;
  /** Calls already booked (`{ id, coachId, start, end }` or an earlier `match --format json`). */
  readonly bookings?: string;
}

/** Everything the three feeds need, read and checked. */
export interface FeedInputs {
  /** The team, compiled from its file. */
  readonly team: Team;
  /** The published rota's shifts, or a rota generated over `[from, to)`. */
  readonly rota: FeedRota;
  /** Calls to publish: the bookings, or (with a request file) the calls the plan placed at `now`. */
  readonly calls: readonly Booking[];
  /** The requests (only for a private feed's contacts). */
  readonly requests: readonly CallbackRequest[];
  /** Start of the horizon (inclusive), UTC epoch ms: `now` - 15 days unless given. */
  readonly from: Instant;
  /** End of the horizon (exclusive), UTC epoch ms: `now` + 90 days unless given. */
  readonly to: Instant;
  /** The SLA's exposure periods over the horizon (`computeExposure`), for the gaps feed. */
  readonly exposure: readonly ExposureSpan[];
}

/**
 * Reads the files and prepares the feeds' inputs at `now`: the horizon defaults to 15 days back and 90 ahead.
 *
 * @throws {@link index!ValidationError} naming the file and the path of every problem.
 *
 * @example const inputs = readFeedInputs({ team: 'team.json', requests: 'requests.json' }, { readFile }, now);
 */
export function readFeedInputs(
  files: FeedFiles,
  io: { readonly readFile: ReadFile },
  now: Instant,
  horizon: { readonly from?: Instant; readonly to?: Instant } = {},
): FeedInputs {
  const team = loadTeam(files.team, io);
  const from = horizon.from ?? now - DEFAULT_DAYS_BACK * DAY;
  const to = horizon.to ?? now + DEFAULT_DAYS_AHEAD * DAY;
  const rota: FeedRota =
    files.rota === undefined ? generateRota(team, { from, to }) : { shifts: loadPrevious(files.rota, io) };
  const bookings = files.bookings === undefined ? [] : loadBookings(files.bookings, team, io);
  const requests = files.requests === undefined ? [] : loadRequests(files.requests, team, io);
  const calls =
    files.requests === undefined
      ? bookings
      : planCallbacks(team, requests, {
          now,
          rota,
          bookings,
          policy: { eligible: 'on-call' },
        }).placed;
  const exposure = computeExposure(team, { from, to }).periods;
  return { team, rota, calls, requests, from, to, exposure };
}

/** Options of {@link buildFeed} and {@link buildAllFeeds}: the feed options but the horizon, taken from the inputs. */
export type BuildOptions = Omit<FeedOptions, 'from' | 'to'>;

/**
 * One feed from prepared inputs.
 *
 * @example const { ics } = buildFeed(inputs, { kind: 'team' }, { now, previous: state });
 */
export function buildFeed(inputs: FeedInputs, target: FeedTarget, options: BuildOptions): Feed {
  const o = { ...options, from: inputs.from, to: inputs.to };
  if (target.kind === 'coach')
    return coachFeed(inputs.team, target.coachId, { ...o, rota: inputs.rota, calls: inputs.calls });
  if (target.kind === 'team') return teamFeed(inputs.team, { ...o, rota: inputs.rota });
  return gapsFeed(inputs.team, { ...o, exposure: inputs.exposure });
}

/**
 * Every feed of the team: one per coach (`<coachId>.ics`), `team.ics` and `gaps.ics`, the state threaded through.
 *
 * @returns file name to text, and the new published state.
 *
 * @example const { files, state } = buildAllFeeds(inputs, { now, previous }); // files.get('team.ics')
 */
export function buildAllFeeds(
  inputs: FeedInputs,
  options: BuildOptions,
): {
  /** File name (`<coachId>.ics`, `team.ics`, `gaps.ics`) to iCalendar text, CRLF line ends. */
  readonly files: ReadonlyMap<string, string>;
  /** The published state after every feed: store it and pass it as `previous` next time. */
  readonly state: PublishedState;
} {
  const files = new Map<string, string>();
  let previous = options.previous;
  // One zone table and VTIMEZONE for every feed (see FeedOptions.sharedZone), a day's margin for shifts past the horizon.
  const sharedZone = options.sharedZone ?? feedZone(inputs.team.timeZone, inputs.from - DAY, inputs.to + DAY);
  const targets: [string, FeedTarget][] = [
    ...inputs.team.coaches.map((c): [string, FeedTarget] => [
      `${c.id}.ics`,
      { kind: 'coach', coachId: c.id },
    ]),
    ['team.ics', { kind: 'team' }],
    ['gaps.ics', { kind: 'gaps' }],
  ];
  for (const [name, target] of targets) {
    const feed = buildFeed(inputs, target, {
      ...options,
      sharedZone,
      ...(previous === undefined ? {} : { previous }),
    });
    files.set(name, feed.ics);
    previous = feed.state;
  }
  return { files, state: previous ?? { version: 1, events: [] } };
}
