// A subscription page: read a team, build its rota, offer a coach's, the team's and the gaps feed as .ics files.
import { generateRota, parseTeam } from 'astreinte';
import { coachFeed, gapsFeed, teamFeed } from 'astreinte/ical';

globalThis.feeds = (teamJson, coachId, now) => {
  const team = parseTeam(teamJson);
  const rota = generateRota(team, { from: now - 15 * 86_400_000, to: now + 90 * 86_400_000 });
  return [
    coachFeed(team, coachId, { rota, now }).ics,
    teamFeed(team, { rota, now }).ics,
    gapsFeed(team, { now }).ics,
  ];
};
