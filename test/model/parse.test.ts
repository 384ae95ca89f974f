import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { parseTeam, safeParseTeam } from '../../src/model/parse.js';
import type { Team } from '../../src/model/team.js';
import { DAY } from '../../src/time/types.js';
import { briefTeam } from '../support/brief-team.js';

/** Local date as a day number, computed independently of the code under test. */
const day = (year: number, month: number, date: number): number => Date.UTC(year, month - 1, date) / DAY;

/** The team file as tests mutate it. */
type LooseFile = Record<string, unknown> & {
  coaches: (Record<string, unknown> & { availability: unknown[]; unavailable?: unknown[] })[];
};

/** The team file of the brief, fresh for each test so tests can mutate it. */
function example(): LooseFile {
  return briefTeam() as unknown as LooseFile;
}

/** A team of one coach whose availability is `rules`, and optionally other coach fields. */
function withCoach(coach: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'T',
    timeZone: 'Europe/Paris',
    coaches: [{ id: 'a', name: 'A', availability: [], ...coach }],
  };
}

function withRule(rule: Record<string, unknown>): Record<string, unknown> {
  return withCoach({ availability: [rule] });
}

function messages(input: unknown): string[] {
  const result = safeParseTeam(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

function errorOf(input: unknown): ValidationError {
  try {
    parseTeam(input);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseTeam compiles', () => {
  it('the example team file to the exact Team', () => {
    const expected: Team = {
      name: 'Ça va patron ?',
      timeZone: 'Europe/Paris',
      coverage: { minCoaches: 1 },
      coaches: [
        {
          id: 'amelie',
          name: 'Amélie',
          timeZone: 'Europe/Paris',
          availability: [
            { kind: 'weekly', weekdays: 0b0011111, everyWeeks: 1, startMinute: 19 * 60, endMinute: 23 * 60 },
            {
              kind: 'weekly',
              weekdays: 0b0100000,
              everyWeeks: 2,
              startMinute: 8 * 60,
              endMinute: 20 * 60,
              startDate: day(2026, 12, 5),
            },
            { kind: 'rrule', rrule: 'FREQ=MONTHLY;BYDAY=1SU', startMinute: 10 * 60, endMinute: 18 * 60 },
            { kind: 'date', date: day(2026, 12, 24), startMinute: 20 * 60, endMinute: 8 * 60 + 1440 },
          ],
          unavailable: [{ start: day(2026, 12, 20) * DAY, end: day(2027, 1, 4) * DAY }],
          maxHoursPerWeek: 20,
          weight: 1,
          skills: [],
        },
      ],
    };
    expect(parseTeam(example())).toStrictEqual(expected);
    expect(safeParseTeam(example())).toStrictEqual({ success: true, team: expected });
  });

  it('optional fields, defaults and edge times', () => {
    const team = parseTeam({
      $schema: '../schema/team.schema.json',
      name: 'T',
      timeZone: 'Europe/Paris',
      coaches: [
        {
          id: 'b.c_d-1',
          name: 'B',
          timeZone: 'America/Martinique',
          availability: [
            {
              days: ['SU', 'MO'],
              from: '00:00',
              to: '24:00',
              startDate: '2026-01-01',
              endDate: '2026-01-31',
            },
            { days: ['SA'], from: '22:00', to: '00:00', everyWeeks: 1 },
            { rrule: 'FREQ=WEEKLY;INTERVAL=2', from: '23:59', to: '23:58', startDate: '2026-01-05' },
            { date: '2026-03-29', from: '01:30', to: '03:30' },
          ],
          unavailable: [
            { from: '2026-02-01T18:00', to: '2026-02-02T08:00', reason: 'travail' },
            { from: '2026-03-01T12:00', to: '2026-03-01' },
            { from: '2026-04-01', to: '2026-04-01T09:30' },
          ],
          weight: 0.5,
          skills: ['night', 'hr'],
        },
      ],
    });
    expect(team.coverage).toStrictEqual({ minCoaches: 1 });
    const coach = team.coaches[0]!;
    expect(coach.timeZone).toBe('America/Martinique');
    expect(coach).not.toHaveProperty('maxHoursPerWeek');
    expect(coach.weight).toBe(0.5);
    expect(coach.skills).toStrictEqual(['night', 'hr']);
    expect(coach.availability).toStrictEqual([
      {
        kind: 'weekly',
        weekdays: 0b1000001,
        everyWeeks: 1,
        startMinute: 0,
        endMinute: 1440,
        startDate: day(2026, 1, 1),
        endDate: day(2026, 1, 31),
      },
      { kind: 'weekly', weekdays: 0b0100000, everyWeeks: 1, startMinute: 22 * 60, endMinute: 1440 },
      {
        kind: 'rrule',
        rrule: 'FREQ=WEEKLY;INTERVAL=2',
        startMinute: 1439,
        endMinute: 1438 + 1440,
        startDate: day(2026, 1, 5),
      },
      { kind: 'date', date: day(2026, 3, 29), startMinute: 90, endMinute: 210 },
    ]);
    const minutes = (m: number) => m * 60_000;
    expect(coach.unavailable).toStrictEqual([
      { start: day(2026, 2, 1) * DAY + minutes(18 * 60), end: day(2026, 2, 2) * DAY + minutes(8 * 60) },
      { start: day(2026, 3, 1) * DAY + minutes(12 * 60), end: day(2026, 3, 2) * DAY },
      { start: day(2026, 4, 1) * DAY, end: day(2026, 4, 1) * DAY + minutes(9 * 60 + 30) },
    ]);
    expect(parseTeam({ ...example(), coverage: { minCoaches: 3 } }).coverage).toStrictEqual({
      minCoaches: 3,
    });
    expect(parseTeam({ ...example(), coverage: {} }).coverage).toStrictEqual({ minCoaches: 1 });
  });

  it('a team that keeps no reference to its input', () => {
    const input = withCoach({
      availability: [{ days: ['MO'], from: '19:00', to: '23:00' }],
      unavailable: [{ from: '2026-12-20', to: '2026-12-21' }],
      skills: ['night'],
    }) as { coaches: { availability: object[]; unavailable: object[]; skills: string[] }[] };
    const team = parseTeam(input);
    const raw = input.coaches[0]!;
    const coach = team.coaches[0]!;
    expect(team.coaches).not.toBe(input.coaches);
    expect(coach).not.toBe(raw);
    expect(coach.skills).not.toBe(raw.skills);
    expect(coach.availability).not.toBe(raw.availability);
    expect(coach.availability[0]).not.toBe(raw.availability[0]);
    expect(coach.unavailable[0]).not.toBe(raw.unavailable[0]);
    raw.skills.push('changed');
    raw.availability.length = 0;
    expect(coach.skills).toStrictEqual(['night']);
    expect(coach.availability).toHaveLength(1);
  });
});

describe('parseTeam reports', () => {
  it('a non-object input with path ""', () => {
    for (const [input, shown] of [
      [null, 'null'],
      ['team', '"team"'],
      [[], '[]'],
      [42, '42'],
      [undefined, 'missing'],
    ] as const) {
      const error = errorOf(input);
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]!.path).toBe('');
      expect(error.issues[0]!.value).toBe(input);
      expect(error.issues[0]!.expected).toBe('an object with name, timeZone and coaches');
      const problem = input === undefined ? 'is missing' : `${shown} is not a team`;
      expect(error.message).toBe(`(input): ${problem} (expected an object with name, timeZone and coaches)`);
    }
  });

  it('the brief example of a bad time with path, value and expected', () => {
    const input = example();
    input.coaches[0]!.availability = [{ days: ['MO'], from: '19:00', to: '25:00' }];
    const error = errorOf(input);
    expect(error.issues).toStrictEqual([
      {
        path: 'coaches[0].availability[0].to',
        value: '25:00',
        expected: 'HH:mm, 00:00 to 24:00',
        message:
          'coaches[0].availability[0].to: "25:00" is not a time of day (expected HH:mm, 00:00 to 24:00)',
      },
    ]);
    expect(error.message).toBe(error.issues[0]!.message);
  });

  const cases: [string, Record<string, unknown>, string[]][] = [
    // Shape of the team.
    [
      'missing keys',
      {},
      [
        'name: is missing (expected a non-empty string)',
        'timeZone: is missing (expected an IANA zone name such as Europe/Paris)',
        'coaches: is missing (expected an array of 1 to 10000 coaches)',
      ],
    ],
    ['a wrong type', { ...example(), name: 5 }, ['name: 5 is not a team name (expected a non-empty string)']],
    ['an empty name', { ...example(), name: '' }, ['name: "" is empty (expected a non-empty string)']],
    [
      'no coaches',
      { ...example(), coaches: [] },
      ['coaches: [] is empty (expected an array of 1 to 10000 coaches)'],
    ],
    [
      'a $schema that is not a string',
      { ...example(), $schema: 1 },
      ['$schema: 1 is not a schema reference (expected a string, the URL or path of the JSON Schema)'],
    ],
    [
      'an unknown key at the top',
      { ...example(), coach: [] },
      [
        'coach: [] is under an unknown key; did you mean "coaches"? (expected one of the keys $schema, name, ' +
          'timeZone, coverage, sla, coaches)',
      ],
    ],
    [
      'an unknown team zone',
      { ...example(), timeZone: 'Europe/Pariss' },
      [
        'timeZone: "Europe/Pariss" is not a known time zone (expected an IANA zone name such as Europe/Paris)',
      ],
    ],
    [
      'a fixed-offset zone',
      { ...example(), timeZone: '+02:00' },
      ['timeZone: "+02:00" is not a known time zone (expected an IANA zone name such as Europe/Paris)'],
    ],
    [
      'a bad coverage',
      { ...example(), coverage: { minCoaches: 0 } },
      ['coverage.minCoaches: 0 is out of range (expected a whole number, 1 or more)'],
    ],
    [
      'a fractional minCoaches',
      { ...example(), coverage: { minCoaches: 1.5 } },
      ['coverage.minCoaches: 1.5 is not a minimum number of coaches (expected a whole number, 1 or more)'],
    ],
    [
      'a coverage that is not an object',
      { ...example(), coverage: 'x' },
      ['coverage: "x" is not a coverage policy (expected an object such as { "minCoaches": 1 })'],
    ],
    [
      'an unknown coverage key',
      { ...example(), coverage: { min: 1 } },
      ['coverage.min: 1 is under an unknown key (expected one of the keys minCoaches)'],
    ],
    // Coaches.
    [
      'a coach that is not an object',
      { ...example(), coaches: ['amelie'] },
      ['coaches[0]: "amelie" is not a coach (expected an object with id, name and availability)'],
    ],
    [
      'a misspelt coach key',
      withCoach({ avaliability: [] }),
      [
        'coaches[0].avaliability: [] is under an unknown key; did you mean "availability"? (expected one of the ' +
          'keys id, name, timeZone, availability, unavailable, maxHoursPerWeek, weight, skills)',
      ],
    ],
    [
      'a coach without availability',
      withCoach({ availability: undefined }),
      ['coaches[0].availability: is missing (expected an array of at most 500 rules)'],
    ],
    [
      'a bad coach id',
      withCoach({ id: 'a/b' }),
      [
        'coaches[0].id: "a/b" is not a coach id (expected letters, digits, ".", "_" or "-", starting with a ' +
          'letter or digit)',
      ],
    ],
    [
      'an id starting with a dot',
      withCoach({ id: '.a' }),
      [
        'coaches[0].id: ".a" is not a coach id (expected letters, digits, ".", "_" or "-", starting with a ' +
          'letter or digit)',
      ],
    ],
    [
      'an unknown coach zone',
      withCoach({ timeZone: 'Mars/Olympus' }),
      [
        'coaches[0].timeZone: "Mars/Olympus" is not a known time zone (expected an IANA zone name such as ' +
          'Europe/Paris)',
      ],
    ],
    [
      'a weekly cap of 0',
      withCoach({ maxHoursPerWeek: 0 }),
      ['coaches[0].maxHoursPerWeek: 0 is out of range (expected a number of hours above 0, at most 168)'],
    ],
    [
      'a weekly cap above 168',
      withCoach({ maxHoursPerWeek: 169 }),
      ['coaches[0].maxHoursPerWeek: 169 is out of range (expected a number of hours above 0, at most 168)'],
    ],
    [
      'a weekly cap as text',
      withCoach({ maxHoursPerWeek: '20' }),
      [
        'coaches[0].maxHoursPerWeek: "20" is not a weekly cap (expected a number of hours above 0, at most 168)',
      ],
    ],
    [
      'a weight of 0',
      withCoach({ weight: 0 }),
      ['coaches[0].weight: 0 is out of range (expected a number above 0)'],
    ],
    [
      'skills not a list',
      withCoach({ skills: 'night' }),
      ['coaches[0].skills: "night" is not a list of skills (expected an array of non-empty strings)'],
    ],
    [
      'an empty skill',
      withCoach({ skills: [''] }),
      ['coaches[0].skills[0]: "" is empty (expected a non-empty string)'],
    ],
    // Availability rules.
    [
      'a time of day past 24:00',
      withRule({ days: ['MO'], from: '19:00', to: '24:01' }),
      ['coaches[0].availability[0].to: "24:01" is not a time of day (expected HH:mm, 00:00 to 24:00)'],
    ],
    [
      'a start at 24:00',
      withRule({ days: ['MO'], from: '24:00', to: '02:00' }),
      [
        'coaches[0].availability[0].from: "24:00" is not a start time (expected HH:mm, 00:00 to 23:59; 24:00 ' +
          'can only end a window)',
      ],
    ],
    [
      'a time without its leading zero',
      withRule({ days: ['MO'], from: '9:00', to: '12:00' }),
      [
        'coaches[0].availability[0].from: "9:00" is not a start time (expected HH:mm, 00:00 to 23:59; 24:00 ' +
          'can only end a window)',
      ],
    ],
    [
      'an empty window',
      withRule({ days: ['MO'], from: '10:00', to: '10:00' }),
      [
        'coaches[0].availability[0].to: "10:00" is the same as from (expected a different time: after from, or ' +
          'before it to end the next day)',
      ],
    ],
    [
      'no days',
      withRule({ days: [], from: '10:00', to: '11:00' }),
      [
        'coaches[0].availability[0].days: [] is empty (expected a non-empty array of weekday codes MO, TU, WE, ' +
          'TH, FR, SA, SU, each at most once)',
      ],
    ],
    [
      'a repeated day',
      withRule({ days: ['MO', 'TU', 'MO'], from: '10:00', to: '11:00' }),
      ['coaches[0].availability[0].days[2]: "MO" is listed twice (expected each weekday at most once)'],
    ],
    [
      'a bad day code',
      withRule({ days: ['Monday'], from: '10:00', to: '11:00' }),
      [
        'coaches[0].availability[0].days[0]: "Monday" is not a weekday code (expected one of MO, TU, WE, TH, ' +
          'FR, SA, SU)',
      ],
    ],
    [
      'a rule that is not an object',
      withCoach({ availability: ['MO 19-23'] }),
      [
        'coaches[0].availability[0]: "MO 19-23" is not an availability rule (expected an object with exactly ' +
          'one of days, rrule or date, and from and to)',
      ],
    ],
    [
      'a rule of no kind',
      withRule({ from: '10:00', to: '11:00' }),
      [
        'coaches[0].availability[0]: {"from":"10:00","to":"11:00"} has none of days, rrule or date (expected ' +
          'exactly one of days, rrule or date)',
      ],
    ],
    [
      'a rule of two kinds',
      withRule({ days: ['MO'], date: '2026-12-24', from: '10:00', to: '11:00' }),
      [
        'coaches[0].availability[0]: {"days":["MO"],"date":"2026-12-24","from":"10:00","to":"1... has days ' +
          'and date (expected exactly one of days, rrule or date)',
      ],
    ],
    [
      'a repeat on a one-off date',
      withRule({ date: '2026-12-24', from: '20:00', to: '08:00', everyWeeks: 2 }),
      [
        'coaches[0].availability[0].everyWeeks: 2 is not allowed on a one-off (date) rule (expected only the ' +
          'keys date, from, to)',
      ],
    ],
    [
      'everyWeeks on an RRULE',
      withRule({ rrule: 'FREQ=DAILY', from: '10:00', to: '11:00', everyWeeks: 2 }),
      [
        'coaches[0].availability[0].everyWeeks: 2 is not allowed on an rrule rule; use INTERVAL in the RRULE ' +
          '(expected only the keys rrule, from, to, startDate, endDate)',
      ],
    ],
    [
      'a misspelt rule key',
      withRule({ days: ['MO'], form: '10:00', to: '11:00' }),
      // A missing key sorts after the keys the object has.
      [
        'coaches[0].availability[0].form: "10:00" is under an unknown key; did you mean "from"? (expected one of ' +
          'the keys days, from, to, everyWeeks, startDate, endDate)',
        'coaches[0].availability[0].from: is missing (expected HH:mm, 00:00 to 23:59; 24:00 can only end a window)',
      ],
    ],
    [
      'everyWeeks of 0',
      withRule({ days: ['MO'], from: '10:00', to: '11:00', everyWeeks: 0 }),
      ['coaches[0].availability[0].everyWeeks: 0 is out of range (expected a whole number, 1 or more)'],
    ],
    [
      'a fractional everyWeeks',
      withRule({ days: ['MO'], from: '10:00', to: '11:00', everyWeeks: 1.5 }),
      [
        'coaches[0].availability[0].everyWeeks: 1.5 is not a number of weeks (expected a whole number, 1 or more)',
      ],
    ],
    [
      'everyWeeks without startDate',
      withRule({ days: ['SA'], from: '10:00', to: '11:00', everyWeeks: 2 }),
      [
        'coaches[0].availability[0].startDate: is missing (expected a start date YYYY-MM-DD to count every 2 ' +
          'weeks from)',
      ],
    ],
    [
      'a date that does not exist',
      withRule({ date: '2026-02-30', from: '10:00', to: '11:00' }),
      [
        'coaches[0].availability[0].date: "2026-02-30" is not a date (expected YYYY-MM-DD, a date that exists)',
      ],
    ],
    [
      'a date in another format',
      withRule({ date: '24/12/2026', from: '10:00', to: '11:00' }),
      [
        'coaches[0].availability[0].date: "24/12/2026" is not a date (expected YYYY-MM-DD, a date that exists)',
      ],
    ],
    [
      'an end date before the start date',
      withRule({ days: ['MO'], from: '10:00', to: '11:00', startDate: '2026-02-01', endDate: '2026-01-31' }),
      [
        'coaches[0].availability[0].endDate: "2026-01-31" is before startDate "2026-02-01" (expected a date on ' +
          'or after startDate)',
      ],
    ],
    [
      'an RRULE finer than daily',
      withRule({ rrule: 'FREQ=HOURLY', from: '10:00', to: '11:00' }),
      [
        'coaches[0].availability[0].rrule: "FREQ=HOURLY" has no frequency, or one finer than daily (expected ' +
          'FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)',
      ],
    ],
    [
      'an RRULE with its own start',
      withRule({ rrule: 'DTSTART:20260101;FREQ=DAILY', from: '10:00', to: '11:00' }),
      [
        'coaches[0].availability[0].rrule: "DTSTART:20260101;FREQ=DAILY" carries times or a start of its own ' +
          '(expected an RRULE without DTSTART, TZID, BYHOUR, BYMINUTE or BYSECOND; use startDate, from and to)',
      ],
    ],
    [
      'an RRULE that needs a start',
      withRule({ rrule: 'FREQ=WEEKLY', from: '10:00', to: '11:00' }),
      [
        'coaches[0].availability[0].rrule: "FREQ=WEEKLY" depends on its start date, and the rule has no ' +
          'startDate (expected a startDate, or an RRULE naming its days (e.g. FREQ=WEEKLY;BYDAY=MO))',
      ],
    ],
    [
      'an empty RRULE',
      withRule({ rrule: '', from: '10:00', to: '11:00' }),
      [
        'coaches[0].availability[0].rrule: "" is empty (expected an RFC 5545 RRULE such as FREQ=MONTHLY;BYDAY=1SU)',
      ],
    ],
    // Unavailable spans.
    [
      'an absence ending before it starts',
      withCoach({ unavailable: [{ from: '2026-12-20', to: '2026-12-19' }] }),
      [
        'coaches[0].unavailable[0].to: "2026-12-19" does not end after from "2026-12-20" (expected an end after ' +
          'from; a date as to means the end of that day)',
      ],
    ],
    [
      'an empty part-day absence',
      withCoach({ unavailable: [{ from: '2026-12-20T10:00', to: '2026-12-20T10:00' }] }),
      [
        'coaches[0].unavailable[0].to: "2026-12-20T10:00" does not end after from "2026-12-20T10:00" (expected ' +
          'an end after from; a date as to means the end of that day)',
      ],
    ],
    [
      'an absence date-time that does not exist',
      withCoach({ unavailable: [{ from: '2026-02-29T10:00', to: '2026-03-01' }] }),
      [
        'coaches[0].unavailable[0].from: "2026-02-29T10:00" is not a date or date-time (expected YYYY-MM-DD or ' +
          'YYYY-MM-DDTHH:mm, one that exists)',
      ],
    ],
    [
      'an absence with seconds',
      withCoach({ unavailable: [{ from: '2026-12-20T10:00:00', to: '2026-12-21' }] }),
      [
        'coaches[0].unavailable[0].from: "2026-12-20T10:00:00" is not a date or date-time (expected YYYY-MM-DD ' +
          'or YYYY-MM-DDTHH:mm, one that exists)',
      ],
    ],
    [
      'a reason that is not text',
      withCoach({ unavailable: [{ from: '2026-12-20', to: '2026-12-21', reason: 1 }] }),
      ['coaches[0].unavailable[0].reason: 1 is not a reason (expected a string)'],
    ],
    [
      'an unknown absence key',
      withCoach({ unavailable: [{ from: '2026-12-20', until: '2026-12-21' }] }),
      [
        'coaches[0].unavailable[0].until: "2026-12-21" is under an unknown key (expected one of the keys from, ' +
          'to, reason)',
        'coaches[0].unavailable[0].to: is missing (expected YYYY-MM-DD or YYYY-MM-DDTHH:mm, one that exists)',
      ],
    ],
  ];

  it.each(cases)('%s', (_, input, expected) => {
    expect(messages(input)).toStrictEqual(expected);
    // zod's own wording never reaches the user.
    for (const message of messages(input)) expect(message).not.toMatch(/Invalid input|received/);
  });

  it('duplicate ids, naming the later path and the first index', () => {
    const input = example();
    input.coaches.push({ id: 'bastien', name: 'B', availability: [] });
    input.coaches.push({ id: 'amelie', name: 'A2', availability: [] });
    const error = errorOf(input);
    expect(error.issues).toStrictEqual([
      {
        path: 'coaches[2].id',
        value: 'amelie',
        expected: 'an id no other coach has',
        message:
          'coaches[2].id: "amelie" is already the id of coaches[0] (expected an id no other coach has)',
      },
    ]);
  });

  it('limits on enormous input', () => {
    const coach = (i: number) => ({ id: `c${i}`, name: 'C', availability: [] as unknown[] });
    const many = { name: 'T', timeZone: 'UTC', coaches: Array.from({ length: 10_001 }, (_, i) => coach(i)) };
    expect(messages(many)).toHaveLength(1);
    expect(messages(many)[0]).toMatch(
      /^coaches: \[.*\.\.\. has 10001 entries, more than 10000 \(expected an array of 1 to 10000 coaches\)$/,
    );
    const rule = { days: ['MO'], from: '10:00', to: '11:00' };
    expect(messages(withCoach({ availability: Array.from({ length: 501 }, () => rule) }))[0]).toMatch(
      /^coaches\[0\]\.availability: .* has 501 entries, more than 500 \(expected an array of at most 500 rules\)$/,
    );
    const span = { from: '2026-01-01', to: '2026-01-02' };
    expect(messages(withCoach({ unavailable: Array.from({ length: 1001 }, () => span) }))[0]).toMatch(
      /^coaches\[0\]\.unavailable: .* has 1001 entries, more than 1000 \(expected an array of at most 1000/,
    );
    expect(
      messages(
        withRule({ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU', 'MO'], from: '10:00', to: '11:00' }),
      ),
    ).toHaveLength(1);
    // At the limits, everything is fine.
    const atLimit = { ...many, coaches: many.coaches.slice(0, 10_000) };
    atLimit.coaches[0] = { ...coach(0), availability: Array.from({ length: 500 }, () => rule) };
    expect(parseTeam(atLimit).coaches).toHaveLength(10_000);
  });

  it('every problem of a file in one error, in the order of the file', () => {
    const input = example();
    const amelie = input.coaches[0]!;
    amelie.availability = [
      { days: ['MO', 'MO'], from: '19:00', to: '25:00' },
      { date: '2026-02-30', from: '10:00', to: '10:00' },
    ];
    amelie.unavailable = [{ from: '2026-12-20', to: '2026-12-01' }];
    input.coaches.push({ id: 'amelie', name: '', timeZone: 'Nowhere/Land', availability: [], wieght: 2 });
    const error = errorOf({ ...input, timeZone: 'Paris' });
    expect(error.issues.map((i) => i.path)).toStrictEqual([
      'timeZone',
      'coaches[0].availability[0].days[1]',
      'coaches[0].availability[0].to',
      'coaches[0].availability[1].date',
      'coaches[0].availability[1].to',
      'coaches[0].unavailable[0].to',
      'coaches[1].id',
      'coaches[1].name',
      'coaches[1].timeZone',
      'coaches[1].wieght',
    ]);
    expect(error.message.split('\n')[0]).toBe('10 problems:');
    expect(error.issues.at(-1)!.message).toBe(
      'coaches[1].wieght: 2 is under an unknown key; did you mean "weight"? (expected one of the keys id, name, ' +
        'timeZone, availability, unavailable, maxHoursPerWeek, weight, skills)',
    );
  });
});

describe('safeParseTeam', () => {
  it('returns the team or the error, and never throws on bad input', () => {
    const good = safeParseTeam(example());
    expect(good.success).toBe(true);
    if (good.success) expect(good.team.coaches[0]!.id).toBe('amelie');
    const bad = safeParseTeam({ ...example(), timeZone: 'Paris' });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error).toBeInstanceOf(ValidationError);
      expect(bad.error.issues.map((i) => i.path)).toStrictEqual(['timeZone']);
    }
    expect(() => safeParseTeam(Symbol('x'))).not.toThrow();
  });
});

/** Anything parseTeam does: a Team, or a ValidationError in plain words. Any other throw fails the property. */
function checkOutcome(input: unknown): void {
  let team: Team | undefined;
  try {
    team = parseTeam(input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    for (const found of error.issues) {
      expect(found.message).not.toMatch(/Invalid input|received|Too (big|small)|Invalid option|Unrecognized/);
      expect(found.message.startsWith(found.path === '' ? '(input): ' : `${found.path}: `)).toBe(true);
    }
    return;
  }
  expect(team.coaches.length).toBeGreaterThan(0);
}

describe('parseTeam on junk', () => {
  it('returns a Team or throws a ValidationError with issues, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), checkOutcome), { numRuns: 500 });
    fc.assert(fc.property(fc.anything(), checkOutcome), { numRuns: 500 });
  });

  it('does the same when any one place of a valid file holds junk', () => {
    // Paths into the example: replacing the value there (or adding a key) reaches every branch of the checks.
    const places: (string | number)[][] = [
      [],
      ['name'],
      ['timeZone'],
      ['coverage'],
      ['coverage', 'minCoaches'],
      ['coaches'],
      ['coaches', 0],
      ['coaches', 0, 'id'],
      ['coaches', 0, 'timeZone'],
      ['coaches', 0, 'availability'],
      ['coaches', 0, 'maxHoursPerWeek'],
      ['coaches', 0, 'weight'],
      ['coaches', 0, 'skills'],
      ['coaches', 0, 'unavailable', 0],
      ['coaches', 0, 'unavailable', 0, 'from'],
      ['coaches', 0, 'unavailable', 0, 'to'],
      ...[0, 1, 2, 3].flatMap((i) =>
        ['', 'days', 'rrule', 'date', 'from', 'to', 'everyWeeks', 'startDate', 'endDate', 'extra'].map(
          (key) => (key === '' ? ['coaches', 0, 'availability', i] : ['coaches', 0, 'availability', i, key]),
        ),
      ),
    ];
    const junk = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom('24:00', '00:00', '2026-02-30', '2026-12-24T10:00', 'MO', 'FREQ=WEEKLY', 'UTC', ''),
      fc.constantFrom(0, 1, 2, -1, 168, 1.5),
    );
    fc.assert(
      fc.property(fc.constantFrom(...places), junk, (place, value) => {
        const input: Record<string | number, unknown> = example();
        let node = input;
        for (const segment of place.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
        const last = place.at(-1);
        if (last === undefined) checkOutcome(value);
        else {
          node[last] = value;
          checkOutcome(input);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
