// Smoke test of the published package, ESM side. Run by scripts/test-package.sh with plain `node`, from a folder
// where the packed tarball was installed: `astreinte` resolves the way it does for a real user.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeCoverage, parseTeam, safeParseTeam, ValidationError } from 'astreinte';

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
const good = safeParseTeam(teamInput);
assert.equal(good.success, true, 'safeParseTeam(valid) succeeds');

// Subpath exports.
const { default: pkg } = await import('astreinte/package.json', { with: { type: 'json' } });
assert.equal(pkg.name, 'astreinte');
const { default: schema } = await import('astreinte/team.schema.json', { with: { type: 'json' } });
assert.equal(typeof schema, 'object', 'astreinte/team.schema.json is a JSON object');
const { default: requestsSchema } = await import('astreinte/requests.schema.json', {
  with: { type: 'json' },
});
assert.equal(requestsSchema.$id, 'https://unpkg.com/astreinte/schema/requests.schema.json');
for (const name of [
  'rota-policy',
  'matching-policy',
  'overrides',
  'rota',
  'bookings',
  'tokens',
  'feeds-state',
]) {
  const { default: fileSchema } = await import(`astreinte/${name}.schema.json`, { with: { type: 'json' } });
  assert.equal(fileSchema.$id, `https://unpkg.com/astreinte/schema/${name}.schema.json`, name);
}

// The installed command: exit 0 on a valid team, 2 on an invalid one, with a message and no stack trace.
const bin = fileURLToPath(new URL('./node_modules/.bin/astreinte', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'astreinte-smoke-esm-'));
try {
  const goodFile = join(dir, 'good.json');
  const badFile = join(dir, 'bad.json');
  writeFileSync(goodFile, JSON.stringify(teamInput));
  writeFileSync(
    badFile,
    JSON.stringify({
      ...teamInput,
      coaches: [{ id: 'x', name: 'X', availability: [{ days: ['XX'], from: '25:00' }] }],
    }),
  );
  const run = (args) => spawnSync(bin, args, { encoding: 'utf8', timeout: 60_000 });

  // astreinte/node reads the same files, and its errors are the core's ValidationError (one class across entries).
  const { loadTeamFile } = await import('astreinte/node');
  assert.equal(loadTeamFile(goodFile).coaches.length, 2, 'loadTeamFile reads the team');
  assert.throws(
    () => loadTeamFile(badFile),
    (error) => error instanceof ValidationError && error.issues.every((i) => i.message.startsWith(badFile)),
    'loadTeamFile throws the core ValidationError, each message naming the file',
  );

  // astreinte/reports builds the coverage-gap report of the same team, as JSON and as HTML.
  const { buildCoverageGapReport, coverageGapReportToJson, coverageGapReportToHtml } = await import(
    'astreinte/reports'
  );
  const report = buildCoverageGapReport(team, { from, to });
  assert.equal(coverageGapReportToJson(report).schemaVersion, 1, 'astreinte/reports: the JSON report');
  assert.ok(
    coverageGapReportToHtml(report).startsWith('<!DOCTYPE html>'),
    'astreinte/reports: the HTML page',
  );

  // astreinte/ical builds a feed from the same team; its errors are the core's ValidationError too.
  const { coachFeed } = await import('astreinte/ical');
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

  const ok = run(['validate', goodFile]);
  assert.equal(ok.status, 0, `validate good.json: exit ${ok.status}\n${ok.stderr}`);

  const ko = run(['validate', badFile]);
  assert.equal(ko.status, 2, `validate bad.json: exit ${ko.status}\n${ko.stderr}`);
  assert.ok(ko.stderr.trim() !== '', 'validate bad.json says what is wrong on stderr');
  assert.ok(
    !/^\s+at .*:\d+:\d+\)?$/m.test(ko.stderr),
    `validate bad.json printed a stack trace:\n${ko.stderr}`,
  );

  const cov = run(['coverage', goodFile, '--from', '2026-11-30', '--to', '2026-12-07', '--format', 'json']);
  assert.equal(cov.status, 0, `coverage --format json: exit ${cov.status}\n${cov.stderr}`);
  assert.doesNotThrow(() => JSON.parse(cov.stdout), 'coverage --format json prints JSON');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('smoke (esm): ok');
