/**
 * Contact details in the caller's text: the first phone number (French national or international, as E.164) and
 * the first e-mail address. Their spans are masked before times are read, so a phone's digits are never a time.
 *
 * @internal
 * @module
 */
import type { TextSpan } from './tokens.js';

/** What was found: personal data, for the request being built and nowhere else. */
export interface FoundContact {
  /** E.164, e.g. `+33612345678`. */
  readonly phone?: string;
  /** As written, lower-cased. */
  readonly email?: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/g;
/** `+33 6 12 34 56 78`, `0033 (0)6...`, `+44 20 7946 0958`: a + or 00, a country code, then 6 to 14 digits. */
const INTERNATIONAL = /(?:\+|\b00)\s?(\d{1,3})[\s.-]?(?:\(0\)[\s.-]?)?((?:\d[\s.-]?){5,13}\d)/g;
/** `06 12 34 56 78`, `06.12.34.56.78`, `06-12-34-56-78`, `0612345678`: ten digits starting 0[1-9], pairs. */
const NATIONAL = /(?<![\d+])0[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g;

/**
 * Finds the contact details and the spans they occupy.
 *
 * @example readContact('Rappel au 06 12 34 56 78').contact // { phone: '+33612345678' }
 */
export function readContact(text: string): { contact: FoundContact; spans: TextSpan[] } {
  const spans: TextSpan[] = [];
  let email: string | undefined;
  for (const m of text.matchAll(EMAIL)) {
    email ??= m[0].toLowerCase();
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  const phones: { at: number; e164: string }[] = [];
  for (const m of text.matchAll(INTERNATIONAL)) {
    if (overlapsAny(spans, m.index, m.index + m[0].length)) continue;
    const country = m[1] as string;
    let national = (m[2] as string).replace(/\D/g, '');
    if (country === '33' && national.startsWith('0')) national = national.slice(1);
    const digits = country + national;
    if (digits.length < 8 || digits.length > 15) continue;
    phones.push({ at: m.index, e164: `+${digits}` });
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(NATIONAL)) {
    if (overlapsAny(spans, m.index, m.index + m[0].length)) continue;
    phones.push({ at: m.index, e164: `+33${m[0].replace(/\D/g, '').slice(1)}` });
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  phones.sort((a, b) => a.at - b.at);
  const phone = phones[0]?.e164;
  spans.sort((a, b) => a.start - b.start);
  return {
    contact: { ...(phone === undefined ? {} : { phone }), ...(email === undefined ? {} : { email }) },
    spans,
  };
}

function overlapsAny(spans: readonly TextSpan[], start: number, end: number): boolean {
  for (const s of spans) if (s.start < end && start < s.end) return true;
  return false;
}
