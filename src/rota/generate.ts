/**
 * Generating the rota: the public entry. It validates the inputs, computes each coach's free time, runs the
 * assignment (`assign.ts`, where the algorithm is described) and summarizes load and quality (`load.ts`).
 *
 * @module
 */
import { resolveTeam, type TeamInput } from '../model/resolve.js';
import { intersect, totalLength } from '../time/intervals.js';
import { HOUR } from '../time/types.js';
import { coachFreeTime } from './availability.js';
import { checkHorizon, zoneTablesFor } from './horizon.js';
import { summarizeRota } from './load.js';
import { resolvePolicy } from './policy.js';
import type { Rota, RotaFlag, RotaOptions, Shift, UnfilledSpan } from './rota.js';
import { checkOverrides, readPrevious } from './rota-inputs.js';

const _NONE = -1;

/**
 * Generates the on-call rota of a team over `[from, to)`.
 *
 * Hard constraints, never broken silently: a coach is on call only when free (declared availability minus
 * absences), never in two layers at once, within `maxHoursPerWeek` (local weeks, Monday 00:00), within the longest
 * stretch and after the minimum rest of the policy, and with the skills a layer requires. Where they leave a layer
 * empty the result says so in `unfilled`, with the reason. Overrides win (and are flagged when the coach declared
 * no availability); with `previous`, every previous assignment still valid is kept, and so are
 * each coach's published breaks (a stretch taken up inside a published run counts from its start). Same input,
 * same output.
 *
 * @throws {@link ValidationError} for a bad team, horizon, policy, overrides or previous rota.
 * @example
 * const rota = generateRota(team, { from, to, policy: { handOffTimes: ['08:00', '20:00'] } });
 * rota.shifts.filter((s) => s.layer === 'primary');
 * rota.load.map((l) => [l.coachId, l.totalHours, l.fairShareHours]);
 */
export function generateRota(teamInput: TeamInput, options: RotaOptions): Rota {
  const team = resolveTeam(teamInput);
  const horizon = checkHorizon(team, options);
  const policy = resolvePolicy(options.policy);
  const overrides = checkOverrides(options.overrides, team, policy, horizon);
  const previous = readPrevious(options.previous, team, policy);
  const tables = zoneTablesFor(team, horizon);
  const cache = new Map<string, number[]>();
  const free = team.coaches.map((coach) => coachFreeTime(coach, tables.get(coach.timeZone)!, horizon, cache));
  const teamTable = tables.get(team.timeZone)!;
  const plan = assign(team.coaches.length, free, overrides, previous, policy, horizon, teamTable, {
    capMs: team.coaches.map((c) =>
      c.maxHoursPerWeek === undefined ? Number.POSITIVE_INFINITY : c.maxHoursPerWeek * HOUR,
    ),
    weight: team.coaches.map((c) => c.weight),
    skills: team.coaches.map((c) => c.skills),
  });
  const ids = team.coaches.map((c) => c.id);
  const shifts: Shift[] = plan.shifts.map((s) => ({
    layer: policy.layers[s.layer]!,
    coachId: ids[s.coach]!,
    start: s.start,
    end: s.end,
    ...(s.override ? { override: true as const } : {}),
  }));
  const unfilled: UnfilledSpan[] = plan.unfilled.map((u) => ({
    layer: policy.layers[u.layer]!,
    start: u.start,
    end: u.end,
    reason: u.reason,
  }));
  const flags: RotaFlag[] = overrides.flatMap((o) => {
    const own = Float64Array.of(o.start, o.end);
    const outside = o.end - o.start - totalLength(intersect(own, free[o.coach]!));
    return outside > 0
      ? [
          {
            kind: 'override-outside-availability' as const,
            override: o.index,
            coachId: ids[o.coach]!,
            layer: policy.layers[o.layer]!,
            minutesOutside: outside / 60_000,
          },
        ]
      : [];
  });
  return summarizeRota(team, policy, horizon, tables, free, shifts, unfilled, flags, plan.windowFree);
}

import { assign } from './assign.js';
