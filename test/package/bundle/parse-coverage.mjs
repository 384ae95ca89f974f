// A coverage page: read a team file, show its gaps.
import { computeCoverage, parseTeam } from 'astreinte';

globalThis.coverage = (json, from, to) => computeCoverage(parseTeam(json), { from, to });
