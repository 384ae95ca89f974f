import { describe, expect, it } from 'vitest';
import { parseRequests, parseTeam } from '../../src/index.js';
import { example, run } from './in-memory.js';

const files = { 'team.json': example };
const AT = ['--received-at', '2026-12-01T19:00'];
const MESSAGE = 'Bonjour, rappelez-moi demain entre 12h et 14h, ou jeudi après 18h. 06 12 34 56 78';

describe('astreinte intake', () => {
  it('prints a request the request file accepts, with the contact found and what was understood', async () => {
    const out = await run(['intake', 'team.json', ...AT, '--text', MESSAGE, '--format', 'json'], files);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const request = JSON.parse(out.stdout);
    expect(request).toEqual({
      id: 'R-20261201-1900',
      receivedAt: '2026-12-01T19:00:00+01:00',
      door: 'coaches',
      channel: 'sms',
      callbackWindows: [
        { start: '2026-12-02T12:00:00+01:00', end: '2026-12-02T14:00:00+01:00' },
        { start: '2026-12-03T18:00:00+01:00', end: '2026-12-03T22:00:00+01:00' },
      ],
      contact: { phone: '+33612345678' },
      intake: {
        understood: 'mercredi 2 décembre 12 h 00 - 14 h 00 ; jeudi 3 décembre 18 h 00 - 22 h 00',
        ambiguities: [],
        ignored: [],
        dropped: [],
      },
    });
    // The existing request parser takes it as it is.
    const [parsed] = parseRequests([request], parseTeam(JSON.parse(example)));
    expect(parsed?.callbackWindows).toEqual([
      { start: Date.UTC(2026, 11, 2, 11), end: Date.UTC(2026, 11, 2, 13) },
      { start: Date.UTC(2026, 11, 3, 17), end: Date.UTC(2026, 11, 3, 21) },
    ]);
    expect(parsed?.contact).toEqual({ phone: '+33612345678' });
  });

  it('reads standard input, takes --id and --channel, and prints the restatement then the doubts as text', async () => {
    const json = await run(
      ['intake', 'team.json', ...AT, '--id', 'R-7', '--channel', 'email', '--format', 'json'],
      files,
      undefined,
      {
        stdin: 'demain à 3h',
      },
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'R-7', channel: 'email' });
    const text = await run(['intake', 'team.json', ...AT], files, undefined, {
      stdin: 'demain à 3h ou ce matin. 06 12 34 56 78',
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      'mercredi 2 décembre 03 h 00 - 04 h 00\n' +
        'À confirmer :\n' +
        '- 03 h 00 (ou 15 h 00)\n' +
        '1 créneau déjà passé, écarté\n' +
        'Coordonnées trouvées : téléphone\n',
    );
    expect(text.stdout).not.toContain('06 12');
    const en = await run(['intake', 'team.json', ...AT, '--lang', 'en', '--text', 'tomorrow at 3'], files);
    expect(en.stdout).toBe(
      'Wednesday 2 December 08:00 - 22:00\n1 part that looks like a time, not understood\n',
    );
    // Without --lang, an English message gets its restatement and the labels around it in English.
    const own = await run(
      ['intake', 'team.json', ...AT, '--text', 'call me tomorrow at 3pm, or this morning'],
      files,
    );
    expect(own.stdout).toBe('Wednesday 2 December 15:00 - 16:00\n1 window already past, left out\n');
  });

  it('reads the team file\u2019s intake policy', async () => {
    const team = { ...JSON.parse(example), intake: { periods: { evening: { from: '17:00', to: '21:00' } } } };
    const out = await run(['intake', 't.json', ...AT, '--text', 'demain soir'], {
      't.json': JSON.stringify(team),
    });
    expect(out.stdout).toBe('mercredi 2 décembre 17 h 00 - 21 h 00\n');
  });

  it('exits 2 on bad input without ever printing the message', async () => {
    const marker = 'MARKER-INTAKE-91';
    const long = `${marker} `.repeat(300);
    for (const argv of [
      ['intake', 'team.json', ...AT, '--text', long],
      ['intake', 'team.json', ...AT, '--text', '   '],
      ['intake', 'team.json', '--received-at', 'hier', '--text', marker],
      ['intake', 'team.json', ...AT, '--channel', 'pigeon', '--text', marker],
      ['intake', 'team.json', ...AT, '--id', 'bad id!', '--text', marker],
    ]) {
      const out = await run(argv, files);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).not.toContain(marker);
    }
  });
});
