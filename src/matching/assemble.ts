/**
 * The plan put together from what was settled before matching and what the solver placed: every request once, the
 * calls sorted, each coach's load and the objective's figures.
 *
 * @internal
 * @module
 */
import type { CallbackRequest } from '../model/request.js';
import type { Team } from '../model/team.js';
import { type Instant, MINUTE } from '../time/types.js';
import type { Booking, CallbackPlan, CoachCallLoad, NotPlaced, PlacedCall } from './plan.js';
import type { Open } from './solver-input.js';

export function assemble(
  team: Team,
  requests: readonly CallbackRequest[],
  settled: ReadonlyMap<number, PlacedCall | NotPlaced>,
  bookings: readonly Booking[],
  fits: readonly Open[],
  now: Instant,
  proof: {
    readonly proven: boolean;
    readonly slack: { readonly beforeDeadline: number; readonly placed: number };
  },
  freeCoaches: readonly boolean[],
): CallbackPlan {
  const placed: PlacedCall[] = [];
  const unplaced: NotPlaced[] = [];
  requests.forEach((_, index) => {
    const entry = settled.get(index);
    if (entry === undefined) throw new Error('astreinte: a request was lost while planning'); // conservation
    if ('coachId' in entry) placed.push(entry);
    else unplaced.push(entry);
  });
  placed.sort((a, b) => a.start - b.start || (a.coachId < b.coachId ? -1 : a.coachId > b.coachId ? 1 : 0));
  const calls = new Map<string, { calls: number; minutes: number }>();
  const inFile = new Set(requests.map((r) => r.id));
  const count = (coachId: string, start: number, end: number) => {
    const load = calls.get(coachId) ?? { calls: 0, minutes: 0 };
    calls.set(coachId, { calls: load.calls + 1, minutes: load.minutes + (end - start) / MINUTE });
  };
  for (const p of placed) count(p.coachId, p.start, p.end);
  for (const b of bookings) if (!inFile.has(b.requestId) && b.start >= now) count(b.coachId, b.start, b.end);
  const load: CoachCallLoad[] = team.coaches.map((c) => ({
    coachId: c.id,
    calls: calls.get(c.id)?.calls ?? 0,
    minutes: calls.get(c.id)?.minutes ?? 0,
  }));
  const fresh = placed.filter((p) => p.booked === undefined);
  const placedBeforeDeadline = placed.filter((p) => p.beforeDeadline).length;
  const loaded = load.filter((_, c) => freeCoaches[c]).map((l) => l.calls);
  const preferredOf = new Map(fits.map((o) => [o.request.id, o.preferredCoach]));
  const possible = fits.filter((o) => o.preferredCoach >= 0);
  const kept = fresh.filter((p) => {
    const c = preferredOf.get(p.requestId);
    return c !== undefined && c >= 0 && team.coaches[c]?.id === p.coachId;
  }).length;
  return {
    now,
    placed,
    notPlaced: unplaced,
    load,
    figures: {
      requests: requests.length,
      placed: placed.length,
      notPlaced: unplaced.length,
      placedBeforeDeadline,
      placedAfterDeadline: placed.filter((p) => !p.beforeDeadline).length,
      meanMinutesFromNow:
        fresh.length === 0
          ? 0
          : Math.round((fresh.reduce((s, p) => s + (p.start - now), 0) / fresh.length / MINUTE) * 10) / 10,
      callSpread:
        loaded.length === 0
          ? 0
          : loaded.reduce((a, b) => Math.max(a, b)) - loaded.reduce((a, b) => Math.min(a, b)),
      continuity: { kept, possible: possible.length },
      proven: proof.proven,
      upperBound: {
        beforeDeadline: placedBeforeDeadline + proof.slack.beforeDeadline,
        placed: placed.length + proof.slack.placed,
      },
    },
  };
}
