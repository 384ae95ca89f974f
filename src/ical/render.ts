/**
 * Writing a feed's events as iCalendar text with ical-generator. Two of its paths are avoided on purpose: a
 * calendar-level time zone name (it drops the `Z` of `DTSTAMP`, `CREATED` and `LAST-MODIFIED`), and `Date` values
 * with a time zone (it reads them in the host's zone). Instead each event carries its `TZID`, its times are given as
 * wall-clock values computed by our own zone table, and the calendar's lines (with the `VTIMEZONE` of
 * timezones-ical-library) and the folding are written here.
 *
 * @module
 */
import ical, {
  ICalAlarmType,
  type ICalCalendar,
  type ICalDateTimeValue,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { fail } from '../errors.js';
import { DAY, type Instant, type LocalDateTime } from '../time/types.js';
import { buildZoneTable, instantToLocal, localToInstant, type ZoneTable } from '../time/zone.js';
import type { PublishedEvent } from './state.js';

/** An event to write: as published, plus what is not kept in the state. */
export interface RenderEvent extends PublishedEvent {
  /** Absent for cancelled events (nothing more is said about them). */
  readonly description?: string;
  /** A display reminder this many minutes before the start; `null` for none. */
  readonly alarmMinutes: number | null;
}

/** The calendar around the events. */
export interface RenderCalendar {
  /** Plain text; escaped here (ical-generator writes `NAME` and `X-WR-CALNAME` unescaped). */
  readonly name: string;
  /** `null` for UTC times. */
  readonly zone: string | null;
  readonly refreshMinutes: number;
  /** The zone's table and VTIMEZONE, used when it is `zone` and covers every event. */
  readonly sharedZone?: FeedZone | undefined;
}

const PROD_ID = '//astreinte//feeds//FR';

/**
 * The `VTIMEZONE` of `zone` from timezones-ical-library, CRLF line ends, no trailing newline.
 *
 * @throws {@link index!ValidationError} when the library has no block for the zone (then `times: 'utc'` is the way out).
 *
 * @example vtimezone('Europe/Paris').split('\r\n')[1] === 'TZID:Europe/Paris'
 */
export function vtimezone(zone: string): string {
  const block = tzlib_get_ical_block(zone);
  const text = Array.isArray(block) ? block[0] : undefined;
  if (typeof text !== 'string' || !text.startsWith('BEGIN:VTIMEZONE')) {
    return fail(
      'timeZone',
      zone,
      'has no VTIMEZONE in timezones-ical-library',
      `a canonical IANA zone, or times: 'utc'`,
    );
  }
  return text;
}

/**
 * Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks.
 *
 * @example escapeText('Rappel; a, b\nc') === 'Rappel\\; a\\, b\\nc'
 */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Writes the calendar. Events are written in the order given, each by ical-generator's `ICalEvent`; the calendar's
 * own lines and the folding are ours: ical-generator's folder allocates a `TextEncoder` per character (about half
 * the time of a feed), and it writes `NAME` unescaped.
 */
export function renderCalendar(calendar: RenderCalendar, events: readonly RenderEvent[]): string {
  // No time zone on the calendar: DTSTAMP, CREATED and LAST-MODIFIED keep their Z.
  const cal: ICalCalendar = ical({ prodId: PROD_ID });
  const zone = calendar.zone === null ? null : zoneFor(calendar.zone, events, calendar.sharedZone);
  const table = zone?.table ?? null;
  let body = '';
  let anyZoned = false;
  for (const e of events) {
    const zoned = table !== null && unambiguous(table, e.start) && unambiguous(table, e.end);
    anyZoned ||= zoned;
    const event = cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: new Date(e.modifiedAt),
      created: new Date(e.createdAt),
      lastModified: new Date(e.modifiedAt),
      start: zoned ? wallTime(table, e.start) : new Date(e.start),
      end: zoned ? wallTime(table, e.end) : new Date(e.end),
      timezone: zoned ? table.zone : null,
      summary: e.summary,
      ...(e.description === undefined ? {} : { description: e.description }),
      transparency: e.transparent ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      alarms:
        e.alarmMinutes === null || e.status === 'cancelled'
          ? []
          : [{ type: ICalAlarmType.display, trigger: e.alarmMinutes * 60, description: e.summary }],
    });
    body += event.toString();
  }
  const name = escapeText(calendar.name);
  const ttl = durationText(calendar.refreshMinutes);
  const head =
    `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-${PROD_ID}\r\nNAME:${name}\r\nX-WR-CALNAME:${name}\r\n` +
    (anyZoned && zone !== null ? `${zone.vtimezone}\r\n` : '') +
    `REFRESH-INTERVAL;VALUE=DURATION:${ttl}\r\nX-PUBLISHED-TTL:${ttl}\r\n`;
  return foldLines(`${head}${body}END:VCALENDAR\r\n`);
}

/**
 * A whole number of minutes as an RFC 5545 duration: `PT1H`, `PT1H30M`, `P1D`, `P1DT2H`.
 *
 * @example durationText(90) === 'PT1H30M'
 * @example durationText(1560) === 'P1DT2H' // 0 gives 'PT0M'
 */
export function durationText(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const time = `${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}`;
  return `P${d > 0 ? `${d}D` : ''}${time === '' ? (d > 0 ? '' : 'T0M') : `T${time}`}`;
}

/**
 * Folds content lines at 75 octets (RFC 5545 3.1): a continuation line starts with one space, and a break never
 * falls inside a UTF-8 character (a surrogate pair counts as its four octets). Lines are CRLF-terminated.
 *
 * @example foldLines(`SUMMARY:${'é'.repeat(40)}\r\n`) // 'SUMMARY:' + 33 é, CRLF, space, 7 é, CRLF
 */
export function foldLines(text: string): string {
  const lines = text.split('\r\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // At most 3 octets per UTF-16 unit (4 per pair of units): 25 units always fit.
    if (line.length > 25 && utf8Length(line) > 75) lines[i] = foldLine(line);
  }
  return lines.join('\r\n');
}

/** UTF-8 octets of `line` as `TextEncoder` writes it (a lone surrogate becomes U+FFFD, 3 octets). */
function utf8Length(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; ) {
    const size = charSize(line, i);
    n += size;
    i += size === 4 ? 2 : 1;
  }
  return n;
}

/** Octets of the character at `i`: 1-3, or 4 for a surrogate pair (which takes two units). */
function charSize(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = line.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 4;
  }
  return 3;
}

function foldLine(line: string): string {
  let out = '';
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const size = charSize(line, i);
    if (octets + size > 75) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = 1; // the leading space
    }
    octets += size;
    i += size === 4 ? 2 : 1;
  }
  return out + line.slice(start);
}

/** A zone's offset table and its `VTIMEZONE`, built once and shared by many feeds (see `FeedOptions.sharedZone`). */
export interface FeedZone {
  /** The zone's offset table over the range, to convert instants to local time. */
  readonly table: ZoneTable;
  /** The `VTIMEZONE` block, CRLF line ends (from {@link vtimezone}). */
  readonly vtimezone: string;
}

/**
 * The offset table of `zone` over `[from, to)` and its `VTIMEZONE`, for {@link FeedOptions.sharedZone}.
 *
 * @throws {@link index!ValidationError} for an unknown zone, or one timezones-ical-library lacks.
 * @example const sharedZone = feedZone(team.timeZone, from - DAY, to + DAY); coachFeed(team, id, { ..., sharedZone });
 */
export function feedZone(zone: string, from: Instant, to: Instant): FeedZone {
  const block = vtimezone(zone); // fail early, before any event is written
  return { table: buildZoneTable(zone, from, to), vtimezone: block };
}

function zoneFor(zone: string, events: readonly RenderEvent[], given: FeedZone | undefined): FeedZone {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    if (e.start < first) first = e.start;
    if (e.end > last) last = e.end;
  }
  const t = given?.table;
  if (t !== undefined && t.zone === zone && (first > last || (t.validFrom <= first && last < t.validTo)))
    return given as FeedZone;
  return first < last ? feedZone(zone, first, last + 1) : feedZone(zone, 0, DAY);
}

/** `true` when the wall-clock time at `t` names `t` alone (not a time of a fall-back hour that happens twice). */
function unambiguous(table: ZoneTable, t: Instant): boolean {
  return localToInstant(table, instantToLocal(table, t)) === t;
}

/**
 * A wall-clock time in the shape ical-generator takes for a `Temporal.ZonedDateTime` (duck-typed: it only reads
 * these fields), so it prints our own local time rather than reading a `Date` in the host's zone.
 */
function wallTime(table: ZoneTable, t: Instant): ICalDateTimeValue {
  const f = civil(instantToLocal(table, t));
  const plain = { ...f, toZonedDateTime: unsupported, toPlainDate: unsupported };
  const zoned = {
    ...f,
    timeZoneId: table.zone,
    toPlainDateTime: () => plain,
    withTimeZone: () => zoned,
    toInstant: () => ({ epochMilliseconds: t }),
  };
  return zoned as unknown as ICalDateTimeValue;
}

function unsupported(): never {
  throw new Error('astreinte: unexpected conversion of a wall-clock time');
}

interface Civil {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Calendar fields of a wall-clock time (days-to-civil, Howard Hinnant's algorithm): no `Date`, no host zone. */
function civil(local: LocalDateTime): Civil {
  const days = Math.floor(local / DAY);
  const ms = local - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const secondsOfDay = Math.floor(ms / 1000);
  return {
    year,
    month,
    day,
    hour: Math.floor(secondsOfDay / 3600),
    minute: Math.floor(secondsOfDay / 60) % 60,
    second: secondsOfDay % 60,
  };
}
