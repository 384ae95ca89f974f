/**
 * The groups put on dates: the contract's arithmetic (issue 10, section 2) from the receipt's local date and
 * time, in wall-clock minutes. Ends at local wall-clock windows; `read.ts` turns them into instants.
 *
 * @internal
 * @module
 */
import { weekdayOf } from '../time/local.js';
import { DAY, type LocalDate, type LocalDateTime, MINUTE } from '../time/types.js';
import type { DaySpec, Group, Plan, TimeItem } from './grammar.js';
import type { IntakePolicy } from './policy.js';
import type { TextSpan } from './tokens.js';

/** A window in wall-clock time, with the span of the words it came from. */
export interface LocalWindow {
  readonly start: LocalDateTime;
  readonly end: LocalDateTime;
  readonly source: TextSpan;
}

/** What a doubtful reading is, in data; `understood.ts` words it. */
export type Doubt = { readonly source: TextSpan } & (
  | { readonly kind: 'after-midnight'; readonly reading: LocalDate; readonly alternative: LocalDate }
  | { readonly kind: 'weekday-date'; readonly reading: LocalDate; readonly alternative: LocalDate }
  | { readonly kind: 'early-hour'; readonly reading: number; readonly alternative: number }
  | { readonly kind: 'ongoing-night'; readonly reading: LocalDate; readonly alternative: LocalDate }
);

/** The receipt, locally. */
export interface Receipt {
  /** Local date of receipt. */
  readonly today: LocalDate;
  /** Local wall-clock time of receipt. */
  readonly local: LocalDateTime;
  /** Whether a local window end is after the receipt instant (the window is not wholly past). */
  readonly endsAfterReceipt: (end: LocalDateTime) => boolean;
}

/** Every window of the plan, in wall-clock time, and the doubts met on the way; `bad` spans for dates that do not exist. */
export function resolvePlan(
  plan: Plan,
  policy: IntakePolicy,
  receipt: Receipt,
): { windows: LocalWindow[]; doubts: Doubt[]; bad: TextSpan[] } {
  const windows: LocalWindow[] = [];
  const doubts: Doubt[] = [];
  const bad: TextSpan[] = [];
  for (const group of plan.groups) resolveGroup(group, policy, receipt, windows, doubts, bad);
  return { windows, doubts, bad };
}

/** A day named with no time of day: the whole day period. */
const wholeDay = (at: TextSpan): TimeItem => ({
  spec: { t: 'period', p: 'wholeDay', from: 0, to: 0, start: at.start, end: at.end },
  dayOffset: 0,
  start: at.start,
  end: at.end,
});

function resolveGroup(
  group: Group,
  policy: IntakePolicy,
  receipt: Receipt,
  out: LocalWindow[],
  doubts: Doubt[],
  bad: TextSpan[],
): void {
  const minutesNow = (receipt.local - receipt.today * DAY) / MINUTE;
  for (const time of group.times) {
    const early = time.spec.early;
    if (early !== undefined) {
      doubts.push({
        kind: 'early-hour',
        source: { start: early.start, end: early.end },
        reading: early.minutes,
        alternative: early.minutes + 720,
      });
    }
  }
  if (group.days.length === 0) {
    // No day: today if its window is not wholly past, else tomorrow (each time on its own).
    for (const time of group.times) {
      const today = windowOn(receipt.today, time, policy);
      const day = receipt.endsAfterReceipt(today.end) ? receipt.today : receipt.today + 1;
      push(out, windowOn(day, time, policy), time, time);
    }
    return;
  }
  const times = group.times.length > 0 ? group.times : [wholeDay(group.days[0] as TextSpan)];
  const excluded = (d: LocalDate) => group.except.includes(weekdayOf(d));
  for (const day of group.days) {
    for (const date of datesOf(day, times, policy, receipt, minutesNow, doubts, bad)) {
      if (excluded(date)) continue;
      for (const time of times) push(out, windowOn(date, time, policy), day, time);
    }
  }
}

function push(out: LocalWindow[], w: { start: number; end: number }, a: TextSpan, b: TextSpan): void {
  out.push({
    start: w.start,
    end: w.end,
    source: { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) },
  });
}

/** The contract's arithmetic for one time on one date, in local wall-clock ms. */
export function windowOn(
  date: LocalDate,
  time: TimeItem,
  policy: IntakePolicy,
): { start: number; end: number } {
  const spec = time.spec;
  let a: number;
  let b: number;
  switch (spec.t) {
    case 'range':
      a = spec.a;
      b = spec.b <= spec.a ? spec.b + 1440 : spec.b;
      break;
    case 'after':
      a = spec.h;
      b = Math.max(policy.openEndLatest, spec.h + policy.openMinutes);
      break;
    case 'before':
      a = Math.min(policy.openStartEarliest, spec.h - policy.openMinutes);
      b = spec.h;
      break;
    case 'point':
      a = spec.h;
      b = spec.h + policy.pointMinutes;
      break;
    case 'around':
      a = spec.h - policy.aroundBeforeMinutes;
      b = spec.h + policy.aroundAfterMinutes;
      break;
    default: {
      const p = policy.periods[spec.p];
      a = p.from;
      b = p.to;
    }
  }
  const base = (date + time.dayOffset) * DAY;
  return { start: base + a * MINUTE, end: base + b * MINUTE };
}

/** The dates a day spec stands for, by the contract's rules. */
function datesOf(
  day: DaySpec,
  times: readonly TimeItem[],
  policy: IntakePolicy,
  receipt: Receipt,
  minutesNow: number,
  doubts: Doubt[],
  bad: TextSpan[],
): LocalDate[] {
  const { today } = receipt;
  const source = { start: day.start, end: day.end };
  const notWhollyPast = (d: LocalDate) =>
    times.some((t) => receipt.endsAfterReceipt(windowOn(d, t, policy).end));
  const firstWeekday = (wd: number, from: LocalDate) => {
    let d = from + ((wd - weekdayOf(from) + 7) % 7);
    if (from === today && !notWhollyPast(d)) d += 7;
    return d;
  };
  switch (day.d) {
    case 'rel': {
      if (day.rel === 1 && minutesNow < policy.afterMidnightUntil) {
        doubts.push({ kind: 'after-midnight', source, reading: today, alternative: today + 1 });
        return [today];
      }
      if (day.tonight === true && minutesNow < policy.afterMidnightUntil) {
        doubts.push({ kind: 'ongoing-night', source, reading: today, alternative: today - 1 });
      }
      return [today + day.rel];
    }
    case 'wd': {
      if (day.next) return [today + 1 + ((day.wd - weekdayOf(today + 1) + 7) % 7)];
      return [firstWeekday(day.wd, today)];
    }
    case 'set': {
      if (!day.recurring) return day.wds.map((wd) => firstWeekday(wd, today)).sort((a, b) => a - b);
      const out: LocalDate[] = [];
      for (let d = today; d < today + policy.recurrenceDays; d++)
        if (day.wds.includes(weekdayOf(d))) out.push(d);
      return out;
    }
    default: {
      const date = explicitDate(day.dom, day.month, day.year, today);
      if (date === undefined) {
        bad.push(source);
        return [];
      }
      if (day.wd !== undefined && weekdayOf(date) !== day.wd) {
        doubts.push({
          kind: 'weekday-date',
          source,
          reading: date,
          alternative: firstWeekday(day.wd, today),
        });
      }
      return [date];
    }
  }
}

/** The first date on or after `today` with that day of month (and month, and year when given). */
export function explicitDate(
  dom: number,
  month: number | undefined,
  year: number | undefined,
  today: LocalDate,
): LocalDate | undefined {
  const now = civilOf(today);
  if (year !== undefined && month !== undefined) return dayOfCivil(year, month, dom);
  if (month !== undefined) {
    for (let y = now.year; y <= now.year + 8; y++) {
      const d = dayOfCivil(y, month, dom);
      if (d !== undefined && d >= today) return d;
    }
    return undefined;
  }
  for (let k = 0; k < 13; k++) {
    const m0 = now.month - 1 + k;
    const d = dayOfCivil(now.year + Math.floor(m0 / 12), (m0 % 12) + 1, dom);
    if (d !== undefined && d >= today) return d;
  }
  return undefined;
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian), `undefined` when it does not exist. */
export function dayOfCivil(year: number, month: number, day: number): LocalDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Howard Hinnant's days_from_civil: years start in March so the leap day is last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilOf(days: LocalDate): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
