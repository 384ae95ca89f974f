/**
 * Wall-clock calendar helpers on plain numbers: local dates as day numbers, times of day as minutes. Pure
 * arithmetic on the proleptic Gregorian calendar; nothing here knows about zones or reads the host's.
 *
 * @module
 */
import { DAY, type LocalDate, type LocalDateTime, MINUTE } from './types.js';

/**
 * RFC 5545 weekday codes, Monday first (ISO order): index `d` is the code of ISO weekday `d` as {@link weekdayOf}
 * numbers it, so index 0 is `MO` and 6 is `SU`.
 *
 * @example WEEKDAY_CODES[weekdayOf(0)] === 'TH' // 1970-01-01 was a Thursday
 */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** An RFC 5545 weekday code. */
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * Parses `YYYY-MM-DD` into a {@link LocalDate} (days since 1970-01-01), or `undefined` if it is not a real date
 * (2026-02-30 is refused, not rolled over).
 *
 * @example parseLocalDate('1970-01-02') === 1
 */
export function parseLocalDate(text: string): LocalDate | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  return fromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Parses `YYYY-MM-DDTHH:mm` into a {@link LocalDateTime}, or `undefined` if it is not a real date and time
 * (hours 00-23; `24:00` is not accepted here, write the next day's `00:00`).
 *
 * @example parseLocalDateTime('1970-01-01T01:00') === 3_600_000
 */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const m = DATE_TIME_RE.exec(text);
  if (!m) return undefined;
  const day = fromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  if (day === undefined || hour > 23 || minute > 59) return undefined;
  return day * DAY + (hour * 60 + minute) * MINUTE;
}

/**
 * Parses a time of day `HH:mm` into minutes since midnight, `00:00` to `24:00` inclusive (`24:00` = 1440, the end
 * of the day); `undefined` otherwise.
 *
 * @example parseTimeOfDay('19:30') === 1170; parseTimeOfDay('24:00') === 1440; parseTimeOfDay('25:00') === undefined
 */
export function parseTimeOfDay(text: string): number | undefined {
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) return undefined;
  return hour * 60 + minute;
}

/** Day number of a civil date, or `undefined` when the month or day is out of range. */
function fromCivil(year: number, month: number, day: number): LocalDate | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  // setUTCFullYear, unlike Date.UTC, reads years 0-99 literally (Date.UTC(50, ...) is 1950).
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  const ms = check.getTime();
  // Date.UTC rolls 02-30 over to 03-02; a real date survives the round trip.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return ms / DAY;
}

/**
 * ISO weekday of a local date: 0 = Monday ... 6 = Sunday.
 *
 * @example weekdayOf(0) === 3 // 1970-01-01 was a Thursday
 */
export function weekdayOf(day: LocalDate): number {
  // Day 0 was a Thursday (index 3); the double modulo keeps negative days right.
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday on or before `day`. */
export function mondayOf(day: LocalDate): LocalDate {
  return day - weekdayOf(day);
}

/**
 * The local date a local date-time falls on (floor division, right for times before 1970 too).
 *
 * @example dayOf(Date.UTC(1970, 0, 2, 23, 59)) === 1; dayOf(-1) === -1 // 1969-12-31T23:59:59.999
 */
export function dayOf(local: LocalDateTime): LocalDate {
  return Math.floor(local / DAY);
}

/**
 * Formats a local date as `YYYY-MM-DD`.
 *
 * @example formatLocalDate(0) === '1970-01-01'
 */
export function formatLocalDate(day: LocalDate): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/**
 * Formats a local date-time as `YYYY-MM-DDTHH:mm` (seconds are dropped; wall-clock values here are whole minutes).
 *
 * @example formatLocalDateTime(3_600_000) === '1970-01-01T01:00'
 */
export function formatLocalDateTime(local: LocalDateTime): string {
  return new Date(local).toISOString().slice(0, 16);
}
