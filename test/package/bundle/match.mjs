// A call-sheet page: read a team and a request file, plan the callbacks, show them.
import { parseRequests, parseTeam, planCallbacks, planToText } from 'astreinte';

globalThis.callSheet = (teamJson, requestsJson, now) => {
  const team = parseTeam(teamJson);
  return planToText(planCallbacks(team, parseRequests(requestsJson, team), { now }), team);
};
