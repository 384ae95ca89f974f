/**
 * Seeded matching instances for bench/matching-solver.mjs, in the solver's numeric form (UTC ms, typed arrays).
 *
 * Local time is Paris in winter (UTC+1, no DST change in the horizon), so local day d starts at BASE + d * DAY - 1 h
 * and the 30-minute local grid is uniform. Coaches are volunteers: evenings (18:00-23:00), some mornings, some
 * weekend afternoons, a few calls already booked. Requests: 1-3 callback windows of 1-4 h between 08:00 and 22:30
 * local, calls of 60 min (most), 30, 90 or 120 min, deadline 24 h after receipt, sometimes a preferred coach.
 * Variants: `region` (coaches per region; each request may use only its region's coaches, 0 = the whole pool) and
 * `tight` (much less free time: demand exceeds supply, so the exact part has work to do).
 */
import { lcg } from './team-gen.mjs';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 2027-01-11 00:00 Paris. */
const BASE = Date.UTC(2027, 0, 11) - HOUR;

const norm = (pairs) => {
  const sorted = pairs.filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [a, b] of sorted) {
    if (out.length > 0 && a <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], b);
    else out.push(a, b);
  }
  return Float64Array.from(out);
};

/**
 * @param {object} spec
 * @param {number} spec.seed
 * @param {number} spec.coaches
 * @param {number} spec.requests
 * @param {number} spec.days - horizon in local days (the grid covers them, plus one morning).
 * @param {number} [spec.region] - coaches per region (0: every request may use every coach).
 * @param {boolean} [spec.tight]
 */
export function matchingInstance({ seed, coaches, requests, days, region = 0, tight = false }) {
  const rnd = lcg(seed * 7919 + coaches * 31 + requests);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const at = (d, h) => BASE + d * DAY + h * HOUR;
  const grid = [];
  for (let t = at(0, 0); t < at(days, 12); t += 30 * MIN) grid.push(t);
  const dayStarts = Float64Array.from({ length: days + 2 }, (_, d) => at(d, 0));
  const coachList = [];
  for (let c = 0; c < coaches; c++) {
    const free = [];
    const booked = [];
    for (let d = 0; d < days; d++) {
      const weekend = d % 7 >= 5;
      if (rnd() < (tight ? 0.35 : 0.7)) {
        const from = pick([18, 18.5, 19, 19.5, 20]);
        free.push([at(d, from), at(d, from + (tight ? pick([1.5, 2, 2.5]) : pick([2.5, 3, 3.5, 4])))]);
      }
      if (rnd() < (tight ? 0.1 : 0.25)) {
        const from = pick([7, 8, 9]);
        free.push([at(d, from), at(d, from + pick([1.5, 2, 3]))]);
      }
      if (weekend && rnd() < (tight ? 0.2 : 0.5)) {
        const from = pick([10, 13, 14]);
        free.push([at(d, from), at(d, from + pick([2, 3, 4]))]);
      }
    }
    const set = norm(free);
    // A booked call at the start of about one free interval in five.
    for (let k = 0; k < set.length; k += 2) if (rnd() < 0.2) booked.push(set[k], set[k] + HOUR);
    coachList.push({ free: set, booked: Float64Array.from(booked), dayStarts });
  }
  const regions = region > 0 ? Math.ceil(coaches / region) : 0;
  const requestList = [];
  for (let r = 0; r < requests; r++) {
    const receivedDay = Math.floor(rnd() * days);
    const received = at(receivedDay, 7 + rnd() * 14);
    const windows = [];
    const n = 1 + Math.floor(rnd() * 3);
    for (let w = 0; w < n; w++) {
      const d = Math.min(days - 1, receivedDay + Math.floor(rnd() * 2));
      const from = pick([8, 9, 10, 12, 14, 17, 18, 18.5, 19, 20, 21]);
      const len = pick([1, 1.5, 2, 3, 4]);
      windows.push([Math.max(at(d, from), received), Math.min(at(d, from + len), at(d, 22.5))]);
    }
    const duration = pick([HOUR, HOUR, HOUR, HOUR, HOUR, HOUR, 30 * MIN, 90 * MIN, 120 * MIN]);
    const reg = regions > 0 ? r % regions : -1;
    const lo = reg >= 0 ? reg * region : 0;
    const hi = reg >= 0 ? Math.min(coaches, lo + region) : coaches;
    requestList.push({
      windows: norm(windows),
      duration,
      deadline: received + DAY,
      preferredCoach: rnd() < 0.2 ? lo + Math.floor(rnd() * (hi - lo)) : -1,
      ...(reg >= 0 ? { coaches: Int32Array.from({ length: hi - lo }, (_, k) => lo + k) } : {}),
    });
  }
  return {
    grid: Float64Array.from(grid),
    buffer: 15 * MIN,
    dailyCap: tight ? 2 : 3,
    coaches: coachList,
    requests: requestList,
  };
}

/** The named instances of the benchmark. */
export const INSTANCES = {
  teamDay: (seed, tight = false) => matchingInstance({ seed, coaches: 7, requests: 50, days: 2, tight }),
  nationalDay: (seed, tight = false) =>
    matchingInstance({ seed, coaches: 1000, requests: 1500, days: 2, region: 50, tight }),
  nationalDayPool: (seed, tight = false) =>
    matchingInstance({ seed, coaches: 1000, requests: 1500, days: 2, tight }),
  nationalWeek: (seed, tight = false) =>
    matchingInstance({ seed, coaches: 1000, requests: 10_000, days: 7, region: 50, tight }),
  nationalWeekPool: (seed, tight = false) =>
    matchingInstance({ seed, coaches: 1000, requests: 10_000, days: 7, tight }),
  halfWeekPool: (seed) => matchingInstance({ seed, coaches: 500, requests: 5000, days: 7 }),
};
