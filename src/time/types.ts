/**
 * The time vocabulary of `astreinte`. Instants are UTC epoch milliseconds; wall-clock time is a separate type so the
 * two are never mixed by accident, and only {@link localToInstant} (in `zone.ts`) turns one into the other.
 *
 * @module
 */

/** A point in time: milliseconds since 1970-01-01T00:00:00Z (UTC). Never a local time. */
export type Instant = number;

/**
 * A wall-clock date-time with no zone, encoded as the milliseconds it would be if the wall clock were UTC
 * (so `LocalDateTime` 2026-03-29 02:30 is `Date.UTC(2026, 2, 29, 2, 30)`). Arithmetic on it is calendar arithmetic.
 */
export type LocalDateTime = number;

/** A wall-clock calendar date: days since 1970-01-01 (an integer; may be negative). */
export type LocalDate = number;

/** A half-open span of time `[start, end)` in UTC epoch milliseconds; `start < end` in every value we return. */
export interface Interval {
  /** First instant of the span (inclusive), UTC epoch ms. */
  readonly start: Instant;
  /** First instant after the span (exclusive), UTC epoch ms: `end - start` is the span's length in ms. */
  readonly end: Instant;
}

/**
 * Milliseconds in one minute.
 *
 * @example const end = start + 90 * MINUTE; // a 90-minute call
 */
export const MINUTE = 60_000;
/**
 * Milliseconds in one hour: a span of real elapsed time, the same on every night of the year.
 *
 * @example (shift.end - shift.start) / HOUR // the shift's length in hours
 */
export const HOUR = 3_600_000;
/**
 * Milliseconds in one calendar day of wall-clock time (a real day across DST can be 23 or 25 hours): use it on
 * {@link LocalDateTime} and {@link LocalDate} values, not to step between instants.
 *
 * @example const local: LocalDateTime = day * DAY + 19 * HOUR; // 19:00 on local date `day`
 */
export const DAY = 86_400_000;
/** Milliseconds in seven calendar days (a real week across DST can be an hour shorter or longer). */
export const WEEK = 7 * DAY;
