/**
 * The command's logic, with its inputs (arguments, files, today's date) and outputs passed in, so tests run it
 * in-process. `main.ts` wires it to the real process.
 *
 * @module
 */
import { AstreinteError, fail, ValidationError } from '../model/errors.js';
import { parseTeam } from '../model/parse.js';
import type { Team } from '../model/team.js';
import { coverageToJson } from '../reporting/coverage-json.js';
import { coverageToText } from '../reporting/coverage-text.js';
import { computeCoverage } from '../rota/coverage.js';
import { formatLocalDate, parseLocalDate } from '../time/local.js';
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
        const fromDay =
          command.from === undefined ? todayIn(team.timeZone, io.now()) : dateArg('--from', command.from);
        const toDay = command.to === undefined ? fromDay + DEFAULT_DAYS : dateArg('--to', command.to);
        if (toDay <= fromDay)
          fail('--to', command.to, 'is not after --from', `a date after ${formatLocalDate(fromDay)}`);
        const report = computeCoverage(team, {
          from: startOfLocalDate(team.timeZone, fromDay),
          to: startOfLocalDate(team.timeZone, toDay),
          ...(command.minCoaches === undefined ? {} : { minCoaches: command.minCoaches }),
        });
        io.stdout(
          command.format === 'json'
            ? `${JSON.stringify(coverageToJson(report), null, 2)}\n`
            : coverageToText(report),
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
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const problem =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
    return fail('team file', path, problem, 'a readable JSON team file');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('team file', path, `is not valid JSON (${(error as Error).message})`, 'a JSON object');
  }
  return parseTeam(json);
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
