import { ordinalPhraseValue } from './numbering';

/**
 * What one printed line is, judged by its own text: a heading («Статья 5. …», «3-глава», «Chapter II»),
 * a numbered unit («1.», «1)», «а)»), a dash-list entry, an editorial note, or plain prose.
 * Every pattern is anchored at the start and has no nested quantifiers, so a line costs a few
 * microseconds whatever it holds. In-sentence references («в соответствии со статьей 5»,
 * «40-беренесинин 1-бөлүгүнө», «34-1-главада») never match: a heading word must be followed by its
 * number and then a dot or the end of the line (Kyrgyz: the bare word, not a case form).
 */

export type LineKind =
  | 'division'
  | 'section'
  | 'subsection'
  | 'chapter'
  | 'subchapter'
  | 'article'
  | 'annex'
  | 'part'
  | 'item'
  | 'subitem'
  | 'dash'
  | 'note'
  | 'remark'
  | 'plain';

export interface LineInfo {
  kind: LineKind;
  /** As printed, without decoration («12-1», «21¹», «IV», «а»); null for unnumbered lines. */
  number: string | null;
  /** Text after the marker: a heading's title or a unit's body; '' when the marker stands alone. */
  rest: string;
  /** For divisions: the printed name («ОБЩАЯ ЧАСТЬ»), for labels. */
  name?: string;
  /** «Статьи 80-82.»: a heading that covers a range of numbers (the last one counts for order). */
  range?: boolean;
}

const SUP = '[¹²³⁴⁵⁶⁷⁸⁹⁰]{0,3}';
const NUM = `\\d{1,5}${SUP}(?:[-–.]\\d{1,4}${SUP}){0,3}`;
const ROMAN = '[IVXLCDMІХ]{1,8}';
const NUM_OR_ROMAN = `(?:${NUM}|${ROMAN})`;
/** A heading's tail: «. Title», «: Title», or an upper-case title after a space, or nothing. */
const UPPER = '[А-ЯЁӨҮҢA-Z]';
const TAIL = `(?:\\s*[.:]\\s*(.*)|\\s+(${UPPER}.*))?`;
const EN_TAIL = `(?:\\s*[.:–—-]\\s*(.*)|\\s+(${UPPER}.*))?`;

interface HeadingPattern {
  kind: LineKind;
  re: RegExp;
  range?: boolean;
}

// Letters are spelt out as classes rather than \p{…} and there is no 'i' flag: V8 compiles such patterns
// many times faster, which is most of the parser's cost on its first document.
const u = (source: string): RegExp => new RegExp(source);

/** Between a heading word and its number: a space, or nothing before a digit («Статья5.», «Article1.»). */
const SEP = '(?:\\s+|(?=\\d))';
/** A Kyrgyz number and its heading word: «1-берене», «1 -берене», «9–берене», «12 берене». */
const KY_DASH = '\\s*[-–—]?\\s*';
/** An article title printed without its stop («Статья 7 Заключительные положения»): never a sentence's end. */
const BARE_TITLE = `\\s+(${UPPER}[^«"„“»]{0,150}[^.;:,!?«"„“»])`;

const HEADINGS: readonly HeadingPattern[] = [
  // Russian
  { kind: 'article', re: u(`^(?:Статья|СТАТЬЯ)\\s*(${NUM})(?:\\s*[.:]\\s*(.*)|${BARE_TITLE})?$`) },
  { kind: 'article', re: u(`^(?:Статьи|СТАТЬИ)\\s+(${NUM}\\s*[-–—]\\s*${NUM})(?:\\s*\\.\\s*(.*))?$`), range: true },
  { kind: 'chapter', re: u(`^(?:Глава|ГЛАВА)${SEP}(${NUM_OR_ROMAN})${TAIL}$`) },
  { kind: 'subsection', re: u(`^(?:Подраздел|ПОДРАЗДЕЛ)${SEP}(${NUM_OR_ROMAN})${TAIL}$`) },
  { kind: 'section', re: u(`^(?:Раздел|РАЗДЕЛ)${SEP}(${NUM_OR_ROMAN})${TAIL}$`) },
  { kind: 'subchapter', re: u(`^(?:Параграф|ПАРАГРАФ|§)\\s*(${NUM})${TAIL}$`) },
  // «ЧАСТЬ I» of a code (the Civil Code's parts); «ЧАСТЬ ПЕРВАЯ» is among the named DIVISIONS below
  { kind: 'division', re: u(`^(?:ЧАСТЬ|Часть)\\s+(${ROMAN})\\.?$`) },
  { kind: 'division', re: u('^ЧАСТЬ\\s+(\\d{1,2})\\.?$') },
  // Kyrgyz: the number comes first («1-берене.», «3-Глава», «I БӨЛҮМ.», old «I Глава»), old codes say «11-статья.»
  { kind: 'article', re: u(`^(${NUM})${KY_DASH}(?:берене|Берене|БЕРЕНЕ|статья|Статья|СТАТЬЯ)(?:\\s*[.:]\\s*(.*)|${BARE_TITLE})?$`) },
  { kind: 'chapter', re: u(`^(${NUM_OR_ROMAN})${KY_DASH}(?:глава|Глава|ГЛАВА)${TAIL}$`) },
  { kind: 'subsection', re: u(`^(${NUM_OR_ROMAN})${KY_DASH}(?:бөлүмчө|Бөлүмчө|БӨЛҮМЧӨ)${TAIL}$`) },
  { kind: 'section', re: u(`^(${NUM_OR_ROMAN})${KY_DASH}(?:бөлүм|Бөлүм|БӨЛҮМ)${TAIL}$`) },
  { kind: 'subchapter', re: u(`^(${NUM})${KY_DASH}(?:параграф|Параграф|ПАРАГРАФ)${TAIL}$`) },
  // English
  { kind: 'article', re: u(`^(?:Article|ARTICLE)${SEP}(${NUM})(?:\\s*[.:–—-]\\s*(.*))?$`) },
  { kind: 'chapter', re: u(`^(?:Chapter|CHAPTER)${SEP}(${NUM_OR_ROMAN})${EN_TAIL}$`) },
  { kind: 'subsection', re: u(`^(?:Subsection|SUBSECTION)${SEP}(${NUM_OR_ROMAN})${EN_TAIL}$`) },
  { kind: 'section', re: u(`^(?:Section|SECTION)${SEP}(${NUM_OR_ROMAN})${EN_TAIL}$`) },
  { kind: 'division', re: u(`^(?:Part|PART)\\s+(${NUM_OR_ROMAN}|One|Two|Three|Four|ONE|TWO|THREE|FOUR)${EN_TAIL}$`) },
];

/** Russian headings numbered in words: «Глава первая», «РАЗДЕЛ ВТОРОЙ», «Глава двадцать третья-1 Title». */
const RU_WORD_HEADING = /^(Глава|ГЛАВА|Раздел|РАЗДЕЛ|Подраздел|ПОДРАЗДЕЛ)\s+([А-ЯЁа-яё]{3,16})(?:\s+([А-ЯЁа-яё]{3,16}))?(.*)$/;
const RU_WORD_KIND: Readonly<Record<string, LineKind>> = {
  Глава: 'chapter', ГЛАВА: 'chapter', Раздел: 'section', РАЗДЕЛ: 'section', Подраздел: 'subsection', ПОДРАЗДЕЛ: 'subsection',
};
/** Kyrgyz headings numbered in words, the number first: «Биринчи глава», «Жыйырма үчүнчү бөлүм». */
const KY_WORD_HEADING =
  /^([А-ЯӨҮҢа-яөүң]{2,14})(?:\s+([А-ЯӨҮҢа-яөүң]{2,14}))?\s+(глава|Глава|ГЛАВА|бөлүмчө|Бөлүмчө|БӨЛҮМЧӨ|бөлүм|Бөлүм|БӨЛҮМ)(?![а-яөүңА-ЯӨҮҢ])(.*)$/;
const KY_WORD_KIND: Readonly<Record<string, LineKind>> = {
  глава: 'chapter', Глава: 'chapter', ГЛАВА: 'chapter', бөлүмчө: 'subsection', Бөлүмчө: 'subsection', БӨЛҮМЧӨ: 'subsection',
  бөлүм: 'section', Бөлүм: 'section', БӨЛҮМ: 'section',
};
/** After a number in words: an insertion suffix («-1»), then the title after «.»/«:» or an upper-case one, or nothing. */
const WORD_TAIL = new RegExp(`^((?:\\s*-\\s*\\d{1,3})*)(?:\\s*[.:]\\s*(.*)|\\s+(${UPPER}.*))?$`);

/** A heading numbered in words, or null. The number is kept as printed: «двадцать третья-1», «Биринчи». */
function wordHeading(t: string): LineInfo | null {
  const ru = RU_WORD_HEADING.exec(t);
  if (ru) {
    // two words («двадцать третья») before one («первая»); the tail decides which reading holds
    const readings: Array<[string, string]> = ru[3] !== undefined ? [[`${ru[2]} ${ru[3]}`, ru[4]!], [ru[2]!, ` ${ru[3]}${ru[4]}`]] : [[ru[2]!, ru[4]!]];
    for (const [words, after] of readings) {
      if (ordinalPhraseValue(words) === null) continue;
      const tail = WORD_TAIL.exec(after);
      if (!tail) continue;
      return { kind: RU_WORD_KIND[ru[1]!]!, number: words + tail[1]!.replace(/\s+/g, ''), rest: (tail[2] ?? tail[3] ?? '').trim() };
    }
    return null;
  }
  const ky = KY_WORD_HEADING.exec(t);
  if (ky) {
    const words = ky[2] !== undefined ? `${ky[1]} ${ky[2]}` : ky[1]!;
    if (ordinalPhraseValue(words) === null) return null;
    const tail = WORD_TAIL.exec(ky[4]!);
    if (!tail || tail[1] !== '') return null;
    return { kind: KY_WORD_KIND[ky[3]!]!, number: words, rest: (tail[2] ?? tail[3] ?? '').trim() };
  }
  return null;
}

const DIVISIONS: readonly RegExp[] = [
  u('^(?:ОБЩАЯ|ОСОБЕННАЯ|СПЕЦИАЛЬНАЯ)\\s+ЧАСТЬ\\.?$|^(?:Общая|Особенная|Специальная)\\s+часть\\.?$'),
  u('^ЧАСТЬ\\s+(?:ПЕРВАЯ|ВТОРАЯ|ТРЕТЬЯ|ЧЕТВЕРТАЯ|ЧЕТВЁРТАЯ|ПЯТАЯ|ШЕСТАЯ)\\.?$|^Часть\\s+(?:первая|вторая|третья|четвертая|четвёртая|пятая|шестая)\\.?$'),
  u('^(?:ЖАЛПЫ|ӨЗГӨЧӨ|АТАЙЫН)\\s+БӨЛҮК\\.?$|^(?:Жалпы|Өзгөчө|Атайын)\\s+бөлүк\\.?$'),
  u('^(?:GENERAL|SPECIAL)\\s+PART\\.?$|^(?:General|Special)\\s+[Pp]art\\.?$'),
];

// Annexes: short lines only, so a sentence that starts with «Приложение к …» stays prose.
const ANNEXES: readonly RegExp[] = [
  u('^(?:Приложение|ПРИЛОЖЕНИЕ)(?:\\s*(?:№|N)?\\s*(\\d{1,3}))?(?:\\s+(.*))?$'),
  u('^(?:(\\d{1,3})\\s*-\\s*)?(?:тиркеме|Тиркеме|ТИРКЕМЕ)(?:\\s*[.:]?\\s*(.*))?$'),
  u('^(?:Annex|ANNEX|Appendix|APPENDIX)(?:\\s+(?:No\\.?\\s*)?(\\d{1,3}|[A-Z]))?(?:\\s*[.:–—-]?\\s*(.*))?$'),
];
const ANNEX_MAX_CHARS = 160;

const PART = u(`^(${NUM})\\.\\s*(\\S.*)$`);
/** «2.1 Текст» printed without the stop after its number: part 2.1, not part 2 with the text «1 Текст». */
const DECIMAL_PART = u('^(\\d{1,3}(?:\\.\\d{1,3})+)\\.?\\s+([А-ЯЁӨҮҢA-Z«"„“(].*)$');
/** «25.07.2011 г. …» at a line start is a date, never a part «25.07». */
const DATE_START = /^\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}(?![\d.]))/;
const PART_PAREN = u('^\\((\\d{1,3}(?:-\\d{1,3})?)\\)\\s*(.*)$');
const ITEM = u(`^(${NUM})\\)\\s*(.*)$`);
const SUBITEM = u('^\\(?([a-zа-яёңөү]{1,2}\\d{0,2})\\)\\s*(.*)$');
const DASH = u('^[-–—‒−•·▪]\\s*(\\S.*)$');
/** «(В редакции Закона …)», «(Утратила силу …)», «(… Мыйзамынын редакциясына ылайык)». */
const NOTE = u('^\\((?:[^()]|\\([^()]*\\))*\\)[.;]?$');
const NOTE_WORDS = u(
  '(?:[Рр]едакци|[Уу]тратил|[Вв]веден|[Вв]водится|[Ии]сключ|[Дд]ополн|[Ии]зменен|[Зз]акон|[Мм]ыйзам|[Кк]үчүн|[Aa]mended|[Rr]epealed|[Ll]aw|in force)',
);
const REMARK = u('^(?:Примечани[ея]|ПРИМЕЧАНИ[ЕЯ]|Эскертүү|ЭСКЕРТҮҮ|Notes?|NOTES?)\\s*[.:]');

/** «1-берене», «34-1-глава», «I БӨЛҮМ»: Kyrgyz headings print the number before the word. */
const KY_NUMBER_FIRST =
  /^[0-9¹²³⁴⁵⁶⁷⁸⁹⁰.\-–]{1,20}\s*[-–—]?\s*(?:берене|Берене|БЕРЕНЕ|статья|Статья|СТАТЬЯ|глава|Глава|ГЛАВА|бөлүм|Бөлүм|БӨЛҮМ|параграф|Параграф|ПАРАГРАФ|тиркеме|Тиркеме|ТИРКЕМЕ)/;
/** A Kyrgyz heading numbered in words may start with any letter; it names its unit within its first words. */
const KY_WORD_HEADING_MAX_CHARS = 160;
const KY_WORD_UNIT = /^\S{2,14}(?:\s+\S{2,14})?\s+(?:[Гг]лава|ГЛАВА|[Бб]өлүм|БӨЛҮМ)/;

// Latin letters typed for their Cyrillic twins inside a heading word («Cтатья» with a Latin C).
const LATIN_TWINS: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у',
};
/** The line with the Latin twins of its first word made Cyrillic, when that word mixes both scripts. */
function withCyrillicFirstWord(t: string): string {
  let latin = false;
  let cyrillic = false;
  let end = 0;
  for (; end < t.length && end < 24; end++) {
    const c = t.charCodeAt(end);
    if (c === 32 || (c >= 48 && c <= 57) || c === 46) break;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin = true;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic = true;
  }
  if (!latin || !cyrillic) return t;
  let word = '';
  for (const ch of t.slice(0, end)) word += LATIN_TWINS[ch] ?? ch;
  return word + t.slice(end);
}

/**
 * One test that rejects most prose lines before the heading patterns run: a heading starts with one
 * of these words or with a number or Roman numeral.
 */
const HEADING_START =
  /^(?:Стать|СТАТЬ|Глав|ГЛАВ|Разд|РАЗД|Подр|ПОДР|Пара|ПАРА|§|Arti|ARTI|Chap|CHAP|Sect|SECT|Subs|SUBS|Part|PART|Прил|ПРИЛ|Тирк|тирк|ТИРК|Anne|ANNE|Appe|APPE|[0-9IVXLCDMІХ]|[Оо]бщ|ОБЩ|[Оо]соб|ОСОБ|[Сс]пец|СПЕЦ|[Чч]аст|ЧАСТ|[Жж]алп|ЖАЛП|[Өө]згө|ӨЗГӨ|[Аа]тай|АТАЙ|[Gg]ene|GENE|[Ss]pec|SPEC)/;

/** Classifies one trimmed, non-empty line. */
export function classifyLine(line: string): LineInfo {
  const t = withCyrillicFirstWord(line);
  const first = t.charCodeAt(0);
  const startsWithDigit = first >= 48 && first <= 57;

  if (startsWithDigit ? KY_NUMBER_FIRST.test(t) : HEADING_START.test(t)) {
    for (const h of HEADINGS) {
      const m = h.re.exec(t);
      if (m) {
        const rest = (m[2] ?? m[3] ?? '').trim();
        const info: LineInfo = { kind: h.kind, number: m[1]!.replace(/\s+/g, ''), rest };
        if (h.range) info.range = true;
        return info;
      }
    }
    const words = startsWithDigit ? null : wordHeading(t);
    if (words !== null) return words;
    for (const re of DIVISIONS) if (re.test(t)) return { kind: 'division', number: divisionNumber(t), rest: '', name: t.replace(/\.$/, '') };
    if (t.length <= ANNEX_MAX_CHARS) {
      for (const re of ANNEXES) {
        const m = re.exec(t);
        if (m && !/[.;:,]$/.test(t)) return { kind: 'annex', number: m[1] ?? null, rest: (m[2] ?? '').trim() };
      }
    }
  }

  if (!startsWithDigit && t.length <= KY_WORD_HEADING_MAX_CHARS && namesKyrgyzUnit(t) && KY_WORD_UNIT.test(t)) {
    const words = wordHeading(t);
    if (words !== null) return words;
  }

  if (startsWithDigit) {
    if (DATE_START.test(t)) return { kind: 'plain', number: null, rest: t };
    let m = ITEM.exec(t);
    if (m) return { kind: 'item', number: m[1]!, rest: m[2]!.trim() };
    m = (hasDecimalNumber(t) ? DECIMAL_PART.exec(t) : null) ?? PART.exec(t);
    if (m) return { kind: 'part', number: m[1]!, rest: m[2]!.trim() };
    return { kind: 'plain', number: null, rest: t };
  }
  if (first === 40 /* ( */) {
    let m = PART_PAREN.exec(t);
    if (m) return { kind: 'part', number: m[1]!, rest: m[2]!.trim() };
    if (NOTE.test(t) && NOTE_WORDS.test(t)) return { kind: 'note', number: null, rest: t };
    m = SUBITEM.exec(t);
    if (m) return { kind: 'subitem', number: m[1]!, rest: m[2]!.trim() };
    return { kind: 'plain', number: null, rest: t };
  }
  let m = SUBITEM.exec(t);
  if (m) return { kind: 'subitem', number: m[1]!, rest: m[2]!.trim() };
  m = DASH.exec(t);
  if (m) return { kind: 'dash', number: null, rest: m[1]!.trim() };
  if (REMARK.test(t)) return { kind: 'remark', number: null, rest: t };
  return { kind: 'plain', number: null, rest: t };
}

/** A cheap test before KY_WORD_UNIT: the line names a глава or a бөлүм at all. */
function namesKyrgyzUnit(t: string): boolean {
  return t.includes('лава') || t.includes('ЛАВА') || t.includes('өлүм') || t.includes('ӨЛҮМ');
}

/** «2.1 …»: digits, a point, a digit — the only lines DECIMAL_PART can match. */
function hasDecimalNumber(t: string): boolean {
  let i = 0;
  while (i < t.length && i < 4 && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
  const next = t.charCodeAt(i + 1);
  return i > 0 && t.charCodeAt(i) === 46 && next >= 48 && next <= 57;
}

/** «ЧАСТЬ ВТОРАЯ» → «ВТОРАЯ»: a named division that is numbered in words keeps the word as its number. */
function divisionNumber(t: string): string | null {
  const word = /(\S+?)\.?$/.exec(t)?.[1];
  return word !== undefined && ordinalPhraseValue(word) !== null ? word : null;
}

/** True for a unit that keeps its place but lost its force: «Утратила силу», «Күчүн жоготту». */
const REPEALED_START =
  /^\(?\s*(?:(?:Статья|Глава|Раздел|Подраздел|Параграф|Часть|Пункт|Подпункт|Article|Chapter|Section)\s+)?(?:(?:[Уу]тратил[аои]?|[Уу]тратили|УТРАТИЛ[АОИ]?)\s+(?:силу|СИЛУ)|[Ии]сключен[аоы]?(?:[\s.;)]|$)|[Rr]epealed|[Dd]eleted)/;
export function isRepealedText(text: string): boolean {
  // Kyrgyz puts the verb last: «(… Мыйзамына ылайык күчүн жоготту)»; a substring test is enough.
  return REPEALED_START.test(text) || text.includes('үчүн жоготт');
}

/** A line of letters without a single lower-case one: «ОБЩИЕ ПОЛОЖЕНИЯ», «ЖАЛПЫ ЖОБОЛОР». */
export function isUpperCaseLine(t: string): boolean {
  let letters = 0;
  for (const ch of t) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      if (ch !== ch.toUpperCase()) return false;
      letters++;
    }
  }
  return letters >= 3;
}
