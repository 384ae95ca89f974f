/**
 * The schedule's open bits (src/matching/solver/schedule.ts, free-coaches.ts) are a filter only: on random
 * problems and schedules built by random placements and removals, the coaches `forEachOpenCoach` visits that can
 * take a call are exactly those `forEachFreeCoach` visits that can.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/matching/solver/context.js';
import { forEachFreeCoach, forEachOpenCoach } from '../../src/matching/solver/free-coaches.js';
import { canTake, emptySchedule, place, unplace } from '../../src/matching/solver/schedule.js';
import { problemArb } from './solver-arb.js';

describe('open bits', () => {
  it('never hide a coach that can take the call', () => {
    fc.assert(
      fc.property(problemArb, fc.array(fc.nat(), { maxLength: 40 }), (p, moves) => {
        const ctx = buildContext(p);
        const s = emptySchedule(ctx);
        const check = () => {
          for (let r = 0; r < p.requests.length; r++)
            for (let k = ctx.startOff[r] as number; k < (ctx.startOff[r + 1] as number); k++) {
              const i = ctx.startIdx[k] as number;
              const g = p.grid[i] as number;
              const a: number[] = [];
              const b: number[] = [];
              forEachFreeCoach(ctx, r, i, (c) => {
                if (canTake(ctx, s, r, c, g)) a.push(c);
                return false;
              });
              forEachOpenCoach(ctx, s, r, i, (c) => {
                if (canTake(ctx, s, r, c, g)) b.push(c);
                return false;
              });
              expect(b.sort((x, y) => x - y)).toEqual(a.sort((x, y) => x - y));
            }
        };
        for (const m of moves) {
          const r = m % p.requests.length;
          if ((s.coach[r] as number) >= 0) unplace(ctx, s, r);
          else {
            const k0 = ctx.startOff[r] as number;
            const n = (ctx.startOff[r + 1] as number) - k0;
            if (n === 0) continue;
            const i = ctx.startIdx[k0 + ((m >> 3) % n)] as number;
            const g = p.grid[i] as number;
            forEachFreeCoach(ctx, r, i, (c) => {
              if (!canTake(ctx, s, r, c, g)) return false;
              place(ctx, s, r, c, g);
              return true;
            });
          }
        }
        check();
      }),
      { numRuns: 300 },
    );
  });
});
