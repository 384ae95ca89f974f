/**
 * The horizon every capability works over, validated once: `[from, to)` in UTC epoch ms, at most five years, and
 * the zone tables it needs.
 *
 * @module
 */
import { issue, ValidationError, type ValidationIssue } from '../errors.js';
import type { Team } from '../model/team.js';
import { DAY, type Instant } from '../time/types.js';
import { buildZoneTable, type ZoneTable } from '../time/zone.js';

/** A span of time to compute over: `[from, to)`, UTC epoch milliseconds. */
export interface Horizon {
  /** Start (inclusive), UTC epoch ms. */
  readonly from: Instant;
  /** End (exclusive), UTC epoch ms; after `from`, at most {@link MAX_HORIZON_MS} later. */
  readonly to: Instant;
}

/**
 * Longest horizon accepted, in ms: five years of 366 days (1,830 days). Longer requests are refused with a
 * `ValidationError` on `to`, not slowly computed.
 *
 * @example computeCoverage(team, { from, to: Math.min(to, from + MAX_HORIZON_MS) });
 */
export const MAX_HORIZON_MS = 5 * 366 * DAY;
/** Most rule-days (rules x days, summed over coaches) one call may expand before it is refused as enormous. */
export const MAX_RULE_DAYS = 50_000_000;

/**
 * Checks a horizon: finite numbers, `from < to`, at most {@link MAX_HORIZON_MS}, and not enormous for this team.
 *
 * @throws {@link ValidationError} naming `from` / `to` and what was expected.
 */
export function checkHorizon(team: Team, horizon: Horizon): Horizon {
  const issues: ValidationIssue[] = [];
  const { from, to } = horizon ?? ({} as Partial<Horizon>);
  if (typeof from !== 'number' || !Number.isFinite(from)) {
    issues.push(issue('from', from, 'is not an instant', 'finite UTC epoch milliseconds'));
  }
  if (typeof to !== 'number' || !Number.isFinite(to)) {
    issues.push(issue('to', to, 'is not an instant', 'finite UTC epoch milliseconds'));
  }
  if (issues.length === 0) {
    const span = (to as number) - (from as number);
    if (span <= 0) issues.push(issue('to', to, 'is not after from', `an instant after ${from}`));
    else if (span > MAX_HORIZON_MS) {
      issues.push(
        issue('to', to, 'makes the horizon longer than five years', 'a horizon of at most 1,830 days'),
      );
    } else {
      const ruleDays = (span / DAY + 2) * team.coaches.reduce((sum, c) => sum + c.availability.length, 0);
      if (ruleDays > MAX_RULE_DAYS) {
        issues.push(
          issue(
            'to',
            to,
            `would expand ${Math.round(ruleDays)} rule-days`,
            'at most 50,000,000: a shorter horizon',
          ),
        );
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { from: from as number, to: to as number };
}

/**
 * One zone table per distinct zone of the team (its own and its coaches'), built for the horizon. Tables are made
 * per call and never cached globally: no shared mutable state.
 */
export function zoneTablesFor(team: Team, horizon: Horizon): ReadonlyMap<string, ZoneTable> {
  const tables = new Map<string, ZoneTable>();
  for (const zone of [team.timeZone, ...team.coaches.map((c) => c.timeZone)]) {
    if (!tables.has(zone)) tables.set(zone, buildZoneTable(zone, horizon.from, horizon.to));
  }
  return tables;
}
