import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { coachFeed, teamFeed } from '../../src/ical/feeds.js';
import { fnv1a64 } from '../../src/ical/hash.js';
import { durationText, escapeText, foldLines, vtimezone } from '../../src/ical/render.js';
import { parseTeam } from '../../src/model/parse.js';
import type { Team } from '../../src/model/team.js';
import { dstTeam, parseFeed } from './support.js';

/** FNV-1a 64 written the textbook way, with BigInt over TextEncoder's bytes: the reference. */
function fnvReference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  test('known vectors and the BigInt reference', () => {
    // Published FNV-1a 64 test vectors (Fowler, Noll, Vo): "" and "a" and "foobar".
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    for (const s of ['Ça va ? 😀', 'x'.repeat(999), '\ud800 lone', 'équipe\u0000feed\u0000start']) {
      expect(fnv1a64(s)).toBe(fnvReference(s));
    }
  });
});

describe('escaping and folding', () => {
  const long = `${'Très long nom d’équipe, avec; des\\barres '.repeat(6)}😀🇫🇷👩‍👩‍👧`;
  const tricky = `Zoé, "la nuit"; \\ retour\nà la ligne 😀 ${'é'.repeat(80)}`;
  const base = dstTeam();
  const team: Team = {
    ...base,
    name: long,
    coaches: [{ ...base.coaches[0]!, name: tricky }, base.coaches[1]!],
  };
  const shift = {
    layer: 'primary',
    coachId: 'a',
    start: Date.UTC(2026, 5, 1, 17),
    end: Date.UTC(2026, 5, 1, 21),
  };
  const feeds = [
    coachFeed(team, 'a', { now: Date.UTC(2026, 5, 1), rota: { shifts: [shift] } }).ics,
    teamFeed(team, { now: Date.UTC(2026, 5, 1), rota: { shifts: [shift] } }).ics,
  ];

  test('every line is at most 75 octets and none splits a UTF-8 character; CRLF only', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const ics of feeds) {
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const lines = ics.split('\r\n');
      expect(lines.some((l) => l.startsWith(' '))).toBe(true); // something was folded
      for (const line of lines) {
        const bytes = new TextEncoder().encode(line);
        expect(bytes.length).toBeLessThanOrEqual(75);
        // Each physical line alone is valid UTF-8: no character was cut in two.
        expect(() => decoder.decode(bytes)).not.toThrow();
      }
    }
  });

  test('a parser gives back the exact text of names and summaries', () => {
    const team = parseFeed(feeds[1]!);
    expect(team.events[0]!.summary).toBe(`1re ligne : ${tricky}`);
    // ical.js reads NAME (RFC 7986) and X-WR-CALNAME raw, not knowing their type; clients read them as TEXT.
    const text = (raw: unknown) =>
      String(raw).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    expect(text(team.calendar.getFirstPropertyValue('x-wr-calname'))).toBe(`Astreinte ${long} - équipe`);
    expect(text(team.calendar.getFirstPropertyValue('name'))).toBe(`Astreinte ${long} - équipe`);
    expect(text(parseFeed(feeds[0]!).calendar.getFirstPropertyValue('name'))).toBe(
      `Astreinte ${long} - ${tricky}`,
    );
  });

  test('escapeText escapes backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
});

describe('VTIMEZONE', () => {
  test('from timezones-ical-library for the team zone; a zone it lacks is a ValidationError', () => {
    expect(vtimezone('Australia/Lord_Howe')).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Australia\/Lord_Howe\r\n/);
    expect(() => vtimezone('Mars/Olympus')).toThrow(/no VTIMEZONE/);
    const team = parseTeam({
      name: 'NY',
      timeZone: 'America/New_York',
      coaches: [{ id: 'a', name: 'A', availability: [] }],
    });
    const shift = {
      layer: 'primary',
      coachId: 'a',
      start: Date.UTC(2026, 2, 8, 5),
      end: Date.UTC(2026, 2, 8, 9),
    };
    const { calendar, events } = parseFeed(
      coachFeed(team, 'a', { now: Date.UTC(2026, 2, 1), rota: { shifts: [shift] } }).ics,
    );
    expect(calendar.getAllSubcomponents('vtimezone').map((v) => v.getFirstPropertyValue('tzid'))).toEqual([
      'America/New_York',
    ]);
    // 00:00 EST to 05:00 EDT across the spring-forward night: 4 real hours.
    expect([events[0]!.start, events[0]!.end]).toEqual([shift.start, shift.end]);
  });
});

describe('foldLines and durationText', () => {
  test('property: lines of at most 75 octets, never inside a character, unfolding gives the text back', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (a, b) => {
          const line = `X:${a.replace(/[\r\n]/g, '')}${b.replace(/[\r\n]/g, '')}`;
          const folded = foldLines(`${line}\r\n`);
          const physical = folded.split('\r\n').slice(0, -1);
          for (const [i, p] of physical.entries()) {
            expect(encoder.encode(p).length).toBeLessThanOrEqual(75);
            if (i > 0) expect(p.startsWith(' ')).toBe(true);
            // A break between the two halves of a surrogate pair would leave a lone surrogate at a line's edge.
            expect(/[\ud800-\udbff]$/.test(p) && /^ [\udc00-\udfff]/.test(physical[i + 1] ?? '')).toBe(false);
          }
          expect(folded.replace(/\r\n /g, '')).toBe(`${line}\r\n`);
        },
      ),
      { numRuns: 300, seed: 8 },
    );
  });

  test('durations as RFC 5545 writes them', () => {
    expect([60, 90, 15, 1440, 1500, 10_080].map(durationText)).toEqual([
      'PT1H',
      'PT1H30M',
      'PT15M',
      'P1D',
      'P1DT1H',
      'P7D',
    ]);
  });
});
