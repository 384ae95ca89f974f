import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { safeParseRequests } from '../../src/model/requests-parse.js';
import { issueRequest, requestsErrorOf, requestsTeam } from '../support/requests.js';

// Confidentiality: a caller's contact never reaches an error. Every contact field below holds a marker; no marker
// may appear in the issues, the message or the error as a string, whatever else is wrong with the file.
const team = requestsTeam();
const NAME = 'MARKER-NAME-7f3a';
const PHONE = '+33 6 98 76 54 31'; // a valid number: its digits are the marker
const MAIL = 'marker-mail-5e2b@x.fr';
const LEAKS = /marker|98 76 54 31|98765431/i;

/** A request whose contact holds the markers, with `fields` replaced. */
function marked(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...issueRequest({ name: NAME, phone: PHONE, email: MAIL }), ...fields };
}

function leaks(error: ValidationError): string[] {
  const texts = [JSON.stringify(error.issues), error.message, String(error), JSON.stringify(error)];
  return texts.filter((text) => LEAKS.test(text));
}

const errorOf = (input: unknown): ValidationError => requestsErrorOf(input, team);

describe('no contact data in errors', () => {
  it('invalid contact values, unknown keys in contact, contact not an object', () => {
    const file = [
      marked({ contact: { name: '', phone: 'MARKER-PHONE-9c1d', email: 'MARKER-MAIL-5e2b' } }),
      marked({ contact: { name: `${NAME}${'x'.repeat(200)}`, phone: PHONE, mail: MAIL } }),
      marked({ contact: { name: NAME, phone: 12345678, email: [MAIL] } }),
      marked({ contact: `${NAME} ${PHONE}` }),
      marked({ contact: [NAME, PHONE, MAIL] }),
      marked({ contact: { name: NAME, phone: PHONE, email: MAIL, notes: { who: NAME } } }),
    ];
    const error = errorOf(file);
    expect(error.issues.map((i) => i.message)).toStrictEqual([
      'requests[0].contact.name: is empty (expected a non-empty string of at most 200 characters)',
      'requests[0].contact.phone: is not a phone number (expected digits, with an optional leading + and spaces, ' +
        'dots, dashes or parentheses; 6 to 20 digits)',
      'requests[0].contact.email: is not an e-mail address (expected an address local@domain.tld of at most 254 ' +
        'characters)',
      'requests[1].id: "R-2026-0042" is already the id of requests[0] (expected an id no other request has)',
      'requests[1].contact.name: is longer than 200 characters (expected a non-empty string of at most 200 ' +
        'characters)',
      'requests[1].contact.mail: is under an unknown key; did you mean "email"? (expected one of the keys name, ' +
        'phone, email)',
      'requests[2].id: "R-2026-0042" is already the id of requests[0] (expected an id no other request has)',
      'requests[2].contact.phone: is not a phone number (expected digits, with an optional leading + and spaces, ' +
        'dots, dashes or parentheses; 6 to 20 digits)',
      'requests[2].contact.email: is not an e-mail address (expected an address local@domain.tld of at most 254 ' +
        'characters)',
      'requests[3].id: "R-2026-0042" is already the id of requests[0] (expected an id no other request has)',
      'requests[3].contact: is not a contact (expected an object with name, phone or email)',
      'requests[4].id: "R-2026-0042" is already the id of requests[0] (expected an id no other request has)',
      'requests[4].contact: is not a contact (expected an object with name, phone or email)',
      'requests[5].id: "R-2026-0042" is already the id of requests[0] (expected an id no other request has)',
      'requests[5].contact.notes: is under an unknown key (expected one of the keys name, phone, email)',
    ]);
    for (const found of error.issues.filter((i) => i.path.includes('contact'))) {
      expect(found.value).toBeUndefined();
      expect(found.redacted).toBe(true);
    }
    // Problems elsewhere still show their value, and are not marked redacted.
    expect(error.issues[3]!.value).toBe('R-2026-0042');
    expect(error.issues[3]).not.toHaveProperty('redacted');
    expect(leaks(error)).toStrictEqual([]);
  });

  it('requests, lists and files that hold a contact are named by their type', () => {
    const cases: [unknown, string][] = [
      [
        [[marked()]],
        'requests[0]: an array is not a request (expected an object with id, receivedAt, door, channel and callbackWindows)',
      ],
      [
        [`${NAME} ${PHONE} rappeler demain`],
        'requests[0]: a string is not a request (expected an object with id, receivedAt, door, channel and callbackWindows)',
      ],
      [
        { requests: marked() },
        'requests: an object is not a list of requests (expected an array of at most 200000 requests)',
      ],
      [
        { requests: `${PHONE}` },
        'requests: a string is not a list of requests (expected an array of at most 200000 requests)',
      ],
      [
        `${NAME} ${PHONE}`,
        '(input): a string is not a request file (expected an array of requests, or an object with requests)',
      ],
    ];
    for (const [input, message] of cases) {
      const error = errorOf(input);
      expect(error.issues.map((i) => i.message)).toStrictEqual([message]);
      expect(error.issues[0]!.redacted).toBe(true);
      expect(leaks(error)).toStrictEqual([]);
    }
  });

  it('contact data under keys the file does not define, or under the wrong known key', () => {
    const file = [
      marked({ contcat: { name: NAME }, contact: undefined }),
      marked({ id: 'R2', phone: PHONE, email: MAIL, notes: `${NAME} called about the shop` }),
      marked({ id: 'R3', topic: { name: NAME }, caseId: [PHONE], callbackWindows: { phone: PHONE } }),
      marked({
        id: 'R4',
        attempts: [{ at: '2026-12-02T12:00', coachId: 'amelie', outcome: 'reached', note: NAME }],
      }),
    ];
    const error = errorOf(file);
    expect(error.issues.map((i) => i.path)).toStrictEqual([
      'requests[0].contcat',
      'requests[1].phone',
      'requests[1].email',
      'requests[1].notes',
      'requests[2].topic',
      'requests[2].caseId',
      'requests[2].callbackWindows',
      'requests[3].attempts[0].note',
    ]);
    expect(error.issues[0]!.message).toBe(
      'requests[0].contcat: is under an unknown key; did you mean "contact"? (expected one of the keys id, ' +
        'receivedAt, door, channel, topic, caseId, callbackWindows, durationMinutes, contact, attempts, ' +
        'firstContactAt, pauses, outcome)',
    );
    expect(error.issues[4]!.message).toBe(
      'requests[2].topic: an object is not a topic (expected one of wellbeing, economic, administrative, legal, ' +
        'financial, hr, other)',
    );
    expect(error.issues.every((i) => i.redacted === true && i.value === undefined)).toBe(true);
    expect(leaks(error)).toStrictEqual([]);
  });

  it('a single request given as the whole file', () => {
    const error = errorOf(marked());
    expect(error.issues.find((i) => i.path === 'contact')?.message).toBe(
      'contact: is under an unknown key (expected one of the keys $schema, requests)',
    );
    expect(leaks(error)).toStrictEqual([]);
  });

  it('many requests, every kind of problem at once', () => {
    const bad = (i: number): Record<string, unknown> =>
      marked({
        id: i % 7 === 0 ? 'R-dup' : `R-${i}`,
        door: ['coaches', 'cci', 'x'][i % 3],
        receivedAt: i % 5 === 0 ? '2026-02-30T10:00' : '2026-12-01T21:14:00+01:00',
        callbackWindows: [
          { start: '2026-12-02T14:00', end: i % 2 === 0 ? '2026-12-02T12:00' : '2028-12-02T12:00' },
        ],
        durationMinutes: i % 4 === 0 ? 5 : 60,
        attempts: [
          { at: '2026-11-01T10:00', coachId: i % 3 === 0 ? 'nobody' : 'amelie', outcome: 'reached' },
        ],
        contact:
          i % 2 === 0
            ? { name: NAME, phone: PHONE, email: MAIL }
            : { name: NAME, phone: 'MARKER', nom: NAME },
      });
    const error = errorOf(Array.from({ length: 40 }, (_, i) => bad(i)));
    expect(error.issues.length).toBeGreaterThan(100);
    expect(leaks(error)).toStrictEqual([]);
  });
});

/** Anything safeParseRequests does on any input: requests, or a ValidationError that leaks no contact data. */
function checkOutcome(input: unknown): void {
  let result: ReturnType<typeof safeParseRequests>;
  try {
    result = safeParseRequests(input, team);
  } catch (error) {
    throw new Error(`safeParseRequests threw ${String(error)}`);
  }
  if (result.success) return;
  expect(result.error).toBeInstanceOf(ValidationError);
  expect(result.error.issues.length).toBeGreaterThan(0);
  expect(leaks(result.error)).toStrictEqual([]);
  for (const found of result.error.issues) {
    expect(found.message).not.toMatch(
      /Invalid input|\breceived\b|Too (big|small)|Invalid option|Unrecognized/,
    );
    expect(found.message.startsWith(found.path === '' ? '(input): ' : `${found.path}: `)).toBe(true);
  }
}

type Node = Record<string | number, unknown>;

/** Every path into `value` (objects and arrays), the root first. */
function placesOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((key) => placesOf((value as Node)[key], [...at, key]))];
}

describe('no contact data leaks from a file damaged anywhere', () => {
  const file = () => ({ requests: [marked(), marked({ id: 'R2', door: 'cci', callbackWindows: [] })] });
  const places = placesOf(file());
  const junk = fc
    .oneof(
      fc.jsonValue(),
      fc.constantFrom(
        '2026-02-30T10:00',
        '2026-12-02T12:00Z',
        'coaches',
        'amelie',
        'reached',
        '',
        0,
        15,
        241,
        null,
      ),
    )
    .filter((value) => !LEAKS.test(JSON.stringify(value) ?? ''));
  const keyName = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      'contact',
      'contacts',
      'Contact',
      'name',
      'phone',
      'id',
      'topic',
      '__proto__',
      'requests',
    ),
  );
  const damage = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), value: junk }),
    fc.record({ kind: fc.constant('rename' as const), key: keyName }),
    fc.record({ kind: fc.constant('wrap' as const), key: keyName }),
  );

  it('replacing, renaming or wrapping the value at any place', () => {
    fc.assert(
      fc.property(fc.constantFrom(...places), damage, fc.boolean(), (place, change, bare) => {
        const input: Node = file();
        if (place.length === 0) {
          checkOutcome(change.kind === 'replace' ? change.value : change.kind === 'wrap' ? [input] : input);
          return;
        }
        let parent = input;
        for (const segment of place.slice(0, -1)) parent = parent[segment] as Node;
        const last = place.at(-1) as string | number;
        const value = parent[last];
        if (change.kind === 'replace') parent[last] = change.value;
        else if (change.kind === 'wrap')
          parent[last] = Array.isArray(parent) ? [value] : { [change.key]: value };
        else if (!Array.isArray(parent)) {
          delete parent[last];
          Object.defineProperty(parent, change.key, {
            value,
            enumerable: true,
            configurable: true,
            writable: true,
          });
        }
        checkOutcome(bare ? input.requests : input);
      }),
      { numRuns: 3000 },
    );
  });

  it('any JSON value at all', () => {
    fc.assert(fc.property(fc.jsonValue(), checkOutcome), { numRuns: 300 });
    fc.assert(fc.property(fc.anything(), checkOutcome), { numRuns: 300 });
  });
});
