/**
 * The teams and horizons of workload 11 (reports): the example team over December 2027, and the synthetic network
 * of 1,000 coaches over the year 2027.
 */
import { rotaTeam, YEAR } from './rota-teams.mjs';

/** December 2027 in Europe/Paris (local midnights: CET, UTC+1). */
export const DECEMBER = { from: Date.UTC(2027, 10, 30, 23), to: Date.UTC(2027, 11, 31, 23) };

/** `{ team (compiled), horizon }` of a case: `example-month` or `1000-year`. */
export function reportCase(which, lib) {
  if (which === 'example-month') return { team: lib.parseTeam(rotaTeam('example')), horizon: DECEMBER };
  if (which === '1000-year') return { team: lib.parseTeam(rotaTeam(1000)), horizon: YEAR };
  throw new Error(`unknown case ${which}`);
}
