// The library as a web page or another program would use it: parse a team, compute its coverage, show the gaps.
// Run after `npm run build`: node examples/embed.mjs
import { readFile } from 'node:fs/promises';
import { computeCoverage, parseTeam } from 'astreinte';

// In a browser this JSON would come from fetch() or a form; Node reads it from disk.
const json = JSON.parse(await readFile(new URL('./ca-va-patron.json', import.meta.url), 'utf8'));
const team = parseTeam(json);

// December 2026 in Paris: instants are UTC epoch milliseconds (Paris is UTC+1 in winter).
const from = Date.UTC(2026, 10, 30, 23);
const to = Date.UTC(2026, 11, 31, 23);
const { stats, gaps } = computeCoverage(team, { from, to });

const paris = new Intl.DateTimeFormat('fr-FR', {
  timeZone: team.timeZone,
  dateStyle: 'full',
  timeStyle: 'short',
});
console.log(`${team.name}: ${(stats.coverageRatio * 100).toFixed(1)} % of December covered`);
for (const gap of gaps.slice(0, 3)) {
  console.log(`gap: ${paris.format(gap.start)} -> ${paris.format(gap.end)}`);
}
