import { parseTeam } from '../../src/model/parse.js';
import type { CallbackRequest } from '../../src/model/request.js';
import type { TeamFile } from '../../src/model/schema.js';
import type { Team } from '../../src/model/team.js';
import { parseLocalDateTime } from '../../src/time/local.js';
import { zonedToInstant } from '../../src/time/zone.js';

/** A Paris wall-clock time `YYYY-MM-DDTHH:mm` as an instant (by the README's DST rules). */
export const paris = (text: string): number => {
  const local = parseLocalDateTime(text);
  if (local === undefined) throw new Error(`bad local time ${text}`);
  return zonedToInstant('Europe/Paris', local);
};

/** A team in Paris from `{ id: [availability rules] }`. */
export function teamOf(coaches: Record<string, TeamFile['coaches'][number]['availability']>): Team {
  return parseTeam({
    name: 'Test',
    timeZone: 'Europe/Paris',
    coaches: Object.entries(coaches).map(([id, availability]) => ({ id, name: id, availability })),
  });
}

/** An open request to the coaches' door, windows as Paris local times. */
export function request(
  id: string,
  receivedAt: string,
  windows: readonly (readonly [string, string])[],
  extra: Partial<CallbackRequest> = {},
): CallbackRequest {
  return {
    id,
    receivedAt: paris(receivedAt),
    door: 'coaches',
    channel: 'sms',
    callbackWindows: windows.map(([start, end]) => ({ start: paris(start), end: paris(end) })),
    durationMinutes: 60,
    attempts: [],
    ...extra,
  };
}
