// An SLA page: read a team and a request file, compute every request's deadline and status (French holidays).
import { computeSla, parseRequests, parseTeam, slaToText } from 'astreinte';

globalThis.slaPage = (teamJson, requestsJson, now) => {
  const team = parseTeam(teamJson);
  return slaToText(computeSla(team, parseRequests(requestsJson, team), { now }), team);
};
