import { describe, expect, test } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { createFeedHandler, type FeedSource } from '../../src/ical/handler.js';
import {
  findToken,
  hashToken,
  issueToken,
  parseTokenFile,
  revokeTokens,
  type TokenRecord,
} from '../../src/ical/tokens.js';

const now = Date.UTC(2026, 11, 1);

async function setup() {
  const a = await issueToken({ kind: 'coach', coachId: 'a' }, now);
  const t = await issueToken({ kind: 'team' }, now);
  let records: readonly TokenRecord[] = [a.record, t.record];
  let version = 'v1';
  let broken = false;
  const built: string[] = [];
  const errors: string[] = [];
  const logs: unknown[] = [];
  const source: FeedSource = {
    version: () => version,
    build: (target, v) => {
      if (broken)
        throw new ValidationError([
          { path: 'coaches[0].name', value: 'SECRET', expected: 'x', message: 'SECRET' },
        ]);
      built.push(`${target.kind}@${v}`);
      return `BEGIN:VCALENDAR\r\nX-FEED:${target.kind}:${v}\r\nEND:VCALENDAR\r\n`;
    },
  };
  const handler = createFeedHandler({
    tokens: { records: () => records },
    source,
    onError: (r) => errors.push(r),
    onRequest: (e) => logs.push(e),
  });
  return {
    a: a.token,
    t: t.token,
    handler,
    built,
    errors,
    logs,
    get: (path: string, init?: RequestInit) => handler(new Request(`https://feeds.example${path}`, init)),
    setVersion: (v: string) => {
      version = v;
    },
    breakInputs: (b: boolean) => {
      broken = b;
    },
    revoke: () => {
      records = revokeTokens(records, { kind: 'coach', coachId: 'a' }, now + 1).records;
    },
  };
}

describe('tokens', () => {
  test('256 random bits in base64url, stored as SHA-256 only, found only while live', async () => {
    const { token, record } = await issueToken({ kind: 'gaps' }, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(record.hash).toBe(await hashToken(token));
    expect(JSON.stringify(record)).not.toContain(token);
    // SHA-256("abc"), the FIPS 180-2 example.
    expect(await hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await findToken([record], token)).toEqual(record);
    expect(
      await findToken([record], `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`),
    ).toBeUndefined();
    const { records, revoked } = revokeTokens([record], { kind: 'gaps' }, now + 5);
    expect(revoked).toBe(1);
    expect(await findToken(records, token)).toBeUndefined();
    expect(parseTokenFile({ version: 1, tokens: records }).tokens).toEqual(records);
    expect(() =>
      parseTokenFile({ version: 1, tokens: [{ id: 'x', hash: 'y', target: {}, createdAt: 'z' }] }),
    ).toThrow(
      /tokens\[0\]\.id[\s\S]*tokens\[0\]\.hash[\s\S]*tokens\[0\]\.createdAt[\s\S]*tokens\[0\]\.target/,
    );
  });
});

describe('createFeedHandler', () => {
  test('200 with text/calendar and a strong ETag; 304 on If-None-Match; HEAD without a body', async () => {
    const s = await setup();
    const ok = await s.get(`/feeds/${s.a}.ics`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(ok.headers.get('cache-control')).toBe('private, max-age=300');
    const etag = ok.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(await ok.text()).toContain('X-FEED:coach:v1');
    expect((await s.get(`/feeds/${s.a}`)).status).toBe(200); // webcal clients may drop the extension
    const again = await s.get(`/feeds/${s.a}.ics`, { headers: { 'If-None-Match': `"other", ${etag}` } });
    expect([again.status, await again.text()]).toEqual([304, '']);
    const head = await s.get(`/feeds/${s.a}.ics`, { method: 'HEAD' });
    expect([head.status, head.headers.get('etag'), head.body]).toEqual([200, etag, null]);
    expect(s.built).toEqual(['coach@v1']); // built once, served from the cache after
  });

  test('404 with an empty body for bad, unknown, revoked tokens and other paths; 405 for other methods', async () => {
    const s = await setup();
    for (const path of [
      '/feeds/nope.ics',
      `/feeds/${'A'.repeat(43)}.ics`,
      '/feeds/',
      '/',
      `/other/${s.a}.ics`,
      `/feeds/${s.a}.ics/x`,
    ]) {
      const r = await s.get(path);
      expect([path, r.status, await r.text()]).toEqual([path, 404, '']);
    }
    s.revoke();
    const revoked = await s.get(`/feeds/${s.a}.ics`);
    expect([revoked.status, await revoked.text()]).toEqual([404, '']);
    expect((await s.get(`/feeds/${s.t}.ics`)).status).toBe(200); // the team token still works
    const post = await s.get(`/feeds/${s.t}.ics`, { method: 'POST', body: 'x' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect(JSON.stringify(s.logs)).not.toContain(s.a);
  });

  test('a new version is rebuilt; broken inputs keep the last good feed and say why once, with no data', async () => {
    const s = await setup();
    const first = await (await s.get(`/feeds/${s.t}.ics`)).text();
    s.setVersion('v2');
    s.breakInputs(true);
    const kept = await s.get(`/feeds/${s.t}.ics`);
    expect([kept.status, await kept.text()]).toEqual([200, first]);
    await s.get(`/feeds/${s.t}.ics`);
    expect(s.errors).toEqual(['feed team: invalid input at coaches[0].name; serving the last good feed']);
    const never = await s.get(`/feeds/${s.a}.ics`); // never built: nothing to serve
    expect(never.status).toBe(503);
    s.breakInputs(false);
    expect(await (await s.get(`/feeds/${s.t}.ics`)).text()).toContain('X-FEED:team:v2');
    expect(JSON.stringify(s.errors)).not.toMatch(/SECRET|[A-Za-z0-9_-]{43}/);
  });

  test('an unreadable token store answers 503, never a feed', async () => {
    const handler = createFeedHandler({
      tokens: {
        records: () => {
          throw new Error('EIO');
        },
      },
      source: { version: () => 'v', build: () => 'x' },
    });
    expect((await handler(new Request(`https://x/feeds/${'A'.repeat(43)}.ics`))).status).toBe(503);
  });
});
