/**
 * The restatement a person checks: windows as "mercredi 2 décembre 12 h 00 - 14 h 00 ; jeudi 3 décembre 18 h 00 -
 * 22 h 00" or "Wednesday 2 December 12:00 - 14:00; ...", and the doubts as sentences. Hand-written tables, not
 * `Intl`, so every runtime prints the same bytes.
 *
 * @internal
 * @module
 */
import { weekdayOf } from '../time/local.js';
import { DAY, type LocalDate, type LocalDateTime, MINUTE } from '../time/types.js';
import { civilOf, type Doubt } from './resolve.js';

/** The languages the restatement speaks. */
export type IntakeLang = 'fr' | 'en';

const WEEKDAYS: Readonly<Record<IntakeLang, readonly string[]>> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const MONTHS: Readonly<Record<IntakeLang, readonly string[]>> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** "mercredi 2 décembre" / "Wednesday 2 December", with the year when it is not `year`. */
export function formatDay(day: LocalDate, lang: IntakeLang, year: number): string {
  const c = civilOf(day);
  const first = lang === 'fr' && c.day === 1 ? '1er' : String(c.day);
  const text = `${WEEKDAYS[lang][weekdayOf(day)]} ${first} ${MONTHS[lang][c.month - 1]}`;
  return c.year === year ? text : `${text} ${c.year}`;
}

/** "12 h 00" / "12:00" from minutes since midnight (taken modulo a day). */
export function formatClock(minutes: number, lang: IntakeLang): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  const h = Math.floor(m / 60);
  return lang === 'fr' ? `${pad(h)} h ${pad(m % 60)}` : `${pad(h)}:${pad(m % 60)}`;
}

/** One window in local time: "mercredi 2 décembre 12 h 00 - 14 h 00"; across midnight both days are named. */
export function formatWindow(
  start: LocalDateTime,
  end: LocalDateTime,
  lang: IntakeLang,
  year: number,
): string {
  const startDay = Math.floor(start / DAY);
  const endDay = Math.floor(end / DAY);
  const startMin = (start - startDay * DAY) / MINUTE;
  const endMin = (end - endDay * DAY) / MINUTE;
  const head = `${formatDay(startDay, lang, year)} ${formatClock(startMin, lang)}`;
  if (endDay === startDay) return `${head} - ${formatClock(endMin, lang)}`;
  if (endDay === startDay + 1 && endMin === 0) return `${head} - ${lang === 'fr' ? '24 h 00' : '24:00'}`;
  return `${head} - ${formatDay(endDay, lang, year)} ${formatClock(endMin, lang)}`;
}

/** The whole restatement; with no window, the sentence that says so. */
export function restate(
  windows: readonly { start: LocalDateTime; end: LocalDateTime }[],
  lang: IntakeLang,
  year: number,
): string {
  if (windows.length === 0) return lang === 'fr' ? 'Aucun créneau compris' : 'No callback window understood';
  return windows.map((w) => formatWindow(w.start, w.end, lang, year)).join(lang === 'fr' ? ' ; ' : '; ');
}

/** A doubt in words: what was read, and the other reading. */
export function doubtWords(
  doubt: Doubt,
  lang: IntakeLang,
  year: number,
): { reading: string; alternative: string } {
  const day = (d: LocalDate) => formatDay(d, lang, year);
  const night = (d: LocalDate) =>
    lang === 'fr' ? `la nuit du ${day(d)} au ${day(d + 1)}` : `the night of ${day(d)} to ${day(d + 1)}`;
  switch (doubt.kind) {
    case 'after-midnight':
      return lang === 'fr'
        ? {
            reading: `demain lu comme ${day(doubt.reading)}, le jour qui commence`,
            alternative: day(doubt.alternative),
          }
        : {
            reading: `tomorrow read as ${day(doubt.reading)}, the day that is starting`,
            alternative: day(doubt.alternative),
          };
    case 'weekday-date':
      return lang === 'fr'
        ? { reading: `la date l'emporte : ${day(doubt.reading)}`, alternative: day(doubt.alternative) }
        : { reading: `the date wins: ${day(doubt.reading)}`, alternative: day(doubt.alternative) };
    case 'early-hour':
      return { reading: formatClock(doubt.reading, lang), alternative: formatClock(doubt.alternative, lang) };
    default:
      return { reading: night(doubt.reading), alternative: night(doubt.alternative) };
  }
}
