import { describe, expect, it } from 'vitest';
import { findToken, hashToken, parseTokenFile } from '../../src/ical/tokens.js';
import { run } from './in-memory.js';

const linkOf = (stdout: string) => /\/feeds\/([A-Za-z0-9_-]{43})\.ics/.exec(stdout)?.[1];

describe('astreinte tokens', () => {
  it('issue prints the link once and stores only its hash; revoke stamps it', async () => {
    const issued = await run([
      'tokens',
      'issue',
      't.json',
      '--coach',
      'amelie',
      '--base-url',
      'https://feeds.example.org/',
    ]);
    expect(issued).toMatchObject({ code: 0, stderr: '' });
    const token = linkOf(issued.stdout)!;
    expect(issued.stdout).toContain(`https://feeds.example.org/feeds/${token}.ics`);
    expect(issued.stdout).toContain(`webcal://feeds.example.org/feeds/${token}.ics`);
    const stored = issued.written.get('t.json') as string;
    expect(stored).not.toContain(token);
    const file = parseTokenFile(JSON.parse(stored));
    expect(file.tokens).toMatchObject([
      { target: { kind: 'coach', coachId: 'amelie' }, hash: await hashToken(token) },
    ]);

    const team = await run(['tokens', 'issue', 't.json', '--team'], { 't.json': stored });
    const both = team.written.get('t.json') as string;
    expect(parseTokenFile(JSON.parse(both)).tokens).toHaveLength(2);

    const revoked = await run(['tokens', 'revoke', 't.json', '--coach', 'amelie'], { 't.json': both });
    expect(revoked.stdout).toBe('1 link of coach:amelie revoked\n');
    const after = parseTokenFile(JSON.parse(revoked.written.get('t.json') as string)).tokens;
    expect(await findToken(after, token)).toBeUndefined();
    expect(after.filter((r) => r.revokedAt === undefined).map((r) => r.target.kind)).toEqual(['team']);
  });

  it('keeps the "$schema" a user added to the token file, first, when it rewrites it', async () => {
    const linked = '{\n  "$schema": "../schema/tokens.schema.json",\n  "version": 1,\n  "tokens": []\n}\n';
    const issued = (await run(['tokens', 'issue', 't.json', '--team'], { 't.json': linked })).written;
    const text = issued.get('t.json') as string;
    expect(Object.keys(JSON.parse(text))).toEqual(['$schema', 'version', 'tokens']);
    expect(parseTokenFile(JSON.parse(text)).tokens).toHaveLength(1);
    const revoked = (await run(['tokens', 'revoke', 't.json', '--team'], { 't.json': text })).written;
    expect(JSON.parse(revoked.get('t.json') as string).$schema).toBe('../schema/tokens.schema.json');
    const fresh = (await run(['tokens', 'issue', 't.json', '--team'])).written.get('t.json') as string;
    expect(Object.keys(JSON.parse(fresh))).toEqual(['version', 'tokens']);
  });

  it('exactly one target; a bad token file exits 2 naming it', async () => {
    expect((await run(['tokens', 'issue', 't.json'])).code).toBe(2);
    expect((await run(['tokens', 'issue', 't.json', '--team', '--gaps'])).code).toBe(2);
    expect((await run(['tokens', 'revoke', 't.json', '--coach', '../x'])).code).toBe(2);
    const bad = await run(['tokens', 'revoke', 't.json', '--team'], {
      't.json': '{"version":1,"tokens":[{}]}',
    });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('t.json: tokens[0].id')]);
  });
});
