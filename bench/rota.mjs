/**
 * Workload 5: the rota (`generateRota`).
 *
 * 5a. Time: a year's rota (2027, Europe/Paris, default policy: layers primary + backup, hand-offs every 4 h, 12 h
 *     longest stretch, 8 h rest) for 7, 100 and 1,000 coaches of the synthetic network, and for the example team
 *     moved into 2027, against `computeCoverage` on the same compiled team (the reference the issue asks for) and a
 *     floor both share (zone table + every coach's free time + the count sweep), interleaved in this process.
 * 5b. Memory: each (team, function) in a fresh child process (`rota-child.mjs`), peak RSS of one cold call.
 * 5c. Fairness: small pure-assignment instances, the greedy's largest fair-share deviation and balance against the
 *     exact optima (`rota-exact.mjs`).
 * 5d. Per-layer fairness (issue 11) against an exact MIP optimum, and the rota before per-layer steering timed in
 *     5a's rounds (`rota-fairness.mjs`).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fmtRatio, fmtTime, interleave, median, ratio, ratioRange } from './harness.mjs';
import { lib } from './lib.mjs';
import {
  BLOCK_HOURS,
  balanceHours,
  blockMasks,
  exactOptima,
  maxDeviation,
  realise,
  SMALL_POLICY,
  simpleRota,
  smallInstance,
} from './rota-exact.mjs';
import {
  beforeAfterFairness,
  beforeAfterTable,
  before as beforeLib,
  workloadRotaLayerFairness,
} from './rota-fairness.mjs';
import { rotaTeam, YEAR } from './rota-teams.mjs';
import { lcg } from './team-gen.mjs';

const {
  balanceScore,
  buildZoneTable,
  coachFreeTime,
  computeCoverage,
  containsInterval,
  generateRota,
  parseTeam,
  sweepCounts,
  totalLength,
  waterFill,
} = lib;

const HOUR = 3_600_000;
const int = (n) => n.toLocaleString('en-US');
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const mib = (k) => `${(k / 1024).toFixed(1)} MiB`;

/** The floor both computations share: zone table, every coach's free time, the count sweep. */
function floor(team) {
  const table = buildZoneTable(team.timeZone, YEAR.from, YEAR.to);
  const cache = new Map();
  const free = team.coaches.map((c) => coachFreeTime(c, table, YEAR, cache));
  return { free, timeline: sweepCounts(free, YEAR.from, YEAR.to) };
}

/** Checks the rota against the coverage report, and returns the figures describing the input and output. */
function checkAndDescribe(team) {
  const cov = computeCoverage(team, YEAR);
  const rota = generateRota(team, YEAR);
  const base = floor(team);
  const free = cov.coaches.map((c) => c.freeTime);
  base.free.forEach((set, c) => {
    if (set.length !== free[c].length || set.some((v, i) => v !== free[c][i]))
      throw new Error(`floor: free time of coach ${c} differs from computeCoverage's`);
  });
  const index = new Map(team.coaches.map((c, i) => [c.id, i]));
  const byCoach = team.coaches.map(() => []);
  for (const s of rota.shifts) {
    const c = index.get(s.coachId);
    if (!containsInterval(free[c], s.start, s.end))
      throw new Error(`rota: shift of ${s.coachId} outside free time`);
    byCoach[c].push(s);
  }
  for (const list of byCoach) {
    list.sort((x, y) => x.start - y.start);
    for (let i = 1; i < list.length; i++)
      if (list[i].start < list[i - 1].end) throw new Error(`rota: ${list[i].coachId} in two layers at once`);
  }
  const reasons = {};
  for (const u of rota.unfilled) reasons[u.reason] = (reasons[u.reason] ?? 0) + (u.end - u.start) / HOUR;
  // Regenerating with the rota itself as `previous` must give it back unchanged.
  const again = generateRota(team, { ...YEAR, previous: rota });
  if (JSON.stringify(again.shifts) !== JSON.stringify(rota.shifts))
    throw new Error('rota: regenerating with previous = itself changed the shifts');
  return {
    rota,
    coaches: team.coaches.length,
    intervals: free.reduce((s, set) => s + set.length / 2, 0),
    segments: cov.timeline.counts.length,
    coverage: cov.stats.coverageRatio,
    shifts: rota.shifts.length,
    unfilled: rota.unfilled.length,
    reasons,
    fill: rota.quality.coverageByLayer,
    balance: rota.quality.balance,
    maxDev: rota.quality.maxFairShareDeviationHours,
    handOffsPerWeek: rota.quality.handOffsPerWeek,
    meanLoad: rota.load.reduce((s, l) => s + l.totalHours, 0) / rota.load.length,
  };
}

const SIZES = (quick, rounds) => [
  { key: '7', label: '7', timeMs: quick ? 40 : 100, minIterations: 5, rounds, previous: true },
  {
    key: 'example',
    label: '7 (example file)',
    timeMs: quick ? 40 : 100,
    minIterations: 5,
    rounds,
    previous: true,
  },
  { key: '100', label: '100', timeMs: quick ? 60 : 250, minIterations: 3, rounds, previous: true },
  // ~1 s per rota call: one call per round, few warm-up calls, no re-warm after the forced GC; no `previous` run.
  {
    key: '1000',
    label: '1,000',
    timeMs: quick ? 0 : 300,
    minIterations: 1,
    rounds: quick ? 2 : 7,
    warmMs: 0,
    warmMin: quick ? 1 : 2,
    rewarmMs: 0,
  },
];

/** 5a: time, in this process. */
export async function workloadRotaTime({ rounds, quick }) {
  const calibInput = Float64Array.from({ length: 200_000 }, lcg(7));
  const rows = [];
  for (const size of SIZES(quick, rounds)) {
    const team = parseTeam(rotaTeam(size.key));
    const facts = checkAndDescribe(team);
    const withBefore = size.key !== 'example';
    // The example file has keys the library before knew nothing of (its SLA settings): the rota reads none of them.
    const { sla: _sla, ...beforeFile } = rotaTeam(size.key);
    const beforeTeam = beforeLib.parseTeam(beforeFile);
    const res = await interleave({
      candidates: [
        { name: 'rota', role: 'ours', fn: () => generateRota(team, YEAR).shifts },
        { name: 'coverage', role: 'baseline', fn: () => computeCoverage(team, YEAR).timeline.counts },
        { name: 'floor', role: 'limit', fn: () => floor(team).timeline.counts },
        { name: 'calibration', role: 'info', fn: () => calibInput.slice().sort() },
        // The rota before per-layer steering (issue 11), for the before/after table.
        ...(withBefore
          ? [
              {
                name: 'rota, before',
                role: 'info',
                fn: () => beforeLib.generateRota(beforeTeam, YEAR).shifts,
              },
            ]
          : []),
        ...(size.previous
          ? [
              {
                name: 'rota, previous',
                role: 'info',
                fn: () => generateRota(team, { ...YEAR, previous: facts.rota }).shifts,
              },
            ]
          : []),
      ],
      rounds: size.rounds,
      timeMs: size.timeMs,
      minIterations: size.minIterations,
      ...(size.warmMs === undefined ? {} : { warmMs: size.warmMs }),
      ...(size.warmMin === undefined ? {} : { warmMin: size.warmMin }),
      ...(size.rewarmMs === undefined ? {} : { rewarmMs: size.rewarmMs }),
    });
    rows.push({ size, facts, res, ...(withBefore ? { fairness: beforeAfterFairness(team, YEAR) } : {}) });
  }
  const m = (r, name) => r.res.medians.get(name);
  const rr = (r, a, b) => {
    const [lo, hi] = ratioRange(r.res, a, b);
    return `**${fmtRatio(ratio(r.res, a, b))}** (${fmtRatio(lo)}–${fmtRatio(hi)})`;
  };
  const lines = [];
  lines.push(
    "Compiled team (parsing excluded from every candidate), horizon 2027, default policy. Candidates: **rota** = `generateRota(team, { from, to })`; **coverage** = `computeCoverage(team, { from, to })` (the baseline the issue compares with); **floor** = `buildZoneTable` + `coachFreeTime` for every coach + `sweepCounts`, the part both share (every rota must know who is free when). Checked before timing: the floor's free sets equal the coverage report's; every shift lies in its coach's free time; no coach holds two layers at once; regenerating with the rota as `previous` gives it back unchanged. For information, up to 100 coaches: the same call with `previous` = that rota (re-publishing a rota).",
  );
  lines.push('');
  lines.push(
    '| coaches | rules | free intervals | coverage segments | free ≥ 1 | shifts | primary filled | backup filled | unfilled spans | balance | max deviation from fair share | hand-offs / week |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { size, facts: f } of rows) {
    const rules = rotaTeam(size.key).coaches.reduce((s, c) => s + c.availability.length, 0);
    lines.push(
      `| ${size.label} | ${int(rules)} | ${int(f.intervals)} | ${int(f.segments)} | ${pct(f.coverage)} | ${int(f.shifts)} | ${pct(f.fill.primary)} | ${pct(f.fill.backup)} | ${int(f.unfilled)} | ${f.balance.toFixed(3)} | ${f.maxDev.toFixed(1)} h (mean load ${f.meanLoad.toFixed(0)} h) | ${f.handOffsPerWeek.toFixed(1)} |`,
    );
  }
  lines.push('');
  lines.push(
    '| coaches | rounds | rota | coverage | floor | rota ÷ coverage (rounds) | rota ÷ floor | coverage ÷ floor | rota − floor | rota with `previous` ÷ rota |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    lines.push(
      `| ${r.size.label} | ${r.size.rounds} | ${fmtTime(m(r, 'rota'))} | ${fmtTime(m(r, 'coverage'))} | ${fmtTime(m(r, 'floor'))} | ${rr(r, 'rota', 'coverage')} | ${fmtRatio(ratio(r.res, 'rota', 'floor'))} | ${fmtRatio(ratio(r.res, 'coverage', 'floor'))} | ${fmtTime(median(r.res.perRound.get('rota').map((x, i) => x - r.res.perRound.get('floor')[i])))} | ${r.size.previous ? fmtRatio(ratio(r.res, 'rota, previous', 'rota')) : 'not run'} |`,
    );
  }
  lines.push('');
  const synth = rows.filter((r) => r.size.key !== 'example');
  lines.push(
    'Growth between sizes compares medians taken at different moments of this run; "normalised" divides each by the same round\'s calibration task (sorting 200,000 random doubles, timed alongside) first, which removes most of the machine\'s drift between sizes.',
  );
  lines.push('');
  lines.push(
    '| growth | coaches | free intervals | segments | rota | rota, normalised | coverage | coverage, normalised | floor, normalised | rota − floor |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (let i = 1; i < synth.length; i++) {
    const [a, b] = [synth[i - 1], synth[i]];
    const g = (f) => `×${(f(b) / f(a)).toFixed(1)}`;
    const extra = (r) => median(r.res.perRound.get('rota').map((x, k) => x - r.res.perRound.get('floor')[k]));
    const norm = (name) => g((r) => ratio(r.res, name, 'calibration'));
    lines.push(
      `| ${a.size.label} → ${b.size.label} | ${g((r) => r.facts.coaches)} | ${g((r) => r.facts.intervals)} | ${g((r) => r.facts.segments)} | ${g((r) => m(r, 'rota'))} | **${norm('rota')}** | ${g((r) => m(r, 'coverage'))} | **${norm('coverage')}** | ${norm('floor')} | ${g(extra)} |`,
    );
  }
  lines.push('');
  lines.push('#### Before and after per-layer steering (issue 11)');
  lines.push('');
  const compared = rows.filter((r) => r.fairness !== undefined);
  lines.push(beforeAfterTable(compared));
  const big = rows.find((r) => r.size.key === '1000');
  const afterBefore = big ? ratio(big.res, 'rota', 'rota, before') : Number.NaN;
  lines.push('');
  lines.push(
    `- ${afterBefore <= 1.5 ? 'PASS' : 'FAIL'} — 5. rota after ÷ before per-layer steering, 1,000 coaches × 1 year: ${fmtRatio(afterBefore)} (target ≤ 1.5x)`,
  );
  return {
    afterBefore1000: afterBefore,
    text: lines.join('\n'),
    rows,
    multiple1000: big ? ratio(big.res, 'rota', 'coverage') : Number.NaN,
    rota1000: big ? m(big, 'rota') : Number.NaN,
  };
}

/** 5b: peak memory, one child process per (team, function). */
export function workloadRotaMemory() {
  const script = fileURLToPath(new URL('./rota-child.mjs', import.meta.url));
  const configs = [];
  for (const which of ['7', 'example', '100', '1000'])
    for (const fn of ['coverage', 'rota']) configs.push([which, fn]);
  const out = [];
  for (const [which, fn] of configs) {
    const text = execFileSync(process.execPath, ['--expose-gc', script, which, fn], {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 1 << 20,
    });
    out.push(JSON.parse(text.trim().split('\n').at(-1)));
  }
  const lines = [
    'One fresh process per row: build the compiled team, GC, reset the peak-RSS counter, one **cold** call (the command-line case: nothing compiled or warmed yet). Peak RSS = Linux `VmHWM` during that call; "RSS before" = library loaded and team compiled; "result retained" = JS heap + array buffers used after a GC with the result held, minus the same once it is dropped (each reading after two GCs around a 50 ms pause: array buffers are freed off the main thread).',
    '',
    '| coaches | computation | cold call | peak RSS | RSS before | rise | result retained |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  const label = { 7: '7', example: '7 (example file)', 100: '100', 1000: '1,000' };
  for (const r of out) {
    lines.push(
      `| ${label[r.which]} | ${r.fn === 'rota' ? 'generateRota' : 'computeCoverage'} | ${fmtTime(r.coldNs)} | ${mib(r.peakKiB)} | ${mib(r.baseKiB)} | ${mib(r.peakKiB - r.baseKiB)} | ${mib(r.retainedKiB)} |`,
    );
  }
  return { text: lines.join('\n'), out };
}

const quantile = (xs, p) => {
  // Nearest rank on the sorted values (p90 of 50 = the 45th).
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};

/**
 * A rule for context, re-implemented here (not the library's): take the free coach who still owes the largest share
 * of their remaining free time, (fair share − load) / free time left from this block on.
 */
function owedShareRota(masks, n, fairHours) {
  const load = new Float64Array(n);
  const left = new Float64Array(n);
  for (const m of masks) for (let c = 0; c < n; c++) if (m & (1 << c)) left[c] += BLOCK_HOURS;
  for (const m of masks) {
    if (m === 0) continue;
    let pick = -1;
    let best = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < n; c++) {
      if ((m & (1 << c)) === 0) continue;
      const key = (fairHours[c] - load[c]) / left[c];
      if (key > best + 1e-12) {
        best = key;
        pick = c;
      }
    }
    load[pick] += BLOCK_HOURS;
    for (let c = 0; c < n; c++) if (m & (1 << c)) left[c] -= BLOCK_HOURS;
  }
  return Array.from(load);
}

/** 5c: fairness against the exact optimum on small instances. */
export function workloadRotaFairness({ instances }) {
  const started = performance.now();
  const rows = [];
  let vectors = 0;
  let exactMs = 0;
  for (let i = 0; i < instances; i++) {
    const coaches = 3 + (i % 3);
    const weeks = 1 + (Math.floor(i / 3) % 2);
    const { team: file, horizon } = smallInstance(1000 + i, { coaches, weeks });
    const team = parseTeam(file);
    const free = computeCoverage(team, horizon).coaches.map((c) => c.freeTime);
    const masks = blockMasks(free, horizon); // throws if an edge is off the grid
    const capacity = free.map((set) => totalLength(set) / HOUR);
    const fillable = masks.reduce((s, mask) => s + (mask === 0 ? 0 : 1), 0);
    const fair = waterFill(
      capacity,
      capacity.map(() => 1),
      fillable * BLOCK_HOURS,
    );
    const rota = generateRota(team, { ...horizon, policy: SMALL_POLICY });
    const ours = rota.load.map((l) => l.totalHours);
    const t = performance.now();
    const opt = exactOptima(masks, coaches, fair);
    exactMs += performance.now() - t;
    vectors += opt.vectors;
    // Same coverage, same fair shares, same figures as the library's quality; optima realisable; optima ≥ ours.
    const problems = [];
    if (ours.reduce((s, h) => s + h, 0) !== fillable * BLOCK_HOURS) problems.push('coverage differs');
    if (rota.load.some((l, c) => Math.abs(l.fairShareHours - fair[c]) > 1e-9))
      problems.push('fair shares differ');
    if (Math.abs(maxDeviation(ours, fair) - rota.quality.maxFairShareDeviationHours) > 1e-9)
      problems.push('max deviation differs');
    if (Math.abs(balanceScore(ours.filter((h) => h > 0)) - rota.quality.balance) > 1e-12)
      problems.push('balance differs');
    if (!realise(masks, coaches, opt.minMaxDevLoads) || !realise(masks, coaches, opt.maxBalanceLoads))
      problems.push('optimum not realisable');
    if (!realise(masks, coaches, ours)) problems.push('ours not realisable by the check');
    if (
      rota.quality.maxFairShareDeviationHours < opt.minMaxDev - 1e-9 ||
      rota.quality.balance > opt.maxBalance + 1e-12
    )
      problems.push('ours beats the optimum');
    if (Math.abs(balanceScore(opt.maxBalanceLoads.filter((h) => h > 0)) - opt.maxBalance) > 1e-12)
      problems.push('balance formula differs');
    if (problems.length > 0) throw new Error(`fairness instance ${i}: ${problems.join(', ')}`);
    const context = {
      firstFree: simpleRota(masks, coaches, 'firstFree'),
      fewestHours: simpleRota(masks, coaches, 'fewestHours'),
      owedShare: owedShareRota(masks, coaches, fair),
    };
    rows.push({
      coaches,
      weeks,
      fillable,
      blocks: masks.length,
      meanFair: (fillable * BLOCK_HOURS) / coaches,
      optDev: opt.minMaxDev,
      optBal: opt.maxBalance,
      optBalZero: opt.maxBalanceLoads.some((h, c) => h === 0 && capacity[c] > 0),
      ours: { dev: rota.quality.maxFairShareDeviationHours, bal: rota.quality.balance },
      ...Object.fromEntries(
        Object.entries(context).map(([k, loads]) => [
          k,
          { dev: maxDeviation(loads, fair), bal: balanceHours(loads) },
        ]),
      ),
    });
  }
  const stat = (xs) => ({
    median: median(xs),
    p90: quantile(xs, 0.9),
    max: Math.max(...xs),
    zero: xs.filter((x) => x < 1e-9).length,
  });
  const gaps = (key) => ({
    dev: stat(rows.map((r) => r[key].dev - r.optDev)),
    bal: stat(rows.map((r) => r.optBal - r[key].bal)),
    devAbs: median(rows.map((r) => r[key].dev)),
    balAbs: median(rows.map((r) => r[key].bal)),
  });
  const who = [
    ['ours: generateRota', 'ours'],
    ['first free coach in team order', 'firstFree'],
    ['free coach with the fewest hours so far', 'fewestHours'],
    [
      'free coach owing the largest share of their remaining free time (re-implemented here, not the library)',
      'owedShare',
    ],
  ];
  const n = rows.length;
  const h = (x) => `${x.toFixed(1)} h`;
  const b = (x) => x.toFixed(3);
  const lines = [
    `${n} random instances (seeds 1000–${1000 + n - 1}): 3, 4 or 5 coaches, one or two weeks from Monday 2027-01-04 (Europe/Paris, no DST change: every block lasts 4 h), so 42 or 84 blocks. Each coach has 2–4 weekly windows of 4–12 h on 2–5 days, starting on a 4-hour boundary (some cross midnight); over two weeks, 40% have an absence of 1–4 whole days. Every availability edge is on the hand-off grid, so the greedy's segments are exactly the 4-hour blocks and both sides choose one free coach per block. Policy: \`${JSON.stringify(SMALL_POLICY)}\`, the rest default (hand-offs every 4 h; the 60-minute minimum shift never binds on 4-hour blocks): no caps, no rest, stretch never binding; weights 1. Fair share = \`waterFill\` of the filled hours over free hours, as in \`rota.load\`. Checked per instance: ours fills every block where someone is free (so it has the optimum's total and fair shares), its \`quality\` figures equal ours recomputed, both optimal load vectors are realised by an actual block assignment (augmenting paths), and nothing beats the optimum.`,
    '',
    `Exact optimum: enumeration of every realisable load vector (Hall's condition per subset of coaches), ${int(vectors)} vectors in all, ${(exactMs / 1000).toFixed(1)} s. ` +
      `Blocks with someone free: median ${pct(median(rows.map((r) => r.fillable / r.blocks)))}; ` +
      `mean fair share: median ${h(median(rows.map((r) => r.meanFair)))}. ` +
      `Optimum max deviation: median ${h(median(rows.map((r) => r.optDev)))}, max ${h(Math.max(...rows.map((r) => r.optDev)))} ` +
      '(whole 4-hour blocks cannot always meet fractional fair shares, and some availability forces more). ' +
      `Optimum balance: median ${b(median(rows.map((r) => r.optBal)))}; in ${rows.filter((r) => r.optBalZero).length} of ${n} ` +
      'instances the balance optimum leaves a free coach with no load at all (balance ignores coaches without load).',
    '',
    '| rule | max deviation, median | gap to optimum: median | p90 | max | optimal in | balance, median | gap to optimum: median | p90 | max | optimal in |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const summary = {};
  for (const [label, key] of who) {
    const g = gaps(key);
    summary[key] = g;
    lines.push(
      `| ${label} | ${h(g.devAbs)} | **${h(g.dev.median)}** | ${h(g.dev.p90)} | ${h(g.dev.max)} | ${g.dev.zero}/${n} | ${b(g.balAbs)} | **${b(g.bal.median)}** | ${b(g.bal.p90)} | ${b(g.bal.max)} | ${g.bal.zero}/${n} |`,
    );
  }
  const byCoaches = [3, 4, 5].map((k) => {
    const sub = rows.filter((r) => r.coaches === k);
    const gap = sub.map((r) => r.ours.dev - r.optDev);
    return `${k} coaches: median gap ${h(median(gap))}, max ${h(Math.max(...gap))} (${sub.length} instances)`;
  });
  lines.push('');
  lines.push(
    `Ours by team size: ${byCoaches.join('; ')}. Study time ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  lines.push('');
  lines.push('### 5d. Per-layer fairness against the exact optimum (issue 11)');
  lines.push('');
  lines.push(workloadRotaLayerFairness({ instances }).text);
  return { text: lines.join('\n'), summary, n };
}
