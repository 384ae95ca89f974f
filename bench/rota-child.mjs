/**
 * Workload 5, memory, one computation per process: `node --expose-gc bench/rota-child.mjs <7|100|1000|example> <rota|coverage>`.
 * Builds the compiled team, forces a GC, resets the peak-RSS counter (Linux `VmHWM`, via `/proc/self/clear_refs`),
 * runs one cold `generateRota` or `computeCoverage` over the year 2027 (default policy), reads the peak, then
 * measures what the result keeps alive (heap and array buffers used after a GC with the result held, minus after
 * a GC once it is dropped). Prints one JSON line: times in ns, memory in KiB.
 */
import { lib } from './lib.mjs';
import { startPeakRss } from './memory.mjs';
import { rotaTeam, YEAR } from './rota-teams.mjs';

const { generateRota, computeCoverage, parseTeam } = lib;
const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
const which = process.argv[2] ?? '100';
const fn = process.argv[3] ?? 'rota';
if (fn !== 'rota' && fn !== 'coverage')
  throw new Error('usage: rota-child.mjs <7|100|1000|example> <rota|coverage>');

const team = parseTeam(rotaTeam(which));
gc();
const { baseKiB, hwmReset, peakKiB: peakSince } = startPeakRss();
const t0 = process.hrtime.bigint();
let result = fn === 'rota' ? generateRota(team, YEAR) : computeCoverage(team, YEAR);
const coldNs = Number(process.hrtime.bigint() - t0);
const peakKiB = peakSince();
const size = fn === 'rota' ? result.shifts.length : result.timeline.counts.length;
// Typed arrays' contents live outside the JS heap (`arrayBuffers`), and are released after the GC, off the main
// thread: settle with two GCs around a short pause before each reading.
const settle = async () => {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
};
const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
await settle();
const heldBytes = used();
result = null;
await settle();
const retainedKiB = Math.round((heldBytes - used()) / 1024);

process.stdout.write(
  `${JSON.stringify({ which, fn, coldNs, baseKiB, peakKiB, peakSource: hwmReset ? 'VmHWM' : 'maxRSS', retainedKiB, size })}\n`,
);
