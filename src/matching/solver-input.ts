/**
 * From requests, team and bookings to the exact solver's numeric problem: which open requests can hold a call on
 * the clock grid at all, and each coach's free (or on-call) time, bookings and local days.
 *
 * @internal
 * @module
 */
import type { CallbackRequest } from '../model/request.js';
import type { Team } from '../model/team.js';
import { coachFreeTime } from '../rota/availability.js';
import type { Shift } from '../rota/rota.js';
import { localDayStarts } from '../time/clock-grid.js';
import { clip, emptySet, type IntervalSet, normalize } from '../time/intervals.js';
import { DAY, type Instant, MINUTE } from '../time/types.js';
import { buildZoneTable, type ZoneTable } from '../time/zone.js';
import type { Booking } from './plan.js';
import type { MatchingPolicy } from './policy.js';
import type { MatchingProblem, SolverRequest } from './solver/index.js';
import { lowerBound } from './solver/search.js';

/** What the solver does not need to see: the requests settled before matching, and the open ones' data. */
export interface Open {
  readonly index: number;
  readonly request: CallbackRequest;
  readonly windows: IntervalSet;
  readonly deadline: Instant;
  readonly attempt: number;
  readonly preferredCoach: number;
}

/** Some grid instant `g` has `[g, g + duration)` inside one window. */
export function holdsACall(grid: Float64Array, windows: IntervalSet, duration: number): boolean {
  for (let i = 0; i < windows.length; i += 2) {
    const g = grid[lowerBound(grid, windows[i] as number, 0, grid.length)];
    if (g !== undefined && g + duration <= (windows[i + 1] as number)) return true;
  }
  return false;
}

export function buildProblem(
  team: Team,
  policy: MatchingPolicy,
  rota: { readonly shifts: readonly Shift[] } | undefined,
  bookings: readonly Booking[],
  grid: Float64Array,
  fits: readonly Open[],
  now: Instant,
  horizonEnd: Instant,
  teamTable: ZoneTable,
): MatchingProblem {
  const horizon = { from: now, to: horizonEnd };
  const tables = new Map<string, ZoneTable>([[team.timeZone, teamTable]]);
  const tableOf = (zone: string) => {
    let table = tables.get(zone);
    if (table === undefined) {
      table = buildZoneTable(zone, now - 2 * DAY, horizonEnd + DAY);
      tables.set(zone, table);
    }
    return table;
  };
  const onCall =
    policy.eligible === 'on-call' ? onCallTime(team, rota?.shifts ?? [], policy, horizon) : undefined;
  const cache = new Map();
  // Bookings count in their day's cap, so take those of the day before `now` too.
  const booked = team.coaches.map(() => [] as number[]);
  const coachIndex = new Map(team.coaches.map((c, i) => [c.id, i]));
  for (const b of [...bookings].sort((x, y) => x.start - y.start)) {
    if (b.end > now - DAY && b.start < horizonEnd + DAY)
      booked[coachIndex.get(b.coachId) as number]?.push(b.start, b.end);
  }
  const coaches = team.coaches.map((coach, c) => {
    const table = tableOf(coach.timeZone);
    return {
      free: onCall?.[c] ?? coachFreeTime(coach, table, horizon, cache),
      booked: Float64Array.from(booked[c] ?? []),
      dayStarts: localDayStarts(table, now - DAY, horizonEnd),
    };
  });
  const requests: SolverRequest[] = fits.map((o) => ({
    windows: o.windows,
    duration: o.request.durationMinutes * MINUTE,
    deadline: o.deadline,
    preferredCoach: o.preferredCoach,
  }));
  return { grid, buffer: policy.bufferMs, dailyCap: policy.maxCallsPerDay, coaches, requests };
}

/** Each coach's time on call in the chosen layers, within the horizon. */
export function onCallTime(
  team: Team,
  shifts: readonly Shift[],
  policy: MatchingPolicy,
  horizon: { from: Instant; to: Instant },
): IntervalSet[] {
  const pairs = team.coaches.map(() => [] as number[]);
  const index = new Map(team.coaches.map((c, i) => [c.id, i]));
  for (const s of shifts) {
    if (policy.layers !== undefined && !policy.layers.includes(s.layer)) continue;
    const c = index.get(s.coachId);
    if (c !== undefined) pairs[c]?.push(s.start, s.end);
  }
  return pairs.map((p) => (p.length === 0 ? emptySet() : clip(normalize(p), horizon.from, horizon.to)));
}
