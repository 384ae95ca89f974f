import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { generateRota } from '../../src/rota/generate.js';
import { applySwaps } from '../../src/rota/swaps.js';
import { HOUR } from '../../src/time/types.js';
import { coach, days, team, weekly } from './fixtures.js';

const utc = Date.UTC;
// Mon 2026-12-07 00:00 Paris to Mon 2026-12-14 00:00 Paris; one layer, hand-offs at 19:00 and 21:00.
const horizon = { from: utc(2026, 11, 6, 23), to: utc(2026, 11, 13, 23) };
const policy = { layers: ['primary'], handOffTimes: ['19:00', '21:00'], minRestHours: 0 };
const evenings = weekly(days('MO', 'TU', 'WE', 'TH', 'FR'), '19:00', '23:00');
const squad = team([
  coach('a', [evenings], { maxHoursPerWeek: 14 }),
  coach('b', [evenings]),
  coach('c', [weekly(days('MO'), '19:00', '21:00')]),
]);
const rota = generateRota(squad, { ...horizon, policy });
const mondayAt = (h: number) => utc(2026, 11, 7, h - 1); // Paris is UTC+1 in December
const shiftAt = (start: number) => {
  const s = rota.shifts.find((x) => x.start === start);
  if (s === undefined) throw new Error(`no shift at ${new Date(start).toISOString()}`);
  return s;
};

describe('applySwaps', () => {
  it('hands a shift to another free coach and recomputes the load', () => {
    const monday = shiftAt(mondayAt(19));
    const taker = monday.coachId === 'a' ? 'b' : 'a';
    const next = applySwaps(squad, rota, [
      { kind: 'give', shift: { layer: 'primary', coachId: monday.coachId, start: monday.start }, to: taker },
    ]);
    const moved = next.shifts.filter(
      (s) => s.coachId === taker && s.start <= monday.start && s.end >= monday.end,
    );
    expect(moved).toHaveLength(1);
    const load = (r: typeof rota, id: string) => r.load.find((l) => l.coachId === id)!.totalHours;
    const hours = (monday.end - monday.start) / HOUR;
    expect(load(next, taker)).toBe(load(rota, taker) + hours);
    expect(load(next, monday.coachId)).toBe(load(rota, monday.coachId) - hours);
    // The rota given is not changed.
    expect(rota.shifts).toContain(monday);
  });

  it('hands over part of a shift, splitting it in three', () => {
    const long = rota.shifts.find((s) => s.end - s.start >= 2 * HOUR && s.coachId !== 'c')!;
    const taker = long.coachId === 'a' ? 'b' : 'a';
    const next = applySwaps(squad, rota, [
      {
        kind: 'give',
        shift: { layer: 'primary', coachId: long.coachId, start: long.start },
        to: taker,
        start: long.start + HOUR / 2,
        end: long.start + HOUR,
      },
    ]);
    const around = next.shifts.filter((s) => s.start >= long.start && s.end <= long.end);
    expect(
      around.map((s) => [s.coachId, (s.start - long.start) / HOUR, (s.end - long.start) / HOUR]),
    ).toEqual([
      [long.coachId, 0, 0.5],
      [taker, 0.5, 1],
      [long.coachId, 1, (long.end - long.start) / HOUR],
    ]);
  });

  it('exchanges two shifts of two coaches', () => {
    // Two evening shifts of a and b on different evenings (both are free every weekday evening).
    const first = rota.shifts.find((s) => s.coachId === 'a')!;
    const second = rota.shifts.find((s) => s.coachId === 'b' && s.start >= first.end + 12 * HOUR)!;
    const next = applySwaps(squad, rota, [
      {
        kind: 'exchange',
        first: { layer: 'primary', coachId: 'a', start: first.start },
        second: { layer: 'primary', coachId: 'b', start: second.start },
      },
    ]);
    // Back-to-back pieces of one coach merge again, so look at who holds each span.
    const holderOver = (start: number, end: number) =>
      next.shifts.find((s) => s.start <= start && s.end >= end)?.coachId;
    expect(holderOver(first.start, first.end)).toBe('b');
    expect(holderOver(second.start, second.end)).toBe('a');
    expect(next.load.map((l) => l.totalHours)).toEqual(
      rota.load.map((l) =>
        l.coachId === 'a'
          ? l.totalHours + (second.end - second.start - first.end + first.start) / HOUR
          : l.coachId === 'b'
            ? l.totalHours - (second.end - second.start - first.end + first.start) / HOUR
            : l.totalHours,
      ),
    );
  });

  it('refuses a taker who is not free, an unknown coach or shift, and a cap overrun, applying nothing', () => {
    const tuesday = shiftAt(utc(2026, 11, 8, 18));
    const ref = { layer: 'primary', coachId: tuesday.coachId, start: tuesday.start };
    expect(() => applySwaps(squad, rota, [{ kind: 'give', shift: ref, to: 'c' }])).toThrow(
      /swaps\[0\]\.to: "c" is not free for all of the shift taken/,
    );
    expect(() => applySwaps(squad, rota, [{ kind: 'give', shift: ref, to: 'zoe' }])).toThrow(
      /swaps\[0\]\.to: "zoe" is not a coach of the team/,
    );
    expect(() =>
      applySwaps(squad, rota, [{ kind: 'give', shift: { ...ref, start: ref.start + 1 }, to: 'a' }]),
    ).toThrow(/swaps\[0\]\.shift: .* names no shift of this rota/);
    // a has a 14 h cap: giving a every evening shift of b overruns it.
    const bShifts = rota.shifts.filter((s) => s.coachId === 'b');
    const error = (() => {
      try {
        applySwaps(
          squad,
          rota,
          bShifts.map((s) => ({
            kind: 'give' as const,
            shift: { layer: 'primary', coachId: 'b', start: s.start },
            to: 'a',
          })),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(
      /would be on call \d+(\.\d+)? h in a week \(expected at most maxHoursPerWeek, 14 h\)/,
    );
  });
});
