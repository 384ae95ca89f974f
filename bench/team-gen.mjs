/**
 * Deterministic synthetic data: a seeded LCG and a national network's team file (the JSON object a user would load).
 */

/** Numerical Recipes LCG (mod 2^32), returning floats in [0, 1). Same seed, same sequence, on every machine. */
export function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const pad = (n) => String(n).padStart(2, '0');
const hhmm = (minutes) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
function isoDate(year, dayOfYear) {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

/**
 * A team of `coaches` volunteers in Europe/Paris, with realistic rules (2-5 each): weekday evening windows, some
 * crossing midnight, alternate weekends (`everyWeeks: 2`), a monthly RRULE for about one in five, a few one-off
 * dates, and one or two unavailable periods each. Rules and dates are spread over `year` (default 2027).
 */
export function makeTeam(coaches, { seed = 2027, year = 2027, minCoaches = 1 } = {}) {
  const rand = lcg(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
  const someDays = (from, count) => {
    const pool = DAYS.slice(from, from + 5);
    const chosen = new Set();
    while (chosen.size < count) chosen.add(pick(pool));
    return DAYS.filter((d) => chosen.has(d));
  };
  const list = [];
  for (let c = 0; c < coaches; c++) {
    const rules = [];
    const nRules = int(2, 5);
    // Always one weekday evening window: 18:00-20:30 start, 2-4 h long, sometimes to midnight.
    {
      const start = int(36, 41) * 30;
      const end = Math.min(start + int(4, 8) * 30, 24 * 60);
      rules.push({ days: someDays(0, int(1, 3)), from: hhmm(start), to: hhmm(end) });
    }
    while (rules.length < nRules) {
      const kind = rand();
      if (kind < 0.3) {
        // Night window crossing midnight: 22:00-23:30 to 01:00-07:00.
        rules.push({ days: someDays(0, int(1, 2)), from: hhmm(int(44, 47) * 30), to: hhmm(int(2, 14) * 30) });
      } else if (kind < 0.55) {
        // Alternate weekends, weeks counted from a Saturday before the horizon.
        const sat = pick(['2026-12-05', '2026-12-12']);
        rules.push({
          days: pick([['SA'], ['SU'], ['SA', 'SU']]),
          from: hhmm(int(16, 20) * 30),
          to: hhmm(int(34, 40) * 30),
          everyWeeks: 2,
          startDate: sat,
        });
      } else if (kind < 0.7) {
        rules.push({
          rrule: pick([
            'FREQ=MONTHLY;BYDAY=1SU',
            'FREQ=MONTHLY;BYDAY=2SA',
            'FREQ=MONTHLY;BYDAY=1SU,3SU',
            'FREQ=MONTHLY;BYMONTHDAY=15',
          ]),
          from: '10:00',
          to: pick(['14:00', '18:00']),
        });
      } else if (kind < 0.85) {
        // A one-off night shift.
        rules.push({ date: isoDate(year, int(0, 364)), from: '20:00', to: '08:00' });
      } else {
        // Daytime weekday window, bounded to part of the year.
        const startDay = int(0, 200);
        rules.push({
          days: someDays(0, int(1, 2)),
          from: hhmm(int(16, 24) * 30),
          to: hhmm(int(26, 34) * 30),
          startDate: isoDate(year, startDay),
          endDate: isoDate(year, startDay + int(30, 160)),
        });
      }
    }
    const unavailable = [];
    const nAway = int(1, 2);
    for (let u = 0; u < nAway; u++) {
      const d = int(0, 340);
      if (rand() < 0.8)
        unavailable.push({ from: isoDate(year, d), to: isoDate(year, d + int(3, 20)), reason: 'holidays' });
      else unavailable.push({ from: `${isoDate(year, d)}T18:00`, to: `${isoDate(year, d + 1)}T08:00` });
    }
    list.push({
      id: `coach-${String(c).padStart(4, '0')}`,
      name: `Coach ${c}`,
      availability: rules,
      unavailable,
    });
  }
  return {
    name: `Synthetic network (${coaches} coaches)`,
    timeZone: 'Europe/Paris',
    coverage: { minCoaches },
    coaches: list,
  };
}

/** Horizons in Europe/Paris local midnights: March 2027 (with the spring DST change) and the year 2027. */
export const HORIZONS = {
  month: { from: Date.UTC(2027, 1, 28, 23), to: Date.UTC(2027, 2, 31, 22) },
  year: { from: Date.UTC(2026, 11, 31, 23), to: Date.UTC(2027, 11, 31, 23) },
};
