/**
 * `astreinte intake`: a caller's message read into a request for the request file, with what was understood for
 * a person to confirm.
 *
 * @module
 */
import {
  buildZoneTable,
  CHANNELS,
  type Channel,
  DAY,
  formatInstant,
  readCallbackWindows,
  type Team,
} from '../../index.js';
import type { Subcommand } from '../command.js';
import { UsageError } from '../command.js';
import {
  FORMAT_OPTION,
  formatArg,
  instantArg,
  jsonText,
  LANG_OPTION,
  langArg,
  loadTeamArg,
  orList,
  stringOption,
} from '../common.js';

/** A request id, as the request file wants it. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `astreinte intake <team.json> [--received-at] [--text] [--id] [--channel] [--format] [--lang]`. */
export const intakeCommand: Subcommand = {
  name: 'intake',
  summary: 'a caller\u2019s message read into a request: callback windows, contact, what was understood',
  usage:
    'astreinte intake <team.json> [--received-at <instant>] [--text <message>] [--id <id>] [--channel sms]\n' +
    '                 [--format text|json] [--lang en|fr]',
  details:
    'Reads the message (from --text, else standard input) by the words\u2019 contract of the README ("What the\n' +
    'intake words mean") in the team\u2019s zone, with the team file\u2019s intake key if any. json: a request for\n' +
    'the request file (id, receivedAt, door, channel, callbackWindows, contact, intake); the contact found is\n' +
    'printed there only. text: the restatement, then any doubt, for a person to confirm.',
  example: 'astreinte intake examples/ca-va-patron.json --received-at 2026-12-01T19:00 --text demain,14h-16h',
  options: {
    'received-at': {
      type: 'string',
      valueName: '<instant>',
      description:
        'when the message arrived: ISO 8601 with its offset, or YYYY-MM-DDTHH:mm in the team\u2019s zone\n' +
        '(default: the clock)',
    },
    text: { type: 'string', valueName: '<message>', description: 'the message (default: standard input)' },
    id: {
      type: 'string',
      valueName: '<id>',
      description: 'the request id (default: R- and the local receipt time, R-20261201-1900)',
    },
    channel: { type: 'string', valueName: CHANNELS.join('|'), description: 'how it arrived (default: sms)' },
    ...FORMAT_OPTION,
    lang: {
      ...LANG_OPTION.lang,
      description: 'language of the restatement (default: the message\u2019s own)',
    },
  },
  positionals: ['team.json'],
  async run(args, io) {
    const format = formatArg(args, ['text', 'json']);
    const lang = stringOption(args, 'lang') === undefined ? undefined : langArg(args);
    const team = loadTeamArg(args.positionals[0] as string, io);
    const receivedText = stringOption(args, 'received-at');
    const receivedAt =
      receivedText === undefined ? io.now() : instantArg('--received-at', receivedText, team);
    const channel = (stringOption(args, 'channel') ?? 'sms') as Channel;
    if (!CHANNELS.includes(channel))
      throw new UsageError(`--channel "${channel}" (expected ${orList(CHANNELS)})`);
    const givenId = stringOption(args, 'id');
    if (givenId !== undefined && !ID_PATTERN.test(givenId)) {
      throw new UsageError(
        '--id: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64',
      );
    }
    const text = stringOption(args, 'text') ?? (await io.readStdin());
    const reading = readCallbackWindows(text, {
      receivedAt,
      timeZone: team.timeZone,
      ...(lang === undefined ? {} : { lang }),
      ...(team.intake === undefined ? {} : { policy: team.intake }),
    });
    const iso = isoIn(team, receivedAt);
    const id = givenId ?? `R-${iso(receivedAt).slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}`;
    if (format === 'text') {
      io.stdout(intakeText(reading, reading.lang));
      return 0;
    }
    const hasContact = reading.contact.phone !== undefined || reading.contact.email !== undefined;
    const request = {
      id,
      receivedAt: iso(receivedAt),
      door: 'coaches',
      channel,
      callbackWindows: reading.windows.map((w) => ({ start: iso(w.start), end: iso(w.end) })),
      ...(hasContact ? { contact: reading.contact } : {}),
      intake: {
        understood: reading.understood,
        ambiguities: reading.ambiguities,
        ignored: reading.ignored,
        dropped: reading.dropped.map((d) => ({
          start: iso(d.start),
          end: iso(d.end),
          reason: d.reason,
          source: d.source,
        })),
      },
    };
    io.stdout(jsonText(request));
    return 0;
  },
};

/** ISO 8601 with the team's offset, for instants near the receipt (one table for all). */
function isoIn(team: Team, receivedAt: number): (t: number) => string {
  const table = buildZoneTable(team.timeZone, receivedAt - 400 * DAY, receivedAt + 400 * DAY);
  return (t) => formatInstant(table, t);
}

const LABELS = {
  fr: {
    doubts: 'À confirmer :',
    or: 'ou',
    dropped: (n: number) =>
      `${n} créneau${n > 1 ? 'x' : ''} déjà passé${n > 1 ? 's' : ''}, écarté${n > 1 ? 's' : ''}`,
    ignored: (n: number) =>
      `${n} passage${n > 1 ? 's' : ''} qui ressemble${n > 1 ? 'nt' : ''} à une heure, non compris`,
    contact: 'Coordonnées trouvées :',
    phone: 'téléphone',
    email: 'e-mail',
  },
  en: {
    doubts: 'To confirm:',
    or: 'or',
    dropped: (n: number) => `${n} window${n > 1 ? 's' : ''} already past, left out`,
    ignored: (n: number) =>
      `${n} part${n > 1 ? 's' : ''} that look${n > 1 ? '' : 's'} like a time, not understood`,
    contact: 'Contact found:',
    phone: 'phone',
    email: 'e-mail',
  },
} as const;

/** The restatement, then the doubts; says a contact was found without printing it. */
function intakeText(reading: ReturnType<typeof readCallbackWindows>, lang: 'fr' | 'en'): string {
  const words = LABELS[lang];
  const lines = [reading.understood];
  if (reading.ambiguities.length > 0) {
    lines.push(words.doubts);
    for (const a of reading.ambiguities) lines.push(`- ${a.reading} (${words.or} ${a.alternative})`);
  }
  if (reading.dropped.length > 0) lines.push(words.dropped(reading.dropped.length));
  if (reading.ignored.length > 0) lines.push(words.ignored(reading.ignored.length));
  const found = [
    ...(reading.contact.phone === undefined ? [] : [words.phone]),
    ...(reading.contact.email === undefined ? [] : [words.email]),
  ];
  if (found.length > 0) lines.push(`${words.contact} ${found.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
