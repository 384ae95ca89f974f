// One cold computeExposure over 2027 for workload 8b, in a fresh process: prints { baseKiB, peakKiB } as JSON.
import { lib } from './lib.mjs';
import { startPeakRss } from './memory.mjs';
import { rotaTeam, YEAR } from './rota-teams.mjs';

const team = lib.parseTeam(rotaTeam(process.argv[2] ?? 'example'));
globalThis.gc?.();
const peak = startPeakRss();
const report = lib.computeExposure(team, YEAR);
const peakKiB = peak.peakKiB();
process.stdout.write(
  `${JSON.stringify({ baseKiB: peak.baseKiB, peakKiB, periods: report.periods.length })}\n`,
);
