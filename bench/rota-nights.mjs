/**
 * Nights and weekends of the rota (issue 11, secondary objective): on the teams of workload 5 over 2027 (default
 * policy), the largest deviation from the night and weekend fair shares, the spread of nights and weekend hours,
 * and the per-layer largest deviations (which night/weekend steering must not worsen). Run against a built library:
 * `node bench/rota-nights.mjs [path to dist/index.js ...]` (default `dist/index.js`), one row per library; then
 * the same figures on teams whose coaches all declared the same windows (seeded `fast-check` samples).
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

// Teams where every coach declared the same windows (2-6 coaches, 1-3 weekly windows on the 4-hour grid, one or
// two weeks of January 2027 in Paris): 600 seeded cases per policy, largest deviations per rota.
const { default: fc } = await import('fast-check');
const FROM = Date.UTC(2027, 0, 3, 23);
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const hh = (b) => `${String((b * 4) % 24).padStart(2, '0')}:00`;
const windowArb = fc
  .record({
    days: fc.subarray(DAYS, { minLength: 1 }),
    s: fc.integer({ min: 0, max: 5 }),
    len: fc.integer({ min: 1, max: 3 }),
  })
  .map((w) => ({ days: w.days, from: hh(w.s), to: w.s + w.len === 6 ? '24:00' : hh(w.s + w.len) }));
const cases = fc.sample(
  fc.tuple(
    fc.integer({ min: 2, max: 6 }),
    fc.array(windowArb, { minLength: 1, maxLength: 3 }),
    fc.constantFrom(1, 2),
  ),
  { numRuns: 600, seed: 11 },
);
const tail = (values) => {
  const s = [...values].sort((x, y) => x - y);
  return `${s[Math.floor(s.length * 0.9)].toFixed(1)} / ${s[s.length - 1].toFixed(1)} h / ${s.filter((x) => x > 4 + 1e-6).length}`;
};
console.log();
console.log('| policy | library | night: p90 / max / cases > 4 h | weekend | first line | backup | total |');
console.log('|---|---|---|---|---|---|---|');
for (const [rest, stretch] of [
  [0, 168],
  [8, 12],
]) {
  for (const layers of [1, 2]) {
    for (const [p, lib] of libs) {
      const q = cases.map(([n, windows, weeks]) => {
        const coaches = Array.from({ length: n }, (_, i) => ({
          id: `c${i}`,
          name: `C${i}`,
          availability: windows,
        }));
        const team = lib.parseTeam({ name: 't', timeZone: 'Europe/Paris', coaches });
        const policy = {
          layers: ['primary', 'backup'].slice(0, layers),
          minRestHours: rest,
          maxStretchHours: stretch,
        };
        return lib.generateRota(team, { from: FROM, to: FROM + weeks * 7 * 864e5, policy }).quality;
      });
      console.log(
        `| ${layers} layer(s), rest ${rest} h, stretch ${stretch} h | ${p} | ${tail(q.map((x) => x.maxNightDeviationHours))} | ${tail(q.map((x) => x.maxWeekendDeviationHours))} | ${tail(q.map((x) => x.maxDeviationByLayer.primary))} | ${layers > 1 ? tail(q.map((x) => x.maxDeviationByLayer.backup)) : '–'} | ${tail(q.map((x) => x.maxFairShareDeviationHours))} |`,
      );
    }
  }
}
