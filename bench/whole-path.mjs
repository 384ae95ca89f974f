/**
 * Workload 4, one size per process: `node --expose-gc bench/whole-path.mjs <coaches> <month|year> [minRuns] [budgetMs]`.
 * From the team file object to the coverage report (`computeCoverage(teamFile, { from, to })`, parsing included).
 * Prints one JSON line: times in ns, memory in KiB.
 *
 * - Memory (KiB): `baseKiB` is the RSS just before the first (cold) computation (library loaded, team object built,
 *   after a GC); `peakKiB` is the peak RSS during that computation: Linux `VmHWM`, reset to the current RSS just
 *   before it (`/proc/self/clear_refs`). `maxRssKiB` is `process.resourceUsage().maxRSS` at the same point, for the
 *   record: on Linux a child's maxRSS starts at its parent's size at fork time (it survives exec), so it says more
 *   about the bench runner than about the child; hence VmHWM.
 * - Times: the first (cold) computation, then medians of the warm runs that follow (at least `minRuns`, more while
 *   within `budgetMs`, at most 40). Each run times, in turn: the whole path, `parseTeam` alone, `computeCoverage` on
 *   the compiled team, and a fixed calibration task (sorting 200,000 random doubles) so that growth between processes
 *   can be normalised for process-to-process speed drift.
 */
import { lib } from './lib.mjs';
import { startPeakRss } from './memory.mjs';
import { HORIZONS, lcg, makeTeam } from './team-gen.mjs';

const { computeCoverage, parseTeam } = lib;
const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};

const coaches = Number(process.argv[2] ?? 100);
const span = process.argv[3] ?? 'month';
const runs = Number(process.argv[4] ?? 5); // at least; more while within the time budget (at most 40)
const budgetMs = Number(process.argv[5] ?? 2000);
const horizon = HORIZONS[span];
if (!horizon || !Number.isInteger(coaches))
  throw new Error('usage: whole-path.mjs <coaches> <month|year> [runs]');

const teamFile = makeTeam(coaches);
gc();
const { baseKiB, hwmReset, peakKiB: peakSince } = startPeakRss();

const now = () => process.hrtime.bigint();
const t0 = now();
let report = computeCoverage(teamFile, horizon);
const coldNs = Number(now() - t0);
const peakKiB = peakSince();
const maxRssKiB = process.resourceUsage().maxRSS;
const heapUsedAfterKiB = Math.round(process.memoryUsage().heapUsed / 1024);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
function timeIt(fn, n) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    // No forced GC here: it discards V8's compiled RegExps and caches and doubles the next run's time.
    const t = now();
    fn();
    xs.push(Number(now() - t));
  }
  return median(xs);
}

const summary = {
  segments: report.timeline.counts.length,
  intervals: report.coaches.reduce((s, c) => s + c.freeTime.length / 2, 0),
  rules: teamFile.coaches.reduce((s, c) => s + c.availability.length, 0),
  gaps: report.gaps.length,
  coverageRatio: report.stats.coverageRatio,
};
report = null;

// Interleave the three measured tasks run by run, so drift inside the process hits them alike.
const whole = [];
const parse = [];
const compiled = [];
const calib = [];
const team = parseTeam(teamFile);
const rand = lcg(7);
const calibInput = Float64Array.from({ length: 200_000 }, () => rand());
const budgetEnd = performance.now() + budgetMs;
for (let r = 0; r < runs || (performance.now() < budgetEnd && r < 40); r++) {
  whole.push(timeIt(() => computeCoverage(teamFile, horizon), 1));
  parse.push(timeIt(() => parseTeam(teamFile), 1));
  compiled.push(timeIt(() => computeCoverage(team, horizon), 1));
  calib.push(timeIt(() => calibInput.slice().sort(), 1));
}

process.stdout.write(
  `${JSON.stringify({
    coaches,
    span,
    runs: whole.length,
    node: process.version,
    coldNs,
    wholeNs: median(whole),
    parseNs: median(parse),
    compiledNs: median(compiled),
    calibNs: median(calib),
    baseKiB,
    peakKiB,
    peakSource: hwmReset ? 'VmHWM' : 'maxRSS',
    maxRssKiB,
    heapUsedAfterKiB,
    ...summary,
  })}\n`,
);
