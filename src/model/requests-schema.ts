/**
 * The SHAPE of the request file, as a zod 4 schema (`zod/mini`, as the team file's in `schema.ts`): types, required
 * and known keys, formats and size limits. What a shape cannot say (a date that does not exist, a window that ends
 * before it starts or lies more than a year away, duplicate ids, attempts by coaches the team does not have, local
 * times read in the team's zone) is checked by `parseRequests` in `requests-parse.ts`, which also compiles the file
 * into `CallbackRequest`s.
 *
 * No transforms, and every field described: `scripts/json-schema.ts` turns it into `schema/requests.schema.json`
 * (`npm run schema`). Each schema is built in a `/* @__PURE__ *\/` call, for the reason `schema.ts` gives.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ATTEMPT_OUTCOMES, CHANNELS, DOORS, OUTCOMES, TOPICS } from './request.js';

/** Size limits of the request file, against enormous (or hostile) input; the team's are `LIMITS`. */
export const REQUEST_LIMITS = {
  /** Requests in one file (a national network's year is about 100,000). */
  requests: 200_000,
  /** Callback windows of one request. */
  callbackWindows: 20,
  /** Attempts of one request. */
  attempts: 50,
  /** SLA pauses of one request. */
  pauses: 20,
  /** Characters of a request id or case id (they appear in feeds and file names). */
  idLength: 64,
  /** Characters of a contact name. */
  nameLength: 200,
  /** Characters of an e-mail address (RFC 5321). */
  emailLength: 254,
  /** Shortest call to book, in minutes. */
  minDurationMinutes: 15,
  /** Longest call to book, in minutes. */
  maxDurationMinutes: 240,
  /** How far (in days, either way) a callback window may lie from `receivedAt`. */
  windowReachDays: 366,
} as const;

/** Call length when a request says none, in minutes. */
export const DEFAULT_DURATION_MINUTES = 60;

/**
 * A request or case id: letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64 characters
 * (it appears in feeds and file names).
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * An instant as the request file writes it: ISO 8601 with its offset (`2026-12-02T12:00:00+01:00`,
 * `2026-12-02T12:00+01:00`, `...Z`, seconds and milliseconds optional), or a local date-time `YYYY-MM-DDTHH:mm`
 * (seconds optional, no fraction) in the team's zone. The pattern lets 02-30 through; `parseRequests` refuses
 * dates that do not exist.
 */
export const REQUEST_INSTANT_PATTERN =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?:(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)|(?::[0-5]\d)?)$/;

/** A phone number: digits, an optional leading `+`, spaces, dots, dashes and parentheses; 6 to 20 digits. */
export const PHONE_PATTERN = /^\+?[ .()-]*(?:\d[ .()-]*){6,20}$/;

/** A plain e-mail address `local@domain.tld`: no spaces, one `@`, a dot in the domain. */
export const EMAIL_PATTERN = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]+$/;

const INSTANT_EXAMPLES = ['2026-12-02T12:00:00+01:00', '2026-12-02T11:00:00Z', '2026-12-02T12:00'];

const instant = (description: string) =>
  z.string().check(
    z.regex(REQUEST_INSTANT_PATTERN),
    z.meta({
      description:
        `${description} ISO 8601 with its offset, or a local date-time YYYY-MM-DDTHH:mm (seconds optional) in ` +
        'the team\u2019s time zone (a time in the spring-forward gap moves past it; one in the fall-back overlap ' +
        'is its earlier occurrence).',
      examples: INSTANT_EXAMPLES,
    }),
  );

const requestId = (description: string, examples: string[]) =>
  z.string().check(z.regex(REQUEST_ID_PATTERN), z.meta({ description, examples }));

/** One span in which the caller wants to be called back, half-open `[start, end)`. */
export const callbackWindowSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      start: instant('Start of the window (inclusive).'),
      end: instant('End of the window (exclusive), after `start`.'),
    })
    .check(
      z.meta({
        description:
          'A span in which the caller wants to be called, within 366 days of `receivedAt`; windows that overlap or ' +
          'touch are merged.',
        examples: [{ start: '2026-12-02T12:00:00+01:00', end: '2026-12-02T14:00:00+01:00' }],
      }),
    ))();

/** A span the SLA clock stops, half-open `[start, end)`. */
export const pauseSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      start: instant('Start of the pause (inclusive).'),
      end: instant('End of the pause (exclusive), after `start`.'),
    })
    .check(
      z.meta({
        description: 'A span the SLA clock stops; pauses that overlap or touch are merged.',
        examples: [{ start: '2026-12-02T12:00:00+01:00', end: '2026-12-02T18:00:00+01:00' }],
      }),
    ))();

/** How to reach the caller: personal data, never quoted in an error message. */
export const contactSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      name: z.optional(
        z.string().check(
          z.minLength(1),
          z.maxLength(REQUEST_LIMITS.nameLength),
          z.meta({
            description: `The caller\u2019s name, as they gave it (1 to ${REQUEST_LIMITS.nameLength} characters).`,
            examples: ['Jeanne'],
          }),
        ),
      ),
      phone: z.optional(
        z.string().check(
          z.regex(PHONE_PATTERN),
          z.meta({
            description:
              'Phone number: digits, an optional leading +, spaces, dots, dashes or parentheses; 6 to 20 digits.',
            examples: ['+33 6 12 34 56 78', '03.80.00.00.00'],
          }),
        ),
      ),
      email: z.optional(
        z
          .string()
          .check(
            z.maxLength(REQUEST_LIMITS.emailLength),
            z.regex(EMAIL_PATTERN),
            z.meta({ description: 'E-mail address, local@domain.tld.', examples: ['jeanne@example.fr'] }),
          ),
      ),
    })
    .check(
      z.meta({
        description:
          'How to reach the caller. Personal data: kept for the coach who calls, left out of every output, and ' +
          'never quoted in an error message.',
      }),
    ))();

/** One call made to the caller. */
export const attemptSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      at: instant('When the coach rang, not before `receivedAt`.'),
      coachId: z
        .string()
        .check(
          z.meta({ description: 'Id of the coach who rang: a coach of the team.', examples: ['amelie'] }),
        ),
      outcome: z.enum(ATTEMPT_OUTCOMES).check(
        z.meta({
          description: 'What happened; the first `reached` attempt is the first contact.',
          examples: ['no-answer', 'reached'],
        }),
      ),
    })
    .check(
      z.meta({
        description: 'One call made to the caller.',
        examples: [{ at: '2026-12-02T12:00:00+01:00', coachId: 'amelie', outcome: 'no-answer' }],
      }),
    ))();

/** One callback request. */
export const requestSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: requestId(
        'Unique id of the request in the file, safe to show (feeds, file names): letters, digits, ".", "_" and ' +
          `"-", starting with a letter or digit, at most ${REQUEST_LIMITS.idLength} characters.`,
        ['R-2026-0042'],
      ),
      receivedAt: instant('When the request arrived.'),
      door: z.enum(DOORS).check(
        z.meta({
          description:
            'Which door the request came through: `coaches` (matched to a coach) or `cci` (CCI staff).',
          examples: ['coaches'],
        }),
      ),
      channel: z
        .enum(CHANNELS)
        .check(z.meta({ description: 'How the request arrived.', examples: ['sms', 'voicemail'] })),
      topic: z.optional(z.enum(TOPICS)).check(
        z.meta({
          description: 'What the request is about; absent until someone qualifies it.',
          examples: ['wellbeing'],
        }),
      ),
      caseId: z.optional(
        requestId(
          'Links the requests of one caller\u2019s follow-up (same pattern as `id`), for continuity.',
          ['C-0019'],
        ),
      ),
      callbackWindows: z
        .optional(z.array(callbackWindowSchema).check(z.maxLength(REQUEST_LIMITS.callbackWindows)))
        .check(
          z.meta({
            description:
              `When the caller wants to be called (at most ${REQUEST_LIMITS.callbackWindows} windows; default ` +
              'none). A request to the coaches needs at least one; windows in the past are allowed.',
            default: [],
          }),
        ),
      durationMinutes: z
        .optional(
          z
            .int()
            .check(
              z.minimum(REQUEST_LIMITS.minDurationMinutes),
              z.maximum(REQUEST_LIMITS.maxDurationMinutes),
            ),
        )
        .check(
          z.meta({
            description:
              `Length of the call to book, whole minutes ${REQUEST_LIMITS.minDurationMinutes} to ` +
              `${REQUEST_LIMITS.maxDurationMinutes} (default ${DEFAULT_DURATION_MINUTES}).`,
            default: DEFAULT_DURATION_MINUTES,
            examples: [60, 90],
          }),
        ),
      contact: z.optional(contactSchema),
      attempts: z.optional(z.array(attemptSchema).check(z.maxLength(REQUEST_LIMITS.attempts))).check(
        z.meta({
          description: `Calls made so far (at most ${REQUEST_LIMITS.attempts}; default none).`,
          default: [],
        }),
      ),
      firstContactAt: z
        .optional(z.nullable(instant('First contact with the caller, not before `receivedAt`.')))
        .check(
          z.meta({
            description:
              'First contact with the caller, not before `receivedAt`; null or absent means the first `reached` ' +
              'attempt, if any.',
          }),
        ),
      pauses: z.optional(z.array(pauseSchema).check(z.maxLength(REQUEST_LIMITS.pauses))).check(
        z.meta({
          description:
            `Spans the SLA clock stops, e.g. waiting for the caller after a no-answer (at most ${REQUEST_LIMITS.pauses}; ` +
            'default none); within the request\u2019s life: not before receivedAt, not after the first contact.',
          default: [],
        }),
      ),
      outcome: z.optional(z.nullable(z.enum(OUTCOMES))).check(
        z.meta({
          description: 'How the request ended; null or absent while it is open.',
          examples: ['listened', 'referred-cci'],
        }),
      ),
    })
    .check(z.meta({ title: 'Callback request', description: 'One request to be called back.' })))();

/** The list of requests, in either form of the file. */
export const requestListSchema = /* @__PURE__ */ (() =>
  z
    .array(requestSchema)
    .check(
      z.maxLength(REQUEST_LIMITS.requests),
      z.meta({ description: `The callback requests (at most ${REQUEST_LIMITS.requests}).` }),
    ))();

/** The request file as an object, so that editors can find the schema through `$schema`. */
export const requestFileObjectSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      $schema: z
        .optional(z.string())
        .check(
          z.meta({ description: 'URL or path of this JSON Schema, for editors; ignored by astreinte.' }),
        ),
      requests: requestListSchema,
    })
    .check(z.meta({ description: 'The request file as an object, with its requests under `requests`.' })))();

/**
 * The request file's shape: an array of requests, or `{ "$schema"?, "requests": [...] }`. Validates types, known
 * keys, formats and limits only; use `parseRequests` to validate fully and compile.
 *
 * @example
 * ```ts
 * const shape = requestFileSchema.safeParse(JSON.parse(text)); // shape only: parseRequests(json, team) for the real check
 * ```
 */
export const requestFileSchema = /* @__PURE__ */ (() =>
  z.union([requestListSchema, requestFileObjectSchema]).check(
    z.meta({
      title: 'astreinte request file',
      description:
        'Callback requests of a listening line (who asked to be called back, when, and what happened), for the ' +
        'astreinte engine: an array of requests, or an object with `requests`.',
    }),
  ))();

/** The request file as written (JSON), typed: what `parseRequests` accepts when it is well-formed. */
export type RequestFile = z.input<typeof requestFileSchema>;

/** `$id` of the generated JSON Schema. */
export const REQUESTS_SCHEMA_ID = 'https://unpkg.com/astreinte/schema/requests.schema.json';
