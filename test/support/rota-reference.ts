/**
 * An independent reference for checking generated rotas, 15 minutes at a time: who is free (from the luxon
 * reference, never from src/time or src/rota), where the hand-off grid and the local weeks fall, a water-filling
 * of fair shares by bisection, and helpers to read a rota slot by slot.
 */
import { DateTime } from 'luxon';
import type { Team } from '../../src/model/team.js';
import type { WeeklyRule } from '../../src/time/recurrence.js';
import { localDateOf, luxonDate, referenceExpansion, referenceInstant, STEP } from './luxon-reference.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Per coach (team order), per 15-minute slot of `[from, to)`: 1 when the coach is free. Weekly rules only. */
export function referenceFreeSlots(team: Team, from: number, to: number): Uint8Array[] {
  const slots = (to - from) / STEP;
  return team.coaches.map((coach) => {
    const free = new Uint8Array(slots);
    const pairs = referenceExpansion(coach.availability as WeeklyRule[], coach.timeZone, from, to);
    for (let i = 0; i < pairs.length; i += 2) {
      for (let t = pairs[i]!; t < pairs[i + 1]!; t += STEP) free[(t - from) / STEP] = 1;
    }
    for (const span of coach.unavailable) {
      const start = referenceInstant(
        coach.timeZone,
        luxonDate(Math.floor(span.start / DAY)),
        (span.start - Math.floor(span.start / DAY) * DAY) / MINUTE,
      );
      const end = referenceInstant(
        coach.timeZone,
        luxonDate(Math.floor(span.end / DAY)),
        (span.end - Math.floor(span.end / DAY) * DAY) / MINUTE,
      );
      for (let t = Math.max(start, from); t < Math.min(end, to); t += STEP) free[(t - from) / STEP] = 0;
    }
    return free;
  });
}

/**
 * Instants strictly inside `(from, to)` at which the wall clock of `zone` reads one of `minutes` (after local
 * midnight), by the documented rules (a nonexistent time is the first instant after the gap, an ambiguous one its
 * earlier occurrence); ascending, unique.
 */
export function referenceLocalTimes(
  zone: string,
  from: number,
  to: number,
  minutes: readonly number[],
): number[] {
  const out = new Set<number>();
  const last = localDateOf(zone, to).plus({ days: 1 });
  for (let date = localDateOf(zone, from).minus({ days: 1 }); date <= last; date = date.plus({ days: 1 })) {
    for (const minute of minutes) {
      const t = referenceInstant(zone, date, minute);
      if (t > from && t < to) out.add(t);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** The local ISO weeks (Monday 00:00 in `zone`) meeting `[from, to)`, each clipped to it, in order. */
export function referenceWeeks(zone: string, from: number, to: number): [number, number][] {
  const weeks: [number, number][] = [];
  let monday = localDateOf(zone, from).startOf('week');
  for (;;) {
    const start = referenceInstant(zone, monday, 0);
    const next = monday.plus({ days: 7 });
    const end = referenceInstant(zone, next, 0);
    if (start >= to) break;
    if (end > from) weeks.push([Math.max(start, from), Math.min(end, to)]);
    monday = next;
  }
  return weeks;
}

/**
 * The wall clock at instant `t` in `zone`: local date (days since 1970-01-01), ISO weekday (1 = Monday ...
 * 7 = Sunday) and minute of the day.
 */
export function localClock(zone: string, t: number): { day: number; weekday: number; minute: number } {
  const d = DateTime.fromMillis(t, { zone });
  return {
    day: Date.UTC(d.year, d.month - 1, d.day) / DAY,
    weekday: d.weekday,
    minute: d.hour * 60 + d.minute,
  };
}

/**
 * Water-filling by bisection on the level λ: coach `c` gets `min(capacity[c], λ · weight[c])`, with λ the least
 * level at which the shares sum to `demand` (everyone at capacity when demand exceeds total capacity). A different
 * algorithm from src (which sorts by capacity per weight), so the two can check each other.
 */
export function waterFillReference(
  capacity: readonly number[],
  weight: readonly number[],
  demand: number,
): number[] {
  const total = (level: number) =>
    capacity.reduce((sum, cap, c) => sum + Math.min(cap, level * weight[c]!), 0);
  let low = 0;
  let high = 1;
  while (total(high) < demand && high < 1e18) high *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (total(mid) < demand) low = mid;
    else high = mid;
  }
  return capacity.map((cap, c) => Math.min(cap, high * weight[c]!));
}

/** Sorted `[start, end)` pairs merged where they touch or overlap: maximal continuous runs. */
export function mergeRuns(spans: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Minimal shape of a shift, as the reference reads it. */
export interface SpanLike {
  readonly layer: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Per layer, per 15-minute slot: the index in `values` of the span holding the slot, or -1. Throws when two spans
 * of one layer claim one slot (the caller checks overlaps with this) or a span is off the 15-minute grid.
 */
export function slotOwners<T extends SpanLike>(
  spans: readonly T[],
  layers: readonly string[],
  from: number,
  to: number,
): Int32Array[] {
  const slots = (to - from) / STEP;
  const owners = layers.map(() => new Int32Array(slots).fill(-1));
  spans.forEach((span, i) => {
    const layer = layers.indexOf(span.layer);
    if (layer < 0) throw new Error(`unknown layer ${span.layer}`);
    if ((span.start - from) % STEP !== 0 || (span.end - from) % STEP !== 0) {
      throw new Error(`span off the 15-minute grid: ${new Date(span.start).toISOString()}`);
    }
    for (let t = Math.max(span.start, from); t < Math.min(span.end, to); t += STEP) {
      const s = (t - from) / STEP;
      if (owners[layer]![s] !== -1)
        throw new Error(`two spans of ${span.layer} at ${new Date(t).toISOString()}`);
      owners[layer]![s] = i;
    }
  });
  return owners;
}
