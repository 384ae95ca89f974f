/**
 * Fairness per layer, by hand: the first line (which takes the calls) and the backup each have their own fair
 * share, steered by and reported alongside the total.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { generateRota } from '../../src/rota/generate.js';
import type { RotaPolicyInput } from '../../src/rota/policy.js';
import type { Rota } from '../../src/rota/rota.js';
import { HOUR } from '../../src/time/types.js';
import { coach, days, team, weekly } from './fixtures.js';

const utc = Date.UTC;
const byLayer = (rota: Rota, layer: string) => rota.load.map((l) => l.hoursByLayer[layer]);

describe('three coaches free on weekday evenings (Mon: all three; Tue, Wed: two; Thu, Fri: one)', () => {
  // a: Monday to Friday 18:00-24:00; b: Monday to Wednesday; c: Monday only. Default policy (primary, backup,
  // hand-offs every 4 h), Mon 2026-12-07 to Mon 2026-12-14, Paris.
  // First line: 30 h to share over free time 30 / 18 / 6 h: c can carry only 6 h, the others 12 h each.
  // Total: 30 h of first line + 18 h of backup (Mon-Wed, where two are free) = 48 h over the same free time:
  // 24 / 18 / 6 h. So backup shares are 12 / 6 / 0 h. The only rota meeting them all: c holds Monday's first
  // line (all of c's time), b the backup; b the first line on Tuesday and Wednesday (with a as backup); a alone
  // on Thursday and Friday.
  const evenings = team([
    coach('a', [weekly(days('MO', 'TU', 'WE', 'TH', 'FR'), '18:00', '00:00')]),
    coach('b', [weekly(days('MO', 'TU', 'WE'), '18:00', '00:00')]),
    coach('c', [weekly(days('MO'), '18:00', '00:00')]),
  ]);
  const week = { from: utc(2026, 11, 6, 23), to: utc(2026, 11, 13, 23) };
  const rota = generateRota(evenings, week);

  it('gives the first line 12 h / 12 h / 6 h, and totals of 24 h / 18 h / 6 h', () => {
    expect(byLayer(rota, 'primary')).toEqual([12, 12, 6]);
    expect(byLayer(rota, 'backup')).toEqual([12, 6, 0]);
    expect(rota.load.map((l) => l.totalHours)).toEqual([24, 18, 6]);
  });

  it('reports each layer fair share and deviation, and the weighted load', () => {
    expect(rota.load.map((l) => l.fairShareByLayer)).toEqual([
      { primary: 12, backup: 12 },
      { primary: 12, backup: 6 },
      { primary: 6, backup: 0 },
    ]);
    expect(rota.load.map((l) => l.fairShareHours)).toEqual([24, 18, 6]);
    expect(rota.load.map((l) => l.deviationByLayer)).toEqual([
      { primary: 0, backup: 0 },
      { primary: 0, backup: 0 },
      { primary: 0, backup: 0 },
    ]);
    // Default layer weights: first line 1, backup 0.5.
    expect(rota.load.map((l) => l.weightedHours)).toEqual([18, 15, 6]);
    expect(rota.load.map((l) => l.weightedFairShareHours)).toEqual([18, 15, 6]);
    expect(rota.quality.maxDeviationByLayer).toEqual({ primary: 0, backup: 0 });
    // Grafana's balance per layer, over coaches with load: primary (1 + 0.5 + 0.5) / 3, backup 6 / 12.
    expect(rota.quality.balanceByLayer.primary).toBeCloseTo(2 / 3, 12);
    expect(rota.quality.balanceByLayer.backup).toBeCloseTo(0.5, 12);
    expect(rota.quality.maxWeightedDeviationHours).toBe(0);
  });

  it('holds the first line where each coach is the one who needs it', () => {
    const primary = rota.shifts
      .filter((s) => s.layer === 'primary')
      .map((s) => [s.coachId, (s.start - week.from) / HOUR, (s.end - s.start) / HOUR]);
    // Monday 18:00 is hour 18; nobody hands over at 20:00.
    expect(primary).toEqual([
      ['c', 18, 6],
      ['b', 42, 6],
      ['b', 66, 6],
      ['a', 90, 6],
      ['a', 114, 6],
    ]);
  });
});

describe('a DST night: per-layer shares in real hours', () => {
  // Paris, Fri 2026-03-27 20:00 to Mon 2026-03-30 08:00 (+01:00, then +02:00 from Sunday 03:00). Nights
  // 20:00-08:00: Friday 12 h, Saturday 11 h (the spring-forward night), Sunday 12 h. a: every night, b: Saturday
  // and Sunday, c: Saturday. First line: 35 h over free time 35 / 23 / 11 h: c 11 h, a and b 12 h each. Backup:
  // 23 h (Saturday 11 h, Sunday 12 h), total 58 h: 24 / 23 / 11 h, so backup shares 12 / 11 / 0 h. Reachable
  // exactly: c holds Saturday's first line (b the backup), b Sunday's (a the backup), a Friday's alone.
  const nights = team([
    coach('a', [weekly(days('FR', 'SA', 'SU'), '20:00', '08:00')]),
    coach('b', [weekly(days('SA', 'SU'), '20:00', '08:00')]),
    coach('c', [weekly(days('SA'), '20:00', '08:00')]),
  ]);
  const horizon = { from: utc(2026, 2, 27, 19), to: utc(2026, 2, 30, 6) };
  const rota = generateRota(nights, horizon);

  it('keeps every coach at the fair share of each layer', () => {
    expect(rota.load.map((l) => l.fairShareByLayer)).toEqual([
      { primary: 12, backup: 12 },
      { primary: 12, backup: 11 },
      { primary: 11, backup: 0 },
    ]);
    expect(byLayer(rota, 'primary')).toEqual([12, 12, 11]);
    expect(byLayer(rota, 'backup')).toEqual([12, 11, 0]);
    expect(rota.load.map((l) => l.totalHours)).toEqual([24, 23, 11]);
    expect(rota.quality.maxDeviationByLayer).toEqual({ primary: 0, backup: 0 });
  });

  it('reports night fair shares and spreads', () => {
    // Night 22:00-07:00: Friday and Sunday 9 h, Saturday 8 h; 26 h of first line + 17 h of backup = 43 h on call
    // at night, over free night time 26 / 17 / 8 h: c 8 h, then a and b 17.5 h, b capped at 17 h, a 18 h
    // (a: Friday and Sunday, 9 h each).
    expect(rota.load.map((l) => l.nightHours)).toEqual([18, 17, 8]);
    expect(rota.load.map((l) => l.nightFairShareHours)).toEqual([18, 17, 8]);
    // a: Friday and Sunday nights; b: Saturday and Sunday; c: Saturday.
    expect(rota.load.map((l) => l.nights)).toEqual([2, 2, 1]);
    expect(rota.quality.nightsSpread).toBe(1);
    expect(rota.quality.maxNightDeviationHours).toBe(0);
    // Weekend: Saturday and Sunday local days.
    expect(rota.quality.weekendHoursPerCoach).toEqual(
      Object.fromEntries(rota.load.map((l) => [l.coachId, l.weekendHours])),
    );
  });
});

describe('layerWeights', () => {
  const one = team([coach('a', [weekly(days('MO'), '08:00', '20:00')])]);
  const week = { from: utc(2026, 11, 6, 23), to: utc(2026, 11, 13, 23) };
  const issues = (policy: unknown) => {
    try {
      generateRota(one, { ...week, policy: policy as RotaPolicyInput });
    } catch (error) {
      if (error instanceof ValidationError) return error.issues.map((i) => [i.path, i.expected]);
      throw error;
    }
    return expect.fail('expected a ValidationError');
  };

  it('defaults to 1 for the first layer and 0.5 for the others, and takes the policy values', () => {
    expect(generateRota(one, week).policy.layerWeights).toEqual([1, 0.5]);
    const three = { layers: ['primary', 'backup', 'third'], layerWeights: { third: 0.25 } };
    expect(generateRota(one, { ...week, policy: three }).policy.layerWeights).toEqual([1, 0.5, 0.25]);
  });

  it('refuses unknown layers and weights outside 0-1, by path', () => {
    expect(issues({ layerWeights: { third: 1 } })).toEqual([
      ['policy.layerWeights.third', 'one of primary, backup'],
    ]);
    expect(issues({ layerWeights: { backup: 2, primary: 'x' } })).toEqual([
      ['policy.layerWeights.backup', 'a number from 0 to 1'],
      ['policy.layerWeights.primary', 'a number from 0 to 1'],
    ]);
    expect(issues({ layerWeights: [1] })).toEqual([['policy.layerWeights', 'an object { "layer": weight }']]);
  });
});
