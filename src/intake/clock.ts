/**
 * Times of day and time specs in the units: "14h", "14h30", "14 h 30", "14:30", "2pm", "midi", "minuit",
 * "8h du soir"; ranges ("entre A et B", "de A à B", "A-B"), open ends ("après H", "avant H"), points ("à H") and
 * "vers H". Pure functions over the unit list; minutes since local midnight (1,440 is midnight at the day's end).
 *
 * @internal
 * @module
 */
import type { Unit } from './lexicon.js';
import type { PeriodName } from './policy.js';
import type { TextSpan } from './tokens.js';

/** A time of day read from the units. */
export interface Clock extends TextSpan {
  /** Minutes since local midnight, 0 to 1,440 (midnight is read as the end of the day: 1,440). */
  readonly minutes: number;
  /** Written with a unit (h, :, am/pm, midi, minuit); a bare number has none and takes its partner's. */
  readonly unit: boolean;
  /** `am` or `pm` when written. */
  readonly half?: 'am' | 'pm';
  /** Its part of day was said ("du soir", "pm", "midi"): no 12-hour doubt. */
  readonly qualified: boolean;
  /** Index of the unit after it. */
  readonly next: number;
}

/** A time spec: what the words say about the time of day, before any day is known. */
export type TimeSpec = TextSpan & {
  /** Unit indexes it used, `[from, to)`. */
  readonly from: number;
  readonly to: number;
  /** A clock in 01:00-07:59 with nothing to say whether it is morning or afternoon. */
  readonly early?: Clock;
} & (
    | { readonly t: 'range'; readonly a: number; readonly b: number }
    | { readonly t: 'after' | 'before' | 'point' | 'around'; readonly h: number }
    | { readonly t: 'period'; readonly p: PeriodName }
  );

/** Periods after a clock that say which half of the day it is in ("8h du soir", "2h de l'après-midi"). */
const PM_PERIODS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'afternoon',
  'earlyAfternoon',
  'lateAfternoon',
  'evening',
]);
const AM_PERIODS: ReadonlySet<string> = /* @__PURE__ */ new Set(['morning', 'lateMorning', 'night']);

/** The clock at unit `i`, or `undefined`; `bare` lets a plain number through (a range partner). */
export function readClock(u: readonly Unit[], i: number, bare: boolean): Clock | 'invalid' | undefined {
  const a = u[i];
  if (a === undefined) return undefined;
  if (a.k === 'midi' || a.k === 'minuit') {
    const extra = fraction(u, i + 1);
    const base = a.k === 'midi' ? 720 : 1440;
    return {
      minutes: base + extra.add,
      unit: true,
      qualified: true,
      next: extra.next,
      start: a.start,
      end: endOf(u, extra.next, a),
    };
  }
  if (a.k !== 'num' || a.digits > 2) return undefined;
  let hour = a.v;
  let minutes = 0;
  let unit = false;
  let j = i + 1;
  let half: 'am' | 'pm' | undefined;
  const b = u[j];
  if (b?.k === 'h') {
    unit = true;
    j++;
    const c = u[j];
    if (c?.k === 'num' && c.digits <= 2 && (c.digits === 2 || c.glued)) {
      if (c.v > 59) return 'invalid';
      minutes = c.v;
      j++;
    } else {
      const extra = fraction(u, j);
      minutes = extra.add;
      j = extra.next;
    }
  } else if (b?.k === 'p' && b.c === ':' && u[j + 1]?.k === 'num') {
    const c = u[j + 1] as Unit & { v: number; digits: number };
    if (c.digits !== 2) return undefined;
    if (c.v > 59) return 'invalid';
    minutes = c.v;
    unit = true;
    j += 2;
    if (u[j]?.k === 'h') j++;
  }
  const ampm = u[j];
  if (ampm?.k === 'am' || ampm?.k === 'pm') {
    if (hour < 1 || hour > 12) return 'invalid';
    half = ampm.k;
    hour = ampm.k === 'pm' ? (hour % 12) + 12 : hour === 12 ? 24 : hour;
    unit = true;
    j++;
  }
  if (!unit && !bare) return undefined;
  if (hour > 24 || (hour === 24 && minutes > 0)) return 'invalid';
  let qualified = half !== undefined;
  // "8h du soir", "2h de l'après-midi", "9h du matin", "3 in the afternoon".
  const of = u[j]?.k === 'du' ? j + 1 : j;
  const period = u[of];
  if (unit && period?.k === 'period' && !period.today && (of > j || half === undefined)) {
    if (PM_PERIODS.has(period.p) && hour >= 1 && hour < 12) {
      hour += 12;
      qualified = true;
      j = of + 1;
    } else if (AM_PERIODS.has(period.p) && hour < 12) {
      qualified = true;
      j = of + 1;
    }
  }
  return {
    minutes: hour * 60 + minutes,
    unit,
    qualified,
    next: j,
    start: a.start,
    end: endOf(u, j, a),
    ...(half === undefined ? {} : { half }),
  };
}

/** "et demie" (+30), "et quart" (+15), "moins le quart" (-15) after an hour. */
function fraction(u: readonly Unit[], j: number): { add: number; next: number } {
  const k = u[j]?.k;
  if (k === 'half') return { add: 30, next: j + 1 };
  if (k === 'quarter') return { add: 15, next: j + 1 };
  if (k === 'lessQuarter') return { add: -15, next: j + 1 };
  return { add: 0, next: j };
}

function endOf(u: readonly Unit[], next: number, first: Unit): number {
  return (u[next - 1] ?? first).end;
}

/** Whether a clock needs its 12-hour doubt said: 01:00-07:59, no am/pm, no part of day. */
function earlyOf(c: Clock): Clock | undefined {
  return !c.qualified && c.minutes >= 60 && c.minutes < 480 ? c : undefined;
}

/**
 * Range ends: a bare number takes its partner's unit ("entre 10 et 12h"); beside a 12-hour clock it takes the
 * half of the day that keeps the range forward and shortest ("between 12 and 2pm" is 12:00-14:00, "between 10 and
 * 2pm" 10:00-14:00, "from 2pm to 5" 14:00-17:00).
 */
function partner(a: Clock, b: Clock): [number, number] {
  let am = a.minutes;
  let bm = b.minutes;
  if (!a.unit && b.half !== undefined && am >= 60 && am <= 720) {
    const base = am % 720;
    if (base + 720 < bm) am = base + 720;
    else if (base < bm) am = base;
  }
  if (!b.unit && a.half !== undefined && bm >= 60 && bm <= 720) {
    const base = bm % 720;
    if (base > am) bm = base;
    else if (base + 720 > am) bm = base + 720;
  }
  return [am, bm];
}

function isRangeWord(x: Unit | undefined): boolean {
  return x !== undefined && (x.k === 'to' || x.k === 'at' || (x.k === 'p' && x.c === '-'));
}

function spec(
  from: number,
  to: number,
  u: readonly Unit[],
  body:
    | { t: 'range'; a: number; b: number }
    | { t: 'after' | 'before' | 'point' | 'around'; h: number }
    | { t: 'period'; p: PeriodName },
  early?: Clock,
): TimeSpec {
  const first = u[from] as Unit;
  const last = u[to - 1] as Unit;
  return { ...body, from, to, start: first.start, end: last.end, ...(early === undefined ? {} : { early }) };
}

/**
 * The time spec starting at unit `i`, or `undefined`; `'invalid'` with the span when it looks like a time that
 * cannot be one ("25h", "14h75"), for `ignored`.
 */
export function readTimeSpec(
  u: readonly Unit[],
  i: number,
): TimeSpec | { invalid: TextSpan; next: number } | undefined {
  const x = u[i];
  if (x === undefined) return undefined;
  const k = x.k;
  const bad = (at: number) => ({ invalid: { start: x.start, end: (u[at] ?? x).end }, next: at + 1 });
  if (k === 'between' || k === 'from') {
    const a = readClock(u, i + 1, true);
    if (a === 'invalid') return bad(i + 1);
    if (a === undefined) return undefined;
    const sep = u[a.next];
    if ((k === 'between' && sep?.k === 'and') || (k === 'from' && isRangeWord(sep))) {
      const b = readClock(u, a.next + 1, true);
      if (b === 'invalid') return bad(a.next + 1);
      if (b !== undefined && (a.unit || b.unit)) {
        const [am, bm] = partner(a, b);
        return spec(i, b.next, u, { t: 'range', a: am, b: bm }, earlyOf({ ...a, minutes: am }));
      }
      if (b !== undefined && k === 'between' && a.minutes <= 1440 && b.minutes <= 1440) {
        return spec(i, b.next, u, { t: 'range', a: a.minutes, b: b.minutes }, earlyOf(a));
      }
    }
    if (k === 'from' && a.unit) return spec(i, a.next, u, { t: 'after', h: a.minutes }, earlyOf(a));
    return undefined;
  }
  if (k === 'after' || k === 'before' || k === 'around' || k === 'at' || k === 'to') {
    const a = readClock(u, i + 1, false);
    if (a === 'invalid') return bad(i + 1);
    if (a === undefined) return undefined;
    const sep = u[a.next];
    if ((k === 'after' || k === 'at') && (isRangeWord(sep) || sep?.k === 'before')) {
      const b = readClock(u, a.next + 1, true);
      if (b !== undefined && b !== 'invalid') {
        const [am, bm] = partner(a, b);
        return spec(i, b.next, u, { t: 'range', a: am, b: bm }, earlyOf({ ...a, minutes: am }));
      }
    }
    const t = k === 'at' ? 'point' : k === 'to' ? 'before' : k;
    return spec(i, a.next, u, { t, h: a.minutes }, earlyOf(a));
  }
  if (k === 'midi' && !isRangeWord(u[i + 1]) && u[i + 1]?.k !== 'half' && u[i + 1]?.k !== 'quarter') {
    return spec(i, i + 1, u, { t: 'period', p: 'lunch' });
  }
  if (k === 'period') return spec(i, i + 1, u, { t: 'period', p: x.p });
  const a = readClock(u, i, true);
  if (a === 'invalid') return bad(i);
  if (a === undefined) return undefined;
  const sep = u[a.next];
  if (isRangeWord(sep)) {
    const b = readClock(u, a.next + 1, true);
    if (b === 'invalid') return bad(a.next + 1);
    // Two bare numbers make a range only with a dash ("10-12"), never "10 à 12" alone (a date, a count).
    if (b !== undefined && (a.unit || b.unit || (sep?.k === 'p' && a.minutes <= 1440 && b.minutes <= 1440))) {
      if (a.unit || b.unit || noDateAround(u, i, b.next)) {
        const [am, bm] = partner(a, b);
        return spec(i, b.next, u, { t: 'range', a: am, b: bm }, earlyOf({ ...a, minutes: am }));
      }
    }
  }
  if (!a.unit) return undefined;
  return spec(i, a.next, u, { t: 'point', h: a.minutes }, earlyOf(a));
}

/** A bare "10-12" is hours unless a month or a slash is next to it (then it is a date). */
function noDateAround(u: readonly Unit[], from: number, to: number): boolean {
  const after = u[to];
  const before = u[from - 1];
  return after?.k !== 'month' && !(after?.k === 'p' && after.c === '/') && before?.k !== 'the';
}
