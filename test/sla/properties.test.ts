// Properties of the business calendar and deadlines (issue 7, section 5), against a brute-force reference written
// here: wall-clock edges found by scanning instants with Intl (the first instant whose local time reaches the edge:
// that is the documented DST rule, a gap moves forward and an overlap takes its earlier occurrence), then open time
// counted minute by minute. Holidays come from date-holidays itself, not from the bundled data.
import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  buildBusinessCalendar,
  businessTimeBetween,
  type CallbackRequest,
  type DoorSla,
  type HolidaySource,
  MINUTE,
  slaDeadline,
  statusAt,
} from '../../src/index.js';

const H = 3_600_000;
const D = 86_400_000;
const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Wall-clock time at `t` in `zone`, as ms of a UTC clock (Intl, independent of the code under test). */
function wall(zone: string, t: number): number {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, Number(x.value)])) as Record<
    string,
    number
  >;
  return Date.UTC(
    p.year as number,
    (p.month as number) - 1,
    p.day as number,
    p.hour as number,
    p.minute as number,
  );
}

/** First minute-aligned instant whose wall time reaches `w` (hour steps, then minutes). */
function edge(zone: string, w: number): number {
  let t = w - 15 * H;
  while (wall(zone, t + H) < w) t += H;
  while (wall(zone, t) < w) t += MINUTE;
  return t;
}

interface Case {
  zone: string;
  door: DoorSla;
  from: number;
  holidays: HolidaySource;
}

/** Open intervals of `door` over local days around `[a, b)` by the reference rule. */
function referenceOpen(c: Case, a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  const closed = new Set<number>();
  const first = Math.floor(a / D) - 2;
  const last = Math.floor(b / D) + 2;
  for (let y = new Date(first * D).getUTCFullYear(); y <= new Date(last * D).getUTCFullYear(); y++)
    for (const d of c.holidays(y)) closed.add(d);
  for (const cl of c.door.closures) for (let d = cl.from; d <= cl.to; d++) closed.add(d);
  for (let d = first; d <= last; d++) {
    if (closed.has(d)) continue;
    const weekday = (((d + 3) % 7) + 7) % 7;
    for (const h of c.door.openingHours) {
      if ((h.weekdays & (1 << weekday)) === 0) continue;
      const s = edge(c.zone, d * D + h.startMinute * MINUTE);
      const e = edge(c.zone, d * D + h.endMinute * MINUTE);
      if (s < e) out.push([s, e]);
    }
  }
  return out;
}

function isOpen(open: [number, number][], t: number): boolean {
  return open.some(([s, e]) => s <= t && t < e);
}

const frHolidays = (() => {
  const hd = new Holidays('FR');
  return (year: number) =>
    hd
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`) / D);
})();

const caseArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    spans: fc.array(
      fc.record({
        weekdays: fc.integer({ min: 1, max: 127 }),
        start: fc.integer({ min: 0, max: 47 }),
        length: fc.integer({ min: 1, max: 16 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    // Starts around the DST changes of 2026 half the time.
    from: fc.oneof(
      fc.integer({ min: Date.UTC(2026, 0, 1) / MINUTE, max: Date.UTC(2027, 11, 1) / MINUTE }),
      fc.integer({ min: Date.UTC(2026, 2, 26) / MINUTE, max: Date.UTC(2026, 2, 30) / MINUTE }),
      fc.integer({ min: Date.UTC(2026, 9, 22) / MINUTE, max: Date.UTC(2026, 9, 27) / MINUTE }),
    ),
    closure: fc.integer({ min: 0, max: 10 }),
    targetMinutes: fc.integer({ min: 1, max: 20 * 60 }),
  })
  .map(({ zone, spans, from, closure, targetMinutes }) => {
    // Half-hour grid spans of one day, made disjoint by keeping those that do not overlap an earlier one.
    const hours: { weekdays: number; startMinute: number; endMinute: number }[] = [];
    for (const s of spans) {
      const startMinute = s.start * 30;
      const endMinute = Math.min(1440, startMinute + s.length * 30);
      if (
        hours.some(
          (h) => (h.weekdays & s.weekdays) !== 0 && h.startMinute < endMinute && startMinute < h.endMinute,
        )
      )
        continue;
      hours.push({ weekdays: s.weekdays, startMinute, endMinute });
    }
    const fromMs = from * MINUTE;
    const closureDay = Math.floor(fromMs / D) + closure;
    const door: DoorSla = {
      firstContactWithinMs: targetMinutes * MINUTE,
      clock: 'business',
      atRiskMs: 2 * H,
      startAtFirstWindow: false,
      openingHours: hours.sort((a, b) => a.startMinute - b.startMinute),
      closures: [{ from: closureDay, to: closureDay + (closure % 3) }],
    };
    return { zone, door, from: fromMs, holidays: frHolidays } satisfies Case;
  });

const calendarOf = (c: Case) =>
  buildBusinessCalendar(c.door, c.zone, c.from - 2 * D, c.from + 400 * D, { holidays: c.holidays });
const requestAt = (t: number) => ({ receivedAt: t, callbackWindows: [] }) as unknown as CallbackRequest;

describe('business calendar properties', () => {
  it('the deadline equals a minute-by-minute reference, and business time to it is the target exactly', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const cal = calendarOf(c);
        const deadline = slaDeadline(requestAt(c.from), c.door, cal);
        // Reference: step minutes from the receipt, counting open ones, until the target is reached.
        const open = referenceOpen(c, c.from, Math.min(deadline, c.from + 400 * D));
        let counted = 0;
        let t = c.from;
        const target = c.door.firstContactWithinMs / MINUTE;
        while (counted < target && t < c.from + 120 * D) {
          if (isOpen(open, t)) counted++;
          t += MINUTE;
        }
        if (counted < target) return; // A calendar this sparse is out of the reference's reach.
        expect(deadline).toBe(t);
        expect(businessTimeBetween(c.from, deadline, cal)).toBe(c.door.firstContactWithinMs);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('business time is additive, never counts closed time, and the deadline is monotone in the receipt', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.integer({ min: 0, max: 20 * 24 * 60 }), { minLength: 3, maxLength: 3 }),
        (c, offsets) => {
          const cal = calendarOf(c);
          const [a, b, x] = offsets.sort((p, q) => p - q).map((m) => c.from + m * MINUTE) as [
            number,
            number,
            number,
          ];
          expect(businessTimeBetween(a, b, cal) + businessTimeBetween(b, x, cal)).toBe(
            businessTimeBetween(a, x, cal),
          );
          expect(slaDeadline(requestAt(a), c.door, cal)).toBeLessThanOrEqual(
            slaDeadline(requestAt(b), c.door, cal),
          );
          // Closed time never counts: an hour the reference says is closed adds nothing.
          const open = referenceOpen(c, a, a + D);
          for (let t = a; t < a + D; t += 30 * MINUTE) {
            const counted = businessTimeBetween(t, t + MINUTE, cal);
            expect(counted).toBe(isOpen(open, t) ? MINUTE : 0);
          }
          expect(addBusinessTime(a, businessTimeBetween(a, x, cal), cal)).toBeLessThanOrEqual(x);
        },
      ),
      { numRuns: 30, seed: 11 },
    );
  });

  it('the status agrees with its definition', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 72 * 60 }),
        fc.option(fc.integer({ min: 0, max: 72 * 60 })),
        fc.integer({ min: 1, max: 48 * 60 }),
        (nowMinutes, contactMinutes, targetMinutes) => {
          const received = Date.UTC(2026, 11, 1, 9);
          const door: DoorSla = {
            firstContactWithinMs: targetMinutes * MINUTE,
            clock: 'elapsed',
            atRiskMs: 4 * H,
            startAtFirstWindow: true,
            openingHours: [],
            closures: [],
          };
          const now = received + nowMinutes * MINUTE;
          const contact = contactMinutes === null ? undefined : received + contactMinutes * MINUTE;
          const request = {
            ...requestAt(received),
            ...(contact === undefined ? {} : { firstContactAt: contact }),
          } as CallbackRequest;
          const deadline = received + door.firstContactWithinMs;
          const s = statusAt(request, door, undefined, deadline, now).status;
          const known = contact !== undefined && contact <= now;
          const expected = known
            ? contact <= deadline
              ? 'met'
              : 'breached'
            : now > deadline
              ? 'breached'
              : deadline - now < 4 * H
                ? 'at-risk'
                : 'on-track';
          expect(s).toBe(expected);
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });
});
