/**
 * Workload: the exact callback-matching solver (`solveMatching`, src/matching/solver), bundled from the TypeScript
 * with esbuild into a temporary module (the package build does not export it yet).
 *
 * - Quality: on seeded instances (bench/matching-gen.mjs), our (on time, placed) against HiGHS (the same 0-1
 *   program, bench/matching-highs.mjs, solved to optimality) and against a greedy baseline (requests in receipt
 *   order, earliest start, first free coach by index).
 * - Time: ours and the greedy interleaved on a team's day (harness.mjs); ours against HiGHS (LP text built, then
 *   solved, each timed); ours alone on the national day and week.
 * - Memory: each size in a fresh child process (bench/matching-child.mjs), peak RSS (Linux `VmHWM`).
 *
 * Standalone: `node --expose-gc bench/matching-solver.mjs [--quick]`.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import highsLoader from 'highs';
import { fmtRatio, fmtTime, interleave, median, ratio, verdict } from './harness.mjs';
import { INSTANCES } from './matching-gen.mjs';
import { buildLp, listCalls, solveHighs } from './matching-highs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles the solver into a temporary ES module (once per process), returns its path. */
export async function bundleSolver() {
  const out = path.join(os.tmpdir(), `astreinte-solver-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(here, '../src/matching/solver/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile: out,
    logLevel: 'error',
  });
  return out;
}

/** Bundles the solver and imports it. */
export async function loadSolver() {
  return import(pathToFileURL(await bundleSolver()).href);
}

/** The baseline: receipt order, each request's earliest call with the first coach (by index) who can take it. */
export function greedyBaseline(p, calls = listCalls(p).calls) {
  const byReq = p.requests.map(() => []);
  for (const x of calls) byReq[x.r].push(x);
  for (const list of byReq) list.sort((a, b) => a.start - b.start || a.c - b.c);
  const perCoach = p.coaches.map(() => []);
  const perDay = new Map();
  let onTime = 0;
  let placed = 0;
  for (const list of byReq) {
    for (const x of list) {
      const day = `${x.c}_${x.dayKey ?? dayKey(p, x)}`;
      if ((perDay.get(day) ?? 0) >= p.dailyCap - (x.bookedThatDay ?? 0)) continue;
      if (perCoach[x.c].some((o) => o.start < x.busy && x.start < o.busy)) continue;
      perCoach[x.c].push(x);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      placed++;
      if (x.onTime) onTime++;
      break;
    }
  }
  return { onTime, placed };
}

function dayKey(p, x) {
  const ds = p.coaches[x.c].dayStarts;
  let d = 0;
  while (d + 2 < ds.length && ds[d + 1] <= x.start) d++;
  x.dayKey = d;
  const booked = p.coaches[x.c].booked;
  let n = 0;
  for (let k = 0; k < booked.length; k += 2) if (booked[k] >= ds[d] && booked[k] < ds[d + 1]) n++;
  x.bookedThatDay = n;
  return d;
}

const timeRuns = (fn, runs) => {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push((performance.now() - t) * 1e6);
  }
  return median(xs);
};

const SIZES = [
  ['teamDay', 'team day (7 coaches, 50 requests, 2 local days)'],
  ['nationalDay', 'national day (1,000 coaches in regions of 50, 1,500 requests)'],
  ['nationalDayPool', 'national day, one pool (1,000 coaches, 1,500 requests, any coach)'],
  ['halfWeekPool', 'half week, one pool (500 coaches, 5,000 requests, 7 days)'],
  ['nationalWeekPool', 'national week, one pool (1,000 coaches, 10,000 requests, 7 days)'],
  ['nationalWeek', 'national week (1,000 coaches in regions of 50, 10,000 requests)'],
];

/** The workload; returns markdown text and verdict lines. */
export async function workloadMatchingSolver({ rounds = 7, quick = false } = {}) {
  const bundle = await bundleSolver();
  const { solveMatching } = await import(pathToFileURL(bundle).href);
  const highs = await highsLoader();
  const lines = [];
  const verdicts = [];
  const seeds = quick ? 5 : 20;
  // Quality and HiGHS, team day x seeds, normal and tight.
  const rows = [];
  for (const tight of [false, true]) {
    for (let seed = 1; seed <= seeds; seed++) {
      const p = INSTANCES.teamDay(seed, tight);
      const ours = solveMatching(p);
      let built;
      const buildNs = timeRuns(() => {
        built = buildLp(p);
      }, 3);
      let hs;
      const solveNs = timeRuns(
        () => {
          hs = solveHighs(highs, built);
        },
        quick ? 1 : 3,
      );
      const oursNs = timeRuns(() => solveMatching(p), quick ? 5 : 21);
      rows.push({
        tight,
        seed,
        ours: ours.stats,
        hs,
        base: greedyBaseline(p),
        buildNs,
        solveNs,
        oursNs,
        vars: built.calls.length,
      });
    }
  }
  const same = rows.filter(
    (r) => r.hs.status === 'Optimal' && r.hs.onTime === r.ours.onTime && r.hs.placed === r.ours.placed,
  );
  const proven = rows.filter((r) => r.ours.proven).length;
  lines.push(
    `Team day, seeds 1–${seeds}, normal and tight (less free time): ours = \`solveMatching\`; HiGHS = the same 0-1 program (${'`'}bench/matching-highs.mjs${'`'}), objective (n + 1)·onTime + placed, solved to optimality (\`mip_rel_gap: 0\`); greedy = receipt order, earliest call, first coach by index.`,
  );
  lines.push('');
  lines.push(
    '| variant | seed | variables | HiGHS on time / placed | ours on time / placed | proven | greedy on time / placed | ours | HiGHS build LP | HiGHS solve | HiGHS (build + solve) ÷ ours |',
  );
  lines.push('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows)
    lines.push(
      `| ${r.tight ? 'tight' : 'normal'} | ${r.seed} | ${r.vars} | ${r.hs.onTime} / ${r.hs.placed} (${r.hs.status}) | ${r.ours.onTime} / ${r.ours.placed} | ${r.ours.proven ? 'yes' : '**no**'} | ${r.base.onTime} / ${r.base.placed} | ${fmtTime(r.oursNs)} | ${fmtTime(r.buildNs)} | ${fmtTime(r.solveNs)} | ${fmtRatio((r.buildNs + r.solveNs) / r.oursNs)} |`,
    );
  const speed = median(rows.map((r) => r.solveNs / r.oursNs));
  const gainOn = rows.reduce((s, r) => s + r.ours.onTime - r.base.onTime, 0);
  const gainPl = rows.reduce((s, r) => s + r.ours.placed - r.base.placed, 0);
  lines.push('');
  lines.push(
    `Same optimum as HiGHS on ${same.length}/${rows.length}; proven on ${proven}/${rows.length}. Median HiGHS solve ÷ ours: **${fmtRatio(speed)}** (with the LP build: ${fmtRatio(median(rows.map((r) => (r.buildNs + r.solveNs) / r.oursNs)))}). Against the greedy: **+${gainOn}** callers on time and +${gainPl} placed over the ${rows.length} instances.`,
  );
  verdicts.push(
    verdict(
      'team day: same (1),(2) optimum as HiGHS',
      `${same.length}/${rows.length}`,
      same.length === rows.length,
      'all',
    ),
  );
  verdicts.push(verdict('team day: HiGHS solve ÷ ours (median)', fmtRatio(speed), speed >= 5, '≥ 5x'));
  // Interleaved time on one team day: ours vs greedy.
  const p1 = INSTANCES.teamDay(1);
  const calls1 = listCalls(p1).calls;
  const res = await interleave({
    candidates: [
      { name: 'ours', role: 'ours', fn: () => solveMatching(p1).coach },
      {
        name: 'greedy (candidates listed)',
        role: 'baseline',
        fn: () =>
          greedyBaseline(
            p1,
            calls1.map((x) => ({ ...x })),
          ),
      },
    ],
    rounds,
    timeMs: quick ? 50 : 200,
  });
  lines.push('');
  lines.push(
    `Team day seed 1, interleaved (${rounds} rounds): ours ${fmtTime(res.medians.get('ours'))}, greedy ${fmtTime(res.medians.get('greedy (candidates listed)'))} (its candidate listing excluded), ours ÷ greedy ${fmtRatio(ratio(res, 'ours', 'greedy (candidates listed)'))}.`,
  );
  // National day (regions): HiGHS once, ours.
  lines.push('');
  lines.push(
    '| instance | variables | HiGHS on time / placed | ours on time / placed | proven | greedy on time / placed | ours | HiGHS build | HiGHS solve |',
  );
  lines.push('|---|---:|---:|---:|---|---:|---:|---:|---:|');
  for (const tight of quick ? [false] : [false, true]) {
    const p = INSTANCES.nationalDay(1, tight);
    const ours = solveMatching(p);
    const oursNs = timeRuns(() => solveMatching(p), quick ? 1 : 3);
    let t = performance.now();
    const built = buildLp(p);
    const buildNs = (performance.now() - t) * 1e6;
    t = performance.now();
    const hs = solveHighs(highs, built, { time_limit: 60 });
    const solveNs = (performance.now() - t) * 1e6;
    const base = greedyBaseline(p, built.calls);
    lines.push(
      `| national day${tight ? ', tight' : ''} | ${built.calls.length} | ${hs.onTime} / ${hs.placed} (${hs.status}) | ${ours.stats.onTime} / ${ours.stats.placed} | ${ours.stats.proven ? 'yes' : '**no**'} | ${base.onTime} / ${base.placed} | ${fmtTime(oursNs)} | ${fmtTime(buildNs)} | ${fmtTime(solveNs)} |`,
    );
    verdicts.push(
      verdict(
        `national day${tight ? ' tight' : ''}: same optimum as HiGHS`,
        `${ours.stats.onTime}/${ours.stats.placed} vs ${hs.onTime}/${hs.placed}`,
        hs.onTime === ours.stats.onTime && hs.placed === ours.stats.placed,
        'equal',
      ),
    );
  }
  // Memory and time by size, one child each.
  lines.push('');
  lines.push(
    'One fresh process per row (the bundle built beforehand by the parent), instance generated, then one cold call; peak RSS = Linux `VmHWM` of the child (node, the bundle and the instance included), "before" = RSS just before the call.',
  );
  lines.push('');
  lines.push(
    '| instance | cold call | on time / placed | proven | upper bounds | components / nodes | RSS before | peak RSS |',
  );
  lines.push('|---|---:|---:|---|---:|---:|---:|---:|');
  const script = path.join(here, 'matching-child.mjs');
  for (const [name, label] of SIZES) {
    for (const tight of name === 'teamDay' || name === 'nationalDay' ? [false, true] : [false]) {
      const text = execFileSync(process.execPath, [script, bundle, name, '1', tight ? 't' : ''], {
        encoding: 'utf8',
      });
      const r = JSON.parse(text.trim().split('\n').at(-1));
      lines.push(
        `| ${label}${tight ? ', tight' : ''} | ${r.ms.toFixed(1)} ms | ${r.stats.onTime} / ${r.stats.placed} | ${r.stats.proven ? 'yes' : '**no**'} | ${r.stats.upperBoundOnTime} / ${r.stats.upperBoundPlaced} | ${r.stats.components} / ${r.stats.nodes} | ${(r.beforeKiB / 1024).toFixed(0)} MiB | ${(r.peakKiB / 1024).toFixed(0)} MiB |`,
      );
      if (name === 'nationalWeek' || name === 'nationalWeekPool')
        verdicts.push(verdict(`${name}: cold call`, `${r.ms.toFixed(0)} ms`, r.ms < 1000, '< 1 s'));
    }
  }
  return { text: lines.join('\n'), verdicts };
}

const args = process.argv.slice(2);
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  {
    const quick = args.includes('--quick');
    const { text, verdicts } = await workloadMatchingSolver({ rounds: quick ? 3 : 7, quick });
    process.stdout.write(`${text}\n\n${verdicts.join('\n')}\n`);
  }
}
