/**
 * `astreinte validate`: checks any file astreinte reads (team, requests, rota, policies, overrides, bookings, tokens,
 * the feeds' published state) and lists every problem.
 *
 * @module
 */
import { parsePublishedState, parseTokenFile } from '../../ical/index.js';
import { MATCHING_POLICY_KEYS } from '../../index.js';
import {
  loadBookings,
  loadCheckedFile,
  loadMatchingPolicy,
  loadOverrides,
  loadPolicy,
  loadPrevious,
  loadRequests,
  loadTeam,
} from '../../node/index.js';
import { type CommandIo, type ParsedArgs, type Subcommand, UsageError } from '../command.js';
import { orList, stringOption } from '../common.js';

/** The kinds of file `validate` knows, in the order `--help` lists them. */
export const FILE_KINDS = [
  'team',
  'requests',
  'rota',
  'rota-policy',
  'matching-policy',
  'overrides',
  'bookings',
  'tokens',
  'feeds-state',
] as const;

/** One of {@link FILE_KINDS}. */
export type FileKind = (typeof FILE_KINDS)[number];

/** Kinds read against a team (their local times are in its zone, their coaches are its coaches). */
const NEEDS_TEAM: readonly FileKind[] = ['requests', 'overrides', 'bookings'];

/** `astreinte validate <file> [--kind K] [--team <team.json>]`. */
export const validateCommand: Subcommand = {
  name: 'validate',
  summary:
    'checks any file astreinte reads (team, requests, rota, policies, overrides, bookings, tokens, state)',
  usage: 'astreinte validate <file.json> [--kind <kind>] [--team <team.json>]',
  details:
    'Exit 0 when the file is valid, 2 when not, with every problem and its path. The kind is the one the\n' +
    'file\u2019s "$schema" names (.../<kind>.schema.json), or detected from the content (a team has coaches, a\n' +
    'request file has requests with receivedAt, ...), or given with --kind.\n' +
    'Requests, overrides and bookings are read against a team: give it with --team.',
  example: 'astreinte validate examples/requests.json --team examples/ca-va-patron.json',
  options: {
    kind: { type: 'string', valueName: '<kind>', description: `the file's kind: ${orList(FILE_KINDS)}` },
    team: {
      type: 'string',
      valueName: '<team.json>',
      description: 'the team a request, overrides or bookings file is read against',
    },
  },
  positionals: ['file.json'],
  run(args, io) {
    const path = args.positionals[0] as string;
    const kind = kindOf(args, path, io);
    const teamFile = stringOption(args, 'team');
    if (NEEDS_TEAM.includes(kind) && teamFile === undefined) {
      throw new UsageError(`a ${kind} file is read against a team: give it with --team <team.json>`);
    }
    const team = teamFile === undefined ? undefined : loadTeam(teamFile, io);
    io.stdout(`${path}: valid ${describe(kind, path, team, io)}\n`);
    return 0;
  },
};

/** Loads the file as its kind (throwing every problem) and says what it holds. */
function describe(
  kind: FileKind,
  path: string,
  team: ReturnType<typeof loadTeam> | undefined,
  io: CommandIo,
): string {
  switch (kind) {
    case 'team': {
      const loaded = loadTeam(path, io);
      return `team file (${loaded.coaches.length} coaches, ${loaded.timeZone})`;
    }
    case 'requests':
      return `request file (${count(loadRequests(path, team!, io).length, 'request')})`;
    case 'overrides':
      return `overrides file (${count(loadOverrides(path, team!, io).length, 'override')})`;
    case 'bookings':
      return `bookings file (${count(loadBookings(path, team!, io).length, 'booking')})`;
    case 'rota':
      return `published rota (${count(loadPrevious(path, io).length, 'shift')})`;
    case 'rota-policy':
      loadPolicy(path, io);
      return 'rota policy';
    case 'matching-policy':
      loadMatchingPolicy(path, io);
      return 'matching policy';
    case 'tokens': {
      const file = loadCheckedFile('token file', path, 'a JSON token file', parseTokenFile, io);
      return `token file (${count(file.tokens.length, 'token')}, hashes only)`;
    }
    case 'feeds-state': {
      const state = loadCheckedFile(
        'state file',
        path,
        'the JSON written by feeds --state',
        parsePublishedState,
        io,
      );
      return `feeds\u2019 published state (${count(state.events.length, 'event')})`;
    }
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `--kind`, or the kind the content shows; a file whose kind cannot be told is a usage error. */
function kindOf(args: ParsedArgs, path: string, io: CommandIo): FileKind {
  const given = stringOption(args, 'kind');
  if (given !== undefined) {
    if (!(FILE_KINDS as readonly string[]).includes(given)) {
      throw new UsageError(`--kind "${given}" (expected ${orList(FILE_KINDS)})`);
    }
    return given as FileKind;
  }
  let json: unknown;
  try {
    json = JSON.parse(io.readFile(path));
  } catch {
    return 'team'; // The team loader reports the missing or broken file, naming it.
  }
  const detected = detectKind(json);
  if (detected === undefined) {
    throw new UsageError(
      `cannot tell what kind of file ${path} is: give it with --kind (${orList(FILE_KINDS)})`,
    );
  }
  return detected;
}

/**
 * The kind a parsed JSON file looks like: the one its `"$schema"` names (`…/<kind>.schema.json`), or else the one its
 * keys show; `undefined` when it could be several or none.
 *
 * @example detectKind({ name: 'T', timeZone: 'Europe/Paris', coaches: [] }) === 'team'
 */
export function detectKind(json: unknown): FileKind | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  const record = json as Record<string, unknown>;
  // A file naming its schema (`"$schema": "../schema/matching-policy.schema.json"`) says its kind.
  const named =
    typeof record.$schema === 'string' ? /([a-z-]+)\.schema\.json$/.exec(record.$schema)?.[1] : undefined;
  if ((FILE_KINDS as readonly (string | undefined)[]).includes(named)) return named as FileKind;
  if (Array.isArray(record.coaches)) return 'team';
  if (Array.isArray(record.requests)) return 'requests';
  if (Array.isArray(record.shifts)) return 'rota';
  if (Array.isArray(record.overrides)) return 'overrides';
  if (Array.isArray(record.bookings) || Array.isArray(record.placed)) return 'bookings';
  if (Array.isArray(record.tokens)) return 'tokens';
  if (Array.isArray(record.events)) return 'feeds-state';
  const first: unknown = Array.isArray(json) ? json[0] : undefined;
  if (Array.isArray(json)) {
    if (first === null || typeof first !== 'object') return undefined;
    const item = first as Record<string, unknown>;
    if ('receivedAt' in item) return 'requests';
    if ('layer' in item) return 'overrides';
    if ('coachId' in item) return 'bookings';
    return undefined;
  }
  const keys = Object.keys(record);
  // A rota policy shares `layers`; any other matching key tells them apart.
  const matching = (key: string) =>
    key !== 'layers' && (MATCHING_POLICY_KEYS as readonly string[]).includes(key);
  if (keys.some(matching)) return 'matching-policy';
  if (keys.length > 0) return 'rota-policy';
  return undefined;
}
