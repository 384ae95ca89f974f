/**
 * The SLA policies of a team, compiled: the promise of each door (how long until first contact, on which clock),
 * with the defaults of the team file's optional `sla` key resolved once, here.
 *
 * @module
 */
import type { Door } from '../model/request.js';
import type { Team } from '../model/team.js';
import { HOUR, type LocalDate } from '../time/types.js';

/** Opening hours on some weekdays: `[startMinute, endMinute)` of each such local day, wall-clock in the team's zone. */
export interface OpeningHours {
  /** Bitmask of weekdays, bit 0 = Monday ... bit 6 = Sunday. */
  readonly weekdays: number;
  /** Minutes after local midnight, 0-1439. */
  readonly startMinute: number;
  /** Minutes after local midnight, after `startMinute`, at most 1440 (24:00). */
  readonly endMinute: number;
}

/** Local dates the door is closed, inclusive `[from, to]` (one date: `from === to`). */
export interface Closure {
  /** First closed local date (inclusive). */
  readonly from: LocalDate;
  /** Last closed local date (inclusive, unlike the half-open intervals elsewhere). */
  readonly to: LocalDate;
}

/** Whose public holidays close the door: an ISO 3166 country, optionally one of its regions (`FR`, `57`). */
export interface HolidayRegion {
  /** ISO 3166-1 alpha-2 country code, such as `FR`. */
  readonly country: string;
  /** A region of the country as the holiday data names it, such as `57` (Moselle); absent: the national holidays only. */
  readonly region?: string;
}

/** Which time counts: every real millisecond (`elapsed`), or only opening hours (`business`). */
export type SlaClock = 'elapsed' | 'business';

/** The promise of one door. */
export interface DoorSla {
  /** First contact within this much clock time, ms. @defaultValue 24 h (coaches), 8 h (cci) */
  readonly firstContactWithinMs: number;
  /** @defaultValue `elapsed` (coaches), `business` (cci) */
  readonly clock: SlaClock;
  /** An open request with less clock time than this left is `at-risk`, ms. @defaultValue 4 h (coaches), 2 h (cci) */
  readonly atRiskMs: number;
  /** The clock starts at the first callback window when it starts after receipt. @defaultValue true (coaches), false (cci) */
  readonly startAtFirstWindow: boolean;
  /** Sorted by start within a day, never overlapping. Counted only on the `business` clock. */
  readonly openingHours: readonly OpeningHours[];
  /** Public holidays that close the door (business clock only). @defaultValue FR for cci, none for coaches */
  readonly holidays?: HolidayRegion;
  /** Extra closed local dates (business clock only). @defaultValue [] */
  readonly closures: readonly Closure[];
}

/** The SLA policy of a team: one promise per door. */
export interface SlaPolicy {
  /** The promise of the coaches' door. */
  readonly coaches: DoorSla;
  /** The promise of the CCI's door. */
  readonly cci: DoorSla;
}

const WEEKDAYS = 0b0011111;

/** The defaults of issue 7, section 1 (the chamber's hours: Monday to Friday 08:30-12:00 and 13:30-17:30). */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  coaches: {
    firstContactWithinMs: 24 * HOUR,
    clock: 'elapsed',
    atRiskMs: 4 * HOUR,
    startAtFirstWindow: true,
    openingHours: [],
    closures: [],
  },
  cci: {
    firstContactWithinMs: 8 * HOUR,
    clock: 'business',
    atRiskMs: 2 * HOUR,
    startAtFirstWindow: false,
    openingHours: [
      { weekdays: WEEKDAYS, startMinute: 8 * 60 + 30, endMinute: 12 * 60 },
      { weekdays: WEEKDAYS, startMinute: 13 * 60 + 30, endMinute: 17 * 60 + 30 },
    ],
    holidays: { country: 'FR' },
    closures: [],
  },
};

/**
 * The team's SLA policy: its `sla` key compiled, or {@link DEFAULT_SLA_POLICY} when the file has none.
 *
 * @example teamSlaPolicy(team).coaches.firstContactWithinMs === 24 * HOUR
 */
export function teamSlaPolicy(team: Team): SlaPolicy {
  return team.sla ?? DEFAULT_SLA_POLICY;
}

/**
 * The promise of `door` in the team's policy.
 *
 * @example doorSla(team, 'cci').clock // 'business' unless the team file says otherwise
 */
export function doorSla(team: Team, door: Door): DoorSla {
  return teamSlaPolicy(team)[door];
}
