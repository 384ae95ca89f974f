/**
 * Public holidays, as local dates. The data is computed at build time from `date-holidays` (public holidays only,
 * not observances) by `scripts/holidays-data.mjs` into `holidays-data.ts`: ~1.7 kB gzip for France and its regions,
 * where the library itself weighs ~236 kB gzip in a browser bundle. A caller can pass any other source.
 *
 * @module
 */
import { fail } from '../errors.js';
import type { LocalDate } from '../time/types.js';
import { HOLIDAY_DATA, HOLIDAY_REGIONS, HOLIDAY_YEARS } from './holidays-data.js';
import type { HolidayRegion } from './policy.js';

/**
 * Where public holidays come from: the local dates (days since 1970-01-01) of one calendar year's public holidays,
 * in any order. Must be pure (same year, same answer).
 */
export type HolidaySource = (year: number) => readonly LocalDate[];

/**
 * Countries and their regions the bundled data knows, e.g. `{ FR: ['57', '67', ...] }`.
 *
 * @example bundledHolidayRegions().FR?.includes('57') === true // Moselle
 */
export function bundledHolidayRegions(): Readonly<Record<string, readonly string[]>> {
  return HOLIDAY_REGIONS;
}

/** `undefined` when the bundled data knows the country and region; else what is wrong, for a message. */
export function unknownHolidayRegion(where: HolidayRegion): 'country' | 'region' | undefined {
  // Only the list of regions: validating a team file must not pull the dates into a bundle.
  const regions = Object.hasOwn(HOLIDAY_REGIONS, where.country) ? HOLIDAY_REGIONS[where.country] : undefined;
  if (regions === undefined) return 'country';
  if (where.region !== undefined && !regions.includes(where.region)) return 'region';
  return undefined;
}

function decodeYear(encoded: string | undefined, year: number): number[] {
  const text = encoded?.split(',')[year - HOLIDAY_YEARS.first] ?? '';
  return text === '' ? [] : text.split('.').map((d) => Number.parseInt(d, 36));
}

/**
 * The bundled public holidays of a country (and region), years {@link HOLIDAY_YEARS}.
 *
 * @throws {@link ValidationError} for a country or region the data does not know (path `holidays.country` /
 * `holidays.region`); the source throws a RangeError for a year outside the data (a programming error: callers
 * check the years first).
 * @example
 * const fr57 = bundledHolidays({ country: 'FR', region: '57' });
 * fr57(2026).map(formatLocalDate) // ['2026-01-01', '2026-04-03', ..., '2026-12-25', '2026-12-26']
 */
export function bundledHolidays(where: HolidayRegion): HolidaySource {
  const unknown = unknownHolidayRegion(where);
  const known = Object.keys(HOLIDAY_DATA).join(', ');
  if (unknown === 'country')
    fail('holidays.country', where.country, 'is not a country with bundled holidays', `one of ${known}`);
  const entry = HOLIDAY_DATA[where.country] as (typeof HOLIDAY_DATA)[string];
  if (unknown === 'region') {
    const regions = Object.keys(entry.regions).join(', ');
    fail('holidays.region', where.region, `is not a region of ${where.country}`, `one of ${regions}`);
  }
  const region = where.region === undefined ? undefined : entry.regions[where.region];
  return (year) => {
    if (!(year >= HOLIDAY_YEARS.first && year <= HOLIDAY_YEARS.last)) {
      throw new RangeError(
        `bundled holidays cover ${HOLIDAY_YEARS.first}-${HOLIDAY_YEARS.last}, not ${year}`,
      );
    }
    const jan1 = Date.UTC(year, 0, 1) / 86_400_000 - 1;
    const dropped = new Set(decodeYear(region?.dropped, year));
    const days = decodeYear(entry.days, year).filter((d) => !dropped.has(d));
    days.push(...decodeYear(region?.added, year));
    return days.sort((a, b) => a - b).map((d) => jan1 + d);
  };
}
