import type { Lang } from '../../../shared/i18n/lang';

// Letters Kyrgyz has and Russian does not; Kyrgyz prose carries them in a few percent of its words.
// Words that only Kyrgyz legal text uses, for short texts with few letters to count.
const KY_WORDS = /(?:берене|бөлүк|бөлүм|жөнүндө|тууралуу|Мыйзам|Республикасынын|Долбоор|ДОЛБООР|киргизилсин)/g;

/** A sample is enough to tell the language; reading the whole Criminal Code would only cost time. */
const SAMPLE_CHARS = 30_000;

/**
 * The language the draft is written in. Kyrgyz is told from Russian by its own letters (ң ө ү) and
 * words (берене, бөлүк, жөнүндө); English by Latin script outweighing Cyrillic.
 */
export function detectLanguage(paragraphs: readonly { text: string }[]): Lang {
  let sample = '';
  for (const p of paragraphs) {
    sample += p.text + '\n';
    if (sample.length >= SAMPLE_CHARS) break;
  }
  let cyrillic = 0;
  let latin = 0;
  let kyLetters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x0400 && c <= 0x04ff) {
      cyrillic++;
      // ң Ң ө Ө ү Ү
      if (c === 0x04a3 || c === 0x04a2 || c === 0x04e9 || c === 0x04e8 || c === 0x04af || c === 0x04ae) kyLetters++;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (latin > cyrillic * 2 && latin > 0) return 'en';
  const kyWords = count(sample, KY_WORDS);
  if (cyrillic === 0) return latin > 0 ? 'en' : 'ru';
  const ratio = kyLetters / cyrillic;
  if (ratio >= 0.005 || (ratio >= 0.001 && kyWords >= 1) || kyWords >= 3) return 'ky';
  return 'ru';
}

function count(s: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
}
