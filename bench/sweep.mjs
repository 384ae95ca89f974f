/**
 * Workload 3: the coverage sweep. N intervals spread over 100 coaches as normalized sets (sorted, non-overlapping,
 * non-touching, whole minutes over one year), counted by `sweepCounts`, against the limit (copy the 2N endpoints
 * into one Float64Array and sort it: any sweep must at least order its events) and a baseline (event objects sorted
 * with a comparator, then swept: what one writes without typed arrays).
 */
import { fmtRatio, fmtTime, interleave, ratio, ratioRange, table, verdict } from './harness.mjs';
import { lib } from './lib.mjs';
import { lcg } from './team-gen.mjs';

const { sweepCounts } = lib;
const MINUTE = 60_000;
const FROM = Date.UTC(2026, 11, 31, 23);
const YEAR_MINUTES = 365 * 24 * 60;
const TO = FROM + YEAR_MINUTES * MINUTE;
export const COACHES = 100;

/** `coaches` normalized sets holding `n` intervals in all, deterministic. */
export function randomSets(n, coaches = COACHES, seed = 12345) {
  const rand = lcg(seed);
  const per = Math.floor(n / coaches);
  // Intervals and gaps of about half a slot each on average, at least one minute each, so a set never touches itself.
  const slot = YEAR_MINUTES / per;
  const sets = [];
  for (let c = 0; c < coaches; c++) {
    const set = new Float64Array(2 * per);
    let m = Math.floor(rand() * slot);
    for (let i = 0; i < per; i++) {
      const len = 1 + Math.floor(rand() * (slot - 2));
      set[2 * i] = FROM + m * MINUTE;
      set[2 * i + 1] = FROM + (m + len) * MINUTE;
      m += len + 1 + Math.floor(rand() * 2 * (slot - len - 1));
    }
    sets.push(set);
  }
  return sets;
}

/** The limit: gather the 2N endpoints into one typed array and sort it numerically. */
function limitSort(sets) {
  let n = 0;
  for (const s of sets) n += s.length;
  const all = new Float64Array(n);
  let k = 0;
  for (const s of sets) {
    all.set(s, k);
    k += s.length;
  }
  return all.sort();
}

/** The baseline: `{ t, d }` events, comparator sort, one pass applying all events at the same instant together. */
function eventObjectSweep(sets, from, to) {
  const events = [];
  for (const s of sets) {
    for (let i = 0; i < s.length; i += 2) {
      events.push({ t: s[i], d: 1 });
      events.push({ t: s[i + 1], d: -1 });
    }
  }
  events.sort((a, b) => a.t - b.t);
  const boundaries = [from];
  const counts = [0];
  let count = 0;
  let k = 0;
  while (k < events.length) {
    const t = events[k].t;
    if (t >= to) break;
    while (k < events.length && events[k].t === t) count += events[k++].d;
    if (t <= from) counts[0] = count;
    else if (count !== counts[counts.length - 1]) {
      boundaries.push(t);
      counts.push(count);
    }
  }
  boundaries.push(to);
  return { boundaries, counts };
}

function same(a, b) {
  if (a.boundaries.length !== b.boundaries.length || a.counts.length !== b.counts.length) return false;
  for (let i = 0; i < a.boundaries.length; i++) if (a.boundaries[i] !== b.boundaries[i]) return false;
  for (let i = 0; i < a.counts.length; i++) if (a.counts[i] !== b.counts[i]) return false;
  return true;
}

export async function workloadSweep({ rounds, timeMs, sizes = [10_000, 100_000, 1_000_000] }) {
  const out = [];
  const summary = [];
  for (const n of sizes) {
    const sets = randomSets(n);
    const ours = () => sweepCounts(sets, FROM, TO);
    const limit = () => limitSort(sets);
    const baseline = () => eventObjectSweep(sets, FROM, TO);
    const ok = same(ours(), baseline());
    const big = n >= 1_000_000;
    const result = await interleave({
      rounds: big ? Math.max(5, rounds - 2) : rounds,
      timeMs: big ? 1 : timeMs,
      minIterations: big ? 1 : 5,
      warmMs: big ? 1 : 150,
      rewarmMs: big ? 0 : 20,
      candidates: [
        { name: 'ours: sweepCounts', role: 'ours', fn: ours },
        { name: 'limit: copy 2N endpoints + Float64Array sort', role: 'limit', fn: limit },
        { name: 'baseline: event objects + comparator sort + sweep', role: 'baseline', fn: baseline },
      ],
    });
    const O = 'ours: sweepCounts';
    const L = 'limit: copy 2N endpoints + Float64Array sort';
    const r = ratio(result, O, L);
    const [lo, hi] = ratioRange(result, O, L);
    out.push(
      `**N = ${n.toLocaleString('en-US')} intervals** (${COACHES} coaches × ${(n / COACHES).toLocaleString('en-US')}; ` +
        `${ours().counts.length.toLocaleString('en-US')} segments; ${result.rounds} rounds; result ${ok ? "identical to the baseline's" : "DIFFERS from the baseline's"})`,
      '',
      table(result, [L, O], ['limit', 'ours']),
      '',
      verdict(
        `N = ${n.toLocaleString('en-US')}: ours ÷ limit`,
        `${fmtRatio(r)} (rounds ${fmtRatio(lo)}–${fmtRatio(hi)})`,
        r <= 1.5,
        '≤ 1.5x',
      ),
      '',
    );
    summary.push({ n, result, ratio: r, medians: Object.fromEntries(result.medians) });
  }
  // Growth: each candidate's median at N x10 over its median at N (medians from the same process).
  const growth = [
    '| candidate | ' +
      summary
        .slice(1)
        .map((s, i) => `${summary[i].n.toLocaleString('en-US')} → ${s.n.toLocaleString('en-US')}`)
        .join(' | ') +
      ' |',
  ];
  growth.push(
    `|---|${summary
      .slice(1)
      .map(() => '---:')
      .join('|')}|`,
  );
  for (const name of Object.keys(summary[0].medians)) {
    growth.push(
      `| ${name} | ` +
        summary
          .slice(1)
          .map(
            (s, i) =>
              `×${(s.medians[name] / summary[i].medians[name]).toFixed(1)} (${fmtTime(summary[i].medians[name])} → ${fmtTime(s.medians[name])})`,
          )
          .join(' | ') +
        ' |',
    );
  }
  out.push('Growth, input ×10 → time ×?', '', ...growth);
  return { text: out.join('\n'), summary };
}
