import fc from 'fast-check';
import { expect, test } from 'vitest';
import { coachFeed } from '../../src/ical/feeds.js';
import type { Shift } from '../../src/rota/rota.js';
import { MINUTE } from '../../src/time/types.js';
import { dstTeam, parseFeed } from './support.js';

const team = dstTeam();
// Saturday 28 March 2026, 00:00Z: the spring-forward night is ~25 hours later; runs reach the autumn one too.
const origin = Date.UTC(2026, 2, 28);
const coachIds = ['a', 'b'];

/** A layer's shifts: consecutive, never overlapping, lengths and pauses in minutes, each shift given to a coach. */
const layer = (name: string) =>
  fc
    .array(
      fc.record({
        pause: fc.integer({ min: 0, max: 300_000 }),
        length: fc.integer({ min: 1, max: 900 }),
        coach: fc.constantFrom(...coachIds),
      }),
      {
        maxLength: 12,
      },
    )
    .map((steps) => {
      let t = origin;
      return steps.map(({ pause, length, coach }): Shift => {
        const start = t + pause * MINUTE;
        t = start + length * MINUTE;
        return { layer: name, coachId: coach, start, end: t };
      });
    });

const bookings = fc
  .array(
    fc.record({
      at: fc.integer({ min: 0, max: 300 * 24 * 60 }),
      length: fc.integer({ min: 15, max: 240 }),
      coach: fc.constantFrom(...coachIds),
    }),
    {
      maxLength: 8,
    },
  )
  .map((list) =>
    list.map((b, i) => ({
      requestId: `R-${i}`,
      coachId: b.coach,
      start: origin + b.at * MINUTE,
      end: origin + (b.at + b.length) * MINUTE,
    })),
  );

test("parsing a coach's feed gives back exactly that coach's shifts and calls (ical.js, both DST nights)", () => {
  fc.assert(
    fc.property(
      layer('primary'),
      layer('backup'),
      bookings,
      fc.constantFrom(...coachIds),
      fc.boolean(),
      (primary, backup, calls, id, utc) => {
        const from = origin;
        const to = origin + 400 * 24 * 60 * MINUTE;
        const { ics } = coachFeed(team, id, {
          now: origin,
          from,
          to,
          rota: { shifts: [...primary, ...backup] },
          calls,
          times: utc ? 'utc' : 'zoned',
        });
        const got = parseFeed(ics)
          .events.map((e) => `${e.start}-${e.end}-${e.transp === 'OPAQUE' ? 'call' : 'shift'}`)
          .sort();
        // Reference: the coach's own items overlapping the horizon, by a plain filter.
        const want = [
          ...[...primary, ...backup]
            .filter((s) => s.coachId === id && s.end > from && s.start < to)
            .map((s) => `${s.start}-${s.end}-shift`),
          ...calls
            .filter((c) => c.coachId === id && c.end > from && c.start < to)
            .map((c) => `${c.start}-${c.end}-call`),
        ].sort();
        expect(got).toEqual(want);
      },
    ),
    { numRuns: 150, seed: 20261202 },
  );
});
