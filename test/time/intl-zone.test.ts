import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { intlKnowsZone, intlOffset } from '../../src/time/intl-zone.js';
import { HOUR, MINUTE } from '../../src/time/types.js';

const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'America/Martinique',
  'Africa/Casablanca',
  'UTC',
];
const utc = Date.UTC;

describe('offsets read from Intl', () => {
  it('agree with luxon (an independent reading of the same Intl data) from 1800 to 2200, to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: utc(1800, 0, 1), max: utc(2200, 0, 1) }),
        (zone, t) => {
          expect(intlOffset(zone, t)).toBe(Math.round(IANAZone.create(zone).offset(t) * 60_000));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('give hand-checked offsets: Paris winter and summer, Kolkata, Chatham, Lord Howe', () => {
    expect(intlOffset('Europe/Paris', utc(2026, 0, 15))).toBe(HOUR);
    expect(intlOffset('Europe/Paris', utc(2026, 6, 15))).toBe(2 * HOUR);
    expect(intlOffset('Europe/Paris', utc(2026, 2, 29, 1) - 1)).toBe(HOUR);
    expect(intlOffset('Europe/Paris', utc(2026, 2, 29, 1))).toBe(2 * HOUR);
    expect(intlOffset('Asia/Kolkata', utc(2026, 0, 1))).toBe(5 * HOUR + 30 * MINUTE);
    expect(intlOffset('Pacific/Chatham', utc(2026, 6, 1))).toBe(12 * HOUR + 45 * MINUTE);
    expect(intlOffset('Australia/Lord_Howe', utc(2026, 6, 1))).toBe(10 * HOUR + 30 * MINUTE);
  });

  it('keep the seconds of a local mean time (Paris was +00:09:21 until 1911)', () => {
    expect(intlOffset('Europe/Paris', utc(1900, 0, 1))).toBe(9 * MINUTE + 21_000);
  });

  it('read years before 100 and before the common era literally', () => {
    // Date.UTC would read year 50 as 1950, and an era-less reading of 201 BC as 201 AD: both offsets centuries off.
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 5, 1);
    expect(intlOffset('UTC', year50.getTime())).toBe(0);
    const bce = new Date(0);
    bce.setUTCFullYear(-200, 5, 1);
    expect(intlOffset('UTC', bce.getTime())).toBe(0);
    expect(intlOffset('Asia/Kolkata', year50.getTime())).toBe(
      Math.round(IANAZone.create('Asia/Kolkata').offset(year50.getTime()) * 60_000),
    );
  });

  it('know zone names, and refuse what is not one', () => {
    expect(intlKnowsZone('Europe/Paris')).toBe(true);
    expect(intlKnowsZone('Mars/Olympus_Mons')).toBe(false);
    expect(intlKnowsZone('')).toBe(false);
    expect(() => intlOffset('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});
