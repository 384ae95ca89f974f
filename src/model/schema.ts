/**
 * The SHAPE of the team file, as a zod 4 schema: types, required and known keys, formats and size limits. What a
 * shape cannot say (a date that does not exist, `from` equal to `to`, an unknown zone, duplicate ids, an RRULE that
 * needs a start) is checked by `parseTeam` in `parse.ts`, which also compiles the file into a `Team`.
 *
 * Written with `zod/mini`, zod's tree-shakable functional API (the same checks and issues as classic zod, at a
 * fraction of the bundle: a front end pays ~6 KB gzip instead of ~93 KB). The schema has no transforms, so
 * `scripts/json-schema.ts` turns it into `schema/team.schema.json` at build time (`npm run schema`); every field
 * carries a description for that reason. JSON Schema generation is never part of the runtime bundle.
 *
 * Each schema is built inside a `/* @__PURE__ *\/` function call: zod/mini's `.check()` is a method call a bundler
 * must otherwise keep, so a page that never parses a team file (or, for `requests-schema.ts`, a request file) would
 * still pay for its schema. Marked pure, an unused schema is dropped whole.
 *
 * @module
 */
import * as z from 'zod/mini';
import { WEEKDAY_CODES } from '../time/local.js';
import { slaSchema } from './sla-schema.js';

/** Size limits, against enormous (or hostile) input. */
export const LIMITS = {
  /** Coaches in one team. */
  coaches: 10_000,
  /** Availability rules of one coach. */
  availability: 500,
  /** Unavailable entries of one coach. */
  unavailable: 1_000,
} as const;

/** A time of day `HH:mm`, `00:00` to `24:00` (`24:00` is the end of the day). */
export const TIME_OF_DAY_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** A start time `HH:mm`, `00:00` to `23:59`: a window cannot start at the end of its day. */
export const START_TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** A local date `YYYY-MM-DD` (the pattern allows 02-30; `parseTeam` refuses dates that do not exist). */
export const LOCAL_DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
/** A local date `YYYY-MM-DD` or a local date-time `YYYY-MM-DDTHH:mm`. */
export const LOCAL_DATE_OR_DATE_TIME_PATTERN =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d)?$/;
/** A coach id: it ends up in feed URLs and file names, so letters, digits, `.`, `_` and `-` only. */
export const COACH_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const zoneName = (description: string) =>
  z.string().check(z.meta({ description, examples: ['Europe/Paris', 'America/Martinique'] }));

const localDate = (description: string) =>
  z.string().check(z.regex(LOCAL_DATE_PATTERN), z.meta({ description, examples: ['2026-12-05'] }));

/** Fields every availability rule has: the window's wall-clock times. */
const windowTimes = {
  from: z.string().check(
    z.regex(START_TIME_PATTERN),
    z.meta({
      description: 'Start of the window, wall-clock HH:mm (00:00 to 23:59) in the coach\u2019s time zone.',
      examples: ['19:00', '08:30'],
    }),
  ),
  to: z.string().check(
    z.regex(TIME_OF_DAY_PATTERN),
    z.meta({
      description:
        'End of the window, wall-clock HH:mm; 24:00 is the end of the day. Earlier than `from` means the window ' +
        'crosses midnight (it still belongs to the day it starts). Must differ from `from`.',
      examples: ['23:00', '24:00', '02:00'],
    }),
  ),
};

/** Inclusive bounds shared by repeating rules. */
const ruleBounds = {
  startDate: z.optional(
    localDate(
      'First local date (inclusive) the rule applies, YYYY-MM-DD. Required when `everyWeeks` > 1: weeks are ' +
        'counted from the week (Monday first) of this date.',
    ),
  ),
  endDate: z.optional(
    localDate('Last local date (inclusive) the rule applies, YYYY-MM-DD; on or after `startDate`.'),
  ),
};

/** The keys that tell the kinds of availability rule apart; an entry has exactly one of them. */
export const RULE_KIND_KEYS = ['days', 'rrule', 'date'] as const;

/** A window on given weekdays, every week or every N weeks. */
export const weeklyRuleSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      days: z.array(z.enum(WEEKDAY_CODES).check(z.meta({ description: 'An RFC 5545 weekday code.' }))).check(
        z.minLength(1),
        z.maxLength(WEEKDAY_CODES.length),
        z.meta({
          description: 'Weekdays the window opens on (RFC 5545 codes, each at most once).',
          uniqueItems: true,
          examples: [['MO', 'TU', 'WE', 'TH', 'FR']],
        }),
      ),
      ...windowTimes,
      everyWeeks: z.optional(z.int().check(z.minimum(1))).check(
        z.meta({
          description: 'Repeat every N weeks (default 1, every week). Greater than 1 requires `startDate`.',
          default: 1,
          examples: [2],
        }),
      ),
      ...ruleBounds,
    })
    .check(
      z.meta({
        title: 'Weekly availability',
        description: 'A window opening on the given weekdays.',
        examples: [{ days: ['SA'], from: '08:00', to: '20:00', everyWeeks: 2, startDate: '2026-12-05' }],
      }),
    ))();

/** A window on the dates of an RFC 5545 RRULE. */
export const rruleRuleSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      rrule: z.string().check(
        z.minLength(1),
        z.meta({
          description:
            'An RFC 5545 RRULE, daily or coarser, without DTSTART, TZID or times of day (they come from ' +
            '`startDate`, `from` and `to`). Rules whose days depend on their start (INTERVAL, COUNT, ' +
            'FREQ=WEEKLY without BYDAY...) need `startDate`.',
          examples: ['FREQ=MONTHLY;BYDAY=1SU', 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24'],
        }),
      ),
      ...windowTimes,
      ...ruleBounds,
    })
    .check(
      z.meta({
        title: 'RRULE availability',
        description: 'A window opening on the dates of an RRULE.',
        examples: [{ rrule: 'FREQ=MONTHLY;BYDAY=1SU', from: '10:00', to: '18:00' }],
      }),
    ))();

/** A one-off window on one local date. */
export const dateRuleSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      date: localDate('The local date the window opens on, YYYY-MM-DD.'),
      ...windowTimes,
    })
    .check(
      z.meta({
        title: 'One-off availability',
        description: 'A window on one date (an extra evening, a holiday shift).',
        examples: [{ date: '2026-12-24', from: '20:00', to: '08:00' }],
      }),
    ))();

/** Any availability rule: exactly one of `days`, `rrule` or `date`, with `from` and `to`. */
export const availabilityRuleSchema = /* @__PURE__ */ (() =>
  z.xor([weeklyRuleSchema, rruleRuleSchema, dateRuleSchema]).check(
    z.meta({
      description:
        'When the coach is free: a wall-clock window on weekdays (`days`), on the dates of an RRULE (`rrule`) or on ' +
        'one date (`date`).',
    }),
  ))();

const localDateOrDateTime = (description: string, examples: string[]) =>
  z.string().check(z.regex(LOCAL_DATE_OR_DATE_TIME_PATTERN), z.meta({ description, examples }));

/** A span the coach is away. */
export const unavailableSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      from: localDateOrDateTime(
        'Start: a local date YYYY-MM-DD (from the start of that day) or date-time YYYY-MM-DDTHH:mm, in the ' +
          'coach\u2019s time zone.',
        ['2026-12-20', '2026-12-10T18:00'],
      ),
      to: localDateOrDateTime(
        'End: a local date YYYY-MM-DD (inclusive: to the end of that day) or date-time YYYY-MM-DDTHH:mm ' +
          '(exclusive). Must be after `from`.',
        ['2027-01-03', '2026-12-11T08:00'],
      ),
      reason: z.optional(z.string()).check(
        z.meta({
          description: 'A note for the people who run the rota; never copied to any output.',
          examples: ['holidays'],
        }),
      ),
    })
    .check(
      z.meta({
        description: 'A span the coach is away; it wins over every availability rule.',
        examples: [{ from: '2026-12-20', to: '2027-01-03' }],
      }),
    ))();

/** One volunteer coach. */
export const coachSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: z.string().check(
        z.regex(COACH_ID_PATTERN),
        z.meta({
          description:
            'Unique id of the coach in the team, used in feed URLs and file names: letters, digits, ".", "_" and ' +
            '"-", starting with a letter or digit.',
          examples: ['amelie', 'coach-07'],
        }),
      ),
      name: z.string().check(z.minLength(1), z.meta({ description: 'Display name.', examples: ['Amélie'] })),
      timeZone: z.optional(zoneName('IANA time zone of this coach\u2019s times, if not the team\u2019s.')),
      availability: z
        .array(availabilityRuleSchema)
        .check(
          z.maxLength(LIMITS.availability),
          z.meta({ description: `When the coach is free (at most ${LIMITS.availability} rules).` }),
        ),
      unavailable: z.optional(z.array(unavailableSchema).check(z.maxLength(LIMITS.unavailable))).check(
        z.meta({
          description: `When the coach is away (at most ${LIMITS.unavailable} entries; default none).`,
          default: [],
        }),
      ),
      maxHoursPerWeek: z.optional(z.number().check(z.gt(0), z.maximum(168))).check(
        z.meta({
          description: 'Cap on on-call hours per week; absent means no cap.',
          examples: [20],
        }),
      ),
      weight: z.optional(z.number().check(z.gt(0))).check(
        z.meta({
          description: 'Relative share of load the coach is willing to carry (default 1).',
          default: 1,
          examples: [1, 0.5],
        }),
      ),
      skills: z
        .optional(z.array(z.string().check(z.minLength(1), z.meta({ description: 'A skill name.' }))))
        .check(
          z.meta({
            description: 'Skills the coach has (default none).',
            default: [],
            examples: [['night', 'hr']],
          }),
        ),
    })
    .check(z.meta({ title: 'Coach', description: 'One volunteer coach and when they are free.' })))();

/** The team's coverage policy. */
export const coverageSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      minCoaches: z.optional(z.int().check(z.minimum(1))).check(
        z.meta({
          description: 'Fewer coaches free than this is a gap; exactly this many is fragile (default 1).',
          default: 1,
          examples: [1, 2],
        }),
      ),
    })
    .check(
      z.meta({ description: 'Coverage policy (default { "minCoaches": 1 }).', default: { minCoaches: 1 } }),
    ))();

/**
 * The team file's shape. Validates types, known keys, formats and limits only; use `parseTeam` to validate fully
 * and compile.
 *
 * @example
 * ```ts
 * const shape = teamFileSchema.safeParse(JSON.parse(text)); // shape only: parseTeam(json) for the real check
 * ```
 */
export const teamFileSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      $schema: z
        .optional(z.string())
        .check(
          z.meta({ description: 'URL or path of this JSON Schema, for editors; ignored by astreinte.' }),
        ),
      name: z
        .string()
        .check(
          z.minLength(1),
          z.meta({ description: 'Name of the team or service.', examples: ['Ça va patron ?'] }),
        ),
      timeZone: zoneName(
        'IANA time zone of the team: where its dates are read, and its coaches\u2019 times unless they set their own.',
      ),
      coverage: z.optional(coverageSchema),
      sla: z.optional(slaSchema),
      coaches: z
        .array(coachSchema)
        .check(
          z.minLength(1),
          z.maxLength(LIMITS.coaches),
          z.meta({ description: `The volunteer coaches (1 to ${LIMITS.coaches}).` }),
        ),
    })
    .check(
      z.meta({
        title: 'astreinte team file',
        description:
          'A team of volunteer coaches and when each is free, for the astreinte on-call rota engine.',
      }),
    ))();

/** The team file as written (JSON), typed: what `parseTeam` accepts when it is well-formed. */
export type TeamFile = z.input<typeof teamFileSchema>;

/** `$id` of the generated JSON Schema. */
export const TEAM_SCHEMA_ID = 'https://unpkg.com/astreinte/schema/team.schema.json';
