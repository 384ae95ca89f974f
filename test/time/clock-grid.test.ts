import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { clockGrid, localDayStarts } from '../../src/time/clock-grid.js';
import { DAY, HOUR, MINUTE } from '../../src/time/types.js';
import { buildZoneTable } from '../../src/time/zone.js';

const utc = Date.UTC;
const paris = buildZoneTable('Europe/Paris', utc(2026, 0, 1), utc(2028, 0, 1));

describe('clockGrid', () => {
  it('has every half hour of a winter day, at the local round times', () => {
    const grid = clockGrid(paris, utc(2026, 11, 1, 23), utc(2026, 11, 2, 23), 30);
    expect(grid.length).toBe(48);
    expect(grid[0]).toBe(utc(2026, 11, 1, 23)); // 00:00 CET
    expect(grid[1]).toBe(utc(2026, 11, 1, 23, 30));
  });

  it('lists both occurrences of the fall-back hour and none of the spring-forward hour', () => {
    // 2026-10-25 local 00:00 (22:00Z the day before) to 04:00 CET (03:00Z): 02:00 and 02:30 happen twice.
    const fall = clockGrid(paris, utc(2026, 9, 24, 22), utc(2026, 9, 25, 3), 30);
    expect(fall.length).toBe(10);
    expect([...fall].map((t) => (t - utc(2026, 9, 24, 22)) / MINUTE)).toEqual([
      0, 30, 60, 90, 120, 150, 180, 210, 240, 270,
    ]);
    // 2026-03-29 local 00:00 (23:00Z) to 04:00 CEST (02:00Z): 02:00 and 02:30 do not exist, 3 real hours.
    const spring = clockGrid(paris, utc(2026, 2, 28, 23), utc(2026, 2, 29, 2), 30);
    expect(spring.length).toBe(6);
  });

  it('follows zones whose offset is not a multiple of the step (Chatham +12:45, Kolkata +05:30)', () => {
    const chatham = buildZoneTable('Pacific/Chatham', utc(2026, 5, 1), utc(2026, 6, 1));
    const grid = clockGrid(chatham, utc(2026, 5, 10), utc(2026, 5, 11), 60);
    // Local whole hours are UTC :15.
    expect(grid.length).toBe(24);
    for (const t of grid) expect(new Date(t).getUTCMinutes()).toBe(15);
  });

  it('matches luxon: every instant of the grid reads a round local time, and none is missed', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: utc(2026, 0, 1), max: utc(2027, 11, 1) }),
        fc.constantFrom(15, 30, 60, 120),
        (zone, from, step) => {
          const table = buildZoneTable(zone, from, from + 3 * DAY);
          const to = from + 2 * DAY;
          const grid = new Set(clockGrid(table, from, to, step));
          // Brute force: every minute of the range, read by luxon.
          for (let t = Math.ceil(from / MINUTE) * MINUTE; t < to; t += MINUTE) {
            const local = DateTime.fromMillis(t, { zone });
            const onGrid = (local.hour * 60 + local.minute) % step === 0 && local.second === 0;
            if (onGrid !== grid.has(t)) return false;
          }
          return true;
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('localDayStarts', () => {
  it('gives local midnights, a 23-hour and a 25-hour day across DST', () => {
    const starts = localDayStarts(paris, utc(2026, 2, 28, 12), utc(2026, 2, 30, 12));
    expect([...starts]).toEqual([
      utc(2026, 2, 27, 23),
      utc(2026, 2, 28, 23),
      utc(2026, 2, 29, 22),
      utc(2026, 2, 30, 22),
    ]);
    expect((starts[2] as number) - (starts[1] as number)).toBe(23 * HOUR);
    const fall = localDayStarts(paris, utc(2026, 9, 25, 12), utc(2026, 9, 25, 13));
    expect((fall[1] as number) - (fall[0] as number)).toBe(25 * HOUR);
  });
});
