/**
 * astreinte benchmarks: `npm run bench` (= build, then `node --expose-gc bench/run.mjs`).
 *
 * Every workload compares, in one process and interleaved over rounds, our code with baselines (what a user would
 * otherwise write) and a limit (the least work that could do the job); see ../shared/benchmarking.md. Workload 4
 * runs each size in a fresh child process, for its peak memory; workload 5 (rota) times in this process, measures
 * memory in child processes and compares fairness with an exact optimum.
 *
 * Workload 6 (callback matching) runs the exact solver against HiGHS and a greedy baseline on seeded instances
 * (`bench/matching-solver.mjs`), then the whole path (request file parsed, then `planCallbacks`) for a team's day, a
 * national day and a national week, one child process each (`bench/matching-plan.mjs`).
 *
 * Workload 9 (iCal feeds) builds a coach's and the 1,000-coach network's year of feeds against ical-generator alone
 * (`bench/feeds.mjs`), then measures one cached feed's requests per second with autocannon against a server in a
 * child process (`bench/feeds-server.mjs`).
 *
 * Options: `--quick` (fewer, shorter rounds: a smoke run, not figures), `--only=1,3` (workload numbers, 1-6 and 8-11).
 *
 * Workload 10 (intake) reads the hand-written corpus of `test/intake/corpus.ts` (`bench/intake.mjs`).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { workloadExpandYear, workloadWeekQuery } from './expand.mjs';
import { workloadFeeds } from './feeds.mjs';
import { fmtRatio, fmtTime, median, sink, verdict } from './harness.mjs';
import { workloadIntake } from './intake.mjs';
import { libLabel } from './lib.mjs';
import { workloadMatchingSolver } from './matching-solver.mjs';
import { workloadReports } from './reports.mjs';
import { workloadRotaFairness, workloadRotaMemory, workloadRotaTime } from './rota.mjs';
import { workloadSlaDeadlines, workloadSlaExposure } from './sla.mjs';
import { workloadSweep } from './sweep.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',')
  .map(Number);
const runs = (n) => !only || only.includes(n);
const ROUNDS = quick ? 3 : 11;
const started = performance.now();

const print = (s = '') => process.stdout.write(`${s}\n`);

print('# astreinte benchmarks');
print();
print(`- date: ${new Date().toISOString()}`);
print(`- node: ${process.version} (${process.platform} ${process.arch}), V8 ${process.versions.v8}`);
print(
  `- cpu: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length} logical cores (os.availableParallelism() = ${os.availableParallelism()})`,
);
print(
  `- command: ${[process.argv0, ...process.execArgv, ...process.argv.slice(1).map((p, i) => (i === 0 ? p.replace(`${process.cwd()}/`, '') : p))].join(' ')} (from the repository root)`,
);
print(
  `- library: ${libLabel}; host time zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}; gc exposed: ${typeof globalThis.gc === 'function'}`,
);
print(
  `- method: ${ROUNDS} rounds, every candidate once per round in rotating order; per-round median of each candidate; table shows the median over rounds and ratios computed per round, then medianed (range = fastest – slowest round)${quick ? '; QUICK MODE: smoke run, figures not meaningful' : ''}`,
);
print();

const verdicts = [];

if (runs(1)) {
  print('## 1. Weekly rule MO,WE,FR 18:00–22:00, Europe/Paris, year 2027 (tinybench)');
  print();
  const w = await workloadExpandYear({ rounds: ROUNDS, timeMs: quick ? 40 : 120 });
  print(w.text);
  verdicts.push(
    verdict('1. ours ÷ limit', fmtRatio(w.vsLimit), w.vsLimit <= 5, '≤ 5x'),
    verdict('1. rrule (no tzid) ÷ ours', fmtRatio(w.vsRrule), w.vsRrule >= 10, '≥ 10x'),
  );
  print();
}

if (runs(2)) {
  print(
    '## 2. One-week query, rule every 2 weeks from 2027-01-04: at its start vs 5 years on (mitata, batched)',
  );
  print();
  const w = await workloadWeekQuery({ rounds: quick ? 3 : 11, timeMs: quick ? 30 : 80 });
  print(w.text);
  verdicts.push(
    verdict('2. weekly rule, week 5 years on ÷ week at start', fmtRatio(w.ratio), w.ratio <= 1.5, '≤ 1.5x'),
    `- info — 2. same rule as an RRULE with startDate, week 5 years on ÷ week at start: ${fmtRatio(w.rruleRatio)} (no target set)`,
  );
  print();
}

if (runs(3)) {
  print('## 3. Coverage sweep over N intervals (tinybench)');
  print();
  const w = await workloadSweep({
    rounds: quick ? 3 : 11,
    timeMs: quick ? 40 : 100,
    sizes: quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000],
  });
  print(w.text);
  for (const s of w.summary) {
    verdicts.push(
      verdict(
        `3. sweep N=${s.n.toLocaleString('en-US')} ÷ limit`,
        fmtRatio(s.ratio),
        s.ratio <= 1.5,
        '≤ 1.5x',
      ),
    );
  }
  print();
}

if (runs(4)) {
  print(
    '## 4. Whole path, team file object → coverage report, synthetic national network (one child process per size)',
  );
  print();
  const script = fileURLToPath(new URL('./whole-path.mjs', import.meta.url));
  const configs = [
    [100, 'month'],
    [100, 'year'],
    [1000, 'month'],
    [1000, 'year'],
  ];
  const reps = quick ? 1 : 2;
  const childRuns = quick ? 2 : 5;
  const childBudgetMs = quick ? 300 : 2000;
  const results = new Map(configs.map((c) => [c.join(' '), []]));
  // Each size runs `reps` times, in alternating order, each time in a fresh process.
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? configs : [...configs].reverse();
    for (const [coaches, span] of order) {
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', script, String(coaches), span, String(childRuns), String(childBudgetMs)],
        {
          encoding: 'utf8',
          env: process.env,
          maxBuffer: 1 << 20,
        },
      );
      results.get(`${coaches} ${span}`).push(JSON.parse(out.trim().split('\n').at(-1)));
    }
  }
  const agg = new Map();
  for (const [key, xs] of results) {
    const m = (f) => median(xs.map(f));
    agg.set(key, {
      ...xs[0],
      wholeNs: m((x) => x.wholeNs),
      coldNs: m((x) => x.coldNs),
      parseNs: m((x) => x.parseNs),
      compiledNs: m((x) => x.compiledNs),
      calibNs: m((x) => x.calibNs),
      // Normalised: whole path in units of the process's own calibration task, per process, then medianed.
      wholeUnits: m((x) => x.wholeNs / x.calibNs),
      runs: xs.reduce((s, x) => s + x.runs, 0),
      peakKiB: Math.max(...xs.map((x) => x.peakKiB)),
      baseKiB: m((x) => x.baseKiB),
      riseKiB: Math.max(...xs.map((x) => x.peakKiB - x.baseKiB)),
      heapKiB: m((x) => x.heapUsedAfterKiB),
    });
  }
  const mib = (k) => `${(k / 1024).toFixed(1)} MiB`;
  print(
    `Team: 2–5 rules per coach (weekday evenings, nights across midnight, alternate weekends, monthly RRULEs, one-off nights, bounded daytime windows), 1–2 unavailable periods, Europe/Paris, minCoaches 1. Month = March 2027 (DST change inside), year = 2027. ${reps} fresh processes per size (alternating order); in each, one cold call then ≥ ${childRuns} warm runs (more within ${childBudgetMs / 1000} s); times are medians over runs, then over processes. Peak RSS = Linux VmHWM during the cold call (max over processes); "RSS before" = after loading the library and building the team object.`,
  );
  print();
  print(
    '| coaches | horizon | rules | free intervals | segments | whole path, warm | first call (cold) | parseTeam alone | computeCoverage(compiled) | calibration task | peak RSS | RSS before | rise | heap used after |',
  );
  print('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [key, a] of agg) {
    const [coaches, span] = key.split(' ');
    print(
      `| ${Number(coaches).toLocaleString('en-US')} | ${span} | ${a.rules.toLocaleString('en-US')} | ${a.intervals.toLocaleString('en-US')} | ${a.segments.toLocaleString('en-US')} | ` +
        `${fmtTime(a.wholeNs)} | ${fmtTime(a.coldNs)} | ${fmtTime(a.parseNs)} | ${fmtTime(a.compiledNs)} | ${fmtTime(a.calibNs)} | ${mib(a.peakKiB)} | ${mib(a.baseKiB)} | ${mib(a.riseKiB)} | ${mib(a.heapKiB)} |`,
    );
  }
  print();
  const g = (a, b, f) => f(agg.get(b)) / f(agg.get(a));
  print(
    "| growth | warm time ×? (raw) | warm time ×? (normalised by each process's calibration task) | cold call ×? | RSS rise ×? |",
  );
  print('|---|---:|---:|---:|---:|');
  for (const [label, a, b] of [
    ['100 → 1,000 coaches, month', '100 month', '1000 month'],
    ['100 → 1,000 coaches, year', '100 year', '1000 year'],
    ['month → year, 100 coaches', '100 month', '100 year'],
    ['month → year, 1,000 coaches', '1000 month', '1000 year'],
  ]) {
    const f = (fn) => `×${g(a, b, fn).toFixed(1)}`;
    print(
      `| ${label} | ${f((x) => x.wholeNs)} | ${f((x) => x.wholeUnits)} | ${f((x) => x.coldNs)} | ${f((x) => x.riseKiB)} |`,
    );
  }
  print();
  print(`Month → year is ×${(365 / 31).toFixed(1)} the horizon; 100 → 1,000 coaches is ×10 the rules.`);
  print();
}

if (runs(5)) {
  print('## 5. Rota: a year of 2027 for 7, 100 and 1,000 coaches, against computeCoverage (tinybench)');
  print();
  const t = await workloadRotaTime({ rounds: quick ? 3 : 9, quick });
  print(t.text);
  print();
  print('### 5b. Rota memory (one child process per row)');
  print();
  const m = workloadRotaMemory();
  print(m.text);
  print();
  print('### 5c. Rota fairness against the exact optimum (small instances)');
  print();
  const f = workloadRotaFairness({ instances: quick ? 12 : 50 });
  print(f.text);
  const g = f.summary.ours;
  verdicts.push(
    `- info — 5. generateRota ÷ computeCoverage, 1,000 coaches × 1 year: ${fmtRatio(t.multiple1000)} (${fmtTime(t.rota1000)} per rota; no target set)`,
    verdict(
      '5. rota after ÷ before per-layer steering, 1,000 coaches',
      fmtRatio(t.afterBefore1000),
      t.afterBefore1000 <= 1.5,
      '≤ 1.5x',
    ),
    `- info — 5. fairness, largest deviation from fair share minus the exact optimum's, over ${f.n} instances: median ${g.dev.median.toFixed(1)} h, p90 ${g.dev.p90.toFixed(1)} h, max ${g.dev.max.toFixed(1)} h; optimal in ${g.dev.zero}/${f.n} (no target set)`,
    `- info — 5. fairness, exact optimum's balance minus ours: median ${g.bal.median.toFixed(3)}, p90 ${g.bal.p90.toFixed(3)}, max ${g.bal.max.toFixed(3)} (no target set)`,
  );
  print();
}

if (runs(6)) {
  print('## 6. Callback matching: the exact solver against HiGHS and a greedy; the whole path');
  print();
  print('### 6a. The solver (`solveMatching`) on seeded instances');
  print();
  const w = await workloadMatchingSolver({ rounds: quick ? 3 : 7, quick });
  print(w.text);
  verdicts.push(...w.verdicts);
  print();
  print(
    '### 6b. The whole path: request file object → `parseRequests` → `planCallbacks` (one child process per size)',
  );
  print();
  const script = fileURLToPath(new URL('./matching-plan.mjs', import.meta.url));
  const sizes = quick ? ['team-day', 'national-day'] : ['team-day', 'national-day', 'national-week'];
  const rows = sizes.map((size) =>
    JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', script, size], { encoding: 'utf8', env: process.env })
        .trim()
        .split('\n')
        .at(-1),
    ),
  );
  const mib = (k) => `${(k / 1024).toFixed(1)} MiB`;
  print(
    'Team-day: the example team (7 coaches) in January 2027 and 50 open requests over one day; national: the synthetic network of workload 4 (1,000 coaches) and 1,500 requests over a day / 10,000 over a week; 1-3 windows of 1-4 h between 08:00 and 22:30 each, calls of 30-120 min (mostly 60), default policy. Cold = the first call in a fresh process; warm = median of the runs after it. Peak RSS = Linux VmHWM during the cold parse and plan.',
  );
  print();
  print(
    '| size | coaches | requests | placed | on time | proven | plan, warm | plan, cold | parse, warm | peak RSS | RSS before |',
  );
  print('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    print(
      `| ${r.size} | ${r.coaches.toLocaleString('en-US')} | ${r.requests.toLocaleString('en-US')} | ${r.placed.toLocaleString('en-US')} | ${r.onTime.toLocaleString('en-US')} | ${r.proven ? 'yes' : '**no**'} | ${fmtTime(r.planNs)} | ${fmtTime(r.coldPlanNs)} | ${fmtTime(r.parseNs)} | ${mib(r.peakKiB)} | ${mib(r.baseKiB)} |`,
    );
  }
  const week = rows.find((r) => r.size === 'national-week');
  if (week) {
    verdicts.push(
      verdict('6b. national week, whole plan (warm)', fmtTime(week.planNs), week.planNs < 1e9, '< 1 s'),
    );
  }
  print();
}

if (runs(8)) {
  print('## 8. SLA: deadlines and statuses of 100,000 requests over five years; the exposure scan');
  print();
  print('### 8a. Deadlines and statuses (business clock, French holidays)');
  print();
  const d = workloadSlaDeadlines({ rounds: quick ? 3 : 7, quick });
  print(d.text);
  print();
  print('### 8b. Exposure scan over a year (`computeExposure`)');
  print();
  const e = workloadSlaExposure({ rounds: quick ? 2 : 5 });
  print(e.text);
  verdicts.push(
    verdict('8a. SLA deadlines, minute stepping ÷ ours', fmtRatio(d.vsMinute), d.vsMinute >= 100, '≥ 100x'),
    verdict('8a. SLA deadlines, ours ÷ lower bound', fmtRatio(d.vsBound), d.vsBound <= 3, '≤ 3x'),
    `- info — 8a. luxon per-request loop ÷ ours: ${fmtRatio(d.vsLuxon)}; 100,000 deadlines + statuses in ${fmtTime(d.whole)} (no target set)`,
    `- info — 8b. exposure over 2027, 1,000 coaches: ${fmtTime(e.rows[1].exposure)}, peak RSS ${(e.rows[1].peakKiB / 1024).toFixed(1)} MiB (no target set)`,
  );
  print();
}

if (runs(9)) {
  print('## 9. iCal feeds: building a year of feeds against ical-generator alone; serving one cached feed');
  print();
  const w = await workloadFeeds({ rounds: quick ? 3 : 9, quick });
  print(w.text);
  print();
  verdicts.push(
    verdict(
      "9a. one coach's year of feed ÷ ical-generator alone",
      fmtRatio(w.ratioOne),
      w.ratioOne <= 1.5,
      '≤ 1.5x',
    ),
    verdict(
      "9a. the network's year of feeds ÷ ical-generator alone",
      `${fmtRatio(w.ratioNetwork)} (${fmtTime(w.networkNs)})`,
      w.ratioNetwork <= 1.5,
      '≤ 1.5x',
    ),
    `- info — 9a. the same ÷ ical-generator's events folded by our folder (the part that is not folding): one coach ${fmtRatio(w.foldOne)}, the network ${fmtRatio(w.foldNetwork)}; no target set`,
    `- info — 9b. one cached feed on loopback: ${Math.round(w.rps).toLocaleString('en-US')} requests/s (200), ${Math.round(w.rps304).toLocaleString('en-US')} requests/s (304); no target set`,
  );
  print();
}

if (runs(11)) {
  print(
    '## 11. Reports: the coverage-gap report with "what would help", example team × a month, 1,000 coaches × a year',
  );
  print();
  const w = await workloadReports({ rounds: quick ? 3 : 7, quick });
  print(w.text);
  const ex = w.verdict['example-month'];
  const big = w.verdict['1000-year'];
  verdicts.push(
    verdict(
      '11. coverage-gap report, example team × December (warm)',
      fmtTime(ex.report),
      ex.report < 50e6,
      '< 50 ms',
    ),
    verdict(
      '11. coverage-gap report, 1,000 coaches × 1 year (warm)',
      fmtTime(big.report),
      big.report < 10e9,
      '< 10 s',
    ),
    `- info — 11. re-running coverage per candidate ÷ our suggestion search: ${fmtRatio(ex.speedup)} (example month), ${fmtRatio(big.speedup)} (1,000 × year; baseline scaled from a sample)`,
  );
  print();
}

if (runs(10)) {
  print('## 10. Intake: messages read per second over the corpus (tinybench)');
  print();
  const w = await workloadIntake({ rounds: quick ? 3 : 11, timeMs: quick ? 60 : 200 });
  print(w.text);
  verdicts.push(...w.verdicts);
  print();
}

if (verdicts.length) {
  print('## Verdicts');
  print();
  for (const v of verdicts) print(v);
  print();
}
print(`Total bench time: ${((performance.now() - started) / 1000).toFixed(0)} s (sink ${sink}).`);
