/**
 * `astreinte/node`: the parts of astreinte that need Node.js, kept out of the browser-safe core (`astreinte`).
 * Today: reading the files the command reads (team, rota policy, a published rota, overrides, requests, bookings,
 * a matching policy), with every problem
 * reported against the file and its path, exactly as the command reports them.
 *
 * @example
 * ```ts
 * import { computeCoverage } from 'astreinte';
 * import { loadTeamFile } from 'astreinte/node';
 * const team = loadTeamFile('team.json'); // ValidationError naming the file, the path and the value on bad input
 * ```
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import type { Booking } from '../matching/plan.js';
import type { MatchingPolicyInput } from '../matching/policy.js';
import type { CallbackRequest } from '../model/request.js';
import type { Team } from '../model/team.js';
import type { RotaPolicyInput } from '../rota/policy.js';
import type { Override, Shift } from '../rota/rota.js';
import {
  loadBookings,
  loadMatchingPolicy,
  loadOverrides,
  loadPolicy,
  loadPrevious,
  loadRequests,
  loadTeam,
  type ReadFile,
} from './files.js';

const io: { readonly readFile: ReadFile } = { readFile: (path) => readFileSync(path, 'utf8') };

/**
 * Reads and validates a team file (JSON, UTF-8).
 *
 * @throws {@link index!ValidationError} when the file is missing, unreadable, not JSON, or not a valid team file;
 * every issue names the file (each problem of its content starts with the file's path: `team.json: coaches[0].id: ...`).
 * @example const team = loadTeamFile('examples/ca-va-patron.json');
 */
export function loadTeamFile(path: string): Team {
  return loadTeam(path, io);
}

/**
 * Reads and checks a rota policy file (the JSON of `RotaPolicyInput`); an unknown setting is refused, not ignored.
 *
 * @throws {@link index!ValidationError} naming the file and the setting.
 * @example const policy = loadPolicyFile('policy.json'); generateRota(team, { from, to, policy });
 */
export function loadPolicyFile(path: string): RotaPolicyInput {
  return loadPolicy(path, io);
}

/**
 * Reads the shifts of a rota printed by `astreinte rota --format json` (or `rotaToJson`), for `previous`. Every
 * `start` / `end` must carry its offset, so the file means the same instants on any host.
 *
 * @throws {@link index!ValidationError} naming the file and each bad shift's path.
 * @example generateRota(team, { from, to, previous: loadRotaFile('published.json') });
 */
export function loadRotaFile(path: string): Shift[] {
  return loadPrevious(path, io);
}

/**
 * Reads an overrides file: a JSON list (or `{ "overrides": [...] }`) of `{ layer, coachId, start, end }`, with
 * `start` / `end` as ISO 8601 instants with their offset or local date-times `YYYY-MM-DDTHH:mm` in the team's zone.
 *
 * @throws {@link index!ValidationError} naming the file and each bad entry's path.
 * @example generateRota(team, { from, to, overrides: loadOverridesFile('overrides.json', team) });
 */
export function loadOverridesFile(path: string, team: Team): Override[] {
  return loadOverrides(path, team, io);
}

/**
 * Reads and validates a request file (JSON, UTF-8) against the team. Errors name the file and the path, never a
 * caller's contact detail.
 *
 * @throws {@link index!ValidationError} listing every problem.
 * @example const requests = loadRequestsFile('requests.json', team); planCallbacks(team, requests, { now });
 */
export function loadRequestsFile(path: string, team: Team): CallbackRequest[] {
  return loadRequests(path, team, io);
}

/**
 * Reads a bookings file: a JSON list (or `{ "bookings": [...] }`, or the JSON of `astreinte match --format json`)
 * of `{ id, coachId, start, end }`, `id` the request's id, instants with their offset or local in the team's zone.
 *
 * @throws {@link index!ValidationError} naming the file and each bad entry's path.
 * @example planCallbacks(team, requests, { now, bookings: loadBookingsFile('plan.json', team) });
 */
export function loadBookingsFile(path: string, team: Team): Booking[] {
  return loadBookings(path, team, io);
}

/**
 * Reads and checks a matching policy file (the JSON of `MatchingPolicyInput`); an unknown setting is refused.
 *
 * @throws {@link index!ValidationError} naming the file and the setting.
 * @example planCallbacks(team, requests, { now, policy: loadMatchingPolicyFile('matching.json') });
 */
export function loadMatchingPolicyFile(path: string): MatchingPolicyInput {
  return loadMatchingPolicy(path, io);
}

// iCal feeds: the files they are built from, the token file, Node's HTTP server in front of the feed handler
export {
  type BuildOptions,
  buildAllFeeds,
  buildFeed,
  type FeedFiles,
  type FeedInputs,
  readFeedInputs,
} from './feed-inputs.js';
export { type FileFeedSourceOptions, fileFeedSource } from './feed-source.js';
// The same readers with the reading passed in (`ReadFile`): for a program that reads from somewhere other than the
// disk, or tests that keep files in memory. The command uses these.
export * from './files.js';
export { type FetchHandler, listen, nodeListener } from './http.js';
export { jsonFileTokenStore, readTokenFile, tokenFileText, writeTokenFile } from './token-file.js';
