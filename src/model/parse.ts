/**
 * Reads a team file: checks its shape with the zod schema, then what a shape cannot say (dates that do not exist,
 * empty windows, unknown zones, duplicate ids, RRULEs...), and compiles it into a {@link Team}.
 *
 * Every problem is reported at once, in the order it appears in the file, in plain words: zod's own messages never
 * reach the user. The semantic pass walks the raw input defensively, so it still checks the parts that are well
 * shaped when others are not; it skips what the shape check already reported.
 *
 * @module
 */

import { ValidationError } from '../errors.js';
import { compileTeam } from './compile.js';
import { type Found, inputOrder } from './found.js';
import { teamFileSchema } from './schema.js';
import { translate } from './shape-issues.js';
import type { Team } from './team.js';

/**
 * What {@link safeParseTeam} returns: the team, or the error listing every problem.
 *
 * @example
 * const result: SafeParseTeamResult = safeParseTeam(json);
 * if (!result.success) console.error(result.error.message);
 */
export type SafeParseTeamResult =
  | {
      /** The file is valid. */
      readonly success: true;
      /** The compiled team. */
      readonly team: Team;
    }
  | {
      /** The file has problems. */
      readonly success: false;
      /** Every problem found, in file order. */
      readonly error: ValidationError;
    };

/**
 * Validates a team file (the parsed JSON) and compiles it into a {@link Team}.
 *
 * @param input - the team file's value, e.g. `JSON.parse(text)`; anything else is reported, not trusted.
 * @throws {@link ValidationError} listing every problem found, each with its path, the value and what was expected.
 * @example
 * ```ts
 * const team = parseTeam({
 *   name: 'Ça va patron ?',
 *   timeZone: 'Europe/Paris',
 *   coaches: [{ id: 'amelie', name: 'Amélie', availability: [{ days: ['MO'], from: '19:00', to: '23:00' }] }],
 * });
 * team.coaches[0].availability[0] // { kind: 'weekly', weekdays: 1, everyWeeks: 1, startMinute: 1140, endMinute: 1380 }
 * ```
 */
export function parseTeam(input: unknown): Team {
  const result = safeParseTeam(input);
  if (!result.success) throw result.error;
  return result.team;
}

/**
 * Like {@link parseTeam}, but returns the error instead of throwing it: never throws on bad input.
 *
 * @example
 * ```ts
 * const result = safeParseTeam(JSON.parse(text));
 * if (result.success) useTeam(result.team);
 * else for (const problem of result.error.issues) console.error(problem.message);
 * ```
 */
export function safeParseTeam(input: unknown): SafeParseTeamResult {
  const found: Found[] = [];
  const shape = teamFileSchema.safeParse(input, { reportInput: true });
  if (!shape.success) for (const zodIssue of shape.error.issues) translate(zodIssue, [], found);
  const team = compileTeam(input, found);
  if (found.length === 0) {
    // A well-shaped file always compiles; reaching here without a team is a bug, not bad input.
    if (team === undefined) throw new Error('astreinte: a well-shaped team file did not compile');
    return { success: true, team };
  }
  const order = inputOrder(input);
  found.sort((a, b) => order(a.at, b.at));
  return { success: false, error: new ValidationError(found.map((f) => f.issue)) };
}
