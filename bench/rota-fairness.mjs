/**
 * Workload 5d/5e (issue 11): the rota's per-layer fairness and its cost, against the rota before it, in one process.
 *
 * - **Before**: the library at `ROTA_BEFORE` (a git ref; default `915a4a0`, the last commit before per-layer fair
 *   shares), extracted with `git archive` into `node_modules/.cache/astreinte-bench/` and bundled there with esbuild
 *   (its bare imports resolve to this checkout's `node_modules`), so both builds are timed interleaved in this process.
 * - **Exact optimum**: `test/rota/exact-layers.ts` (HiGHS MIP, lexicographic: first line, backup, weighted total; and
 *   first line then total), bundled the same way.
 * - Per-layer figures of the "before" rota are computed by today's `summarizeRota` (through `applySwaps` with no
 *   swap), so both rotas are judged by the same fair shares.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { fmtRatio, fmtTime, median, ratio, ratioRange } from './harness.mjs';
import { lib } from './lib.mjs';
import { BLOCK_HOURS, blockMasks, smallInstance } from './rota-exact.mjs';
import { rotaTeam } from './rota-teams.mjs';
import { lcg } from './team-gen.mjs';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const cache = `${root}node_modules/.cache/astreinte-bench/`;
export const BEFORE_REF = process.env.ROTA_BEFORE ?? '915a4a0';

async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  return import(pathToFileURL(outfile).href);
}

/** The library as it was at `BEFORE_REF`, bundled from its sources. */
async function beforeLibrary() {
  const dir = `${cache}before-${process.pid}/`;
  mkdirSync(dir, { recursive: true });
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const archive = execFileSync('git', ['-C', root, 'archive', BEFORE_REF, 'src'], {
    maxBuffer: 1 << 30, // a recent ref's sources are past the 1 MiB default
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const sha = execFileSync('git', ['-C', root, 'rev-parse', '--short', BEFORE_REF], {
    encoding: 'utf8',
  }).trim();
  return { before: await bundle(`${dir}src/index.ts`, `${dir}index.mjs`), sha };
}

async function exactModule() {
  const out = `${cache}exact-${process.pid}.mjs`;
  process.on('exit', () => rmSync(out, { force: true }));
  const mod = await bundle(`${root}test/rota/exact-layers.ts`, out);
  await mod.loadSolver();
  return mod;
}

const quantile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};
const stat = (xs) => ({
  n: xs.length,
  median: xs.length === 0 ? Number.NaN : median(xs),
  p90: xs.length === 0 ? Number.NaN : quantile(xs, 0.9),
  max: xs.length === 0 ? Number.NaN : Math.max(...xs),
  zero: xs.filter((x) => x < 1e-6).length,
  withinBlock: xs.filter((x) => x <= BLOCK_HOURS + 1e-6).length,
});

/** A rota's per-layer figures, by today's summary (so a "before" rota is judged by the same shares). */
function judge(team, rota, policyInput) {
  const r = lib.applySwaps(team, { ...rota, policy: lib.resolvePolicy(policyInput) }, []);
  const layers = r.policy.layers;
  const dev = (value, share) => Math.max(...r.load.map((l) => Math.abs(value(l) - share(l))));
  return {
    rota: r,
    byLayer: layers.map((layer) => r.quality.maxDeviationByLayer[layer]),
    total: r.quality.maxFairShareDeviationHours,
    weighted: r.quality.maxWeightedDeviationHours,
    check: dev(
      (l) => l.hoursByLayer[layers[0]],
      (l) => l.fairShareByLayer[layers[0]],
    ),
  };
}

/** The exact optimum's inputs from a judged rota: shares per layer and of the total, weights. */
function sharesOf(r) {
  const layers = r.policy.layers;
  return {
    shareByLayer: layers.map((layer) => r.load.map((l) => l.fairShareByLayer[layer])),
    totalShare: r.load.map((l) => l.fairShareHours),
    weights: r.policy.layerWeights,
    held: layers.map((layer) => r.load.reduce((s, l) => s + l.hoursByLayer[layer], 0)),
  };
}

function gaps(j, opt) {
  const reachable = opt.byLayer[0] < BLOCK_HOURS - 1e-6;
  return {
    primary: j.byLayer[0] - opt.byLayer[0],
    backup: reachable ? j.byLayer[1] - opt.byLayer[1] : undefined,
    total: j.total - opt.totalAfterFirst,
    weighted: reachable ? j.weighted - opt.weighted : undefined,
    backupAfterTotal: reachable ? j.byLayer[1] - opt.afterTotal.byLayer[1] : undefined,
    weightedAfterTotal: reachable ? j.weighted - opt.afterTotal.weighted : undefined,
  };
}

const POLICY_SMALL = { layers: ['primary', 'backup'], minRestHours: 0, maxStretchHours: 168 };

/**
 * The example team's pieces over `[from, to)` for `orderedOptimum` (December 2027: CET throughout, so the 4-hour grid
 * is every 4 h from `from`).
 */
function examplePieces(team, free, rota, from, to) {
  const handOffs = [];
  for (let t = from + 4 * HOUR; t < to; t += 4 * HOUR) handOffs.push(t);
  const firstMonday = from + ((8 - new Date(from + HOUR).getUTCDay()) % 7) * DAY;
  const mondays = [];
  for (let t = firstMonday; t < to; t += 7 * DAY) if (t > from) mondays.push(t);
  return exact.rotaPieces({
    from,
    to,
    handOffs,
    mondays,
    free,
    coachIds: team.coaches.map((c) => c.id),
    capped: team.coaches.map((c) => c.maxHoursPerWeek !== undefined),
    layers: rota.policy.layers,
    shifts: rota.shifts,
  });
}

/** The example team's two exact optima for one rota's coverage: cut anywhere, and keeping the hand-off rule. */
function exampleOptima(team, free, judged, from, to, s) {
  const pieces = examplePieces(team, free, judged.rota, from, to);
  const caps = {
    capHours: team.coaches.map((c) => c.maxHoursPerWeek ?? Number.POSITIVE_INFINITY),
    heldByLayer: sharesOf(judged.rota).held,
  };
  const n = team.coaches.length;
  const solve = (fn) => {
    const t = performance.now();
    const opt = fn(pieces, n, s.shareByLayer, s.totalShare, s.weights, caps, 3600);
    if (opt === undefined) throw new Error('example team: HiGHS hit its time limit');
    return { opt, ms: performance.now() - t };
  };
  return {
    pieces: pieces.filter((p) => p.mask !== 0).length,
    cut: solve(exact.layeredOptimum),
    rule: solve(exact.orderedOptimum),
  };
}

/** Ours minus the optimum, in both orders (see `LayeredOptimum`), hours. */
function exampleGaps(j, opt) {
  return {
    primary: j.byLayer[0] - opt.byLayer[0],
    backup: j.byLayer[1] - opt.byLayer[1],
    total: j.total - opt.totalAfterFirst,
    weighted: j.weighted - opt.weighted,
    backupAfterTotal: j.byLayer[1] - opt.afterTotal.byLayer[1],
    weightedAfterTotal: j.weighted - opt.afterTotal.weighted,
  };
}

/**
 * A small team whose windows start and end on any half hour (seeded): 2-4 coaches, 1-3 weekly windows each of half
 * an hour to 8 hours, weights 0.5-2, one or two layers; one week from Monday 2027-01-04 in Paris.
 */
function offGridInstance(seed) {
  const rand = lcg(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const hhmm = (m) =>
    `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const coaches = Array.from({ length: int(2, 4) }, (_, c) => ({
    id: `c${c}`,
    name: `Coach ${c}`,
    availability: Array.from({ length: int(1, 3) }, () => {
      const start = int(0, 47) * 30;
      const end = Math.min(start + int(1, 16) * 30, 1440);
      const chosen = days.filter(() => rand() < 0.5);
      return {
        days: chosen.length > 0 ? chosen : ['MO'],
        from: hhmm(start),
        to: end === 1440 ? '24:00' : hhmm(end),
      };
    }),
    weight: [0.5, 1, 1, 1.5, 2][int(0, 4)],
  }));
  return { team: { name: `off-grid ${seed}`, timeZone: 'Europe/Paris', coaches }, layers: int(1, 2) };
}

/**
 * 5g: teams off the hand-off grid against the exact optimum of the rotas that keep the hand-off rule
 * (`orderedOptimum`), in the rota's own order (first line, total, then the backup and the weighted total); with no
 * minimum shift (the model does not know it) and with the default one (60 minutes).
 */
function offGridLines(instances) {
  const from = Date.UTC(2027, 0, 3, 23);
  const to = from + 7 * DAY;
  const handOffs = [];
  for (let t = from + 4 * HOUR; t < to; t += 4 * HOUR) handOffs.push(t);
  const h = (x) => (Number.isNaN(x) ? '–' : `${x.toFixed(1)} h`);
  const lines = [
    `5g. ${instances} teams off the hand-off grid (seeds 2000–${2000 + instances - 1}: 2–4 coaches, windows on any half hour, weights 0.5–2, one or two layers, one week), against the exact optimum of the rotas that keep the hand-off rule (\`orderedOptimum\`, no caps), in the rota's own order; rest 0, stretch 168 h. Gap = ours − optimum, largest deviation.`,
    '',
    '| minimum shift | level | instances | median | p90 | max | optimal | within one block (4 h) |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const minShiftMinutes of [0, 60]) {
    const gaps = { first: [], total: [], backup: [], weighted: [] };
    for (let i = 0; i < instances; i++) {
      const { team: file, layers } = offGridInstance(2000 + i);
      const team = lib.parseTeam(file);
      const policy = {
        layers: ['primary', 'backup'].slice(0, layers),
        minRestHours: 0,
        maxStretchHours: 168,
        minShiftMinutes,
      };
      const rota = lib.generateRota(team, { from, to, policy });
      const free = lib.computeCoverage(team, { from, to }).coaches.map((c) => c.freeTime);
      const pieces = exact.rotaPieces({
        from,
        to,
        handOffs,
        mondays: [],
        free,
        coachIds: team.coaches.map((c) => c.id),
        capped: team.coaches.map(() => false),
        layers: rota.policy.layers,
        shifts: rota.shifts,
      });
      const s = sharesOf(rota);
      const opt = exact.orderedOptimum(
        pieces,
        team.coaches.length,
        s.shareByLayer,
        s.totalShare,
        s.weights,
        undefined,
        3600,
      );
      if (opt === undefined) throw new Error(`off-grid ${2000 + i}: HiGHS hit its time limit`);
      const q = rota.quality;
      gaps.first.push(q.maxDeviationByLayer.primary - opt.byLayer[0]);
      gaps.total.push(q.maxFairShareDeviationHours - opt.totalAfterFirst);
      if (layers > 1) {
        gaps.backup.push(q.maxDeviationByLayer.backup - opt.afterTotal.byLayer[1]);
        gaps.weighted.push(q.maxWeightedDeviationHours - opt.afterTotal.weighted);
      }
    }
    for (const [key, label] of [
      ['first', 'first line'],
      ['total', 'total (after the first line)'],
      ['backup', 'backup (after those)'],
      ['weighted', 'weighted total (after those)'],
    ]) {
      const st = stat(gaps[key]);
      lines.push(
        `| ${minShiftMinutes} min | ${label} | ${st.n} | **${h(st.median)}** | ${h(st.p90)} | ${h(st.max)} | ${st.zero}/${st.n} | ${st.withinBlock}/${st.n} |`,
      );
    }
  }
  return lines;
}

/** Loaded once, when workload 5 is imported: the "before" library and the exact optimum. */
export const { before, sha } = await beforeLibrary();
const exact = await exactModule();

/** 5d: per-layer fairness against the exact optimum: 50 small instances and the example team over four weeks. */
export function workloadRotaLayerFairness({ instances }) {
  const started = performance.now();
  const rows = [];
  let solveMs = 0;
  for (let i = 0; i < instances; i++) {
    const coaches = 3 + (i % 3);
    const weeks = 1 + (Math.floor(i / 3) % 2);
    const { team: file, horizon } = smallInstance(1000 + i, { coaches, weeks });
    const team = lib.parseTeam(file);
    const free = lib.computeCoverage(team, horizon).coaches.map((c) => c.freeTime);
    const masks = blockMasks(free, horizon);
    const blocks = Array.from(masks, (mask) => ({ mask, hours: BLOCK_HOURS }));
    const after = judge(team, lib.generateRota(team, { ...horizon, policy: POLICY_SMALL }), POLICY_SMALL);
    const old = judge(
      team,
      before.generateRota(before.parseTeam(file), { ...horizon, policy: POLICY_SMALL }),
      POLICY_SMALL,
    );
    const s = sharesOf(after.rota);
    // Same coverage per layer for both (every block fills min(free, 2) layers), hence the same shares.
    const held = sharesOf(old.rota).held;
    if (held.some((h, l) => Math.abs(h - s.held[l]) > 1e-9))
      throw new Error(`instance ${i}: coverage differs`);
    const t = performance.now();
    const opt = exact.layeredOptimum(
      blocks,
      coaches,
      s.shareByLayer,
      s.totalShare,
      s.weights,
      undefined,
      3600,
    );
    if (opt === undefined) throw new Error(`instance ${i}: HiGHS hit its time limit`);
    solveMs += performance.now() - t;
    rows.push({ after: gaps(after, opt), before: gaps(old, opt), opt });
  }

  // The example team over four weeks (as in the README), no rest, stretch never binding, weekly caps kept.
  const file = rotaTeam('example');
  const exampleFile = JSON.parse(JSON.stringify(file));
  const team = lib.parseTeam(exampleFile);
  // Without the SLA settings, a key the library before did not know (the rota reads none of it).
  const { sla: _sla, ...beforeFile } = exampleFile;
  const from = Date.UTC(2027, 10, 30, 23); // Tue 2027-12-01 00:00 Paris (the file moved into 2027)
  const to = from + 28 * DAY;
  const free = lib.computeCoverage(team, { from, to }).coaches.map((c) => c.freeTime);
  const after = judge(team, lib.generateRota(team, { from, to, policy: POLICY_SMALL }), POLICY_SMALL);
  const old = judge(
    team,
    before.generateRota(before.parseTeam(beforeFile), { from, to, policy: POLICY_SMALL }),
    POLICY_SMALL,
  );
  const s = sharesOf(after.rota);
  const optAfter = exampleOptima(team, free, after, from, to, s);
  const optBefore = exampleOptima(team, free, old, from, to, s);
  const example = {
    after: { cut: exampleGaps(after, optAfter.cut.opt), rule: exampleGaps(after, optAfter.rule.opt) },
    before: { cut: exampleGaps(old, optBefore.cut.opt), rule: exampleGaps(old, optBefore.rule.opt) },
    opt: optAfter,
    held: s.held,
    oldHeld: sharesOf(old.rota).held,
    loads: after.rota.load.map((l) => [l.coachId, l.hoursByLayer.primary, l.hoursByLayer.backup]),
    oldLoads: old.rota.load.map((l) => [l.coachId, l.hoursByLayer.primary, l.hoursByLayer.backup]),
    shares: after.rota.load.map((l) => [l.fairShareByLayer.primary, l.fairShareByLayer.backup]),
  };

  const h = (x) => (Number.isNaN(x) ? '–' : `${x.toFixed(1)} h`);
  const line = (label, xs) => {
    const st = stat(xs);
    return `| ${label} | ${st.n} | **${h(st.median)}** | ${h(st.p90)} | ${h(st.max)} | ${st.zero}/${st.n} | ${st.withinBlock}/${st.n} |`;
  };
  const pick = (who, key) => rows.map((r) => r[who][key]).filter((x) => x !== undefined);
  const lines = [
    `${instances} instances of 5c (seeds 1000–${1000 + instances - 1}: 3–5 coaches, one or two weeks, every edge on the 4-hour grid), with two layers (\`${JSON.stringify(POLICY_SMALL)}\`, default layer weights 1 / 0.5). "before" = the library at \`${sha}\` (\`ROTA_BEFORE\`), bundled from its sources in this run; both judged by today's per-layer fair shares (both fill every block's first min(free, 2) layers: checked). Exact optimum by HiGHS (MIP, ${(solveMs / 1000).toFixed(1)} s in all): the largest deviation of the first line, then of the backup, then of the weighted total; and, separately, of the first line then the total. The backup and weighted gaps count only where the optimum puts the first line within one block (4 h) of its share (otherwise the backup's share, the difference of two running totals, is not reachable): ${pick('after', 'backup').length} of ${instances}.`,
    '',
    '| gap to the exact optimum (largest deviation, ours − optimum) | instances | median | p90 | max | optimal | within one block (4 h) |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [key, label] of [
    ['primary', 'first line'],
    ['backup', 'backup'],
    ['total', 'total (after the first line)'],
    ['weighted', 'weighted total (after both layers)'],
    ['backupAfterTotal', "backup (after the first line and the total: the rota's order)"],
    ['weightedAfterTotal', 'weighted total (after the first line, the total and the backup)'],
  ]) {
    lines.push(line(`after: ${label}`, pick('after', key)));
    lines.push(line(`before: ${label}`, pick('before', key)));
  }
  lines.push('');
  const f = (x) => x.toFixed(1);
  const o = example.opt;
  const ms = (x) => `${(x.ms / 1000).toFixed(1)} s`;
  lines.push(
    `Example team (\`examples/ca-va-patron.json\` moved into 2027), four weeks from Wed 2027-12-01, same policy (weekly caps kept; rest 0 and stretch 168 h, so that the exact model has no rest to keep): ${o.pieces} pieces (cut at the 4-hour grid, availability edges, local Mondays and the rota's own shift edges). Two exact optima, each with the coverage fixed to the rota's (first line ${f(example.held[0])} h, backup ${f(example.held[1])} h; before: ${f(example.oldHeld[0])} h, ${f(example.oldHeld[1])} h): **cut anywhere** (each layer's hours fixed in all; a layer may change hands at any edge; ${ms(o.cut)}), and **keeping the hand-off rule** (\`orderedOptimum\`: each piece holds the layers the rota holds there, and between two hand-off times a holder without a weekly cap who is still free keeps their layer or moves up, as \`rota.property.test.ts\` asserts of every rota; a relaxation of the rota's rules, so a lower bound for any rota that keeps them; ${ms(o.rule)}). Optima, largest deviation, cut anywhere / keeping the rule: first line ${h(o.cut.opt.byLayer[0])} / ${h(o.rule.opt.byLayer[0])}; then backup ${h(o.cut.opt.byLayer[1])} / ${h(o.rule.opt.byLayer[1])}; total after the first line ${h(o.cut.opt.totalAfterFirst)} / ${h(o.rule.opt.totalAfterFirst)}; in the rota's own order (first line, total, then backup) the backup ${h(o.cut.opt.afterTotal.byLayer[1])} / ${h(o.rule.opt.afterTotal.byLayer[1])}.`,
  );
  lines.push('');
  lines.push(
    '| example team, gap (ours − optimum) | first line | backup | total (after the first line) | weighted | backup (after the first line and the total) | weighted (after those and the backup) |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const who of ['after', 'before']) {
    for (const [key, label] of [
      ['rule', 'keeping the hand-off rule'],
      ['cut', 'cut anywhere'],
    ]) {
      const g = example[who][key];
      lines.push(
        `| ${who === 'after' ? '**after**' : 'before'}, ${label} | ${h(g.primary)} | ${h(g.backup)} | ${h(g.total)} | ${h(g.weighted)} | ${h(g.backupAfterTotal)} | ${h(g.weightedAfterTotal)} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    `Example team, hours (first line / backup) after → before, and the fair shares: ${example.loads
      .map(
        ([id, p, b], c) =>
          `${id} ${f(p)}/${f(b)} → ${f(example.oldLoads[c][1])}/${f(example.oldLoads[c][2])} (share ${f(example.shares[c][0])}/${f(example.shares[c][1])})`,
      )
      .join('; ')}.`,
  );
  lines.push('');
  lines.push('');
  lines.push(...offGridLines(instances));
  lines.push('');
  lines.push(`Study time ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return { text: lines.join('\n'), rows, example };
}

/** Per-layer fairness of today's rota and of the "before" one on a compiled team, judged alike (default policy). */
export function beforeAfterFairness(team, horizon) {
  const after = judge(team, lib.generateRota(team, horizon), {});
  const old = judge(team, before.generateRota(team, horizon), {});
  return { after, old };
}

/** The before/after table of 5a's rows (each with a `rota, before` candidate and `beforeAfterFairness` figures). */
export function beforeAfterTable(rows) {
  const h = (x) => `${x.toFixed(1)} h`;
  const lines = [
    `"before" = the library at \`${sha}\` (\`ROTA_BEFORE\`), bundled from its sources in this run and timed in the same rounds as today's build. Fairness of both judged by today's per-layer fair shares (largest deviation, after / before).`,
    '',
    '| coaches | rota | rota, before | **after ÷ before** (rounds) | first line | backup | total | weighted total |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const [lo, hi] = ratioRange(r.res, 'rota', 'rota, before');
    const { after, old } = r.fairness;
    lines.push(
      `| ${r.size.label} | ${fmtTime(r.res.medians.get('rota'))} | ${fmtTime(r.res.medians.get('rota, before'))} | **${fmtRatio(ratio(r.res, 'rota', 'rota, before'))}** (${fmtRatio(lo)}–${fmtRatio(hi)}) | ${h(after.byLayer[0])} / ${h(old.byLayer[0])} | ${h(after.byLayer[1])} / ${h(old.byLayer[1])} | ${h(after.total)} / ${h(old.total)} | ${h(after.weighted)} / ${h(old.weighted)} |`,
    );
  }
  return lines.join('\n');
}
