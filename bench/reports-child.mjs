/**
 * Workload 11, one cold coverage-gap report per process, for its time and peak memory:
 * `node --expose-gc bench/reports-child.mjs <example-month|1000-year>`. Prints one JSON line (ns, KiB).
 */
import { lib as core, reports } from './lib.mjs';

// The core and astreinte/reports of one build, as one namespace.
const lib = { ...core, ...reports };

import { startPeakRss } from './memory.mjs';
import { reportCase } from './reports-cases.mjs';

const { buildCoverageGapReport } = lib;
const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
const which = process.argv[2] ?? 'example-month';
const { team, horizon } = reportCase(which, lib);
gc();
const { baseKiB, hwmReset, peakKiB: peakSince } = startPeakRss();
const t0 = process.hrtime.bigint();
const report = buildCoverageGapReport(team, horizon);
const coldNs = Number(process.hrtime.bigint() - t0);
const peakKiB = peakSince();
process.stdout.write(
  `${JSON.stringify({ which, coldNs, baseKiB, peakKiB, peakSource: hwmReset ? 'VmHWM' : 'maxRSS', gaps: report.gaps.length, candidates: report.help.candidates })}\n`,
);
