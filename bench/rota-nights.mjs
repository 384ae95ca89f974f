/**
 * Nights and weekends of the rota (issue 11, secondary objective): on the teams of workload 5 over 2027 (default
 * policy), the largest deviation from the night and weekend fair shares, the spread of nights and weekend hours,
 * and the per-layer largest deviations (which night/weekend steering must not worsen). Run against a built library:
 * `node bench/rota-nights.mjs [path to dist/index.js ...]` (default `dist/index.js`), one column per library.
 */
import { pathToFileURL } from 'node:url';
import { rotaTeam, YEAR } from './rota-teams.mjs';

const paths = process.argv.slice(2);
const libs = await Promise.all(
  (paths.length > 0 ? paths : ['dist/index.js']).map(async (p) => [p, await import(pathToFileURL(p).href)]),
);
const h = (x) => `${x.toFixed(1)} h`;
console.log(
  '| team | library | night dev. | weekend dev. | nights spread | weekend spread | first line | backup | total | hand-offs / week |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const which of [7, 'example', 100, 1000]) {
  const team = rotaTeam(which);
  for (const [p, lib] of libs) {
    const r = lib.generateRota(team, { from: YEAR.from, to: YEAR.to });
    const q = r.quality;
    console.log(
      `| ${which} | ${p} | ${h(q.maxNightDeviationHours)} | ${h(q.maxWeekendDeviationHours)} | ${q.nightsSpread} | ${h(q.weekendHoursSpread)} | ${h(q.maxDeviationByLayer.primary)} | ${h(q.maxDeviationByLayer.backup)} | ${h(q.maxFairShareDeviationHours)} | ${q.handOffsPerWeek.toFixed(1)} |`,
    );
  }
}
