/**
 * Nights and weekends: the policy's night window and local Saturdays and Sundays over the horizon, and the fair
 * shares of the on-call time in them, so that the assignment can steer by them (a secondary objective after the
 * layers) and the summary can report them alike.
 *
 * @module
 */
import { type IntervalSet, normalize } from '../time/intervals.js';
import { expandRules } from '../time/recurrence.js';
import type { ZoneTable } from '../time/zone.js';
import { capacityWithinCaps, waterFill } from './fair-share.js';
import type { RotaPolicy } from './policy.js';

const ALL_DAYS = 0b1111111;
const WEEKEND = 0b1100000;

/**
 * The night windows (policy, local wall clock) and the weekends (local Saturday 00:00 to Monday 00:00) inside
 * `[from, to)`, as normalized interval sets.
 *
 * @example nightAndWeekend(paris, policy, from, to).night // [22:00, 07:00) of every night, as instants
 */
export function nightAndWeekend(
  table: ZoneTable,
  policy: RotaPolicy,
  from: number,
  to: number,
): { night: IntervalSet; weekend: IntervalSet } {
  const window = (weekdays: number, startMinute: number, endMinute: number) =>
    normalize(
      expandRules([{ kind: 'weekly', weekdays, everyWeeks: 1, startMinute, endMinute }], table, from, to, []),
    );
  return {
    night: window(ALL_DAYS, policy.night.startMinute, policy.night.endMinute),
    weekend: window(WEEKEND, 0, 1440),
  };
}

/**
 * Fair shares of `demand` on-call time inside a window: water-filled over each coach's free time in it
 * (`freeInWindow`), within their weekly caps. Also returns those capacities.
 *
 * @param weekBounds - the horizon's start, each local Monday inside it, its end.
 * @example windowShares(free.map((f) => intersect(f, night)), capMs, weights, weeks, demand).share[c] // ms
 */
export function windowShares(
  freeInWindow: readonly IntervalSet[],
  capMs: readonly number[],
  weight: readonly number[],
  weekBounds: readonly number[],
  demand: number,
): { cap: number[]; share: number[] } {
  const cap = freeInWindow.map((set, c) => capacityWithinCaps(set, capMs[c]!, weekBounds));
  return { cap, share: waterFill(cap, weight, demand) };
}

/**
 * Time of `[a, b)` inside `window`, for calls with non-decreasing `a`: a cursor remembers where the last call
 * started looking. O(1) amortised.
 *
 * @example const inNight = overlapCursor(night); inNight(a, b) // ms of night in [a, b)
 */
export function overlapCursor(window: IntervalSet): (a: number, b: number) => number {
  let i = 0;
  return (a, b) => {
    while (i < window.length && window[i + 1]! <= a) i += 2;
    let sum = 0;
    for (let k = i; k < window.length && window[k]! < b; k += 2) {
      sum += Math.min(window[k + 1]!, b) - Math.max(window[k]!, a);
    }
    return sum;
  };
}

/** Each coach's free time inside the nights and inside the weekends of a horizon (team order), UTC epoch ms. */
export interface WindowFree {
  readonly night: readonly IntervalSet[];
  readonly weekend: readonly IntervalSet[];
}
