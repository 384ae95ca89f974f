/**
 * Interleaved comparison harness (see ../shared/benchmarking.md): every candidate of a workload runs in the same
 * process, once per round, in a rotating order; each round records one median per candidate, and the report gives
 * the median over rounds plus ratios computed per round (same round, same machine state) and then medianed.
 *
 * Backends: `tinybench` (one sample per call, for operations well above the timer's cost) and `mitata` (batched
 * samples, for operations around or below a microsecond, where a per-call timer would dominate).
 */
import { measure } from 'mitata';
import { Bench } from 'tinybench';

/** Sink for results, so no candidate's work can be optimised away. Read once at the end. */
export let sink = 0;
export function consume(v) {
  if (typeof v === 'number') sink = (sink + v) | 0;
  else if (v != null && typeof v.length === 'number') sink = (sink + v.length) | 0;
  else sink = (sink + 1) | 0;
}

export const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Median time of one call, in ns, for one short run of `fn`. */
async function sampleTinybench(name, fn, timeMs, minIterations) {
  const bench = new Bench({
    time: timeMs,
    iterations: minIterations,
    warmup: false,
    timestampProvider: 'hrtimeNow',
  });
  bench.add(name, fn, { async: false });
  bench.runSync();
  const result = bench.tasks[0].result;
  if (result.state !== 'completed' && result.state !== 'aborted-with-statistics') {
    throw new Error(`${name}: ${result.state} ${result.error?.stack ?? ''}`);
  }
  return result.latency.p50 * 1e6;
}

async function sampleMitata(fn, timeMs) {
  const stats = await measure(fn, {
    min_cpu_time: timeMs * 1e6,
    min_samples: 12,
    warmup_samples: 2,
    // Keep batches short so one sample never spans a GC pause; still >= 1 µs per sample for sub-µs ops.
    batch_samples: 512,
  });
  return stats.p50;
}

/** Calls `fn` for about `ms` (at least `min` times), to get it optimised before round 1. */
function warm(fn, ms, min = 5) {
  const end = performance.now() + ms;
  for (let i = 0; i < min || performance.now() < end; i++) consume(fn());
}

/**
 * Runs the candidates interleaved over `rounds`.
 *
 * @param {object} spec
 * @param {{ name: string, role: 'ours' | 'baseline' | 'limit' | 'info', fn: () => unknown }[]} spec.candidates
 * @param {number} spec.rounds
 * @param {number} spec.timeMs - budget per candidate per round.
 * @param {'tinybench' | 'mitata'} [spec.backend]
 * @param {number} [spec.minIterations] - tinybench: minimum calls per round.
 * @param {number} [spec.warmMs] - untimed calls before round 1, per candidate.
 * @param {number} [spec.warmMin] - at least this many untimed calls before round 1 (for second-long calls: fewer).
 * @param {number} [spec.rewarmMs] - untimed calls after the GC that precedes each sample (0: none).
 * @returns {Promise<{ candidates, perRound: Map<string, number[]>, medians: Map<string, number> }>}
 */
export async function interleave(spec) {
  const {
    candidates,
    rounds,
    timeMs,
    backend = 'tinybench',
    minIterations = 5,
    warmMs = 150,
    warmMin = 5,
    rewarmMs = 20,
  } = spec;
  for (const c of candidates) {
    warm(c.fn, warmMs, warmMin);
    gc();
  }
  const perRound = new Map(candidates.map((c) => [c.name, []]));
  for (let r = 0; r < rounds; r++) {
    const k = r % candidates.length;
    const order = [...candidates.slice(k), ...candidates.slice(0, k)];
    for (const c of order) {
      // A forced GC clears the previous candidate's garbage, but also V8's compiled RegExps and some caches (it can
      // double the next calls' time): re-warm briefly after it, untimed.
      gc();
      if (rewarmMs > 0) warm(c.fn, rewarmMs, 1);
      const ns =
        backend === 'mitata'
          ? await sampleMitata(c.fn, timeMs)
          : await sampleTinybench(c.name, c.fn, timeMs, minIterations);
      perRound.get(c.name).push(ns);
    }
  }
  const medians = new Map([...perRound].map(([name, xs]) => [name, median(xs)]));
  return { candidates, perRound, medians, rounds, backend };
}

/** Median over rounds of `a / b`, each ratio taken within one round. */
export function ratio(result, a, b) {
  const xs = result.perRound.get(a);
  const ys = result.perRound.get(b);
  return median(xs.map((x, i) => x / ys[i]));
}

/** Range (min-max over rounds) of `a / b`, to show the spread next to the median. */
export function ratioRange(result, a, b) {
  const xs = result.perRound.get(a);
  const ys = result.perRound.get(b);
  const rs = xs.map((x, i) => x / ys[i]);
  return [Math.min(...rs), Math.max(...rs)];
}

export function fmtTime(ns) {
  if (!Number.isFinite(ns)) return 'n/a';
  if (ns < 1e3) return `${ns.toFixed(ns < 10 ? 2 : ns < 100 ? 1 : 0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(ns < 1e4 ? 2 : ns < 1e5 ? 1 : 0)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(ns < 1e7 ? 2 : ns < 1e8 ? 1 : 0)} ms`;
  return `${(ns / 1e9).toFixed(2)} s`;
}

export function fmtRatio(x) {
  if (!Number.isFinite(x)) return 'n/a';
  if (x >= 100) return `${Math.round(x).toLocaleString('en-US')}x`;
  if (x >= 10) return `${x.toFixed(1)}x`;
  return `${x.toFixed(2)}x`;
}

/**
 * Markdown table: one row per candidate, its median, and its time divided by each reference's (per-round ratios).
 *
 * @param {string[]} refs - candidate names to divide by (e.g. the limit, ours).
 */
export function table(result, refs, refLabels = refs) {
  const head = ['candidate', 'role', 'median / call', ...refLabels.map((r) => `÷ ${r}`), 'spread of rounds'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const c of result.candidates) {
    const xs = result.perRound.get(c.name);
    const spread = `${fmtTime(Math.min(...xs))} – ${fmtTime(Math.max(...xs))}`;
    const cells = [
      c.name,
      c.role,
      fmtTime(result.medians.get(c.name)),
      ...refs.map((ref) => (ref === c.name ? '1' : fmtRatio(ratio(result, c.name, ref)))),
      spread,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** A verdict line: `label: value (target) PASS/MISS`. */
export function verdict(label, value, ok, target) {
  return `- ${ok ? 'PASS' : 'MISS'} — ${label}: ${value} (target: ${target})`;
}
