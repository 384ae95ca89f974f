/**
 * The command's logic, with its inputs (arguments, files, today's date) and outputs passed in, so tests run it
 * in-process. `main.ts` wires it to the real process.
 *
 * @module
 */

import { planCallbacks } from '../matching/plan-callbacks.js';
import { AstreinteError, fail, ValidationError } from '../model/errors.js';
import type { Team } from '../model/team.js';
import {
  instantIn,
  loadBookings,
  loadMatchingPolicy,
  loadOverrides,
  loadPolicy,
  loadPrevious,
  loadRequests,
  loadTeam,
  type ReadFile,
} from '../node/files.js';
import { coverageToJson } from '../reporting/coverage-json.js';
import { coverageToText } from '../reporting/coverage-text.js';
import { planToJson } from '../reporting/plan-json.js';
import { planToText } from '../reporting/plan-text.js';
import { rotaToJson } from '../reporting/rota-json.js';
import { rotaToText } from '../reporting/rota-text.js';
import { computeCoverage } from '../rota/coverage.js';
import { generateRota } from '../rota/generate.js';
import { MAX_HORIZON_MS } from '../rota/horizon.js';
import { formatLocalDate, parseLocalDate } from '../time/local.js';
import type { Instant } from '../time/types.js';
import { startOfLocalDate } from '../time/zone.js';
import { parseArgs, USAGE, UsageError } from './args.js';

/** What the command needs from the outside world. */
export interface CommandIo {
  /** Reads a file as UTF-8 text; throws a Node-style error (with `code`) when it cannot. */
  readonly readFile: ReadFile;
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
        const policy = command.policyFile === undefined ? undefined : loadPolicy(command.policyFile, io);
        const previous =
          command.previousFile === undefined ? undefined : loadPrevious(command.previousFile, io);
        const overrides =
          command.overridesFile === undefined ? undefined : loadOverrides(command.overridesFile, team, io);
        const rota = generateRota(team, {
          ...horizon,
          ...(policy === undefined ? {} : { policy }),
          ...(previous === undefined ? {} : { previous }),
          ...(overrides === undefined ? {} : { overrides }),
        });
        io.stdout(
          command.format === 'json' ? `${JSON.stringify(rotaToJson(rota), null, 2)}\n` : rotaToText(rota),
        );
        return 0;
      }
      case 'match': {
        const team = loadTeam(command.teamFile, io);
        const requests = loadRequests(command.requestsFile, team, io);
        const now = command.now === undefined ? io.now() : instantArg('--now', command.now, team);
        const rota =
          command.rotaFile === undefined ? undefined : { shifts: loadPrevious(command.rotaFile, io) };
        const bookings =
          command.bookingsFile === undefined ? undefined : loadBookings(command.bookingsFile, team, io);
        const policy =
          command.policyFile === undefined ? undefined : loadMatchingPolicy(command.policyFile, io);
        const plan = planCallbacks(team, requests, {
          now,
          ...(rota === undefined ? {} : { rota }),
          ...(bookings === undefined ? {} : { bookings }),
          policy: { ...(rota === undefined ? {} : { eligible: 'on-call' as const }), ...policy },
        });
        io.stdout(
          command.format === 'json'
            ? `${JSON.stringify(planToJson(plan, team), null, 2)}\n`
            : planToText(plan, team, command.lang),
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

/** `--now`: an ISO 8601 instant with its offset, or a local date-time in the team's zone. */
function instantArg(name: string, text: string, team: Team): Instant {
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
