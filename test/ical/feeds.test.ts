import { describe, expect, test } from 'vitest';
import { coachFeed, gapsFeed, teamFeed } from '../../src/ical/feeds.js';
import { feedZone } from '../../src/ical/render.js';
import { parsePublishedState } from '../../src/ical/state.js';
import { generateRota, ValidationError } from '../../src/index.js';
import type { Shift } from '../../src/rota/rota.js';
import { DAY, HOUR, MINUTE } from '../../src/time/types.js';
import { dstTeam, parseFeed, unfoldedLines } from './support.js';

const team = dstTeam();
const now = Date.UTC(2026, 2, 20);
// Both DST nights of 2026 in Paris: 29 March (02:00 -> 03:00) and 25 October (03:00 -> 02:00).
const spring = generateRota(team, { from: Date.UTC(2026, 2, 27, 23), to: Date.UTC(2026, 2, 30, 22) });
const autumn = generateRota(team, { from: Date.UTC(2026, 9, 23, 22), to: Date.UTC(2026, 9, 26, 23) });
const shifts: Shift[] = [...spring.shifts, ...autumn.shifts];
// An override that starts and ends in the fall-back hour: 02:30 CEST (00:30Z) to 02:30 CET (01:30Z), the same wall
// clock twice, so it must be written in UTC to be read back right.
const ambiguous: Shift = {
  layer: 'backup',
  coachId: 'a',
  start: Date.UTC(2026, 9, 25, 0, 30),
  end: Date.UTC(2026, 9, 25, 1, 30),
  override: true,
};
const rota = { shifts: [...shifts, ambiguous], policy: spring.policy };
const wide = { now, from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 11, 1) };
const calls = [
  {
    requestId: 'R-2026-0042',
    coachId: 'b',
    start: Date.UTC(2026, 2, 28, 19),
    end: Date.UTC(2026, 2, 28, 20),
  },
  {
    requestId: 'R-2026-0043',
    coachId: 'a',
    start: Date.UTC(2026, 9, 25, 9),
    end: Date.UTC(2026, 9, 25, 10, 30),
  },
];

describe('coach feed', () => {
  test("parses back to exactly the coach's shifts and calls, across both DST nights", () => {
    for (const id of ['a', 'b']) {
      const { ics } = coachFeed(team, id, { ...wide, rota, calls });
      const { events } = parseFeed(ics);
      const expected = [
        ...rota.shifts.filter((s) => s.coachId === id).map((s) => [s.start, s.end, 'TRANSPARENT']),
        ...calls.filter((c) => c.coachId === id).map((c) => [c.start, c.end, 'OPAQUE']),
      ].sort((x, y) => (x[0] as number) - (y[0] as number));
      expect(events.map((e) => [e.start, e.end, e.transp])).toEqual(expected);
      // The DST nights are in there: a shift of b spans the spring-forward night.
      expect(events.some((e) => e.start < Date.UTC(2026, 2, 29, 1) && e.end > Date.UTC(2026, 2, 29, 1))).toBe(
        true,
      );
    }
  });

  test('a fall-back hour is written in UTC; other times carry the TZID and a VTIMEZONE for it', () => {
    const { ics } = coachFeed(team, 'a', { ...wide, rota, calls });
    const { calendar, events } = parseFeed(ics);
    const override = events.find((e) => e.start === ambiguous.start)!;
    expect(override.startTzid).toBeNull();
    expect(override.summary).toBe('Astreinte - renfort (remplacement)');
    expect(ics).toContain('DTSTART:20261025T003000Z');
    const tzids = new Set(unfoldedLines(ics).flatMap((l) => /;TZID=([^:;]+)/.exec(l)?.[1] ?? []));
    const blocks = calendar.getAllSubcomponents('vtimezone').map((v) => v.getFirstPropertyValue('tzid'));
    expect([...tzids]).toEqual(['Europe/Paris']);
    expect(blocks).toEqual(['Europe/Paris']);
  });

  test('DTSTAMP, CREATED and LAST-MODIFIED end in Z; no METHOD; NAME, X-WR-CALNAME, REFRESH-INTERVAL, X-PUBLISHED-TTL', () => {
    const { ics } = coachFeed(team, 'b', { ...wide, rota, calls });
    const lines = unfoldedLines(ics);
    const stamps = lines.filter((l) => /^(DTSTAMP|CREATED|LAST-MODIFIED):/.test(l));
    expect(stamps.length).toBeGreaterThan(3);
    for (const l of stamps) expect(l).toMatch(/:\d{8}T\d{6}Z$/);
    expect(lines.some((l) => l.startsWith('METHOD'))).toBe(false);
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(lines).toContain('X-PUBLISHED-TTL:PT1H');
    // The team name has a comma, a semicolon and a backslash: escaped (ical-generator leaves NAME unescaped).
    expect(lines).toContain('NAME:Astreinte Nuits\\, tests\\; et \\\\ barres - Bastien 😀');
    expect(lines).toContain('X-WR-CALNAME:Astreinte Nuits\\, tests\\; et \\\\ barres - Bastien 😀');
  });

  test('calls read "Rappel - demande <id>" with a 15-minute reminder; shifts have none unless asked; English', () => {
    const fr = parseFeed(coachFeed(team, 'b', { ...wide, rota, calls }).ics).events;
    const call = fr.find((e) => e.transp === 'OPAQUE')!;
    expect(call.summary).toBe('Rappel - demande R-2026-0042');
    expect(call.alarms).toBe(1);
    expect(fr.filter((e) => e.transp === 'TRANSPARENT').every((e) => e.alarms === 0)).toBe(true);
    const en = coachFeed(team, 'b', {
      ...wide,
      rota,
      calls,
      lang: 'en',
      shiftAlarmMinutes: 30,
      callAlarmMinutes: null,
    });
    const parsed = parseFeed(en.ics).events;
    expect(parsed.find((e) => e.transp === 'OPAQUE')!.summary).toBe('Callback - request R-2026-0042');
    expect(parsed.find((e) => e.transp === 'OPAQUE')!.alarms).toBe(0);
    expect(parsed.filter((e) => e.transp === 'TRANSPARENT').every((e) => e.alarms === 1)).toBe(true);
    expect(en.ics).toContain('TRIGGER:-PT30M');
  });

  test("times: 'utc' writes every time in UTC with no VTIMEZONE; the instants are the same", () => {
    const zoned = parseFeed(coachFeed(team, 'a', { ...wide, rota, calls }).ics).events;
    const { ics } = coachFeed(team, 'a', { ...wide, rota, calls, times: 'utc' });
    expect(ics).not.toContain('VTIMEZONE');
    expect(ics).not.toContain('TZID');
    expect(parseFeed(ics).events.map((e) => [e.start, e.end])).toEqual(zoned.map((e) => [e.start, e.end]));
  });

  test('the default horizon is 15 days back to 90 days ahead of now', () => {
    const t = Date.UTC(2026, 5, 1);
    const edge: Shift[] = [
      { layer: 'primary', coachId: 'a', start: t - 16 * DAY, end: t - 15 * DAY }, // ends at the horizon's start: out
      { layer: 'primary', coachId: 'a', start: t - 15 * DAY - HOUR, end: t - 15 * DAY + HOUR }, // overlaps: in
      { layer: 'primary', coachId: 'a', start: t + 90 * DAY - HOUR, end: t + 90 * DAY + HOUR }, // in
      { layer: 'primary', coachId: 'a', start: t + 90 * DAY, end: t + 91 * DAY }, // starts at the end: out
    ];
    const { events } = parseFeed(coachFeed(team, 'a', { now: t, rota: { shifts: edge } }).ics);
    expect(events.map((e) => e.start)).toEqual([edge[1]!.start, edge[2]!.start]);
  });

  test('a shared zone gives the same bytes; one that does not cover the events is not used', () => {
    const own = coachFeed(team, 'a', { ...wide, rota, calls }).ics;
    const shared = feedZone('Europe/Paris', wide.from - DAY, wide.to + DAY);
    expect(coachFeed(team, 'a', { ...wide, rota, calls, sharedZone: shared }).ics).toBe(own);
    const short = feedZone('Europe/Paris', wide.from, wide.from + DAY);
    expect(coachFeed(team, 'a', { ...wide, rota, calls, sharedZone: short }).ics).toBe(own);
  });

  test('bad input lists every problem', () => {
    const error = (() => {
      try {
        coachFeed(team, 'zoe', {
          now: Number.NaN,
          rota: { shifts: [{ ...ambiguous, coachId: 'x' }] },
          refreshMinutes: 0,
        });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.issues.map((i) => i.path)).toEqual(['now', 'refreshMinutes']);
    expect(() => coachFeed(team, 'zoe', { now, rota: { shifts: [{ ...ambiguous, coachId: 'x' }] } })).toThrow(
      /coachId: "zoe" is not a coach[\s\S]*rota.shifts\[0\].coachId: "x"/,
    );
  });
});

describe('UIDs, SEQUENCE and cancellations', () => {
  const base = { rota, calls, from: wide.from, to: wide.to };

  test('UIDs are stable across regenerations and DTSTAMP stays put when nothing changed', () => {
    const first = coachFeed(team, 'a', { ...base, now });
    const again = coachFeed(team, 'a', { ...base, now: now + DAY, previous: first.state });
    expect(again.ics).toBe(first.ics);
    const fresh = coachFeed(team, 'a', { ...base, now });
    expect(fresh.ics).toBe(first.ics);
    const uids = parseFeed(first.ics).events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{16}@astreinte$/);
  });

  test('a changed end raises SEQUENCE; a vanished event is CANCELLED with a higher SEQUENCE, then gone after 14 days', () => {
    const first = coachFeed(team, 'b', { ...base, now });
    const call = parseFeed(first.ics).events.find((e) => e.transp === 'OPAQUE')!;
    const longer = [{ ...calls[0]!, end: calls[0]!.end + 30 * MINUTE }, calls[1]!];
    const second = coachFeed(team, 'b', { ...base, calls: longer, now: now + HOUR, previous: first.state });
    const moved = parseFeed(second.ics).events.find((e) => e.uid === call.uid)!;
    expect([moved.sequence, moved.end]).toEqual([1, calls[0]!.end + 30 * MINUTE]);
    expect(second.ics).toContain('LAST-MODIFIED:20260320T010000Z');

    const t3 = now + 2 * HOUR;
    const third = coachFeed(team, 'b', { ...base, calls: [], now: t3, previous: second.state });
    const cancelled = parseFeed(third.ics).events.find((e) => e.uid === call.uid)!;
    expect([cancelled.status, cancelled.sequence, cancelled.alarms]).toEqual(['CANCELLED', 2, 0]);
    // Still there (unchanged) the day before the grace period ends, gone the instant it ends.
    const day13 = coachFeed(team, 'b', { ...base, calls: [], now: t3 + 14 * DAY - 1, previous: third.state });
    expect(parseFeed(day13.ics).events.find((e) => e.uid === call.uid)?.sequence).toBe(2);
    const day14 = coachFeed(team, 'b', { ...base, calls: [], now: t3 + 14 * DAY, previous: day13.state });
    expect(parseFeed(day14.ics).events.some((e) => e.uid === call.uid)).toBe(false);
    expect(day14.state.events.some((e) => e.uid === call.uid)).toBe(false);
  });

  test('the state survives JSON and is validated; other feeds in it are kept', () => {
    const a = coachFeed(team, 'a', { ...base, now });
    const both = teamFeed(team, { ...base, now, previous: a.state });
    const read = parsePublishedState(JSON.parse(JSON.stringify(both.state)));
    expect(read).toEqual(both.state);
    expect(new Set(read.events.map((e) => e.feed))).toEqual(new Set(['coach:a', 'team']));
    expect(() => parsePublishedState({ version: 2, events: [{ uid: '', sequence: -1 }] })).toThrow(
      ValidationError,
    );
    try {
      parsePublishedState({ version: 2, events: [{ uid: '', sequence: -1 }] });
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toContain('events[0].sequence');
      expect((e as ValidationError).issues.map((i) => i.path)).toContain('version');
    }
  });
});

describe('team and gaps feeds', () => {
  test("the team feed has every shift with the coach's display name", () => {
    const { events } = parseFeed(teamFeed(team, { ...wide, rota }).ics);
    expect(events).toHaveLength(rota.shifts.length);
    expect(events.some((e) => e.summary === '1re ligne : Bastien 😀')).toBe(true);
    expect(events.some((e) => e.summary === 'renfort : Amélie, la "première" (remplacement)')).toBe(true);
  });

  test('the gaps feed has the uncovered and below-minimum spans of computeCoverage, and exposure periods', () => {
    const from = Date.UTC(2026, 2, 23, 23); // Tuesday 24 March, local midnight
    const to = from + DAY;
    // Bastien's Monday night runs to Tuesday 06:00 (05:00Z); then nobody is free until midnight: one gap. With
    // minCoaches 2, Monday evening (Bastien alone) is below the minimum.
    const exposure = [{ start: from + HOUR, end: from + 3 * HOUR, worstWaitMs: 26.5 * HOUR }];
    const { ics } = gapsFeed(team, { now, from, to, exposure });
    const { events } = parseFeed(ics);
    expect(events.map((e) => [e.start, e.end, e.summary])).toEqual([
      [from + HOUR, from + 3 * HOUR, 'Exposition : attente jusqu\u2019à 26 h 30'],
      [from + 6 * HOUR, to, 'Aucun coach disponible'],
    ]);
    const monday = gapsFeed(
      { ...team, coverage: { minCoaches: 2 } },
      { now, from: from - 6 * HOUR, to: from, lang: 'en' },
    );
    expect(parseFeed(monday.ics).events.map((e) => e.summary)).toEqual(['Below minimum: 1 coach(es) of 2']);
  });
});
