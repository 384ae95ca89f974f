import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { bookCallback, cancelBooking } from '../../src/matching/book.js';
import { planCallbacks } from '../../src/matching/plan-callbacks.js';
import { planToJson } from '../../src/reporting/plan-json.js';
import { planToText } from '../../src/reporting/plan-text.js';
import { HOUR } from '../../src/time/types.js';
import { paris, request, teamOf } from './support.js';

const weekdayEvenings = [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'] as const, from: '19:00', to: '23:00' }];
const tuesdayNoon = [{ days: ['TU'] as const, from: '12:00', to: '15:00' }];

describe('planCallbacks: hand-checked plans', () => {
  it('places both requests where placing the first one earliest would lose the second', () => {
    // Bastien is free Tue 12:00-15:00. R1 can be called 12:00-15:00, R2 only 12:00-13:00. Calls last 60 min with
    // 15 min between calls, on a 30-minute grid: R2 at 12:00, R1 at 13:30 (13:15 is off the grid), both placed.
    const team = teamOf({ bastien: [...tuesdayNoon].map((r) => ({ ...r, days: [...r.days] })) });
    const plan = planCallbacks(
      team,
      [
        request('R1', '2026-11-30T09:00', [['2026-12-01T12:00', '2026-12-01T15:00']]),
        request('R2', '2026-11-30T10:00', [['2026-12-01T12:00', '2026-12-01T13:00']]),
      ],
      { now: paris('2026-11-30T21:00') },
    );
    expect(plan.placed.map((p) => [p.requestId, p.coachId, p.start, p.end])).toEqual([
      ['R2', 'bastien', paris('2026-12-01T12:00'), paris('2026-12-01T13:00')],
      ['R1', 'bastien', paris('2026-12-01T13:30'), paris('2026-12-01T14:30')],
    ]);
    // Windows start after receipt, so each deadline is 24 h after its first window's start.
    expect(plan.placed.every((p) => p.deadline === paris('2026-12-02T12:00') && p.beforeDeadline)).toBe(true);
    expect(plan.figures).toMatchObject({
      requests: 2,
      placed: 2,
      notPlaced: 0,
      placedBeforeDeadline: 2,
      proven: true,
    });
  });

  it('gives every request its reason, and keeps conservation over the whole file', () => {
    const team = teamOf({
      amelie: weekdayEvenings.map((r) => ({ ...r, days: [...r.days] })),
      bastien: tuesdayNoon.map((r) => ({ ...r, days: [...r.days] })),
    });
    const now = paris('2026-12-01T10:00'); // Tuesday
    const requests = [
      request('cci', '2026-12-01T09:00', [], { door: 'cci' }),
      request('reached', '2026-11-30T09:00', [['2026-12-01T19:00', '2026-12-01T21:00']], {
        attempts: [{ at: paris('2026-11-30T19:00'), coachId: 'amelie', outcome: 'reached' }],
        firstContactAt: paris('2026-11-30T19:00'),
      }),
      request('past', '2026-11-30T08:00', [['2026-11-30T09:00', '2026-11-30T10:00']]),
      request('short', '2026-12-01T09:00', [['2026-12-01T19:00', '2026-12-01T19:45']]),
      request('nobody', '2026-12-01T09:00', [['2026-12-01T08:00', '2026-12-01T11:30']]),
      request('ok', '2026-12-01T09:00', [['2026-12-01T12:00', '2026-12-01T13:00']]),
      request('taken', '2026-12-01T09:30', [['2026-12-01T12:00', '2026-12-01T13:00']]),
      request('wrong', '2026-12-01T09:00', [['2026-12-01T19:00', '2026-12-01T21:00']], {
        attempts: [{ at: paris('2026-12-01T09:30'), coachId: 'amelie', outcome: 'wrong-number' }],
      }),
    ];
    const plan = planCallbacks(team, requests, { now });
    const reasons = Object.fromEntries(plan.notPlaced.map((n) => [n.requestId, n.reason]));
    expect(reasons).toEqual({
      cci: 'not-for-matching',
      reached: 'already-contacted',
      past: 'no-window-left',
      short: 'window-too-short',
      nobody: 'no-coach-free',
      taken: 'coaches-booked',
      wrong: 'unreachable',
    });
    expect(plan.placed.map((p) => p.requestId)).toEqual(['ok']);
    expect(plan.figures.requests).toBe(requests.length);
    expect(plan.placed.length + plan.notPlaced.length).toBe(requests.length);
    expect(plan.notPlaced.find((n) => n.requestId === 'taken')?.sentence.fr).toMatch(/déjà pris/);
  });

  it('places a request whose only call is late, marked late', () => {
    // Received Monday 10:00 with a window at once (nobody free) and one on Wednesday evening: the deadline is
    // Tuesday 10:00, 24 h after receipt; Amélie's Wednesday call is placed anyway, after it.
    const team = teamOf({ amelie: [{ days: ['WE'], from: '19:00', to: '23:00' }] });
    const plan = planCallbacks(
      team,
      [
        request('late', '2026-11-30T10:00', [
          ['2026-11-30T10:00', '2026-11-30T11:00'],
          ['2026-12-02T19:00', '2026-12-02T20:00'],
        ]),
      ],
      { now: paris('2026-11-30T10:05') },
    );
    expect(plan.placed[0]).toMatchObject({
      requestId: 'late',
      start: paris('2026-12-02T19:00'),
      deadline: paris('2026-12-01T10:00'),
      beforeDeadline: false,
    });
    expect(plan.figures.placedAfterDeadline).toBe(1);
  });

  it('keeps the daily cap: a fourth call that day is refused, the next day taken', () => {
    const team = teamOf({
      amelie: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], from: '08:00', to: '20:00' }],
    });
    const day = (id: string) => request(id, '2026-12-01T07:00', [['2026-12-01T08:00', '2026-12-01T20:00']]);
    const plan = planCallbacks(
      team,
      [
        day('A'),
        day('B'),
        day('C'),
        day('D'),
        request('E', '2026-12-01T07:00', [['2026-12-01T08:00', '2026-12-02T20:00']]),
      ],
      { now: paris('2026-12-01T07:30') },
    );
    const onTuesday = plan.placed.filter((p) => p.start < paris('2026-12-02T00:00'));
    expect(onTuesday).toHaveLength(3);
    expect(plan.placed.find((p) => p.requestId === 'E')?.start).toBe(paris('2026-12-02T08:00'));
    expect(plan.notPlaced.map((n) => [n.requestId.length, n.reason])).toEqual([[1, 'coaches-booked']]);
  });

  it('retries after a no-answer in the next window past the spacing, then gives up after maxRetries', () => {
    const team = teamOf({ amelie: weekdayEvenings.map((r) => ({ ...r, days: [...r.days] })) });
    const windows: [string, string][] = [
      ['2026-12-01T19:00', '2026-12-01T22:00'],
      ['2026-12-02T19:00', '2026-12-02T21:00'],
    ];
    const noAnswer = (at: string) => ({ at: paris(at), coachId: 'amelie', outcome: 'no-answer' as const });
    const once = request('once', '2026-12-01T08:00', windows, { attempts: [noAnswer('2026-12-01T19:00')] });
    const plan = planCallbacks(team, [once], { now: paris('2026-12-01T20:05') });
    // 19:00 + 2 h spacing: 21:00, and the call fits in 21:00-22:00.
    expect(plan.placed[0]).toMatchObject({ start: paris('2026-12-01T21:00'), attempt: 2 });
    const four = request('four', '2026-12-01T08:00', windows, {
      attempts: ['2026-12-01T19:00', '2026-12-01T21:00', '2026-12-02T19:00', '2026-12-02T20:00'].map(
        noAnswer,
      ),
    });
    expect(planCallbacks(team, [four], { now: paris('2026-12-01T20:05') }).notPlaced[0]?.reason).toBe(
      'unreachable',
    );
  });

  it('never calls before the request arrived, even when planned from an earlier now', () => {
    const team = teamOf({ bastien: tuesdayNoon.map((x) => ({ ...x, days: [...x.days] })) });
    const plan = planCallbacks(
      team,
      [request('R', '2026-12-01T12:40', [['2026-12-01T12:00', '2026-12-01T15:00']])],
      {
        now: paris('2026-12-01T08:00'),
      },
    );
    expect(plan.placed[0]?.start).toBe(paris('2026-12-01T13:00'));
  });

  it('keeps real durations across both DST nights', () => {
    const night = [{ days: ['SA'] as const, from: '23:00', to: '05:00' }].map((r) => ({
      ...r,
      days: [...r.days],
    }));
    const team = teamOf({ nina: night });
    // Fall back 2026-10-25: 02:00 CEST comes first; a 60-minute call from 02:00 CEST ends at 02:00 CET.
    const fall = planCallbacks(
      team,
      [request('F', '2026-10-24T20:00', [['2026-10-25T02:00', '2026-10-25T04:00']])],
      { now: paris('2026-10-24T22:00') },
    );
    const call = fall.placed[0];
    expect(call?.start).toBe(Date.UTC(2026, 9, 25, 0, 0)); // 02:00 CEST
    expect((call?.end ?? 0) - (call?.start ?? 0)).toBe(HOUR);
    // Spring forward 2026-03-29: 01:30-03:30 local lasts one real hour, and holds one 60-minute call exactly.
    const spring = planCallbacks(
      team,
      [request('S', '2026-03-28T20:00', [['2026-03-29T01:30', '2026-03-29T03:30']])],
      { now: paris('2026-03-28T22:00') },
    );
    expect(spring.placed[0]).toMatchObject({
      start: Date.UTC(2026, 2, 29, 0, 30),
      end: Date.UTC(2026, 2, 29, 1, 30),
    });
  });

  it('sends a follow-up to the coach who took the case’s earlier call when both are free', () => {
    const rules = weekdayEvenings.map((r) => ({ ...r, days: [...r.days] }));
    const team = teamOf({ amelie: rules, bastien: rules });
    const first = request('first', '2026-11-30T08:00', [['2026-11-30T19:00', '2026-11-30T20:00']], {
      caseId: 'C1',
      attempts: [{ at: paris('2026-11-30T19:00'), coachId: 'bastien', outcome: 'reached' }],
      firstContactAt: paris('2026-11-30T19:00'),
    });
    const follow = request('follow', '2026-12-01T08:00', [['2026-12-01T19:00', '2026-12-01T20:00']], {
      caseId: 'C1',
    });
    const plan = planCallbacks(team, [first, follow], { now: paris('2026-12-01T09:00') });
    expect(plan.placed[0]).toMatchObject({ requestId: 'follow', coachId: 'bastien' });
    expect(plan.figures.continuity).toEqual({ kept: 1, possible: 1 });
  });

  it('only uses coaches on call with eligible on-call, and needs the rota for it', () => {
    const rules = weekdayEvenings.map((r) => ({ ...r, days: [...r.days] }));
    const team = teamOf({ amelie: rules, bastien: rules });
    const r = request('R', '2026-12-01T08:00', [['2026-12-01T19:00', '2026-12-01T21:00']]);
    const rota = {
      shifts: [
        {
          layer: 'primary',
          coachId: 'bastien',
          start: paris('2026-12-01T19:00'),
          end: paris('2026-12-01T23:00'),
        },
      ],
    };
    const plan = planCallbacks(team, [r], {
      now: paris('2026-12-01T09:00'),
      rota,
      policy: { eligible: 'on-call' },
    });
    expect(plan.placed[0]?.coachId).toBe('bastien');
    expect(() => planCallbacks(team, [r], { now: 0, policy: { eligible: 'on-call' } })).toThrow(
      ValidationError,
    );
  });

  it('respects bookings: keeps a request’s own, works around others’, refuses unknown coaches', () => {
    const team = teamOf({ bastien: tuesdayNoon.map((x) => ({ ...x, days: [...x.days] })) });
    const now = paris('2026-12-01T08:00');
    const booking = {
      requestId: 'other',
      coachId: 'bastien',
      start: paris('2026-12-01T12:00'),
      end: paris('2026-12-01T13:00'),
    };
    const plan = planCallbacks(
      team,
      [request('R', '2026-12-01T07:00', [['2026-12-01T12:00', '2026-12-01T15:00']])],
      {
        now,
        bookings: [booking],
      },
    );
    expect(plan.placed[0]?.start).toBe(paris('2026-12-01T13:30'));
    const kept = planCallbacks(
      team,
      [request('other', '2026-12-01T07:00', [['2026-12-01T12:00', '2026-12-01T15:00']])],
      {
        now,
        bookings: [booking],
      },
    );
    expect(kept.placed[0]).toMatchObject({ start: booking.start, booked: true });
    expect(() => planCallbacks(team, [], { now, bookings: [{ ...booking, coachId: 'zoe' }] })).toThrow(
      /bookings\[0\]\.coachId: "zoe" is not a coach of the team/,
    );
  });

  it('refuses a now years before the windows it should plan', () => {
    const team = teamOf({ bastien: tuesdayNoon.map((x) => ({ ...x, days: [...x.days] })) });
    const r = request('R', '2026-12-01T07:00', [['2026-12-01T12:00', '2026-12-01T15:00']]);
    expect(() => planCallbacks(team, [r], { now: paris('2020-01-01T00:00') })).toThrow(
      /^now: \d+ is more than five years before an open request’s callback window/,
    );
  });

  it('refuses a bad policy with every problem named', () => {
    const team = teamOf({ bastien: tuesdayNoon.map((x) => ({ ...x, days: [...x.days] })) });
    expect(() => planCallbacks(team, [], { now: 0, policy: { gridMinutes: 7, bufferMinutes: -1 } })).toThrow(
      /policy\.bufferMinutes: -1 is out of range[\s\S]*policy\.gridMinutes: 7 is out of range/,
    );
  });
});

describe('live booking', () => {
  it('books the earliest call, returns a new state, and frees it on cancel', () => {
    const team = teamOf({ bastien: tuesdayNoon.map((x) => ({ ...x, days: [...x.days] })) });
    const now = paris('2026-12-01T08:00');
    const empty = { team, bookings: [] };
    const first = bookCallback(
      empty,
      request('R1', '2026-12-01T07:00', [['2026-12-01T12:00', '2026-12-01T15:00']]),
      { now },
    );
    expect(first.booked && first.call.start).toBe(paris('2026-12-01T12:00'));
    expect(empty.bookings).toHaveLength(0); // nothing mutated
    const second = bookCallback(
      first.state,
      request('R2', '2026-12-01T07:30', [['2026-12-01T12:00', '2026-12-01T13:00']]),
      { now },
    );
    expect(second.booked).toBe(false);
    if (!second.booked) expect(second.refusal.reason).toBe('coaches-booked');
    const freed = cancelBooking(first.state, 'R1');
    expect(freed.bookings).toHaveLength(0);
    expect(
      bookCallback(freed, request('R2', '2026-12-01T07:30', [['2026-12-01T12:00', '2026-12-01T13:00']]), {
        now,
      }).booked,
    ).toBe(true);
  });
});

describe('outputs leak no contact detail', () => {
  it('JSON and text carry ids only, unless contact details are asked for by name', () => {
    const team = teamOf({ bastien: tuesdayNoon.map((x) => ({ ...x, days: [...x.days] })) });
    const contact = { name: 'MARKER-NAME-91c2', phone: '+33 6 00 00 91 02', email: 'marker-91c2@example.fr' };
    const requests = [
      request('R1', '2026-12-01T07:00', [['2026-12-01T12:00', '2026-12-01T15:00']], {
        contact,
        topic: 'wellbeing',
      }),
      request('R2', '2026-12-01T07:00', [['2026-12-01T20:00', '2026-12-01T21:00']], { contact }),
    ];
    const plan = planCallbacks(team, requests, { now: paris('2026-12-01T08:00') });
    const outputs = [
      JSON.stringify(plan),
      JSON.stringify(planToJson(plan, team)),
      planToText(plan, team),
      planToText(plan, team, 'fr'),
    ];
    for (const out of outputs) for (const marker of Object.values(contact)) expect(out).not.toContain(marker);
    const asked = JSON.stringify(planToJson(plan, team, { includeContactDetailsFrom: requests }));
    expect(asked).toContain('MARKER-NAME-91c2');
  });

  it('prints a call sheet a coordinator reads in one glance', () => {
    const team = teamOf({ bastien: tuesdayNoon.map((x) => ({ ...x, days: [...x.days] })) });
    const plan = planCallbacks(
      team,
      [
        request('R-2026-0042', '2026-12-01T07:00', [['2026-12-01T12:00', '2026-12-01T15:00']], {
          topic: 'wellbeing',
        }),
        request('R-2026-0043', '2026-12-01T07:00', [['2026-12-01T20:00', '2026-12-01T21:00']]),
      ],
      { now: paris('2026-12-01T08:00') },
    );
    expect(planToText(plan, team)).toBe(
      [
        'Test: callback plan at 2026-12-01 08:00 (Europe/Paris)',
        '2 requests: 1 placed (1 before their deadline, 0 after), 1 not placed.',
        '',
        'Tue 2026-12-01',
        '  12:00-13:00    bastien  R-2026-0042  wellbeing       60 min',
        '',
        'Not placed',
        '  R-2026-0043  no-coach-free     No coach is free during the requested windows.',
        '',
        'Calls per coach: bastien 1',
        '',
      ].join('\n'),
    );
  });
});
