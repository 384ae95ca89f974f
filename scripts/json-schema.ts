/**
 * JSON Schemas of the files astreinte reads, built at build time (`npm run schema`; `test/model/schema.test.ts`
 * fails when a committed file is stale): the team and request files' from their zod schemas, the others' written
 * here by hand, each mirroring the hand-written check that reads its file (`resolvePolicy`, `loadOverrides`, ...)
 * as far as JSON Schema can say it. What it cannot say (a date that does not exist, `end` after `start`, a coach or
 * a layer that must exist) is left to those checks, so a schema may accept a file astreinte refuses, never the
 * reverse (`test/model/json-schema.test.ts` checks it). Kept out of `src/` so that no generator reaches a runtime
 * bundle.
 *
 * @module
 */
import * as z from 'zod/mini';
import { REQUESTS_SCHEMA_ID, requestFileSchema } from '../src/model/requests-schema.js';
import { TEAM_SCHEMA_ID, teamFileSchema } from '../src/model/schema.js';

/** One generated schema: where it is committed, and its content. */
export interface GeneratedSchema {
  /** Path in the repository, e.g. `schema/team.schema.json`. */
  readonly file: string;
  readonly schema: Record<string, unknown>;
}

/** Draft 2020-12 JSON Schema of an input shape, with its `$id` right after `$schema`. */
function jsonSchemaOf(shape: z.ZodMiniType, id: string): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(shape, { io: 'input', target: 'draft-2020-12' });
  return { $schema, $id: id, ...rest };
}

/**
 * Every JSON Schema the package ships, as committed under `schema/`.
 *
 * @example
 * ```ts
 * for (const { file, schema } of generatedSchemas()) writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
 * ```
 */
export function generatedSchemas(): GeneratedSchema[] {
  return [
    { file: 'schema/team.schema.json', schema: jsonSchemaOf(teamFileSchema, TEAM_SCHEMA_ID) },
    { file: 'schema/requests.schema.json', schema: jsonSchemaOf(requestFileSchema, REQUESTS_SCHEMA_ID) },
    ...HAND_WRITTEN.map((schema) => ({ file: `schema/${String(schema.$id).split('/').pop()}`, schema })),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// The hand-written schemas. Each `pattern` says exactly what its reader's regular expression and range checks let
// through (see `src/time/local.ts`, `src/time/iso.ts`), except the days of each month.

type Json = Record<string, unknown>;

/** `$id` of a hand-written schema, in the style of `TEAM_SCHEMA_ID`. */
const idOf = (name: string) => `https://unpkg.com/astreinte/schema/${name}.schema.json`;

/** The largest integer a reader takes as an instant or a count (`Number.isSafeInteger`). */
const SAFE = Number.MAX_SAFE_INTEGER;

const DATE = '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';
const HOUR_MINUTE = '(?:[01]\\d|2[0-3]):[0-5]\\d';
/** `Z`, or an offset `±HH:mm` with optional seconds (`parseIsoInstant` reads any two digits there). */
const OFFSET = '(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d(?::\\d{2})?)';
const SECONDS = '(?::[0-5]\\d(?:\\.\\d{1,3})?)?';

/** `parseTimeOfDay` below 24:00: `00:00` to `23:59`. */
const START_TIME = `^${HOUR_MINUTE}$`;
/** `parseTimeOfDay`: `00:00` to `24:00`. */
const END_TIME = `^(?:${HOUR_MINUTE}|24:00)$`;
/** `parseIsoInstant`: a date-time that says its offset. */
const ISO_INSTANT = `^${DATE}T${HOUR_MINUTE}${SECONDS}${OFFSET}$`;
/** `instantIn(team)`: a local `YYYY-MM-DDTHH:mm` (no seconds), or a date-time with its offset. */
const LOCAL_OR_ISO_INSTANT = `^${DATE}T${HOUR_MINUTE}(?:${SECONDS}${OFFSET})?$`;
/** A rota layer's name, as `resolvePolicy` checks it. */
const LAYER_NAME = '^[a-z][a-z0-9-]*$';

const SCHEMA_KEY = {
  type: 'string',
  description: 'URL or path of this JSON Schema, for editors; ignored by astreinte.',
};

/** The root of a hand-written schema: `$schema` and `$id` first, as the generated ones. */
const root = (name: string, title: string, description: string, body: Json): Json => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: idOf(name),
  title,
  description,
  ...body,
});

const nonEmpty = (description: string): Json => ({ type: 'string', minLength: 1, description });

const range = (
  type: 'number' | 'integer',
  minimum: number,
  maximum: number,
  description: string,
  dflt: number,
) => ({
  type,
  minimum,
  maximum,
  default: dflt,
  description,
});

const instant = (pattern: string, description: string, examples: string[]): Json => ({
  type: 'string',
  pattern,
  description,
  examples,
});

/** How a span's instants are written: the pattern, its description, an example start and end. */
interface InstantForm {
  readonly pattern: string;
  readonly text: string;
  readonly examples: readonly [string, string];
}

/** A span `{ <label>, coachId, start, end }` as `readSpans` in `src/node/files.ts` reads it; other keys are not read. */
const span = (title: string, label: Json, coach: string, form: InstantForm): Json => ({
  title,
  type: 'object',
  required: [...Object.keys(label), 'coachId', 'start', 'end'],
  properties: {
    ...label,
    coachId: nonEmpty(coach),
    start: instant(form.pattern, `Start (inclusive): ${form.text}`, [form.examples[0]]),
    end: instant(form.pattern, `End (exclusive), after \`start\`: ${form.text}`, [form.examples[1]]),
  },
});

const LOCAL_OR_ISO_TEXT =
  'a local date-time YYYY-MM-DDTHH:mm (no seconds) in the team\u2019s time zone (read by the DST rules: a time ' +
  'in the spring-forward gap moves past it, one in the fall-back overlap is its earlier occurrence), or ISO 8601 ' +
  'with its offset (seconds and milliseconds optional).';

const rotaPolicySchema = root(
  'rota-policy',
  'astreinte rota policy',
  'The rules a generated rota follows (`astreinte rota --policy`, `report coverage --policy`, `report monthly ' +
    '--policy`; `RotaPolicyInput`). Every setting is optional and has a default; an unknown setting, or null, is ' +
    'refused. Layer names given in `layerSkills` and `layerWeights` must be listed in `layers` (or be the default ' +
    'layers), and the night\u2019s `from` and `to` must differ: astreinte checks those.',
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: SCHEMA_KEY,
      layers: {
        type: 'array',
        minItems: 1,
        maxItems: 5,
        uniqueItems: true,
        items: {
          type: 'string',
          pattern: LAYER_NAME,
          description: 'A layer name: lowercase letters, digits and -.',
        },
        default: ['primary', 'backup'],
        examples: [['primary', 'backup'], ['primary']],
        description:
          'Layer names, most important first (the first is the first line, which takes the calls; the next ' +
          'are rung when it does not answer): 1 to 5, each once, lowercase letters, digits and -.',
      },
      handOffTimes: {
        type: 'array',
        items: { type: 'string', pattern: START_TIME, description: 'A local time HH:mm, 00:00 to 23:59.' },
        default: ['00:00', '04:00', '08:00', '12:00', '16:00', '20:00'],
        examples: [['08:00', '20:00'], []],
        description:
          'Local times (team zone, HH:mm, 00:00 to 23:59) at which shifts hand off to whoever is owed it most; ' +
          'a time listed twice counts once. An empty list hands off only at the boundaries of availability (or ' +
          'where a cap, stretch or rest forces it): fewest hand-offs, looser fairness. Default: every 4 hours ' +
          'from 00:00.',
      },
      minShiftMinutes: range(
        'number',
        0,
        1440,
        'Shortest shift the rota creates by choice, in MINUTES (0 to 1440): a coach who took a shift keeps it at ' +
          'least this long while still eligible. Shorter shifts only appear where availability forces them.',
        60,
      ),
      maxStretchHours: range(
        'number',
        1,
        168,
        'Longest continuous on-call stretch, all layers together, in HOURS (1 to 168).',
        12,
      ),
      minRestHours: range('number', 0, 168, 'Shortest rest between two stretches, in HOURS (0 to 168).', 8),
      night: {
        type: 'object',
        required: ['from', 'to'],
        properties: {
          from: {
            type: 'string',
            pattern: START_TIME,
            description: 'When the night starts, local HH:mm (team zone), 00:00 to 23:59.',
          },
          to: {
            type: 'string',
            pattern: END_TIME,
            description:
              'When it ends, local HH:mm (24:00 allowed), different from `from`; earlier than `from`: the next day.',
          },
        },
        default: { from: '22:00', to: '07:00' },
        description:
          'The night, local wall-clock HH:mm in the team zone (crossing midnight when `to` < `from`), for the ' +
          'night hours of each coach\u2019s load. Other keys in it are not read.',
      },
      layerSkills: {
        type: 'object',
        propertyNames: { pattern: LAYER_NAME },
        additionalProperties: {
          type: 'array',
          items: { type: 'string', minLength: 1, description: 'A skill, as in the coaches\u2019 `skills`.' },
          description: 'Skills a coach must all have to hold this layer.',
        },
        default: {},
        examples: [{ backup: ['senior'] }],
        description:
          'Skills a coach must all have to hold a layer, by layer name (a layer of `layers`). Default: none.',
      },
      layerWeights: {
        type: 'object',
        propertyNames: { pattern: LAYER_NAME },
        additionalProperties: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'How much an hour of this layer counts, 0 to 1.',
        },
        examples: [{ backup: 0.25 }],
        description:
          'How much an hour of each layer counts, by layer name (a layer of `layers`), from 0 to 1 (the first ' +
          'line takes the calls; the backup is rung only when it does not answer). Used for the weighted load ' +
          'and its fair share; a layer left out keeps its default. Default: the first layer 1, every other 0.5.',
      },
    },
  },
);

/** `gridMinutes`: the divisors of 1,440 from 5 to 240, as `resolveMatchingPolicy` checks it. */
const GRIDS = Array.from({ length: 236 }, (_, i) => i + 5).filter((n) => 1440 % n === 0);

const matchingPolicySchema = root(
  'matching-policy',
  'astreinte matching policy',
  'Who may take a call, when calls may start, how far apart, how many a day, and how retries are spaced ' +
    '(`astreinte match --policy`, `sla --policy`; `MatchingPolicyInput`). Every setting is optional and has a ' +
    'default; an unknown setting, or null, is refused. Every number is a whole number.',
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: SCHEMA_KEY,
      eligible: {
        enum: ['available', 'on-call'],
        default: 'available',
        description:
          '`available`: any coach free then (availability minus absences). `on-call`: only coaches holding one ' +
          'of `layers` in the rota then (the command needs --rota).',
      },
      layers: {
        type: 'array',
        items: { type: 'string', minLength: 1, description: 'A rota layer name.' },
        examples: [['primary']],
        description:
          'With `eligible: "on-call"`, the rota layers whose holders take calls. Default: every layer of the rota.',
      },
      bufferMinutes: range(
        'integer',
        0,
        240,
        'MINUTES a coach keeps free between the end of one call and the start of the next (0 to 240).',
        15,
      ),
      maxCallsPerDay: range(
        'integer',
        1,
        48,
        'Most calls per coach per local day (of the coach\u2019s zone), existing bookings included (1 to 48).',
        3,
      ),
      gridMinutes: {
        type: 'integer',
        enum: GRIDS,
        default: 30,
        description:
          'Calls start on this grid of local wall-clock time, in MINUTES (minutes past local midnight divisible ' +
          'by it): a divisor of 1440 from 5 to 240.',
      },
      minNoticeMinutes: range(
        'integer',
        0,
        7 * 24 * 60,
        'Earliest start after `now`, in MINUTES (time to read the request and get ready); 0 to 10080 (a week).',
        0,
      ),
      retrySpacingMinutes: range(
        'integer',
        0,
        7 * 24 * 60,
        'After a `no-answer` attempt, the next try starts at least this many MINUTES later; 0 to 10080 (a week).',
        120,
      ),
      maxRetries: range(
        'integer',
        0,
        20,
        'Tries after the first (0 to 20): a request with more `no-answer` attempts than this is `unreachable`.',
        3,
      ),
      deadlineHours: range(
        'integer',
        1,
        14 * 24,
        'The promise to the caller, in HOURS (1 to 336): first contact within this long after receipt, or ' +
          'after the start of the first callback window when the caller asked to be called later.',
        24,
      ),
    },
  },
);

/** A list of the span defined under `$defs/<def>`. */
const listOf = (def: string, description: string): Json => ({
  type: 'array',
  items: { $ref: `#/$defs/${def}` },
  description,
});

/** Instants as overrides and bookings write them, with an example start and end. */
const localOrIso = (examples: readonly [string, string]): InstantForm => ({
  pattern: LOCAL_OR_ISO_INSTANT,
  text: LOCAL_OR_ISO_TEXT,
  examples,
});

const override = span(
  'Override',
  {
    layer: nonEmpty('The rota layer the coach holds then (a layer of the rota policy; checked by the rota).'),
  },
  'The coach pinned on that layer (a coach of the team file; checked by the rota).',
  localOrIso(['2026-12-24T18:00', '2026-12-25T08:00']),
);

const overridesSchema = root(
  'overrides',
  'astreinte rota overrides',
  'Coaches pinned on a layer over a span (`astreinte rota --overrides`; `loadOverridesFile`): they win over the ' +
    'generated rota. A list, or `{ "overrides": [...] }` (the form that can carry `$schema`). Other keys are not ' +
    'read. Each `end` must be after its `start`, and dates must exist: astreinte checks those.',
  {
    anyOf: [
      listOf('override', 'The overrides, in any order.'),
      {
        type: 'object',
        required: ['overrides'],
        properties: {
          $schema: SCHEMA_KEY,
          overrides: listOf('override', 'The overrides, in any order.'),
        },
      },
    ],
    $defs: { override },
  },
);

const booking = span(
  'Booking',
  { id: nonEmpty('The request\u2019s id, as in the request file.') },
  'The coach who takes the call (a coach of the team file; checked when read).',
  localOrIso(['2026-12-02T12:00:00+01:00', '2026-12-02T13:00:00+01:00']),
);

const bookingsSchema = root(
  'bookings',
  'astreinte bookings',
  'Calls already booked, which the matching keeps (`astreinte match --bookings`, `sla --bookings`, `feeds ' +
    '--bookings`; `loadBookingsFile`): a list, `{ "bookings": [...] }`, or the JSON printed by `astreinte match ' +
    '--format json`, whose `placed` calls are the bookings (when both keys are there, `placed` is read). Other ' +
    'keys are not read. Each `end` must be after its `start`, dates must exist and coaches be in the team: ' +
    'astreinte checks those.',
  {
    anyOf: [
      listOf('booking', 'The bookings, in any order.'),
      {
        type: 'object',
        required: ['placed'],
        properties: {
          $schema: SCHEMA_KEY,
          placed: listOf('booking', 'The calls placed by `astreinte match --format json`: the bookings.'),
        },
      },
      {
        type: 'object',
        required: ['bookings'],
        not: { required: ['placed'] },
        properties: {
          $schema: SCHEMA_KEY,
          bookings: listOf('booking', 'The bookings, in any order.'),
        },
      },
    ],
    $defs: { booking },
  },
);

/** Keys of `rota --format json` that reading it back ignores: described for editors, not constrained. */
const notReadBack = (what: string): Json => ({ description: `${what} Not read back.` });

const rotaSchema = root(
  'rota',
  'astreinte published rota',
  'A rota printed by `astreinte rota --format json`, read back as the rota published before (`rota --previous`, ' +
    '`match --rota`, `sla --rota`, `feeds --rota`, `serve --rota`; `loadRotaFile`). Only `shifts` is read, and in ' +
    'each shift only `layer`, `coachId`, `start` and `end`; instants must say their offset. Each `end` must be ' +
    'after its `start`, and dates must exist: astreinte checks those.',
  {
    type: 'object',
    required: ['shifts'],
    properties: {
      $schema: SCHEMA_KEY,
      team: notReadBack('The team\u2019s name.'),
      timeZone: notReadBack('The team\u2019s IANA time zone.'),
      from: notReadBack('Start of the horizon, ISO 8601 with offset.'),
      to: notReadBack('End of the horizon (exclusive), ISO 8601 with offset.'),
      layers: notReadBack('The layers, most important first.'),
      shifts: {
        type: 'array',
        items: {
          ...span('Shift', { layer: nonEmpty('The layer held (e.g. `primary`).') }, 'The coach on call.', {
            pattern: ISO_INSTANT,
            text: 'ISO 8601 with its offset (seconds and milliseconds optional), e.g. 2026-12-01T19:00:00+01:00.',
            examples: ['2026-12-01T19:00:00+01:00', '2026-12-01T23:00:00+01:00'],
          }),
        },
        description: 'Who was on call: one entry per shift.',
      },
      unfilled: notReadBack('Spans in which a layer has nobody.'),
      load: notReadBack('Each coach\u2019s load against a fair share.'),
      quality: notReadBack('Figures of the rota\u2019s quality.'),
      flags: notReadBack('Rules the rota had to bend.'),
    },
  },
);

/** An instant as the token file and the feeds' state write it (`Number.isSafeInteger`). */
const epochMs = (description: string): Json => ({
  type: 'integer',
  minimum: -SAFE,
  maximum: SAFE,
  description: `${description}, UTC epoch MILLISECONDS.`,
});

/** A versioned document `{ version: 1, <key>: [...] }`, as the token file and the feeds' state are. */
const versioned = (what: string, key: string, description: string, items: Json): Json => ({
  type: 'object',
  required: ['version', key],
  properties: {
    $schema: SCHEMA_KEY,
    version: { const: 1, description: `Version of the ${what}\u2019s shape: 1.` },
    [key]: { type: 'array', description, items },
  },
});

const tokensSchema = root(
  'tokens',
  'astreinte feed tokens',
  'The issued feed tokens (`astreinte tokens issue`, `tokens revoke`, `serve --tokens`; `TokenFile`, ' +
    '`parseTokenFile`, `jsonFileTokenStore`), written by `astreinte tokens issue`: only each token\u2019s SHA-256, ' +
    'never a token. Other keys are not read (and not written back).',
  versioned('file', 'tokens', 'Every issued token\u2019s record, revoked ones included.', {
    title: 'Token record',
    type: 'object',
    required: ['id', 'target', 'hash', 'createdAt'],
    properties: {
      id: {
        type: 'string',
        pattern: '^[0-9a-f]{16}$',
        description:
          'A short random id (16 lowercase hex digits), to name the record; unrelated to the token.',
      },
      target: {
        description:
          'The feed the token opens: `{ "kind": "coach", "coachId" }`, `{ "kind": "team" }` or `{ "kind": "gaps" }`.',
        type: 'object',
        required: ['kind'],
        anyOf: [
          {
            required: ['kind', 'coachId'],
            properties: {
              kind: { const: 'coach', description: 'One coach\u2019s own feed.' },
              coachId: nonEmpty('The coach\u2019s id, as in the team file.'),
            },
          },
          {
            properties: {
              kind: {
                enum: ['team', 'gaps'],
                description:
                  '`team`: every coach\u2019s shifts; `gaps`: spans without enough coaches, and SLA exposure.',
              },
            },
          },
        ],
      },
      hash: {
        type: 'string',
        pattern: '^[0-9a-f]{64}$',
        description: 'SHA-256 of the token\u2019s text, 64 lowercase hex digits.',
      },
      createdAt: epochMs('When it was issued'),
      revokedAt: epochMs('Set once revoked (the token opens nothing from then on)'),
    },
  }),
);

const text = (description: string): Json => ({ type: 'string', minLength: 1, maxLength: 4096, description });

const feedsStateSchema = root(
  'feeds-state',
  'astreinte feeds\u2019 published state',
  'What each iCal feed last published (`astreinte feeds --state`; `PublishedState`, `parsePublishedState`), so a ' +
    'regeneration raises `SEQUENCE` on a changed event and publishes a vanished one as cancelled for a while. ' +
    'Written by `astreinte feeds --state`, not by hand; it holds no caller\u2019s personal data. Other keys are not ' +
    'read. Each `end` must be after its `start`, and a uid appear once per feed: astreinte checks those.',
  versioned(
    'state',
    'events',
    'Every event as last published in each feed (sorted by feed, then start, then uid, when written).',
    {
      title: 'Published event',
      type: 'object',
      required: [
        'uid',
        'feed',
        'start',
        'end',
        'coachId',
        'summary',
        'transparent',
        'status',
        'sequence',
        'createdAt',
        'modifiedAt',
      ],
      properties: {
        uid: text('The event\u2019s `UID`, stable across runs (1 to 4096 characters).'),
        feed: text('The feed it was published in: `coach:<coachId>`, `team` or `gaps`.'),
        start: epochMs('Start (inclusive)'),
        end: epochMs('End (exclusive), after `start`'),
        coachId: {
          anyOf: [{ type: 'null' }, { type: 'string', minLength: 1, maxLength: 4096 }],
          description: 'The coach it is about; null for gaps.',
        },
        summary: text('The summary printed, without any contact detail.'),
        transparent: {
          type: 'boolean',
          description: '`true` for shifts and gaps (free time), `false` for calls.',
        },
        status: {
          enum: ['confirmed', 'cancelled'],
          description:
            '`cancelled` once the event left the inputs (published so for a grace period, then dropped).',
        },
        sequence: {
          type: 'integer',
          minimum: 0,
          maximum: SAFE,
          description: '`SEQUENCE` as published; 0 on first publication.',
        },
        createdAt: epochMs('When it was first published (`CREATED`)'),
        modifiedAt: epochMs('When it last changed (`LAST-MODIFIED` and `DTSTAMP`)'),
      },
    },
  ),
);

/** The hand-written schemas; each is written to schema/ under the file name its `$id` ends with. */
const HAND_WRITTEN: readonly Json[] = [
  rotaPolicySchema,
  matchingPolicySchema,
  overridesSchema,
  rotaSchema,
  bookingsSchema,
  tokensSchema,
  feedsStateSchema,
];
