import type { ValidationError } from '../../src/errors.js';
import { parseTeam } from '../../src/model/parse.js';
import { safeParseRequests } from '../../src/model/requests-parse.js';
import type { Team } from '../../src/model/team.js';
import { briefTeam } from './brief-team.js';

/** The brief's team (Europe/Paris) with a second coach, `bastien`. */
export function requestsTeam(): Team {
  const file = briefTeam();
  return parseTeam({
    ...file,
    coaches: [...file.coaches, { id: 'bastien', name: 'Bastien', availability: [] }],
  });
}

/** The request of issue 6, fresh on each call so tests may mutate it; `contact` holds `contact`'s fields. */
export function issueRequest(contact: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'R-2026-0042',
    receivedAt: '2026-12-01T21:14:00+01:00',
    door: 'coaches',
    channel: 'sms',
    topic: 'wellbeing',
    caseId: 'C-0019',
    callbackWindows: [{ start: '2026-12-02T12:00:00+01:00', end: '2026-12-02T14:00:00+01:00' }],
    durationMinutes: 60,
    contact: { name: 'Jeanne', phone: '+33 6 12 34 56 78', email: 'jeanne@example.fr', ...contact },
    attempts: [{ at: '2026-12-02T12:00:00+01:00', coachId: 'amelie', outcome: 'no-answer' }],
    firstContactAt: null,
    outcome: null,
  };
}

/** The error `safeParseRequests` returns for `input` (a test fails if it succeeds). */
export function requestsErrorOf(input: unknown, team: Team): ValidationError {
  const result = safeParseRequests(input, team);
  if (result.success) throw new Error('expected a ValidationError');
  return result.error;
}
