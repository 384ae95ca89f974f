// Bad input (issue 7, section 4): one path-naming error list, never a wrong deadline.
import { describe, expect, it } from 'vitest';
import { bundledHolidays, parseRequests, parseTeam, ValidationError } from '../../src/index.js';

const base = { name: 'T', timeZone: 'Europe/Paris', coaches: [{ id: 'a', name: 'A', availability: [] }] };

function messages(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => i.message);
    throw e;
  }
  return [];
}

describe('the sla key', () => {
  it('lists every problem with its path', () => {
    const sla = {
      coaches: { firstContactWithin: 'P1D', atRisk: 'four hours', clock: 'wall' },
      cci: {
        openingHours: [
          { days: ['MO'], from: '09:00', to: '12:00' },
          { days: ['MO', 'TU'], from: '11:00', to: '14:00' },
          { days: ['WE'], from: '15:00', to: '10:00' },
        ],
        holidays: { country: 'XX' },
        closures: ['2026-02-30', '2026-12-31/2026-12-24', 'Christmas'],
      },
    };
    expect(messages(() => parseTeam({ ...base, sla }))).toStrictEqual([
      'sla.coaches.firstContactWithin: "P1D" is ambiguous across DST (a day is 23, 24 or 25 hours when the clocks change) (expected an ISO 8601 duration in hours and minutes, PTnHnM, such as PT24H or PT90M; write PT24H for 24 real hours)',
      'sla.coaches.atRisk: "four hours" is not a duration (expected an ISO 8601 duration in hours and minutes, PTnHnM, such as PT24H or PT90M)',
      'sla.coaches.clock: "wall" is not a clock (expected elapsed or business)',
      'sla.cci.openingHours[1]: {"days":["MO","TU"],"from":"11:00","to":"14:00"} overlaps openingHours[0] on a shared weekday (expected opening hours that do not overlap)',
      'sla.cci.openingHours[2].to: "10:00" does not end after from "15:00" (expected a closing time after the opening, on the same day (24:00 at most))',
      'sla.cci.holidays.country: "XX" is not a country with bundled public holidays (expected one of FR)',
      'sla.cci.closures[0]: "2026-02-30" is not a date (or range of dates) that exists (expected YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD)',
      'sla.cci.closures[1]: "2026-12-31/2026-12-24" ends before it starts (expected a range whose second date is on or after the first)',
      'sla.cci.closures[2]: "Christmas" is not a closure (expected a local date YYYY-MM-DD, or an inclusive range YYYY-MM-DD/YYYY-MM-DD)',
    ]);
  });

  it('an unknown region, a business clock without hours, a zero promise', () => {
    const sla = {
      coaches: { clock: 'business', firstContactWithin: 'PT0M' },
      cci: { holidays: { country: 'FR', region: '21' } },
    };
    expect(messages(() => parseTeam({ ...base, sla }))).toStrictEqual([
      'sla.coaches.firstContactWithin: "PT0M" is zero (expected a duration above zero, such as PT24H)',
      'sla.coaches.openingHours: [] is empty on a business clock (expected at least one span of opening hours)',
      'sla.cci.holidays.region: "21" is not a region of FR (expected one of 57, 67, 68, BL, GF, GP, MF, MQ, RE, YT)',
    ]);
    expect(() => bundledHolidays({ country: 'DE' })).toThrow(ValidationError);
  });
});

describe('request pauses', () => {
  const team = parseTeam(base);
  const req = (extra: object) => [
    {
      id: 'R-1',
      receivedAt: '2026-12-01T10:00',
      door: 'cci',
      channel: 'phone',
      firstContactAt: '2026-12-02T10:00',
      ...extra,
    },
  ];
  it('outside the request\u2019s life, or ending before they start', () => {
    const pauses = [
      { start: '2026-12-01T09:00', end: '2026-12-01T11:00' },
      { start: '2026-12-01T12:00', end: '2026-12-02T11:00' },
      { start: '2026-12-01T15:00', end: '2026-12-01T14:00' },
    ];
    expect(messages(() => parseRequests(req({ pauses }), team))).toStrictEqual([
      'requests[0].pauses[0].start: "2026-12-01T09:00" is before receivedAt "2026-12-01T10:00" (expected a pause within the request\u2019s life)',
      'requests[0].pauses[1].end: "2026-12-02T11:00" is after the first contact (expected a pause that ends at or before the first contact (the clock stops at contact))',
      'requests[0].pauses[2].end: "2026-12-01T14:00" does not end after start "2026-12-01T15:00" (expected an instant after start)',
    ]);
  });
  it('a contact before receipt', () => {
    expect(messages(() => parseRequests(req({ firstContactAt: '2026-12-01T09:00' }), team))).toStrictEqual([
      'requests[0].firstContactAt: "2026-12-01T09:00" is before receivedAt "2026-12-01T10:00" (expected an instant on or after receivedAt)',
    ]);
  });
  it('are compiled merged', () => {
    const pauses = [
      { start: '2026-12-01T12:00', end: '2026-12-01T13:00' },
      { start: '2026-12-01T13:00', end: '2026-12-01T14:00' },
    ];
    expect(parseRequests(req({ pauses }), team)[0]?.pauses).toStrictEqual([
      { start: Date.parse('2026-12-01T12:00:00+01:00'), end: Date.parse('2026-12-01T14:00:00+01:00') },
    ]);
  });
});
