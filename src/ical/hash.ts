/**
 * FNV-1a 64-bit over UTF-8, in pure synchronous JavaScript: the feeds' deterministic UIDs. Not a cryptographic hash
 * (UIDs are not secrets); tokens are hashed with SHA-256 from Web Crypto instead (see `tokens.ts`).
 *
 * @module
 */

const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;
/** The FNV 64-bit prime is 2^40 + 0x1b3: multiplying is `h * 0x1b3 + (h << 40)`, done on two 32-bit halves. */
const PRIME_LO = 0x1b3;
const TWO_32 = 4_294_967_296;

/**
 * FNV-1a 64 of the UTF-8 bytes of `text`, as 16 lowercase hex digits. Lone surrogates are hashed as U+FFFD, as
 * `TextEncoder` would encode them.
 *
 * @example fnv1a64('') === 'cbf29ce484222325'; fnv1a64('a') === 'af63dc4c8601ec8c'
 */
export function fnv1a64(text: string): string {
  let hi = OFFSET_HI;
  let lo = OFFSET_LO;
  const step = (byte: number): void => {
    lo = (lo ^ byte) >>> 0;
    const product = lo * PRIME_LO; // < 2^41: exact in a double
    const carry = Math.floor(product / TWO_32);
    hi = (Math.imul(hi, PRIME_LO) + carry + (lo << 8)) >>> 0;
    lo = product >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII, the common case, inlined: `step(c)`.
      lo = (lo ^ c) >>> 0;
      const product = lo * PRIME_LO;
      hi = (Math.imul(hi, PRIME_LO) + Math.floor(product / TWO_32) + (lo << 8)) >>> 0;
      lo = product >>> 0;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      step(0xc0 | (c >> 6));
      step(0x80 | (c & 63));
    } else if (c < 0x10000) {
      step(0xe0 | (c >> 12));
      step(0x80 | ((c >> 6) & 63));
      step(0x80 | (c & 63));
    } else {
      step(0xf0 | (c >> 18));
      step(0x80 | ((c >> 12) & 63));
      step(0x80 | ((c >> 6) & 63));
      step(0x80 | (c & 63));
    }
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
