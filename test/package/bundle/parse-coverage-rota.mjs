// A rota page: read a team file, show its coverage and its rota (the page issue 13 measured).
import { computeCoverage, generateRota, parseTeam } from 'astreinte';

globalThis.page = (json, from, to) => {
  const team = parseTeam(json);
  return { coverage: computeCoverage(team, { from, to }), rota: generateRota(team, { from, to }) };
};
