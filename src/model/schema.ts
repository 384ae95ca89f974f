/**
 * The SHAPE of the team file, as a zod 4 schema: types, required and known keys, formats and size limits. What a
 * shape cannot say (a date that does not exist, `from` equal to `to`, an unknown zone, duplicate ids, an RRULE that
 * needs a start) is checked by `parseTeam` in `parse.ts`, which also compiles the file into a `Team`.
 *
 * The schema has no transforms, so `z.toJSONSchema` turns it into `schema/team.schema.json` for editors; every field
 * carries a description for that reason.
 *
 * @module
 */
import { z } from 'zod';
import { WEEKDAY_CODES } from '../time/local.js';

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
  z.string().meta({ description, examples: ['Europe/Paris', 'America/Martinique'] });

const localDate = (description: string) =>
  z
    .string()
    .regex(LOCAL_DATE_PATTERN)
    .meta({ description, examples: ['2026-12-05'] });

/** Fields every availability rule has: the window's wall-clock times. */
const windowTimes = {
  from: z
    .string()
    .regex(START_TIME_PATTERN)
    .meta({
      description: 'Start of the window, wall-clock HH:mm (00:00 to 23:59) in the coach\u2019s time zone.',
      examples: ['19:00', '08:30'],
    }),
  to: z
    .string()
    .regex(TIME_OF_DAY_PATTERN)
    .meta({
      description:
        'End of the window, wall-clock HH:mm; 24:00 is the end of the day. Earlier than `from` means the window ' +
        'crosses midnight (it still belongs to the day it starts). Must differ from `from`.',
      examples: ['23:00', '24:00', '02:00'],
    }),
};

/** Inclusive bounds shared by repeating rules. */
const ruleBounds = {
  startDate: localDate(
    'First local date (inclusive) the rule applies, YYYY-MM-DD. Required when `everyWeeks` > 1: weeks are ' +
      'counted from the week (Monday first) of this date.',
  ).optional(),
  endDate: localDate(
    'Last local date (inclusive) the rule applies, YYYY-MM-DD; on or after `startDate`.',
  ).optional(),
};

/** The keys that tell the kinds of availability rule apart; an entry has exactly one of them. */
export const RULE_KIND_KEYS = ['days', 'rrule', 'date'] as const;

/** A window on given weekdays, every week or every N weeks. */
export const weeklyRuleSchema = z
  .strictObject({
    days: z
      .array(z.enum(WEEKDAY_CODES).meta({ description: 'An RFC 5545 weekday code.' }))
      .min(1)
      .max(WEEKDAY_CODES.length)
      .meta({
        description: 'Weekdays the window opens on (RFC 5545 codes, each at most once).',
        uniqueItems: true,
        examples: [['MO', 'TU', 'WE', 'TH', 'FR']],
      }),
    ...windowTimes,
    everyWeeks: z
      .int()
      .min(1)
      .optional()
      .meta({
        description: 'Repeat every N weeks (default 1, every week). Greater than 1 requires `startDate`.',
        default: 1,
        examples: [2],
      }),
    ...ruleBounds,
  })
  .meta({
    title: 'Weekly availability',
    description: 'A window opening on the given weekdays.',
    examples: [{ days: ['SA'], from: '08:00', to: '20:00', everyWeeks: 2, startDate: '2026-12-05' }],
  });

/** A window on the dates of an RFC 5545 RRULE. */
export const rruleRuleSchema = z
  .strictObject({
    rrule: z
      .string()
      .min(1)
      .meta({
        description:
          'An RFC 5545 RRULE, daily or coarser, without DTSTART, TZID or times of day (they come from ' +
          '`startDate`, `from` and `to`). Rules whose days depend on their start (INTERVAL, COUNT, ' +
          'FREQ=WEEKLY without BYDAY...) need `startDate`.',
        examples: ['FREQ=MONTHLY;BYDAY=1SU', 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24'],
      }),
    ...windowTimes,
    ...ruleBounds,
  })
  .meta({
    title: 'RRULE availability',
    description: 'A window opening on the dates of an RRULE.',
    examples: [{ rrule: 'FREQ=MONTHLY;BYDAY=1SU', from: '10:00', to: '18:00' }],
  });

/** A one-off window on one local date. */
export const dateRuleSchema = z
  .strictObject({
    date: localDate('The local date the window opens on, YYYY-MM-DD.'),
    ...windowTimes,
  })
  .meta({
    title: 'One-off availability',
    description: 'A window on one date (an extra evening, a holiday shift).',
    examples: [{ date: '2026-12-24', from: '20:00', to: '08:00' }],
  });

/** Any availability rule: exactly one of `days`, `rrule` or `date`, with `from` and `to`. */
export const availabilityRuleSchema = z.xor([weeklyRuleSchema, rruleRuleSchema, dateRuleSchema]).meta({
  description:
    'When the coach is free: a wall-clock window on weekdays (`days`), on the dates of an RRULE (`rrule`) or on ' +
    'one date (`date`).',
});

/** A span the coach is away. */
export const unavailableSchema = z
  .strictObject({
    from: z
      .string()
      .regex(LOCAL_DATE_OR_DATE_TIME_PATTERN)
      .meta({
        description:
          'Start: a local date YYYY-MM-DD (from the start of that day) or date-time YYYY-MM-DDTHH:mm, in the ' +
          'coach\u2019s time zone.',
        examples: ['2026-12-20', '2026-12-10T18:00'],
      }),
    to: z
      .string()
      .regex(LOCAL_DATE_OR_DATE_TIME_PATTERN)
      .meta({
        description:
          'End: a local date YYYY-MM-DD (inclusive: to the end of that day) or date-time YYYY-MM-DDTHH:mm ' +
          '(exclusive). Must be after `from`.',
        examples: ['2027-01-03', '2026-12-11T08:00'],
      }),
    reason: z
      .string()
      .optional()
      .meta({
        description: 'A note for the people who run the rota; never copied to any output.',
        examples: ['holidays'],
      }),
  })
  .meta({
    description: 'A span the coach is away; it wins over every availability rule.',
    examples: [{ from: '2026-12-20', to: '2027-01-03' }],
  });

/** One volunteer coach. */
export const coachSchema = z
  .strictObject({
    id: z
      .string()
      .regex(COACH_ID_PATTERN)
      .meta({
        description:
          'Unique id of the coach in the team, used in feed URLs and file names: letters, digits, ".", "_" and ' +
          '"-", starting with a letter or digit.',
        examples: ['amelie', 'coach-07'],
      }),
    name: z
      .string()
      .min(1)
      .meta({ description: 'Display name.', examples: ['Amélie'] }),
    timeZone: zoneName('IANA time zone of this coach\u2019s times, if not the team\u2019s.').optional(),
    availability: z
      .array(availabilityRuleSchema)
      .max(LIMITS.availability)
      .meta({ description: `When the coach is free (at most ${LIMITS.availability} rules).` }),
    unavailable: z
      .array(unavailableSchema)
      .max(LIMITS.unavailable)
      .optional()
      .meta({
        description: `When the coach is away (at most ${LIMITS.unavailable} entries; default none).`,
        default: [],
      }),
    maxHoursPerWeek: z
      .number()
      .gt(0)
      .max(168)
      .optional()
      .meta({
        description: 'Cap on on-call hours per week; absent means no cap.',
        examples: [20],
      }),
    weight: z
      .number()
      .gt(0)
      .optional()
      .meta({
        description: 'Relative share of load the coach is willing to carry (default 1).',
        default: 1,
        examples: [1, 0.5],
      }),
    skills: z
      .array(z.string().min(1).meta({ description: 'A skill name.' }))
      .optional()
      .meta({
        description: 'Skills the coach has (default none).',
        default: [],
        examples: [['night', 'hr']],
      }),
  })
  .meta({ title: 'Coach', description: 'One volunteer coach and when they are free.' });

/** The team's coverage policy. */
export const coverageSchema = z
  .strictObject({
    minCoaches: z
      .int()
      .min(1)
      .optional()
      .meta({
        description: 'Fewer coaches free than this is a gap; exactly this many is fragile (default 1).',
        default: 1,
        examples: [1, 2],
      }),
  })
  .meta({ description: 'Coverage policy (default { "minCoaches": 1 }).', default: { minCoaches: 1 } });

/**
 * The team file's shape. Validates types, known keys, formats and limits only; use `parseTeam` to validate fully
 * and compile.
 *
 * @example
 * ```ts
 * const shape = teamFileSchema.safeParse(JSON.parse(text)); // shape only: parseTeam(json) for the real check
 * ```
 */
export const teamFileSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .meta({ description: 'URL or path of this JSON Schema, for editors; ignored by astreinte.' }),
    name: z
      .string()
      .min(1)
      .meta({ description: 'Name of the team or service.', examples: ['Ça va patron ?'] }),
    timeZone: zoneName(
      'IANA time zone of the team: where its dates are read, and its coaches\u2019 times unless they set their own.',
    ),
    coverage: coverageSchema.optional(),
    coaches: z
      .array(coachSchema)
      .min(1)
      .max(LIMITS.coaches)
      .meta({ description: `The volunteer coaches (1 to ${LIMITS.coaches}).` }),
  })
  .meta({
    title: 'astreinte team file',
    description: 'A team of volunteer coaches and when each is free, for the astreinte on-call rota engine.',
  });

/** The team file as written (JSON), typed: what `parseTeam` accepts when it is well-formed. */
export type TeamFile = z.input<typeof teamFileSchema>;

/** `$id` of the generated JSON Schema. */
export const TEAM_SCHEMA_ID = 'https://unpkg.com/astreinte/schema/team.schema.json';

/**
 * The JSON Schema (draft 2020-12) of the team file, as committed in `schema/team.schema.json`.
 *
 * @example
 * ```ts
 * writeFileSync('schema/team.schema.json', `${JSON.stringify(teamJsonSchema(), null, 2)}\n`);
 * ```
 */
export function teamJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(teamFileSchema, { io: 'input', target: 'draft-2020-12' });
  return { $schema, $id: TEAM_SCHEMA_ID, ...rest };
}
