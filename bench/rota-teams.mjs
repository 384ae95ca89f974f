/**
 * The teams of workload 5 (rota): the synthetic national network of `team-gen.mjs` at 7, 100 and 1,000 coaches, and
 * the example team (`examples/ca-va-patron.json`, 7 coaches with weekly caps and a weight) moved into 2027.
 */
import { readFileSync } from 'node:fs';
import { HORIZONS, makeTeam } from './team-gen.mjs';

/** The year 2027 in Europe/Paris (local midnights). */
export const YEAR = HORIZONS.year;

const SHIFT_DAYS = 364; // 52 weeks: same weekdays, same alternate-week phase

function shiftDate(text) {
  // 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm', moved SHIFT_DAYS later.
  const [date, time] = text.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(y, m - 1, d + SHIFT_DAYS)).toISOString().slice(0, 10);
  return time === undefined ? moved : `${moved}T${time}`;
}

/**
 * The example file with its one-off dates and its absences moved 52 weeks later (December 2026 → December 2027,
 * same weekdays). Recurring rules are unchanged: they start in December 2026 and run through 2027 (one ends on
 * 2027-03-31).
 */
export function exampleTeam2027() {
  const file = JSON.parse(readFileSync(new URL('../examples/ca-va-patron.json', import.meta.url), 'utf8'));
  delete file.$schema;
  for (const coach of file.coaches) {
    coach.availability = coach.availability.map((r) => (r.date ? { ...r, date: shiftDate(r.date) } : r));
    coach.unavailable = (coach.unavailable ?? []).map((u) => ({
      ...u,
      from: shiftDate(u.from),
      to: shiftDate(u.to),
    }));
  }
  return file;
}

/** `'example'` or a number of coaches. */
export function rotaTeam(which) {
  return which === 'example' ? exampleTeam2027() : makeTeam(Number(which));
}
