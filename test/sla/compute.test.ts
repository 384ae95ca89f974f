// computeSla and computeExposure on the example team and request file at a fixed now, and on small teams whose
// figures are worked out by hand in the comments.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  computeExposure,
  computeSla,
  exposureToJson,
  exposureToText,
  HOUR,
  parseRequests,
  parseTeam,
  slaToJson,
  slaToText,
} from '../../src/index.js';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8'));
const team = parseTeam(read('ca-va-patron.json'));
const requestsJson = read('requests.json');
const requests = parseRequests(requestsJson, team);
const now = Date.parse('2026-12-02T07:30:00+01:00');

describe('computeSla on the example', () => {
  const report = computeSla(team, requests, { now });
  const json = slaToJson(report, team);
  const byId = new Map(json.requests.map((r) => [r.id, r]));

  it('lists every request exactly once, in file order', () => {
    expect(json.requests.map((r) => r.id)).toStrictEqual(requests.map((r) => r.id));
  });

  it('hand-checked deadlines and statuses', () => {
    // Received Mon 30 Nov 20:05, first window Tue 19:00: deadline Wed 19:00; reached Mon 21:30, so met.
    expect(byId.get('R-2026-0040')).toMatchObject({ deadline: '2026-12-02T19:00:00+01:00', status: 'met' });
    // CCI, Tue 1 Dec 08:40: 3 h 20 + 4 h on Tuesday, 40 min on Wednesday: 09:10; at 07:30 1 h 40 left < 2 h.
    expect(byId.get('R-2026-0041')).toMatchObject({
      deadline: '2026-12-02T09:10:00+01:00',
      status: 'at-risk',
      remainingMinutes: 100,
    });
    // CCI, Wed 2 Dec 09:15: 2 h 45 + 4 h on Wednesday, 1 h 15 on Thursday: 09:45.
    expect(byId.get('R-2026-0047')).toMatchObject({
      deadline: '2026-12-03T09:45:00+01:00',
      status: 'on-track',
    });
    // Tue 21:14, first window Wed 12:00: deadline Thu 12:00; the plan calls at Wed 12:00.
    expect(byId.get('R-2026-0042')).toMatchObject({
      deadline: '2026-12-03T12:00:00+01:00',
      status: 'on-track',
      plannedCallAt: '2026-12-02T12:00:00+01:00',
    });
  });

  it('predicts breaches with a reason, and lists the next breaches by deadline', () => {
    const predicted = json.requests.filter((r) => r.status === 'will-breach');
    expect(predicted.length).toBeGreaterThan(0);
    for (const r of predicted) expect(r.reason).toBeDefined();
    const deadlines = json.nextBreaches.map((r) => r.deadline as string);
    expect([...deadlines].sort()).toStrictEqual(deadlines);
    expect(json.nextBreaches.every((r) => r.status === 'will-breach' || r.status === 'at-risk')).toBe(true);
  });

  it('figures: 13 requests, 1 met, none breached', () => {
    expect(report.metrics.totals).toMatchObject({ requests: 13, met: 1, breached: 0, open: 12, shareMet: 1 });
    // R-2026-0040: clock started Tue 19:00, contact Mon 21:30 (before it): a wait of 0.
    expect(report.metrics.timeToFirstContact).toStrictEqual({ count: 1, medianMs: 0, p90Ms: 0, maxMs: 0 });
    expect(report.metrics.byDoor.cci.requests).toBe(2);
  });

  it('no contact detail in any output', () => {
    const out = JSON.stringify(json) + slaToText(report, team);
    for (const r of requestsJson as { contact?: Record<string, string> }[]) {
      for (const value of Object.values(r.contact ?? {})) expect(out).not.toContain(value);
    }
    expect(out).not.toContain('fictif');
  });

  it('a no-answer attempt is not a contact; a reached one is', () => {
    const base = {
      id: 'R-9',
      receivedAt: '2026-12-01T10:00',
      door: 'coaches',
      channel: 'sms',
      callbackWindows: [{ start: '2026-12-01T10:00', end: '2026-12-01T12:00' }],
    };
    const noAnswer = parseRequests(
      [{ ...base, attempts: [{ at: '2026-12-01T11:00', coachId: 'amelie', outcome: 'no-answer' }] }],
      team,
    );
    const reached = parseRequests(
      [{ ...base, attempts: [{ at: '2026-12-03T11:00', coachId: 'amelie', outcome: 'reached' }] }],
      team,
    );
    const later = Date.parse('2026-12-04T10:00:00+01:00');
    expect(computeSla(team, noAnswer, { now: later, predict: false }).entries[0]).toMatchObject({
      // Deadline Wed 2 Dec 10:00, now Fri 4 Dec 10:00: 48 h overdue, the no-answer did not count.
      status: 'breached',
      overdueMs: 48 * HOUR,
    });
    // Reached Thursday 11:00, 25 h after the deadline (Wed 10:00).
    expect(computeSla(team, reached, { now: later }).entries[0]).toMatchObject({
      status: 'breached',
      overdueMs: 25 * HOUR,
    });
  });
});

describe('computeSla at a now before every receipt', () => {
  it('judges every request (on the business clock too) instead of failing', () => {
    // 2026-11-26 11:00 Paris: before R-2026-0040 (30 Nov) and the chamber's R-2026-0041 (1 Dec 08:40), so no
    // request is contacted yet and none is past its deadline: every one is open (at-risk or on-track).
    const early = computeSla(team, requests, {
      now: Date.parse('2026-11-26T11:00:00+01:00'),
      predict: false,
    });
    expect(early.entries).toHaveLength(requests.length);
    for (const e of early.entries) expect(['at-risk', 'on-track']).toContain(e.status);
  });
});

describe('computeExposure', () => {
  const base = { name: 'T', timeZone: 'Europe/Paris' };
  it('a weekend nobody covers: Friday arrivals breach until 24 h before Monday 08:00', () => {
    // One coach, Monday to Friday 08:00-18:00. Arrivals from Fri 17:00 (the last 60-min call starts then) wait
    // until Monday 08:00: 63 h. Arriving before Sun 08:00 breaks 24 h; so [Fri 17:00, Sun 08:00), worst 63 h.
    const t = parseTeam({
      ...base,
      coaches: [
        {
          id: 'a',
          name: 'A',
          availability: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], from: '08:00', to: '18:00' }],
        },
      ],
    });
    const from = Date.parse('2026-12-07T00:00:00+01:00');
    const to = Date.parse('2026-12-14T00:00:00+01:00');
    const e = computeExposure(t, { from, to });
    expect(e.periods).toStrictEqual([
      {
        start: Date.parse('2026-12-11T17:00:00+01:00'),
        end: Date.parse('2026-12-13T08:00:00+01:00'),
        worstWaitMs: 63 * HOUR,
      },
    ]);
    // Weeknights: 17:00 to 08:00 is 15 h, a wait but no breach.
    expect(e.waits.length).toBe(6);
    expect(e.maxWaitMs).toBe(63 * HOUR);
    expect(exposureToJson(e, t).periods[0]).toMatchObject({ worstWaitMinutes: 63 * 60, minutes: 39 * 60 });
    expect(exposureToText(e, t)).toContain('2026-12-11 17:00 - 2026-12-13 08:00  worst wait 63 h 00');
  });

  it('the example team over December: no arrival breaches whatever happens', () => {
    const e = computeExposure(team, {
      from: Date.parse('2026-12-01T00:00:00+01:00'),
      to: Date.parse('2026-12-29T00:00:00+01:00'),
    });
    expect(e.periods).toStrictEqual([]);
    expect(e.maxWaitMs).toBeLessThan(24 * HOUR);
  });
});
