/**
 * Swaps: two coaches exchange shifts, or one hands (part of) a shift to another. The result is validated and
 * returned as a new rota; the given rota is never changed, and a failed swap list changes nothing.
 *
 * @module
 */
import { issue, ValidationError, type ValidationIssue } from '../errors.js';
import { resolveTeam, type TeamInput } from '../model/resolve.js';
import type { Team } from '../model/team.js';
import { containsInterval, normalize } from '../time/intervals.js';
import { HOUR, type Instant } from '../time/types.js';
import type { ZoneTable } from '../time/zone.js';
import { coachFreeTime } from './availability.js';
import { weekBounds } from './grid.js';
import { zoneTablesFor } from './horizon.js';
import { summarizeRota } from './load.js';
import type { Rota, Shift } from './rota.js';

/** Names one shift of a rota: its layer, its coach and its start instant (UTC epoch ms). */
export interface ShiftRef {
  /** The shift's layer, by name. */
  readonly layer: string;
  /** The coach holding it now. */
  readonly coachId: string;
  /** Its start, UTC epoch ms, exactly as in the rota (`Shift.start`). */
  readonly start: Instant;
}

/** A change agreed between coaches. */
export type Swap =
  /** The two coaches exchange the two shifts. */
  | {
      /** Discriminant: an exchange. */
      readonly kind: 'exchange';
      /** One shift; its coach takes `second`. */
      readonly first: ShiftRef;
      /** The other shift, of another coach; its coach takes `first`. */
      readonly second: ShiftRef;
    }
  /** The shift's coach hands it, or its part `[start, end)`, to coach `to`. */
  | {
      /** Discriminant: a hand-over. */
      readonly kind: 'give';
      /** The shift given (or part of it). */
      readonly shift: ShiftRef;
      /** Id of the coach who takes it. */
      readonly to: string;
      /** Start of the part given (inclusive), UTC epoch ms, within the shift. @defaultValue the shift's start */
      readonly start?: Instant;
      /** End of the part given (exclusive), UTC epoch ms, after `start`, within the shift. @defaultValue the shift's end */
      readonly end?: Instant;
    };

/**
 * Applies swaps in order and returns the new rota, with load and quality recomputed. Each coach taking time must
 * be free for all of it (declared availability minus absences), must not hold another layer then, and must stay
 * within `maxHoursPerWeek`. Rest and stretch rules are generation policy and are not enforced on agreed swaps.
 *
 * @throws {@link ValidationError} listing every problem (unknown shifts or coaches, a taker not free, at cap, or
 * in two layers at once), with paths such as `swaps[1].to`; nothing is applied then.
 * @example
 * const next = applySwaps(team, rota, [
 *   { kind: 'give', shift: { layer: 'primary', coachId: 'amelie', start }, to: 'bastien' },
 * ]);
 */
export function applySwaps(teamInput: TeamInput, rota: Rota, swaps: readonly Swap[]): Rota {
  const team = resolveTeam(teamInput);
  if (!Array.isArray(swaps))
    throw new ValidationError([issue('swaps', swaps, 'is not a list', 'an array of swaps')]);
  const issues: ValidationIssue[] = [];
  const coachIds = new Set(team.coaches.map((c) => c.id));
  let shifts: Shift[] = [...rota.shifts];
  const taken: { coachId: string; start: number; end: number; path: (string | number)[] }[] = [];

  const find = (ref: unknown, path: (string | number)[]): Shift | undefined => {
    const r = (ref ?? {}) as Partial<ShiftRef>;
    const shift = shifts.find((s) => s.layer === r.layer && s.coachId === r.coachId && s.start === r.start);
    if (shift === undefined) {
      issues.push(
        issue(path, ref, 'names no shift of this rota', 'the layer, coachId and start of one of its shifts'),
      );
    }
    return shift;
  };
  const replace = (old: Shift, pieces: Shift[]) => {
    shifts = shifts.flatMap((s) => (s === old ? pieces : [s]));
  };

  swaps.forEach((swap, i) => {
    const path = ['swaps', i];
    if (swap?.kind === 'exchange') {
      const a = find(swap.first, [...path, 'first']);
      const b = find(swap.second, [...path, 'second']);
      if (a === undefined || b === undefined) return;
      if (a.coachId === b.coachId) {
        issues.push(
          issue(path, swap, 'exchanges two shifts of the same coach', 'shifts of two different coaches'),
        );
        return;
      }
      replace(a, [{ layer: a.layer, coachId: b.coachId, start: a.start, end: a.end }]);
      replace(b, [{ layer: b.layer, coachId: a.coachId, start: b.start, end: b.end }]);
      taken.push({ coachId: b.coachId, start: a.start, end: a.end, path: [...path, 'second'] });
      taken.push({ coachId: a.coachId, start: b.start, end: b.end, path: [...path, 'first'] });
    } else if (swap?.kind === 'give') {
      const s = find(swap.shift, [...path, 'shift']);
      if (typeof swap.to !== 'string' || !coachIds.has(swap.to)) {
        issues.push(issue([...path, 'to'], swap.to, 'is not a coach of the team', 'the id of a coach'));
        return;
      }
      if (s === undefined) return;
      const start = swap.start ?? s.start;
      const end = swap.end ?? s.end;
      if (
        !(
          typeof start === 'number' &&
          typeof end === 'number' &&
          s.start <= start &&
          start < end &&
          end <= s.end
        )
      ) {
        issues.push(
          issue(path, { start, end }, 'is not a part of the shift', `a span within [${s.start}, ${s.end})`),
        );
        return;
      }
      // What the giver keeps of an override stays an override; what is given is the taker's own shift.
      const kept = s.override ? { override: true as const } : {};
      const pieces: Shift[] = [
        { layer: s.layer, coachId: s.coachId, start: s.start, end: start, ...kept },
        { layer: s.layer, coachId: swap.to, start, end },
        { layer: s.layer, coachId: s.coachId, start: end, end: s.end, ...kept },
      ].filter((p) => p.start < p.end);
      replace(s, pieces);
      taken.push({ coachId: swap.to, start, end, path: [...path, 'to'] });
    } else {
      issues.push(issue([...path, 'kind'], swap?.kind, 'is not a kind of swap', 'exchange or give'));
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);

  const horizon = { from: rota.from, to: rota.to };
  const tables = zoneTablesFor(team, horizon);
  const free = team.coaches.map((c) => coachFreeTime(c, tables.get(c.timeZone)!, horizon));
  const index = new Map(team.coaches.map((c, i) => [c.id, i]));
  for (const t of taken) {
    if (!containsInterval(free[index.get(t.coachId)!]!, t.start, t.end)) {
      issues.push(
        issue(t.path, t.coachId, 'is not free for all of the shift taken', 'a coach free for all of it'),
      );
    }
  }
  checkTwoLayers(shifts, taken, issues);
  checkCaps(team, rota, tables.get(team.timeZone)!, shifts, taken, issues);
  if (issues.length > 0) throw new ValidationError(issues);

  const sorted = mergeAdjacent(shifts, rota.policy.layers);
  return summarizeRota(team, rota.policy, horizon, tables, free, sorted, rota.unfilled, rota.flags);
}

/** A taker must not hold another layer at the same time. */
function checkTwoLayers(
  shifts: readonly Shift[],
  taken: readonly { coachId: string; start: number; end: number; path: (string | number)[] }[],
  issues: ValidationIssue[],
): void {
  for (const t of taken) {
    const layers = new Set(
      shifts.filter((s) => s.coachId === t.coachId && s.start < t.end && s.end > t.start).map((s) => s.layer),
    );
    if (layers.size > 1) {
      issues.push(
        issue(t.path, t.coachId, 'would hold two layers at once', 'a coach in one layer at a time'),
      );
    }
  }
}

/** A taker must stay within `maxHoursPerWeek` in every local week (Monday 00:00, team zone) the swap touches. */
function checkCaps(
  team: Team,
  rota: Rota,
  table: ZoneTable,
  shifts: readonly Shift[],
  taken: readonly { coachId: string; start: number; end: number; path: (string | number)[] }[],
  issues: ValidationIssue[],
): void {
  const weeks = weekBounds(table, rota.from, rota.to);
  for (const t of taken) {
    const cap = team.coaches.find((c) => c.id === t.coachId)?.maxHoursPerWeek;
    if (cap === undefined) continue;
    const own = normalize(shifts.filter((s) => s.coachId === t.coachId).flatMap((s) => [s.start, s.end]));
    for (let w = 0; w + 1 < weeks.length; w++) {
      const [ws, we] = [weeks[w]!, weeks[w + 1]!];
      if (!(t.start < we && t.end > ws)) continue;
      let used = 0;
      for (let i = 0; i < own.length; i += 2)
        used += Math.max(0, Math.min(own[i + 1]!, we) - Math.max(own[i]!, ws));
      if (used > cap * HOUR) {
        issues.push(
          issue(
            t.path,
            t.coachId,
            `would be on call ${used / HOUR} h in a week`,
            `at most maxHoursPerWeek, ${cap} h`,
          ),
        );
      }
    }
  }
}

/** Sorted by start then layer order; a coach's back-to-back pieces in one layer become one shift again. */
function mergeAdjacent(shifts: readonly Shift[], layers: readonly string[]): Shift[] {
  const sorted = [...shifts].sort(
    (a, b) => a.start - b.start || layers.indexOf(a.layer) - layers.indexOf(b.layer),
  );
  const out: Shift[] = [];
  const lastByLayer = new Map<string, number>();
  for (const s of sorted) {
    const i = lastByLayer.get(s.layer);
    const prev = i === undefined ? undefined : out[i];
    if (
      prev !== undefined &&
      prev.coachId === s.coachId &&
      prev.end === s.start &&
      !prev.override &&
      !s.override
    ) {
      out[i!] = { ...prev, end: s.end };
    } else {
      lastByLayer.set(s.layer, out.length);
      out.push(s);
    }
  }
  return out;
}
