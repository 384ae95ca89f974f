import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../ical/support.js';

// The command is run as a real child process, over real node:http on 127.0.0.1: the source bundled by esbuild (the
// build's own tool) into a temporary folder, so the test needs no `npm run build`.
const root = new URL('../../', import.meta.url).pathname;
let dir: string;
let cli: string;
let child: ChildProcess | undefined;
let base = '';
let log = '';

function astreinte(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [cli, ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => {
      stdout += d;
    });
    p.stderr.on('data', (d) => {
      stderr += d;
    });
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const tokenOf = (stdout: string) => /\/feeds\/([A-Za-z0-9_-]{43})\.ics/.exec(stdout)![1]!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'astreinte-serve-'));
  cli = join(dir, 'cli.mjs');
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: cli,
    define: { __ASTREINTE_VERSION__: '"test"' },
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'team.json'), readFileSync(join(root, 'examples/ca-va-patron.json')));
  writeFileSync(join(dir, 'requests.json'), readFileSync(join(root, 'examples/requests.json')));
}, 60_000);

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('astreinte serve (real HTTP, a child process)', () => {
  it('200 text/calendar, 304 with the ETag, 404 bad and revoked, HEAD without a body', async () => {
    const amelie = tokenOf((await astreinte('tokens', 'issue', 'tokens.json', '--coach', 'amelie')).stdout);
    const team = tokenOf((await astreinte('tokens', 'issue', 'tokens.json', '--team')).stdout);
    child = spawn(
      process.execPath,
      [cli, 'serve', 'team.json', 'requests.json', '--tokens', 'tokens.json', '--port', '0'],
      { cwd: dir },
    );
    child.stdout!.on('data', (d) => {
      log += d;
    });
    child.stderr!.on('data', (d) => {
      log += d;
    });
    for (let i = 0; i < 200 && base === ''; i++) {
      base = /Serving feeds on (http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1] ?? '';
      if (base === '') await new Promise((r) => setTimeout(r, 50));
    }
    expect(base).not.toBe('');

    const ok = await fetch(`${base}/feeds/${amelie}.ics`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await ok.text();
    expect(parseFeed(body).events.length).toBeGreaterThan(0);
    const etag = ok.headers.get('etag')!;

    const cached = await fetch(`${base}/feeds/${amelie}.ics`, { headers: { 'If-None-Match': etag } });
    expect([cached.status, await cached.text()]).toEqual([304, '']);

    const head = await fetch(`${base}/feeds/${team}.ics`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(100);

    const bad = await fetch(`${base}/feeds/${'x'.repeat(43)}.ics`);
    expect([bad.status, await bad.text()]).toEqual([404, '']);
    expect((await fetch(`${base}/feeds/`)).status).toBe(404);
    expect((await fetch(`${base}/feeds/${amelie}.ics`, { method: 'DELETE' })).status).toBe(405);

    expect((await astreinte('tokens', 'revoke', 'tokens.json', '--coach', 'amelie')).code).toBe(0);
    const revoked = await fetch(`${base}/feeds/${amelie}.ics`);
    expect([revoked.status, await revoked.text()]).toEqual([404, '']);
    expect((await fetch(`${base}/feeds/${team}.ics`)).status).toBe(200);

    // A broken team file: the last good feed is still served, and the log says why without any data.
    writeFileSync(join(dir, 'team.json'), '{ "name": "broken"');
    const kept = await fetch(`${base}/feeds/${team}.ics`);
    expect(kept.status).toBe(200);
    expect(log).toContain('serving the last good feed');

    const lines = log.split('\n').filter((l) => l.includes(' /feeds/<token> '));
    expect(lines.length).toBeGreaterThanOrEqual(9); // one line per request
    expect(log).not.toContain(amelie);
    expect(log).not.toContain(team);
    expect(log).not.toMatch(/Appelant fictif|\+33 6|@example\.fr/);
  }, 60_000);
});
