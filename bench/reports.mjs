/**
 * Workload 11: the coverage-gap report ("what would help" included) for the example team over a month and for
 * 1,000 coaches over a year; and how the suggestion search grows with the number of candidate windows.
 *
 * - 11a, time (interleaved, one process): the whole report against its limit, the two computations it is made of
 *   (`computeCoverage` + `generateRota`), and the suggestion search against the baseline a user would write: one
 *   re-run of `computeCoverage` with the extra volunteer per candidate window (at 1,000 coaches x 1 year, timed
 *   on a sample of candidates and scaled, said so).
 * - 11b, memory: one cold report per child process (`reports-child.mjs`), peak RSS.
 * - 11c, growth: `suggestHelp` alone over finer hand-off grids (more candidates), pair search included.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fmtRatio, fmtTime, interleave, median } from './harness.mjs';
import { lib as core, reports } from './lib.mjs';

// The core and astreinte/reports of one build, as one namespace.
const lib = { ...core, ...reports };

import { reportCase } from './reports-cases.mjs';

const {
  buildCoverageGapReport,
  computeCoverage,
  generateRota,
  suggestHelp,
  candidateWindows,
  buildZoneTable,
} = lib;

const grid = (stepMinutes) => Array.from({ length: 1440 / stepMinutes }, (_, i) => i * stepMinutes);

/** A volunteer free in `w` every week, as a team-file coach (what a user re-running coverage would add). */
function extraCoach(w) {
  return {
    id: 'extra',
    name: 'extra',
    timeZone: 'Europe/Paris',
    availability: [
      {
        kind: 'weekly',
        weekdays: 1 << w.weekday,
        everyWeeks: 1,
        startMinute: w.startMinute,
        endMinute: w.endMinute,
      },
    ],
    unavailable: [],
    weight: 1,
    skills: [],
  };
}

/** The baseline: every candidate's gain by a re-run of coverage (`sample` candidates, or all). */
function rerunGains(team, horizon, candidates, before) {
  let sum = 0;
  for (const w of candidates) {
    sum +=
      before -
      computeCoverage({ ...team, coaches: [...team.coaches, extraCoach(w)] }, horizon).stats.gapMinutes;
  }
  return sum;
}

export async function workloadReports({ rounds = 7, quick = false } = {}) {
  const lines = [];
  const out = { verdict: {} };
  lines.push('### 11a. Time (tinybench, interleaved)');
  lines.push('');
  lines.push(
    '| case | whole report | limit: coverage + rota | report ÷ limit | suggestion search (ours) | baseline: re-run coverage per candidate | baseline ÷ ours | candidates |',
  );
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const which of ['example-month', '1000-year']) {
    const { team, horizon } = reportCase(which, lib);
    const coverage = computeCoverage(team, horizon);
    const table = buildZoneTable(team.timeZone, horizon.from, horizon.to);
    const handOffMinutes = grid(240);
    const candidates = candidateWindows(handOffMinutes, [240, 480]);
    const big = which === '1000-year';
    const sample = big ? candidates.filter((_, i) => i % 21 === 0) : candidates;
    const help = () =>
      suggestHelp(coverage.timeline, coverage.minCoaches, table, horizon, team.timeZone, { handOffMinutes });
    const cands = [
      { name: 'report', role: 'ours', fn: () => buildCoverageGapReport(team, horizon) },
      {
        name: 'limit',
        role: 'limit',
        fn: () => [computeCoverage(team, horizon), generateRota(team, horizon)],
      },
      { name: 'help', role: 'ours', fn: help },
      {
        name: 'rerun',
        role: 'baseline',
        fn: () => rerunGains(team, horizon, sample, coverage.stats.gapMinutes),
      },
    ];
    const r = await interleave({
      candidates: cands,
      rounds: big ? Math.min(rounds, quick ? 2 : 3) : rounds,
      timeMs: big ? 1 : 300,
      minIterations: big ? 1 : 5,
      warmMs: big ? 1 : 150,
      warmMin: big ? 1 : 5,
      rewarmMs: big ? 0 : 20,
    });
    const m = (n) => r.medians.get(n);
    const rerunAll = (m('rerun') * candidates.length) / sample.length;
    const perRound = (a, b) => median(r.perRound.get(a).map((x, i) => x / r.perRound.get(b)[i]));
    lines.push(
      `| ${which === 'example-month' ? 'example team, December 2027' : '1,000 coaches, year 2027'} | ${fmtTime(m('report'))} | ${fmtTime(m('limit'))} | ${fmtRatio(perRound('report', 'limit'))} | ${fmtTime(m('help'))} | ${fmtTime(rerunAll)}${big ? ` (${sample.length} of ${candidates.length} timed, scaled)` : ''} | ${fmtRatio(rerunAll / m('help'))} | ${candidates.length} |`,
    );
    out.verdict[which] = {
      report: m('report'),
      ratio: perRound('report', 'limit'),
      speedup: rerunAll / m('help'),
    };
  }
  lines.push('');
  lines.push('### 11b. Memory (one cold report per child process; peak RSS above the process before it)');
  lines.push('');
  lines.push('| case | cold time | RSS before | peak RSS | peak − before |');
  lines.push('|---|---|---|---|---|');
  const child = fileURLToPath(new URL('./reports-child.mjs', import.meta.url));
  for (const which of ['example-month', '1000-year']) {
    const res = JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', child, which], { encoding: 'utf8' }).trim(),
    );
    lines.push(
      `| ${which} | ${fmtTime(res.coldNs)} | ${(res.baseKiB / 1024).toFixed(0)} MiB | ${(res.peakKiB / 1024).toFixed(0)} MiB (${res.peakSource}) | ${((res.peakKiB - res.baseKiB) / 1024).toFixed(0)} MiB |`,
    );
    out.verdict[`${which}-mem`] = res;
  }
  lines.push('');
  lines.push(
    '### 11c. Growth of the suggestion search with the number of candidates (shapes 2 h to 8 h on the grid)',
  );
  lines.push('');
  lines.push(
    '| case | grid step | candidates | suggestHelp (pair search included) | time ÷ previous row | candidates ÷ previous |',
  );
  lines.push('|---|---|---|---|---|---|');
  for (const which of ['example-month', '1000-year']) {
    const { team, horizon } = reportCase(which, lib);
    const coverage = computeCoverage(team, horizon);
    const table = buildZoneTable(team.timeZone, horizon.from, horizon.to);
    let prev;
    for (const step of [240, 120, 60, 30]) {
      const handOffMinutes = grid(step);
      const n = candidateWindows(
        handOffMinutes,
        Array.from({ length: 480 / step }, (_, i) => (i + 1) * step).filter((l) => l >= 120),
      ).length;
      const fn = () =>
        suggestHelp(coverage.timeline, coverage.minCoaches, table, horizon, team.timeZone, {
          handOffMinutes,
        });
      const r = await interleave({
        candidates: [{ name: 'help', role: 'ours', fn }],
        rounds: quick ? 2 : 5,
        timeMs: 200,
        minIterations: 2,
        warmMin: 1,
      });
      const t = r.medians.get('help');
      lines.push(
        `| ${which} | ${step} min | ${n} | ${fmtTime(t)} | ${prev ? fmtRatio(t / prev.t) : '—'} | ${prev ? fmtRatio(n / prev.n) : '—'} |`,
      );
      prev = { t, n };
    }
  }
  return { text: lines.join('\n'), ...out };
}
