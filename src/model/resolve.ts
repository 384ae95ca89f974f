/**
 * Lets every capability take either a compiled {@link Team} or a raw team file object.
 *
 * @module
 */
import { parseTeam } from './parse.js';
import type { TeamFile } from './schema.js';
import type { Team } from './team.js';

/** What capabilities accept: a team compiled by `parseTeam`, or the team file's object (validated on the way in). */
export type TeamInput = Team | TeamFile;

/**
 * Returns `input` when it is already a compiled team, else parses it (throwing `ValidationError` on bad input).
 * A compiled team is recognised by its compiled rules (`kind` on every availability rule).
 */
export function resolveTeam(input: TeamInput): Team {
  return isCompiledTeam(input) ? input : parseTeam(input);
}

function isCompiledTeam(input: unknown): input is Team {
  if (typeof input !== 'object' || input === null) return false;
  const coaches = (input as { coaches?: unknown }).coaches;
  return (
    Array.isArray(coaches) &&
    coaches.every(
      (c) =>
        typeof c === 'object' &&
        c !== null &&
        Array.isArray(c.availability) &&
        Array.isArray(c.unavailable) &&
        typeof c.weight === 'number' &&
        c.availability.every((r: unknown) => typeof (r as { kind?: unknown })?.kind === 'string'),
    )
  );
}
