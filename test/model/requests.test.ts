import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import type { CallbackRequest } from '../../src/model/request.js';
import { parseRequests, safeParseRequests } from '../../src/model/requests-parse.js';
import { requestFileSchema } from '../../src/model/requests-schema.js';
import { issueRequest, requestsErrorOf, requestsTeam } from '../support/requests.js';

const team = requestsTeam();
/** UTC epoch ms, computed independently of the code under test. */
const utc = Date.UTC;
const HOUR = 3_600_000;

/** A valid request with `fields` replaced (a field set to `undefined` is left out). */
function request(fields: Record<string, unknown> = {}): Record<string, unknown> {
  const out = { ...issueRequest(), ...fields };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

function messages(input: unknown): string[] {
  const result = safeParseRequests(input, team);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

const errorOf = (input: unknown): ValidationError => requestsErrorOf(input, team);

describe('parseRequests compiles', () => {
  const expected: CallbackRequest = {
    id: 'R-2026-0042',
    receivedAt: utc(2026, 11, 1, 20, 14),
    door: 'coaches',
    channel: 'sms',
    topic: 'wellbeing',
    caseId: 'C-0019',
    callbackWindows: [{ start: utc(2026, 11, 2, 11), end: utc(2026, 11, 2, 13) }],
    durationMinutes: 60,
    contact: { name: 'Jeanne', phone: '+33 6 12 34 56 78', email: 'jeanne@example.fr' },
    attempts: [{ at: utc(2026, 11, 2, 11), coachId: 'amelie', outcome: 'no-answer' }],
  };

  it("issue 6's example, in both forms of the file", () => {
    expect(parseRequests([issueRequest()], team)).toStrictEqual([expected]);
    const object = {
      $schema: './node_modules/astreinte/schema/requests.schema.json',
      requests: [issueRequest()],
    };
    expect(parseRequests(object, team)).toStrictEqual([expected]);
    expect(safeParseRequests({ requests: [] }, team)).toStrictEqual({ success: true, requests: [] });
    expect(requestFileSchema.safeParse(object).success).toBe(true);
    expect(requestFileSchema.safeParse([issueRequest()]).success).toBe(true);
  });

  it('every form of instant: offsets, Z, seconds, milliseconds, local date-times in the team zone', () => {
    const [r] = parseRequests(
      [
        request({
          receivedAt: '2026-12-01T21:14+01:00',
          callbackWindows: [
            { start: '2026-12-02T11:00:00.5Z', end: '2026-12-02T12:00:00.250Z' },
            { start: '2026-12-03T12:00', end: '2026-12-03T13:00:30' },
            { start: '2026-12-04T08:00:00-05:00', end: '2026-12-04T09:00:00-05:00' },
          ],
          attempts: [],
        }),
      ],
      team,
    );
    expect(r!.receivedAt).toBe(utc(2026, 11, 1, 20, 14));
    expect(r!.callbackWindows).toStrictEqual([
      { start: utc(2026, 11, 2, 11, 0, 0, 500), end: utc(2026, 11, 2, 12, 0, 0, 250) },
      { start: utc(2026, 11, 3, 11), end: utc(2026, 11, 3, 12, 0, 30) },
      { start: utc(2026, 11, 4, 13), end: utc(2026, 11, 4, 14) },
    ]);
  });

  it('local date-times across the Paris spring-forward gap and the fall-back overlap', () => {
    const [spring, autumn] = parseRequests(
      [
        request({
          id: 'spring',
          receivedAt: '2026-03-28T20:00',
          // 02:00-03:00 does not exist on 2026-03-29: 01:30 is CET, 03:30 CEST, so one hour; 02:30 moves to 03:00.
          callbackWindows: [
            { start: '2026-03-29T01:30', end: '2026-03-29T03:30' },
            { start: '2026-03-29T02:30', end: '2026-03-29T02:45' },
            { start: '2026-03-29T02:30', end: '2026-03-29T04:00' },
          ],
          attempts: [],
        }),
        request({
          id: 'autumn',
          receivedAt: '2026-10-24T20:00',
          // 02:00-03:00 happens twice on 2026-10-25: 02:30 is the first (CEST); 01:00-04:00 lasts four hours.
          callbackWindows: [
            { start: '2026-10-25T01:00', end: '2026-10-25T04:00' },
            { start: '2026-10-26T02:30', end: '2026-10-26T03:00' },
          ],
          attempts: [{ at: '2026-10-25T02:30', coachId: 'amelie', outcome: 'reached' }],
        }),
      ],
      team,
    );
    expect(spring!.receivedAt).toBe(utc(2026, 2, 28, 19));
    // 02:30-02:45 lies wholly in the gap: both ends move to 03:00 CEST (01:00Z), and the empty window vanishes.
    // 02:30-04:00 starts at 03:00 CEST (01:00Z) too, and merges with 01:30-03:30 into 00:30Z-02:00Z.
    expect(spring!.callbackWindows).toStrictEqual([
      { start: utc(2026, 2, 29, 0, 30), end: utc(2026, 2, 29, 2) },
    ]);
    expect(autumn!.callbackWindows).toStrictEqual([
      { start: utc(2026, 9, 24, 23), end: utc(2026, 9, 25, 3) },
      { start: utc(2026, 9, 26, 1, 30), end: utc(2026, 9, 26, 2) },
    ]);
    expect(autumn!.attempts[0]!.at).toBe(utc(2026, 9, 25, 0, 30));
    expect(autumn!.firstContactAt).toBe(utc(2026, 9, 25, 0, 30));
  });
});

describe('parseRequests compiles, with defaults', () => {
  it('windows sorted and merged where they overlap or touch; attempts sorted; first contact from a reached call', () => {
    const [r] = parseRequests(
      [
        request({
          callbackWindows: [
            { start: '2026-12-03T18:00', end: '2026-12-03T20:00' },
            { start: '2026-12-02T13:00', end: '2026-12-02T14:00' }, // touches the next one
            { start: '2026-12-02T12:00', end: '2026-12-02T13:00' },
            { start: '2026-12-03T19:00', end: '2026-12-03T21:00' }, // overlaps the first
          ],
          attempts: [
            { at: '2026-12-02T13:00', coachId: 'bastien', outcome: 'reached' },
            { at: '2026-12-02T12:00', coachId: 'amelie', outcome: 'no-answer' },
            { at: '2026-12-02T12:30', coachId: 'amelie', outcome: 'reached' },
          ],
        }),
      ],
      team,
    );
    expect(r!.callbackWindows).toStrictEqual([
      { start: utc(2026, 11, 2, 11), end: utc(2026, 11, 2, 13) },
      { start: utc(2026, 11, 3, 17), end: utc(2026, 11, 3, 20) },
    ]);
    expect(r!.attempts.map((a) => [a.at, a.coachId])).toStrictEqual([
      [utc(2026, 11, 2, 11), 'amelie'],
      [utc(2026, 11, 2, 11, 30), 'amelie'],
      [utc(2026, 11, 2, 12), 'bastien'],
    ]);
    expect(r!.firstContactAt).toBe(utc(2026, 11, 2, 11, 30));
  });

  it('optional fields absent: no windows at the CCI door, 60 minutes, no attempts, no contact', () => {
    const minimal = { id: 'R1', receivedAt: '2026-12-01T10:00:00Z', door: 'cci', channel: 'voicemail' };
    expect(parseRequests([minimal], team)).toStrictEqual([
      {
        id: 'R1',
        receivedAt: utc(2026, 11, 1, 10),
        door: 'cci',
        channel: 'voicemail',
        callbackWindows: [],
        durationMinutes: 60,
        attempts: [],
      },
    ]);
    expect(parseRequests([minimal], team, { defaultDurationMinutes: 90 })[0]!.durationMinutes).toBe(90);
    expect(() => parseRequests([minimal], team, { defaultDurationMinutes: 10 })).toThrow(
      'options.defaultDurationMinutes: 10 is out of range (expected a whole number of minutes, 15 to 240)',
    );
    const [r] = parseRequests(
      [
        request({
          firstContactAt: '2026-12-02T12:10:00+01:00',
          outcome: 'referred-cci',
          durationMinutes: 240,
          contact: { phone: '03.80.00.00.00' },
          topic: undefined,
          caseId: undefined,
        }),
      ],
      team,
    );
    expect(r!.firstContactAt).toBe(utc(2026, 11, 2, 11, 10));
    expect(r!.outcome).toBe('referred-cci');
    expect(r!.durationMinutes).toBe(240);
    expect(r!.contact).toStrictEqual({ phone: '03.80.00.00.00' });
    expect(r).not.toHaveProperty('topic');
    expect(r).not.toHaveProperty('caseId');
  });

  it('requests that keep no reference to their input', () => {
    const input = [issueRequest()] as { contact: object; callbackWindows: object[] }[];
    const [r] = parseRequests(input, team);
    expect(r!.contact).not.toBe(input[0]!.contact);
    expect(r!.callbackWindows).not.toBe(input[0]!.callbackWindows);
  });
});

describe('parseRequests reports', () => {
  const cases: [string, unknown, string[]][] = [
    [
      'a window ending before it starts',
      [request({ callbackWindows: [{ start: '2026-12-02T14:00', end: '2026-12-02T12:00:00+01:00' }] })],
      [
        'requests[0].callbackWindows[0].end: "2026-12-02T12:00:00+01:00" does not end after start ' +
          '"2026-12-02T14:00" (expected an instant after start)',
      ],
    ],
    [
      'an empty window',
      [request({ callbackWindows: [{ start: '2026-12-02T12:00Z', end: '2026-12-02T12:00Z' }] })],
      [
        'requests[0].callbackWindows[0].end: "2026-12-02T12:00Z" does not end after start "2026-12-02T12:00Z" ' +
          '(expected an instant after start)',
      ],
    ],
    [
      'a window more than a year away',
      [
        request({
          receivedAt: '2026-12-01T00:00Z',
          callbackWindows: [
            { start: '2027-12-02T00:00Z', end: '2027-12-02T01:00Z' }, // starts 366 days on: only its end is too far
            { start: '2027-12-01T23:00Z', end: '2027-12-02T00:00Z' }, // ends exactly 366 days on: fine
            { start: '2025-11-29T23:59Z', end: '2025-11-30T01:00Z' }, // starts 366 days and a minute before
          ],
        }),
      ],
      [
        'requests[0].callbackWindows[0].end: "2027-12-02T01:00Z" lies more than a year from receivedAt ' +
          '(expected an instant within 366 days of receivedAt)',
        'requests[0].callbackWindows[2].start: "2025-11-29T23:59Z" lies more than a year from receivedAt ' +
          '(expected an instant within 366 days of receivedAt)',
      ],
    ],
    [
      'a coaches request without windows',
      [request({ callbackWindows: [] }), request({ id: 'R2', callbackWindows: undefined })],
      [
        'requests[0].callbackWindows: [] has no callback window (expected at least one { start, end } window: a ' +
          'request to the coaches is called back)',
        'requests[1].callbackWindows: is missing (expected at least one { start, end } window: a request to the ' +
          'coaches is called back)',
      ],
    ],
    [
      'too many windows',
      [
        request({
          callbackWindows: Array.from({ length: 21 }, () => ({
            start: '2026-12-02T12:00',
            end: '2026-12-02T13:00',
          })),
        }),
      ],
      [
        'requests[0].callbackWindows: [{"start":"2026-12-02T12:00","end":"2026-12-02T13:00"},{"... has 21 entries, ' +
          'more than 20 (expected an array of at most 20 { start, end } windows)',
      ],
    ],
    [
      'durations out of range',
      [
        request({ id: 'a', durationMinutes: 14 }),
        request({ id: 'b', durationMinutes: 241 }),
        request({ id: 'c', durationMinutes: 60.5 }),
        request({ id: 'd', durationMinutes: '60' }),
      ],
      [
        'requests[0].durationMinutes: 14 is out of range (expected a whole number of minutes, 15 to 240)',
        'requests[1].durationMinutes: 241 is out of range (expected a whole number of minutes, 15 to 240)',
        'requests[2].durationMinutes: 60.5 is not a length of call (expected a whole number of minutes, 15 to 240)',
        'requests[3].durationMinutes: "60" is not a length of call (expected a whole number of minutes, 15 to 240)',
      ],
    ],
    [
      'duplicate ids, at the later one, naming the first index',
      [request(), request({ id: 'R2' }), request(), request({ id: 'R2' })],
      [
        'requests[2].id: "R-2026-0042" is already the id of requests[0] (expected an id no other request has)',
        'requests[3].id: "R2" is already the id of requests[1] (expected an id no other request has)',
      ],
    ],
    [
      'bad ids',
      [request({ id: '-R1' }), request({ id: 'R'.repeat(65) }), request({ id: 'R1', caseId: 'C/1' })],
      [
        'requests[0].id: "-R1" is not a request id (expected letters, digits, ".", "_" or "-", starting with a ' +
          'letter or digit, at most 64 characters)',
        `requests[1].id: "${'R'.repeat(56)}... is not a request id (expected letters, digits, ".", "_" or "-", ` +
          'starting with a letter or digit, at most 64 characters)',
        'requests[2].caseId: "C/1" is not a case id (expected letters, digits, ".", "_" or "-", starting with a ' +
          'letter or digit, at most 64 characters)',
      ],
    ],
    [
      'attempts by unknown coaches',
      [
        request({
          attempts: [
            { at: '2026-12-02T12:00', coachId: 'amelei', outcome: 'no-answer' },
            { at: '2026-12-02T12:00', coachId: 'zoé', outcome: 'no-answer' },
          ],
        }),
      ],
      [
        'requests[0].attempts[0].coachId: "amelei" is not a coach of the team; did you mean "amelie"? (expected ' +
          'the id of one of the team\u2019s coaches)',
        'requests[0].attempts[1].coachId: "zoé" is not a coach of the team (expected the id of one of the ' +
          'team\u2019s coaches)',
      ],
    ],
    [
      'an attempt, and a first contact, before receivedAt',
      [
        request({
          attempts: [{ at: '2026-12-01T21:13:59+01:00', coachId: 'amelie', outcome: 'reached' }],
          firstContactAt: '2026-12-01T20:00:00Z',
        }),
      ],
      [
        'requests[0].attempts[0].at: "2026-12-01T21:13:59+01:00" is before receivedAt "2026-12-01T21:14:00+01:00" ' +
          '(expected an instant on or after receivedAt)',
        'requests[0].firstContactAt: "2026-12-01T20:00:00Z" is before receivedAt "2026-12-01T21:14:00+01:00" ' +
          '(expected an instant on or after receivedAt)',
      ],
    ],
    [
      'unknown door, channel, topic, outcomes',
      [
        request({
          door: 'coach',
          channel: 'fax',
          topic: 'money',
          outcome: 'done',
          attempts: [{ at: '2026-12-02T12:00', coachId: 'amelie', outcome: 'busy' }],
        }),
      ],
      [
        'requests[0].door: "coach" is not a door (expected one of coaches, cci)',
        'requests[0].channel: "fax" is not a channel (expected one of sms, email, phone, voicemail)',
        'requests[0].topic: "money" is not a topic (expected one of wellbeing, economic, administrative, legal, ' +
          'financial, hr, other)',
        'requests[0].attempts[0].outcome: "busy" is not an attempt outcome (expected one of no-answer, reached, ' +
          'wrong-number, declined)',
        'requests[0].outcome: "done" is not an outcome (expected one of listened, referred-health, referred-cci, ' +
          'paid-coaching, not-reached, other; or null)',
      ],
    ],
    [
      'instants that are not instants',
      [
        request({
          receivedAt: '2026-12-01 21:14',
          callbackWindows: [{ start: '2026-02-30T12:00', end: '2026-12-02T12:00:00.1234Z' }],
          firstContactAt: 5,
        }),
      ],
      [
        'requests[0].receivedAt: "2026-12-01 21:14" is not an instant (expected ISO 8601 with its offset, such as ' +
          '2026-12-02T12:00:00+01:00, or a local date-time YYYY-MM-DDTHH:mm in the team\u2019s time zone; a date ' +
          'that exists)',
        'requests[0].callbackWindows[0].start: "2026-02-30T12:00" is not an instant (expected ISO 8601 with its ' +
          'offset, such as 2026-12-02T12:00:00+01:00, or a local date-time YYYY-MM-DDTHH:mm in the team\u2019s ' +
          'time zone; a date that exists)',
        'requests[0].callbackWindows[0].end: "2026-12-02T12:00:00.1234Z" is not an instant (expected ISO 8601 with ' +
          'its offset, such as 2026-12-02T12:00:00+01:00, or a local date-time YYYY-MM-DDTHH:mm in the team\u2019s ' +
          'time zone; a date that exists)',
        'requests[0].firstContactAt: 5 is not an instant (expected ISO 8601 with its offset, such as ' +
          '2026-12-02T12:00:00+01:00, or a local date-time YYYY-MM-DDTHH:mm in the team\u2019s time zone; a date ' +
          'that exists; or null)',
      ],
    ],
    [
      'misspelt keys, with did you mean',
      [request({ recievedAt: request().receivedAt, receivedAt: undefined, callbackWindow: [] })],
      [
        'requests[0].recievedAt: is under an unknown key; did you mean "receivedAt"? (expected one of the keys id, ' +
          'receivedAt, door, channel, topic, caseId, callbackWindows, durationMinutes, contact, attempts, ' +
          'firstContactAt, pauses, outcome)',
        'requests[0].callbackWindow: is under an unknown key; did you mean "callbackWindows"? (expected one of the ' +
          'keys id, receivedAt, door, channel, topic, caseId, callbackWindows, durationMinutes, contact, attempts, ' +
          'firstContactAt, pauses, outcome)',
        'requests[0].receivedAt: is missing (expected ISO 8601 with its offset, such as 2026-12-02T12:00:00+01:00, ' +
          'or a local date-time YYYY-MM-DDTHH:mm in the team\u2019s time zone; a date that exists)',
      ],
    ],
    [
      'a misspelt key of the file object',
      { $schema: 1, request: [] },
      [
        '$schema: 1 is not a schema reference (expected a string, the URL or path of the JSON Schema)',
        'request: is under an unknown key; did you mean "requests"? (expected one of the keys $schema, requests)',
        'requests: is missing (expected an array of at most 200000 requests)',
      ],
    ],
    [
      'a file that is neither an array nor an object',
      42,
      ['(input): 42 is not a request file (expected an array of requests, or an object with requests)'],
    ],
    [
      'a list that is not a list',
      { requests: { id: 'R1' } },
      ['requests: an object is not a list of requests (expected an array of at most 200000 requests)'],
    ],
  ];

  it.each(cases)('%s', (_, input, expected) => {
    expect(messages(input)).toStrictEqual(expected);
    for (const message of messages(input))
      expect(message).not.toMatch(/Invalid input|\breceived\b|Too (big|small)/);
  });

  it('the bare-array form names its paths from requests too', () => {
    const error = errorOf([request({ door: 'x' })]);
    expect(error.issues).toStrictEqual([
      {
        path: 'requests[0].door',
        value: 'x',
        expected: 'one of coaches, cci',
        message: 'requests[0].door: "x" is not a door (expected one of coaches, cci)',
      },
    ]);
    expect(errorOf({ requests: [request({ door: 'x' })] }).issues).toStrictEqual(error.issues);
  });

  it('every problem at once, in the order of the file, and nothing half-done', () => {
    const input = [
      request({
        door: 'x',
        durationMinutes: 0,
        callbackWindows: [{ start: '2026-12-02T14:00', end: '2026-12-02T12:00' }],
      }),
      request({ id: 'R2' }),
      request({ id: 'R2', attempts: [{ at: '2026-12-02T12:00', coachId: 'nobody', outcome: 'reached' }] }),
      'R4',
    ];
    const error = errorOf(input);
    expect(error.issues.map((i) => i.path)).toStrictEqual([
      'requests[0].door',
      'requests[0].callbackWindows[0].end',
      'requests[0].durationMinutes',
      'requests[2].id',
      'requests[2].attempts[0].coachId',
      'requests[3]',
    ]);
    expect(error.message.split('\n')[0]).toBe('6 problems:');
    expect(() => parseRequests(input, team)).toThrow(ValidationError);
    expect(safeParseRequests(input, team).success).toBe(false);
  });

  it('limits on enormous input', () => {
    const many = Array.from({ length: 200_001 }, (_, i) => ({
      id: `R${i}`,
      receivedAt: '2026-12-01T10:00Z',
      door: 'cci',
      channel: 'sms',
    }));
    expect(messages(many)).toStrictEqual([
      'requests: an array has 200001 entries, more than 200000 (expected an array of at most 200000 requests)',
    ]);
    const atLimit = parseRequests(many.slice(0, 200_000), team);
    expect(atLimit).toHaveLength(200_000);
    const attempts = Array.from({ length: 51 }, () => ({
      at: '2026-12-02T12:00',
      coachId: 'amelie',
      outcome: 'no-answer',
    }));
    expect(messages([request({ attempts })])[0]).toMatch(
      /^requests\[0\]\.attempts: .* has 51 entries, more than 50 /,
    );
  });
});

describe('determinism', () => {
  it('the same file gives the same requests under any host TZ', () => {
    // Tests run in worker threads, where TZ cannot change: parse in child processes, one per host zone.
    const file = [
      request({
        receivedAt: '2026-03-28T20:00',
        callbackWindows: [{ start: '2026-03-29T01:30', end: '2026-03-29T03:30' }],
      }),
      request({
        id: 'R2',
        receivedAt: '2026-10-24T20:00:00+02:00',
        callbackWindows: [{ start: '2026-10-25T02:30', end: '2026-10-25T04:00' }],
      }),
    ];
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const { outputFiles } = buildSync({
      stdin: {
        contents:
          "import { parseRequests } from './src/model/requests-parse.ts';\n" +
          "import { parseTeam } from './src/model/parse.ts';\n" +
          'const { team, file } = JSON.parse(process.env.ASTREINTE_INPUT);\n' +
          'const offset = new Date(Date.UTC(2026, 2, 29)).getTimezoneOffset();\n' +
          'console.log(JSON.stringify({ offset, requests: parseRequests(file, parseTeam(team)) }));\n',
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
    });
    const script = outputFiles[0]!.text;
    const teamFile = {
      name: 'T',
      timeZone: 'Europe/Paris',
      coaches: [{ id: 'amelie', name: 'A', availability: [] }],
    };
    const runs = ['UTC', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'].map((zone) => {
      // The script goes through stdin: bundled with zod, it is longer than one argument may be.
      const input = JSON.stringify({ team: teamFile, file });
      const run = spawnSync(process.execPath, ['--input-type=module'], {
        input: script,
        env: { ...process.env, TZ: zone, ASTREINTE_INPUT: input },
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      return JSON.parse(run.stdout) as { offset: number; requests: CallbackRequest[] };
    });
    expect(new Set(runs.map((r) => r.offset)).size).toBe(4); // the host zone really changed
    for (const run of runs) expect(run.requests).toStrictEqual(parseRequests(file, team));
    expect(runs[0]!.requests[0]!.callbackWindows).toStrictEqual([
      { start: utc(2026, 2, 29, 0, 30), end: utc(2026, 2, 29, 0, 30) + HOUR },
    ]);
  });
});
