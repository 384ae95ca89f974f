/**
 * Workload 6b, one size per process: `node --expose-gc bench/matching-plan.mjs <team-day|national-day|national-week>`.
 * The whole path of callback matching, as the command runs it: a request file object (contacts included) parsed
 * against the team (`parseRequests`), then `planCallbacks` (free time, clock grid, the exact solver, the plan).
 * Prints one JSON line: times in ns (the first, cold run, then medians of warm runs), peak memory in KiB (Linux
 * VmHWM reset just before the cold run, as workload 4), and the plan's figures.
 *
 * - team-day: the example team (7 coaches) and 50 open requests over one day.
 * - national-day / national-week: the synthetic national network (`makeTeam(1000)`) and 1,500 / 10,000 open
 *   requests over one day / one week, 1-3 windows each.
 */
import { lib } from './lib.mjs';
import { startPeakRss } from './memory.mjs';
import { exampleTeam2027 } from './rota-teams.mjs';
import { lcg, makeTeam } from './team-gen.mjs';

const { parseTeam, parseRequests, planCallbacks } = lib;
const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
const SIZES = {
  'team-day': { team: () => exampleTeam2027(), requests: 50, days: 1 },
  'national-day': { team: () => makeTeam(1000), requests: 1500, days: 1 },
  'national-week': { team: () => makeTeam(1000), requests: 10_000, days: 7 },
};
const size = process.argv[2] ?? 'team-day';
const spec = SIZES[size];
if (!spec) throw new Error(`usage: matching-plan.mjs <${Object.keys(SIZES).join('|')}>`);

const pad = (n) => String(n).padStart(2, '0');
/** Local date-time text `2027-01-DDTHH:mm` of day `d` (0 = Monday 11 January 2027) and minute `m` of the day. */
const local = (d, m) =>
  `2027-01-${pad(11 + d + Math.floor(m / 1440))}T${pad(Math.floor((m % 1440) / 60))}:${pad(m % 60)}`;

/** A request file of `n` open requests to the coaches' door, received over the evening before and the days. */
export function requestFile(n, days, seed = 42) {
  const rand = lcg(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const list = [];
  for (let i = 0; i < n; i++) {
    const day = int(0, days - 1);
    const windows = [];
    const count = int(1, 3);
    for (let w = 0; w < count; w++) {
      const d = Math.min(days - 1, day + int(0, 1));
      const start = int(16, 42) * 30; // 08:00 to 21:00
      const length = int(2, 8) * 30; // 1 to 4 h
      windows.push({ start: local(d, start), end: local(d, Math.min(start + length, 22 * 60 + 30)) });
    }
    list.push({
      id: `R-${String(i).padStart(6, '0')}`,
      receivedAt: local(day, int(0, 7 * 60)),
      door: 'coaches',
      channel: 'sms',
      topic: 'wellbeing',
      callbackWindows: windows,
      durationMinutes: [60, 60, 60, 30, 90, 120][int(0, 5)],
      contact: { name: `Appelant ${i}`, phone: `+33 6 39 98 ${pad(i % 100)} ${pad((i >> 7) % 100)}` },
    });
  }
  return list;
}

const team = parseTeam(spec.team());
const file = requestFile(spec.requests, spec.days);
const now = Date.UTC(2027, 0, 10, 23); // Monday 11 January 2027 00:00 Paris
gc();
const { baseKiB, peakKiB: peakSince } = startPeakRss();
const clock = () => process.hrtime.bigint();
const t0 = clock();
const requests = parseRequests(file, team);
const t1 = clock();
let plan = planCallbacks(team, requests, { now });
const t2 = clock();
const peakKiB = peakSince();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const parseNs = [];
const planNs = [];
for (let run = 0; run < (size === 'national-week' ? 3 : 7); run++) {
  gc();
  const a = clock();
  const r = parseRequests(file, team);
  const b = clock();
  plan = planCallbacks(team, r, { now });
  const c = clock();
  parseNs.push(Number(b - a));
  planNs.push(Number(c - b));
}
process.stdout.write(
  `${JSON.stringify({
    size,
    coaches: team.coaches.length,
    requests: requests.length,
    coldParseNs: Number(t1 - t0),
    coldPlanNs: Number(t2 - t1),
    parseNs: median(parseNs),
    planNs: median(planNs),
    baseKiB,
    peakKiB,
    placed: plan.figures.placed,
    onTime: plan.figures.placedBeforeDeadline,
    proven: plan.figures.proven,
  })}\n`,
);
