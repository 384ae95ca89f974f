import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { DAY, HOUR, MINUTE } from '../../src/time/types.js';
import {
  buildZoneTable,
  instantToLocal,
  isKnownZone,
  localToInstant,
  localToInstantCursor,
  offsetAt,
} from '../../src/time/zone.js';

const utc = Date.UTC;
const paris = buildZoneTable('Europe/Paris', utc(2026, 0, 1), utc(2028, 0, 1));

describe('zone tables', () => {
  it('knows Paris offsets in winter and summer', () => {
    expect(offsetAt(paris, utc(2026, 0, 15))).toBe(1 * HOUR);
    expect(offsetAt(paris, utc(2026, 6, 15))).toBe(2 * HOUR);
  });

  it('finds the 2026 and 2027 Paris transitions to the millisecond', () => {
    // Last Sunday of March / October, 01:00 UTC.
    expect(offsetAt(paris, utc(2026, 2, 29, 1) - 1)).toBe(HOUR);
    expect(offsetAt(paris, utc(2026, 2, 29, 1))).toBe(2 * HOUR);
    expect(offsetAt(paris, utc(2026, 9, 25, 1) - 1)).toBe(2 * HOUR);
    expect(offsetAt(paris, utc(2026, 9, 25, 1))).toBe(HOUR);
    expect(offsetAt(paris, utc(2027, 2, 28, 1))).toBe(2 * HOUR);
    expect(offsetAt(paris, utc(2027, 9, 31, 1))).toBe(HOUR);
  });

  it('moves a spring-forward wall time to the first instant after the gap', () => {
    // 2026-03-29 02:30 does not exist in Paris; 03:00 CEST = 01:00Z.
    expect(localToInstant(paris, utc(2026, 2, 29, 2, 30))).toBe(utc(2026, 2, 29, 1));
    expect(localToInstant(paris, utc(2026, 2, 29, 2, 0))).toBe(utc(2026, 2, 29, 1));
    expect(localToInstant(paris, utc(2026, 2, 29, 1, 59))).toBe(utc(2026, 2, 29, 0, 59));
    expect(localToInstant(paris, utc(2026, 2, 29, 3, 0))).toBe(utc(2026, 2, 29, 1));
  });

  it('reads a fall-back wall time as its earlier occurrence', () => {
    // 2026-10-25 02:30 happens at 00:30Z (CEST) and 01:30Z (CET); the first wins.
    expect(localToInstant(paris, utc(2026, 9, 25, 2, 30))).toBe(utc(2026, 9, 25, 0, 30));
    expect(localToInstant(paris, utc(2026, 9, 25, 2, 0))).toBe(utc(2026, 9, 25, 0, 0));
    expect(localToInstant(paris, utc(2026, 9, 25, 3, 0))).toBe(utc(2026, 9, 25, 2, 0));
  });

  it('gives the window durations the DST rules promise', () => {
    const span = (y: number, m: number, d: number, h1: number, m1: number, h2: number, m2: number) =>
      (localToInstant(paris, utc(y, m, d, h2, m2)) - localToInstant(paris, utc(y, m, d, h1, m1))) / MINUTE;
    expect(span(2026, 2, 29, 1, 30, 3, 30)).toBe(60);
    expect(span(2026, 9, 25, 1, 0, 4, 0)).toBe(240);
    expect(span(2027, 2, 28, 1, 30, 3, 30)).toBe(60);
    expect(span(2027, 9, 31, 1, 0, 4, 0)).toBe(240);
  });

  it('round-trips instants through wall-clock time outside the overlap', () => {
    for (let t = utc(2026, 0, 1); t < utc(2027, 11, 1); t += 7 * HOUR + 13 * MINUTE) {
      const local = instantToLocal(paris, t);
      const back = localToInstant(paris, local);
      // In the fall-back overlap the second occurrence maps to the first: one hour earlier.
      expect(back === t || back === t - HOUR).toBe(true);
    }
  });

  it('handles Lord Howe (30-minute DST) and Chatham (45-minute offset)', () => {
    const lordHowe = buildZoneTable('Australia/Lord_Howe', utc(2026, 0, 1), utc(2027, 0, 1));
    // 2026-10-04 02:00 local (+10:30) -> 02:30 (+11:00): 02:15 does not exist, becomes 02:30 = 15:30Z the day before.
    expect(localToInstant(lordHowe, utc(2026, 9, 4, 2, 15))).toBe(utc(2026, 9, 3, 15, 30));
    const chatham = buildZoneTable('Pacific/Chatham', utc(2026, 0, 1), utc(2027, 0, 1));
    expect(offsetAt(chatham, utc(2026, 6, 1))).toBe(12 * HOUR + 45 * MINUTE);
  });

  it('the cursor agrees with the binary search, forwards and after jumping back', () => {
    const cursor = localToInstantCursor(paris);
    const locals: number[] = [];
    for (let l = utc(2026, 2, 28); l < utc(2026, 2, 30); l += 15 * MINUTE) locals.push(l);
    for (let l = utc(2026, 9, 24); l < utc(2026, 9, 26); l += 15 * MINUTE) locals.push(l);
    locals.push(utc(2026, 0, 3), utc(2027, 5, 1));
    for (const l of locals) expect(cursor(l)).toBe(localToInstant(paris, l));
  });

  it('refuses unknown zones and fixed offsets with a validation error', () => {
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownZone('+02:00')).toBe(false);
    expect(() => buildZoneTable('Mars/Olympus_Mons', 0, DAY)).toThrow(ValidationError);
    expect(() => buildZoneTable('Mars/Olympus_Mons', 0, DAY)).toThrow(
      /timeZone: "Mars\/Olympus_Mons" is not a known time zone/,
    );
  });

  it('refuses conversions outside the table instead of guessing', () => {
    expect(() => offsetAt(paris, utc(2035, 0, 1))).toThrow(RangeError);
  });
});
