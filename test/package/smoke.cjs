// Smoke test of the published package, CommonJS side. Run by scripts/test-package.sh with plain `node`, from a
// folder where the packed tarball was installed: `require('astreinte')` resolves the way it does for a real user.
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { computeCoverage, parseTeam, safeParseTeam, ValidationError } = require('astreinte');

// Two coaches in Paris, both on Mondays only: Anne 09:00-17:00, Bruno 13:00-17:00.
const teamInput = {
  name: 'Smoke',
  timeZone: 'Europe/Paris',
  coverage: { minCoaches: 1 },
  coaches: [
    { id: 'anne', name: 'Anne', availability: [{ days: ['MO'], from: '09:00', to: '17:00' }] },
    { id: 'bruno', name: 'Bruno', availability: [{ days: ['MO'], from: '13:00', to: '17:00' }] },
  ],
};

// Library: parse, then one week from Monday 2026-11-30 00:00 Paris (UTC+1, no DST change in the week).
const team = parseTeam(teamInput);
const from = Date.UTC(2026, 10, 29, 23);
const to = from + 7 * 24 * 3_600_000;
const { stats, gaps } = computeCoverage(team, { from, to });
assert.equal(stats.horizonMinutes, 10_080, 'horizonMinutes: 7 x 24 x 60');
assert.equal(stats.coveredMinutes, 480, 'coveredMinutes: Monday 09:00-17:00');
assert.equal(stats.gapMinutes, 9_600, 'gapMinutes: 10080 - 480');
assert.equal(stats.fragileMinutes, 240, 'fragileMinutes: Monday 09:00-13:00, Anne alone');
assert.ok(Math.abs(stats.coverageRatio - 480 / 10_080) < 1e-9, `coverageRatio ${stats.coverageRatio}`);
// Gaps: Monday 00:00-09:00 (540) and Monday 17:00 to the next Monday 00:00 (6 x 1440 + 420 = 9060).
assert.equal(stats.longestGapMinutes, 9_060, 'longestGapMinutes');
assert.ok(Array.isArray(gaps), 'gaps is an array');
assert.equal(gaps.length, 2, 'two gaps');

// Bad input: safeParseTeam never throws, parseTeam throws the exported ValidationError.
const bad = safeParseTeam({});
assert.equal(bad.success, false, 'safeParseTeam({}) fails');
assert.ok(bad.error instanceof ValidationError, 'error is the exported ValidationError');
assert.ok(bad.error instanceof Error, 'ValidationError is an Error');
assert.ok(Array.isArray(bad.error.issues) && bad.error.issues.length > 0, 'error lists its issues');
assert.throws(() => parseTeam({}), ValidationError);
assert.equal(safeParseTeam(teamInput).success, true, 'safeParseTeam(valid) succeeds');

// Subpath exports.
assert.equal(require('astreinte/package.json').name, 'astreinte');
assert.equal(
  typeof require('astreinte/team.schema.json'),
  'object',
  'astreinte/team.schema.json is a JSON object',
);

// The installed command: exit 2 on an invalid team, with a message and no stack trace.
const bin = join(__dirname, 'node_modules', '.bin', 'astreinte');
const dir = mkdtempSync(join(tmpdir(), 'astreinte-smoke-cjs-'));
try {
  const badFile = join(dir, 'bad.json');
  writeFileSync(
    badFile,
    JSON.stringify({ ...teamInput, coaches: [{ id: '', name: 'X', availability: 'MO' }] }),
  );
  const { loadTeamFile } = require('astreinte/node');
  assert.throws(
    () => loadTeamFile(badFile),
    (error) => error instanceof ValidationError,
    'astreinte/node throws the core ValidationError',
  );
  const { buildCoverageGapReport, coverageGapReportToJson } = require('astreinte/reports');
  const report = coverageGapReportToJson(buildCoverageGapReport(teamInput, { from, to }));
  assert.equal(report.schemaVersion, 1, 'astreinte/reports from CommonJS');

  // astreinte/ical builds a feed from the same team; its errors are the core's ValidationError too.
  const { coachFeed } = require('astreinte/ical');
  const shift = {
    layer: 'primary',
    coachId: 'anne',
    start: from + 9 * 3_600_000,
    end: from + 17 * 3_600_000,
  };
  const { ics } = coachFeed(team, 'anne', { now: from, rota: { shifts: [shift] } });
  assert.ok(
    ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.includes('DTSTART;TZID=Europe/Paris:20261130T090000'),
    'coachFeed',
  );
  assert.throws(() => coachFeed(team, 'nobody', { now: from, rota: { shifts: [] } }), ValidationError);
  const ko = spawnSync(bin, ['validate', badFile], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(ko.status, 2, `validate bad.json: exit ${ko.status}\n${ko.stderr}`);
  assert.ok(ko.stderr.trim() !== '', 'validate bad.json says what is wrong on stderr');
  assert.ok(
    !/^\s+at .*:\d+:\d+\)?$/m.test(ko.stderr),
    `validate bad.json printed a stack trace:\n${ko.stderr}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('smoke (cjs): ok');
