/**
 * Checks the rota's own inputs besides the team: overrides and the previous rota. Bad input gets the same
 * path-naming error list as the team file; nothing is half applied.
 *
 * @module
 */
import { issue, type PathSegment, ValidationError, type ValidationIssue } from '../errors.js';
import type { Team } from '../model/team.js';
import type { Horizon } from './horizon.js';
import type { RotaPolicy } from './policy.js';
import type { Override, Shift } from './rota.js';

/** An override with its coach and layer as indexes, for the generator. */
export interface IndexedOverride {
  readonly index: number;
  readonly layer: number;
  readonly coach: number;
  readonly start: number;
  readonly end: number;
}

/** A previous shift with indexes; shifts of coaches or layers that no longer exist are dropped (regenerated). */
export interface IndexedShift {
  readonly layer: number;
  readonly coach: number;
  readonly start: number;
  readonly end: number;
}

function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Checks one `{ layer, coachId, start, end }` record's shape, pushing issues under `path`. */
function checkSpanShape(raw: unknown, path: readonly PathSegment[], issues: ValidationIssue[]): boolean {
  if (typeof raw !== 'object' || raw === null) {
    issues.push(issue(path, raw, 'is not a shift', 'an object { layer, coachId, start, end }'));
    return false;
  }
  const r = raw as Record<string, unknown>;
  let ok = true;
  for (const key of ['layer', 'coachId'] as const) {
    if (typeof r[key] !== 'string') {
      issues.push(issue([...path, key], r[key], 'is not a name', 'a string'));
      ok = false;
    }
  }
  for (const key of ['start', 'end'] as const) {
    if (!isInstant(r[key])) {
      issues.push(issue([...path, key], r[key], 'is not an instant', 'finite UTC epoch milliseconds'));
      ok = false;
    }
  }
  if (ok && !((r.end as number) > (r.start as number))) {
    issues.push(issue([...path, 'end'], r.end, 'is not after start', `an instant after ${r.start}`));
    ok = false;
  }
  return ok;
}

/**
 * Validates overrides: known coach and layer, `start < end`, inside the horizon, no two overlapping on one layer,
 * no coach in two layers at once.
 *
 * @throws {@link ValidationError} listing every problem (`overrides[2].coachId: "zoe" is not a coach of the team ...`).
 */
export function checkOverrides(
  overrides: readonly Override[] | undefined,
  team: Team,
  policy: RotaPolicy,
  horizon: Horizon,
): IndexedOverride[] {
  if (overrides === undefined) return [];
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(overrides)) {
    throw new ValidationError([issue('overrides', overrides, 'is not a list', 'an array of overrides')]);
  }
  const coachIndex = new Map(team.coaches.map((c, i) => [c.id, i]));
  const out: IndexedOverride[] = [];
  overrides.forEach((raw, i) => {
    const path = ['overrides', i];
    if (!checkSpanShape(raw, path, issues)) return;
    const coach = coachIndex.get(raw.coachId);
    const layer = policy.layers.indexOf(raw.layer);
    if (coach === undefined) {
      issues.push(
        issue([...path, 'coachId'], raw.coachId, 'is not a coach of the team', 'the id of a coach'),
      );
    }
    if (layer < 0) {
      issues.push(
        issue([...path, 'layer'], raw.layer, 'is not a layer', `one of ${policy.layers.join(', ')}`),
      );
    }
    if (raw.start < horizon.from || raw.end > horizon.to) {
      issues.push(
        issue(
          path,
          { start: raw.start, end: raw.end },
          'falls outside the horizon',
          `a span within [${horizon.from}, ${horizon.to})`,
        ),
      );
    }
    if (coach !== undefined && layer >= 0)
      out.push({ index: i, layer, coach, start: raw.start, end: raw.end });
  });
  // Pairwise clashes: same layer, or same coach, at overlapping times.
  const sorted = [...out].sort((a, b) => a.start - b.start || a.index - b.index);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.start < a.end; j++) {
      const b = sorted[j]!;
      const [first, second] = a.index < b.index ? [a, b] : [b, a];
      if (a.layer === b.layer) {
        issues.push(
          issue(
            ['overrides', second.index],
            overrides[second.index],
            `overlaps overrides[${first.index}] on the same layer`,
            'overrides of one layer that do not overlap',
          ),
        );
      } else if (a.coach === b.coach) {
        issues.push(
          issue(
            ['overrides', second.index],
            overrides[second.index],
            `puts the coach in two layers at once with overrides[${first.index}]`,
            'a coach in one layer at a time',
          ),
        );
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return out;
}

/**
 * Reads the previous rota's shifts. Malformed shifts are errors; shifts of coaches or layers that no longer exist
 * are dropped, since they can no longer be valid.
 *
 * @throws {@link ValidationError} for a malformed previous rota.
 */
export function readPrevious(
  previous: { readonly shifts: readonly Shift[] } | readonly Shift[] | undefined,
  team: Team,
  policy: RotaPolicy,
): IndexedShift[] {
  if (previous === undefined) return [];
  const shifts = Array.isArray(previous) ? previous : (previous as { shifts?: unknown }).shifts;
  if (!Array.isArray(shifts)) {
    throw new ValidationError([
      issue('previous', previous, 'is not a rota', 'a rota, or an array of shifts'),
    ]);
  }
  const issues: ValidationIssue[] = [];
  const coachIndex = new Map(team.coaches.map((c, i) => [c.id, i]));
  const out: IndexedShift[] = [];
  shifts.forEach((raw: Shift, i) => {
    if (!checkSpanShape(raw, ['previous', 'shifts', i], issues)) return;
    const coach = coachIndex.get(raw.coachId);
    const layer = policy.layers.indexOf(raw.layer);
    if (coach !== undefined && layer >= 0) out.push({ layer, coach, start: raw.start, end: raw.end });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return out.sort((a, b) => a.layer - b.layer || a.start - b.start);
}
