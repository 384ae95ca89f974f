/**
 * RRULE rules with a start date are expanded from a later DTSTART when that changes nothing (rrule walks every
 * occurrence from DTSTART, so old rules would get slower each year). Checked against rrule itself, started at the
 * real start date.
 */
import fc from 'fast-check';
import rrulePkg from 'rrule';
import { describe, expect, it } from 'vitest';
import { type RRuleRule, ruleDates } from '../../src/time/recurrence.js';
import { DAY } from '../../src/time/types.js';

const { RRule } = rrulePkg;

const RULES = [
  'FREQ=DAILY;INTERVAL=3',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE',
  'FREQ=WEEKLY;INTERVAL=3',
  'FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1FR',
  'FREQ=MONTHLY;INTERVAL=5',
  'FREQ=MONTHLY;BYMONTHDAY=31',
  'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2',
  'FREQ=YEARLY;INTERVAL=2',
  'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'FREQ=YEARLY;BYWEEKNO=20',
  'FREQ=YEARLY;INTERVAL=3;BYMONTH=2',
  'FREQ=DAILY;COUNT=40;INTERVAL=9',
];

function reference(body: string, startDate: number, first: number, last: number): number[] {
  const rule = new RRule({ ...RRule.parseString(body), dtstart: new Date(startDate * DAY), tzid: null });
  return rule
    .between(new Date(first * DAY), new Date(last * DAY), true)
    .map((d) => Math.floor(d.getTime() / DAY));
}

describe('ruleDates for RRULE rules with a start date (property)', () => {
  it('gives the dates rrule gives from the real start, however old the rule', () => {
    const day2000 = Date.UTC(2000, 0, 1) / DAY;
    fc.assert(
      fc.property(
        fc.constantFrom(...RULES),
        fc.integer({ min: day2000, max: day2000 + 365 * 25 }),
        fc.integer({ min: 0, max: 365 * 12 }),
        fc.integer({ min: 0, max: 120 }),
        (body, startDate, offset, length) => {
          const rule: RRuleRule = { kind: 'rrule', rrule: body, startDate, startMinute: 600, endMinute: 720 };
          const first = startDate + offset - 30;
          const last = first + length;
          expect(ruleDates(rule, first, last)).toEqual(reference(body, startDate, first, last));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('keeps the phase of an every-other-month rule whose start is on the 29th (found by the property)', () => {
    // 2015-08-29 every 2 months, first Sunday and last Friday: April 2018 is in phase (Aug + 32 months).
    const rule: RRuleRule = {
      kind: 'rrule',
      rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1FR',
      startDate: 16_676,
      startMinute: 600,
      endMinute: 720,
    };
    expect(ruleDates(rule, 17_622, 17_622)).toEqual([17_622]);
    expect(reference(rule.rrule, 16_676, 17_622, 17_622)).toEqual([17_622]);
  });

  it('answers from the cache the second time, identically', () => {
    const rule: RRuleRule = {
      kind: 'rrule',
      rrule: 'FREQ=MONTHLY;BYDAY=1SU',
      startMinute: 600,
      endMinute: 720,
    };
    const cache = new Map<string, number[]>();
    const first = ruleDates(rule, 20_000, 20_400, cache);
    expect(cache.size).toBe(1);
    expect(ruleDates(rule, 20_000, 20_400, cache)).toBe(first);
    expect(first).toEqual(ruleDates(rule, 20_000, 20_400));
  });
});
