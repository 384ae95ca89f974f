/**
 * Dates, times, numbers and durations for people, in French (default) or English, via `Intl`. Every `Intl` call
 * passes `timeZone: 'UTC'` on a wall-clock value already converted by the zone table, so the output never depends
 * on the host's zone; times of day are written by hand ("19 h 30"), not by `Intl`, which differs between ICU builds.
 *
 * @module
 */
import { DAY, type Instant } from '../../time/types.js';
import { instantToLocal, type ZoneTable } from '../../time/zone.js';
import { type ReportLang, wordsFor } from './words.js';

/** The formatters of one report: one language, one zone. Built once per rendering, never in a loop. */
export interface ReportLocale {
  readonly lang: ReportLang;
  /** Local date (days since 1970-01-01) as "mardi 1 décembre 2026" / "Tuesday 1 December 2026". */
  readonly longDate: (day: number) => string;
  /** Local date as "mar. 1 déc." / "Tue 1 Dec". */
  readonly shortDate: (day: number) => string;
  /** Weekday name, 0 = Monday: "lundi" / "Monday". */
  readonly weekday: (weekday: number) => string;
  /** Minutes after midnight as "19 h 30" / "19:30" (1440 and above read as the next day's time). */
  readonly timeOfDay: (minute: number) => string;
  /** An instant as local "mardi 1 décembre 2026, 19 h 30". */
  readonly dateTime: (t: Instant) => string;
  /** An instant's local time only. */
  readonly time: (t: Instant) => string;
  /** A ratio 0-1 as "12,5 %" / "12.5%". */
  readonly percent: (ratio: number) => string;
  /** A number with at most `digits` decimals: "1 234,5" / "1,234.5". */
  readonly number: (x: number, digits?: number) => string;
  /** Minutes as a duration: "12 h 30" / "12 h 30", "45 min". */
  readonly duration: (minutes: number) => string;
  /** Hours as "12,5 h" / "12.5 h". */
  readonly hours: (hours: number) => string;
}

/**
 * Formatters for `lang`, reading instants in the zone of `table`.
 *
 * @example reportLocale('fr', paris).longDate(20788) === 'mardi 1 décembre 2026'
 */
export function reportLocale(lang: ReportLang, table: ZoneTable): ReportLocale {
  const locale = wordsFor(lang).locale;
  const long = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const short = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const pct = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    minimumFractionDigits: 0,
  });
  const numberFormats = [0, 1, 2, 3].map((d) => new Intl.NumberFormat(locale, { maximumFractionDigits: d }));
  const timeOfDay = (minute: number) => {
    const m = ((Math.round(minute) % 1440) + 1440) % 1440;
    const h = Math.floor(m / 60);
    const mm = String(m % 60).padStart(2, '0');
    return lang === 'fr' ? (m % 60 === 0 ? `${h} h` : `${h} h ${mm}`) : `${String(h).padStart(2, '0')}:${mm}`;
  };
  const number = (x: number, digits = 1) => numberFormats[Math.max(0, Math.min(3, digits))]!.format(x);
  const time = (t: Instant) => {
    const local = instantToLocal(table, t);
    return timeOfDay((local - Math.floor(local / DAY) * DAY) / 60_000);
  };
  return {
    lang,
    longDate: (day) => long.format(day * DAY),
    shortDate: (day) => short.format(day * DAY),
    // 1970-01-05 was a Monday.
    weekday: (weekday) => weekdayFormat.format((4 + weekday) * DAY),
    timeOfDay,
    dateTime: (t) => {
      const local = instantToLocal(table, t);
      return `${long.format(Math.floor(local / DAY) * DAY)}, ${time(t)}`;
    },
    time,
    percent: (ratio) => pct.format(ratio),
    number,
    duration: (minutes) => {
      const whole = Math.round(minutes);
      const h = Math.floor(whole / 60);
      const m = whole % 60;
      if (h === 0) return `${m} min`;
      return m === 0 ? `${number(h, 0)} h` : `${number(h, 0)} h ${String(m).padStart(2, '0')}`;
    },
    hours: (hours) => `${number(hours, 1)} h`,
  };
}
