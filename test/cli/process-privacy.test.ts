// Callers' personal data, as a child process: the example's requests with a marker planted in every personal field
// (name, phone, e-mail, the intake's words about the message, an unknown key), run through every subcommand that
// reads requests. No marker may reach standard output, standard error, a written file or a served feed, nor an
// error about a marker that is itself the bad value.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ChildResult, expectRefused, runCli, startCli, tree, useCli } from './child.js';

const TEAM = 'examples/ca-va-patron.json';
const NOW = ['--now', '2026-12-02T07:30'];
const FEEDS = ['amelie', 'bastien', 'claire', 'damien', 'elodie', 'fabrice', 'gaelle', 'team', 'gaps'];
/**
 * Every planted value matches this, in any case, and in the forms an output could turn it into: the phone's
 * digits with or without their spaces, dots or the country code.
 */
const MARKER = /zqx|51[ .]?73[ .]?92/i;

const at = useCli('astreinte-privacy-');
let requests: string;
const astreinte = (...args: string[]) => runCli(at.cli, args);

beforeAll(() => {
  const list = JSON.parse(readFileSync('examples/requests.json', 'utf8')) as Record<string, unknown>[];
  list.forEach((request, i) => {
    const n = String(i).padStart(2, '0');
    request.contact = { name: `Zqx Caller ${n}`, phone: `+33 6 51 73 92 ${n}`, email: `zqx.${n}@example.fr` };
    // What intake understood of the message is the caller's words too, whatever keys it holds.
    request.intake = { understood: `zqx words ${n}`, ignored: [`zqx ignored ${n}`], note: `Zqx note ${n}` };
  });
  // Five words and one phone number a request.
  expect(JSON.stringify(list).match(new RegExp(MARKER, 'gi'))?.length).toBe(13 * 6);
  requests = join(at.dir, 'requests.json');
  writeFileSync(requests, JSON.stringify(list, null, 2));
});

/** Exit 0, and no marker on either stream. */
function expectClean(out: ChildResult, what: string): void {
  expect(out.code, `${what}\n${out.stderr}`).toBe(0);
  expect(out.stdout, what).not.toMatch(MARKER);
  expect(out.stderr, what).not.toMatch(MARKER);
}

/** No marker in any byte of any file below `folder`, nor in a file's name. */
function expectCleanTree(folder: string): number {
  const files = tree(folder);
  for (const [name, bytes] of files) {
    expect(name).not.toMatch(MARKER);
    expect(bytes, name).not.toMatch(MARKER);
  }
  return files.size;
}

describe('callers\u2019 personal data, as a child process', () => {
  it('reaches no output of match, sla, validate or report monthly, printed or written', () => {
    const out = join(at.dir, 'out');
    mkdirSync(out);
    for (const args of [
      ['validate', requests, '--team', TEAM],
      ['match', TEAM, requests, ...NOW],
      ['match', TEAM, requests, ...NOW, '--format', 'json', '--lang', 'fr'],
      ['sla', TEAM, requests, ...NOW],
      ['sla', TEAM, requests, ...NOW, '--format', 'json'],
      ['report', 'monthly', TEAM, requests, '--month', '2026-12', ...NOW],
      ['match', TEAM, requests, ...NOW, '--format', 'json', '--out', join(out, 'plan.json')],
      ['sla', TEAM, requests, ...NOW, '--format', 'json', '--out', join(out, 'sla.json')],
      ...['html', 'json', 'csv', 'md'].map((format) => [
        ...['report', 'monthly', TEAM, requests, '--month', '2026-12', ...NOW],
        ...['--k', '2', '--format', format, '--out', join(out, `monthly.${format}`)],
      ]),
    ]) {
      expectClean(astreinte(...args), args.join(' '));
    }
    // The plan and the statuses are there (13 requests), only the contacts are not.
    expect(JSON.parse(readFileSync(join(out, 'sla.json'), 'utf8')).requests).toHaveLength(13);
    expect(expectCleanTree(out)).toBeGreaterThan(6);
  });

  it('reaches no feed, written by feeds or served by serve, nor serve\u2019s log', async () => {
    const out = join(at.dir, 'feeds');
    mkdirSync(out);
    const state = join(at.dir, 'state.json');
    expectClean(astreinte('feeds', TEAM, requests, ...NOW, '--out', out, '--state', state), 'feeds');
    expect(expectCleanTree(out)).toBe(9);
    expect(readFileSync(state, 'utf8')).not.toMatch(MARKER);
    // The calls are in the coaches' feeds (by request id), without their callers.
    expect(readFileSync(join(out, 'elodie.ics'), 'utf8')).toContain('R-2026-0044');

    // One token for every feed, written as `tokens issue` stores them (the SHA-256 of the token).
    const tokens = FEEDS.map((feed) => ({ feed, token: randomBytes(32).toString('base64url') }));
    const file = join(at.dir, 'tokens.json');
    const records = tokens.map(({ feed, token }) => ({
      id: randomBytes(8).toString('hex'),
      target: feed === 'team' || feed === 'gaps' ? { kind: feed } : { kind: 'coach', coachId: feed },
      hash: createHash('sha256').update(token).digest('hex'),
      createdAt: 1_796_029_200_000,
    }));
    writeFileSync(file, JSON.stringify({ version: 1, tokens: records }));
    const server = startCli(at.cli, ['serve', TEAM, requests, '--tokens', file, '--port', '0']);
    const served: string[] = [];
    try {
      const [, base] = await server.waitFor(/Serving feeds on (http:\/\/127\.0\.0\.1:\d+)/);
      for (const { token } of tokens) {
        const response = await fetch(`${base}/feeds/${token}.ics`);
        expect(response.status).toBe(200);
        served.push(await response.text());
      }
    } finally {
      await server.stop();
    }
    expect(served).toHaveLength(9);
    for (const feed of served) expect(feed).not.toMatch(MARKER);
    expect(served.join('')).toContain('BEGIN:VEVENT');
    expect(server.output()).not.toMatch(MARKER);
  });

  it('match --include-contact puts each placed caller\u2019s contact in its call, and nowhere else', () => {
    const out = astreinte('match', TEAM, requests, ...NOW, '--format', 'json', '--include-contact');
    expect([out.code, out.stderr]).toEqual([0, '']);
    const plan = JSON.parse(out.stdout) as {
      placed: { id: string; contact?: Record<string, string> }[];
      notPlaced: unknown[];
    };
    expect(plan.placed.length).toBeGreaterThan(0);
    for (const call of plan.placed) {
      expect(call.contact?.phone, call.id).toMatch(MARKER);
      expect(JSON.stringify({ ...call, contact: undefined })).not.toMatch(MARKER);
    }
    // Not the intake's words, not the requests that were not placed.
    expect(JSON.stringify({ ...plan, placed: [] })).not.toMatch(MARKER);
    expect(out.stdout).not.toMatch(/zqx words|zqx note|zqx ignored/i);
    expectRefused(astreinte('match', TEAM, requests, ...NOW, '--include-contact'), 'text with contacts');
  });

  it('intake prints the contact it found in json only, the request for the file; text says only that it found one', () => {
    const args = ['intake', TEAM, '--received-at', '2026-12-01T19:00'];
    const message = 'Zqxname ici, je craque. demain 14h-16h, au 06 51 73 92 00 ou zqx.sms@example.fr';
    const text = runCli(at.cli, args, { input: message });
    expectClean(text, 'intake text');
    expect(text.stdout).toContain('Coordonnées trouvées : téléphone, e-mail');
    const json = astreinte(...args, '--text', message, '--format', 'json');
    expect([json.code, json.stderr]).toEqual([0, '']);
    const request = JSON.parse(json.stdout) as Record<string, unknown>;
    // The contact, and nothing else: not the name, not the words around it.
    expect(request.contact).toEqual({ phone: '+33651739200', email: 'zqx.sms@example.fr' });
    expect(JSON.stringify({ ...request, contact: undefined })).not.toMatch(MARKER);
  });

  it('a bad value that is personal data is never echoed by the error that names it', () => {
    const list = JSON.parse(readFileSync(requests, 'utf8')) as Record<string, unknown>[];
    list[0]!.contact = { name: 'zqx '.repeat(60), phone: 'zqx-not-a-phone', email: 'zqx at nowhere' };
    list[1]!.contact = { name: 'Zqx', nickname: 'Zqx the nickname' };
    list[2]!.notes = 'Zqx said she is at the end of her rope';
    list[3]!.contact = 'Zqx, 06 51 73 92 03';
    const bad = join(at.dir, 'bad-requests.json');
    writeFileSync(bad, JSON.stringify(list));
    for (const args of [
      ['validate', bad, '--team', TEAM],
      ['match', TEAM, bad, ...NOW],
      ['sla', TEAM, bad, ...NOW],
      ['report', 'monthly', TEAM, bad, '--month', '2026-12', ...NOW],
      ['feeds', TEAM, bad, ...NOW, '--out', join(at.dir, 'never')],
    ]) {
      const out = astreinte(...args);
      expectRefused(out, args.join(' '));
      expect(out.stderr).not.toMatch(MARKER);
      // Every problem is named by its place: six of them.
      expect(out.stderr.split('\n')[0]).toBe('astreinte: 6 problems:');
      for (const place of [
        'requests[0].contact.name:',
        'requests[0].contact.phone:',
        'requests[0].contact.email:',
        'requests[1].contact',
        'requests[2]',
        'requests[3].contact:',
      ]) {
        expect(out.stderr, args.join(' ')).toContain(`${bad}: ${place}`);
      }
    }
  });
});
