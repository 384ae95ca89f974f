/**
 * Date-times as files write them: ISO 8601 instants that say their offset, and local date-times with optional
 * seconds. Pure text-to-number parsing on the proleptic Gregorian calendar: nothing here reads the host's zone or
 * parses strings with `Date`, so the same text gives the same number everywhere (browser-safe).
 *
 * @module
 */
import { parseLocalDateTime } from './local.js';
import type { Instant, LocalDateTime } from './types.js';

/** `2026-12-01T19:00:00+01:00`, `...T19:00+01:00`, `...T18:00:00.000Z`: a date-time that says its offset. */
const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/;

/** `2026-12-01T19:00` or `2026-12-01T19:00:30`: a wall-clock date-time, no offset, no fraction. */
const LOCAL_WITH_SECONDS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2}))?$/;

/**
 * The instant an ISO 8601 date-time with offset denotes, or `undefined` when it is not one (no offset, or a date
 * that does not exist). Seconds and fractions (to the millisecond) are optional; offsets with seconds
 * (`+00:09:21`, as printed for old local mean times) are read too.
 *
 * @example parseIsoInstant('2026-12-02T12:00:00+01:00') === Date.UTC(2026, 11, 2, 11)
 * @example parseIsoInstant('2026-12-02T12:00') === undefined // no offset: a local time, see parseLocalDateTimeSeconds
 */
export function parseIsoInstant(text: string): Instant | undefined {
  const m = ISO_INSTANT.exec(text);
  if (m === null) return undefined;
  const local = parseLocalDateTime(m[1] as string);
  const seconds = Number(m[2] ?? 0);
  if (local === undefined || seconds > 59 || Number(m[5] ?? 0) > 23 || Number(m[6] ?? 0) > 59)
    return undefined;
  const sign = m[4] === '-' ? -1 : 1;
  const offset = sign * (Number(m[5] ?? 0) * 3600 + Number(m[6] ?? 0) * 60 + Number(m[7] ?? 0)) * 1000;
  return local + seconds * 1000 + Number((m[3] ?? '').padEnd(3, '0')) - offset;
}

/**
 * Parses a wall-clock date-time `YYYY-MM-DDTHH:mm`, seconds optional (`...THH:mm:ss`), into a
 * {@link LocalDateTime}; `undefined` when it is not one (a date or time that does not exist, an offset, a fraction).
 *
 * @example parseLocalDateTimeSeconds('1970-01-01T01:00:30') === 3_630_000
 */
export function parseLocalDateTimeSeconds(text: string): LocalDateTime | undefined {
  const m = LOCAL_WITH_SECONDS.exec(text);
  if (m === null) return undefined;
  const local = parseLocalDateTime(m[1] as string);
  const seconds = Number(m[2] ?? 0);
  return local === undefined || seconds > 59 ? undefined : local + seconds * 1000;
}
