import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_POLICY, parseTeam, readCallbackWindows, ValidationError } from '../../src/index.js';

const base = {
  name: 'T',
  timeZone: 'Europe/Paris',
  coaches: [{ id: 'a', name: 'A', availability: [{ days: ['MO'], from: '09:00', to: '17:00' }] }],
};

describe("the team file's intake key", () => {
  it('is optional, and compiles into the resolved policy', () => {
    expect(parseTeam(base).intake).toBeUndefined();
    const team = parseTeam({
      ...base,
      intake: { periods: { evening: { from: '17:00', to: '21:00' } }, pointMinutes: 30 },
    });
    expect(team.intake).toEqual({
      ...DEFAULT_INTAKE_POLICY,
      periods: { ...DEFAULT_INTAKE_POLICY.periods, evening: { from: 1020, to: 1260 } },
      pointMinutes: 30,
    });
    // The compiled policy is a valid policy input: the command hands it to readCallbackWindows as it is.
    const r = readCallbackWindows('demain soir', {
      receivedAt: Date.UTC(2026, 11, 1, 9),
      timeZone: 'Europe/Paris',
      ...(team.intake === undefined ? {} : { policy: team.intake }),
    });
    expect(r.windows.map((w) => [w.start, w.end])).toEqual([
      [Date.UTC(2026, 11, 2, 16), Date.UTC(2026, 11, 2, 20)],
    ]);
  });
  it('refuses bad fields with their paths', () => {
    let error: unknown;
    try {
      parseTeam({
        ...base,
        intake: {
          openMinutes: -5,
          periods: { dusk: { from: '18:00', to: '19:00' } },
          afterMidnightUntil: '4h',
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((i) => i.path);
    expect(paths.some((p) => p.startsWith('intake.openMinutes'))).toBe(true);
    expect(paths.some((p) => p.startsWith('intake.periods'))).toBe(true);
    expect(paths.some((p) => p.startsWith('intake.afterMidnightUntil'))).toBe(true);
  });
});
