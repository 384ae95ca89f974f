// Hand-checked deadlines (issue 7, section 5). Every figure is worked out in the comment beside it: the chamber is
// open Monday to Friday 08:30-12:00 and 13:30-17:30 (7 h 30 a day), its promise is 8 business hours; Paris is
// UTC+1 in winter (CET) and UTC+2 in summer (CEST).
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  buildBusinessCalendar,
  businessTimeBetween,
  type CallbackRequest,
  DEFAULT_SLA_POLICY,
  type DoorSla,
  HOUR,
  MINUTE,
  parseTeam,
  slaDeadline,
  teamSlaPolicy,
} from '../../src/index.js';

const ZONE = 'Europe/Paris';
const at = (iso: string) => Date.parse(iso);
const request = (receivedAt: string, windows: [string, string][] = [], pauses: [string, string][] = []) =>
  ({
    id: 'R-1',
    receivedAt: at(receivedAt),
    door: 'cci',
    channel: 'phone',
    callbackWindows: windows.map(([s, e]) => ({ start: at(s), end: at(e) })),
    durationMinutes: 60,
    attempts: [],
    ...(pauses.length === 0 ? {} : { pauses: pauses.map(([s, e]) => ({ start: at(s), end: at(e) })) }),
  }) as CallbackRequest;

function deadline(door: DoorSla, r: CallbackRequest): string {
  const cal =
    door.clock === 'business'
      ? buildBusinessCalendar(door, ZONE, r.receivedAt - 10 * 24 * HOUR, r.receivedAt + 60 * 24 * HOUR)
      : undefined;
  return new Date(slaDeadline(r, door, cal)).toISOString();
}

const cci = DEFAULT_SLA_POLICY.cci;
const cci57: DoorSla = { ...cci, holidays: { country: 'FR', region: '57' } };
const coaches = DEFAULT_SLA_POLICY.coaches;

describe('the chamber\u2019s door (business clock, FR holidays)', () => {
  it('Friday 16:00: 1 h 30 on Friday, 3 h 30 + 3 h on Monday, so Monday 16:30', () => {
    expect(deadline(cci, request('2026-12-04T16:00:00+01:00'))).toBe('2026-12-07T15:30:00.000Z');
  });

  it('Christmas 2026: Thu 24th 15:00 -> 2 h 30; 25th a holiday; Mon 28th 3 h 30 + 2 h: 15:30', () => {
    expect(deadline(cci, request('2026-12-24T15:00:00+01:00'))).toBe('2026-12-28T14:30:00.000Z');
  });

  it('the 26 December closure matters when Saturdays are open (09:00-12:00)', () => {
    const saturdays: DoorSla = {
      ...cci,
      openingHours: [...cci.openingHours, { weekdays: 1 << 5, startMinute: 9 * 60, endMinute: 12 * 60 }],
    };
    // Without the closure: 2 h 30 Thursday + 3 h Saturday = 5 h 30, then 2 h 30 on Monday: 11:00.
    expect(deadline(saturdays, request('2026-12-24T15:00:00+01:00'))).toBe('2026-12-28T10:00:00.000Z');
    // Closed on Saturday 26th: as without Saturdays, Monday 15:30.
    const closed: DoorSla = { ...saturdays, closures: [{ from: 20_813, to: 20_813 }] }; // 2026-12-26
    expect(new Date(20_813 * 86_400_000).toISOString().slice(0, 10)).toBe('2026-12-26');
    expect(deadline(closed, request('2026-12-24T15:00:00+01:00'))).toBe('2026-12-28T14:30:00.000Z');
  });

  it('New Year: Thu 31st 10:00 -> 2 h + 4 h; 1 January a holiday; Mon 4th 08:30 + 2 h = 10:30', () => {
    expect(deadline(cci, request('2026-12-31T10:00:00+01:00'))).toBe('2027-01-04T09:30:00.000Z');
  });

  it('Armistice: Tue 10 Nov 16:00 -> 1 h 30; Wed 11th a holiday; Thu 12th 3 h 30 + 3 h: 16:30', () => {
    expect(deadline(cci, request('2026-11-10T16:00:00+01:00'))).toBe('2026-11-12T15:30:00.000Z');
  });

  it('Easter Monday 2027 (29 March, the day after the spring DST change)', () => {
    // National list: Fri 26th 14:00-17:30 = 3 h 30; Mon 29th closed; Tue 30th 3 h 30 + 1 h: 14:30 CEST.
    expect(deadline(cci, request('2027-03-26T14:00:00+01:00'))).toBe('2027-03-30T12:30:00.000Z');
    // Moselle (FR-57): Good Friday closed too; Tue 30th 7 h 30; Wed 31st 08:30 + 30 min = 09:00 CEST.
    expect(deadline(cci57, request('2027-03-26T14:00:00+01:00'))).toBe('2027-03-31T07:00:00.000Z');
  });

  it('received at night counts from the next opening; a promise met at closing time stays there', () => {
    // Mon 7 Dec 20:00 -> Tue 08:30 + 7 h 30 = 17:30 Tuesday, then 30 min Wednesday: 09:00.
    expect(deadline(cci, request('2026-12-07T20:00:00+01:00'))).toBe('2026-12-09T08:00:00.000Z');
    const cal = buildBusinessCalendar(cci, ZONE, at('2026-12-01T00:00:00Z'), at('2026-12-31T00:00:00Z'));
    // 7 h 30 from Tuesday 08:30 ends at 17:30 that day, not at 08:30 the next morning.
    expect(addBusinessTime(at('2026-12-08T08:30:00+01:00'), 7.5 * HOUR, cal)).toBe(
      at('2026-12-08T17:30:00+01:00'),
    );
  });

  it('a pause stops the clock: Friday 16:00, paused Mon 08:30-12:00, so 3 h 30 later: Tuesday 10:00', () => {
    // 1 h 30 Friday; Monday afternoon 4 h (5 h 30); Tuesday 08:30 + 2 h 30 = 11:00.
    const r = request(
      '2026-12-04T16:00:00+01:00',
      [],
      [['2026-12-07T08:00:00+01:00', '2026-12-07T12:00:00+01:00']],
    );
    expect(deadline(cci, r)).toBe('2026-12-08T10:00:00.000Z');
  });
});

describe('both DST nights on both clocks', () => {
  it('elapsed: 24 real hours, so 13:00 CEST after the spring night and 11:00 CET after the autumn one', () => {
    expect(deadline(coaches, request('2026-03-28T12:00:00+01:00'))).toBe('2026-03-29T11:00:00.000Z');
    expect(deadline(coaches, request('2026-10-24T12:00:00+02:00'))).toBe('2026-10-25T10:00:00.000Z');
  });

  it('business, open 01:00-04:00 every night: the spring night has 2 h of it, the autumn one 4 h', () => {
    const nights: DoorSla = {
      ...cci,
      holidays: undefined as never,
      openingHours: [{ weekdays: 0b1111111, startMinute: 60, endMinute: 240 }],
    };
    delete (nights as { holidays?: unknown }).holidays;
    const cal = buildBusinessCalendar(nights, ZONE, at('2026-03-01T00:00:00Z'), at('2026-11-30T00:00:00Z'));
    // 29 March: 01:00 CET (00:00Z) to 04:00 CEST (02:00Z), 02:00-03:00 does not exist.
    expect(businessTimeBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'), cal)).toBe(2 * HOUR);
    // 25 October: 01:00 CEST (23:00Z) to 04:00 CET (03:00Z), 02:00-03:00 happens twice.
    expect(businessTimeBetween(at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'), cal)).toBe(4 * HOUR);
    // 8 business hours from Sat 28 March noon: 2 h (29th) + 3 h (30th) + 3 h (31st): 04:00 CEST on the 31st.
    const spring = { ...nights, firstContactWithinMs: 8 * HOUR };
    const r = request('2026-03-28T12:00:00+01:00');
    expect(new Date(slaDeadline(r, spring, cal)).toISOString()).toBe('2026-03-31T02:00:00.000Z');
    // From Sat 24 October noon: 4 h (25th) + 3 h (26th) + 1 h (27th, 01:00-02:00 CET): 01:00Z on the 27th.
    const r2 = request('2026-10-24T12:00:00+02:00');
    expect(new Date(slaDeadline(r2, spring, cal)).toISOString()).toBe('2026-10-27T01:00:00.000Z');
  });
});

describe('the coaches\u2019 door (elapsed clock)', () => {
  it('a caller whose first window is three days later: the clock starts at that window', () => {
    // Received Mon 30 Nov 09:00, asks for Thu 3 Dec 18:00-20:00: deadline Fri 4 Dec 18:00 CET.
    const r = request('2026-11-30T09:00:00+01:00', [
      ['2026-12-03T18:00:00+01:00', '2026-12-03T20:00:00+01:00'],
    ]);
    expect(deadline(coaches, r)).toBe('2026-12-04T17:00:00.000Z');
    expect(deadline({ ...coaches, startAtFirstWindow: false }, r)).toBe('2026-12-01T08:00:00.000Z');
  });

  it('the team file sets the promise; P1D is refused as ambiguous across DST', () => {
    const base = { name: 'T', timeZone: ZONE, coaches: [{ id: 'a', name: 'A', availability: [] }] };
    const team = parseTeam({ ...base, sla: { coaches: { firstContactWithin: 'PT12H30M' } } });
    expect(teamSlaPolicy(team).coaches.firstContactWithinMs).toBe(12 * HOUR + 30 * MINUTE);
    expect(teamSlaPolicy(team).cci).toStrictEqual(DEFAULT_SLA_POLICY.cci);
    expect(() => parseTeam({ ...base, sla: { coaches: { firstContactWithin: 'P1D' } } })).toThrow(
      /sla\.coaches\.firstContactWithin: "P1D" is ambiguous across DST/,
    );
  });
});
