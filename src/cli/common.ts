/**
 * What several subcommands read the same way: the team file, the horizon (`--from`, `--to`), an instant (`--now`),
 * `--format` and `--lang`. One place, so an option means the same thing in every subcommand.
 *
 * @module
 */

import {
  type Booking,
  fail,
  formatLocalDate,
  type Instant,
  MAX_HORIZON_MS,
  type MatchingPolicyInput,
  parseLocalDate,
  type Shift,
  startOfLocalDate,
  type Team,
} from '../index.js';
import { instantIn, loadBookings, loadMatchingPolicy, loadPrevious, loadTeam } from '../node/index.js';
import { type CommandIo, type OptionSpec, type ParsedArgs, UsageError } from './command.js';

/** Days in the default horizon: four weeks. */
export const DEFAULT_DAYS = 28;

/** `--from` and `--to` as every subcommand with a horizon declares them. */
export const HORIZON_OPTIONS = {
  from: {
    type: 'string',
    valueName: '<date>',
    description: 'first local date YYYY-MM-DD in the team\u2019s zone, from midnight (default: today there)',
  },
  to: {
    type: 'string',
    valueName: '<date>',
    description: 'local date YYYY-MM-DD, exclusive (default: four weeks after --from)',
  },
} as const satisfies Record<string, OptionSpec>;

/** `--format text|json`. */
export const FORMAT_OPTION = {
  format: { type: 'string', valueName: 'text|json', description: 'output format (default: text)' },
} as const satisfies Record<string, OptionSpec>;

/** `--now <instant>`. */
export const NOW_OPTION = {
  now: {
    type: 'string',
    valueName: '<instant>',
    description: 'ISO 8601 with its offset, or YYYY-MM-DDTHH:mm in the team\u2019s zone (default: the clock)',
  },
} as const satisfies Record<string, OptionSpec>;

/** `--lang en|fr`. */
export const LANG_OPTION = {
  lang: {
    type: 'string',
    valueName: 'en|fr',
    description: 'language of the sentences in text (default: en)',
  },
} as const satisfies Record<string, OptionSpec>;

/** `--out <file>|-`: the output written to a file, atomically, instead of standard output. */
export const OUT_OPTION = {
  out: {
    type: 'string',
    valueName: '<file>|-',
    description: 'write the output to this file, atomically; - or absent: standard output',
  },
} as const satisfies Record<string, OptionSpec>;

/**
 * Prints a subcommand's output, or writes it to `--out <file>` atomically (a failed write leaves no file and
 * exits 2); `--out -` is standard output, as in the reports.
 */
export function printOrWrite(args: ParsedArgs, io: CommandIo, text: string): void {
  const out = stringOption(args, 'out');
  if (out === undefined || out === '-') io.stdout(text);
  else writeOutputs(io, '--out', new Map([[out, text]]));
}

/**
 * Shows the stage a long subcommand is at, as one line on standard error rewritten in place (`step…`), only when
 * standard error is a terminal: a pipe or a CI log gets nothing. `progress(io)` clears the line; call it before
 * printing. `runCommand` clears it too when a run fails, so an error never lands after a stage's name.
 */
export function progress(io: CommandIo, step?: string): void {
  if (!io.isTTY) return;
  io.stderr(step === undefined ? CLEAR_LINE : `${CLEAR_LINE}astreinte: ${step}\u2026`);
}

/** Carriage return, then erase the whole line (ECMA-48 EL 2). */
export const CLEAR_LINE = '\r\u001b[2K';

/** Reads and validates the team file named on the command line. */
export function loadTeamArg(path: string, io: CommandIo): Team {
  return loadTeam(path, io);
}

/** A string option's value, or `undefined` when it is absent. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string option that must be there. */
export function requiredOption(args: ParsedArgs, name: string, what: string): string {
  const value = stringOption(args, name);
  if (value === undefined) throw new UsageError(`--${name} is required (${what})`);
  return value;
}

/** `--format`, one of `allowed` (the first is the default). */
export function formatArg<const F extends string>(args: ParsedArgs, allowed: readonly [F, ...F[]]): F {
  const format = stringOption(args, 'format') ?? allowed[0];
  if (!(allowed as readonly string[]).includes(format)) {
    throw new UsageError(`--format "${format}" (expected ${orList(allowed)})`);
  }
  return format as F;
}

/** `--lang`, `en` or `fr` (default `fallback`). */
export function langArg(args: ParsedArgs, fallback: 'en' | 'fr' = 'en'): 'en' | 'fr' {
  const lang = stringOption(args, 'lang') ?? fallback;
  if (lang !== 'en' && lang !== 'fr') throw new UsageError(`--lang "${lang}" (expected en or fr)`);
  return lang;
}

/**
 * `[from 00:00, to 00:00)` in the team's zone, from `--from` and `--to` (local dates) or their defaults: from today
 * in the team's zone, for {@link DEFAULT_DAYS} days; at most five years.
 */
export function horizonArg(args: ParsedArgs, team: Team, io: CommandIo): { from: Instant; to: Instant } {
  const fromText = stringOption(args, 'from');
  const toText = stringOption(args, 'to');
  const fromDay = fromText === undefined ? todayIn(team.timeZone, io.now()) : dateArg('--from', fromText);
  const toDay = toText === undefined ? fromDay + DEFAULT_DAYS : dateArg('--to', toText);
  if (toDay <= fromDay)
    fail('--to', toText, 'is not after --from', `a date after ${formatLocalDate(fromDay)}`);
  const from = startOfLocalDate(team.timeZone, fromDay);
  const to = startOfLocalDate(team.timeZone, toDay);
  if (to - from > MAX_HORIZON_MS) {
    fail('--to', toText, 'is more than five years after --from', 'a horizon of at most 1,830 days');
  }
  return { from, to };
}

/** `--now` when given, else the clock (the only place a subcommand reads it). */
export function nowArg(args: ParsedArgs, team: Team, io: CommandIo): Instant {
  const text = stringOption(args, 'now');
  return text === undefined ? io.now() : instantArg('--now', text, team);
}

/** An instant option: ISO 8601 with its offset, or a local date-time in the team's zone. */
export function instantArg(name: string, text: string, team: Team): Instant {
  const t = instantIn(team)(text);
  if (t === undefined) {
    fail(
      name,
      text,
      'is not an instant',
      'ISO 8601 with its offset, or YYYY-MM-DDTHH:mm in the team\u2019s zone',
    );
  }
  return t;
}

/** A local date option `YYYY-MM-DD`, as days since 1970-01-01. */
export function dateArg(name: string, text: string): number {
  const day = parseLocalDate(text);
  if (day === undefined) fail(name, text, 'is not a date', 'YYYY-MM-DD, a real calendar date');
  return day;
}

/** Today's local date in `zone` at instant `now`. */
export function todayIn(zone: string, now: number): number {
  const guess = Math.floor(now / 86_400_000);
  // The local date is the UTC date or one either side; pick the latest whose midnight has passed.
  for (const day of [guess + 1, guess, guess - 1]) if (startOfLocalDate(zone, day) <= now) return day;
  return guess - 1;
}

/** `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** JSON as the command prints it: two-space indent and a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * `text`, the JSON object a command rewrites a file with, with the `"$schema"` of the file it replaces put back first
 * when that file had one: the user's link for editors, which the file's own writer does not know of.
 *
 * @example keepingSchema(io, 'tokens.json', tokenFileText(records)) // '{\n  "$schema": "…", "version": 1, …'
 */
export function keepingSchema(io: CommandIo, path: string, text: string): string {
  let schema: unknown;
  try {
    schema = (JSON.parse(io.readFile(path)) as { $schema?: unknown } | null)?.$schema;
  } catch {
    return text; // no file yet (or one the reader has already refused)
  }
  return typeof schema === 'string' ? jsonText({ $schema: schema, ...JSON.parse(text) }) : text;
}

/**
 * Writes the run's files through `io.writeFiles` (all or nothing). A file that cannot be written (a missing
 * folder, no permission, a full disk) is bad input, reported against `option` with the file and the system's code,
 * not an unexpected failure.
 */
export function writeOutputs(
  io: CommandIo,
  option: string,
  files: ReadonlyMap<string, string | Uint8Array>,
): void {
  try {
    io.writeFiles(files);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string') throw error;
    const path = (error as { path?: unknown }).path;
    const where = typeof path === 'string' ? path : [...files.keys()].join(', ');
    fail(
      option,
      where,
      `cannot be written (${code}); nothing was written`,
      'a writable file in an existing folder',
    );
  }
}

/** What `--rota`, `--bookings` and `--policy` give a plan (matching, or the SLA's prediction through it). */
export interface PlanInputs {
  readonly rota?: { readonly shifts: readonly Shift[] };
  readonly bookings?: readonly Booking[];
  /** The matching policy; calls go to the coaches on call when a rota is given, unless the policy says otherwise. */
  readonly policy: MatchingPolicyInput;
}

/** Reads `--rota`, `--bookings` and `--policy` (a matching policy) the same way for every subcommand that plans. */
export function planInputsArg(args: ParsedArgs, team: Team, io: CommandIo): PlanInputs {
  const rotaFile = stringOption(args, 'rota');
  const bookingsFile = stringOption(args, 'bookings');
  const policyFile = stringOption(args, 'policy');
  const policy = policyFile === undefined ? undefined : loadMatchingPolicy(policyFile, io);
  return {
    ...(rotaFile === undefined ? {} : { rota: { shifts: loadPrevious(rotaFile, io) } }),
    ...(bookingsFile === undefined ? {} : { bookings: loadBookings(bookingsFile, team, io) }),
    policy: { ...(rotaFile === undefined ? {} : { eligible: 'on-call' as const }), ...policy },
  };
}
