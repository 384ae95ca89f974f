/**
 * The grammar: units become groups of days and times. A list of days followed by a time gives the time on each
 * day ("lundi ou mardi soir"); a day followed by a list of times gives each time on that day ("vendredi 10h-12h ou
 * 15h-17h"); a precise time right after a period refines it ("demain soir à 8h" is 20:00, "cette nuit vers 2h30"
 * the next date). Nothing here knows the calendar: `resolve.ts` puts the groups on dates.
 *
 * @internal
 * @module
 */
import { readClock, readTimeSpec, type TimeSpec } from './clock.js';
import type { Unit } from './lexicon.js';
import type { IntakePolicy } from './policy.js';
import type { TextSpan } from './tokens.js';

/** What the words say about the day. */
export type DaySpec = TextSpan &
  (
    | { readonly d: 'rel'; readonly rel: 0 | 1 | 2; readonly tonight?: boolean }
    | { readonly d: 'wd'; readonly wd: number; readonly next: boolean }
    | {
        readonly d: 'date';
        readonly dom: number;
        readonly month?: number;
        readonly year?: number;
        readonly wd?: number;
      }
    | { readonly d: 'set'; readonly wds: readonly number[]; readonly recurring: boolean }
  );

/** A time spec placed in a group; `dayOffset` 1 when it falls on the next date ("cette nuit vers 2h30"). */
export interface TimeItem extends TextSpan {
  readonly spec: TimeSpec;
  readonly dayOffset: 0 | 1;
}

/** Days and times that combine: each day with each time. */
export interface Group {
  readonly days: DaySpec[];
  readonly times: TimeItem[];
  /** Weekdays removed by "sauf" (0 = Monday). */
  readonly except: number[];
}

/** The message's structure: its groups, its "any time" phrases, the time-looking parts not understood. */
export interface Plan {
  readonly groups: readonly Group[];
  readonly anyTime: readonly TextSpan[];
  readonly ignored: readonly TextSpan[];
  /** Words of each language seen, to answer in the caller's. */
  readonly fr: number;
  readonly en: number;
}

const PM = /* @__PURE__ */ new Set(['afternoon', 'earlyAfternoon', 'lateAfternoon', 'evening']);
const SEPARATORS = /* @__PURE__ */ new Set([',', ';', '.', '!', '?', '\n', '(', ')', '/', '+', '&']);
const TIME_LOOKING = /* @__PURE__ */ new Set(['num', 'h', 'am', 'pm', 'half', 'quarter', 'lessQuarter']);

/** Reads the units into groups. */
export function readPlan(u: readonly Unit[], policy: IntakePolicy): Plan {
  const groups: Group[] = [];
  const anyTime: TextSpan[] = [];
  const ignored: TextSpan[] = [];
  const used = new Uint8Array(u.length);
  let g: Group & { daysAfter: boolean } = { days: [], times: [], except: [], daysAfter: false };
  let last: 'day' | 'time' | undefined;
  let sep: 'none' | 'weak' | 'strong' = 'none';
  const flush = () => {
    if (g.days.length > 0 || g.times.length > 0) groups.push(g);
    g = { days: [], times: [], except: [], daysAfter: false };
    last = undefined;
  };
  const addDay = (day: DaySpec) => {
    if (g.times.length > 0) {
      if (g.days.length === 0) g.daysAfter = true;
      else if (!(g.daysAfter && last === 'day')) flush();
    }
    g.days.push(day);
    last = 'day';
    sep = 'none';
  };
  const addTime = (spec: TimeSpec) => {
    if (g.daysAfter) flush();
    const prev = g.times.at(-1);
    if (prev !== undefined && last === 'time' && sep !== 'strong' && prev.spec.t === 'period') {
      const refined = refine(prev, spec, policy);
      if (refined !== undefined) {
        g.times[g.times.length - 1] = refined;
        sep = 'none';
        return;
      }
    }
    g.times.push({ spec, dayOffset: 0, start: spec.start, end: spec.end });
    last = 'time';
    sep = 'none';
  };
  const mark = (from: number, to: number) => used.fill(1, from, to);
  for (let i = 0; i < u.length; ) {
    const x = u[i] as Unit;
    if (x.k === 'any') {
      anyTime.push({ start: x.start, end: x.end });
      mark(i, ++i);
      continue;
    }
    if (x.k === 'join' || x.k === 'and' || (x.k === 'p' && SEPARATORS.has(x.c))) {
      const strong = x.k !== 'p' || x.c !== ',';
      if (strong || sep === 'none') sep = strong ? 'strong' : 'weak';
      i++;
      continue;
    }
    if (x.k === 'except') {
      i = readExcept(u, i + 1, g.except);
      continue;
    }
    if (x.k === 'period' && x.today && g.days.length === 0 && g.times.length > 0 && last === 'time') {
      // "à 18h30 ce soir", "vers 2h cette nuit": the times said before are read inside the period, today.
      const period: TimeItem = {
        spec: { t: 'period', p: x.p, from: i, to: i + 1, start: x.start, end: x.end },
        dayOffset: 0,
        start: x.start,
        end: x.end,
      };
      const refined = g.times.map((t) => refine(period, t.spec, policy, t.start));
      if (refined.every((t) => t !== undefined)) {
        g.times.splice(0, g.times.length, ...(refined as TimeItem[]));
        addDay({
          d: 'rel',
          rel: 0,
          start: x.start,
          end: x.end,
          ...(x.p === 'night' ? { tonight: true } : {}),
        });
        mark(i, ++i);
        continue;
      }
    }
    if (x.k === 'every' || (x.k === 'period' && x.today)) {
      // "ce soir" carries its own day: a group of its own. A recurrence joins times said before it.
      if (x.k === 'period') flush();
      const day: DaySpec =
        x.k === 'every'
          ? { d: 'set', wds: [0, 1, 2, 3, 4, 5, 6], recurring: true, start: x.start, end: x.end }
          : { d: 'rel', rel: 0, start: x.start, end: x.end, ...(x.p === 'night' ? { tonight: true } : {}) };
      addDay(day);
      const p = x.p;
      if (p !== undefined) addTime({ t: 'period', p, from: i, to: i + 1, start: x.start, end: x.end });
      mark(i, ++i);
      continue;
    }
    const day = readDay(u, i);
    if (day !== undefined) {
      addDay(day.day);
      mark(i, day.next);
      i = day.next;
      continue;
    }
    const time = readTimeSpec(u, i);
    if (time !== undefined && 'invalid' in time) {
      // Left unmarked: the pass below lists it in `ignored` with its neighbours ("25h").
      i++;
      continue;
    }
    if (time !== undefined) {
      addTime(time);
      mark(time.from, time.to);
      i = time.to;
      continue;
    }
    i++;
  }
  flush();
  let fr = 0;
  let en = 0;
  for (let i = 0; i < u.length; i++) {
    const x = u[i] as Unit;
    if (x.lang === 'fr') fr++;
    else if (x.lang === 'en') en++;
    if (used[i] === 0 && TIME_LOOKING.has(x.k) && looksLikeTime(u, i)) {
      const prev = ignored.at(-1);
      if (prev !== undefined && used[i - 1] === 0 && TIME_LOOKING.has((u[i - 1] as Unit).k)) {
        ignored[ignored.length - 1] = { start: prev.start, end: x.end };
      } else ignored.push({ start: x.start, end: x.end });
    }
  }
  ignored.sort((a, b) => a.start - b.start);
  return { groups, anyTime, ignored, fr, en };
}

/** Words before a bare number that make it look like a time ("à 10", "vers 3", "demain 14"). */
const TIME_CONTEXT = /* @__PURE__ */ new Set([
  'at',
  'around',
  'after',
  'before',
  'between',
  'from',
  'to',
  'day',
  'wd',
  'h',
]);

/**
 * Whether an unread unit looks like a time, for `ignored`: an hour unit or am/pm always; a number of one or two
 * digits only next to one, or after a preposition of time or a day ("45 ans", "2 enfants", "depuis 2015" do not).
 */
function looksLikeTime(u: readonly Unit[], i: number): boolean {
  const x = u[i] as Unit;
  if (x.k !== 'num') return true;
  if (x.digits > 2) return false;
  const next = u[i + 1];
  if (
    next !== undefined &&
    (next.k === 'h' || next.k === 'am' || next.k === 'pm' || (next.k === 'p' && next.c === ':'))
  ) {
    return true;
  }
  const prev = u[i - 1];
  return prev !== undefined && TIME_CONTEXT.has(prev.k);
}

/**
 * A precise time right after a period, read inside it: +12 h for an afternoon or evening clock before noon
 * ("ce soir à 8h"), the next date for a night clock before noon ("cette nuit vers 2h30"). `undefined` when the
 * time does not fall in the period that way (then it is another alternative).
 */
function refine(
  prev: TimeItem,
  spec: TimeSpec,
  policy: IntakePolicy,
  startAt = prev.start,
): TimeItem | undefined {
  if (prev.spec.t !== 'period' || spec.t === 'period') return undefined;
  const p = prev.spec.p;
  const bounds = policy.periods[p];
  const shift = (m: number) => (PM.has(p) && m < 720 ? m + 720 : m);
  const night = p === 'night';
  const first = spec.t === 'range' ? spec.a : spec.h;
  const moved = night && first < 720 ? first + 1440 : shift(first);
  if (!(moved >= bounds.from && moved < bounds.to)) return undefined;
  const { early: _early, ...rest } = spec;
  const body: TimeSpec = night
    ? (rest as TimeSpec)
    : spec.t === 'range'
      ? ({ ...rest, a: shift(spec.a), b: shift(spec.b) } as TimeSpec)
      : ({ ...rest, h: shift(spec.h) } as TimeSpec);
  const start = Math.min(startAt, prev.start);
  return {
    spec: { ...body, start },
    dayOffset: night && first < 720 ? 1 : 0,
    start,
    end: Math.max(spec.end, prev.end),
  };
}

/** "sauf mercredi et vendredi", "sauf le week-end": the weekdays removed, and the index after them. */
function readExcept(u: readonly Unit[], i: number, out: number[]): number {
  let j = i;
  for (;;) {
    const x = u[j];
    if (x === undefined) return j;
    if (x.k === 'wd') out.push(x.wd);
    else if (x.k === 'weekend') out.push(5, 6);
    else if (!(x.k === 'the' || x.k === 'and' || x.k === 'join' || (x.k === 'p' && x.c === ','))) return j;
    j++;
  }
}

/** A day at unit `i`: relative, weekday (with its date), explicit date, weekend or week. */
function readDay(u: readonly Unit[], i: number): { day: DaySpec; next: number } | undefined {
  const x = u[i] as Unit;
  const at = (day: DaySpec, next: number) => ({ day, next });
  switch (x.k) {
    case 'day':
      return at({ d: 'rel', rel: x.rel, start: x.start, end: x.end }, i + 1);
    case 'weekend':
      return at({ d: 'set', wds: [5, 6], recurring: false, start: x.start, end: x.end }, i + 1);
    case 'weekdays':
      return at({ d: 'set', wds: [0, 1, 2, 3, 4], recurring: true, start: x.start, end: x.end }, i + 1);
    case 'next': {
      const w = u[i + 1];
      if (w?.k !== 'wd') return undefined;
      return at({ d: 'wd', wd: w.wd, next: true, start: x.start, end: w.end }, i + 2);
    }
    case 'wd':
      return readWeekday(u, i, i, false);
    case 'the': {
      let j = i;
      while (u[j]?.k === 'the') j++;
      const y = u[j];
      if (y?.k === 'wd') return readWeekday(u, j, i, true);
      if (y?.k === 'weekend')
        return at({ d: 'set', wds: [5, 6], recurring: false, start: x.start, end: y.end }, j + 1);
      if (y?.k === 'num') return readDate(u, j, i, false);
      return undefined;
    }
    case 'num':
      return readDate(u, i, i, true);
    case 'month': {
      // English order: "December 7", "Dec 7th", "December 7, 2026".
      const n = u[i + 1];
      if (n?.k !== 'num' || n.digits > 2 || isClockAt(u, i + 1)) return undefined;
      let j = i + 2;
      if (u[j]?.k === 'ord') j++;
      let year: number | undefined;
      if (u[j]?.k === 'p' && (u[j] as { c: string }).c === ',' && yearAt(u, j + 1) !== undefined) j++;
      const y = yearAt(u, j);
      if (y !== undefined) {
        year = y;
        j++;
      }
      return at(
        {
          d: 'date',
          dom: n.v,
          month: x.month,
          ...(year === undefined ? {} : { year }),
          start: x.start,
          end: (u[j - 1] as Unit).end,
        },
        j,
      );
    }
    default:
      return undefined;
  }
}

function readWeekday(u: readonly Unit[], j: number, from: number, afterThe: boolean) {
  const w = u[j] as Unit & { k: 'wd'; wd: number; abbr: boolean };
  const after = u[j + 1];
  // "jeu", "sam", "mon"... are days only next to a date or a time ("sam 12", "jeu 14h"), or after "le".
  if (w.abbr && !afterThe && after?.k !== 'num' && after?.k !== 'period' && after?.k !== 'p')
    return undefined;
  let k = j + 1;
  let next = false;
  if (u[k]?.k === 'next') {
    next = true;
    k++;
  }
  const start = (u[from] as Unit).start;
  if (!next && u[k]?.k === 'num' && !isClockAt(u, k)) {
    const date = readDate(u, k, from, false);
    if (date !== undefined && date.day.d === 'date') {
      return { day: { ...date.day, wd: w.wd, start } as DaySpec, next: date.next };
    }
  }
  return { day: { d: 'wd', wd: w.wd, next, start, end: (u[k - 1] as Unit).end } as DaySpec, next: k };
}

/** Whether the number at `k` is a clock (followed by h, :, am/pm, or a range dash to another number). */
function isClockAt(u: readonly Unit[], k: number): boolean {
  const c = readClock(u, k, false);
  if (c !== undefined) return true;
  const after = u[k + 1];
  return after?.k === 'p' && after.c === '-' && u[k + 2]?.k === 'num';
}

function yearAt(u: readonly Unit[], j: number): number | undefined {
  const y = u[j];
  if (y?.k !== 'num') return undefined;
  if (y.digits === 4 && y.v >= 1970 && y.v <= 2200) return y.v;
  return undefined;
}

/**
 * "7 décembre", "7/12", "07/12/2026", "7/12/26", "le 7", "le 1er": `strict` (a bare number) needs the month.
 */
function readDate(u: readonly Unit[], j: number, from: number, strict: boolean) {
  const n = u[j] as Unit & { k: 'num'; v: number; digits: number };
  if (n.digits > 2 || n.v < 1 || n.v > 31 || isClockAt(u, j)) return undefined;
  let k = j + 1;
  if (u[k]?.k === 'ord') k++;
  let month: number | undefined;
  let year: number | undefined;
  const s = u[k];
  const m = u[k + 1];
  if (s?.k === 'p' && s.c === '/' && m?.k === 'num' && m.digits <= 2 && m.v >= 1 && m.v <= 12) {
    month = m.v;
    k += 2;
    const s2 = u[k];
    const y = u[k + 1];
    if (s2?.k === 'p' && s2.c === '/' && y?.k === 'num' && (y.digits === 2 || y.digits === 4)) {
      year = y.digits === 2 ? 2000 + y.v : y.v;
      k += 2;
    }
  } else if (s?.k === 'month') {
    month = s.month;
    k++;
    const y = yearAt(u, k);
    if (y !== undefined) {
      year = y;
      k++;
    }
  } else if (strict) return undefined;
  const day: DaySpec = {
    d: 'date',
    dom: n.v,
    ...(month === undefined ? {} : { month }),
    ...(year === undefined ? {} : { year }),
    start: (u[from] as Unit).start,
    end: (u[k - 1] as Unit).end,
  };
  return { day, next: k };
}
