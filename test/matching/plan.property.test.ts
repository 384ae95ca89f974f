/**
 * `planCallbacks` against an independent reference, on random small teams, requests and zones (DST nights often):
 * the reference reads free time 15 minutes at a time and the clock with luxon (test/support), enumerates every
 * assignment of requests to (coach, start) by brute force, and so checks the promises of the plan: each placed call
 * inside one of its windows, its coach's free time and the clock grid; the buffer; the daily cap; conservation; the
 * exact optimum of (1) calls before their deadline and (2) calls placed; determinism; monotonicity in coaches; and
 * that live booking never beats the batch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BookingState, bookCallback } from '../../src/matching/book.js';
import type { CallbackPlan } from '../../src/matching/plan.js';
import { planCallbacks } from '../../src/matching/plan-callbacks.js';
import type { CallbackRequest } from '../../src/model/request.js';
import type { Team } from '../../src/model/team.js';
import type { WeeklyRule } from '../../src/time/recurrence.js';
import { DAY, HOUR, MINUTE } from '../../src/time/types.js';
import { STEP } from '../support/luxon-reference.js';
import { localClock, referenceFreeSlots } from '../support/rota-reference.js';

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe'] as const;
const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
const DST_DAYS = [
  utcDay(2026, 3, 29),
  utcDay(2026, 10, 25),
  utcDay(2026, 3, 8),
  utcDay(2026, 11, 1),
  utcDay(2026, 10, 4),
];
const BUFFER = 15 * MINUTE;
const GRID_MINUTES = 30;

const caseArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  day: fc.oneof(
    fc.integer({ min: utcDay(2026, 1, 5), max: utcDay(2026, 12, 20) }),
    fc.constantFrom(...DST_DAYS),
  ),
  nowQuarter: fc.integer({ min: 0, max: 95 }),
  cap: fc.integer({ min: 1, max: 3 }),
  coaches: fc.array(
    fc.array(
      fc.record({
        weekdays: fc.oneof(
          { weight: 3, arbitrary: fc.constant(127) },
          { weight: 1, arbitrary: fc.integer({ min: 1, max: 127 }) },
        ),
        // Quarters after the local time of `now`, so that free time and callback windows often meet.
        start: fc.integer({ min: -8, max: 24 }),
        length: fc.integer({ min: 12, max: 48 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    { minLength: 1, maxLength: 3 },
  ),
  requests: fc.array(
    fc.record({
      receivedQuarters: fc.integer({ min: -96, max: 0 }),
      windows: fc.array(
        fc.record({ offset: fc.integer({ min: -4, max: 32 }), length: fc.integer({ min: 3, max: 14 }) }),
        {
          minLength: 1,
          maxLength: 2,
        },
      ),
      duration: fc.constantFrom(30, 60, 60, 90),
    }),
    { minLength: 2, maxLength: 6 },
  ),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function teamOf(c: Case, coachCount = c.coaches.length): Team {
  const localQuarter = localClock(c.zone, nowOf(c)).minute / 15;
  const startOf = (q: number) => Math.min(95, Math.max(0, localQuarter + q));
  return {
    name: 'P',
    timeZone: c.zone,
    coverage: { minCoaches: 1 },
    coaches: c.coaches.slice(0, coachCount).map((rules, i) => ({
      id: `c${i}`,
      name: `c${i}`,
      timeZone: c.zone,
      availability: rules.map(
        (r): WeeklyRule => ({
          kind: 'weekly',
          weekdays: r.weekdays,
          everyWeeks: 1,
          startMinute: startOf(r.start) * 15,
          endMinute: (startOf(r.start) + r.length) * 15,
        }),
      ),
      unavailable: [],
      weight: 1,
      skills: [],
    })),
  };
}

/** `now` is a quarter of the case's day in UTC terms (a quarter-hour instant, as free slots are). */
const nowOf = (c: Case) => c.day * DAY + c.nowQuarter * STEP;

function requestsOf(c: Case): CallbackRequest[] {
  const now = nowOf(c);
  return c.requests.map((r, i) => ({
    id: `R${i}`,
    receivedAt: now + r.receivedQuarters * STEP,
    door: 'coaches',
    channel: 'sms',
    callbackWindows: r.windows
      .map((w) => ({ start: now + w.offset * STEP, end: now + (w.offset + w.length) * STEP }))
      .sort((a, b) => a.start - b.start)
      .reduce<{ start: number; end: number }[]>((out, w) => {
        const last = out[out.length - 1];
        if (last !== undefined && w.start <= last.end) last.end = Math.max(last.end, w.end);
        else out.push({ ...w });
        return out;
      }, []),
    durationMinutes: r.duration,
    attempts: [],
  }));
}

const policy = (c: Case) => ({
  maxCallsPerDay: c.cap,
  bufferMinutes: BUFFER / MINUTE,
  gridMinutes: GRID_MINUTES,
});

interface Option {
  readonly coach: number;
  readonly start: number;
  readonly end: number;
  readonly day: number;
  readonly onTime: boolean;
}

/** Every (coach, start) a request may take, read from luxon: free slots, the local clock, the local day. */
function referenceOptions(c: Case, team: Team, requests: readonly CallbackRequest[]): Option[][] {
  const now = nowOf(c);
  const from = now;
  const to = now + 170 * STEP;
  const free = referenceFreeSlots(team, from, to);
  return requests.map((r) => {
    const first = r.callbackWindows[0]?.start ?? r.receivedAt;
    const deadline = Math.max(first, r.receivedAt) + 24 * HOUR;
    const out: Option[] = [];
    const duration = r.durationMinutes * MINUTE;
    for (const w of r.callbackWindows) {
      for (let t = Math.max(w.start, now); t + duration <= w.end; t += STEP) {
        const clock = localClock(c.zone, t);
        if (clock.minute % GRID_MINUTES !== 0) continue;
        team.coaches.forEach((_, k) => {
          for (let s = t; s < t + duration; s += STEP) if (free[k]?.[(s - from) / STEP] !== 1) return;
          out.push({ coach: k, start: t, end: t + duration, day: clock.day, onTime: t < deadline });
        });
      }
    }
    return out;
  });
}

/** The best (on time, placed) over every assignment, by exhaustive search. */
function referenceOptimum(options: readonly Option[][], cap: number): [number, number] {
  let best: [number, number] = [0, 0];
  const chosen: Option[] = [];
  const visit = (i: number, onTime: number, placed: number) => {
    if (onTime + (options.length - i) < best[0]) return;
    if (onTime + (options.length - i) === best[0] && placed + (options.length - i) <= best[1]) return;
    if (i === options.length) {
      if (onTime > best[0] || (onTime === best[0] && placed > best[1])) best = [onTime, placed];
      return;
    }
    for (const o of options[i] ?? []) {
      const clash = chosen.some(
        (p) => p.coach === o.coach && p.start < o.end + BUFFER && o.start < p.end + BUFFER,
      );
      const sameDay = chosen.filter((p) => p.coach === o.coach && p.day === o.day).length;
      if (clash || sameDay >= cap) continue;
      chosen.push(o);
      visit(i + 1, onTime + (o.onTime ? 1 : 0), placed + 1);
      chosen.pop();
    }
    visit(i + 1, onTime, placed);
  };
  visit(0, 0, 0);
  return best;
}

function checkPlan(c: Case, team: Team, requests: readonly CallbackRequest[], plan: CallbackPlan): void {
  const options = referenceOptions(c, team, requests);
  const ids = [...plan.placed.map((p) => p.requestId), ...plan.notPlaced.map((n) => n.requestId)].sort();
  expect(ids).toEqual(requests.map((r) => r.id).sort());
  for (const call of plan.placed) {
    const i = requests.findIndex((r) => r.id === call.requestId);
    const k = team.coaches.findIndex((x) => x.id === call.coachId);
    const option = options[i]?.find((o) => o.coach === k && o.start === call.start);
    expect(
      option,
      `${call.requestId} at ${new Date(call.start).toISOString()} is not a valid call`,
    ).toBeDefined();
    expect(call.end).toBe(call.start + (requests[i]?.durationMinutes ?? 0) * MINUTE);
    expect(call.beforeDeadline).toBe(option?.onTime);
    for (const other of plan.placed) {
      if (other === call || other.coachId !== call.coachId) continue;
      expect(other.start >= call.end + BUFFER || call.start >= other.end + BUFFER).toBe(true);
    }
    const sameDay = plan.placed.filter(
      (p) => p.coachId === call.coachId && localClock(c.zone, p.start).day === option?.day,
    );
    expect(sameDay.length).toBeLessThanOrEqual(c.cap);
  }
  for (const n of plan.notPlaced) {
    const i = requests.findIndex((r) => r.id === n.requestId);
    if (n.reason === 'no-coach-free' || n.reason === 'window-too-short' || n.reason === 'no-window-left') {
      expect(options[i], `${n.requestId}: ${n.reason} but a call was possible`).toEqual([]);
    } else expect(n.reason).toBe('coaches-booked');
  }
  const [onTime, placed] = referenceOptimum(options, c.cap);
  expect([plan.figures.placedBeforeDeadline, plan.figures.placed]).toEqual([onTime, placed]);
  expect(plan.figures.proven).toBe(true);
  expect(plan.figures.upperBound).toEqual({ beforeDeadline: onTime, placed });
}

describe('planCallbacks against a brute-force reference', () => {
  it('places valid calls only, keeps buffer, caps and conservation, and reaches the exact optimum of (1) and (2)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const team = teamOf(c);
        const requests = requestsOf(c);
        const plan = planCallbacks(team, requests, { now: nowOf(c), policy: policy(c) });
        checkPlan(c, team, requests, plan);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same plan twice, and never fewer calls on time with one more coach', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const requests = requestsOf(c);
        const options = { now: nowOf(c), policy: policy(c) };
        const full = planCallbacks(teamOf(c), requests, options);
        expect(planCallbacks(teamOf(c), requests, options)).toEqual(full);
        if (c.coaches.length > 1) {
          const fewer = planCallbacks(teamOf(c, c.coaches.length - 1), requests, options);
          expect(full.figures.placedBeforeDeadline).toBeGreaterThanOrEqual(
            fewer.figures.placedBeforeDeadline,
          );
        }
      }),
      { numRuns: 80 },
    );
  });

  it('live booking, one request at a time in any order, never places more on time than the batch plan', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, seed) => {
        const team = teamOf(c);
        const requests = requestsOf(c);
        const now = nowOf(c);
        const batch = planCallbacks(team, requests, { now, policy: policy(c) });
        const order = [...requests].sort(
          (a, b) => ((a.id.charCodeAt(1) * 7919 + seed) % 13) - ((b.id.charCodeAt(1) * 7919 + seed) % 13),
        );
        let state: BookingState = { team, bookings: [], policy: policy(c) };
        let onTime = 0;
        for (const r of order) {
          const result = bookCallback(state, r, { now });
          if (result.booked) {
            state = result.state;
            if (result.call.beforeDeadline) onTime++;
          }
        }
        expect(onTime).toBeLessThanOrEqual(batch.figures.placedBeforeDeadline);
      }),
      { numRuns: 60 },
    );
  });
});
