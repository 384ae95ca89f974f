import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTeam, ValidationError } from '../../../src/index.js';
import {
  buildCoverageGapReport,
  coverageGapReportToJson,
  coverageGapReportToMarkdown,
} from '../../../src/reporting/index.js';

const team = parseTeam(JSON.parse(readFileSync('examples/ca-va-patron.json', 'utf8')));
const DEC_1 = Date.UTC(2026, 10, 30, 23);
const DEC_8 = DEC_1 + 7 * 86_400_000;

describe('the coverage-gap report', () => {
  it('has no exposure section unless exposure periods are given, and shows them when they are', () => {
    const without = buildCoverageGapReport(team, { from: DEC_1, to: DEC_8 });
    expect(without.exposure).toBeUndefined();
    expect(coverageGapReportToJson(without)).not.toHaveProperty('exposure');
    // One period: Tuesday 1 December 09:00-19:00 Paris (08:00Z-18:00Z), worst wait 10 h.
    const exposure = [
      { start: DEC_1 + 9 * 3_600_000, end: DEC_1 + 19 * 3_600_000, worstWaitMs: 10 * 3_600_000 },
    ];
    const withIt = buildCoverageGapReport(team, { from: DEC_1, to: DEC_8, exposure });
    expect(coverageGapReportToJson(withIt).exposure).toEqual([
      { start: '2026-12-01T09:00:00+01:00', end: '2026-12-01T19:00:00+01:00', worstWaitMinutes: 600 },
    ]);
    expect(coverageGapReportToMarkdown(withIt, { lang: 'en' })).toContain(
      '| Tuesday, 1 December 2026, 09:00 | Tuesday, 1 December 2026, 19:00 | 10 h |',
    );
  });

  it('refuses bad exposure periods, listing each', () => {
    const bad = [
      { start: 5, end: 1, worstWaitMs: 0 },
      { start: 0, end: 1, worstWaitMs: -1 },
    ];
    try {
      buildCoverageGapReport(team, { from: DEC_1, to: DEC_8, exposure: bad });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual(['exposure[0]', 'exposure[1]']);
    }
  });

  it('single points of failure equal a re-run of coverage without the coach (example team, one week)', () => {
    const report = buildCoverageGapReport(team, { from: DEC_1, to: DEC_8 });
    for (const c of report.coaches) {
      const without = buildCoverageGapReport(
        { ...team, coaches: team.coaches.filter((x) => x.id !== c.id) },
        { from: DEC_1, to: DEC_8 },
      );
      expect(without.gapMinutes - report.gapMinutes).toBe(c.extraGapMinutesIfAbsent);
    }
    // Most first; every coach here covers some fragile time alone.
    const extra = report.singlePointsOfFailure.map((s) => s.extraGapMinutes);
    expect([...extra].sort((a, b) => b - a)).toEqual(extra);
  });
});
