// Every subcommand as a user runs it, a child process on the repository's example files: exit 0 (or 1 when asked
// to fail on findings, with the output still printed), and the JSON contract where there is one: the top-level
// keys and their types, and the counts that must hold whatever the engine decides.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../ical/support.js';
import { type ChildResult, ROOT, runCli, STACK_LINE, startCli, useCli } from './child.js';

const TEAM = 'examples/ca-va-patron.json';
const REQUESTS = 'examples/requests.json';
const COACHES = ['amelie', 'bastien', 'claire', 'damien', 'elodie', 'fabrice', 'gaelle'];
const REQUEST_IDS = (JSON.parse(readFileSync(REQUESTS, 'utf8')) as { id: string }[]).map((r) => r.id);
/** An ISO 8601 instant with its offset, as every JSON output writes instants. */
/** The keys a JSON output over a horizon starts with, and one judged at an instant. */
const HEAD = { team: 'string', timeZone: 'string', from: 'string', to: 'string' };
const AT = { team: 'string', timeZone: 'string', now: 'string' };
/** The first week of December 2026, Tuesday to Tuesday. */
const WEEK = ['--from', '2026-12-01', '--to', '2026-12-08'];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?(?:Z|[+-]\d\d:\d\d)$/;

const at = useCli('astreinte-good-');
const astreinte = (...args: string[]) => runCli(at.cli, args);

/** Exit 0, nothing on standard error, and standard output parsed as JSON. */
function json(out: ChildResult): Record<string, unknown> {
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as Record<string, unknown>;
}

/** Each key of `value` has the `typeof` (or `array`) `types` says. */
function expectTypes(value: Record<string, unknown>, types: Record<string, string>): void {
  const got = Object.fromEntries(
    Object.keys(types).map((k) => [k, Array.isArray(value[k]) ? 'array' : typeof value[k]]),
  );
  expect(got).toEqual(types);
}

/** Start before end, both ISO with an offset. */
function expectSpan(span: { start: unknown; end: unknown }): void {
  expect(span.start).toMatch(ISO);
  expect(span.end).toMatch(ISO);
  expect(Date.parse(span.start as string)).toBeLessThan(Date.parse(span.end as string));
}

describe('every subcommand on good files, as a child process', () => {
  it('validate says what each example file is, on standard output only', () => {
    expect(astreinte('validate', TEAM)).toEqual({
      code: 0,
      stdout: `${TEAM}: valid team file (7 coaches, Europe/Paris)\n`,
      stderr: '',
    });
    expect(astreinte('validate', REQUESTS, '--team', TEAM)).toEqual({
      code: 0,
      stdout: `${REQUESTS}: valid request file (13 requests)\n`,
      stderr: '',
    });
  });

  it('coverage and rota: the JSON contracts, every span ISO and inside the horizon', () => {
    const coverage = json(astreinte('coverage', TEAM, ...WEEK, '--format', 'json'));
    expectTypes(coverage, {
      ...HEAD,
      minCoaches: 'number',
      stats: 'object',
      gaps: 'array',
      fragile: 'array',
      coaches: 'array',
      hourOfWeek: 'array',
    });
    expect(coverage.from).toBe('2026-12-01T00:00:00+01:00');
    expect(coverage.to).toBe('2026-12-08T00:00:00+01:00');
    const stats = coverage.stats as Record<'horizonMinutes' | 'coveredMinutes' | 'gapMinutes', number>;
    // Seven days of minutes, each either covered or in a gap.
    expect(stats.horizonMinutes).toBe(7 * 1440);
    expect(stats.coveredMinutes + stats.gapMinutes).toBe(stats.horizonMinutes);
    const gaps = coverage.gaps as { start: string; end: string; minutes: number }[];
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) expectSpan(gap);
    expect(gaps.reduce((sum, g) => sum + g.minutes, 0)).toBe(stats.gapMinutes);
    expect((coverage.coaches as { id: string }[]).map((c) => c.id)).toEqual(COACHES);
    expect(coverage.hourOfWeek).toHaveLength(7 * 24);

    const rota = json(
      astreinte('rota', TEAM, '--from', '2026-12-07', '--to', '2026-12-14', '--format', 'json'),
    );
    expectTypes(rota, {
      ...HEAD,
      layers: 'array',
      shifts: 'array',
      unfilled: 'array',
      load: 'array',
      quality: 'object',
      flags: 'array',
    });
    expect(rota.layers).toEqual(['primary', 'backup']);
    const shifts = rota.shifts as { layer: string; coachId: string; start: string; end: string }[];
    expect(shifts.length).toBeGreaterThan(0);
    const [from, to] = [Date.parse(rota.from as string), Date.parse(rota.to as string)];
    for (const shift of shifts) {
      expect(Object.keys(shift).sort()).toEqual(['coachId', 'end', 'layer', 'start']);
      expect(rota.layers).toContain(shift.layer);
      expect(COACHES).toContain(shift.coachId);
      expectSpan(shift);
      expect(Date.parse(shift.start)).toBeGreaterThanOrEqual(from);
      expect(Date.parse(shift.end)).toBeLessThanOrEqual(to);
    }
  });

  it('intake reads --text and standard input alike; json is a request for the request file', () => {
    const args = ['intake', TEAM, '--received-at', '2026-12-01T19:00', '--lang', 'en'];
    const words = 'demain 14h-16h';
    const fromText = astreinte(...args, '--text', words);
    expect(fromText).toEqual({ code: 0, stdout: 'Wednesday 2 December 14:00 - 16:00\n', stderr: '' });
    expect(runCli(at.cli, args, { input: `${words}\n` })).toEqual(fromText);
    const request = json(astreinte(...args, '--text', words, '--format', 'json'));
    expect(request).toMatchObject({
      id: 'R-20261201-1900',
      receivedAt: '2026-12-01T19:00:00+01:00',
      door: 'coaches',
      channel: 'sms',
      callbackWindows: [{ start: '2026-12-02T14:00:00+01:00', end: '2026-12-02T16:00:00+01:00' }],
    });
  });

  it('match: every request once, placed on a coach or not placed with a reason', () => {
    const plan = json(astreinte('match', TEAM, REQUESTS, '--now', '2026-12-02T07:30', '--format', 'json'));
    expectTypes(plan, {
      ...AT,
      placed: 'array',
      notPlaced: 'array',
      load: 'array',
      figures: 'object',
    });
    const placed = plan.placed as { id: string; coachId: string; start: string; end: string }[];
    const notPlaced = plan.notPlaced as { id: string; reason: unknown; sentence: { en: unknown } }[];
    expect([...placed, ...notPlaced].map((r) => r.id).sort()).toEqual([...REQUEST_IDS].sort());
    for (const call of placed) {
      expect(COACHES).toContain(call.coachId);
      expectSpan(call);
    }
    for (const r of notPlaced) {
      expect(r.reason).toMatch(/^[a-z-]+$/);
      expect(typeof r.sentence.en).toBe('string');
    }
    expect(plan.figures).toMatchObject({ requests: 13, placed: placed.length, notPlaced: notPlaced.length });
  });

  it('sla: one status per request; sla exposure: its periods and waits', () => {
    const sla = json(astreinte('sla', TEAM, REQUESTS, '--now', '2026-12-02T07:30', '--format', 'json'));
    expectTypes(sla, {
      ...AT,
      requests: 'array',
      nextBreaches: 'array',
      metrics: 'object',
    });
    const statuses = sla.requests as { id: string; status: string; deadline: string }[];
    expect(statuses.map((r) => r.id)).toEqual(REQUEST_IDS);
    for (const r of statuses) {
      expect(['met', 'breached', 'will-breach', 'at-risk', 'on-track']).toContain(r.status);
      expect(r.deadline).toMatch(ISO);
    }
    const totals = (sla.metrics as { totals: Record<'requests' | 'met' | 'breached' | 'open', number> })
      .totals;
    expect(totals.requests).toBe(13);
    expect(totals.met + totals.breached + totals.open).toBe(13);

    const exposure = json(astreinte('sla', 'exposure', TEAM, ...WEEK, '--format', 'json'));
    expectTypes(exposure, {
      ...HEAD,
      targetMinutes: 'number',
      exposedMinutes: 'number',
      maxWaitMinutes: 'number',
      periods: 'array',
      waits: 'array',
    });
    expect(exposure.targetMinutes).toBe(24 * 60);
    for (const w of exposure.waits as { start: string; end: string }[]) expectSpan(w);
  });

  it('exits 1 on findings when asked, with the output still printed', () => {
    const gaps = astreinte('report', 'coverage', TEAM, ...WEEK, '--format', 'json', '--fail-on-gaps');
    expect([gaps.code, gaps.stderr]).toEqual([1, '']);
    expect((JSON.parse(gaps.stdout) as { gaps: unknown[] }).gaps.length).toBeGreaterThan(0);
    // A week after the last request arrived, every open one is past its deadline.
    const late = astreinte(
      'sla',
      TEAM,
      REQUESTS,
      '--now',
      '2026-12-10T07:30',
      '--format',
      'json',
      '--fail-on-breaches',
    );
    expect([late.code, late.stderr]).toEqual([1, '']);
    const statuses = (JSON.parse(late.stdout) as { requests: { status: string }[] }).requests;
    expect(statuses.filter((r) => r.status === 'breached')).toHaveLength(12);
    // Without the option, the same findings exit 0.
    expect(astreinte('sla', TEAM, REQUESTS, '--now', '2026-12-10T07:30').code).toBe(0);
  });

  it('report coverage and report monthly, as HTML and JSON', () => {
    const coverage = json(astreinte('report', 'coverage', TEAM, ...WEEK, '--format', 'json'));
    expect(coverage).toMatchObject({ schemaVersion: 1, kind: 'coverage-gap-report', minCoaches: 1 });
    expect((coverage.summary as { horizonMinutes: number }).horizonMinutes).toBe(7 * 1440);
    const page = astreinte('report', 'coverage', TEAM, ...WEEK, '--format', 'html');
    expect([page.code, page.stderr]).toEqual([0, '']);
    expect(page.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(page.stdout.trimEnd()).toMatch(/<\/html>$/);

    const month = ['--month', '2026-12', '--now', '2027-01-04T09:00'];
    const review = json(
      astreinte('report', 'monthly', TEAM, 'examples/month.json', ...month, '--format', 'json'),
    );
    expect(review).toMatchObject({ schemaVersion: 1, kind: 'monthly-review', month: '2026-12', k: 5 });
    // month.json holds 70 requests received in December (README of examples/).
    expect((review.byWeek as { total: number }).total).toBe(70);
    const html = astreinte(
      'report',
      'monthly',
      TEAM,
      'examples/month.json',
      ...month,
      '--format',
      'html',
      '--lang',
      'en',
    );
    expect([html.code, html.stderr]).toEqual([0, '']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it('feeds writes the .ics files it names, each a VCALENDAR; schema --out every schema', () => {
    const out = join(at.dir, 'feeds');
    mkdirSync(out);
    const run = astreinte('feeds', TEAM, REQUESTS, '--now', '2026-12-01T08:00', '--out', out);
    expect(run).toEqual({
      code: 0,
      stdout: `9 feeds written to ${out}/ (7 coaches, team.ics, gaps.ics)\n`,
      stderr: '',
    });
    expect(readdirSync(out).sort()).toEqual([...COACHES.map((c) => `${c}.ics`), 'gaps.ics', 'team.ics']);
    for (const name of readdirSync(out)) {
      const text = readFileSync(join(out, name), 'utf8');
      expect(text, name).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(text.trimEnd(), name).toMatch(/END:VCALENDAR$/);
      expect(parseFeed(text).calendar.name, name).toBe('vcalendar');
    }
    expect(parseFeed(readFileSync(join(out, 'team.ics'), 'utf8')).events.length).toBeGreaterThan(0);

    const schemas = join(at.dir, 'schemas');
    const written = astreinte('schema', '--out', schemas);
    // Every committed schema of a file astreinte reads (the two reports' are of its outputs).
    const names = readdirSync(join(ROOT, 'schema'))
      .map((file) => file.replace('.schema.json', ''))
      .filter((name) => name !== 'coverage-report' && name !== 'monthly-review');
    expect(names).toHaveLength(9);
    expect(written.stdout.split('\n').sort()).toEqual(
      ['', ...names.map((name) => `wrote ${schemas}/${name}.schema.json`)].sort(),
    );
    for (const name of names) {
      const schema = JSON.parse(readFileSync(join(schemas, `${name}.schema.json`), 'utf8')) as {
        $id: string;
        title: string;
      };
      expect(schema.$id).toBe(`https://unpkg.com/astreinte/schema/${name}.schema.json`);
      expect(schema.title).toMatch(/^astreinte /);
    }
  });

  it('tokens issue stores only the hash of the link it prints; revoke marks it revoked', () => {
    const file = join(at.dir, 'tokens', 'tokens.json'); // its folder does not exist yet
    const issued = astreinte(
      'tokens',
      'issue',
      file,
      '--coach',
      'amelie',
      '--base-url',
      'https://feeds.example.org/',
    );
    expect([issued.code, issued.stderr]).toEqual([0, '']);
    const [, token] =
      /^ {2}https:\/\/feeds\.example\.org\/feeds\/([A-Za-z0-9_-]{43})\.ics$/m.exec(issued.stdout) ?? [];
    expect(issued.stdout).toContain(`  webcal://feeds.example.org/feeds/${token}.ics\n`);
    const stored = readFileSync(file, 'utf8');
    expect(stored).not.toContain(token);
    const records = (JSON.parse(stored) as { tokens: Record<string, unknown>[] }).tokens;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      target: { kind: 'coach', coachId: 'amelie' },
      hash: createHash('sha256')
        .update(token as string)
        .digest('hex'),
    });
    expect(records[0]).not.toHaveProperty('revokedAt');

    expect(astreinte('tokens', 'revoke', file, '--coach', 'amelie')).toEqual({
      code: 0,
      stdout: '1 link of coach:amelie revoked\n',
      stderr: '',
    });
    const after = (JSON.parse(readFileSync(file, 'utf8')) as { tokens: Record<string, unknown>[] }).tokens;
    expect(typeof after[0]?.revokedAt).toBe('number');
    // Nothing left to revoke: the file is not rewritten.
    const again = astreinte('tokens', 'revoke', file, '--coach', 'amelie');
    expect(again.stdout).toBe('0 links of coach:amelie revoked\n');
  });

  it('serve answers a feed with 200 text/calendar, and stops on SIGTERM', async () => {
    const tokens = join(at.dir, 'serve-tokens.json');
    const issued = astreinte('tokens', 'issue', tokens, '--team');
    const token = /\/feeds\/([A-Za-z0-9_-]{43})\.ics/.exec(issued.stdout)?.[1];
    expect(token).toBeDefined();
    const server = startCli(at.cli, ['serve', TEAM, REQUESTS, '--tokens', tokens, '--port', '0']);
    let code: number | null;
    try {
      const [, base] = await server.waitFor(
        /Serving feeds on (http:\/\/127\.0\.0\.1:\d+)\/feeds\/<token>\.ics/,
      );
      const response = await fetch(`${base}/feeds/${token}.ics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(parseFeed(await response.text()).events.length).toBeGreaterThan(0);
      await server.waitFor(/ GET \/feeds\/<token> 200 /);
    } finally {
      code = await server.stop(); // even when a check above failed: no server outlives the test
    }
    expect(code).toBe(0);
    expect(server.output()).toMatch(/Stopped\.\n$/);
    expect(server.output()).not.toContain(token);
    expect(server.output()).not.toMatch(STACK_LINE);
  });
});
