/**
 * Many wall-clock times of one zone turned into instants with as few zone tables as possible: one table over the
 * span of all of them, split only where they leave a long stretch of time empty, so a file of a year of requests
 * costs one table (~1-2 ms), and one date mistyped centuries away costs a second small table, not a scan of the
 * centuries between.
 *
 * @module
 */
import { DAY, type Instant, type LocalDateTime } from './types.js';
import { buildZoneTable, localToInstant, type ZoneTable } from './zone.js';

/** Wall-clock times farther apart than this get tables of their own (a table costs ~1 `Intl` probe per week). */
const SPLIT_GAP = 60 * DAY;

/**
 * A converter for the given wall-clock times of `zone`, by the DST rules of {@link localToInstant}: a time in the
 * spring-forward gap moves past it, one in the fall-back overlap is its earlier occurrence.
 *
 * @param zone - IANA zone name (known to the runtime).
 * @param locals - every wall-clock time the converter will be asked about (any order, repeats allowed).
 * @returns the converter; asking it about a time far (more than a day) from all of `locals` throws a RangeError
 *   (a programming error, not bad input).
 * @example
 * const toInstant = localConverter('Europe/Paris', [Date.UTC(2026, 2, 29, 2, 30)]);
 * toInstant(Date.UTC(2026, 2, 29, 2, 30)) === Date.UTC(2026, 2, 29, 1) // 03:00 CEST, past the gap
 */
export function localConverter(
  zone: string,
  locals: Iterable<LocalDateTime>,
): (local: LocalDateTime) => Instant {
  const sorted = Float64Array.from(locals).sort();
  const firsts: number[] = [];
  const tables: ZoneTable[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) - (sorted[j] as number) <= SPLIT_GAP) j++;
    // A wall-clock time is within a day of its instant (offsets stay within ±14 h).
    tables.push(buildZoneTable(zone, (sorted[i] as number) - DAY, (sorted[j] as number) + DAY));
    firsts.push(sorted[i] as number);
    i = j + 1;
  }
  return (local) => {
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((firsts[mid] as number) <= local + DAY) lo = mid;
      else hi = mid - 1;
    }
    const table = tables[lo];
    if (table === undefined) throw new RangeError(`no zone table for local time ${local}`);
    return localToInstant(table, local);
  };
}
