/**
 * The words of the team file's `sla` key, for problems found there (merged into `found.ts`'s table).
 *
 * @internal
 * @module
 */
import type { Words } from './found.js';

const DURATION: Words = {
  what: 'a duration',
  expected: 'an ISO 8601 duration in hours and minutes, PTnHnM, such as PT24H or PT90M',
};

function door(prefix: string): Record<string, Words> {
  return {
    [prefix]: { what: 'a door policy', expected: 'an object with firstContactWithin, clock, atRisk, ...' },
    [`${prefix}.firstContactWithin`]: DURATION,
    [`${prefix}.atRisk`]: DURATION,
    [`${prefix}.clock`]: { what: 'a clock', expected: 'elapsed or business' },
    [`${prefix}.startAtFirstWindow`]: { what: 'a flag', expected: 'true or false' },
    [`${prefix}.openingHours`]: {
      what: 'a list of opening hours',
      expected: 'an array of { days, from, to }',
    },
    [`${prefix}.openingHours[]`]: { what: 'opening hours', expected: 'an object with days, from and to' },
    [`${prefix}.openingHours[].days`]: {
      what: 'a list of weekdays',
      expected: 'a non-empty array of weekday codes MO, TU, WE, TH, FR, SA, SU',
    },
    [`${prefix}.openingHours[].days[]`]: {
      what: 'a weekday code',
      expected: 'one of MO, TU, WE, TH, FR, SA, SU',
    },
    [`${prefix}.openingHours[].from`]: { what: 'an opening time', expected: 'HH:mm, 00:00 to 23:59' },
    [`${prefix}.openingHours[].to`]: {
      what: 'a closing time',
      expected: 'HH:mm, 00:01 to 24:00, after from',
    },
    [`${prefix}.holidays`]: {
      what: 'a holiday calendar',
      expected: 'an object { country, region? }, or null',
    },
    [`${prefix}.holidays.country`]: { what: 'a country code', expected: 'ISO 3166-1 alpha-2, such as FR' },
    [`${prefix}.holidays.region`]: { what: 'a region code', expected: 'a region of the country, such as 57' },
    [`${prefix}.closures`]: {
      what: 'a list of closures',
      expected: 'an array of dates YYYY-MM-DD or ranges',
    },
    [`${prefix}.closures[]`]: {
      what: 'a closure',
      expected: 'a local date YYYY-MM-DD, or an inclusive range YYYY-MM-DD/YYYY-MM-DD',
    },
  };
}

export const SLA_WORDS: Readonly<Record<string, Words>> = {
  sla: { what: 'an SLA policy', expected: 'an object with coaches and/or cci' },
  ...door('sla.coaches'),
  ...door('sla.cci'),
};
