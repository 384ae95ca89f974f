/**
 * Instants as text for people and files: ISO 8601 with the zone's offset at that instant. An edge: never called
 * from inner loops.
 *
 * @module
 */
import { formatLocalDateTime } from './local.js';
import type { Instant } from './types.js';
import { offsetAt, type ZoneTable } from './zone.js';

/**
 * ISO 8601 local date-time with its offset, to the second: `2026-12-01T19:00:00+01:00` (`Z` is never used, so
 * readers always see the local time).
 *
 * @example formatInstant(paris, Date.UTC(2026, 11, 1, 18)) === '2026-12-01T19:00:00+01:00'
 */
export function formatInstant(table: ZoneTable, t: Instant): string {
  const offset = offsetAt(table, t);
  const local = new Date(t + offset).toISOString().slice(0, 19);
  return `${local}${formatOffset(offset)}`;
}

/**
 * Wall-clock time at `t` as `YYYY-MM-DD HH:mm`, for text meant for people.
 *
 * @example formatLocal(paris, Date.UTC(2026, 11, 1, 18)) === '2026-12-01 19:00'
 */
export function formatLocal(table: ZoneTable, t: Instant): string {
  return formatLocalDateTime(t + offsetAt(table, t)).replace('T', ' ');
}

/**
 * Formats an offset (local - UTC, in ms) as ISO 8601 `±HH:mm`: `+01:00`, `-04:00`, `+05:45`. Zero is `+00:00`,
 * never `Z`. Offsets with seconds (pre-1900 local mean time) keep them: `+00:09:21`.
 *
 * @example formatOffset(3_600_000) === '+01:00'; formatOffset(-16_200_000) === '-04:30'
 */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(offsetMs) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round(total % 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(h)}:${pad(m)}${s === 0 ? '' : `:${pad(s)}`}`;
}
