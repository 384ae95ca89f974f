/**
 * `astreinte feeds`: writes every iCal feed of a team to a folder: one `<coachId>.ics` per coach, `team.ics` and
 * `gaps.ics`, all or nothing; `--state` keeps what was published, for `SEQUENCE` and cancellations.
 *
 * @module
 */
import { EMPTY_STATE, type FeedLang, type PublishedState, parsePublishedState } from '../../ical/index.js';
import { fail, ValidationError } from '../../index.js';
import { buildAllFeeds, readFeedInputs } from '../../node/index.js';
import { type CommandIo, type ParsedArgs, type Subcommand, UsageError } from '../command.js';
import {
  HORIZON_OPTIONS,
  horizonArg,
  jsonText,
  keepingSchema,
  loadTeamArg,
  NOW_OPTION,
  nowArg,
  progress,
  requiredOption,
  stringOption,
  writeOutputs,
} from '../common.js';

/** Options `feeds` and `serve` share: where the calls and shifts come from, and how the feeds read. */
export const FEED_INPUT_OPTIONS = {
  rota: {
    type: 'string',
    valueName: '<rota.json>',
    description: 'the published rota (rota --format json); default: one generated over the horizon',
  },
  bookings: {
    type: 'string',
    valueName: '<bookings.json>',
    description: 'calls already booked ({ id, coachId, start, end }, or an earlier match --format json)',
  },
  lang: { type: 'string', valueName: 'fr|en', description: 'language of the feeds (default: fr)' },
  times: {
    type: 'string',
    valueName: 'zoned|utc',
    description: 'times with the team\u2019s TZID and VTIMEZONE, or all in UTC (default: zoned)',
  },
} as const;

/** `--lang` for feeds (French by default) and `--times`. */
export function feedStyleArgs(args: ParsedArgs): { lang: FeedLang; times: 'zoned' | 'utc' } {
  const lang = stringOption(args, 'lang') ?? 'fr';
  if (lang !== 'fr' && lang !== 'en') throw new UsageError(`--lang "${lang}" (expected fr or en)`);
  const times = stringOption(args, 'times') ?? 'zoned';
  if (times !== 'zoned' && times !== 'utc')
    throw new UsageError(`--times "${times}" (expected zoned or utc)`);
  return { lang, times };
}

/** Reads the `--state` file; a file that does not exist yet is the empty state. */
function readState(path: string, io: CommandIo): PublishedState {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return EMPTY_STATE;
    return fail('state file', path, 'cannot be read', 'a readable JSON state file');
  }
  try {
    return parsePublishedState(JSON.parse(text));
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(error.issues.map((i) => ({ ...i, message: `${path}: ${i.message}` })));
    }
    return fail('state file', path, 'is not valid JSON', 'the JSON written by astreinte feeds --state');
  }
}

/** `astreinte feeds <team.json> [requests.json] --out <dir> [--from] [--to] [--now] [--state] ...`. */
export const feedsCommand: Subcommand = {
  name: 'feeds',
  summary: 'the iCal feeds: one per coach, the team\u2019s and the gaps, written to a folder',
  usage:
    'astreinte feeds <team.json> [requests.json] --out <dir> [--from <date>] [--to <date>] [--now <instant>]\n' +
    '                [--state <state.json>] [--rota <rota.json>] [--bookings <bookings.json>] [--lang fr|en]\n' +
    '                [--times zoned|utc]',
  details:
    'Writes <coachId>.ics for each coach (their shifts and booked calls: request ids, never a contact),\n' +
    'team.ics (every shift, with names) and gaps.ics (uncovered and below-minimum time). All files are written\n' +
    'or none. With --state, a changed event gets a higher SEQUENCE and a vanished one is published as\n' +
    'cancelled for 14 days; the state file is rewritten with the feeds. Default horizon: 15 days back to 90\n' +
    'days ahead of --now.',
  example:
    'astreinte feeds examples/ca-va-patron.json examples/requests.json --now 2026-12-01T08:00 --out feeds',
  options: {
    ...HORIZON_OPTIONS,
    ...NOW_OPTION,
    out: { type: 'string', valueName: '<dir>', description: 'folder to write the feeds to (must exist)' },
    state: {
      type: 'string',
      valueName: '<state.json>',
      description: 'published state: read if it exists, rewritten with the feeds',
    },
    ...FEED_INPUT_OPTIONS,
  },
  positionals: ['team.json', 'requests.json?'],
  run(args, io) {
    const out = requiredOption(args, 'out', 'the folder to write the feeds to').replace(/\/+$/, '');
    const style = feedStyleArgs(args);
    const teamFile = args.positionals[0] as string;
    const team = loadTeamArg(teamFile, io);
    const now = nowArg(args, team, io);
    const given = stringOption(args, 'from') !== undefined || stringOption(args, 'to') !== undefined;
    const horizon = given ? horizonArg(args, team, io) : {};
    const stateFile = stringOption(args, 'state');
    const requests = args.positionals[1];
    const rota = stringOption(args, 'rota');
    const bookings = stringOption(args, 'bookings');
    progress(io, 'generating the rota and the callback plan');
    const inputs = readFeedInputs(
      {
        team: teamFile,
        ...(requests === undefined ? {} : { requests }),
        ...(rota === undefined ? {} : { rota }),
        ...(bookings === undefined ? {} : { bookings }),
      },
      io,
      now,
      horizon,
    );
    for (const coach of team.coaches) {
      if (coach.id === 'team' || coach.id === 'gaps') {
        fail(
          'coaches',
          coach.id,
          'would write over team.ics or gaps.ics',
          'a coach id other than "team" and "gaps"',
        );
      }
    }
    const previous = stateFile === undefined ? undefined : readState(stateFile, io);
    progress(io, 'writing the feeds');
    const { files, state } = buildAllFeeds(inputs, {
      now,
      ...style,
      ...(previous === undefined ? {} : { previous }),
    });
    const batch = new Map<string, string>();
    for (const [name, text] of files) batch.set(`${out}/${name}`, text);
    if (stateFile !== undefined) batch.set(stateFile, keepingSchema(io, stateFile, jsonText(state)));
    writeOutputs(io, '--out', batch);
    progress(io);
    io.stdout(
      `${files.size} feeds written to ${out}/ (${team.coaches.length} coaches, team.ics, gaps.ics)\n`,
    );
    return 0;
  },
};
