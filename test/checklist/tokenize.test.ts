import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWord } from '../../shared/checklist/normalize';
import { tokenize } from '../../shared/checklist/tokenize';

/** The definition the scanner implements, as a (slower) Unicode regex. */
const REFERENCE = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}\u00AD]*[\p{L}\p{M}\p{N}])?/gu;

describe('tokenize', () => {
  it('splits words with exact offsets and normalised forms', () => {
    const text = '«Мать-одиночка», ЁЛКА и ре\u00ADбенок: ст.21¹ аялдарга!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Мать', 'одиночка', 'ЁЛКА', 'и', 'ре\u00ADбенок', 'ст', '21¹', 'аялдарга']);
    expect(tokens.map((t) => t.norm)).toEqual(['мать', 'одиночка', 'елка', 'и', 'ребенок', 'ст', '21¹', 'аялдарга']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('agrees with the Unicode-property definition on any text', () => {
    const alphabet = fc.constantFrom(...'абвёЁЖжңөүҢӨҮ aZ09-.,«»\u00AD\u0301é𝐀¹—\n'.split(''), '𝐀');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        const expected = [...text.matchAll(REFERENCE)].map((m) => ({ start: m.index, text: m[0], norm: normalizeWord(m[0]) }));
        expect(tokenize(text).map(({ start, text: word, norm }) => ({ start, text: word, norm }))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
