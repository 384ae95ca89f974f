/**
 * An independent reference for the matching solver's tests: the constraints checked straight from their
 * definitions, and an exhaustive search over every assignment (for instances of a handful of requests).
 * Shares no code with src/matching.
 */
import type { MatchingProblem } from '../../src/matching/solver/index.js';

export const MIN = 60_000;

/** Every call request `r` could have alone, ignoring bookings, caps and other calls: [coach, start] pairs. */
export function freeCalls(p: MatchingProblem, r: number): [number, number][] {
  const req = p.requests[r]!;
  const out: [number, number][] = [];
  p.coaches.forEach((coach, c) => {
    if (req.coaches && !Array.from(req.coaches).includes(c)) return;
    for (const g of p.grid) {
      const end = g + req.duration;
      let inWindow = false;
      for (let w = 0; w < req.windows.length; w += 2)
        if (req.windows[w]! <= g && end <= req.windows[w + 1]!) inWindow = true;
      let inFree = false;
      for (let f = 0; f < coach.free.length; f += 2)
        if (coach.free[f]! <= g && end <= coach.free[f + 1]!) inFree = true;
      if (inWindow && inFree) out.push([c, g]);
    }
  });
  return out;
}

function dayOf(dayStarts: Float64Array, t: number): number {
  let d = 0;
  for (let i = 0; i + 1 < dayStarts.length - 1; i++) if (dayStarts[i + 1]! <= t) d = i + 1;
  return d;
}

/** Lists every broken constraint of an answer (empty when it is feasible). */
export function violations(p: MatchingProblem, coach: Int32Array, start: Float64Array): string[] {
  const bad: string[] = [];
  const perCoach: [number, number, string][][] = p.coaches.map((c) => {
    const list: [number, number, string][] = [];
    for (let k = 0; k < c.booked.length; k += 2) list.push([c.booked[k]!, c.booked[k + 1]!, 'booked']);
    return list;
  });
  p.requests.forEach((req, r) => {
    const c = coach[r]!;
    if (c < 0) return;
    const g = start[r]!;
    if (!freeCalls(p, r).some(([cc, gg]) => cc === c && gg === g))
      bad.push(`request ${r}: call outside windows/free`);
    perCoach[c]!.push([g, g + req.duration, `request ${r}`]);
  });
  perCoach.forEach((list, c) => {
    list.sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!];
        if (b[0] < a[1] + p.buffer && a[0] < b[1] + p.buffer)
          bad.push(`coach ${c}: ${a[2]} and ${b[2]} too close`);
      }
    const perDay = new Map<number, number>();
    for (const [s] of list) {
      const d = dayOf(p.coaches[c]!.dayStarts, s);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    for (const [d, n] of perDay) if (n > p.dailyCap) bad.push(`coach ${c}: ${n} calls on day ${d}`);
  });
  return bad;
}

/** The lexicographic optimum (on time, placed) by enumerating every assignment. */
export function bruteForce(p: MatchingProblem): { onTime: number; placed: number } {
  const options = p.requests.map((_, r) => freeCalls(p, r));
  const coach = new Int32Array(p.requests.length).fill(-1);
  const start = new Float64Array(p.requests.length).fill(Number.NaN);
  let best = { onTime: -1, placed: -1 };
  const go = (r: number, onTime: number, placed: number) => {
    if (r === p.requests.length) {
      if (onTime > best.onTime || (onTime === best.onTime && placed > best.placed)) best = { onTime, placed };
      return;
    }
    go(r + 1, onTime, placed);
    for (const [c, g] of options[r]!) {
      coach[r] = c;
      start[r] = g;
      if (violations(p, coach, start).length === 0)
        go(r + 1, onTime + (g < p.requests[r]!.deadline ? 1 : 0), placed + 1);
      coach[r] = -1;
      start[r] = Number.NaN;
    }
  };
  go(0, 0, 0);
  return best;
}
