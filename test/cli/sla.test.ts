import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { example, run } from './in-memory.js';

const requests = readFileSync(new URL('../../examples/requests.json', import.meta.url), 'utf8');
const files = { 'team.json': example, 'requests.json': requests };
const NOW = ['--now', '2026-12-02T07:30'];

describe('astreinte sla', () => {
  it('JSON lists every request exactly once, with door, deadline, status and minutes', async () => {
    const out = await run(['sla', 'team.json', 'requests.json', ...NOW, '--format', 'json'], files);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(out.stdout);
    expect(json.requests.map((r: { id: string }) => r.id)).toEqual(
      (JSON.parse(requests) as { id: string }[]).map((r) => r.id),
    );
    expect(json.now).toBe('2026-12-02T07:30:00+01:00');
    // CCI, Tue 08:40: 7 h 20 on Tuesday, 40 min on Wednesday: 09:10, 100 minutes after now.
    expect(json.requests[1]).toMatchObject({
      id: 'R-2026-0041',
      door: 'cci',
      deadline: '2026-12-02T09:10:00+01:00',
      status: 'at-risk',
      remainingMinutes: 100,
    });
    for (const r of json.requests) {
      if (r.status === 'will-breach') expect(typeof r.reason).toBe('string');
    }
    expect(json.metrics.totals.requests).toBe(13);
  });

  it('text: the next breaches first, then a table per status in local time', async () => {
    const out = await run(['sla', 'team.json', 'requests.json', ...NOW], files);
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[2]).toMatch(/^Next breaches \(\d+\)$/);
    expect(lines[3]).toContain('R-2026-0041    cci      2026-12-02 09:10  1 h 40 left');
    expect(out.stdout).toMatch(/\nOn track \(\d+\)\n/);
  });

  it('--fail-on-breaches exits 1 when a breach is predicted', async () => {
    const out = await run(['sla', 'team.json', 'requests.json', ...NOW, '--fail-on-breaches'], files);
    expect(out.code).toBe(1);
    const clean = await run(['sla', 'team.json', 'r.json', ...NOW, '--fail-on-breaches'], {
      ...files,
      'r.json': '[]',
    });
    expect(clean.code).toBe(0);
  });

  it('never prints a contact detail', async () => {
    const planted = (JSON.parse(requests) as Record<string, unknown>[]).map((r, i) => ({
      ...r,
      contact: { name: `MARKER-N-${i}`, phone: `+33 6 39 98 77 ${String(i).padStart(2, '0')}` },
    }));
    const body = { ...files, 'r.json': JSON.stringify(planted) };
    for (const format of ['text', 'json']) {
      const out = await run(['sla', 'team.json', 'r.json', ...NOW, '--format', format], body);
      expect(`${out.stdout}${out.stderr}`).not.toMatch(/MARKER|39 98 77/);
    }
  });

  it('bad input: exit 2, every problem with its path', async () => {
    const team = JSON.parse(example);
    const bad = {
      ...team,
      sla: { coaches: { firstContactWithin: 'P1D' }, cci: { holidays: { country: 'FR', region: '99' } } },
    };
    const out = await run(['sla', 'team.json', 'requests.json', ...NOW], {
      ...files,
      'team.json': JSON.stringify(bad),
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('sla.coaches.firstContactWithin: "P1D" is ambiguous across DST');
    expect(out.stderr).toContain('sla.cci.holidays.region: "99" is not a region of FR');
  });
});

describe('astreinte sla exposure', () => {
  it('prints the periods as JSON and text', async () => {
    const args = ['sla', 'exposure', 'team.json', '--from', '2026-12-01', '--to', '2027-01-01'];
    const json = await run([...args, '--format', 'json'], files);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({
      from: '2026-12-01T00:00:00+01:00',
      to: '2027-01-01T00:00:00+01:00',
      targetMinutes: 1440,
    });
    expect(Array.isArray(doc.periods)).toBe(true);
    const text = await run(args, files);
    expect(text.stdout).toContain('Arrivals that breach whatever happens');
  });
});
