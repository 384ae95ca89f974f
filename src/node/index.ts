/**
 * `astreinte/node`: the parts of astreinte that need Node.js, kept out of the browser-safe core (`astreinte`).
 * Today: reading the files the command reads (team, rota policy, a published rota, overrides), with every problem
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
import type { Team } from '../model/team.js';
import type { RotaPolicyInput } from '../rota/policy.js';
import type { Override, Shift } from '../rota/rota.js';
import { loadOverrides, loadPolicy, loadPrevious, loadTeam, type ReadFile } from './files.js';

const io: { readonly readFile: ReadFile } = { readFile: (path) => readFileSync(path, 'utf8') };

/**
 * Reads and validates a team file (JSON, UTF-8).
 *
 * @throws {@link ValidationError} when the file is missing, unreadable, not JSON, or not a valid team file; each
 * issue's message starts with the file's path.
 * @example const team = loadTeamFile('examples/ca-va-patron.json');
 */
export function loadTeamFile(path: string): Team {
  return loadTeam(path, io);
}

/**
 * Reads and checks a rota policy file (the JSON of `RotaPolicyInput`); an unknown setting is refused, not ignored.
 *
 * @throws {@link ValidationError} naming the file and the setting.
 * @example const policy = loadPolicyFile('policy.json'); generateRota(team, { from, to, policy });
 */
export function loadPolicyFile(path: string): RotaPolicyInput {
  return loadPolicy(path, io);
}

/**
 * Reads the shifts of a rota printed by `astreinte rota --format json` (or `rotaToJson`), for `previous`. Every
 * `start` / `end` must carry its offset, so the file means the same instants on any host.
 *
 * @throws {@link ValidationError} naming the file and each bad shift's path.
 * @example generateRota(team, { from, to, previous: loadRotaFile('published.json') });
 */
export function loadRotaFile(path: string): Shift[] {
  return loadPrevious(path, io);
}

/**
 * Reads an overrides file: a JSON list (or `{ "overrides": [...] }`) of `{ layer, coachId, start, end }`, with
 * `start` / `end` as ISO 8601 instants with their offset or local date-times `YYYY-MM-DDTHH:mm` in the team's zone.
 *
 * @throws {@link ValidationError} naming the file and each bad entry's path.
 * @example generateRota(team, { from, to, overrides: loadOverridesFile('overrides.json', team) });
 */
export function loadOverridesFile(path: string, team: Team): Override[] {
  return loadOverrides(path, team, io);
}
