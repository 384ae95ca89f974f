/**
 * The command's logic, with its inputs (arguments, files, today's date) and outputs passed in, so tests run it
 * in-process. `main.ts` wires it to the real process.
 *
 * @module
 */
import {
  AstreinteError,
  fail,
  issue,
  type PathSegment,
  ValidationError,
  type ValidationIssue,
} from '../model/errors.js';
import { parseTeam } from '../model/parse.js';
import type { Team } from '../model/team.js';
import { coverageToJson } from '../reporting/coverage-json.js';
import { coverageToText } from '../reporting/coverage-text.js';
import { rotaToJson } from '../reporting/rota-json.js';
import { rotaToText } from '../reporting/rota-text.js';
import { computeCoverage } from '../rota/coverage.js';
import { generateRota } from '../rota/generate.js';
import { MAX_HORIZON_MS } from '../rota/horizon.js';
import { type RotaPolicyInput, resolvePolicy } from '../rota/policy.js';
import type { Shift } from '../rota/rota.js';
import { formatLocalDate, parseLocalDate, parseLocalDateTime } from '../time/local.js';
import type { Instant } from '../time/types.js';
import { startOfLocalDate } from '../time/zone.js';
import { parseArgs, USAGE, UsageError } from './args.js';

/** What the command needs from the outside world. */
export interface CommandIo {
  /** Reads a file as UTF-8 text; throws a Node-style error (with `code`) when it cannot. */
  readonly readFile: (path: string) => string;
  /** The current instant (only used for defaults: "from today"). */
  readonly now: () => number;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly version: string;
}

/** Days in the default horizon: four weeks. */
const DEFAULT_DAYS = 28;

/**
 * Runs one command line and returns its exit code: 0 done, 2 bad input or usage, 1 unexpected failure. Never
 * throws and never prints a stack trace: bad input is reported as a list of problems.
 */
export function runCommand(argv: readonly string[], io: CommandIo): number {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case 'version':
        io.stdout(`${io.version}\n`);
        return 0;
      case 'validate': {
        const team = loadTeam(command.teamFile, io);
        io.stdout(`${command.teamFile}: valid (${team.coaches.length} coaches, ${team.timeZone})\n`);
        return 0;
      }
      case 'coverage': {
        const team = loadTeam(command.teamFile, io);
        const report = computeCoverage(team, {
          ...horizonOf(command, team, io),
          ...(command.minCoaches === undefined ? {} : { minCoaches: command.minCoaches }),
        });
        io.stdout(
          command.format === 'json'
            ? `${JSON.stringify(coverageToJson(report), null, 2)}\n`
            : coverageToText(report),
        );
        return 0;
      }
      case 'rota': {
        const team = loadTeam(command.teamFile, io);
        const horizon = horizonOf(command, team, io);
        const policy =
          command.policyFile === undefined ? undefined : loadPolicy(command.policyFile, team, io);
        const previous =
          command.previousFile === undefined ? undefined : loadPrevious(command.previousFile, io);
        const rota = generateRota(team, {
          ...horizon,
          ...(policy === undefined ? {} : { policy }),
          ...(previous === undefined ? {} : { previous }),
        });
        io.stdout(
          command.format === 'json' ? `${JSON.stringify(rotaToJson(rota), null, 2)}\n` : rotaToText(rota),
        );
        return 0;
      }
    }
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CommandIo): number {
  if (error instanceof UsageError) {
    io.stderr(`astreinte: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (error instanceof ValidationError) {
    io.stderr(`astreinte: ${error.issues.length === 1 ? 'a problem' : `${error.issues.length} problems`}:\n`);
    for (const issue of error.issues) io.stderr(`  - ${issue.message}\n`);
    return 2;
  }
  if (error instanceof AstreinteError) {
    io.stderr(`astreinte: ${error.message}\n`);
    return 2;
  }
  io.stderr(`astreinte: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

/** Reads and validates a team file; file and JSON problems become validation errors naming the file. */
function loadTeam(path: string, io: CommandIo): Team {
  return parseTeam(readJson('team file', path, 'a readable JSON team file', io));
}

/** Reads a JSON file; a missing, unreadable or malformed file is a validation error naming it. */
function readJson(what: string, path: string, expected: string, io: CommandIo): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const problem =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
    return fail(what, path, problem, expected);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(what, path, `is not valid JSON (${(error as Error).message})`, 'a JSON object');
  }
}

/** Settings a policy file may hold (see `RotaPolicyInput`). */
const POLICY_KEYS = [
  'layers',
  'handOffTimes',
  'minShiftMinutes',
  'maxStretchHours',
  'minRestHours',
  'night',
  'layerSkills',
];

/**
 * Reads a policy file and checks it now, so its problems are reported against the file (`p.json: policy.layers[1]:
 * ...`); a misspelt setting is refused rather than silently replaced by its default.
 */
function loadPolicy(path: string, team: Team, io: CommandIo): RotaPolicyInput {
  const json = readJson('policy file', path, 'a readable JSON rota policy', io);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw inFile(path, [issue('policy', json, 'is not a policy', 'a JSON object of policy settings')]);
  }
  const settings = json as Record<string, unknown>;
  const issues = Object.keys(settings)
    .filter((key) => !POLICY_KEYS.includes(key))
    .map((key) =>
      issue(['policy', key], settings[key], 'is not a policy setting', `one of ${POLICY_KEYS.join(', ')}`),
    );
  const known = Object.fromEntries(Object.entries(settings).filter(([key]) => POLICY_KEYS.includes(key)));
  try {
    resolvePolicy(known as RotaPolicyInput, team);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0) throw inFile(path, issues);
  return json as RotaPolicyInput;
}

/** `2026-12-01T19:00:00+01:00`, `...T19:00+01:00`, `...T18:00:00.000Z`: a date-time that says its offset. */
const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/;

/**
 * Reads a rota printed earlier by `astreinte rota --format json` and turns its shifts back into instants. Each
 * `start` / `end` must carry its offset, so it denotes one instant whatever the host's zone. Every problem is
 * listed, with its path in the file.
 */
function loadPrevious(path: string, io: CommandIo): Shift[] {
  const json = readJson('previous rota file', path, 'a rota printed by astreinte rota --format json', io);
  const list = typeof json === 'object' && json !== null ? (json as { shifts?: unknown }).shifts : undefined;
  if (!Array.isArray(list)) {
    throw inFile(path, [
      issue('shifts', list, 'is not a list of shifts', 'the JSON printed by astreinte rota --format json'),
    ]);
  }
  const issues: ValidationIssue[] = [];
  const shifts: Shift[] = [];
  list.forEach((raw: unknown, i) => {
    const at = (...rest: PathSegment[]) => ['shifts', i, ...rest];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push(issue(at(), raw, 'is not a shift', 'an object { layer, coachId, start, end }'));
      return;
    }
    const r = raw as Record<string, unknown>;
    const before = issues.length;
    for (const key of ['layer', 'coachId'] as const) {
      if (typeof r[key] !== 'string' || r[key] === '') {
        issues.push(issue(at(key), r[key], 'is not a name', 'a non-empty string'));
      }
    }
    const instant = (key: 'start' | 'end'): Instant | undefined => {
      const t = typeof r[key] === 'string' ? parseIsoInstant(r[key]) : undefined;
      if (t === undefined) {
        issues.push(
          issue(
            at(key),
            r[key],
            'is not an instant',
            'ISO 8601 with its offset, e.g. 2026-12-01T19:00:00+01:00',
          ),
        );
      }
      return t;
    };
    const start = instant('start');
    const end = instant('end');
    if (start !== undefined && end !== undefined && end <= start) {
      issues.push(issue(at('end'), r.end, 'is not after start', `an instant after ${String(r.start)}`));
    }
    if (issues.length === before && start !== undefined && end !== undefined) {
      shifts.push({ layer: r.layer as string, coachId: r.coachId as string, start, end });
    }
  });
  if (issues.length > 0) throw inFile(path, issues);
  return shifts;
}

/**
 * The instant an ISO 8601 date-time with offset denotes, or `undefined` when it is not one (no offset, or a date
 * that does not exist). Offsets with seconds (`+00:09:21`, as printed for old local mean times) are read too.
 */
function parseIsoInstant(text: string): Instant | undefined {
  const m = ISO_INSTANT.exec(text);
  if (m === null) return undefined;
  const local = parseLocalDateTime(m[1] as string);
  const seconds = Number(m[2] ?? 0);
  if (local === undefined || seconds > 59 || Number(m[5] ?? 0) > 23 || Number(m[6] ?? 0) > 59)
    return undefined;
  const sign = m[4] === '-' ? -1 : 1;
  const offset = sign * (Number(m[5] ?? 0) * 3600 + Number(m[6] ?? 0) * 60 + Number(m[7] ?? 0)) * 1000;
  return local + seconds * 1000 + Number((m[3] ?? '').padEnd(3, '0')) - offset;
}

/** The same issues, each message starting with the file it was found in. */
function inFile(path: string, issues: readonly ValidationIssue[]): ValidationError {
  return new ValidationError(issues.map((i) => ({ ...i, message: `${path}: ${i.message}` })));
}

/** `[from 00:00, to 00:00)` in the team's zone, from the command's local dates or their defaults. */
function horizonOf(
  command: { readonly from?: string; readonly to?: string },
  team: Team,
  io: CommandIo,
): { from: Instant; to: Instant } {
  const fromDay =
    command.from === undefined ? todayIn(team.timeZone, io.now()) : dateArg('--from', command.from);
  const toDay = command.to === undefined ? fromDay + DEFAULT_DAYS : dateArg('--to', command.to);
  if (toDay <= fromDay)
    fail('--to', command.to, 'is not after --from', `a date after ${formatLocalDate(fromDay)}`);
  const from = startOfLocalDate(team.timeZone, fromDay);
  const to = startOfLocalDate(team.timeZone, toDay);
  if (to - from > MAX_HORIZON_MS) {
    fail('--to', command.to, 'is more than five years after --from', 'a horizon of at most 1,830 days');
  }
  return { from, to };
}

function dateArg(name: string, text: string): number {
  const day = parseLocalDate(text);
  if (day === undefined) fail(name, text, 'is not a date', 'YYYY-MM-DD, a real calendar date');
  return day;
}

/** Today's local date in `zone` at instant `now`. */
function todayIn(zone: string, now: number): number {
  const guess = Math.floor(now / 86_400_000);
  // The local date is the UTC date or one either side; pick the latest whose midnight has passed.
  for (const day of [guess + 1, guess, guess - 1]) if (startOfLocalDate(zone, day) <= now) return day;
  return guess - 1;
}
