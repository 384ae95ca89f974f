/**
 * Parsing the command line into a plain request. No I/O here, so it is tested without spawning processes.
 *
 * @module
 */

/** Thrown for a command line that does not make sense; the command prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A parsed command line. */
export type Command =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'validate'; readonly teamFile: string }
  | {
      readonly command: 'coverage';
      readonly teamFile: string;
      /** Local date `YYYY-MM-DD` in the team's zone; absent means today there. */
      readonly from?: string;
      /** Local date (exclusive); absent means `from` + 28 days. */
      readonly to?: string;
      readonly format: 'text' | 'json';
      readonly minCoaches?: number;
    }
  | {
      readonly command: 'rota';
      readonly teamFile: string;
      /** Local date `YYYY-MM-DD` in the team's zone; absent means today there. */
      readonly from?: string;
      /** Local date (exclusive); absent means `from` + 28 days. */
      readonly to?: string;
      readonly format: 'text' | 'json';
      /** A JSON file holding a rota policy (`RotaPolicyInput`); absent means the default policy. */
      readonly policyFile?: string;
      /** A rota printed earlier by `astreinte rota --format json`, to keep stable; absent means none. */
      readonly previousFile?: string;
      /** A JSON list of overrides `{ layer, coachId, start, end }`; absent means none. */
      readonly overridesFile?: string;
    }
  | {
      readonly command: 'match';
      readonly teamFile: string;
      readonly requestsFile: string;
      /** ISO 8601 instant with its offset, or a local date-time in the team's zone; absent means the clock. */
      readonly now?: string;
      readonly format: 'text' | 'json';
      /** Language of the reasons' sentences in text. */
      readonly lang: 'en' | 'fr';
      /** A rota printed by `astreinte rota --format json`: calls then go to coaches on call. */
      readonly rotaFile?: string;
      /** Calls already booked: a JSON list of `{ id, coachId, start, end }`, or an earlier `match --format json`. */
      readonly bookingsFile?: string;
      /** A JSON matching policy (`MatchingPolicyInput`). */
      readonly policyFile?: string;
    };

/** What `astreinte --help` prints. */
export const USAGE = `Usage:
  astreinte validate <team.json>
      Checks a team file; prints every problem found. Exit 0 when valid, 2 when not.
  astreinte coverage <team.json> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format text|json] [--min-coaches N]
      How the team's declared availability covers [from, to): local dates in the team's zone, midnight to
      midnight. Defaults: from today (team's zone), to four weeks later; text format; the team's minCoaches.
  astreinte rota <team.json> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format text|json] [--policy <policy.json>]
                 [--previous <rota.json>] [--overrides <overrides.json>]
      Who is on call, layer by layer, over [from, to) (same dates and defaults as coverage), each coach's load
      against a fair share, and the time no one can hold. --policy: a JSON rota policy (layers, handOffTimes,
      minShiftMinutes, maxStretchHours, minRestHours, night, layerSkills, layerWeights). --previous: the rota
      published before, as printed by --format json; every assignment of it still valid is kept. --overrides:
      a JSON list of { layer, coachId, start, end } (start and end as local YYYY-MM-DDTHH:mm in the team's
      zone, or ISO 8601 with offset) pinning coaches; they win over the generated rota.
  astreinte match <team.json> <requests.json> [--now <instant>] [--rota <rota.json>] [--bookings <bookings.json>]
                  [--policy <policy.json>] [--format text|json] [--lang en|fr]
      Places every open request of the coaches' door with a free coach: a day-by-day call sheet (text) or the
      plan (json), each request exactly once, placed or not placed with its reason; never a contact detail.
      --now: ISO 8601 with offset, or YYYY-MM-DDTHH:mm in the team's zone (default: the clock). --rota: calls go
      to the coaches on call in that rota (as printed by rota --format json). --bookings: calls already booked
      ({ id, coachId, start, end }, or an earlier match --format json), kept and worked around. --policy: a JSON
      matching policy (bufferMinutes, maxCallsPerDay, gridMinutes, minNoticeMinutes, retrySpacingMinutes,
      maxRetries, deadlineHours, eligible, layers). --lang: language of the reasons in text (default en).
  astreinte --help | --version

Exit codes: 0 done, 2 bad input or usage, 1 unexpected failure.`;

const OPTIONS: Record<string, readonly string[]> = {
  validate: [],
  coverage: ['--from', '--to', '--format', '--min-coaches'],
  rota: ['--from', '--to', '--format', '--policy', '--previous', '--overrides'],
  match: ['--now', '--format', '--lang', '--rota', '--bookings', '--policy'],
};

/**
 * Parses `argv` (without `node` and the script). Accepts `--opt value` and `--opt=value`.
 *
 * @throws {@link UsageError} for an unknown command or option, a missing value or team file, or a bad format.
 * @example parseArgs(['coverage', 'team.json', '--format', 'json'])
 * // { command: 'coverage', teamFile: 'team.json', format: 'json' }
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    return { command: 'help' };
  }
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  const [command, ...rest] = argv as [string, ...string[]];
  const allowed = OPTIONS[command];
  if (allowed === undefined)
    throw new UsageError(`unknown command "${command}" (expected validate, coverage, rota or match)`);
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!allowed.includes(name)) throw new UsageError(`unknown option "${name}" for ${command}`);
    const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`option ${name} needs a value`);
    if (options.has(name)) throw new UsageError(`option ${name} is given twice`);
    options.set(name, value);
  }
  if (command === 'match') return matchCommand(positional, options);
  if (positional.length !== 1) {
    throw new UsageError(
      `${command} takes one team file, got ${positional.length === 0 ? 'none' : positional.join(' ')}`,
    );
  }
  const teamFile = positional[0] as string;
  if (command === 'validate') return { command, teamFile };
  const format = formatOf(options);
  const from = options.get('--from');
  const to = options.get('--to');
  const dates = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  if (command === 'rota') {
    const policyFile = options.get('--policy');
    const previousFile = options.get('--previous');
    const overridesFile = options.get('--overrides');
    return {
      command,
      teamFile,
      format,
      ...dates,
      ...(policyFile === undefined ? {} : { policyFile }),
      ...(previousFile === undefined ? {} : { previousFile }),
      ...(overridesFile === undefined ? {} : { overridesFile }),
    };
  }
  const minText = options.get('--min-coaches');
  const minCoaches = minText === undefined ? undefined : Number(minText);
  if (minCoaches !== undefined && !(Number.isInteger(minCoaches) && minCoaches >= 1)) {
    throw new UsageError(`--min-coaches "${minText}" (expected a whole number >= 1)`);
  }
  return {
    command: 'coverage',
    teamFile,
    format,
    ...dates,
    ...(minCoaches === undefined ? {} : { minCoaches }),
  };
}

function formatOf(options: ReadonlyMap<string, string>): 'text' | 'json' {
  const format = options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format "${format}" (expected text or json)`);
  return format;
}

function matchCommand(positional: readonly string[], options: ReadonlyMap<string, string>): Command {
  if (positional.length !== 2) {
    throw new UsageError(
      `match takes a team file and a request file, got ${positional.length === 0 ? 'none' : positional.join(' ')}`,
    );
  }
  const lang = options.get('--lang') ?? 'en';
  if (lang !== 'en' && lang !== 'fr') throw new UsageError(`--lang "${lang}" (expected en or fr)`);
  const optional = (name: string, key: string) => {
    const value = options.get(name);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    command: 'match',
    teamFile: positional[0] as string,
    requestsFile: positional[1] as string,
    format: formatOf(options),
    lang,
    ...optional('--now', 'now'),
    ...optional('--rota', 'rotaFile'),
    ...optional('--bookings', 'bookingsFile'),
    ...optional('--policy', 'policyFile'),
  };
}
