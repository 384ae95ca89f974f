/**
 * The JSON Schemas under schema/ against the readers they describe, with a real validator (ajv, Draft 2020-12):
 * each schema is itself valid in ajv's strict mode, every example file follows its schema and is read by its
 * reader, the command's own outputs follow the schema of the file they are read back as, and random mutations of a
 * valid document never find the schema refusing what the reader accepts (an editor never raises a false alarm).
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { parsePublishedState } from '../../src/ical/state.js';
import { parseTeam } from '../../src/model/parse.js';
import { parseRequests } from '../../src/model/requests-parse.js';
import * as files from '../../src/node/files.js';
import { readTokenFile } from '../../src/node/token-file.js';
import { example, run } from '../cli/in-memory.js';
import { oneFile as one } from '../support/one-file.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readJson = (path: string): Json => JSON.parse(read(path)) as Json;
const team = parseTeam(JSON.parse(example));

/** The file kinds with a schema, and the reader astreinte reads each with (it throws on a bad file). */
const READERS: Record<string, (json: Json) => unknown> = {
  team: (json) => parseTeam(json),
  requests: (json) => parseRequests(json, team),
  'rota-policy': (json) => files.loadPolicy('f.json', one(json)),
  'matching-policy': (json) => files.loadMatchingPolicy('f.json', one(json)),
  overrides: (json) => files.loadOverrides('f.json', team, one(json)),
  rota: (json) => files.loadPrevious('f.json', one(json)),
  bookings: (json) => files.loadBookings('f.json', team, one(json)),
  tokens: (json) => readTokenFile('f.json', one(json)),
  'feeds-state': (json) => parsePublishedState(json),
};

/** The example files, by kind. */
const EXAMPLES: [kind: string, path: string][] = [
  ['team', 'examples/ca-va-patron.json'],
  ['requests', 'examples/requests.json'],
  ['requests', 'examples/month.json'],
  ['rota-policy', 'examples/rota-policy.json'],
  ['matching-policy', 'examples/matching-policy.json'],
  ['overrides', 'examples/overrides.json'],
  ['bookings', 'examples/bookings.json'],
  ['tokens', 'examples/tokens.json'],
];

const schemaOf = (kind: string) => readJson(`schema/${kind}.schema.json`) as { [key: string]: Json };

// Strict mode: an unknown keyword, a misplaced `required` or `properties` without `type` fails the compilation.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validators = Object.fromEntries(
  Object.keys(READERS).map((kind) => [kind, ajv.compile(schemaOf(kind))]),
);

/** `true` when the schema of `kind` accepts `json`. */
const schemaAccepts = (kind: string, json: Json): boolean => validators[kind]?.(json) === true;

/** `true` when the reader accepts `json`; a failure other than a `ValidationError` is a bug, and is thrown. */
const readerAccepts = (kind: string, json: Json): boolean => {
  try {
    READERS[kind]?.(json);
    return true;
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
};

describe('the JSON Schemas under schema/', () => {
  it.each(Object.keys(READERS))('%s is a valid 2020-12 schema in strict mode, named by its $id', (kind) => {
    const schema = schemaOf(kind);
    expect(new Ajv2020({ strict: true }).validateSchema(schema)).toBe(true);
    expect(() => new Ajv2020({ strict: true }).compile(schema)).not.toThrow();
    expect(schema.$id).toBe(`https://unpkg.com/astreinte/schema/${kind}.schema.json`);
  });

  it.each(EXAMPLES)('%s: %s follows its schema and is read by astreinte', (kind, path) => {
    const json = readJson(path);
    const validate = validators[kind];
    expect(validate?.(json), JSON.stringify(validate?.errors)).toBe(true);
    expect(() => READERS[kind]?.(json)).not.toThrow();
    if (typeof json === 'object' && json !== null && !Array.isArray(json) && kind !== 'tokens') {
      expect(json.$schema).toBe(`../schema/${kind}.schema.json`);
    }
  });

  it('refuses what the readers refuse, on hand-picked documents', () => {
    // One of each thing a schema says: an unknown key, a range, an enum, a pattern, a required key, a type.
    expect(schemaAccepts('rota-policy', { handOffTime: ['08:00'] })).toBe(false);
    expect(schemaAccepts('rota-policy', { maxStretchHours: 0.5 })).toBe(false);
    expect(schemaAccepts('rota-policy', { minShiftMinutes: 90.5, maxStretchHours: 1 })).toBe(true);
    expect(schemaAccepts('rota-policy', { layers: ['primary', 'primary'] })).toBe(false);
    expect(schemaAccepts('rota-policy', { night: { from: '24:00', to: '07:00' } })).toBe(false);
    expect(schemaAccepts('rota-policy', { night: { from: '22:00', to: '24:00' } })).toBe(true);
    expect(schemaAccepts('rota-policy', { minRestHours: null })).toBe(false);
    expect(schemaAccepts('matching-policy', { gridMinutes: 25 })).toBe(false);
    expect(schemaAccepts('matching-policy', { gridMinutes: 45 })).toBe(true);
    expect(schemaAccepts('matching-policy', { bufferMinutes: 15.5 })).toBe(false);
    expect(schemaAccepts('matching-policy', { eligible: 'on call' })).toBe(false);
    const span = { coachId: 'amelie', start: '2026-12-24T18:00', end: '2026-12-24T20:00' };
    expect(schemaAccepts('overrides', [{ ...span, layer: 'primary' }])).toBe(true);
    expect(schemaAccepts('overrides', [{ ...span, layer: 'primary', start: '2026-12-24T18:00:00' }])).toBe(
      false,
    );
    expect(schemaAccepts('overrides', [{ ...span, layer: 'primary', start: '2026-12-24T18:00:30Z' }])).toBe(
      true,
    );
    expect(schemaAccepts('overrides', { $schema: 'o.json' })).toBe(false);
    expect(schemaAccepts('rota', { shifts: [{ ...span, layer: 'primary' }] })).toBe(false); // no offset
    expect(schemaAccepts('bookings', { placed: [{ ...span, id: 'R-1' }], bookings: 3 })).toBe(true); // placed wins
    expect(schemaAccepts('bookings', { bookings: [{ ...span, id: 'R-1' }] })).toBe(true);
    expect(schemaAccepts('bookings', { bookings: [{ ...span, id: '' }] })).toBe(false);
    const record = { id: '0cbaf1c156018184', hash: 'a'.repeat(64), createdAt: 1 };
    expect(schemaAccepts('tokens', { version: 1, tokens: [{ ...record, target: { kind: 'coach' } }] })).toBe(
      false,
    );
    expect(schemaAccepts('tokens', { version: 1, tokens: [{ ...record, target: { kind: 'team' } }] })).toBe(
      true,
    );
    expect(schemaAccepts('tokens', { version: 2, tokens: [] })).toBe(false);
    // Each of these, the reader refuses too.
    for (const [kind, json] of [
      ['rota-policy', { handOffTime: ['08:00'] }],
      ['rota-policy', { night: { from: '24:00', to: '07:00' } }],
      ['matching-policy', { gridMinutes: 25 }],
      ['overrides', [{ ...span, layer: 'primary', start: '2026-12-24T18:00:00' }]],
      ['bookings', { bookings: [{ ...span, id: '' }] }],
      ['tokens', { version: 1, tokens: [{ ...record, target: { kind: 'coach' } }] }],
    ] as [string, Json][]) {
      expect(readerAccepts(kind, json), `${kind} ${JSON.stringify(json)}`).toBe(false);
    }
  });
});

describe('what the command writes follows the schema of the file it is read back as', () => {
  const files = { 't.json': example, 'r.json': read('examples/requests.json') };
  let outputs: Record<string, Json> = {};
  beforeAll(async () => {
    const rota = await run(
      ['rota', 't.json', '--from', '2026-12-07', '--to', '2026-12-14', '--format', 'json'],
      files,
    );
    const match = await run(
      ['match', 't.json', 'r.json', '--now', '2026-12-02T07:30', '--format', 'json'],
      files,
    );
    const feeds = await run(
      ['feeds', 't.json', 'r.json', '--now', '2026-12-01T08:00', '--out', 'o', '--state', 's.json'],
      files,
    );
    const tokens = await run(['tokens', 'issue', 'k.json', '--coach', 'amelie'], files);
    outputs = {
      rota: JSON.parse(rota.stdout) as Json,
      bookings: JSON.parse(match.stdout) as Json,
      'feeds-state': JSON.parse(feeds.written.get('s.json') as string) as Json,
      tokens: JSON.parse(tokens.written.get('k.json') as string) as Json,
    };
  });

  it.each(['rota', 'bookings', 'feeds-state', 'tokens'])('%s', (kind) => {
    const json = outputs[kind] as Json;
    const validate = validators[kind];
    expect(validate?.(json), JSON.stringify(validate?.errors)).toBe(true);
    expect(readerAccepts(kind, json)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Mutations. A document is mutated at one of its nodes: dropped, retyped, given an unknown key, a number out of
// (or in) range, a date or time string with one character changed or a tricky one, another string.

type Path = readonly (string | number)[];

/** Every node of a document with its path, the root first. */
function nodes(json: Json, path: Path = []): { path: Path; value: Json }[] {
  const inner: { path: Path; value: Json }[] = [];
  if (Array.isArray(json)) {
    for (const [i, v] of json.entries()) inner.push(...nodes(v, [...path, i]));
  } else if (typeof json === 'object' && json !== null)
    for (const [k, v] of Object.entries(json)) inner.push(...nodes(v, [...path, k]));
  return [{ path, value: json }, ...inner];
}

const jsonType = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

type Mutation =
  | { readonly kind: 'drop' }
  | { readonly kind: 'add'; readonly key: string; readonly value: Json }
  | { readonly kind: 'retype' | 'number' | 'date' | 'text'; readonly value: Json };

/** A copy of `json` with `mutation` applied at `path`. */
function mutate(json: Json, path: Path, mutation: Mutation): Json {
  const copy = structuredClone(json);
  if (path.length === 0) {
    if (mutation.kind !== 'add') return mutation.kind === 'drop' ? null : mutation.value;
    return JSON.parse(
      JSON.stringify({ ...(copy as Record<string, Json>), [mutation.key]: mutation.value }),
    ) as Json;
  }
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (mutation.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (mutation.kind === 'add') {
    // Defined, not assigned: assigning `__proto__` would set the prototype rather than add a key.
    Object.defineProperty(parent[last], mutation.key, {
      value: mutation.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else parent[last] = mutation.value;
  // Through JSON text, as the readers get it.
  return JSON.parse(JSON.stringify(copy)) as Json;
}

const NUMBERS = [
  -1,
  0,
  0.5,
  1,
  7,
  21,
  25,
  49,
  169,
  241,
  337,
  1441,
  10_081,
  1e6,
  2 ** 53,
  -(2 ** 53),
  1.5e300,
];
const TRICKY_DATES = [
  '2026-02-30T10:00',
  '2026-04-31T10:00',
  '2026-13-01T10:00',
  '2026-12-00T10:00',
  '2026-12-01T24:00',
  '2026-12-01T10:60',
  '2026-12-01T10:00:00',
  '2026-12-01T10:00:60Z',
  '2026-12-01T10:00:00.1234Z',
  '2026-12-01T10:00+24:00',
  '2026-12-01T10:00+01:00:30',
  '2026-12-01T10:00:00+0100',
  '2026-12-01 10:00',
  '2026-12-01',
  '24:00',
  '23:59',
  '7:00',
  '07:00',
  '00:60',
  '',
];
const DATE_CHARS = '0123456789:-+.TZ ';

/** An unknown key: never a known one, never a layer name (`X` first, or a key of Object.prototype). */
const unknownKey = fc.oneof(
  fc.string({ maxLength: 8 }).map((s) => `X${s}`),
  // Keys of Object.prototype (none of them a layer name), which a reader must see as keys like any other.
  fc.constantFrom('__proto__', 'toString', 'hasOwnProperty', 'valueOf'),
);

/**
 * Numbers on and around each bound the schema states (`minimum`, `maximum`, the numbers of an `enum` or a
 * `const`), by the name of the property they bound (a list's or a map's values count under the list's or map's
 * name): b - 1, b - 0.5, b, b + 0.5, b + 1, so that range mutations land just inside and just outside each range.
 */
function boundsOf(schema: Json): Map<string, number[]> {
  const found = new Map<string, Set<number>>();
  const visit = (node: Json, key: string, owner: string): void => {
    if (typeof node === 'number' && ['minimum', 'maximum', 'enum', 'const'].includes(key)) {
      const set = found.get(owner) ?? new Set<number>();
      for (const d of [-1, -0.5, 0, 0.5, 1]) set.add(node + d);
      found.set(owner, set);
    } else if (Array.isArray(node)) for (const n of node) visit(n, key, owner);
    else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (key === 'properties') visit(v, k, k);
        else visit(v, k, owner);
      }
    }
  };
  visit(schema, '', '');
  return new Map([...found].map(([k, v]) => [k, [...v]]));
}

/** The bounds of the property a node is, or of the nearest one holding it; every bound when none is found. */
function boundsAt(bounds: Map<string, number[]>, path: Path): number[] {
  for (let i = path.length - 1; i >= 0; i--) {
    const found = bounds.get(String(path[i]));
    if (found !== undefined) return found;
  }
  return [...bounds.values()].flat();
}

/** A mutation fitting the node: numbers get numbers, strings date edits and other strings, objects new keys. */
function mutationFor(value: Json, isRoot: boolean, bounds: readonly number[]): fc.Arbitrary<Mutation> {
  const retype = fc
    .jsonValue({ maxDepth: 2 })
    .filter((v) => jsonType(v as Json) !== jsonType(value))
    .map((v): Mutation => ({ kind: 'retype', value: v as Json }));
  const options: fc.Arbitrary<Mutation>[] = [retype];
  if (!isRoot) options.push(fc.constant<Mutation>({ kind: 'drop' }));
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    options.push(
      fc.record({
        kind: fc.constant('add' as const),
        key: unknownKey,
        value: fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>,
      }),
    );
  }
  if (typeof value === 'number') {
    const number = fc.oneof(
      fc.constantFrom(...NUMBERS),
      ...(bounds.length > 0 ? [fc.constantFrom(...bounds)] : []),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    options.push(number.map((n): Mutation => ({ kind: 'number', value: n })));
  }
  if (typeof value === 'string') {
    const edited = fc
      .tuple(fc.nat(), fc.constantFrom(...DATE_CHARS))
      .map(([i, c]) =>
        value.length === 0 ? c : value.slice(0, i % value.length) + c + value.slice((i % value.length) + 1),
      );
    options.push(
      fc.oneof(edited, fc.constantFrom(...TRICKY_DATES)).map((s): Mutation => ({ kind: 'date', value: s })),
    );
    options.push(fc.string({ maxLength: 12 }).map((s): Mutation => ({ kind: 'text', value: s })));
  }
  return fc.oneof(...options);
}

/** A node of `json` and a mutation fitting it. */
const mutationOf = (kind: string, json: Json) => {
  const bounds = boundsOf(schemaOf(kind));
  return fc
    .constantFrom(...nodes(json))
    .chain(({ path, value }) =>
      mutationFor(value, path.length === 0, boundsAt(bounds, path)).map((mutation) => ({ path, mutation })),
    );
};

/** One to three mutations in a row, each on the document the one before left: the documents, last first. */
const mutatedSeveralTimes = (kind: string, json: Json, times: number): fc.Arbitrary<Json> =>
  mutationOf(kind, json).chain(({ path, mutation }) => {
    const next = mutate(json, path, mutation);
    return times <= 1 || next === null ? fc.constant(next) : mutatedSeveralTimes(kind, next, times - 1);
  });

/**
 * The documents mutated, by kind: the examples, and the command's outputs trimmed to a few entries (every node is
 * then likelier to be hit).
 */
const BASES: [kind: string, json: () => Json][] = [
  ['rota-policy', () => readJson('examples/rota-policy.json')],
  ['matching-policy', () => readJson('examples/matching-policy.json')],
  ['overrides', () => readJson('examples/overrides.json')],
  ['bookings', () => readJson('examples/bookings.json')],
  ['tokens', () => readJson('examples/tokens.json')],
  // Keys and forms the examples do not use.
  [
    'rota-policy',
    () => ({
      layers: ['primary', 'backup', 'night-watch'],
      handOffTimes: [],
      night: { from: '23:00', to: '24:00' },
      layerSkills: { backup: ['senior'], 'night-watch': ['senior', 'nights'] },
    }),
  ],
  ['matching-policy', () => ({ eligible: 'on-call', layers: ['primary'] })],
  [
    'tokens',
    () => ({
      version: 1,
      tokens: [
        {
          id: '0cbaf1c156018184',
          target: { kind: 'coach', coachId: 'amelie' },
          hash: 'b'.repeat(64),
          createdAt: Date.UTC(2026, 11, 1),
          revokedAt: Date.UTC(2026, 11, 2),
        },
      ],
    }),
  ],
  [
    'overrides',
    () => [{ layer: 'backup', coachId: 'gaelle', start: '2026-12-01T19:00:00Z', end: '2026-12-01T21:00' }],
  ],
  [
    'bookings',
    () => ({
      now: '2026-12-02T07:30:00+01:00',
      placed: [
        {
          id: 'R-2026-0044',
          coachId: 'elodie',
          start: '2026-12-02T07:30:00+01:00',
          end: '2026-12-02T08:30:00+01:00',
          attempt: 1,
        },
      ],
      notPlaced: [{ id: 'R-2026-0041', reason: 'not-for-matching' }],
    }),
  ],
  [
    'rota',
    () => ({
      $schema: '../schema/rota.schema.json',
      team: 'Ça va patron ?',
      shifts: [
        {
          layer: 'primary',
          coachId: 'amelie',
          start: '2026-12-07T19:00:00+01:00',
          end: '2026-12-07T23:00:00+01:00',
        },
        {
          layer: 'backup',
          coachId: 'claire',
          start: '2026-12-07T19:30:00+01:00',
          end: '2026-12-07T23:00:00+01:00',
          override: true,
        },
      ],
    }),
  ],
  [
    'feeds-state',
    () => ({
      version: 1,
      events: [
        {
          uid: 'a1@astreinte',
          feed: 'coach:amelie',
          start: Date.UTC(2026, 11, 7, 18),
          end: Date.UTC(2026, 11, 7, 22),
          coachId: 'amelie',
          summary: 'Astreinte primary',
          transparent: true,
          status: 'confirmed',
          sequence: 0,
          createdAt: Date.UTC(2026, 11, 1, 7),
          modifiedAt: Date.UTC(2026, 11, 1, 7),
        },
        {
          uid: 'g1@astreinte',
          feed: 'gaps',
          start: Date.UTC(2026, 11, 7, 8),
          end: Date.UTC(2026, 11, 7, 18),
          coachId: null,
          summary: 'Aucun coach disponible',
          transparent: true,
          status: 'cancelled',
          sequence: 2,
          createdAt: Date.UTC(2026, 11, 1, 7),
          modifiedAt: Date.UTC(2026, 11, 2, 7),
        },
      ],
    }),
  ],
];

/**
 * Where the converse (the schema accepts, so the reader accepts) does not hold, by kind: what a schema cannot
 * say. Dates that do not exist (02-30) and `end` after `start` are left to the readers, so `date` and `text`
 * mutations are out everywhere; so are new numbers for the feeds' `start` and `end` (their order), and changes to
 * a rota policy's `layers` (the layers `layerWeights` names must be among them). Bookings' coaches must be in the
 * team: retyping, dropping, adding and range changes never make a wrong coach, so those stay in.
 */
const conversed = (kind: string, path: Path, mutation: Mutation): boolean => {
  if (mutation.kind === 'date' || mutation.kind === 'text') return false;
  if (kind === 'feeds-state' && mutation.kind === 'number' && (path[2] === 'start' || path[2] === 'end'))
    return false;
  if (kind === 'rota-policy' && path[0] === 'layers') return false;
  return true;
};

/**
 * Documents the properties found with `FC_SEED=random`, kept (CONTRIBUTING): each made its reader throw a
 * TypeError instead of a ValidationError (a listed object whose `toString` key is not a function, joined or passed
 * to `String`), and is refused since.
 */
const FOUND: Record<string, Json[]> = {
  'rota-policy': [
    {
      layers: ['primary', { '': '' }, { toString: false }],
      handOffTimes: [],
      night: { from: '23:00', to: '24:00' },
      layerSkills: { backup: ['senior'], 'night-watch': ['senior', 'nights'] },
    },
  ],
  'feeds-state': [
    {
      version: 1,
      events: [{ uid: 'a@astreinte', feed: { toString: false }, start: 0, end: 1, coachId: null }],
    },
  ],
};

describe.each(BASES)('mutations of a valid %s document', (kind, base) => {
  const json = base();

  it('starts from a document both the schema and the reader accept', () => {
    expect(schemaAccepts(kind, json), JSON.stringify(validators[kind]?.errors)).toBe(true);
    expect(readerAccepts(kind, json)).toBe(true);
  });

  it('whatever the schema refuses, the reader refuses (no false alarm in an editor), and it never crashes', () => {
    const mutated = fc.integer({ min: 1, max: 3 }).chain((times) => mutatedSeveralTimes(kind, json, times));
    fc.assert(
      fc.property(mutated, (document) => {
        const read = readerAccepts(kind, document); // throws on anything but a ValidationError
        if (!schemaAccepts(kind, document)) expect(read).toBe(false);
      }),
      { numRuns: 400, examples: (FOUND[kind] ?? []).map((document) => [document]) },
    );
  });

  it('for what a schema can say (types, keys, ranges), what the schema accepts, the reader accepts', () => {
    fc.assert(
      fc.property(mutationOf(kind, json), ({ path, mutation }) => {
        fc.pre(conversed(kind, path, mutation));
        const mutated = mutate(json, path, mutation);
        expect(readerAccepts(kind, mutated)).toBe(schemaAccepts(kind, mutated));
      }),
      { numRuns: 300 },
    );
  });
});
