/**
 * What the runtime's `Intl` knows about IANA zones: whether a name is one, and a zone's UTC offset at an instant.
 * This is the only place that asks `Intl`; `zone.ts` turns the answers into tables once per call, so nothing here
 * runs in an inner loop.
 *
 * Written over `Intl.DateTimeFormat` directly rather than through luxon's `IANAZone` (which does the same): luxon
 * would cost a front end 22 KB gzip for these few lines.
 *
 * @internal
 * @module
 */
/**
 * Formatters by zone name (`undefined` for a name `Intl` refuses). Building one costs ~20 µs, so each zone's is built
 * once per process: a memo of immutable objects, invisible to callers (same answers with or without it).
 */
const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

function formatterOf(zone: string): Intl.DateTimeFormat | undefined {
  if (formatters.has(zone)) return formatters.get(zone);
  let formatter: Intl.DateTimeFormat | undefined;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    formatter = undefined; // RangeError: not a zone this runtime knows
  }
  formatters.set(zone, formatter);
  return formatter;
}

/** `true` when `Intl` accepts `zone` as a time zone name (IANA names, also `UTC`; fixed offsets are for the caller to refuse). */
export function intlKnowsZone(zone: string): boolean {
  return formatterOf(zone) !== undefined;
}

/**
 * Offset of `zone` at instant `t`, in ms (local - UTC), to the second (zones' early local mean times have seconds).
 *
 * @throws RangeError if `zone` is unknown (check with {@link intlKnowsZone} first).
 */
export function intlOffset(zone: string, t: number): number {
  const formatter = formatterOf(zone);
  if (formatter === undefined) throw new RangeError(`unknown time zone ${zone}`);
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let beforeCommonEra = false;
  for (const part of formatter.formatToParts(t)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24; // some engines print midnight as 24 even with h23
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        beforeCommonEra = part.value === 'BC' || part.value === 'B';
        break;
    }
  }
  if (beforeCommonEra) year = 1 - year;
  // setUTCFullYear, unlike Date.UTC, reads years 0-99 literally (Date.UTC(50, ...) is 1950).
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second);
  const wholeSecond = t - (((t % 1000) + 1000) % 1000);
  return wall.getTime() - wholeSecond;
}
