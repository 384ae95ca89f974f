/**
 * The team, as the engine works with it: the team file validated and compiled into plain readonly data with
 * wall-clock values as numbers (see `src/time/types.ts`). Produced only by {@link parseTeam} / {@link safeParseTeam}
 * in `parse.ts`; every capability takes a `Team`.
 *
 * @module
 */

import type { IntakePolicy } from '../intake/policy.js';
import type { SlaPolicy } from '../sla/policy.js';
import type { AvailabilityRule } from '../time/recurrence.js';
import type { LocalDateTime } from '../time/types.js';

/** A span of wall-clock time a coach is away, half-open `[start, end)` in the coach's zone. Wins over availability. */
export interface UnavailableSpan {
  /** First wall-clock instant away (a whole-day entry starts at local midnight). */
  readonly start: LocalDateTime;
  /** End (exclusive): a whole-day entry ends at the local midnight after its last day. */
  readonly end: LocalDateTime;
}

/** One volunteer coach, compiled. */
export interface Coach {
  /** Unique within the team; used in rotas, feeds and reports. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** IANA zone the coach's wall-clock times are in: the coach's own `timeZone`, else the team's. */
  readonly timeZone: string;
  /** When the coach declared they are free, in `timeZone`. */
  readonly availability: readonly AvailabilityRule[];
  /** When the coach is away, in `timeZone`; wins over every availability rule. */
  readonly unavailable: readonly UnavailableSpan[];
  /** Cap on on-call hours per week (used by the rota); absent means no cap. */
  readonly maxHoursPerWeek?: number;
  /** Relative share of load the coach is willing to carry (used by the rota). @defaultValue 1 */
  readonly weight: number;
  /** Skills the coach has (used by the rota for layers that require some). @defaultValue [] */
  readonly skills: readonly string[];
}

/** Coverage policy of the team. */
export interface CoveragePolicy {
  /** Fewer coaches free than this is a gap; exactly this many is fragile. @defaultValue 1 */
  readonly minCoaches: number;
}

/** A validated, compiled team. */
export interface Team {
  /** The team's display name, as in the file. */
  readonly name: string;
  /** IANA zone of the team: where its local dates (horizons, reports) are read. */
  readonly timeZone: string;
  /** How many coaches must be free at every instant. */
  readonly coverage: CoveragePolicy;
  /** The coaches, in file order, with their rules compiled. */
  readonly coaches: readonly Coach[];
  /** The service-level promises of each door (the file's `sla` key); absent: `DEFAULT_SLA_POLICY` (see `teamSlaPolicy`). */
  readonly sla?: SlaPolicy;
  /** The file's `intake` key, resolved: what the callers' words mean. Absent when the file has none. */
  readonly intake?: IntakePolicy;
}
