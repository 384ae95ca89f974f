/**
 * Workload 8: the SLA engine (issue 7).
 *
 * 8a. Deadlines and statuses of 100,000 requests at the chamber's door (business clock: Monday-Friday 08:30-12:00
 *     and 13:30-17:30, French public holidays, a closure a year), received at random instants over five years
 *     (2026-2030, Europe/Paris), each judged at one `now`. Ours: `calendarFor` (the business calendar, built once)
 *     then `slaDeadline` + `statusAt` per request. Lower bound: the same calendar, then one inlined binary search
 *     and prefix-sum lookup per request (the least work an exact answer needs once the calendar exists). Baselines,
 *     on a sample and extrapolated per request: minute stepping (walk minute by minute from receipt, asking a
 *     precomputed zone table and a holiday set whether each minute is open: generous, no date objects), and a
 *     per-request luxon loop (day by day with `DateTime`, opening spans by `set({ hour, minute })`). All four are
 *     checked to give the same deadlines on the sample.
 * 8b. Exposure scan (`computeExposure`) over 2027 for the example team and the synthetic network of 1,000 coaches
 *     (workload 5's teams), against `computeCoverage` on the same team; peak memory in a child process each.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { fmtRatio, fmtTime, median } from './harness.mjs';
import { lib } from './lib.mjs';
import { rotaTeam, YEAR } from './rota-teams.mjs';
import { lcg } from './team-gen.mjs';

const {
  DEFAULT_SLA_POLICY,
  bundledHolidays,
  buildZoneTable,
  calendarFor,
  computeCoverage,
  computeExposure,
  offsetAt,
  parseTeam,
  slaDeadline,
  statusAt,
} = lib;

const ZONE = 'Europe/Paris';
const MINUTE = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2031, 0, 1);
const DOOR = { ...DEFAULT_SLA_POLICY.cci, closures: [] };
for (let y = 2026; y <= 2030; y++) {
  const d = Date.UTC(y, 11, 26) / DAY;
  DOOR.closures.push({ from: d, to: d });
}

function requests(n, seed = 8) {
  const rnd = lcg(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    // Whole minutes, uniform over the five years.
    const receivedAt = FROM + Math.floor(rnd() * ((TO - FROM - 30 * DAY) / MINUTE)) * MINUTE;
    out.push({ id: `R-${i}`, receivedAt, callbackWindows: [], attempts: [], door: 'cci', channel: 'phone' });
  }
  return out;
}

const ours = (reqs, now) => {
  const cal = calendarFor(reqs, DOOR, ZONE);
  const deadlines = new Float64Array(reqs.length);
  let risky = 0;
  for (let i = 0; i < reqs.length; i++) {
    const d = slaDeadline(reqs[i], DOOR, cal);
    deadlines[i] = d;
    if (statusAt(reqs[i], DOOR, cal, d, now).status === 'at-risk') risky++;
  }
  return { deadlines, risky };
};

/** One binary search per request over the calendar's open intervals, then the prefix sums. */
const lowerBound = (reqs, now) => {
  const cal = calendarFor(reqs, DOOR, ZONE);
  const { open, cumulative } = cal;
  const n = open.length / 2;
  const deadlines = new Float64Array(reqs.length);
  let risky = 0;
  const target = DOOR.firstContactWithinMs;
  // Business time before now, once: an open request's time left is goal - atNow.
  let atNow = 0;
  for (let k = 0; k < n && open[2 * k] <= now; k++)
    atNow = cumulative[k] + Math.min(now, open[2 * k + 1]) - open[2 * k];
  for (let i = 0; i < reqs.length; i++) {
    const t = reqs[i].receivedAt;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (open[2 * mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    const before = k < 0 ? 0 : cumulative[k] + Math.min(t, open[2 * k + 1]) - open[2 * k];
    const goal = before + target;
    // The interval where the goal is reached: a forward scan (a deadline is within a few intervals).
    let j = Math.max(k, 0);
    while (cumulative[j + 1] < goal) j++;
    const d = open[2 * j] + goal - cumulative[j];
    deadlines[i] = d;
    if (d >= now && goal - atNow < DOOR.atRiskMs) risky++;
  }
  return { deadlines, risky };
};

function holidaySet() {
  const source = bundledHolidays({ country: 'FR' });
  const set = new Set();
  for (let y = 2025; y <= 2032; y++) for (const d of source(y)) set.add(d);
  for (const c of DOOR.closures) set.add(c.from);
  return set;
}

/** Minute stepping: is each minute open? (zone table offset + holiday set, no date object). */
const minuteStepping = (reqs, table, closed) => {
  const deadlines = new Float64Array(reqs.length);
  const spans = DOOR.openingHours;
  for (let i = 0; i < reqs.length; i++) {
    let t = reqs[i].receivedAt;
    let left = DOOR.firstContactWithinMs / MINUTE;
    while (left > 0) {
      const local = t + offsetAt(table, t);
      const day = Math.floor(local / DAY);
      const minute = (local - day * DAY) / MINUTE;
      const weekday = (((day + 3) % 7) + 7) % 7;
      if (
        !closed.has(day) &&
        weekday < 5 &&
        spans.some((s) => minute >= s.startMinute && minute < s.endMinute)
      )
        left--;
      t += MINUTE;
    }
    deadlines[i] = t;
  }
  return deadlines;
};

/** Per-request luxon loop: day by day in the zone, each opening span as DateTimes. */
const luxonLoop = (reqs, closedIso) => {
  const deadlines = new Float64Array(reqs.length);
  for (let i = 0; i < reqs.length; i++) {
    const start = reqs[i].receivedAt;
    let left = DOOR.firstContactWithinMs;
    let day = DateTime.fromMillis(start, { zone: ZONE }).startOf('day');
    let result;
    while (result === undefined) {
      if (day.weekday <= 5 && !closedIso.has(day.toISODate())) {
        for (const s of DOOR.openingHours) {
          const a = Math.max(
            start,
            day.set({ hour: s.startMinute / 60, minute: s.startMinute % 60 }).toMillis(),
          );
          const b = day.set({ hour: Math.floor(s.endMinute / 60), minute: s.endMinute % 60 }).toMillis();
          if (b <= a) continue;
          if (b - a >= left) {
            result = a + left;
            break;
          }
          left -= b - a;
        }
      }
      day = day.plus({ days: 1 });
    }
    deadlines[i] = result;
  }
  return deadlines;
};

const time = (fn) => {
  const t0 = process.hrtime.bigint();
  const out = fn();
  return { ns: Number(process.hrtime.bigint() - t0), out };
};

export function workloadSlaDeadlines({ rounds, quick }) {
  const N = quick ? 20_000 : 100_000;
  const SAMPLE = quick ? 200 : 1_000;
  const reqs = requests(N);
  const sample = reqs.slice(0, SAMPLE);
  const now = Date.UTC(2028, 5, 15, 9);
  const table = buildZoneTable(ZONE, FROM - DAY, TO + 60 * DAY);
  const closed = holidaySet();
  const closedIso = new Set([...closed].map((d) => new Date(d * DAY).toISOString().slice(0, 10)));
  // Same answers first.
  const a = ours(reqs, now);
  const b = lowerBound(reqs, now);
  const m = minuteStepping(sample, table, closed);
  const l = luxonLoop(sample, closedIso);
  for (let i = 0; i < N; i++)
    if (a.deadlines[i] !== b.deadlines[i]) throw new Error(`lower bound differs at ${i}`);
  for (let i = 0; i < SAMPLE; i++) {
    if (a.deadlines[i] !== m[i]) throw new Error(`minute stepping differs at ${i}`);
    if (a.deadlines[i] !== l[i]) throw new Error(`luxon loop differs at ${i}`);
  }
  if (a.risky !== b.risky) throw new Error('at-risk counts differ');
  const per = { ours: [], bound: [], minute: [], luxon: [] };
  for (let r = 0; r < rounds; r++) {
    const order = ['ours', 'bound', 'minute', 'luxon'];
    for (let k = 0; k < order.length; k++) {
      const which = order[(k + r) % order.length];
      globalThis.gc?.();
      if (which === 'ours') per.ours.push(time(() => ours(reqs, now)).ns / N);
      if (which === 'bound') per.bound.push(time(() => lowerBound(reqs, now)).ns / N);
      if (which === 'minute') per.minute.push(time(() => minuteStepping(sample, table, closed)).ns / SAMPLE);
      if (which === 'luxon') per.luxon.push(time(() => luxonLoop(sample, closedIso)).ns / SAMPLE);
    }
  }
  const ratioOf = (x, y) => median(per[x].map((v, i) => v / per[y][i]));
  const whole = median(per.ours) * N;
  const res = {
    N,
    SAMPLE,
    whole,
    perRequest: median(per.ours),
    bound: median(per.bound),
    minute: median(per.minute),
    luxon: median(per.luxon),
    vsMinute: ratioOf('minute', 'ours'),
    vsLuxon: ratioOf('luxon', 'ours'),
    vsBound: ratioOf('ours', 'bound'),
    intervals: calendarFor(reqs, DOOR, ZONE).open.length / 2,
  };
  const text = [
    `${N.toLocaleString('en-US')} requests at the CCI's door over 2026-2030 (business clock, FR holidays, ${res.intervals.toLocaleString('en-US')} open intervals); minute stepping and the luxon loop timed on the first ${SAMPLE.toLocaleString('en-US')} and extrapolated per request; every deadline checked equal first. ${rounds} rounds, order rotated; per-request medians, ratios per round then medianed.`,
    '',
    '| candidate | per request | 100,000 requests | ratio |',
    '|---|---:|---:|---:|',
    `| ours: calendar + slaDeadline + statusAt | ${fmtTime(res.perRequest)} | ${fmtTime(res.whole)} | 1 |`,
    `| lower bound: calendar + one binary search | ${fmtTime(res.bound)} | ${fmtTime(res.bound * N)} | ours ÷ bound ${fmtRatio(res.vsBound)} |`,
    `| minute stepping (sample, extrapolated) | ${fmtTime(res.minute)} | ${fmtTime(res.minute * N)} | ${fmtRatio(res.vsMinute)} slower |`,
    `| luxon per-request loop (sample, extrapolated) | ${fmtTime(res.luxon)} | ${fmtTime(res.luxon * N)} | ${fmtRatio(res.vsLuxon)} slower |`,
  ].join('\n');
  return { ...res, text };
}

export function workloadSlaExposure({ rounds }) {
  const rows = [];
  for (const which of ['example', '1000']) {
    const team = parseTeam(rotaTeam(which));
    const exp = [];
    const cov = [];
    let report;
    for (let r = 0; r < rounds; r++) {
      globalThis.gc?.();
      const e = time(() => computeExposure(team, YEAR));
      report = e.out;
      globalThis.gc?.();
      const c = time(() => computeCoverage(team, YEAR));
      exp.push(e.ns);
      cov.push(c.ns);
    }
    const script = fileURLToPath(new URL('./sla-child.mjs', import.meta.url));
    const mem = JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', script, which], { encoding: 'utf8', env: process.env })
        .trim()
        .split('\n')
        .at(-1),
    );
    rows.push({
      which,
      coaches: team.coaches.length,
      exposure: median(exp),
      coverage: median(cov),
      ratio: median(exp.map((x, i) => x / cov[i])),
      periods: report.periods.length,
      waits: report.waits.length,
      ...mem,
    });
  }
  const mib = (k) => `${(k / 1024).toFixed(1)} MiB`;
  const text = [
    `computeExposure over 2027 (Europe/Paris, 60-minute calls, the coaches' 24 h promise), ${rounds} rounds; computeCoverage on the same team for scale; peak RSS of one cold call in a child process (VmHWM reset before it).`,
    '',
    '| team | coaches | exposure | computeCoverage | exposure ÷ coverage | breach periods | wait spans | peak RSS | RSS before |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.which === 'example' ? 'example (2027)' : 'synthetic'} | ${r.coaches.toLocaleString('en-US')} | ${fmtTime(r.exposure)} | ${fmtTime(r.coverage)} | ${fmtRatio(r.ratio)} | ${r.periods} | ${r.waits} | ${mib(r.peakKiB)} | ${mib(r.baseKiB)} |`,
    ),
  ].join('\n');
  return { rows, text };
}
