/**
 * Kyrgyz inflectional suffixes, written by us from the grammar (vowel harmony and the usual
 * textbook tables of plural, possessive and case endings), as templates with archiphonemes:
 *   A = а/е/о/ө and I = ы/и/у/ү, chosen by the last vowel of what precedes (vowel harmony);
 *   L = л/д/т, N = н/д/т, D = д/т, G = г/к (consonant assimilation, accepted loosely).
 * Only inflection is listed: derivational suffixes (-лык, -чы, -уу) make new words with their own
 * meaning («аялуу» = vulnerable is not a form of «аял»), so they are never stripped.
 * Slots are stripped from the end of a word: case, then possessive, then plural.
 */
export interface SuffixTemplate {
  template: string;
  /** Only after a 3rd-person possessive («энеси-не», «энеси-н»): the stem must end in ы/и/у/ү. */
  afterPossessive3?: true;
  /** A suffix with no vowel («эне-м»): the stem must end in a vowel. */
  afterVowel?: true;
}

export const KYRGYZ_SUFFIX_SLOTS: ReadonlyArray<{ name: string; suffixes: readonly SuffixTemplate[] }> = [
  {
    name: 'case',
    suffixes: [
      { template: 'NIн' }, // genitive: аялдын, эненин
      { template: 'NI' }, // accusative: аялды, энени
      { template: 'GA' }, // dative: аялга, энеге
      { template: 'DA' }, // locative: аялда, энеде
      { template: 'DAн' }, // ablative: аялдан, энеден
      { template: 'DAгI' }, // attributive locative: мыйзамдагы
      { template: 'нA', afterPossessive3: true }, // dative after possessive: энесине
      { template: 'н', afterPossessive3: true }, // accusative after possessive: энесин
      { template: 'ндA', afterPossessive3: true }, // locative after possessive: энесинде
      { template: 'ндAн', afterPossessive3: true }, // ablative after possessive: энесинен
      { template: 'ндAгI', afterPossessive3: true },
    ],
  },
  {
    name: 'possessive',
    suffixes: [
      { template: 'Iм' }, // 1sg after a consonant: аялым
      { template: 'м', afterVowel: true }, // 1sg after a vowel: энем
      { template: 'Iң' },
      { template: 'ң', afterVowel: true },
      { template: 'IңIз' },
      { template: 'ңIз', afterVowel: true },
      { template: 'I' }, // 3rd after a consonant: аялы
      { template: 'сI' }, // 3rd after a vowel: энеси
      { template: 'IбIз' },
      { template: 'бIз', afterVowel: true },
      { template: 'IңAр' },
      { template: 'ңAр', afterVowel: true },
    ],
  },
  { name: 'plural', suffixes: [{ template: 'LAр' }] },
];

/**
 * Vowel harmony: the vowel an archiphoneme takes after a given preceding vowel. A is rounded only
 * after о/ө/ү (тоодо, үйдө, but кумда, сууга); I is rounded after any rounded vowel (колу, уулу, үйү).
 * Loan letters follow their sound: я like а, ю and ё like у and о, э like е.
 */
export const HARMONY: Readonly<Record<'A' | 'I', Readonly<Record<string, string>>>> = {
  A: { а: 'а', ы: 'а', я: 'а', у: 'а', ю: 'а', о: 'о', ё: 'о', е: 'е', и: 'е', э: 'е', ө: 'ө', ү: 'ө' },
  I: { а: 'ы', ы: 'ы', я: 'ы', о: 'у', у: 'у', ю: 'у', ё: 'у', е: 'и', и: 'и', э: 'и', ө: 'ү', ү: 'ү' },
};

export const CONSONANT_ARCHIPHONEMES: Readonly<Record<string, string>> = { L: 'лдт', N: 'ндт', D: 'дт', G: 'гк' };
