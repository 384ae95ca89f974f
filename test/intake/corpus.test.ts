import { describe, expect, it } from 'vitest';
import { readCallbackWindows } from '../../src/index.js';
import { CORPUS } from './corpus.js';
import { expandEnd, localMs } from './reference.js';

const ZONE = 'Europe/Paris';

// Each expected window was worked out by hand from the contract (see corpus.ts) and is converted here by luxon.
describe('the corpus of hand-written messages', () => {
  it('holds at least 150 messages', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
  });
  for (const c of CORPUS) {
    it(`${c.at} ${JSON.stringify(c.text)}`, () => {
      const receivedAt = localMs(c.at, ZONE);
      const r = readCallbackWindows(c.text, { receivedAt, timeZone: ZONE });
      const got = r.windows.map((w) => [w.start, w.end]);
      const want = c.windows.map(([s, e]) => [localMs(s, ZONE), localMs(expandEnd(s, e), ZONE)]);
      expect(got).toEqual(want);
      for (const w of r.windows) {
        expect(w.start).toBeLessThan(w.end);
        expect(w.source.start).toBeGreaterThanOrEqual(0);
        expect(w.source.end).toBeLessThanOrEqual(c.text.length);
      }
      expect(r.contact.phone).toBe(c.extras.phone);
      expect(r.contact.email).toBe(c.extras.email);
      expect(r.ambiguities.map((a) => a.kind)).toEqual(c.extras.ambiguities ?? []);
      if (c.extras.ignored !== undefined) expect(r.ignored.length).toBe(c.extras.ignored);
      expect(r.dropped.length).toBe(c.extras.dropped ?? 0);
    });
  }
});
