import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../ical/support.js';
import { example, run, tinyTeam } from './in-memory.js';

const requests = readFileSync(new URL('../../examples/requests.json', import.meta.url), 'utf8');
const files = { 'team.json': example, 'requests.json': requests };
const NOW = ['--now', '2026-12-01T08:00'];
const coaches = (JSON.parse(example) as { coaches: { id: string }[] }).coaches.map((c) => c.id);

describe('astreinte feeds', () => {
  it('writes one feed per coach, team.ics and gaps.ics, and the state', async () => {
    const out = await run(
      ['feeds', 'team.json', 'requests.json', ...NOW, '--out', 'out/', '--state', 'state.json'],
      files,
    );
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect([...out.written.keys()].sort()).toEqual(
      [...coaches.map((id) => `out/${id}.ics`), 'out/team.ics', 'out/gaps.ics', 'state.json'].sort(),
    );
    const calls = coaches.flatMap((id) =>
      parseFeed(out.written.get(`out/${id}.ics`) as string).events.filter((e) => e.transp === 'OPAQUE'),
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => /^Rappel - demande R-2026-\d{4}$/.test(c.summary))).toBe(true);
    expect(out.written.get('out/gaps.ics')).toContain('SUMMARY:Aucun coach disponible');
    // The example team never waits past 24 h; one coach free on Mondays only does: computeExposure's periods
    // are in the gaps feed.
    const tiny = await run(['feeds', 'tiny.json', ...NOW, '--out', 't'], { 'tiny.json': tinyTeam });
    expect(tiny.written.get('t/gaps.ics')).toMatch(/SUMMARY:Exposition : attente jusqu’à \d+ h/);
    expect(out.stdout).toBe(
      `${coaches.length + 2} feeds written to out/ (${coaches.length} coaches, team.ics, gaps.ics)\n`,
    );
  });

  it('with --state, a second run the same day writes the same bytes; a vanished call is cancelled', async () => {
    const first = await run(
      ['feeds', 'team.json', 'requests.json', ...NOW, '--out', 'o', '--state', 's.json'],
      files,
    );
    const state = first.written.get('s.json') as string;
    const again = await run(
      ['feeds', 'team.json', 'requests.json', ...NOW, '--out', 'o', '--state', 's.json'],
      { ...files, 's.json': state },
    );
    for (const [path, text] of first.written) expect([path, again.written.get(path)]).toEqual([path, text]);
    // Without the request file, the planned calls vanish: they come back as CANCELLED with SEQUENCE 1.
    const gone = await run(['feeds', 'team.json', ...NOW, '--out', 'o', '--state', 's.json'], {
      ...files,
      's.json': state,
    });
    const cancelled = coaches.flatMap((id) =>
      parseFeed(gone.written.get(`o/${id}.ics`) as string).events.filter((e) => e.status === 'CANCELLED'),
    );
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((e) => e.sequence === 1 && e.transp === 'OPAQUE')).toBe(true);
  });

  it('keeps the "$schema" a user added to the state file when it rewrites it', async () => {
    const args = ['feeds', 'team.json', 'requests.json', ...NOW, '--out', 'o', '--state', 's.json'];
    const state = (await run(args, files)).written.get('s.json') as string;
    const linked = JSON.stringify({ $schema: './feeds-state.schema.json', ...JSON.parse(state) }, null, 2);
    const again = (await run(args, { ...files, 's.json': linked })).written.get('s.json') as string;
    expect(again).toBe(`${linked}\n`);
  });

  it('English, UTC times and an explicit horizon', async () => {
    const out = await run(
      [
        'feeds',
        'team.json',
        ...NOW,
        '--from',
        '2026-12-01',
        '--to',
        '2026-12-08',
        '--out',
        'o',
        '--lang',
        'en',
        '--times',
        'utc',
      ],
      files,
    );
    expect(out.code).toBe(0);
    const team = out.written.get('o/team.ics') as string;
    expect(team).not.toContain('TZID');
    const { events } = parseFeed(team);
    expect(
      events.every((e) => e.end > Date.UTC(2026, 10, 30, 23) && e.start < Date.UTC(2026, 11, 7, 23)),
    ).toBe(true);
    expect(events[0]!.summary).toMatch(/^(first line|backup): /);
  });

  it('a failed write leaves no file; bad input and usage exit 2 listing the problem', async () => {
    const failed = await run(
      ['feeds', 'team.json', ...NOW, '--out', 'o', '--state', 's.json'],
      files,
      undefined,
      { failWrites: ['o/gaps.ics'] },
    );
    expect(failed.code).not.toBe(0);
    expect(failed.written.size).toBe(0);
    const noOut = await run(['feeds', 'team.json', ...NOW], files);
    expect([noOut.code, noOut.stderr]).toEqual([2, expect.stringContaining('--out is required')]);
    const badState = await run(['feeds', 'team.json', ...NOW, '--out', 'o', '--state', 's.json'], {
      ...files,
      's.json': '{"version":3,"events":[]}',
    });
    expect([badState.code, badState.stderr]).toEqual([
      2,
      expect.stringContaining('s.json: version: 3 is not a known version'),
    ]);
    const lang = await run(['feeds', 'team.json', ...NOW, '--out', 'o', '--lang', 'de'], files);
    expect(lang.code).toBe(2);
  });
});
