import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isNormalized, normalize } from '../../src/time/intervals.js';
import {
  type AvailabilityRule,
  checkRRule,
  expandRules,
  type RRuleRule,
  ruleDates,
  type WeeklyRule,
} from '../../src/time/recurrence.js';
import { DAY, HOUR, MINUTE } from '../../src/time/types.js';
import { buildZoneTable, type ZoneTable } from '../../src/time/zone.js';
import { luxonDate, referenceExpansion, referenceInstant, STEP, ZONES } from '../support/luxon-reference.js';

/** An instant, months 1-12. */
const Z = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min);
/** A local date (day number), months 1-12. */
const D = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY;

const MO = 1;
const TU = 2;
const WE = 4;
const FR = 16;
const SA = 32;
const SU = 64;

const paris = buildZoneTable('Europe/Paris', Z(2025, 12, 1), Z(2028, 1, 1));

const expand = (rules: readonly AvailabilityRule[], from: number, to: number, table: ZoneTable = paris) =>
  expandRules(rules, table, from, to, []);
const hours = (pairs: readonly number[]): number[] => {
  const out: number[] = [];
  for (let i = 0; i < pairs.length; i += 2)
    out.push(((pairs[i + 1] as number) - (pairs[i] as number)) / HOUR);
  return out;
};

describe('expandRules: hand-computed examples in Europe/Paris', () => {
  it('MO,WE,FR 18:00-22:00 over a summer week gives three CEST windows', () => {
    const rule: WeeklyRule = {
      kind: 'weekly',
      weekdays: MO | WE | FR,
      everyWeeks: 1,
      startMinute: 18 * 60,
      endMinute: 22 * 60,
    };
    // Monday 2026-06-08 00:00 CEST to Monday 2026-06-15 00:00 CEST; 18:00 CEST = 16:00Z.
    expect(expand([rule], Z(2026, 6, 7, 22), Z(2026, 6, 14, 22))).toEqual([
      Z(2026, 6, 8, 16),
      Z(2026, 6, 8, 20),
      Z(2026, 6, 10, 16),
      Z(2026, 6, 10, 20),
      Z(2026, 6, 12, 16),
      Z(2026, 6, 12, 20),
    ]);
  });

  it('MO,WE,FR 18:00-22:00 over a winter week gives three CET windows', () => {
    const rule: WeeklyRule = {
      kind: 'weekly',
      weekdays: 0b10101,
      everyWeeks: 1,
      startMinute: 1080,
      endMinute: 1320,
    };
    // Monday 2026-01-12 00:00 CET to Monday 2026-01-19 00:00 CET; 18:00 CET = 17:00Z.
    expect(expand([rule], Z(2026, 1, 11, 23), Z(2026, 1, 18, 23))).toEqual([
      Z(2026, 1, 12, 17),
      Z(2026, 1, 12, 21),
      Z(2026, 1, 14, 17),
      Z(2026, 1, 14, 21),
      Z(2026, 1, 16, 17),
      Z(2026, 1, 16, 21),
    ]);
  });

  it('appends to the array it is given and returns it', () => {
    const rule: WeeklyRule = {
      kind: 'weekly',
      weekdays: MO,
      everyWeeks: 1,
      startMinute: 600,
      endMinute: 660,
    };
    const out = [1, 2];
    expect(expandRules([rule], paris, Z(2026, 1, 11, 23), Z(2026, 1, 18, 23), out)).toBe(out);
    expect(out).toEqual([1, 2, Z(2026, 1, 12, 9), Z(2026, 1, 12, 10)]);
  });

  it('clips windows to [from, to)', () => {
    const rule: WeeklyRule = {
      kind: 'weekly',
      weekdays: MO,
      everyWeeks: 1,
      startMinute: 600,
      endMinute: 720,
    };
    // Monday 2026-01-12 10:00-12:00 CET = 09:00Z-11:00Z, horizon cuts at 09:30Z and 10:15Z.
    expect(expand([rule], Z(2026, 1, 12, 9, 30), Z(2026, 1, 12, 10, 15))).toEqual([
      Z(2026, 1, 12, 9, 30),
      Z(2026, 1, 12, 10, 15),
    ]);
    expect(expand([rule], Z(2026, 1, 12, 11), Z(2026, 1, 12, 12))).toEqual([]);
    expect(expand([rule], Z(2026, 1, 12, 10), Z(2026, 1, 12, 10))).toEqual([]);
  });

  it('everyWeeks = 2 anchored on a Saturday opens that Saturday and every other one', () => {
    // 2026-01-03 is a Saturday; its week starts Monday 2025-12-29.
    const rule: WeeklyRule = {
      kind: 'weekly',
      weekdays: SA,
      everyWeeks: 2,
      startDate: D(2026, 1, 3),
      startMinute: 600,
      endMinute: 720,
    };
    expect(ruleDates(rule, D(2025, 12, 1), D(2026, 2, 28))).toEqual([
      D(2026, 1, 3),
      D(2026, 1, 17),
      D(2026, 1, 31),
      D(2026, 2, 14),
      D(2026, 2, 28),
    ]);
    // 10:00-12:00 CET = 09:00Z-11:00Z.
    expect(expand([rule], Z(2025, 12, 20), Z(2026, 2, 1))).toEqual([
      Z(2026, 1, 3, 9),
      Z(2026, 1, 3, 11),
      Z(2026, 1, 17, 9),
      Z(2026, 1, 17, 11),
      Z(2026, 1, 31, 9),
      Z(2026, 1, 31, 11),
    ]);
  });

  it('everyWeeks = 2 counts weeks from the Monday of startDate, never opening before startDate', () => {
    // Weeks from Monday 2025-12-29: week 0 holds Sat 01-03, week 2 holds Mon 01-12 and Sat 01-17, week 4 Mon 01-26
    // and Sat 01-31. Monday 2025-12-29 is in week 0 but before startDate.
    const rule: WeeklyRule = {
      kind: 'weekly',
      weekdays: MO | SA,
      everyWeeks: 2,
      startDate: D(2026, 1, 3),
      startMinute: 600,
      endMinute: 720,
    };
    expect(ruleDates(rule, D(2025, 12, 1), D(2026, 2, 1))).toEqual([
      D(2026, 1, 3),
      D(2026, 1, 12),
      D(2026, 1, 17),
      D(2026, 1, 26),
      D(2026, 1, 31),
    ]);
    // endDate is inclusive.
    expect(ruleDates({ ...rule, endDate: D(2026, 1, 17) }, D(2025, 12, 1), D(2026, 2, 1))).toEqual([
      D(2026, 1, 3),
      D(2026, 1, 12),
      D(2026, 1, 17),
    ]);
    expect(ruleDates({ ...rule, everyWeeks: 3 }, D(2025, 12, 1), D(2026, 2, 1))).toEqual([
      D(2026, 1, 3),
      D(2026, 1, 19),
      D(2026, 1, 24),
    ]);
  });

  it('a window crossing midnight belongs to the day it starts and lasts 9 h', () => {
    // Tuesdays 22:00 to 07:00 the next morning.
    const rule: WeeklyRule = {
      kind: 'weekly',
      weekdays: TU,
      everyWeeks: 1,
      startMinute: 1320,
      endMinute: 1860,
    };
    const week = expand([rule], Z(2026, 1, 11, 23), Z(2026, 1, 18, 23));
    // Tuesday 2026-01-13 22:00 CET = 21:00Z to Wednesday 07:00 CET = 06:00Z.
    expect(week).toEqual([Z(2026, 1, 13, 21), Z(2026, 1, 14, 6)]);
    expect(hours(week)).toEqual([9]);
    // A horizon starting Wednesday 00:00 local still sees the tail of Tuesday's window.
    expect(expand([rule], Z(2026, 1, 13, 23), Z(2026, 1, 18, 23))).toEqual([
      Z(2026, 1, 13, 23),
      Z(2026, 1, 14, 6),
    ]);
    // A Wednesday-only rule with the same times opens nothing on Tuesday night.
    expect(expand([{ ...rule, weekdays: WE }], Z(2026, 1, 13, 0), Z(2026, 1, 14, 20))).toEqual([]);
  });

  it('a window ending at 24:00 ends at the next local midnight', () => {
    const rule: WeeklyRule = { kind: 'weekly', weekdays: SU, everyWeeks: 1, startMinute: 0, endMinute: 1440 };
    // Whole Sundays: 23 h on the spring-forward day, 25 h on the fall-back day, 24 h otherwise.
    expect(expand([rule], Z(2026, 3, 21), Z(2026, 3, 31))).toEqual([
      Z(2026, 3, 21, 23),
      Z(2026, 3, 22, 23),
      Z(2026, 3, 28, 23),
      Z(2026, 3, 29, 22),
    ]);
    expect(hours(expand([rule], Z(2026, 10, 24), Z(2026, 10, 27)))).toEqual([25]);
  });

  describe('DST nights (spring forward 2026-03-29 and 2027-03-28, fall back 2026-10-25 and 2027-10-31)', () => {
    const sundays = (startMinute: number, endMinute: number): WeeklyRule => ({
      kind: 'weekly',
      weekdays: SU,
      everyWeeks: 1,
      startMinute,
      endMinute,
    });
    const saturdays = (startMinute: number, endMinute: number): WeeklyRule => ({
      ...sundays(startMinute, endMinute),
      weekdays: SA,
    });
    // Horizons: Saturday 00:00Z to Monday 00:00Z around each night.
    const spring2026 = [Z(2026, 3, 28), Z(2026, 3, 30)] as const;
    const fall2026 = [Z(2026, 10, 24), Z(2026, 10, 26)] as const;
    const spring2027 = [Z(2027, 3, 27), Z(2027, 3, 29)] as const;
    const fall2027 = [Z(2027, 10, 30), Z(2027, 11, 1)] as const;

    it('01:30-03:30 lasts 1 h on spring-forward night', () => {
      // 01:30 CET = 00:30Z; 03:30 CEST = 01:30Z.
      expect(expand([sundays(90, 210)], ...spring2026)).toEqual([
        Z(2026, 3, 29, 0, 30),
        Z(2026, 3, 29, 1, 30),
      ]);
      expect(expand([sundays(90, 210)], ...spring2027)).toEqual([
        Z(2027, 3, 28, 0, 30),
        Z(2027, 3, 28, 1, 30),
      ]);
    });

    it('01:00-04:00 lasts 4 h on fall-back night', () => {
      // 01:00 CEST = 23:00Z the day before; 04:00 CET = 03:00Z.
      expect(expand([sundays(60, 240)], ...fall2026)).toEqual([Z(2026, 10, 24, 23), Z(2026, 10, 25, 3)]);
      expect(expand([sundays(60, 240)], ...fall2027)).toEqual([Z(2027, 10, 30, 23), Z(2027, 10, 31, 3)]);
    });

    it('02:15-02:45 vanishes on spring-forward night', () => {
      expect(expand([sundays(135, 165)], ...spring2026)).toEqual([]);
      expect(expand([sundays(135, 165)], ...spring2027)).toEqual([]);
      // ... but exists, twice over, on fall-back night: read as its first occurrence (CEST).
      expect(expand([sundays(135, 165)], ...fall2026)).toEqual([
        Z(2026, 10, 25, 0, 15),
        Z(2026, 10, 25, 0, 45),
      ]);
    });

    it('22:00-06:00 lasts 7 h across the spring night and 9 h across the fall night', () => {
      const night = saturdays(22 * 60, 30 * 60);
      // Saturday 22:00 CET = 21:00Z to Sunday 06:00 CEST = 04:00Z.
      expect(expand([night], ...spring2026)).toEqual([Z(2026, 3, 28, 21), Z(2026, 3, 29, 4)]);
      expect(expand([night], ...spring2027)).toEqual([Z(2027, 3, 27, 21), Z(2027, 3, 28, 4)]);
      // Saturday 22:00 CEST = 20:00Z to Sunday 06:00 CET = 05:00Z.
      expect(expand([night], ...fall2026)).toEqual([Z(2026, 10, 24, 20), Z(2026, 10, 25, 5)]);
      expect(expand([night], ...fall2027)).toEqual([Z(2027, 10, 30, 20), Z(2027, 10, 31, 5)]);
      expect(hours(expand([night], ...spring2026))).toEqual([7]);
      expect(hours(expand([night], ...fall2027))).toEqual([9]);
    });

    it('one-off date rules follow the same DST rules', () => {
      expect(
        expand([{ kind: 'date', date: D(2026, 3, 29), startMinute: 90, endMinute: 210 }], ...spring2026),
      ).toEqual([Z(2026, 3, 29, 0, 30), Z(2026, 3, 29, 1, 30)]);
      expect(
        expand([{ kind: 'date', date: D(2027, 3, 28), startMinute: 135, endMinute: 165 }], ...spring2027),
      ).toEqual([]);
      expect(
        expand([{ kind: 'date', date: D(2027, 10, 30), startMinute: 1320, endMinute: 1800 }], ...fall2027),
      ).toEqual([Z(2027, 10, 30, 20), Z(2027, 10, 31, 5)]);
      // A date rule outside the horizon gives nothing.
      expect(
        expand([{ kind: 'date', date: D(2027, 3, 1), startMinute: 0, endMinute: 60 }], ...spring2027),
      ).toEqual([]);
    });
  });

  it('RRULE FREQ=MONTHLY;BYDAY=1SU gives the first Sundays', () => {
    const rule: RRuleRule = {
      kind: 'rrule',
      rrule: 'FREQ=MONTHLY;BYDAY=1SU',
      startMinute: 600,
      endMinute: 720,
    };
    expect(ruleDates(rule, D(2026, 1, 1), D(2026, 12, 31))).toEqual([
      D(2026, 1, 4),
      D(2026, 2, 1),
      D(2026, 3, 1),
      D(2026, 4, 5),
      D(2026, 5, 3),
      D(2026, 6, 7),
      D(2026, 7, 5),
      D(2026, 8, 2),
      D(2026, 9, 6),
      D(2026, 10, 4),
      D(2026, 11, 1),
      D(2026, 12, 6),
    ]);
    // 10:00-12:00: CET (09:00Z) on March 1st, CEST (08:00Z) on April 5th.
    expect(expand([rule], Z(2026, 2, 15), Z(2026, 4, 15))).toEqual([
      Z(2026, 3, 1, 9),
      Z(2026, 3, 1, 11),
      Z(2026, 4, 5, 8),
      Z(2026, 4, 5, 10),
    ]);
    // Bounds are inclusive, and the prefix RRULE: is accepted.
    expect(
      ruleDates(
        { ...rule, rrule: 'RRULE:FREQ=MONTHLY;BYDAY=1SU', startDate: D(2026, 2, 1), endDate: D(2026, 4, 5) },
        D(2026, 1, 1),
        D(2026, 12, 31),
      ),
    ).toEqual([D(2026, 2, 1), D(2026, 3, 1), D(2026, 4, 5)]);
  });

  it('RRULE FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU gives the Paris spring-forward Sundays', () => {
    const rule: RRuleRule = {
      kind: 'rrule',
      rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      startMinute: 90,
      endMinute: 210,
    };
    expect(ruleDates(rule, D(2025, 6, 1), D(2028, 12, 31))).toEqual([
      D(2026, 3, 29),
      D(2027, 3, 28),
      D(2028, 3, 26),
    ]);
    expect(hours(expand([rule], Z(2026, 1, 1), Z(2027, 12, 31)))).toEqual([1, 1]);
  });
});

describe('checkRRule', () => {
  const refused = (text: string, hasStartDate: boolean) => {
    const result = checkRRule(text, hasStartDate);
    expect(result.ok, text).toBe(false);
    if (!result.ok) {
      expect(result.problem.length).toBeGreaterThan(0);
      expect(result.expected.length).toBeGreaterThan(0);
    }
  };

  it('accepts daily-or-coarser rules that name their days', () => {
    for (const text of [
      'FREQ=MONTHLY;BYDAY=1SU',
      'RRULE:FREQ=MONTHLY;BYDAY=1SU',
      'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      'FREQ=DAILY',
      'FREQ=MONTHLY;BYMONTHDAY=1,15',
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    ]) {
      expect(checkRRule(text, false), text).toEqual({ ok: true });
      expect(checkRRule(text, true), text).toEqual({ ok: true });
    }
  });

  it('refuses frequencies finer than daily', () => {
    for (const text of ['FREQ=HOURLY', 'FREQ=MINUTELY', 'FREQ=SECONDLY']) {
      refused(text, false);
      refused(text, true);
    }
  });

  it('refuses garbage and rules without a frequency', () => {
    for (const text of ['garbage', 'FREQ=DAILY;FOO=1', 'FREQ=SOMETIMES', '', 'BYDAY=MO']) refused(text, true);
  });

  it('refuses rules carrying a start, a zone or times of their own', () => {
    for (const text of [
      'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY',
      'FREQ=DAILY;DTSTART=20260101T000000Z',
      'FREQ=DAILY;TZID=Europe/Paris',
      'FREQ=DAILY;BYHOUR=9',
      'FREQ=DAILY;BYMINUTE=30',
    ]) {
      refused(text, false);
      refused(text, true);
    }
  });

  it('refuses rules whose phase depends on a start date unless there is one', () => {
    for (const text of [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
      'FREQ=DAILY;INTERVAL=2',
      'FREQ=DAILY;COUNT=3',
      'FREQ=WEEKLY',
      'FREQ=MONTHLY',
      'FREQ=YEARLY',
    ]) {
      refused(text, false);
      expect(checkRRule(text, true), text).toEqual({ ok: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// An independent reference built on luxon alone (no zone.ts, no local.ts), slow but obviously correct.
// ---------------------------------------------------------------------------------------------------------------

describe('the luxon reference itself', () => {
  const at = (zone: string, y: number, m: number, d: number, h: number, min: number) =>
    referenceInstant(zone, luxonDate(D(y, m, d)), h * 60 + min);

  it('checks what luxon does with a nonexistent time: forward by the size of the gap', () => {
    const guess = DateTime.fromObject(
      { year: 2026, month: 3, day: 29, hour: 2, minute: 30 },
      { zone: 'Europe/Paris' },
    );
    expect(guess.toMillis()).toBe(Z(2026, 3, 29, 1, 30)); // 03:30 CEST, not the first instant after the gap
    expect(at('Europe/Paris', 2026, 3, 29, 2, 30)).toBe(Z(2026, 3, 29, 1)); // corrected to 03:00 CEST
  });

  it('gives the documented instants on DST nights of every zone used below', () => {
    // Paris: the first instant after the gap; the CEST occurrence in the overlap.
    expect(at('Europe/Paris', 2026, 3, 29, 2, 0)).toBe(Z(2026, 3, 29, 1));
    expect(at('Europe/Paris', 2026, 10, 25, 2, 30)).toBe(Z(2026, 10, 25, 0, 30));
    expect(at('Europe/Paris', 2026, 10, 25, 3, 0)).toBe(Z(2026, 10, 25, 2));
    // New York: 02:00 EST -> 03:00 EDT on 2026-03-08 (07:00Z); 02:00 EDT -> 01:00 EST on 2026-11-01 (06:00Z).
    expect(at('America/New_York', 2026, 3, 8, 2, 30)).toBe(Z(2026, 3, 8, 7));
    expect(at('America/New_York', 2026, 11, 1, 1, 30)).toBe(Z(2026, 11, 1, 5, 30));
    // Lord Howe: 02:00 +10:30 -> 02:30 +11:00 on 2026-10-04 (15:30Z); 02:00 +11:00 -> 01:30 +10:30 on 2026-04-05.
    expect(at('Australia/Lord_Howe', 2026, 10, 4, 2, 15)).toBe(Z(2026, 10, 3, 15, 30));
    expect(at('Australia/Lord_Howe', 2026, 4, 5, 1, 45)).toBe(Z(2026, 4, 4, 14, 45));
    expect(at('Australia/Lord_Howe', 2026, 4, 5, 2, 0)).toBe(Z(2026, 4, 4, 15, 30));
    // Chatham: 02:45 +12:45 -> 03:45 +13:45 on 2026-09-27 (14:00Z); 03:45 +13:45 -> 02:45 +12:45 on 2026-04-05.
    expect(at('Pacific/Chatham', 2026, 9, 27, 2, 50)).toBe(Z(2026, 9, 26, 14));
    expect(at('Pacific/Chatham', 2026, 4, 5, 3, 0)).toBe(Z(2026, 4, 4, 13, 15));
    // Kolkata: no DST, +05:30.
    expect(at('Asia/Kolkata', 2026, 3, 29, 2, 30)).toBe(Z(2026, 3, 28, 21));
  });

  it('agrees with the hand-computed Paris examples', () => {
    const rule: WeeklyRule = {
      kind: 'weekly',
      weekdays: SA,
      everyWeeks: 1,
      startMinute: 1320,
      endMinute: 1800,
    };
    expect(referenceExpansion([rule], 'Europe/Paris', Z(2026, 3, 28), Z(2026, 3, 30))).toEqual([
      Z(2026, 3, 28, 21),
      Z(2026, 3, 29, 4),
    ]);
    expect(
      referenceExpansion(
        [{ ...rule, weekdays: SU, startMinute: 135, endMinute: 165 }],
        'Europe/Paris',
        Z(2026, 3, 28),
        Z(2026, 3, 30),
      ),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------------------------

const YEARS_FROM = Z(2025, 1, 8);
const YEARS_TO = Z(2028, 12, 1);

/** A DST transition: its instant, and the wall clock it interrupts (read in the offset before it). */
interface Transition {
  readonly at: number;
  readonly wallDay: number;
  readonly wallMinute: number;
}

/** The DST transitions of each zone in 2025-2028, found with luxon's own zone (not zone.ts), to the minute. */
const TRANSITIONS = new Map<string, Transition[]>(
  ZONES.map((zone) => {
    const iana = IANAZone.create(zone);
    const found: Transition[] = [];
    for (let t = YEARS_FROM; t < YEARS_TO; t += 6 * HOUR) {
      if (iana.offset(t) === iana.offset(t + 6 * HOUR)) continue;
      let lo = t;
      let hi = t + 6 * HOUR;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (iana.offset(mid) === iana.offset(t)) lo = mid;
        else hi = mid;
      }
      const wall = hi + iana.offset(lo) * MINUTE;
      const wallDay = Math.floor(wall / DAY);
      found.push({ at: hi, wallDay, wallMinute: (wall - wallDay * DAY) / MINUTE });
    }
    return [zone, found];
  }),
);

it('finds the DST transitions to aim at (sanity)', () => {
  expect(TRANSITIONS.get('Europe/Paris')?.length).toBe(8);
  expect(TRANSITIONS.get('America/New_York')?.length).toBe(8);
  expect(TRANSITIONS.get('Pacific/Chatham')?.length).toBe(8);
  expect(TRANSITIONS.get('Australia/Lord_Howe')?.length).toBe(8);
  expect(TRANSITIONS.get('Asia/Kolkata')?.length).toBe(0);
  // Paris 2026: spring forward at 01:00Z interrupting 02:00, fall back at 01:00Z interrupting 03:00.
  expect(
    TRANSITIONS.get('Europe/Paris')?.filter((t) => t.at >= Z(2026, 1, 1) && t.at < Z(2027, 1, 1)),
  ).toEqual([
    { at: Z(2026, 3, 29, 1), wallDay: D(2026, 3, 29), wallMinute: 120 },
    { at: Z(2026, 10, 25, 1), wallDay: D(2026, 10, 25), wallMinute: 180 },
  ]);
  // Lord Howe shifts by 30 minutes, Chatham at 02:45 local standard time.
  expect(TRANSITIONS.get('Australia/Lord_Howe')?.find((t) => t.at > Z(2026, 9, 1))).toEqual({
    at: Z(2026, 10, 3, 15, 30),
    wallDay: D(2026, 10, 4),
    wallMinute: 120,
  });
  expect(TRANSITIONS.get('Pacific/Chatham')?.find((t) => t.at > Z(2026, 9, 1))).toEqual({
    at: Z(2026, 9, 26, 14),
    wallDay: D(2026, 9, 27),
    wallMinute: 165,
  });
  // Every offset and transition is on the 15-minute grid the reference steps on.
  for (const zone of ZONES) {
    for (const t of TRANSITIONS.get(zone) ?? []) expect(t.at % STEP).toBe(0);
    for (let t = YEARS_FROM; t < YEARS_TO; t += 30 * DAY)
      expect(Math.abs(IANAZone.create(zone).offset(t) % 15)).toBe(0);
  }
});

/** A window on the 15-minute grid: free, ending at 24:00, crossing midnight, or in the small hours. */
const windowArb = fc
  .tuple(
    fc.integer({ min: 0, max: 95 }),
    fc.integer({ min: 1, max: 96 }),
    fc.constantFrom('free', 'endsAt24', 'crosses', 'smallHours'),
  )
  .map(([startQ, lengthQ, mode]) => {
    let s = startQ;
    let e = s + lengthQ;
    if (mode === 'endsAt24') e = 96;
    else if (mode === 'crosses') e = s === 0 ? 96 : 97 + ((lengthQ - 1) % s);
    else if (mode === 'smallHours') {
      s = 4 + (startQ % 12); // 01:00 to 03:45
      e = s + 1 + (lengthQ % 12); // 15 min to 3 h
    }
    return { startMinute: s * 15, endMinute: e * 15 };
  });

/**
 * A weekly rule, relative to the horizon. `hitDst` moves the window so that its start, its end, or its end on the
 * next morning falls within an hour of the wall-clock time a DST transition interrupts (in the gap, in the
 * overlap, or just around them), and opens the rule on that day.
 */
const weeklySpecArb = fc.record({
  weekdays: fc.oneof(fc.integer({ min: 0, max: 127 }), fc.constantFrom(SU, SA | SU, 127)),
  window: windowArb,
  everyWeeks: fc.integer({ min: 1, max: 3 }),
  // Relative to the first day of the horizon, so that the bounds fall inside it or near it.
  startOffset: fc.option(fc.integer({ min: -30, max: 5 }), { nil: undefined, freq: 2 }),
  endOffset: fc.option(fc.integer({ min: 2, max: 40 }), { nil: undefined, freq: 2 }),
  hitDst: fc.constantFrom('no', 'start', 'end', 'endNextDay'),
  hitDeltaQ: fc.integer({ min: -5, max: 5 }),
});
type WeeklySpec = typeof weeklySpecArb extends fc.Arbitrary<infer T> ? T : never;

/** ISO weekday bit of a day number, by luxon. */
const weekdayBit = (day: number): number => 1 << (luxonDate(day).weekday - 1);

function weeklyRule(spec: WeeklySpec, firstDay: number, dst?: Transition): WeeklyRule {
  const startOffset = spec.startOffset ?? (spec.everyWeeks > 1 ? -9 : undefined);
  let startDate = startOffset === undefined ? undefined : firstDay + startOffset;
  let endDate = spec.endOffset === undefined ? undefined : firstDay + spec.endOffset;
  let weekdays = spec.weekdays;
  let { startMinute, endMinute } = spec.window;
  const length = endMinute - startMinute;
  if (dst !== undefined && spec.hitDst !== 'no') {
    const aim = Math.max(0, dst.wallMinute + spec.hitDeltaQ * 15);
    if (spec.hitDst === 'start') {
      weekdays |= weekdayBit(dst.wallDay);
      startMinute = Math.min(aim, 1425);
      endMinute = startMinute + length;
    } else if (spec.hitDst === 'end') {
      weekdays |= weekdayBit(dst.wallDay);
      endMinute = Math.max(aim, 15);
      startMinute = Math.max(0, endMinute - length);
    } else {
      weekdays |= weekdayBit(dst.wallDay - 1);
      endMinute = 1440 + aim;
      startMinute = Math.min(1425, Math.max(endMinute - length, aim));
    }
    // Keep the bounds from excluding the DST night (the everyWeeks phase still may).
    if (startDate !== undefined) startDate = Math.min(startDate, dst.wallDay - 1);
    if (endDate !== undefined) endDate = Math.max(endDate, dst.wallDay);
  }
  return {
    kind: 'weekly',
    weekdays,
    everyWeeks: spec.everyWeeks,
    startMinute,
    endMinute,
    ...(startDate === undefined ? {} : { startDate }),
    ...(endDate === undefined ? {} : { endDate }),
  };
}

/**
 * A horizon in 2025-2028 on the 15-minute grid, from a few hours to three weeks; most of them contain one of the
 * zone's DST transitions, anywhere inside.
 */
const horizonArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  aimAtDst: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pick: fc.nat(),
  uniformQ: fc.integer({ min: 0, max: (YEARS_TO - YEARS_FROM - 30 * DAY) / STEP }),
  backPermille: fc.integer({ min: 0, max: 1000 }),
  lengthQ: fc.oneof(fc.integer({ min: 16, max: 3 * 96 }), fc.integer({ min: 3 * 96, max: 21 * 96 })),
});
type HorizonSpec = typeof horizonArb extends fc.Arbitrary<infer T> ? T : never;

interface Horizon {
  readonly zone: string;
  readonly from: number;
  readonly to: number;
  readonly firstDay: number;
  /** The transition the horizon was aimed at, if any. */
  readonly dst?: Transition;
}

function horizon(spec: HorizonSpec): Horizon {
  const transitions = TRANSITIONS.get(spec.zone) ?? [];
  const dst = spec.aimAtDst ? transitions[spec.pick % Math.max(1, transitions.length)] : undefined;
  const aim = dst === undefined ? YEARS_FROM + spec.uniformQ * STEP : Math.floor(dst.at / STEP) * STEP;
  const from = aim - Math.floor((spec.backPermille * spec.lengthQ) / 1000) * STEP;
  const base = { zone: spec.zone, from, to: from + spec.lengthQ * STEP, firstDay: Math.floor(from / DAY) };
  return dst === undefined ? base : { ...base, dst };
}

describe('expandRules agrees with the luxon reference (property)', () => {
  it('random weekly rules, zones and horizons', () => {
    fc.assert(
      fc.property(horizonArb, fc.array(weeklySpecArb, { minLength: 1, maxLength: 3 }), (h, specs) => {
        const { zone, from, to, firstDay, dst } = horizon(h);
        const rules = specs.map((spec) => weeklyRule(spec, firstDay, dst));
        const table = buildZoneTable(zone, from, to);
        const got = normalize(expandRules(rules, table, from, to, []));
        expect(Array.from(got)).toEqual(referenceExpansion(rules, zone, from, to));
      }),
      { numRuns: 150 },
    );
  });

  it('rules aimed at the DST nights of the four zones that have them', () => {
    const dstHorizonArb = fc.record({
      zone: fc.constantFrom('Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham'),
      aimAtDst: fc.constant(true),
      pick: fc.nat(),
      uniformQ: fc.constant(0),
      backPermille: fc.integer({ min: 0, max: 1000 }),
      lengthQ: fc.integer({ min: 16, max: 4 * 96 }),
    });
    const aimedSpecArb = fc.record({
      weekdays: fc.integer({ min: 0, max: 127 }),
      window: windowArb,
      everyWeeks: fc.constant(1),
      startOffset: fc.constant(undefined),
      endOffset: fc.constant(undefined),
      hitDst: fc.constantFrom('start', 'end', 'endNextDay'),
      hitDeltaQ: fc.integer({ min: -5, max: 5 }),
    });
    fc.assert(
      fc.property(dstHorizonArb, fc.array(aimedSpecArb, { minLength: 1, maxLength: 2 }), (h, specs) => {
        const { zone, from, to, firstDay, dst } = horizon(h);
        const rules = specs.map((spec) => weeklyRule(spec, firstDay, dst));
        const table = buildZoneTable(zone, from, to);
        const got = normalize(expandRules(rules, table, from, to, []));
        expect(Array.from(got)).toEqual(referenceExpansion(rules, zone, from, to));
      }),
      { numRuns: 150 },
    );
  });
});

const RRULES = [
  'FREQ=DAILY',
  'FREQ=WEEKLY;BYDAY=MO,TH',
  'FREQ=MONTHLY;BYDAY=1SU',
  'FREQ=MONTHLY;BYMONTHDAY=1,15,31',
  'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
] as const;

/** Any kind of rule: weekly, one of a few RRULEs, or a one-off date near the horizon. */
const anyRuleArb = fc.oneof(
  weeklySpecArb.map(
    (spec) =>
      (h: Horizon): AvailabilityRule =>
        weeklyRule(spec, h.firstDay, h.dst),
  ),
  fc.record({ rrule: fc.constantFrom(...RRULES), window: windowArb }).map(
    ({ rrule, window }) =>
      (_: Horizon): AvailabilityRule => ({ kind: 'rrule', rrule, ...window }),
  ),
  fc.record({ offset: fc.integer({ min: -2, max: 22 }), window: windowArb }).map(
    ({ offset, window }) =>
      (h: Horizon): AvailabilityRule => ({
        kind: 'date',
        date: h.firstDay + offset,
        ...window,
      }),
  ),
);

describe('expandRules invariants (properties)', () => {
  it('never yields empty or reversed pairs, and every pair lies within [from, to)', () => {
    fc.assert(
      fc.property(horizonArb, fc.array(anyRuleArb, { minLength: 1, maxLength: 4 }), (h, makers) => {
        const hz = horizon(h);
        const { zone, from, to } = hz;
        const rules = makers.map((make) => make(hz));
        const pairs = expandRules(rules, buildZoneTable(zone, from, to), from, to, []);
        expect(pairs.length % 2).toBe(0);
        for (let i = 0; i < pairs.length; i += 2) {
          const s = pairs[i] as number;
          const e = pairs[i + 1] as number;
          expect(s).toBeLessThan(e);
          expect(s).toBeGreaterThanOrEqual(from);
          expect(e).toBeLessThanOrEqual(to);
        }
        expect(isNormalized(normalize(pairs))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('splitting the horizon changes nothing: [a, c) = [a, b) ∪ [b, c)', () => {
    fc.assert(
      fc.property(
        horizonArb,
        fc.array(anyRuleArb, { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (h, makers, fraction, onGrid) => {
          const hz = horizon(h);
          const { zone, from: a, to: c } = hz;
          const rules = makers.map((make) => make(hz));
          const table = buildZoneTable(zone, a, c);
          let b = a + Math.floor(fraction * (c - a));
          if (onGrid) b = a + Math.floor((b - a) / STEP) * STEP;
          const whole = normalize(expandRules(rules, table, a, c, []));
          const parts = expandRules(rules, table, a, b, []);
          expandRules(rules, table, b, c, parts);
          expect(Array.from(normalize(parts))).toEqual(Array.from(whole));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('ruleDates for RRULE rules (properties)', () => {
  const days = fc
    .tuple(fc.integer({ min: D(2025, 1, 1), max: D(2028, 12, 31) }), fc.integer({ min: 0, max: 400 }))
    .map(([first, length]) => [first, first + length] as const);

  it('anchor-free RRULEs give the dates luxon says they should', () => {
    const predicates: Record<(typeof RRULES)[number], (d: DateTime) => boolean> = {
      'FREQ=DAILY': () => true,
      'FREQ=WEEKLY;BYDAY=MO,TH': (d) => d.weekday === 1 || d.weekday === 4,
      'FREQ=MONTHLY;BYDAY=1SU': (d) => d.weekday === 7 && d.day <= 7,
      'FREQ=MONTHLY;BYMONTHDAY=1,15,31': (d) => d.day === 1 || d.day === 15 || d.day === 31,
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU': (d) => d.month === 3 && d.weekday === 7 && d.day > 31 - 7,
      'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU': (d) => d.month === 10 && d.weekday === 7 && d.day > 31 - 7,
    };
    fc.assert(
      fc.property(fc.constantFrom(...RRULES), days, (rrule, [first, last]) => {
        const rule: RRuleRule = { kind: 'rrule', rrule, startMinute: 0, endMinute: 60 };
        const expected: number[] = [];
        for (let day = first; day <= last; day++) if (predicates[rrule](luxonDate(day))) expected.push(day);
        expect(ruleDates(rule, first, last)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('FREQ=WEEKLY;INTERVAL=n;BYDAY=... with a start date matches the weekly rule with everyWeeks = n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 127 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: D(2025, 1, 1), max: D(2028, 12, 31) }),
        days,
        (weekdays, n, startDate, [first, last]) => {
          const byday = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']
            .filter((_, i) => weekdays & (1 << i))
            .join(',');
          const rrule: RRuleRule = {
            kind: 'rrule',
            rrule: `FREQ=WEEKLY;INTERVAL=${n};BYDAY=${byday}`,
            startDate,
            startMinute: 0,
            endMinute: 60,
          };
          const weekly: WeeklyRule = {
            kind: 'weekly',
            weekdays,
            everyWeeks: n,
            startDate,
            startMinute: 0,
            endMinute: 60,
          };
          expect(ruleDates(rrule, first, last)).toEqual(ruleDates(weekly, first, last));
        },
      ),
      { numRuns: 100 },
    );
  });
});
