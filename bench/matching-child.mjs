/**
 * One cold `solveMatching` call in a fresh process, for its peak memory (bench/matching-solver.mjs runs it):
 * `node bench/matching-child.mjs <bundle.mjs> <instance> <seed> [t]`. Imports nothing but the bundle and the
 * instance generator, so the peak RSS is node + solver + instance. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { INSTANCES } from './matching-gen.mjs';

const [bundle, name, seed, tight] = process.argv.slice(2);
const { solveMatching } = await import(pathToFileURL(bundle).href);
const p = INSTANCES[name](Number(seed), tight === 't');
const before = process.memoryUsage().rss;
const t = performance.now();
const out = solveMatching(p);
const ms = performance.now() - t;
// VmHWM (peak RSS of this process image), not getrusage's maxRSS: the latter keeps the spawning parent's peak.
const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? Number.NaN);
process.stdout.write(
  `${JSON.stringify({ name, seed, tight, ms, beforeKiB: before / 1024, peakKiB, stats: out.stats })}\n`,
);
