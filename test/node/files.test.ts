import { describe, expect, it } from 'vitest';
import { parsePublishedState } from '../../src/ical/state.js';
import { parseTokenFile } from '../../src/ical/tokens.js';
import { parseTeam } from '../../src/model/parse.js';
import {
  loadBookings,
  loadMatchingPolicy,
  loadOverrides,
  loadPolicy,
  loadPrevious,
} from '../../src/node/files.js';
import { resolvePolicy } from '../../src/rota/policy.js';
import { tinyTeam } from '../cli/in-memory.js';
import { oneFile as one } from '../support/one-file.js';

const team = parseTeam(JSON.parse(tinyTeam)); // one coach, `a`, in Europe/Paris

/** Every issue message of what `read` throws, or `[]` when it reads the file. */
const problems = (read: () => unknown): string[] => {
  try {
    read();
    return [];
  } catch (error) {
    return (error as { issues: { message: string }[] }).issues.map((i) => i.message);
  }
};

const $schema = '../schema/x.schema.json';

describe('"$schema" in the files astreinte reads', () => {
  it('is ignored by the policy loaders, which return the settings without it', () => {
    expect(loadPolicy('f.json', one({ $schema, layers: ['primary'] }))).toEqual({ layers: ['primary'] });
    expect(loadMatchingPolicy('f.json', one({ $schema, bufferMinutes: 30 }))).toEqual({ bufferMinutes: 30 });
  });

  it('is ignored in the object forms of overrides, bookings and a published rota', () => {
    // 18:00 and 20:00 in Paris in December (+01:00) are 17:00 and 19:00 UTC.
    const span = { coachId: 'a', start: '2026-12-24T18:00', end: '2026-12-24T20:00' };
    const expected = { coachId: 'a', start: Date.UTC(2026, 11, 24, 17), end: Date.UTC(2026, 11, 24, 19) };
    expect(
      loadOverrides('f.json', team, one({ $schema, overrides: [{ ...span, layer: 'primary' }] })),
    ).toEqual([{ ...expected, layer: 'primary' }]);
    expect(loadBookings('f.json', team, one({ $schema, bookings: [{ ...span, id: 'R-1' }] }))).toEqual([
      { ...expected, requestId: 'R-1' },
    ]);
    const shift = {
      layer: 'primary',
      coachId: 'a',
      start: '2026-12-24T18:00+01:00',
      end: '2026-12-24T20:00+01:00',
    };
    expect(loadPrevious('f.json', one({ $schema, shifts: [shift] }))).toEqual([
      { ...expected, layer: 'primary' },
    ]);
    expect(parseTokenFile({ $schema, version: 1, tokens: [] })).toEqual({ version: 1, tokens: [] });
    expect(parsePublishedState({ $schema, version: 1, events: [] })).toEqual({ version: 1, events: [] });
  });

  it('must be a string, in every file', () => {
    const message =
      'f.json: $schema: 42 is not a schema reference (expected the URL or path of a JSON Schema)';
    expect(problems(() => loadPolicy('f.json', one({ $schema: 42 })))).toEqual([message]);
    expect(problems(() => loadMatchingPolicy('f.json', one({ $schema: 42 })))).toEqual([message]);
    expect(problems(() => loadOverrides('f.json', team, one({ $schema: 42, overrides: [] })))).toEqual([
      message,
    ]);
    expect(problems(() => loadBookings('f.json', team, one({ $schema: 42, placed: [] })))).toEqual([message]);
    expect(problems(() => loadPrevious('f.json', one({ $schema: 42, shifts: [] })))).toEqual([message]);
    const bare = '$schema: 42 is not a schema reference (expected the URL or path of a JSON Schema)';
    expect(problems(() => parseTokenFile({ $schema: 42, version: 1, tokens: [] }))).toEqual([bare]);
    expect(problems(() => parsePublishedState({ $schema: 42, version: 1, events: [] }))).toEqual([bare]);
  });
});

describe('policy files: what the JSON Schemas refuse, the loaders refuse', () => {
  it('refuses a null setting, which would otherwise read as its default', () => {
    expect(problems(() => loadPolicy('f.json', one({ minRestHours: null })))).toEqual([
      'f.json: policy.minRestHours: null is null (expected a value, or no key at all for the default)',
    ]);
    expect(problems(() => loadMatchingPolicy('f.json', one({ eligible: null, maxRetries: 2 })))).toEqual([
      'f.json: policy.eligible: null is null (expected a value, or no key at all for the default)',
    ]);
  });

  it('refuses a __proto__ key as an unknown setting, rather than lending its settings to the policy', () => {
    const text = '{ "__proto__": { "layers": ["x"] } }';
    const io = { readFile: () => text };
    expect(problems(() => loadPolicy('f.json', io))).toEqual([
      'f.json: policy.__proto__: {"layers":["x"]} is not a policy setting (expected one of layers, handOffTimes, ' +
        'minShiftMinutes, maxStretchHours, minRestHours, night, layerSkills, layerWeights)',
    ]);
    expect(problems(() => loadMatchingPolicy('f.json', io))).toHaveLength(1);
    expect(problems(() => loadMatchingPolicy('f.json', io))[0]).toContain(
      'policy.__proto__: {"layers":["x"]} is not',
    );
  });

  it('refuses layer skills that are not a map, and night times that are not strings', () => {
    for (const layerSkills of [5, true, [], ['senior'], 'senior']) {
      expect(problems(() => loadPolicy('f.json', one({ layerSkills })))).toContainEqual(
        expect.stringContaining('f.json: policy.layerSkills: '),
      );
    }
    expect(problems(() => loadPolicy('f.json', one({ layerSkills: 5 })))).toEqual([
      'f.json: policy.layerSkills: 5 is not a map of skills (expected an object { "layer": ["skill", ...] })',
    ]);
    // String(['22:00']) is '22:00': an array used to pass for a time.
    expect(problems(() => loadPolicy('f.json', one({ night: { from: ['22:00'], to: '07:00' } })))).toEqual([
      'f.json: policy.night: {"from":["22:00"],"to":"07:00"} is not a night window (expected { "from": "HH:mm", "to": "HH:mm" }, from ≠ to)',
    ]);
    expect(loadPolicy('f.json', one({ night: { from: '23:00', to: '06:00' }, layerSkills: {} }))).toEqual({
      night: { from: '23:00', to: '06:00' },
      layerSkills: {},
    });
  });

  it('reads a layer named constructor as a name, not as a property of Object.prototype', () => {
    // `{}.constructor` is a function: read as the layer's skills, it crashed the rota ("is not iterable").
    const layers = ['primary', 'constructor'];
    expect(resolvePolicy({ layers }).layerSkills).toEqual([[], []]);
    expect(resolvePolicy({ layers, layerSkills: { constructor: ['senior'] } }).layerSkills).toEqual([
      [],
      ['senior'],
    ]);
  });
});
