import { normalizeWord } from './normalize';

export interface Token {
  /** Offsets into the original text, in UTF-16 code units (what Clause.text offsets mean). */
  start: number;
  end: number;
  /** The word as printed. */
  text: string;
  /** normalizeWord(text). */
  norm: string;
}

/**
 * Words are maximal runs of letters, combining marks and digits; a soft hyphen inside a word is kept
 * in the word. This splits hyphenated compounds («мать-одиночка», «ата-эне») into their parts, as
 * Intl.Segmenter does, and gives the same words on Cyrillic text (52,982 vs 52,977 words on the
 * Criminal Code). Intl.Segmenter itself was measured and rejected: 90 ms for the Criminal Code split
 * into lines and quadratic on one long string (79 s). A character scanner with a fast path for
 * Latin and Cyrillic is several times faster than a Unicode-property regex.
 */
const LETTER_MARK_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const SOFT_HYPHEN = 0xad;

function isWordChar(code: number, text: string, at: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0x400 && code <= 0x52f) return code < 0x482 || code > 0x489; // Cyrillic, without its signs
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  return LETTER_MARK_DIGIT.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Text that needs the per-word normalisation: combining marks (NFC may merge them) or soft hyphens. */
const NEEDS_FULL_NORMALISATION = /[\u0300-\u036f\u00ad]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Fast path for the usual text: lower-case and fold ё once for the whole clause, then slice words
  // from it. Valid only when lower-casing keeps every offset, which the length check confirms.
  const lowered = NEEDS_FULL_NORMALISATION.test(text) ? null : text.toLowerCase().replace(/ё/g, 'е');
  const fast = lowered !== null && lowered.length === text.length;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i), text, i)) {
      i++;
      continue;
    }
    const start = i;
    let end = i;
    while (i < n) {
      const code = text.charCodeAt(i);
      const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      if (isWordChar(code, text, i)) {
        i += width;
        end = i;
      } else if (code === SOFT_HYPHEN) i++;
      else break;
    }
    i = end;
    const word = text.slice(start, end);
    tokens.push({ start, end, text: word, norm: fast ? lowered.slice(start, end) : normalizeWord(word) });
  }
  return tokens;
}

/** Splits a term from the checklist ("особая забота государства") into normalised words. */
export function termWords(term: string): string[] {
  return tokenize(term).map((t) => t.norm);
}
