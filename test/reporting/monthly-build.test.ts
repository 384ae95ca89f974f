import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRequests, parseTeam } from '../../src/index.js';
import { buildMonthlyReview, monthlyReviewToJson } from '../../src/reporting/index.js';

const team = parseTeam(JSON.parse(readFileSync('examples/ca-va-patron.json', 'utf8')));

/** `n` requests to the coaches by SMS in March 2027, received on `day` at `time` (Paris), first contact after `wait` min. */
function requests(
  spec: readonly { day: string; time: string; n: number; door?: string; channel?: string; wait?: number }[],
) {
  let id = 0;
  const out: unknown[] = [];
  for (const s of spec) {
    for (let i = 0; i < s.n; i++) {
      const received = `${s.day}T${s.time}:00+0${s.day >= '2027-03-28' ? 2 : 1}:00`;
      const at = new Date(Date.parse(received) + (s.wait ?? 60) * 60_000).toISOString();
      out.push({
        id: `R-2027-${String(++id).padStart(4, '0')}`,
        receivedAt: received,
        door: s.door ?? 'coaches',
        channel: s.channel ?? 'sms',
        topic: 'wellbeing',
        callbackWindows: s.door === 'cci' ? [] : [{ start: `${s.day}T19:00`, end: `${s.day}T21:00` }],
        firstContactAt: at,
      });
    }
  }
  return parseRequests(out, team);
}

describe('the monthly review', () => {
  it('reads the month as a local calendar month, DST change inside (2027-03: 743 hours)', () => {
    const review = buildMonthlyReview(team, [], { month: '2027-03' });
    // Paris: 2027-03-01 00:00 CET = 02-28 23:00Z; 2027-04-01 00:00 CEST = 03-31 22:00Z; 31 x 24 - 1 = 743 h.
    expect(review.from).toBe(Date.UTC(2027, 1, 28, 23));
    expect(review.to).toBe(Date.UTC(2027, 2, 31, 22));
    expect((review.to - review.from) / 3_600_000).toBe(743);
    // 1 March 2027 is a Monday: the weeks of 1, 8, 15, 22 and 29 March.
    expect(review.weeks.length).toBe(5);
  });

  it('counts by week and door, hides small counts, and shows median and p90 from at least k requests', () => {
    // Week of 1 March: 6 SMS; week of 8 March: 2 SMS; week of 29 March (after the DST change): 7 e-mails; and
    // 3 CCI phone calls on 2 March. Requests of 28 February and 1 April are outside the month.
    const list = requests([
      { day: '2027-03-01', time: '00:10', n: 6, wait: 30 },
      { day: '2027-03-09', time: '12:00', n: 2, wait: 90 },
      { day: '2027-03-29', time: '08:00', n: 7, channel: 'email', wait: 120 },
      { day: '2027-03-02', time: '10:00', n: 3, door: 'cci', channel: 'phone', wait: 600 },
      { day: '2027-02-28', time: '23:50', n: 4 },
      { day: '2027-04-01', time: '00:00', n: 4 },
    ]);
    const review = buildMonthlyReview(team, list, { month: '2027-03' });
    const j = monthlyReviewToJson(review);
    // Weeks: 6 + 3 (CCI, 2 March) = 9; 2 (<5); 0; 0; 7, hidden with it (smallest non-zero): 18 - 9 = 9 = a + b
    // with a in 1..4 and b >= 5 leaves a anywhere in 1..4.
    expect(j.byWeek.counts).toEqual([9, '<5', 0, 0, 'x']);
    expect(j.byWeek.total).toBe(18);
    // Door x channel: coaches sms 8, email 7; cci phone 3 (<5), whose row total is 3 too.
    // Door x channel: coaches sms 8, email 7; cci phone 3 (<5), alone in its row and its column, so its row and
    // column totals are 3 (<5) too. Then 18 - 15 would give it away: the coaches' total goes, then sms or email
    // (8 + 7 = 15), then their column totals (each equal to its one cell), then the grand total (Σ of columns).
    // Only zeros stay: complementary suppression can cost a whole small table, by design.
    expect(j.doorChannel.cells).toEqual([
      ['x', 'x', 0, 0],
      [0, 0, '<5', 0],
    ]);
    expect(j.doorChannel.rowTotals).toEqual(['x', '<5']);
    expect(j.doorChannel.columnTotals).toEqual(['x', 'x', '<5', 0]);
    expect(j.doorChannel.total).toBe('x');
    // 18 delays (minutes): 6 x 30, 2 x 90, 7 x 120, 3 x 600; nearest rank: median = 9th = 120, p90 = 17th = 600.
    expect(j.firstContact).toEqual({ count: 18, medianMinutes: 120, p90Minutes: 600 });
  });

  it('shows no median or p90 below k requests', () => {
    const review = buildMonthlyReview(team, requests([{ day: '2027-03-03', time: '10:00', n: 4 }]), {
      month: '2027-03',
    });
    const j = monthlyReviewToJson(review);
    expect(j.firstContact).toEqual({ count: '<5' });
    expect(j.doorChannel.total).toBe('<5');
  });

  it('refuses a bad month or k, listing both', () => {
    expect(() => buildMonthlyReview(team, [], { month: '2027-3', k: 1 })).toThrow(/month[\s\S]*k/);
  });
});
