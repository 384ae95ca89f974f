import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildZoneTable,
  DEFAULT_INTAKE_POLICY,
  readCallbackWindows,
  resolveIntakePolicy,
  ValidationError,
} from '../../src/index.js';
import { readContact } from '../../src/intake/contact.js';
import { tokenize } from '../../src/intake/tokens.js';

const PARIS = 'Europe/Paris';
/** Tuesday 1 December 2026, 19:00 in Paris (18:00Z). */
const EVENING = Date.UTC(2026, 11, 1, 18);
const MARKER = 'ZQX-MARKER-7731';

function errorOf(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('readCallbackWindows', () => {
  it("restates the issue's example (windows worked out by hand: 12:00-14:00 and 18:00-22:00 CET)", () => {
    const r = readCallbackWindows(
      'Bonjour, rappelez-moi demain entre 12h et 14h, ou jeudi après 18h. 06 12 34 56 78',
      {
        receivedAt: EVENING,
        timeZone: PARIS,
      },
    );
    expect(r.windows.map((w) => [w.start, w.end])).toEqual([
      [Date.UTC(2026, 11, 2, 11), Date.UTC(2026, 11, 2, 13)],
      [Date.UTC(2026, 11, 3, 17), Date.UTC(2026, 11, 3, 21)],
    ]);
    expect(r.understood).toBe('mercredi 2 décembre 12 h 00 - 14 h 00 ; jeudi 3 décembre 18 h 00 - 22 h 00');
    expect(r.contact).toEqual({ phone: '+33612345678' });
    expect(r.ambiguities).toEqual([]);
    expect(r.ignored).toEqual([]);
    expect(r.dropped).toEqual([]);
  });

  it('points each window at the words it came from', () => {
    const text = 'demain entre 12h et 14h, ou jeudi après 18h';
    const r = readCallbackWindows(text, { receivedAt: EVENING, timeZone: PARIS });
    expect(r.windows.map((w) => text.slice(w.source.start, w.source.end))).toEqual([
      'demain entre 12h et 14h',
      'jeudi après 18h',
    ]);
  });

  it('speaks English to an English message, and can be told the language', () => {
    const r = readCallbackWindows('tomorrow between 12 and 2pm', { receivedAt: EVENING, timeZone: PARIS });
    expect(r.understood).toBe('Wednesday 2 December 12:00 - 14:00');
    const fr = readCallbackWindows('tomorrow between 12 and 2pm', {
      receivedAt: EVENING,
      timeZone: PARIS,
      lang: 'fr',
    });
    expect(fr.understood).toBe('mercredi 2 décembre 12 h 00 - 14 h 00');
  });

  it('says when it understood nothing, and names the year only when it is not the receipt year', () => {
    expect(readCallbackWindows('merci', { receivedAt: EVENING, timeZone: PARIS }).understood).toBe(
      'Aucun créneau compris',
    );
    expect(
      readCallbackWindows('thanks', { receivedAt: EVENING, timeZone: PARIS, lang: 'en' }).understood,
    ).toBe('No callback window understood');
    expect(
      readCallbackWindows('le 1er janvier vers 10h', { receivedAt: EVENING, timeZone: PARIS }).understood,
    ).toBe('vendredi 1er janvier 2027 09 h 30 - 11 h 30');
    // A window across midnight names both days; one ending at midnight ends at 24 h 00.
    expect(
      readCallbackWindows('demain de 21h à 1h', { receivedAt: EVENING, timeZone: PARIS }).understood,
    ).toBe('mercredi 2 décembre 21 h 00 - jeudi 3 décembre 01 h 00');
    expect(
      readCallbackWindows('demain de 22h à minuit', { receivedAt: EVENING, timeZone: PARIS }).understood,
    ).toBe('mercredi 2 décembre 22 h 00 - 24 h 00');
  });

  it('lists past windows in dropped and time-looking words it could not read in ignored', () => {
    const text = 'ce matin ou demain 27h';
    const r = readCallbackWindows(text, { receivedAt: EVENING, timeZone: PARIS });
    expect(r.dropped.map((d) => [d.reason, text.slice(d.source.start, d.source.end)])).toEqual([
      ['past', 'ce matin'],
    ]);
    expect(r.ignored.map((s) => text.slice(s.start, s.end))).toEqual(['27h']);
    // "demain" alone stands: a day named with no time is 08:00-22:00.
    expect(r.windows.map((w) => [w.start, w.end])).toEqual([
      [Date.UTC(2026, 11, 2, 7), Date.UTC(2026, 11, 2, 21)],
    ]);
  });

  it('words its doubts in the output language', () => {
    const early = readCallbackWindows('demain à 3h', { receivedAt: EVENING, timeZone: PARIS });
    expect(early.ambiguities).toEqual([
      { kind: 'early-hour', source: { start: 9, end: 11 }, reading: '03 h 00', alternative: '15 h 00' },
    ]);
    const night = readCallbackWindows('demain 14h', {
      receivedAt: Date.UTC(2026, 11, 2, 0, 30),
      timeZone: PARIS,
    });
    expect(night.ambiguities[0]).toMatchObject({
      kind: 'after-midnight',
      reading: 'demain lu comme mercredi 2 décembre, le jour qui commence',
      alternative: 'jeudi 3 décembre',
    });
    const mismatch = readCallbackWindows('lundi 8 décembre 10h', { receivedAt: EVENING, timeZone: PARIS });
    expect(mismatch.ambiguities[0]).toMatchObject({
      kind: 'weekday-date',
      reading: "la date l'emporte : mardi 8 décembre",
      alternative: 'lundi 7 décembre',
    });
  });

  it('merges windows that touch or overlap, clipped at receipt', () => {
    const r = readCallbackWindows('ce soir ou après 20h ou vers 22h', {
      receivedAt: EVENING,
      timeZone: PARIS,
    });
    // 19:00 (receipt) - 22:00, 20:00 - 22:00 and 21:30 - 23:30 make one window 19:00 - 23:30 CET.
    expect(r.windows.map((w) => [w.start, w.end])).toEqual([[EVENING, Date.UTC(2026, 11, 1, 22, 30)]]);
  });

  it('reads the policy the caller gives', () => {
    const policy = { periods: { evening: { from: '17:00', to: '21:00' } }, pointMinutes: 30 };
    const r = readCallbackWindows('demain soir ou jeudi à 10h', {
      receivedAt: EVENING,
      timeZone: PARIS,
      policy,
    });
    expect(r.windows.map((w) => [w.start, w.end])).toEqual([
      [Date.UTC(2026, 11, 2, 16), Date.UTC(2026, 11, 2, 20)],
      [Date.UTC(2026, 11, 3, 9), Date.UTC(2026, 11, 3, 9, 30)],
    ]);
  });

  it('gives the same result with a zone table built once by the caller', () => {
    const table = buildZoneTable(PARIS, Date.UTC(2026, 0, 1), Date.UTC(2028, 0, 1));
    for (const text of ['demain 14h', 'tous les soirs', 'le 7 janvier 10h', 'cette nuit']) {
      expect(readCallbackWindows(text, { receivedAt: EVENING, timeZone: PARIS, zoneTable: table })).toEqual(
        readCallbackWindows(text, { receivedAt: EVENING, timeZone: PARIS }),
      );
    }
  });

  it('refuses bad input with every problem, never quoting the text', () => {
    const e = errorOf(() =>
      readCallbackWindows(`${MARKER} `.repeat(200), {
        receivedAt: Number.NaN,
        timeZone: 'Mars/Olympus',
        lang: 'de' as 'fr',
      }),
    );
    expect(e.issues.map((i) => i.path)).toEqual(['text', 'receivedAt', 'timeZone', 'lang']);
    expect(e.message).not.toContain(MARKER);
    expect(JSON.stringify(e.issues)).not.toContain(MARKER);
    expect(
      errorOf(() => readCallbackWindows('   ', { receivedAt: EVENING, timeZone: PARIS })).issues[0]?.message,
    ).toBe('text: is empty (expected the message, a string of 1 to 2,000 characters)');
    expect(
      errorOf(() => readCallbackWindows(42, { receivedAt: EVENING, timeZone: PARIS })).issues[0]?.message,
    ).toContain('a value of type number is not a string');
    expect(
      errorOf(() =>
        readCallbackWindows('demain', { receivedAt: EVENING, timeZone: PARIS, policy: { pointMinutes: 0 } }),
      ).issues[0]?.path,
    ).toBe('policy.pointMinutes');
  });

  it('never lets a marker planted anywhere in the text reach an error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2100 }), fc.nat({ max: 2100 }), (noise, at) => {
        const text = `${noise.slice(0, at)}${MARKER}${noise.slice(at)}`;
        try {
          readCallbackWindows(text, { receivedAt: at % 3 === 0 ? Number.NaN : EVENING, timeZone: PARIS });
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          expect(String((e as Error).message)).not.toContain(MARKER);
          expect(JSON.stringify((e as ValidationError).issues)).not.toContain(MARKER);
        }
      }),
      { numRuns: 200, seed: 7731 },
    );
  });

  it('never throws on any short text, and its windows are sorted, disjoint and non-empty', () => {
    const words = [
      'demain',
      'lundi',
      'soir',
      'entre',
      'et',
      'à',
      '14h',
      '2h',
      'ou',
      'vers',
      'avant',
      'après',
      '-',
      '10',
      'le',
      '7',
      'nuit',
      'cette',
      'sauf',
      'tous les jours',
      ',',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), (parts) => {
        const text = `x ${parts.join(' ')}`;
        const r = readCallbackWindows(text, { receivedAt: EVENING, timeZone: PARIS });
        for (let i = 0; i < r.windows.length; i++) {
          const w = r.windows[i] as { start: number; end: number };
          expect(w.start).toBeLessThan(w.end);
          expect(w.start).toBeGreaterThanOrEqual(EVENING);
          if (i > 0) expect(w.start).toBeGreaterThan((r.windows[i - 1] as { end: number }).end);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('resolveIntakePolicy', () => {
  it('fills in the defaults and reads HH:mm times as minutes', () => {
    expect(resolveIntakePolicy()).toEqual(DEFAULT_INTAKE_POLICY);
    const p = resolveIntakePolicy({
      periods: { night: { from: '21:00', to: '07:00' } },
      openEndLatest: '23:00',
    });
    expect(p.periods.night).toEqual({ from: 1260, to: 1860 });
    expect(p.openEndLatest).toBe(1380);
  });
  it('lists every bad field', () => {
    const e = errorOf(() =>
      resolveIntakePolicy({
        bogus: 1,
        openMinutes: -1,
        afterMidnightUntil: '25:00',
        periods: { dusk: {}, evening: { from: 'x', to: '22:00' } },
      }),
    );
    expect(e.issues.map((i) => i.path)).toEqual([
      'policy.bogus',
      'policy.openMinutes',
      'policy.afterMidnightUntil',
      'policy.periods.dusk',
      'policy.periods.evening.from',
    ]);
  });
});

describe('tokens and contact', () => {
  it('folds case and accents and keeps spans into the original text', () => {
    const text = 'Après-MIDI à 14h30';
    const tokens = tokenize(text, []);
    expect(tokens.map((t) => t.text)).toEqual(['apres', '-', 'midi', 'a', '14', 'h', '30']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      'Après',
      '-',
      'MIDI',
      'à',
      '14',
      'h',
      '30',
    ]);
  });
  it('reads French and international phone numbers as E.164, and the e-mail', () => {
    for (const phone of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '0612345678',
      '+33 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '0033 6 12 34 56 78',
    ]) {
      expect(readContact(`tel ${phone} merci`).contact.phone).toBe('+33612345678');
    }
    expect(readContact('call +44 20 7946 0958').contact.phone).toBe('+442079460958');
    expect(readContact('Jean.Dupont@Example.fr').contact.email).toBe('jean.dupont@example.fr');
    expect(readContact('demain 14h').contact).toEqual({});
  });
  it("does not read a phone number's digits as times", () => {
    const r = readCallbackWindows('06 12 14 16 18', { receivedAt: EVENING, timeZone: PARIS });
    expect(r.windows).toEqual([]);
    expect(r.ignored).toEqual([]);
  });
});

describe('what counts as time-looking', () => {
  it('lists an unread number only next to an hour unit, a preposition of time or a day', () => {
    const ignored = (text: string) =>
      readCallbackWindows(text, { receivedAt: EVENING, timeZone: PARIS }).ignored.map((s) =>
        text.slice(s.start, s.end),
      );
    expect(ignored("j'ai 45 ans et 2 enfants, une entreprise depuis 2015")).toEqual([]);
    expect(ignored('on sunday at 10')).toEqual(['10']);
    expect(ignored('demain 14')).toEqual(['14']);
    expect(ignored('25h ou 14h75')).toEqual(['25h', '14h75']);
  });
});
