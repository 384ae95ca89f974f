/**
 * The SHAPE of the team file's optional `sla` key (issue 7): each door's promise. What a shape cannot say (a
 * duration that is ambiguous across DST, opening hours that overlap or end before they start, a closure date that
 * does not exist, an unknown country or region) is checked by `sla-compile.ts`. Built like `schema.ts` (zod/mini,
 * pure calls, no transforms, every field described).
 *
 * @module
 */
import * as z from 'zod/mini';
import { WEEKDAY_CODES } from '../time/local.js';

const TIME_OF_DAY = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const START_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** A closure: a local date `YYYY-MM-DD`, or an inclusive range `YYYY-MM-DD/YYYY-MM-DD`. */
export const CLOSURE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:\/\d{4}-\d{2}-\d{2})?$/;
/** A country: ISO 3166-1 alpha-2, upper case. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;

const duration = (description: string, example: string) =>
  z.string().check(
    z.meta({
      description: `${description} ISO 8601 PTnHnM (P1D is refused: a day is 23-25 h across DST).`,
      examples: [example],
    }),
  );

/** Opening hours on some weekdays. */
export const openingHoursSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      days: z
        .array(z.enum(WEEKDAY_CODES))
        .check(z.minLength(1), z.maxLength(7), z.meta({ description: 'Weekdays (RFC 5545 codes).' })),
      from: z.string().check(z.regex(START_TIME), z.meta({ description: 'Opening, wall-clock HH:mm.' })),
      to: z
        .string()
        .check(
          z.regex(TIME_OF_DAY),
          z.meta({ description: 'Closing, wall-clock HH:mm after from (24:00 allowed).' }),
        ),
    })
    .check(
      z.meta({
        description:
          'Opening hours on the given weekdays, in the team\u2019s zone; spans of one day never overlap.',
        examples: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], from: '08:30', to: '12:00' }],
      }),
    ))();

/** One door's promise. */
export const doorSlaSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      /** First contact within this much clock time, ISO 8601 `PTnHnM` (`PT24H`); default 24 h (coaches), 8 h (cci). */
      firstContactWithin: z.optional(duration('First contact within this much clock time.', 'PT24H')),
      /** `elapsed` (every real millisecond counts) or `business` (opening hours only, without holidays and closures); default `elapsed` (coaches), `business` (cci). */
      clock: z.optional(z.enum(['elapsed', 'business'])).check(
        z.meta({
          description: '`elapsed`: real time; `business`: opening hours only, without holidays and closures.',
        }),
      ),
      /** An open request with less clock time left than this is `at-risk`, `PTnHnM`; default 4 h (coaches), 2 h (cci). */
      atRisk: z.optional(duration('An open request with less clock time left than this is at risk.', 'PT4H')),
      /** Start the clock at the first callback window when it starts after receipt; default true (coaches), false (cci). */
      startAtFirstWindow: z.optional(z.boolean()).check(
        z.meta({
          description: 'Start the clock at the first callback window when it starts after receipt.',
        }),
      ),
      /** When the door is open, wall-clock in the team's zone (counted on the business clock only). */
      openingHours: z
        .optional(z.array(openingHoursSchema).check(z.maxLength(50)))
        .check(z.meta({ description: 'When the door is open (counted on the business clock only).' })),
      /** Whose public holidays close the door, `{ country, region? }`; `null`: none. */
      holidays: z
        .optional(
          z.nullable(
            z.strictObject({
              country: z
                .string()
                .check(
                  z.regex(COUNTRY_PATTERN),
                  z.meta({ description: 'ISO 3166-1 alpha-2.', examples: ['FR'] }),
                ),
              region: z.optional(
                z
                  .string()
                  .check(
                    z.minLength(1),
                    z.meta({ description: 'A region of the country.', examples: ['57'] }),
                  ),
              ),
            }),
          ),
        )
        .check(z.meta({ description: 'Whose public holidays close the door (null: none).' })),
      /** Closed local dates `YYYY-MM-DD`, or inclusive ranges `YYYY-MM-DD/YYYY-MM-DD`. */
      closures: z.optional(
        z.array(z.string().check(z.regex(CLOSURE_PATTERN))).check(
          z.maxLength(1000),
          z.meta({
            description: 'Closed local dates YYYY-MM-DD, or inclusive ranges YYYY-MM-DD/YYYY-MM-DD.',
            examples: [['2026-12-26']],
          }),
        ),
      ),
    })
    .check(
      z.meta({ description: 'The promise of one door; every key optional (the defaults of that door).' }),
    ))();

/** The team file's `sla` key. */
export const slaSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      /** The coaches' door's promise; absent keys take the coaches' defaults. */
      coaches: z.optional(doorSlaSchema),
      /** The CCI's door's promise; absent keys take the CCI's defaults. */
      cci: z.optional(doorSlaSchema),
    })
    .check(
      z.meta({
        description:
          'Service-level promises. Defaults: coaches { firstContactWithin PT24H, clock elapsed, atRisk PT4H, ' +
          'startAtFirstWindow true }; cci { firstContactWithin PT8H, clock business, atRisk PT2H, openingHours ' +
          'MO-FR 08:30-12:00 and 13:30-17:30, holidays { country FR } }.',
      }),
    ))();
