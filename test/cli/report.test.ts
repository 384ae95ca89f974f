import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { example, run, tinyTeam } from './in-memory.js';

const requests = readFileSync(new URL('../../examples/requests.json', import.meta.url), 'utf8');
const files = { 'team.json': example, 'requests.json': requests, 'tiny.json': tinyTeam };

describe('astreinte report coverage', () => {
  it('prints the French Markdown report by default', async () => {
    const r = await run(
      ['report', 'coverage', 'team.json', '--from', '2026-12-01', '--to', '2026-12-29'],
      files,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Rapport de couverture');
    expect(r.stdout).toContain('mardi 1 décembre 2026');
    expect(r.stdout).toContain('Ce qui aiderait le plus');
  });

  it('--fail-on-gaps exits 1 when there is a gap, and still prints the report', async () => {
    const r = await run(
      [
        'report',
        'coverage',
        'tiny.json',
        '--from',
        '2026-12-07',
        '--to',
        '2026-12-08',
        '--fail-on-gaps',
        '--lang',
        'en',
      ],
      files,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('# Coverage report');
  });

  it('--out writes the HTML page atomically and prints nothing', async () => {
    const r = await run(
      [
        'report',
        'coverage',
        'team.json',
        '--from',
        '2026-12-01',
        '--to',
        '2026-12-08',
        '--format',
        'html',
        '--out',
        'r.html',
      ],
      files,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect([...r.written.keys()]).toEqual(['r.html']);
    expect(String(r.written.get('r.html'))).toMatch(/^<!DOCTYPE html>/);
  });

  it('--format csv --out writes one file per table, all or nothing', async () => {
    const argv = [
      'report',
      'coverage',
      'team.json',
      '--from',
      '2026-12-01',
      '--to',
      '2026-12-08',
      '--format',
      'csv',
      '--out',
      'out/r.csv',
    ];
    const ok = await run(argv, files);
    expect([...ok.written.keys()]).toContain('out/r-gaps.csv');
    expect([...ok.written.keys()]).toContain('out/r-heatmap.csv');
    const failed = await run(argv, files, undefined, { failWrites: ['out/r-help.csv'] });
    expect(failed.code).not.toBe(0);
    expect(failed.written.size).toBe(0);
  });

  it('bad input exits 2 with the error list', async () => {
    const r = await run(['report', 'coverage', 'team.json', '--format', 'pdf'], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format');
    const bad = await run(['report', 'coverage', 'team.json', '--from', '2026-13-01'], files);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from');
  });
});

describe('astreinte report monthly', () => {
  it('prints the review as JSON with small counts hidden', async () => {
    const r = await run(
      ['report', 'monthly', 'team.json', 'requests.json', '--month', '2026-12', '--format', 'json'],
      files,
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.kind).toBe('monthly-review');
    expect(j.k).toBe(5);
    expect(JSON.stringify(j.doorChannel.cells)).toContain('"<5"');
  });

  it('requires --month and refuses a bad one', async () => {
    expect((await run(['report', 'monthly', 'team.json', 'requests.json'], files)).code).toBe(2);
    const bad = await run(['report', 'monthly', 'team.json', 'requests.json', '--month', '2026-13'], files);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--month');
  });
});
