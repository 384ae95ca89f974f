/**
 * Workload 5b: small rota instances and their exact fairness optima, to judge `generateRota`'s greedy against.
 *
 * An instance is a pure assignment problem: one layer, the default hand-off grid (every 4 h from 00:00), no weekly
 * caps, no rest (`minRestHours: 0`), a longest stretch of 168 h (never binding here), weights 1. Every availability
 * window and absence starts and ends on the 4-hour grid, so the horizon splits into blocks of 4 h in which each coach
 * is either free throughout or not at all; the greedy's segments are then exactly these blocks (its breakpoints are
 * the grid, local Mondays and availability edges, all on the grid), and any rota is a choice of one free coach per
 * block. Both sides fill every block in which anyone is free (coverage first; checked), so the total load and hence
 * the fair shares are the same for every candidate rota.
 *
 * The exact optimum is found by enumerating load vectors, not block assignments: a vector x (blocks per coach) is
 * realisable iff Σx = D (the fillable blocks) and, for every set S of coaches, Σ_{c∈S} x_c ≤ |N(S)|, the number of
 * blocks in which someone of S is free (Hall's condition for b-matchings; with Σx = D it also makes every block
 * taken). With ≤ 5 coaches that is ≤ 31 subset checks per vector, pruned coach by coach. Both objectives are
 * functions of the load vector only, so this is exact for both:
 * - the largest |load − fair share| (fair share: `waterFill` of the total load over free hours, as `generateRota`'s
 *   `load[].fairShareHours` and `quality.maxFairShareDeviationHours`);
 * - Grafana's balance, `balanceScore` of the positive loads (as `quality.balance`).
 */
import { lcg } from './team-gen.mjs';

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const BLOCK_HOURS = 4;
const BLOCK = BLOCK_HOURS * HOUR;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const hh = (h) => `${String(h).padStart(2, '0')}:00`;

/** Paris local midnight starting Monday 2027-01-04 (CET all through January: every block lasts 4 h). */
export const SMALL_FROM = Date.UTC(2027, 0, 3, 23);

/** The policy both sides use: one layer, default grid, no rest, stretch never binding. */
export const SMALL_POLICY = { layers: ['primary'], minRestHours: 0, maxStretchHours: 168 };

/**
 * A random small team file: `coaches` coaches, each with 2-4 weekly windows (2-5 days, 4-12 h, starting on a
 * 4-hour boundary, some crossing midnight) and, over two weeks, sometimes an absence of whole days.
 */
export function smallInstance(seed, { coaches, weeks }) {
  const rand = lcg(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const list = [];
  for (let c = 0; c < coaches; c++) {
    const availability = [];
    const nRules = int(2, 4);
    for (let r = 0; r < nRules; r++) {
      const nDays = int(2, 5);
      const chosen = new Set();
      while (chosen.size < nDays) chosen.add(int(0, 6));
      const startBlock = int(0, 5);
      const length = int(1, 3); // blocks
      const end = (startBlock + length) * BLOCK_HOURS;
      availability.push({
        days: DAYS.filter((_, i) => chosen.has(i)),
        from: hh(startBlock * BLOCK_HOURS),
        to: end === 24 ? '24:00' : hh(end % 24), // past midnight: crosses it
      });
    }
    const unavailable = [];
    if (weeks > 1 && rand() < 0.4) {
      const first = int(0, 7 * weeks - 2);
      const last = Math.min(first + int(0, 3), 7 * weeks - 1);
      const date = (d) => new Date(Date.UTC(2027, 0, 4 + d)).toISOString().slice(0, 10);
      unavailable.push({ from: date(first), to: date(last) }); // whole days, `to` inclusive
    }
    list.push({ id: `c${c}`, name: `Coach ${c}`, availability, unavailable });
  }
  return {
    team: { name: `small ${seed}`, timeZone: 'Europe/Paris', coverage: { minCoaches: 1 }, coaches: list },
    horizon: { from: SMALL_FROM, to: SMALL_FROM + weeks * 7 * DAY },
  };
}

/**
 * Each block's mask of free coaches, from the library's free time (so coverage is the library's own definition).
 * Throws if any free-time edge is off the 4-hour grid (the instance would not be a block problem).
 */
export function blockMasks(freeTimes, horizon) {
  const blocks = Math.round((horizon.to - horizon.from) / BLOCK);
  const masks = new Uint8Array(blocks);
  freeTimes.forEach((set, c) => {
    for (let i = 0; i < set.length; i += 2) {
      const a = (set[i] - horizon.from) / BLOCK;
      const b = (set[i + 1] - horizon.from) / BLOCK;
      if (!Number.isInteger(a) || !Number.isInteger(b)) throw new Error(`coach ${c}: free edge off the grid`);
      for (let k = a; k < b; k++) masks[k] |= 1 << c;
    }
  });
  return masks;
}

/** Same formula as the library's `balanceScore`, over positive loads, without allocating. */
function balanceOf(x, n) {
  let pairs = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (x[i] <= 0) continue;
    for (let j = i + 1; j < n; j++) {
      if (x[j] <= 0) continue;
      pairs++;
      sum += Math.min(x[i], x[j]) / Math.max(x[i], x[j]);
    }
  }
  return pairs === 0 ? 1 : sum / pairs;
}

/**
 * Exact optima over every realisable load vector (in blocks).
 *
 * @param {Uint8Array} masks - per block, the free coaches (bit c).
 * @param {number} n - coaches.
 * @param {number[]} fairHours - each coach's fair share in hours (same for every full-coverage rota).
 * @returns {{ fillable, minMaxDev, minMaxDevLoads, maxBalance, maxBalanceLoads, vectors }}
 */
export function exactOptima(masks, n, fairHours) {
  const full = (1 << n) - 1;
  // reach[S] = blocks in which someone of S is free (|N(S)|).
  const typeCount = new Int32Array(1 << n);
  for (const m of masks) typeCount[m]++;
  const reach = new Int32Array(1 << n);
  for (let s = 1; s <= full; s++) {
    let r = 0;
    for (let m = 1; m <= full; m++) if (m & s) r += typeCount[m];
    reach[s] = r;
  }
  const fillable = reach[full];
  const cap = Array.from({ length: n }, (_, c) => reach[1 << c]);
  // Subset sums maintained incrementally: sum[S] over S ⊆ {0..k}.
  const sums = new Int32Array(1 << n);
  const x = new Int32Array(n);
  let best = Number.POSITIVE_INFINITY;
  let bestLoads = null;
  let bestBal = -1;
  let bestBalLoads = null;
  let vectors = 0;
  // Hall's condition for the sets containing coach k, among coaches 0..k.
  const okAt = (k) => {
    const bit = 1 << k;
    for (let s = 0; s < bit; s++) {
      const set = s | bit;
      const v = sums[s] + x[k];
      sums[set] = v;
      if (v > reach[set]) return false;
    }
    return true;
  };
  const leaf = () => {
    vectors++;
    let dev = 0;
    for (let c = 0; c < n; c++) dev = Math.max(dev, Math.abs(x[c] * BLOCK_HOURS - fairHours[c]));
    if (dev < best - 1e-9) {
      best = dev;
      bestLoads = Array.from(x, (v) => v * BLOCK_HOURS);
    }
    const bal = balanceOf(x, n);
    if (bal > bestBal + 1e-12) {
      bestBal = bal;
      bestBalLoads = Array.from(x, (v) => v * BLOCK_HOURS);
    }
  };
  const dfs = (k, used) => {
    if (k === n - 1) {
      x[k] = fillable - used;
      if (x[k] >= 0 && x[k] <= cap[k] && okAt(k)) leaf();
      return;
    }
    // What coaches k+1..n-1 can take at most bounds x_k from below.
    let restCap = 0;
    for (let c = k + 1; c < n; c++) restCap += cap[c];
    const lo = Math.max(0, fillable - used - restCap);
    const hi = Math.min(cap[k], fillable - used);
    for (let v = lo; v <= hi; v++) {
      x[k] = v;
      if (okAt(k)) dfs(k + 1, used + v);
    }
  };
  dfs(0, 0);
  return {
    fillable,
    capacityBlocks: cap,
    minMaxDev: best,
    minMaxDevLoads: bestLoads,
    maxBalance: bestBal,
    maxBalanceLoads: bestBalLoads,
    vectors,
  };
}

/** Simple per-block rules for context: `firstFree` (team order) and `fewestHours` (least loaded so far). */
export function simpleRota(masks, n, rule) {
  const load = new Float64Array(n);
  for (const m of masks) {
    if (m === 0) continue;
    let pick = -1;
    for (let c = 0; c < n; c++) {
      if ((m & (1 << c)) === 0) continue;
      if (pick < 0 || (rule === 'fewestHours' && load[c] < load[pick])) pick = c;
      if (rule === 'firstFree') break;
    }
    load[pick] += BLOCK_HOURS;
  }
  return Array.from(load);
}

export function maxDeviation(loads, fair) {
  return loads.reduce((m, h, c) => Math.max(m, Math.abs(h - fair[c])), 0);
}

export function balanceHours(loads) {
  return balanceOf(loads, loads.length);
}

/**
 * Independent check of a load vector: builds an actual block assignment with exactly `loads[c] / 4 h` blocks per
 * coach by augmenting paths (Kuhn's algorithm on the b-matching), or returns null.
 */
export function realise(masks, n, loads) {
  const want = loads.map((h) => Math.round(h / BLOCK_HOURS));
  const owner = new Int32Array(masks.length).fill(-1);
  const held = Array.from({ length: n }, () => []);
  const tryBlock = (k, seen) => {
    for (let c = 0; c < n; c++) {
      if ((masks[k] & (1 << c)) === 0 || seen[c]) continue;
      seen[c] = 1;
      if (held[c].length < want[c]) {
        held[c].push(k);
        owner[k] = c;
        return true;
      }
      // Move one of c's blocks to another coach, making room for k.
      for (let i = 0; i < held[c].length; i++) {
        const other = held[c][i];
        held[c].splice(i, 1);
        owner[other] = -1;
        if (tryBlock(other, seen)) {
          held[c].push(k);
          owner[k] = c;
          return true;
        }
        held[c].splice(i, 0, other);
        owner[other] = c;
      }
    }
    return false;
  };
  for (let k = 0; k < masks.length; k++) {
    if (masks[k] === 0) continue;
    if (!tryBlock(k, new Uint8Array(n))) return null;
  }
  return held.every((h, c) => h.length === want[c]) ? owner : null;
}
