import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { readCallbackWindows } from '../../src/index.js';
import { type Meaning, TABLE } from '../../src/intake/lexicon.js';

/**
 * Random (day phrase, time phrase) pairs built from the grammar's own word tables; the windows must equal the
 * contract's arithmetic (issue 10, section 2), computed here independently with luxon: the receipt's local date,
 * the day rule, the time rule, the DST rule (a gap moves forward to its end, an overlap takes the earlier time),
 * the clip at receipt.
 */

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe'] as const;
const MIN = 60_000;

/** The contract's period bounds, minutes (written here again, not imported). */
const PERIODS: Record<string, [number, number]> = {
  morning: [480, 720],
  lateMorning: [600, 720],
  lunch: [720, 840],
  afternoon: [840, 1080],
  earlyAfternoon: [840, 960],
  lateAfternoon: [960, 1080],
  evening: [1080, 1320],
  night: [1320, 1800],
  daytime: [480, 1080],
  wholeDay: [480, 1320],
};

function spellings(keep: (m: Meaning) => boolean): { text: string; meaning: Meaning }[] {
  const out: { text: string; meaning: Meaning }[] = [];
  for (const [, meaning, ...texts] of TABLE)
    if (keep(meaning)) for (const text of texts) out.push({ text, meaning });
  return out;
}
const DAY_WORDS = spellings((m) => (m.k === 'day' && m.rel > 0) || (m.k === 'wd' && !m.abbr));
const PERIOD_WORDS = spellings((m) => m.k === 'period' && !m.today);
const HOUR_WORDS = spellings((m) => m.k === 'h').map((s) => s.text);
const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

type DayRule = { rel: number } | { wd: number } | { dom: number; month: number };
type TimeRule = [number, number]; // minutes from the day's midnight, end may pass 1,440

const dayPhrase: fc.Arbitrary<{ text: string; rule: DayRule }> = fc.oneof(
  fc.constantFrom(...DAY_WORDS).map(({ text, meaning }) => ({
    text,
    rule: meaning.k === 'day' ? { rel: meaning.rel } : { wd: (meaning as { wd: number }).wd },
  })),
  fc
    .record({ dom: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ dom, month }) => ({
      text: `le ${dom} ${MONTHS_FR[month - 1]}`,
      rule: { dom, month },
    })),
);

const clock = fc.record({
  h: fc.integer({ min: 8, max: 23 }),
  m: fc.constantFrom(0, 15, 30, 45),
  unit: fc.constantFrom(...HOUR_WORDS),
});
const clockText = (c: { h: number; m: number; unit: string }) =>
  c.m === 0 ? `${c.h}${c.unit === 'h' ? 'h' : ` ${c.unit}`}` : `${c.h}h${String(c.m).padStart(2, '0')}`;
const minutesOf = (c: { h: number; m: number }) => c.h * 60 + c.m;

const timePhrase: fc.Arbitrary<{ text: string; rule: TimeRule }> = fc.oneof(
  fc
    .constantFrom(...PERIOD_WORDS)
    .map(({ text, meaning }) => ({ text, rule: PERIODS[(meaning as { p: string }).p] as TimeRule })),
  fc.tuple(clock, clock).map(([a, b]) => {
    const [x, y] = [minutesOf(a), minutesOf(b)];
    return { text: `entre ${clockText(a)} et ${clockText(b)}`, rule: [x, y <= x ? y + 1440 : y] as TimeRule };
  }),
  fc.tuple(clock, clock).map(([a, b]) => {
    const [x, y] = [minutesOf(a), minutesOf(b)];
    return { text: `de ${clockText(a)} à ${clockText(b)}`, rule: [x, y <= x ? y + 1440 : y] as TimeRule };
  }),
  clock.map((c) => ({
    text: `après ${clockText(c)}`,
    rule: [minutesOf(c), Math.max(1320, minutesOf(c) + 120)] as TimeRule,
  })),
  clock.map((c) => ({
    text: `avant ${clockText(c)}`,
    rule: [Math.min(480, minutesOf(c) - 120), minutesOf(c)] as TimeRule,
  })),
  clock.map((c) => ({ text: `à ${clockText(c)}`, rule: [minutesOf(c), minutesOf(c) + 60] as TimeRule })),
  clock.map((c) => ({
    text: `vers ${clockText(c)}`,
    rule: [minutesOf(c) - 30, minutesOf(c) + 90] as TimeRule,
  })),
  fc
    .integer({ min: 1, max: 11 })
    .map((h) => ({ text: `at ${h}pm`, rule: [h * 60 + 720, h * 60 + 780] as TimeRule })),
);

/** The instant of a wall-clock time by the README's rule, found by search over luxon's offsets. */
function wallToInstant(zone: string, wall: number): number {
  const wallAt = (t: number) => t + DateTime.fromMillis(t, { zone }).offset * MIN;
  let t = wall - 15 * 60 * MIN;
  while (wallAt(t) < wall) t += 15 * MIN;
  let lo = t - 15 * MIN; // wallAt(lo) < wall <= wallAt(t)
  let hi = t;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallAt(mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

function expected(zone: string, receivedAt: number, day: DayRule, time: TimeRule): [number, number][] {
  const local = DateTime.fromMillis(receivedAt, { zone });
  const today = DateTime.fromObject(
    { year: local.year, month: local.month, day: local.day },
    { zone: 'UTC' },
  );
  const window = (d: DateTime): [number, number] => {
    const base = d.toMillis();
    return [wallToInstant(zone, base + time[0] * MIN), wallToInstant(zone, base + time[1] * MIN)];
  };
  let date: DateTime;
  if ('rel' in day) {
    const afterMidnight = day.rel === 1 && local.hour < 4;
    date = today.plus({ days: afterMidnight ? 0 : day.rel });
  } else if ('wd' in day) {
    date = today.plus({ days: (day.wd + 1 - today.weekday + 7) % 7 });
    if ((window(date)[1] as number) <= receivedAt) date = date.plus({ days: 7 });
  } else {
    date = DateTime.fromObject({ year: today.year, month: day.month, day: day.dom }, { zone: 'UTC' });
    if (date < today) date = date.plus({ years: 1 });
  }
  const [s, e] = window(date);
  if (e <= s || e <= receivedAt) return [];
  return [[Math.max(s, receivedAt), e]];
}

describe('day phrase + time phrase from the grammar tables', () => {
  it('gives the contract arithmetic, windows never reversed or empty, the same twice', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc
          .integer({ min: Date.UTC(2026, 0, 1) / MIN, max: Date.UTC(2028, 11, 31) / MIN })
          .map((m) => m * MIN),
        dayPhrase,
        timePhrase,
        fc.boolean(),
        (zone, receivedAt, day, time, shout) => {
          const text = `${day.text} ${time.text}`;
          const message = shout ? text.toUpperCase() : text;
          const r = readCallbackWindows(message, { receivedAt, timeZone: zone });
          const got = r.windows.map((w) => [w.start, w.end]);
          expect(got).toEqual(expected(zone, receivedAt, day.rule, time.rule));
          for (const w of r.windows) expect(w.start).toBeLessThan(w.end);
          expect(readCallbackWindows(message, { receivedAt, timeZone: zone })).toEqual(r);
        },
      ),
      { numRuns: 600, seed: 20261202 },
    );
  });
});
