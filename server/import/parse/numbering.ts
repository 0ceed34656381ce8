/**
 * Numbers of structural units as printed («12-1», «21¹», «IV», «б», «а1») and what the parser derives
 * from them: id segments, order keys for gap and duplicate checks, ordinal words of amendment texts.
 */

const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
};
const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/** Cyrillic letters that are printed for Roman numerals in Russian texts («РАЗДЕЛ Х»). */
const ROMAN_LOOKALIKES: Readonly<Record<string, string>> = { Х: 'X', І: 'I', М: 'M', С: 'C' };
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const ROMAN_SHAPE = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** «XIV» → 14; null when the text is not a well-formed Roman numeral. */
export function romanToInt(text: string): number | null {
  let s = '';
  for (const ch of text.toUpperCase()) s += ROMAN_LOOKALIKES[ch] ?? ch;
  if (s.length === 0 || !ROMAN_SHAPE.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN_VALUES[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** «21¹» → «21-1»: the superscript of an inserted unit is the same insertion as «21-1». */
const HAS_SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/;
export function flattenSuperscripts(number: string): string {
  if (!HAS_SUPERSCRIPT.test(number)) return number;
  return number.replace(SUPERSCRIPT_RUN, (run) => '-' + [...run].map((c) => SUPERSCRIPT_DIGITS[c]).join(''));
}

const TRANSLIT: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ң: 'ng', ө: 'oe', ү: 'ue', і: 'i',
};

/**
 * An id segment from a printed number: Latin letters, digits and «-» only, so ids stay safe in HTML
 * attributes and CSS selectors. Cyrillic letters are transliterated («б» → «b»), superscripts become an
 * insertion suffix («21¹» → «21-1»), and so do decimal points («2.1» → «2-1», a dot separates segments).
 * Headings numbered in Roman numerals or in words count as their value («IV» → «4», «двадцать третья-1» → «23-1»).
 */
const ALL_DIGITS = /^\d+$/;
export function numberToIdSegment(number: string, headingNumber = false): string {
  if (ALL_DIGITS.test(number)) return number;
  if (headingNumber) {
    const n = romanToInt(number);
    if (n !== null) return String(n);
    const words = wordNumberValue(number);
    if (words !== null) return words;
  }
  let out = '';
  for (const ch of flattenSuperscripts(number).toLowerCase()) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
    else if (ch === '-' || ch === '–' || ch === '—' || ch === '.') out += '-';
    else if (ch === ',' || ch === '/') out += '_';
    else if (TRANSLIT[ch] !== undefined) out += TRANSLIT[ch];
  }
  return out.replace(/-{2,}/g, '-').replace(/^[-_]+|[-_]+$/g, '');
}

// Letters of sub-items in order: Russian drafting skips ё, й, ъ, ы, ь.
const CYRILLIC_ITEM_LETTERS = 'абвгдежзиклмнопрстуфхцчшщэюя';
const LATIN_ITEM_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The order of a printed number: main value and insertion suffixes («12-1» → [12, 1]). */
export interface NumberKey {
  main: number;
  sub: number[];
  /** Roman numerals and sub-item letters have no flattened superscripts to guess. */
  plain: boolean;
}

const NUMERIC = /^(\d{1,6})((?:[-.]\d{1,4})*)$/;
const LETTERED = /^([a-zа-яёңөү])(\d{0,2})$/;

/** Null when the number has no order the parser can check (a range, an unknown letter). */
export function numberKey(number: string): NumberKey | null {
  const flat = flattenSuperscripts(number.trim()).replace(/[–—]/g, '-');
  const numeric = NUMERIC.exec(flat);
  if (numeric) {
    const sub = numeric[2] ? numeric[2].slice(1).split(/[-.]/).map(Number) : [];
    return { main: Number(numeric[1]), sub, plain: false };
  }
  const roman = romanToInt(flat);
  if (roman !== null) return { main: roman, sub: [], plain: true };
  const words = wordNumberValue(flat);
  if (words !== null) {
    const [main, ...sub] = words.split('-').map(Number);
    return { main: main!, sub, plain: true };
  }
  const lettered = LETTERED.exec(flat.toLowerCase());
  if (lettered) {
    const letter = lettered[1]!;
    let index = CYRILLIC_ITEM_LETTERS.indexOf(letter);
    if (index < 0) index = LATIN_ITEM_LETTERS.indexOf(letter);
    if (index < 0) return null;
    return { main: index + 1, sub: lettered[2] ? [Number(lettered[2])] : [], plain: true };
  }
  return null;
}

/** «52» after «5»? «2191» after «219»? A source that flattened superscripts prints «219¹» as «2191». */
export function looksLikeFlattenedInsertion(previousMain: number, main: number): boolean {
  const prev = String(previousMain);
  const cur = String(main);
  if (!(cur.length > prev.length && cur.length - prev.length <= 2 && cur.startsWith(prev))) return false;
  // Superscripts of inserted units stay small («219¹», «11²»); «17» after «1» is a plain gap.
  const suffix = Number(cur.slice(prev.length));
  return cur[prev.length] !== '0' && suffix >= 1 && suffix <= 9;
}

// Ordinal words of Russian, Kyrgyz and English texts («часть первую», «Глава двадцать третья», «экинчи абзац»).
// Longer stems first: «пятнадцат» and «пятидесят» must win over «пят».
const ORDINAL_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['одиннадцат', 11], ['двенадцат', 12], ['тринадцат', 13], ['четырнадцат', 14], ['пятнадцат', 15],
  ['шестнадцат', 16], ['семнадцат', 17], ['восемнадцат', 18], ['девятнадцат', 19], ['двадцат', 20],
  ['тридцат', 30], ['сороков', 40], ['пятидесят', 50], ['шестидесят', 60], ['семидесят', 70], ['восьмидесят', 80],
  ['девяност', 90],
  ['перв', 1], ['втор', 2], ['трет', 3], ['четверт', 4], ['четвёрт', 4], ['пят', 5], ['шест', 6],
  ['седьм', 7], ['восьм', 8], ['девят', 9], ['десят', 10],
  ['жыйырманчы', 20], ['отузунчу', 30], ['кыркынчы', 40], ['элүүнчү', 50], ['алтымышынчы', 60],
  ['жетимишинчи', 70], ['сексенинчи', 80], ['токсонунчу', 90],
  ['биринчи', 1], ['экинчи', 2], ['үчүнчү', 3], ['төртүнчү', 4], ['бешинчи', 5], ['алтынчы', 6],
  ['жетинчи', 7], ['сегизинчи', 8], ['тогузунчу', 9], ['онунчу', 10],
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10],
];

/** Cardinal tens before an ordinal: «двадцать третья» (23), «отуз экинчи» (32), «он биринчи» (11). */
const CARDINAL_TENS: Readonly<Record<string, number>> = {
  двадцать: 20, тридцать: 30, сорок: 40, пятьдесят: 50, шестьдесят: 60, семьдесят: 70, восемьдесят: 80, девяносто: 90,
  он: 10, жыйырма: 20, отуз: 30, кырк: 40, элүү: 50, алтымыш: 60, жетимиш: 70, сексен: 80, токсон: 90,
};

/** «первую» → 1, «двенадцатом» → 12, «тридцатом» → 30; null for any other word. */
export function ordinalWordValue(word: string): number | null {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  if (w.indexOf(' ') > 0) return ordinalPhraseValue(w);
  // «двадцать», «пятьдесят» alone are numbers, not ordinals (and «пят…» would read 5)
  if (CARDINAL_TENS[w] !== undefined) return null;
  for (const [stem, value] of ORDINAL_STEMS) if (w.startsWith(stem)) return value;
  return null;
}

/**
 * An ordinal of one or two words: «двадцать третья» → 23, «тридцать втором» → 32, «жыйырма биринчи» → 21,
 * «первая» → 1. A cardinal ten alone («двадцать») is no ordinal. Null for anything else.
 */
export function ordinalPhraseValue(phrase: string): number | null {
  const words = phrase.toLowerCase().replace(/ё/g, 'е').trim().split(/\s+/);
  if (words.length === 1) return ordinalWordValue(words[0]!);
  if (words.length !== 2) return null;
  const tens = CARDINAL_TENS[words[0]!];
  if (tens === undefined) return null;
  const unit = ordinalWordValue(words[1]!);
  return unit !== null && unit >= 1 && unit <= 9 ? tens + unit : null;
}

/**
 * A heading number printed in words, with an insertion suffix: «двадцать третья-1» → «23-1», «ПЕРВЫЙ» → «1».
 * Null when the text is not one.
 */
export function wordNumberValue(text: string): string | null {
  const m = /^([^\d\s-]+(?:\s+[^\d\s-]+)?)((?:\s*-\s*\d{1,3})*)$/.exec(text.trim());
  if (!m) return null;
  const value = ordinalPhraseValue(m[1]!);
  if (value === null) return null;
  return String(value) + m[2]!.replace(/\s+/g, '');
}

const SUPERSCRIPT_OF: readonly string[] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
/** «233», 19 → «233¹⁹»: an inserted unit as the official text prints it. */
export function withSuperscript(base: string, insertion: number): string {
  return base + [...String(insertion)].map((d) => SUPERSCRIPT_OF[Number(d)]).join('');
}
