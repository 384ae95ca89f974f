import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant, parseLocalDateTimeSeconds } from '../../src/time/iso.js';
import { localConverter } from '../../src/time/local-converter.js';
import { DAY } from '../../src/time/types.js';
import { buildZoneTable, localToInstant } from '../../src/time/zone.js';

const utc = Date.UTC;

describe('parseIsoInstant', () => {
  it('reads offsets, Z, seconds and milliseconds', () => {
    expect(parseIsoInstant('2026-12-02T12:00:00+01:00')).toBe(utc(2026, 11, 2, 11));
    expect(parseIsoInstant('2026-12-02T12:00+01:00')).toBe(utc(2026, 11, 2, 11));
    expect(parseIsoInstant('2026-12-02T11:00:00.5Z')).toBe(utc(2026, 11, 2, 11, 0, 0, 500));
    expect(parseIsoInstant('2026-12-02T11:00:00.123Z')).toBe(utc(2026, 11, 2, 11, 0, 0, 123));
    expect(parseIsoInstant('2026-12-02T07:15:00-03:45')).toBe(utc(2026, 11, 2, 11));
    expect(parseIsoInstant('1900-01-01T00:09:21+00:09:21')).toBe(utc(1900, 0, 1));
  });

  it('refuses what is not one instant', () => {
    for (const text of [
      '2026-12-02T12:00',
      '2026-02-30T12:00Z',
      '2026-12-02T12:00:60Z',
      '2026-12-02T12:00:00.1234Z',
      '2026-12-02T12:00+24:00',
      '2026-12-02 12:00Z',
    ])
      expect(parseIsoInstant(text), text).toBeUndefined();
  });
});

describe('parseLocalDateTimeSeconds', () => {
  it('reads minutes and optional seconds, and nothing else', () => {
    expect(parseLocalDateTimeSeconds('2026-12-02T12:00')).toBe(utc(2026, 11, 2, 12));
    expect(parseLocalDateTimeSeconds('2026-12-02T12:00:30')).toBe(utc(2026, 11, 2, 12, 0, 30));
    for (const text of [
      '2026-12-02T12:00:60',
      '2026-12-02T12:00Z',
      '2026-12-02T12:00:00.5',
      '2026-02-29T10:00',
    ])
      expect(parseLocalDateTimeSeconds(text), text).toBeUndefined();
  });
});

describe('localConverter', () => {
  it('agrees with one table over the span, for times scattered over centuries', () => {
    const near = fc.integer({ min: utc(2024, 0, 1), max: utc(2030, 0, 1) });
    const far = fc.integer({ min: utc(1900, 0, 1), max: utc(2200, 0, 1) });
    fc.assert(
      fc.property(fc.array(fc.oneof(near, near, far), { minLength: 1, maxLength: 20 }), (locals) => {
        const toInstant = localConverter('Europe/Paris', locals);
        for (const local of locals) {
          const table = buildZoneTable('Europe/Paris', local - DAY, local + DAY);
          expect(toInstant(local)).toBe(localToInstant(table, local));
        }
      }),
      { numRuns: 100 },
    );
  });
});
