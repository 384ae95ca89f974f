/**
 * The caller's text as tokens: lower-case, accents stripped (NFD, combining marks removed by hand so every runtime
 * folds alike), words, numbers and punctuation, each with its span in the original text (UTF-16 offsets). Nothing
 * here keeps the text beyond the tokens' own folded spelling.
 *
 * @internal
 * @module
 */

/** A span of the caller's text: `[start, end)` in UTF-16 code units; slice the text to see it. */
export interface TextSpan {
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** UTF-16 offset just after the last character (`text.slice(start, end)`). */
  readonly end: number;
}

/** `w` a word (letters a-z after folding), `n` a run of digits, `p` one punctuation mark. */
export type TokenKind = 'w' | 'n' | 'p';

/** One token: its folded text, its kind, its span; `value` for numbers; `glued` when no space precedes it. */
export interface Token extends TextSpan {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: number;
  readonly glued: boolean;
}

/** Punctuation kept as tokens (everything else is a separator). */
const PUNCT = /* @__PURE__ */ new Set([
  ',',
  '.',
  ';',
  ':',
  '/',
  '-',
  '!',
  '?',
  '(',
  ')',
  '+',
  '&',
  '~',
  '\n',
]);

/** Folds one UTF-16 unit to what the grammar reads: lower-case ASCII, a letter without its accent, or a space. */
function foldChar(ch: string, code: number): string {
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  switch (ch) {
    case '\u2019':
    case '\u2018':
    case '\u02bc':
    case '`':
    case '\u00b4':
      return "'";
    case '\u2013':
    case '\u2014':
    case '\u2011':
    case '\u2010':
    case '\u2212':
      return '-';
    case '\u0153':
    case '\u0152':
      return 'oe';
    case '\u00e6':
    case '\u00c6':
      return 'ae';
    case '\u00df':
      return 'ss';
  }
  const decomposed = ch.normalize('NFD');
  let out = '';
  for (let i = 0; i < decomposed.length; i++) {
    const c = decomposed.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) continue; // a combining mark: the accent goes
    out += decomposed[i];
  }
  return out.toLowerCase();
}

function classOf(ch: string): 'w' | 'n' | 'p' | ' ' {
  if (ch >= 'a' && ch <= 'z') return 'w';
  if (ch >= '0' && ch <= '9') return 'n';
  if (PUNCT.has(ch)) return 'p';
  return ' ';
}

/**
 * Tokens of `text`, skipping spans in `masked` (contact details, already read).
 *
 * @example tokenize("Demain 14h30", [])[1] // { kind: 'n', text: '14', value: 14, start: 7, end: 9, glued: false }
 */
export function tokenize(text: string, masked: readonly TextSpan[]): Token[] {
  const tokens: Token[] = [];
  let kind: 'w' | 'n' | 'p' | ' ' = ' ';
  let start = 0;
  let buffer = '';
  let lastEnd = -1;
  const flush = (end: number) => {
    if (kind === ' ' || buffer === '') return;
    tokens.push({
      kind,
      text: buffer,
      value: kind === 'n' ? Number(buffer) : 0,
      start,
      end,
      glued: start === lastEnd,
    });
    lastEnd = end;
  };
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    while (mask < masked.length && (masked[mask] as TextSpan).end <= i) mask++;
    const inMask = mask < masked.length && (masked[mask] as TextSpan).start <= i;
    const code = text.charCodeAt(i);
    const folded = inMask ? ' ' : foldChar(text[i] as string, code);
    // A folded character may be several letters (oe); they are all of one class.
    const cls = folded.length === 0 ? 'w' : classOf(folded[0] as string);
    if (folded.length === 0) continue; // a lone combining mark
    if (cls !== kind || cls === 'p') {
      flush(i);
      kind = cls;
      start = i;
      buffer = '';
      if (cls === ' ') lastEnd = -1;
    }
    if (cls !== ' ') buffer += folded;
  }
  flush(text.length);
  return tokens;
}
