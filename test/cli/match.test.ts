import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { example, run } from './in-memory.js';

const requests = readFileSync(new URL('../../examples/requests.json', import.meta.url), 'utf8');
const files = { 'team.json': example, 'requests.json': requests };
const NOW = ['--now', '2026-12-02T07:30'];

describe('astreinte match', () => {
  it('prints every request exactly once as JSON, placed or not placed with its reason', async () => {
    const out = await run(['match', 'team.json', 'requests.json', ...NOW, '--format', 'json'], files);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(out.stdout);
    const ids = [...json.placed, ...json.notPlaced].map((e: { id: string }) => e.id).sort();
    expect(ids).toEqual((JSON.parse(requests) as { id: string }[]).map((r) => r.id).sort());
    expect(json.now).toBe('2026-12-02T07:30:00+01:00');
    expect(json.placed[0]).toMatchObject({
      id: 'R-2026-0044',
      coachId: 'elodie',
      start: '2026-12-02T07:30:00+01:00',
    });
    expect(json.figures).toMatchObject({ requests: 13, placed: 7, notPlaced: 6, proven: true });
  });

  it('never prints a contact detail, in text, JSON or errors', async () => {
    const planted = (JSON.parse(requests) as Record<string, unknown>[]).map((r, i) => ({
      ...r,
      contact: {
        name: `MARKER-N-${i}-e41`,
        phone: `+33 6 39 98 41 ${String(i).padStart(2, '0')}`,
        email: `marker-${i}-e41@example.fr`,
      },
    }));
    const bad = planted.map((r, i) =>
      i === 3 ? { ...r, contact: { ...(r.contact as object), phone: 'MARKER-BADPHONE-e41' } } : r,
    );
    const outputs = [
      await run(['match', 'team.json', 'r.json', ...NOW], { ...files, 'r.json': JSON.stringify(planted) }),
      await run(['match', 'team.json', 'r.json', ...NOW, '--format', 'json', '--lang', 'fr'], {
        ...files,
        'r.json': JSON.stringify(planted),
      }),
      await run(['match', 'team.json', 'r.json', ...NOW], { ...files, 'r.json': JSON.stringify(bad) }),
    ];
    expect(outputs.map((o) => o.code)).toEqual([0, 0, 2]);
    expect(outputs[2]?.stderr).toContain('r.json: requests[3].contact.phone: is not a phone number');
    for (const out of outputs) {
      expect(`${out.stdout}${out.stderr}`).not.toMatch(/MARKER|e41@|39 98 41/);
    }
  });

  it('reads bookings back from its own JSON: the same plan, every call kept as booked', async () => {
    const first = await run(['match', 'team.json', 'requests.json', ...NOW, '--format', 'json'], files);
    const again = await run(
      ['match', 'team.json', 'requests.json', ...NOW, '--format', 'json', '--bookings', 'plan.json'],
      {
        ...files,
        'plan.json': first.stdout,
      },
    );
    expect(again.code).toBe(0);
    const a = JSON.parse(first.stdout);
    const b = JSON.parse(again.stdout);
    const strip = (p: { booked?: true }) => ({ ...p, booked: undefined });
    expect(b.placed.map(strip)).toEqual(a.placed.map(strip));
    expect(b.placed.every((p: { booked?: true }) => p.booked === true)).toBe(true);
  });

  it('refuses bad files and arguments with exit 2, naming the file, and no stack trace', async () => {
    const missing = await run(['match', 'team.json', 'nope.json', ...NOW], files);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"nope.json" does not exist');
    const badNow = await run(['match', 'team.json', 'requests.json', '--now', 'tomorrow'], files);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('--now: "tomorrow" is not an instant');
    expect((await run(['match', 'team.json'], files)).code).toBe(2);
    const badBooking = await run(['match', 'team.json', 'requests.json', ...NOW, '--bookings', 'b.json'], {
      ...files,
      'b.json': JSON.stringify([
        { id: 'R-2026-0042', coachId: 'zoe', start: '2026-12-02T12:00', end: '2026-12-02T11:00' },
      ]),
    });
    expect(badBooking.code).toBe(2);
    expect(badBooking.stderr).toContain('b.json: bookings[0].end');
    const stranger = await run(['match', 'team.json', 'requests.json', ...NOW, '--bookings', 'b.json'], {
      ...files,
      'b.json': JSON.stringify({
        bookings: [{ id: 'R-2026-0042', coachId: 'zoe', start: '2026-12-02T12:00', end: '2026-12-02T13:00' }],
      }),
    });
    expect(stranger.stderr).toContain('b.json: bookings[0].coachId: "zoe" is not a coach of the team');
    for (const out of [missing, badNow, badBooking, stranger]) expect(out.stderr).not.toMatch(/^\s+at /m);
  });
});
