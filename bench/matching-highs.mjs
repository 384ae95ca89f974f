/**
 * The same matching problem as a 0-1 program for HiGHS (CPLEX LP format), with the same candidate calls as the
 * solver (windows, free time, bookings, caps) and the lexicographic objective of (1) then (2) as weights:
 * maximise (n + 1) * onTime + placed. Constraints: each request at most once; per coach, at every candidate start
 * instant p, at most one call whose busy span [start, end + buffer) holds p (the maximal cliques of an interval
 * graph all contain some interval's start, so this forbids exactly the conflicting pairs); per coach-day, at most
 * the cap minus the bookings.
 */

const dayOf = (dayStarts, t) => {
  let lo = 0;
  let hi = dayStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dayStarts[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(Math.max(1, dayStarts.length - 1) - 1, Math.max(0, lo - 1));
};

/** Every candidate call allowed by windows, free time, bookings and caps: { r, c, start, onTime }. */
export function listCalls(p) {
  const calls = [];
  const bookedPerDay = p.coaches.map((c) => {
    const m = new Map();
    for (let k = 0; k < c.booked.length; k += 2) {
      const d = dayOf(c.dayStarts, c.booked[k]);
      m.set(d, (m.get(d) ?? 0) + 1);
    }
    return m;
  });
  p.requests.forEach((req, r) => {
    const allowed = req.coaches ? Array.from(req.coaches) : p.coaches.map((_, c) => c);
    for (let w = 0; w < req.windows.length; w += 2) {
      for (const g of p.grid) {
        const end = g + req.duration;
        if (g < req.windows[w] || end > req.windows[w + 1]) continue;
        for (const c of allowed) {
          const coach = p.coaches[c];
          let inFree = false;
          for (let f = 0; f < coach.free.length; f += 2)
            if (coach.free[f] <= g && end <= coach.free[f + 1]) inFree = true;
          if (!inFree) continue;
          let clear = true;
          for (let k = 0; k < coach.booked.length; k += 2)
            if (g < coach.booked[k + 1] + p.buffer && coach.booked[k] < end + p.buffer) clear = false;
          if (!clear) continue;
          if ((bookedPerDay[c].get(dayOf(coach.dayStarts, g)) ?? 0) >= p.dailyCap) continue;
          calls.push({ r, c, start: g, busy: end + p.buffer, onTime: g < req.deadline });
        }
      }
    }
  });
  return { calls, bookedPerDay };
}

/** The CPLEX LP text of the problem and the calls behind its variables x0, x1, ... */
export function buildLp(p) {
  const { calls, bookedPerDay } = listCalls(p);
  const scale = p.requests.length + 1;
  const obj = calls.map((x, i) => `${x.onTime ? scale + 1 : 1} x${i}`);
  const rows = [];
  const byReq = new Map();
  const byCoach = new Map();
  const byDay = new Map();
  calls.forEach((x, i) => {
    if (!byReq.has(x.r)) byReq.set(x.r, []);
    byReq.get(x.r).push(i);
    if (!byCoach.has(x.c)) byCoach.set(x.c, []);
    byCoach.get(x.c).push(i);
    const key = `${x.c}_${dayOf(p.coaches[x.c].dayStarts, x.start)}`;
    if (!byDay.has(key)) byDay.set(key, []);
    byDay.get(key).push(i);
  });
  for (const ids of byReq.values())
    if (ids.length > 1) rows.push(`${ids.map((i) => `x${i}`).join(' + ')} <= 1`);
  for (const ids of byCoach.values()) {
    const points = [...new Set(ids.map((i) => calls[i].start))];
    for (const pt of points) {
      const inside = ids.filter((i) => calls[i].start <= pt && pt < calls[i].busy);
      if (inside.length > 1) rows.push(`${inside.map((i) => `x${i}`).join(' + ')} <= 1`);
    }
  }
  for (const [key, ids] of byDay) {
    const [c, d] = key.split('_').map(Number);
    const room = p.dailyCap - (bookedPerDay[c].get(d) ?? 0);
    if (ids.length > room) rows.push(`${ids.map((i) => `x${i}`).join(' + ')} <= ${room}`);
  }
  // LP format wants lines of bounded length: break long sums.
  const wrap = (s) => s.replace(/((?:\S+ ){40})/g, '$1\n ');
  const lp = [
    'Maximize',
    ` obj: ${wrap(obj.join(' + ') || '0 x0')}`,
    'Subject To',
    ...rows.map((row, k) => ` c${k}: ${wrap(row)}`),
    'Binary',
    ...calls.map((_, i) => ` x${i}`),
    'End',
  ].join('\n');
  return { lp, calls };
}

/** Solves with HiGHS; returns the (onTime, placed) of its optimum and its status. */
export function solveHighs(highs, built, options = {}) {
  const sol = highs.solve(built.lp, { output_flag: false, mip_rel_gap: 0, ...options });
  let onTime = 0;
  let placed = 0;
  built.calls.forEach((x, i) => {
    if ((sol.Columns[`x${i}`]?.Primal ?? 0) > 0.5) {
      placed++;
      if (x.onTime) onTime++;
    }
  });
  return { status: sol.Status, onTime, placed };
}
