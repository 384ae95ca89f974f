/**
 * The hand-off grid: the instants at which shifts may change hands, from local wall-clock times, by the DST rules
 * (so the 00:00-04:00 block of the spring-forward night lasts three hours).
 *
 * @module
 */
import { dayOf, weekdayOf } from '../time/local.js';
import { DAY, type Instant, MINUTE } from '../time/types.js';
import { instantToLocal, localToInstantCursor, type ZoneTable } from '../time/zone.js';

/**
 * Instants in `(from, to)` where the local clock reads one of `minutes` (minutes after midnight), ascending and
 * unique (a time in a DST gap maps to the end of the gap; two times mapping to one instant give it once).
 *
 * @example localTimesBetween(paris, from, to, [0, 720]) // every local midnight and noon in the horizon
 */
export function localTimesBetween(
  table: ZoneTable,
  from: Instant,
  to: Instant,
  minutes: readonly number[],
): number[] {
  const out: number[] = [];
  const toInstant = localToInstantCursor(table);
  const first = dayOf(instantToLocal(table, from));
  const last = dayOf(instantToLocal(table, to - 1));
  for (let day = first; day <= last; day++) {
    for (const minute of minutes) {
      const t = toInstant(day * DAY + minute * MINUTE);
      if (t > from && t < to && t !== out[out.length - 1]) out.push(t);
    }
  }
  return out;
}

/**
 * The local Mondays 00:00 strictly inside `(from, to)`: where weekly caps start again.
 *
 * @example localMondaysBetween(paris, from, to) // [Mon 00:00 local, next Mon 00:00 local, ...] as instants
 */
export function localMondaysBetween(table: ZoneTable, from: Instant, to: Instant): number[] {
  return localTimesBetween(table, from, to, [0]).filter(
    (t) => weekdayOf(dayOf(instantToLocal(table, t))) === 0,
  );
}

/** `[from, ...local Mondays inside, to]`: the bounds of the (partial) local weeks of a horizon. */
export function weekBounds(table: ZoneTable, from: Instant, to: Instant): number[] {
  return [from, ...localMondaysBetween(table, from, to), to];
}
