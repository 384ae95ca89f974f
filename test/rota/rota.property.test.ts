/**
 * The rota against an independent reference: for random teams (2-6 coaches, weekly rules crossing midnight,
 * absences, caps, weights, skills), zones with DST (Paris, New York, Lord Howe's half hour), horizons of 1-21 days
 * often around DST nights and random policies, every hard constraint and promise of `generateRota` is rechecked 15
 * minutes at a time from the luxon reference (test/support), which shares no code with src/time or src/rota.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coach, Team } from '../../src/model/team.js';
import { generateRota } from '../../src/rota/generate.js';
import type { RotaPolicyInput } from '../../src/rota/policy.js';
import type { Override, Rota, UnfilledReason } from '../../src/rota/rota.js';
import type { WeeklyRule } from '../../src/time/recurrence.js';
import { DAY, HOUR, MINUTE } from '../../src/time/types.js';
import { luxonDate, referenceInstant, STEP, wallAt } from '../support/luxon-reference.js';
import {
  localClock,
  mergeRuns,
  referenceFreeSlots,
  referenceLocalTimes,
  referenceWeeks,
  slotOwners,
  waterFillReference,
} from '../support/rota-reference.js';

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe'] as const;
const LAYERS = ['primary', 'backup', 'third'] as const;
const SKILLS = ['senior', 'night'] as const;
const GRIDS: readonly (readonly string[])[] = [
  ['00:00', '04:00', '08:00', '12:00', '16:00', '20:00'],
  ['08:00', '20:00'],
  ['00:00', '06:00', '12:00', '18:00'],
  ['02:00', '14:00'], // 02:00 falls in the spring-forward gap of Paris and New York, on Lord Howe's too
  ['07:30', '19:30'],
];
const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
/** Local dates of the DST nights of the three zones, 2026-2027. */
const DST_DAYS = [
  utcDay(2026, 3, 29), // Paris spring
  utcDay(2026, 10, 25), // Paris autumn
  utcDay(2027, 3, 28),
  utcDay(2027, 10, 31),
  utcDay(2026, 3, 8), // New York spring
  utcDay(2026, 11, 1), // New York autumn
  utcDay(2027, 3, 14),
  utcDay(2027, 11, 7),
  utcDay(2026, 4, 5), // Lord Howe: back half an hour
  utcDay(2026, 10, 4), // Lord Howe: forward half an hour
  utcDay(2027, 4, 4),
  utcDay(2027, 10, 3),
];
const CONSTRAINT_REASONS: readonly UnfilledReason[] = [
  'everyone-at-cap',
  'rest-or-stretch',
  'caps-rest-or-stretch',
];
const slotMinutes = STEP / MINUTE;

// ---------------------------------------------------------------------------------------------------------------
// Random cases

const ruleArb = fc
  .record({
    weekdays: fc.integer({ min: 1, max: 127 }),
    start: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 96 }),
  })
  .map(({ weekdays, start, length }) => ({
    weekdays,
    startMinute: start * 15,
    endMinute: (start + length) * 15,
  }));
type RuleSpec = typeof ruleArb extends fc.Arbitrary<infer T> ? T : never;

const awayArb = fc.record({
  dayOffset: fc.integer({ min: -2, max: 22 }),
  startQuarter: fc.integer({ min: 0, max: 95 }),
  lengthQuarters: fc.integer({ min: 1, max: 2 * 96 }),
});

const coachArb = fc.record({
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
  away: fc.array(awayArb, { maxLength: 2 }),
  cap: fc.option(fc.integer({ min: 4, max: 60 }), { nil: undefined, freq: 3 }),
  weight: fc.constantFrom(0.5, 0.75, 1, 1, 1.25, 1.5, 2),
  skills: fc.subarray([...SKILLS]),
  // Most coaches live in the team's zone; some in another of the three.
  zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined, freq: 4 }),
});
type CoachSpec = typeof coachArb extends fc.Arbitrary<infer T> ? T : never;

const policyArb = fc.record({
  layerCount: fc.integer({ min: 1, max: 3 }),
  grid: fc.integer({ min: 0, max: GRIDS.length - 1 }),
  maxStretchHours: fc.integer({ min: 6, max: 24 }),
  minRestHours: fc.integer({ min: 0, max: 12 }),
  minShiftMinutes: fc.integer({ min: 0, max: 8 }).map((q) => q * 15),
  layerSkills: fc.array(fc.subarray([...SKILLS], { maxLength: 1 }), { minLength: 3, maxLength: 3 }),
});
type PolicySpec = typeof policyArb extends fc.Arbitrary<infer T> ? T : never;

const horizonArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  day: fc.oneof(
    fc.integer({ min: utcDay(2026, 1, 5), max: utcDay(2027, 12, 20) }),
    fc.constantFrom(...DST_DAYS).chain((d) => fc.integer({ min: d - 8, max: d + 1 })),
  ),
  startQuarter: fc.integer({ min: 0, max: 95 }),
  lengthDays: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 21 })),
});
type HorizonSpec = typeof horizonArb extends fc.Arbitrary<infer T> ? T : never;

interface Case {
  readonly horizon: HorizonSpec;
  readonly coaches: readonly CoachSpec[];
  readonly policy: PolicySpec;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  horizon: horizonArb,
  coaches: fc.array(coachArb, { minLength: 2, maxLength: 6 }),
  policy: policyArb,
});

/** What the options of a case are allowed to use. */
interface Variant {
  readonly caps?: boolean;
  readonly skills?: boolean;
  /** Longest stretch 168 h and no rest: availability and the matching alone decide. */
  readonly relaxed?: boolean;
}

function weeklyRule(r: RuleSpec): WeeklyRule {
  return {
    kind: 'weekly',
    weekdays: r.weekdays,
    everyWeeks: 1,
    startMinute: r.startMinute,
    endMinute: r.endMinute,
  };
}

function buildTeam(c: Case, v: Variant): Team {
  const coaches: Coach[] = c.coaches.map((spec, i) => ({
    id: `c${i}`,
    name: `Coach ${i}`,
    timeZone: spec.zone ?? c.horizon.zone,
    availability: spec.rules.map(weeklyRule),
    unavailable: spec.away.map((a) => {
      const start = (c.horizon.day + a.dayOffset) * DAY + a.startQuarter * STEP;
      return { start, end: start + a.lengthQuarters * STEP };
    }),
    weight: spec.weight,
    skills: v.skills ? spec.skills : [],
    ...(v.caps && spec.cap !== undefined ? { maxHoursPerWeek: spec.cap } : {}),
  }));
  return { name: 'Random', timeZone: c.horizon.zone, coverage: { minCoaches: 1 }, coaches };
}

function buildPolicy(c: Case, v: Variant): RotaPolicyInput {
  const p = c.policy;
  const layers = LAYERS.slice(0, p.layerCount);
  const layerSkills = v.skills
    ? Object.fromEntries(
        layers.flatMap((layer, l) => {
          const skills = p.layerSkills[l] ?? [];
          return skills.length > 0 ? [[layer, skills] as const] : [];
        }),
      )
    : undefined;
  return {
    layers,
    handOffTimes: GRIDS[p.grid]!,
    maxStretchHours: v.relaxed ? 168 : p.maxStretchHours,
    minRestHours: v.relaxed ? 0 : p.minRestHours,
    minShiftMinutes: p.minShiftMinutes,
    ...(layerSkills === undefined ? {} : { layerSkills }),
  };
}

function horizonOf(h: HorizonSpec): { from: number; to: number } {
  // UTC instants on the 15-minute grid: every offset of the three zones is a multiple of 15 minutes.
  const from = h.day * DAY + h.startQuarter * STEP;
  return { from, to: from + h.lengthDays * DAY };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

// ---------------------------------------------------------------------------------------------------------------
// Reading a rota slot by slot

interface World {
  readonly team: Team;
  readonly from: number;
  readonly to: number;
  readonly slots: number;
  readonly layers: readonly string[];
  readonly free: Uint8Array[];
  /** Hand-off grid instants in (from, to), by the reference. */
  readonly grid: readonly number[];
  readonly policy: RotaPolicyInput;
}

function worldOf(team: Team, from: number, to: number, policy: RotaPolicyInput): World {
  const layers = policy.layers ?? ['primary', 'backup'];
  const grid = referenceLocalTimes(team.timeZone, from, to, (policy.handOffTimes ?? []).map(minutesOf));
  return {
    team,
    from,
    to,
    slots: (to - from) / STEP,
    layers,
    free: referenceFreeSlots(team, from, to),
    grid,
    policy,
  };
}

const coachIndex = (w: World, id: string) => w.team.coaches.findIndex((c) => c.id === id);
const layerSkillsOf = (w: World, l: number): readonly string[] => w.policy.layerSkills?.[w.layers[l]!] ?? [];
const hasSkills = (w: World, c: number, l: number) =>
  layerSkillsOf(w, l).every((s) => w.team.coaches[c]!.skills.includes(s));

/** Per layer, per slot, the coach index holding it or -1; per layer, per slot, the unfilled reason or undefined. */
function readRota(w: World, rota: Rota): { holder: Int32Array[]; reason: (UnfilledReason | undefined)[][] } {
  const shiftOwners = slotOwners(rota.shifts, w.layers, w.from, w.to);
  const gapOwners = slotOwners(rota.unfilled, w.layers, w.from, w.to);
  const holder = shiftOwners.map((owners) =>
    owners.map((i) => (i < 0 ? -1 : coachIndex(w, rota.shifts[i]!.coachId))),
  );
  const reason = gapOwners.map((owners) =>
    Array.from(owners, (i) => (i < 0 ? undefined : rota.unfilled[i]!.reason)),
  );
  return { holder, reason };
}

// ---------------------------------------------------------------------------------------------------------------
// The checks

/** Shifts sorted, each layer's shifts and unfilled spans tiling [from, to) exactly, every span maximal. */
function checkStructure(w: World, rota: Rota): void {
  const layerOrder = (name: string) => w.layers.indexOf(name);
  for (const list of [rota.shifts, rota.unfilled]) {
    for (let i = 0; i + 1 < list.length; i++) {
      const [a, b] = [list[i]!, list[i + 1]!];
      expect(a.start < b.start || (a.start === b.start && layerOrder(a.layer) < layerOrder(b.layer))).toBe(
        true,
      );
    }
  }
  for (const layer of w.layers) {
    const spans = [
      ...rota.shifts.filter((s) => s.layer === layer).map((s) => ({ ...s, kind: 'shift' as const })),
      ...rota.unfilled.filter((u) => u.layer === layer).map((u) => ({ ...u, kind: 'unfilled' as const })),
    ].sort((a, b) => a.start - b.start);
    expect(spans.length).toBeGreaterThan(0);
    expect(spans[0]!.start).toBe(w.from);
    expect(spans[spans.length - 1]!.end).toBe(w.to);
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i]!;
      expect(s.end).toBeGreaterThan(s.start);
      const next = spans[i + 1];
      if (next === undefined) continue;
      expect(next.start).toBe(s.end); // no gap, no overlap at hand-offs
      // Maximal: one coach's generated run, or one reason's span, is never cut in two.
      if (s.kind === 'unfilled' && next.kind === 'unfilled') expect(next.reason).not.toBe(s.reason);
      if (s.kind === 'shift' && next.kind === 'shift' && s.coachId === next.coachId) {
        expect(next.override).not.toBe(s.override);
      }
    }
  }
  // Every shift names a coach of the team and a layer of the policy.
  for (const s of rota.shifts) expect(coachIndex(w, s.coachId)).toBeGreaterThanOrEqual(0);
}

/** Generated shifts only where the coach is free and skilled; never one coach in two layers at once. */
function checkAssignments(w: World, rota: Rota, holder: readonly Int32Array[]): void {
  for (const s of rota.shifts) {
    if (s.override) continue;
    const c = coachIndex(w, s.coachId);
    expect(hasSkills(w, c, w.layers.indexOf(s.layer))).toBe(true);
    for (let t = s.start; t < s.end; t += STEP) {
      if (w.free[c]![(t - w.from) / STEP] !== 1) {
        expect.fail(`${s.coachId} holds ${s.layer} at ${new Date(t).toISOString()} but is not free`);
      }
    }
  }
  for (let s = 0; s < w.slots; s++) {
    const seen = new Set<number>();
    for (const layer of holder) {
      const c = layer[s]!;
      if (c < 0) continue;
      if (seen.has(c))
        expect.fail(`coach ${c} holds two layers at ${new Date(w.from + s * STEP).toISOString()}`);
      seen.add(c);
    }
  }
}

/** Weekly caps (local ISO weeks of the team zone), longest stretch and shortest rest, from the shifts alone. */
function checkLimits(w: World, rota: Rota, maxStretchHours: number, minRestHours: number): void {
  const weeks = referenceWeeks(w.team.timeZone, w.from, w.to);
  w.team.coaches.forEach((coach) => {
    const own = rota.shifts.filter((s) => s.coachId === coach.id && !s.override);
    if (coach.maxHoursPerWeek !== undefined) {
      for (const [start, end] of weeks) {
        const used = own.reduce(
          (sum, s) => sum + Math.max(0, Math.min(s.end, end) - Math.max(s.start, start)),
          0,
        );
        expect(used).toBeLessThanOrEqual(coach.maxHoursPerWeek * HOUR);
      }
    }
    const runs = mergeRuns(own.map((s) => [s.start, s.end] as const));
    runs.forEach(([start, end], i) => {
      expect(end - start).toBeLessThanOrEqual(maxStretchHours * HOUR);
      const next = runs[i + 1];
      if (next !== undefined) expect(next[0] - end).toBeGreaterThanOrEqual(minRestHours * HOUR);
    });
  });
}

/**
 * Every shift and unfilled edge is an instant where something may change: the horizon's ends, a hand-off time, a
 * local Monday 00:00 (caps), a coach's free-time edge, an override's edge, a cut at whole multiples of the
 * longest stretch after one of those (a block longer than the stretch cannot be held whole), or where a coach's
 * own limit falls, read from their shifts: their stretch at its longest, their rest complete, their weekly cap
 * reached. Nothing else: in particular no edge moves by an hour across a DST night.
 */
function checkEdges(
  w: World,
  rota: Rota,
  maxStretchHours: number,
  minRestHours: number,
  overrides: readonly Override[] = [],
): void {
  const natural = new Set<number>([w.from, w.to, ...w.grid]);
  const weeks = referenceWeeks(w.team.timeZone, w.from, w.to);
  for (const [start] of weeks) natural.add(start);
  for (const f of w.free)
    for (let s = 1; s < w.slots; s++) if (f[s] !== f[s - 1]) natural.add(w.from + s * STEP);
  for (const o of overrides) natural.add(o.start).add(o.end);
  const sorted = [...natural].sort((a, b) => a - b);
  const allowed = new Set(sorted);
  for (let i = 0; i + 1 < sorted.length; i++) {
    for (let t = sorted[i]! + maxStretchHours * HOUR; t < sorted[i + 1]!; t += maxStretchHours * HOUR)
      allowed.add(t);
  }
  for (const coach of w.team.coaches) {
    const own = rota.shifts.filter((s) => s.coachId === coach.id);
    for (const [start, end] of mergeRuns(own.map((s) => [s.start, s.end] as const))) {
      allowed.add(start + maxStretchHours * HOUR).add(end + minRestHours * HOUR);
    }
    if (coach.maxHoursPerWeek === undefined) continue;
    for (const s of own) {
      const [weekStart] = weeks.find(([a, b]) => a < s.end && s.end <= b)!;
      const used = own.reduce(
        (sum, x) => sum + Math.max(0, Math.min(x.end, s.end) - Math.max(x.start, weekStart)),
        0,
      );
      if (used === coach.maxHoursPerWeek * HOUR) allowed.add(s.end);
    }
  }
  for (const span of [...rota.shifts, ...rota.unfilled]) {
    for (const t of [span.start, span.end]) {
      if (!allowed.has(t)) expect.fail(`edge ${new Date(t).toISOString()} of ${span.layer} is no breakpoint`);
    }
  }
}

/**
 * Maximal coverage, without skills: where k coaches are free, the first min(k, layers) layers are held, unless a
 * cap, stretch or rest is the recorded reason; 'nobody-available' only where fewer than (layer + 1) are free.
 */
function checkMaximalCoverage(
  w: World,
  holder: readonly Int32Array[],
  reason: readonly (UnfilledReason | undefined)[][],
  skip: (slot: number) => boolean = () => false,
): void {
  for (let s = 0; s < w.slots; s++) {
    if (skip(s)) continue;
    const k = w.free.reduce((n, f) => n + f[s]!, 0);
    const at = new Date(w.from + s * STEP).toISOString();
    for (let l = 0; l < w.layers.length; l++) {
      const r = reason[l]![s];
      if (l < k && holder[l]![s]! < 0 && !CONSTRAINT_REASONS.includes(r!)) {
        expect.fail(`${w.layers[l]} empty (${r}) at ${at} with ${k} coaches free`);
      }
      if (r === 'nobody-available' && k >= l + 1) {
        expect.fail(`${w.layers[l]} 'nobody-available' at ${at} with ${k} coaches free`);
      }
      if (r === 'skills-missing') expect.fail(`'skills-missing' without skills at ${at}`);
    }
  }
}

/** Can these layers all be held at once by distinct coaches of `eligible[c][l]`? (Brute force: ≤ 3 layers.) */
function matchable(
  layers: readonly number[],
  eligible: readonly (readonly boolean[])[],
  used = new Set<number>(),
): boolean {
  if (layers.length === 0) return true;
  const [l, ...rest] = layers as [number, ...number[]];
  for (let c = 0; c < eligible.length; c++) {
    if (used.has(c) || !eligible[c]![l]) continue;
    used.add(c);
    const ok = matchable(rest, eligible, used);
    used.delete(c);
    if (ok) return true;
  }
  return false;
}

/** Per-coach, per-layer eligibility at a slot: free and skilled. */
function eligibleAt(w: World, s: number): boolean[][] {
  return w.team.coaches.map((_, c) => w.layers.map((__, l) => w.free[c]![s] === 1 && hasSkills(w, c, l)));
}

/**
 * With skills and nothing else in the way: the layers held at each slot are the most important ones that can be
 * held together (the greedy basis, layer by layer, of the layers-to-coaches matching).
 */
function checkSkilledCoverage(
  w: World,
  holder: readonly Int32Array[],
  reason: readonly (UnfilledReason | undefined)[][],
): void {
  for (let s = 0; s < w.slots; s++) {
    if (reason.some((r) => CONSTRAINT_REASONS.includes(r[s]!))) continue;
    const eligible = eligibleAt(w, s);
    const best: number[] = [];
    for (let l = 0; l < w.layers.length; l++) if (matchable([...best, l], eligible)) best.push(l);
    const held = w.layers.map((_, l) => l).filter((l) => holder[l]![s]! >= 0);
    if (held.join() !== best.join()) {
      expect.fail(
        `at ${new Date(w.from + s * STEP).toISOString()} layers [${held}] held, [${best}] could be`,
      );
    }
  }
}

/** The load figures of the rota, recomputed from its shifts and the reference clock. */
function checkLoad(w: World, rota: Rota, holder: readonly Int32Array[]): void {
  const n = w.team.coaches.length;
  const total = new Array<number>(n).fill(0);
  const night = new Array<number>(n).fill(0);
  const weekend = new Array<number>(n).fill(0);
  const nights = w.team.coaches.map(() => new Set<number>());
  const handOffs = new Array<number>(n).fill(0);
  for (let s = 0; s < w.slots; s++) {
    const t = w.from + s * STEP;
    const { day, weekday, minute } = localClock(w.team.timeZone, t);
    const isNight = minute >= 22 * 60 || minute < 7 * 60; // default night 22:00-07:00
    // A night belongs to the date it starts on: before 07:00 it is the previous date's.
    const nightKey = minute >= 22 * 60 ? day : day - 1;
    const onCall = new Set<number>();
    for (const layer of holder) if (layer[s]! >= 0) onCall.add(layer[s]!);
    for (const c of onCall) {
      total[c]! += STEP;
      if (isNight) {
        night[c]! += STEP;
        nights[c]!.add(nightKey);
      }
      if (weekday >= 6) weekend[c]! += STEP;
    }
  }
  for (const layer of w.layers) {
    const own = rota.shifts.filter((s) => s.layer === layer);
    for (let i = 0; i + 1 < own.length; i++) {
      if (own[i]!.end === own[i + 1]!.start && own[i]!.coachId !== own[i + 1]!.coachId) {
        handOffs[coachIndex(w, own[i]!.coachId)]! += 1;
      }
    }
  }
  rota.load.forEach((load, c) => {
    expect(load.coachId).toBe(w.team.coaches[c]!.id);
    expect(load.totalHours).toBeCloseTo(total[c]! / HOUR, 9);
    expect(load.nightHours).toBeCloseTo(night[c]! / HOUR, 9);
    expect(load.weekendHours).toBeCloseTo(weekend[c]! / HOUR, 9);
    expect(load.nights).toBe(nights[c]!.size);
    expect(load.handOffs).toBe(handOffs[c]);
    const byLayer = Object.values(load.hoursByLayer).reduce((a, b) => a + b, 0);
    expect(byLayer).toBeCloseTo(load.totalHours, 9);
    expect(load.shifts).toBe(rota.shifts.filter((s) => s.coachId === load.coachId).length);
    expect(load.deviationHours).toBeCloseTo(load.totalHours - load.fairShareHours, 9);
  });
  for (const layer of w.layers) {
    const held = rota.shifts.filter((s) => s.layer === layer).reduce((sum, s) => sum + s.end - s.start, 0);
    expect(rota.quality.coverageByLayer[layer]).toBeCloseTo(held / (w.to - w.from), 12);
  }
  const loads = total.filter((t) => t > 0);
  let pairs = 0;
  let sum = 0;
  for (let i = 0; i < loads.length; i++) {
    for (let j = i + 1; j < loads.length; j++) {
      sum += Math.min(loads[i]!, loads[j]!) / Math.max(loads[i]!, loads[j]!);
      pairs++;
    }
  }
  expect(rota.quality.balance).toBeCloseTo(pairs === 0 ? 1 : sum / pairs, 9);
}

/** Fair shares without caps: water-filling of the total on-call time over free time, weighted (own algorithm). */
function referenceFairShares(w: World, rota: Rota): number[] {
  const demand = rota.load.reduce((sum, l) => sum + l.totalHours * HOUR, 0);
  const capacity = w.free.map((f) => f.reduce((n, x) => n + x, 0) * STEP);
  return waterFillReference(
    capacity,
    w.team.coaches.map((c) => c.weight),
    demand,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Properties

const run = (c: Case, v: Variant, extra: { overrides?: readonly Override[] } = {}) => {
  const team = buildTeam(c, v);
  const { from, to } = horizonOf(c.horizon);
  const policy = buildPolicy(c, v);
  const rota = generateRota(team, { from, to, policy, ...extra });
  return { team, from, to, policy, rota, w: worldOf(team, from, to, policy) };
};

describe('generateRota against the 15-minute reference (property)', () => {
  it('keeps every hard constraint: free, skilled, one layer at a time, caps, stretch, rest, exact tiling', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rota, w, policy } = run(c, { caps: true, skills: true });
        const { holder } = readRota(w, rota);
        checkStructure(w, rota);
        checkAssignments(w, rota, holder);
        checkLimits(w, rota, policy.maxStretchHours!, policy.minRestHours!);
        checkEdges(w, rota, policy.maxStretchHours!, policy.minRestHours!);
        expect(rota.flags).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('fills every layer it can: maximal coverage, and honest reasons (no skills)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rota, w } = run(c, { caps: true });
        const { holder, reason } = readRota(w, rota);
        checkMaximalCoverage(w, holder, reason);
        // 'everyone-at-cap' only where every free coach left over has a cap.
        for (const u of rota.unfilled) {
          if (u.reason !== 'everyone-at-cap') continue;
          const s = (u.start - w.from) / STEP;
          const idle = w.team.coaches.filter(
            (_, i) => w.free[i]![s] === 1 && holder.every((h) => h[s] !== i),
          );
          expect(idle.length).toBeGreaterThan(0);
          for (const coach of idle) expect(coach.maxHoursPerWeek).toBeDefined();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('with skills, holds the most important layers that can be held together', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rota, w } = run(c, { skills: true, relaxed: true });
        const { holder, reason } = readRota(w, rota);
        checkSkilledCoverage(w, holder, reason);
      }),
      { numRuns: 30 },
    );
  });

  it("with skills, says 'nobody-available' only where fewer coaches than (layer + 1) are free", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rota, w } = run(c, { skills: true, relaxed: true });
        for (const u of rota.unfilled) {
          if (u.reason !== 'nobody-available') continue;
          const l = w.layers.indexOf(u.layer);
          for (let t = u.start; t < u.end; t += STEP) {
            const k = w.free.reduce((n, f) => n + f[(t - w.from) / STEP]!, 0);
            if (k >= l + 1)
              expect.fail(`${u.layer} 'nobody-available' at ${new Date(t).toISOString()}, ${k} free`);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('between hand-off times, a holder who is still free keeps their layer (no needless hand-off)', () => {
    // The one good reason to leave a layer mid-block: moving up to a more important layer its holder left, when
    // nobody else can take that one (then the layer left behind stays empty).
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rota, w } = run(c, { relaxed: true });
        const grid = new Set(w.grid);
        const heldFrom = (layer: string, t: number) =>
          rota.shifts.find((x) => x.layer === layer && x.start === t);
        for (const s of rota.shifts) {
          if (s.end === w.to || grid.has(s.end)) continue;
          const i = coachIndex(w, s.coachId);
          if (w.free[i]![(s.end - w.from) / STEP] !== 1) continue;
          // The 168-hour stretch can still end a run of someone free for a week on end: not this rule's business.
          const own = rota.shifts
            .filter((x) => x.coachId === s.coachId)
            .map((x) => [x.start, x.end] as const);
          if (mergeRuns(own).some(([a, b]) => a <= s.end && s.end <= b && b - a > 150 * HOUR)) continue;
          const l = w.layers.indexOf(s.layer);
          const moved = rota.shifts.find((x) => x.coachId === s.coachId && x.start === s.end);
          const up = moved !== undefined && w.layers.indexOf(moved.layer) < l;
          const successor = heldFrom(s.layer, s.end);
          if (up && successor === undefined) continue;
          if (successor?.coachId !== s.coachId) {
            expect.fail(
              `${s.coachId} left ${s.layer} at ${new Date(s.end).toISOString()} (no hand-off time) while free: ` +
                `${successor?.coachId ?? 'nobody'} took it, ${s.coachId} went to ${moved?.layer ?? 'no layer'}`,
            );
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reports load, nights, weekends, hand-offs, coverage and balance as the shifts say', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rota, w } = run(c, { caps: true });
        const { holder } = readRota(w, rota);
        checkLoad(w, rota, holder);
      }),
      { numRuns: 20 },
    );
  });

  it('without caps, fair shares are the water-filling of the load over free time, by weight', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rota, w } = run(c, {});
        const fair = referenceFairShares(w, rota);
        rota.load.forEach((l, i) => {
          expect(l.fairShareHours).toBeCloseTo(fair[i]! / HOUR, 6);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('with caps, no fair share is more than the coach could carry within their weekly caps', () => {
    // Horizons of one to three weeks, every coach capped: where a week's cap binds, the rest of the horizon
    // cannot make up for it.
    const cappedArb = caseArb.chain((c) =>
      fc
        .record({
          lengthDays: fc.integer({ min: 8, max: 21 }),
          caps: fc.array(fc.integer({ min: 2, max: 30 }), {
            minLength: c.coaches.length,
            maxLength: c.coaches.length,
          }),
        })
        .map(
          ({ lengthDays, caps }): Case => ({
            ...c,
            horizon: { ...c.horizon, lengthDays },
            coaches: c.coaches.map((coach, i) => ({ ...coach, cap: caps[i] })),
          }),
        ),
    );
    fc.assert(
      fc.property(cappedArb, (c) => {
        const { rota, w } = run(c, { caps: true });
        const weeks = referenceWeeks(w.team.timeZone, w.from, w.to);
        rota.load.forEach((l, i) => {
          const cap = w.team.coaches[i]!.maxHoursPerWeek;
          if (cap === undefined) return;
          // Most on-call time possible: in each local week, its free time, at most the cap.
          const most = weeks.reduce((sum, [start, end]) => {
            let free = 0;
            for (let t = start; t < end; t += STEP) free += w.free[i]![(t - w.from) / STEP]! * STEP;
            return sum + Math.min(free, cap * HOUR);
          }, 0);
          expect(l.fairShareHours).toBeLessThanOrEqual(most / HOUR + 1e-9);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same rota for the same input, computed twice', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const team = buildTeam(c, { caps: true, skills: true });
        const { from, to } = horizonOf(c.horizon);
        const policy = buildPolicy(c, { caps: true, skills: true });
        const first = generateRota(team, { from, to, policy });
        expect(generateRota(structuredClone(team), { from, to, policy: structuredClone(policy) })).toEqual(
          first,
        );
      }),
      { numRuns: 20 },
    );
  });
});

describe('fairness (property)', () => {
  // Coaches with identical availability and no caps; weights differ. A longest stretch of 168 h and no rest keep
  // the comparison about fairness alone: with them, loads follow what the limits allow, not the weights (4
  // coaches, 2 layers, 6 h stretches and 6 h rests leave everyone about half the time, whatever their weight).
  //
  // The bound: one hand-off block. Every instant at which the rota may change hands (a hand-off time, or the
  // edge of the shared availability) is a decision; at each, the layers go to the coaches furthest below their
  // share, and a holder keeps a layer only while owed at least as much as the best other candidate, or while
  // younger than the shortest shift. So no coach gets further from their share than the longest block between
  // two decisions, plus the shortest shift; 'the longest shift of the rota' would be a much weaker promise (a
  // coach left on a layer for a week makes a week-long shift).
  const fairCaseArb = fc.record({
    horizon: horizonArb,
    rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
    weights: fc.array(fc.constantFrom(0.5, 0.75, 1, 1.25, 1.5, 2), { minLength: 2, maxLength: 6 }),
    policy: policyArb,
  });
  type FairCase = typeof fairCaseArb extends fc.Arbitrary<infer T> ? T : never;
  // Short daily windows (a block or less, so each evening is handed out afresh) and one heavier coach: where a
  // choice by (load + block) / share, as D'Hondt gives seats, would overshoot a share by more than a block.
  const shortWindowsArb: fc.Arbitrary<FairCase> = fc.record({
    horizon: horizonArb,
    rules: fc
      .record({ start: fc.integer({ min: 0, max: 95 }), length: fc.integer({ min: 1, max: 16 }) })
      .map(({ start, length }) => [
        { weekdays: 127, startMinute: start * 15, endMinute: (start + length) * 15 },
      ]),
    weights: fc
      .tuple(
        fc.constantFrom(1.25, 1.5, 2),
        fc.array(fc.constantFrom(0.5, 0.75, 1), { minLength: 2, maxLength: 5 }),
      )
      .map(([heavy, light]) => [...light, heavy]),
    policy: policyArb,
  });
  const withLayers = (f: FairCase, layerCount: number): FairCase => ({
    ...f,
    policy: { ...f.policy, layerCount },
  });

  /**
   * Fails when a coach ends further than one hand-off block (plus the shortest shift) from their fair share, over
   * every horizon of whole days from the case's start up to its length (the free time of each is a prefix).
   */
  function checkFairness(f: FairCase): void {
    const c: Case = {
      horizon: f.horizon,
      policy: f.policy,
      coaches: f.weights.map((weight) => ({
        rules: f.rules,
        away: [],
        cap: undefined,
        weight,
        skills: [],
        zone: undefined,
      })),
    };
    const { team, from, policy, w } = run(c, { relaxed: true });
    // Relaxed means a 168 h longest stretch: over six days at most (a DST day is 25 h), it never binds. Past a
    // week it would force breaks the water-filled share knows nothing of, and the share would no longer be
    // reachable: the issue asks for fairness "wherever the constraints allow it".
    for (let days = 1; days <= Math.min(f.horizon.lengthDays, 6); days++) {
      const end = from + days * DAY;
      const slots = (end - from) / STEP;
      const free = w.free.map((x) => x.subarray(0, slots));
      const prefix: World = { ...w, to: end, slots, free };
      // The decisions: hand-off times and the edges of the shared availability; the longest block while free.
      const edges = new Set([from, end, ...w.grid.filter((t) => t < end)]);
      for (let q = 1; q < slots; q++) if (free[0]![q] !== free[0]![q - 1]) edges.add(from + q * STEP);
      const points = [...edges].sort((x, y) => x - y);
      let block = 0;
      for (let i = 0; i + 1 < points.length; i++) {
        if (free[0]![(points[i]! - from) / STEP] === 1) block = Math.max(block, points[i + 1]! - points[i]!);
      }
      const bound = block + f.policy.minShiftMinutes * MINUTE;
      const rota = generateRota(team, { from, to: end, policy });
      const fair = referenceFairShares(prefix, rota);
      rota.load.forEach((l, i) => {
        if (Math.abs(l.totalHours * HOUR - fair[i]!) > bound + 1e-6) {
          expect.fail(
            `${l.coachId} carries ${l.totalHours} h over ${days} days, fair share ${fair[i]! / HOUR} h, ` +
              `one block ${block / HOUR} h`,
          );
        }
      });
    }
  }

  it('with one layer, keeps every coach within one hand-off block of their water-filled fair share', () => {
    fc.assert(
      fc.property(fc.oneof(fairCaseArb, shortWindowsArb), fc.boolean(), (f, equal) =>
        checkFairness(withLayers(equal ? { ...f, weights: f.weights.map(() => 1) } : f, 1)),
      ),
      { numRuns: 40 },
    );
  });

  it('with several layers, keeps every coach within one hand-off block of their fair share', () => {
    fc.assert(
      // Sometimes everyone is free all the time: the plainest case of more coaches than layers.
      fc.property(
        fc.oneof(
          fairCaseArb,
          fairCaseArb.map((f) => ({ ...f, rules: [{ weekdays: 127, startMinute: 0, endMinute: 1440 }] })),
        ),
        fc.integer({ min: 2, max: 3 }),
        fc.boolean(),
        (f, layers, equal) =>
          checkFairness(withLayers(equal ? { ...f, weights: f.weights.map(() => 1) } : f, layers)),
      ),
      { numRuns: 40 },
    );
  });
});

describe('stability (property)', () => {
  // Without caps, and with a longest stretch of 168 h and no rest: a cap, a stretch or a rest legitimately carries
  // a change forward (whoever takes over the changed evening has fewer hours left that week, or must rest after).
  // A 168 h stretch still binds on horizons over a week (a coach free all the time): there the previous rota's
  // phase is kept (a stretch taken up inside a previous run counts from its start; nobody takes up early into
  // their next previous run), so the forced break stays where it was published.
  // Either an evening (16:00-22:00 start) of a random coach and day, or a few hours from inside a shift of the
  // rota, so that the change often matters.
  const changeArb = fc.record({
    inShift: fc.boolean(),
    pick: fc.nat(),
    dayOffset: fc.nat(),
    startQuarter: fc.integer({ min: 16 * 4, max: 22 * 4 }),
    shiftOffsetQuarters: fc.integer({ min: 0, max: 7 }),
    lengthQuarters: fc.integer({ min: 4, max: 6 * 4 }),
  });

  it('regenerating with the previous rota and an unchanged team gives a byte-identical rota', () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, relaxed) => {
        const v: Variant = { caps: true, skills: true, relaxed };
        const { team, from, to, policy, rota } = run(c, v);
        const again = generateRota(team, { from, to, policy, previous: rota });
        expect(JSON.stringify(again)).toBe(JSON.stringify(rota));
      }),
      { numRuns: 30 },
    );
  });

  it('a coach away one evening changes nothing outside the hand-off blocks that evening touches', () => {
    fc.assert(
      fc.property(caseArb, changeArb, (c, change) => {
        const v: Variant = { skills: true, relaxed: true };
        const { team, from, to, policy, rota, w } = run(c, v);
        const shift = rota.shifts[change.pick % Math.max(1, rota.shifts.length)];
        const i =
          change.inShift && shift !== undefined
            ? coachIndex(w, shift.coachId)
            : change.pick % team.coaches.length;
        const target = team.coaches[i]!;
        const day = c.horizon.day + (change.dayOffset % c.horizon.lengthDays);
        const awayStart =
          change.inShift && shift !== undefined
            ? wallAt(target.timeZone, shift.start) + change.shiftOffsetQuarters * STEP
            : day * DAY + change.startQuarter * STEP;
        const away = { start: awayStart, end: awayStart + change.lengthQuarters * STEP };
        const changed: Team = {
          ...team,
          coaches: team.coaches.map((coach, k) =>
            k === i ? { ...coach, unavailable: [...coach.unavailable, away] } : coach,
          ),
        };
        const next = generateRota(changed, { from, to, policy, previous: rota });
        // The change, as instants, and the hand-off blocks around it.
        const at = (local: number) =>
          referenceInstant(target.timeZone, luxonDate(Math.floor(local / DAY)), (local % DAY) / MINUTE);
        const [start, end] = [at(away.start), at(away.end)];
        const blockStart = Math.max(from, ...w.grid.filter((t) => t <= start));
        const blockEnd = Math.min(to, ...w.grid.filter((t) => t >= end));
        const before = readRota(w, rota).holder;
        const after = readRota(worldOf(changed, from, to, policy), next).holder;
        for (let s = 0; s < w.slots; s++) {
          const t = from + s * STEP;
          if (t >= blockStart && t < blockEnd) continue;
          w.layers.forEach((layer, l) => {
            if (before[l]![s] !== after[l]![s]) {
              expect.fail(
                `${layer} at ${new Date(t).toISOString()}: c${before[l]![s]} became c${after[l]![s]}`,
              );
            }
          });
        }
      }),
      {
        numRuns: 30,
        // Found by seed -431173645 (issue 11): c0, free all the time, alone, is on call from the start to its
        // 168 h stretch at its longest; away one hour on day 0, it used to count its next stretch from its return
        // and so move the break 15 h later. A stretch taken up inside a previous run now keeps that run's phase.
        // Found by a random run with long horizons (seed 12): c0 and c1, free all the time, both on call 168 h
        // then resting 12 h to the next hand-off; c0 away an hour inside that rest gave the rest new breakpoints,
        // where c1 took up early and ran into their next published run, cut 3.5 h early a week later. A piece that
        // would run a coach into their next previous run past the longest stretch is no longer theirs.
        examples: [
          [
            {
              horizon: { zone: 'Europe/Paris', day: 20533, startQuarter: 26, lengthDays: 15 },
              coaches: [0, 1].map(
                (): CoachSpec => ({
                  rules: [{ weekdays: 127, startMinute: 0, endMinute: 1440 }],
                  away: [],
                  cap: undefined,
                  weight: 0.5,
                  skills: [],
                  zone: undefined,
                }),
              ),
              policy: {
                layerCount: 2,
                grid: 4,
                maxStretchHours: 6,
                minRestHours: 0,
                minShiftMinutes: 0,
                layerSkills: [[], [], []],
              },
            },
            {
              inShift: false,
              pick: 0,
              dayOffset: 7,
              startQuarter: 64,
              shiftOffsetQuarters: 0,
              lengthQuarters: 4,
            },
          ],
          [
            {
              horizon: { zone: 'Europe/Paris', day: 20750, startQuarter: 0, lengthDays: 8 },
              coaches: [
                {
                  rules: [
                    { weekdays: 127, startMinute: 0, endMinute: 1440 },
                    { weekdays: 1, startMinute: 0, endMinute: 15 },
                  ],
                  away: [],
                  cap: undefined,
                  weight: 0.5,
                  skills: [],
                  zone: undefined,
                },
                {
                  rules: [{ weekdays: 1, startMinute: 0, endMinute: 15 }],
                  away: [],
                  cap: undefined,
                  weight: 0.5,
                  skills: [],
                  zone: undefined,
                },
              ],
              policy: {
                layerCount: 1,
                grid: 1,
                maxStretchHours: 6,
                minRestHours: 0,
                minShiftMinutes: 0,
                layerSkills: [[], [], []],
              },
            },
            {
              inShift: false,
              pick: 0,
              dayOffset: 0,
              startQuarter: 64,
              shiftOffsetQuarters: 0,
              lengthQuarters: 4,
            },
          ],
        ],
      },
    );
  });
});

describe('DST nights (property)', () => {
  // Horizons that always contain a DST night of the team's zone.
  const dstCaseArb = caseArb.chain((c) =>
    fc
      .record({
        index: fc.integer({ min: 0, max: 3 }),
        before: fc.integer({ min: 0, max: 2 }),
        lengthDays: fc.integer({ min: 2, max: 5 }),
      })
      .map(({ index, before, lengthDays }): Case => {
        const z = ZONES.indexOf(c.horizon.zone);
        const night = DST_DAYS[z * 4 + index]!;
        return { ...c, horizon: { ...c.horizon, day: night - before - 1, lengthDays } };
      }),
  );

  it('keeps real durations: edges on grid or availability instants, each layer tiling the horizon exactly', () => {
    fc.assert(
      fc.property(dstCaseArb, (c) => {
        const { rota, w, policy } = run(c, { caps: true, skills: true });
        checkStructure(w, rota);
        checkEdges(w, rota, policy.maxStretchHours!, policy.minRestHours!);
        const { holder } = readRota(w, rota);
        checkAssignments(w, rota, holder);
        checkLimits(w, rota, policy.maxStretchHours!, policy.minRestHours!);
      }),
      { numRuns: 30 },
    );
  });
});

describe('overrides (property)', () => {
  const overrideArb = fc.record({
    layer: fc.integer({ min: 0, max: 2 }),
    coach: fc.nat(),
    startQuarter: fc.nat(),
    lengthQuarters: fc.integer({ min: 1, max: 48 }),
  });

  /** Overrides that validation accepts: inside the horizon, no two of a layer or of a coach overlapping or touching. */
  function overridesOf(
    c: Case,
    raw: readonly (typeof overrideArb extends fc.Arbitrary<infer T> ? T : never)[],
  ) {
    const { from, to } = horizonOf(c.horizon);
    const slots = (to - from) / STEP;
    const kept: Override[] = [];
    for (const o of raw) {
      const first = o.startQuarter % slots;
      const start = from + first * STEP;
      const end = Math.min(to, start + o.lengthQuarters * STEP);
      const layer = LAYERS[o.layer % c.policy.layerCount]!;
      const coachId = `c${o.coach % c.coaches.length}`;
      const clash = kept.some(
        (k) => (k.layer === layer || k.coachId === coachId) && k.start <= end && start <= k.end,
      );
      if (!clash) kept.push({ layer, coachId, start, end });
    }
    return kept;
  }

  it('pins overrides exactly, flags those outside availability, and fills around them', () => {
    fc.assert(
      fc.property(caseArb, fc.array(overrideArb, { minLength: 1, maxLength: 4 }), (c, raw) => {
        const overrides = overridesOf(c, raw);
        const { rota, w, policy } = run(c, { relaxed: true }, { overrides });
        const pinned = rota.shifts.filter((s) => s.override);
        expect(pinned).toHaveLength(overrides.length);
        for (const o of overrides) expect(pinned).toContainEqual({ ...o, override: true });
        // Flags: exactly the overrides with time outside the coach's free time, with the minutes outside.
        const expectedFlags = overrides.flatMap((o, index) => {
          const c = coachIndex(w, o.coachId);
          let outside = 0;
          for (let t = o.start; t < o.end; t += STEP) if (w.free[c]![(t - w.from) / STEP] !== 1) outside++;
          return outside === 0
            ? []
            : [
                {
                  kind: 'override-outside-availability',
                  override: index,
                  coachId: o.coachId,
                  layer: o.layer,
                  minutesOutside: outside * slotMinutes,
                },
              ];
        });
        expect(rota.flags).toEqual(expectedFlags);
        checkStructure(w, rota);
        checkEdges(w, rota, policy.maxStretchHours!, policy.minRestHours!, overrides);
        const { holder, reason } = readRota(w, rota);
        checkAssignments(w, rota, holder);
        // Around the overrides, generated shifts are split, not dropped: every layer that can be held is held.
        const overridden = (s: number) => {
          const t = w.from + s * STEP;
          return overrides.some((o) => o.start <= t && t < o.end);
        };
        checkMaximalCoverage(w, holder, reason, overridden);
      }),
      { numRuns: 30 },
    );
  });

  it('counts override time in the caps, stretches and rests of the generated shifts around it', () => {
    const quiet: Omit<CoachSpec, 'rules'> = {
      away: [],
      cap: undefined,
      weight: 0.5,
      skills: [],
      zone: undefined,
    };
    const regression: [
      Case,
      { layer: number; coach: number; startQuarter: number; lengthQuarters: number }[],
    ] = [
      {
        horizon: { zone: 'Australia/Lord_Howe', day: 20539, startQuarter: 0, lengthDays: 8 },
        coaches: [
          { ...quiet, rules: [{ weekdays: 33, startMinute: 0, endMinute: 285 }] },
          { ...quiet, rules: [{ weekdays: 51, startMinute: 0, endMinute: 240 }], cap: 8 },
          { ...quiet, rules: [{ weekdays: 1, startMinute: 0, endMinute: 15 }], zone: 'Europe/Paris' },
        ],
        policy: {
          layerCount: 1,
          grid: 0,
          maxStretchHours: 6,
          minRestHours: 0,
          minShiftMinutes: 0,
          layerSkills: [[], [], []],
        },
      },
      [{ layer: 0, coach: 1229449321, startQuarter: 364806768, lengthQuarters: 20 }],
    ];
    // An override wins whatever it costs, but the generator must not add to it: each generated shift keeps the
    // coach's week, up to its end, within the cap, its run (overrides included) within the longest stretch, and a
    // run it starts rested enough after the last one, however that one ended.
    fc.assert(
      fc.property(caseArb, fc.array(overrideArb, { minLength: 1, maxLength: 4 }), (c, raw) => {
        const overrides = overridesOf(c, raw);
        const { rota, w, policy } = run(c, { caps: true }, { overrides });
        const weeks = referenceWeeks(w.team.timeZone, w.from, w.to);
        for (const coach of w.team.coaches) {
          const all = rota.shifts.filter((s) => s.coachId === coach.id);
          const runs = mergeRuns(all.map((s) => [s.start, s.end] as const));
          for (const g of all.filter((s) => !s.override)) {
            const onCall = (a: number, b: number) =>
              all.reduce((sum, x) => sum + Math.max(0, Math.min(x.end, b) - Math.max(x.start, a)), 0);
            if (coach.maxHoursPerWeek !== undefined) {
              for (const [start, end] of weeks) {
                if (g.start >= end || g.end <= start) continue;
                expect(onCall(start, Math.min(end, g.end))).toBeLessThanOrEqual(coach.maxHoursPerWeek * HOUR);
              }
            }
            const k = runs.findIndex(([a, b]) => a <= g.start && g.end <= b);
            const [runStart] = runs[k]!;
            expect(g.end - runStart).toBeLessThanOrEqual(policy.maxStretchHours! * HOUR);
            if (runStart === g.start && k > 0) {
              expect(g.start - runs[k - 1]![1]).toBeGreaterThanOrEqual(policy.minRestHours! * HOUR);
            }
          }
        }
      }),
      {
        numRuns: 30,
        // Found by a random run (seed 143232756): c1 (cap 8 h) held Tuesday, then an override took Thursday night
        // (their week at 9 h), and the weekend balancing swapped c0's Saturday block to them: 13 h by Saturday.
        examples: [regression],
      },
    );
  });
});
