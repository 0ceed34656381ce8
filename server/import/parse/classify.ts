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

const HEADINGS: readonly HeadingPattern[] = [
  // Russian
  { kind: 'article', re: u(`^(?:Статья|СТАТЬЯ)\\s*(${NUM})(?:\\s*\\.\\s*(.*))?$`) },
  { kind: 'article', re: u(`^(?:Статьи|СТАТЬИ)\\s+(${NUM}\\s*[-–—]\\s*${NUM})(?:\\s*\\.\\s*(.*))?$`), range: true },
  { kind: 'chapter', re: u(`^(?:Глава|ГЛАВА)\\s+(${NUM_OR_ROMAN})${TAIL}$`) },
  { kind: 'subsection', re: u(`^(?:Подраздел|ПОДРАЗДЕЛ)\\s+(${NUM_OR_ROMAN})${TAIL}$`) },
  { kind: 'section', re: u(`^(?:Раздел|РАЗДЕЛ)\\s+(${NUM_OR_ROMAN})${TAIL}$`) },
  { kind: 'subchapter', re: u(`^(?:Параграф|ПАРАГРАФ|§)\\s*(${NUM})${TAIL}$`) },
  // Kyrgyz: the number comes first («1-берене.», «3-Глава», «I БӨЛҮМ.»), old codes say «11-статья.»
  { kind: 'article', re: u(`^(${NUM})\\s*-\\s*(?:берене|Берене|БЕРЕНЕ|статья|Статья|СТАТЬЯ)(?:\\s*\\.\\s*(.*))?$`) },
  { kind: 'chapter', re: u(`^(${NUM})\\s*-\\s*(?:глава|Глава|ГЛАВА)${TAIL}$`) },
  { kind: 'subsection', re: u(`^(${NUM_OR_ROMAN})\\s*-?\\s*(?:бөлүмчө|Бөлүмчө|БӨЛҮМЧӨ)${TAIL}$`) },
  { kind: 'section', re: u(`^(${NUM_OR_ROMAN})\\s*-?\\s*(?:бөлүм|Бөлүм|БӨЛҮМ)${TAIL}$`) },
  { kind: 'subchapter', re: u(`^(${NUM})\\s*-\\s*(?:параграф|Параграф|ПАРАГРАФ)${TAIL}$`) },
  // English
  { kind: 'article', re: u(`^(?:Article|ARTICLE)\\s+(${NUM})(?:\\s*[.:–—-]\\s*(.*))?$`) },
  { kind: 'chapter', re: u(`^(?:Chapter|CHAPTER)\\s+(${NUM_OR_ROMAN})${EN_TAIL}$`) },
  { kind: 'subsection', re: u(`^(?:Subsection|SUBSECTION)\\s+(${NUM_OR_ROMAN})${EN_TAIL}$`) },
  { kind: 'section', re: u(`^(?:Section|SECTION)\\s+(${NUM_OR_ROMAN})${EN_TAIL}$`) },
  { kind: 'division', re: u(`^(?:Part|PART)\\s+(${NUM_OR_ROMAN}|One|Two|Three|Four|ONE|TWO|THREE|FOUR)${EN_TAIL}$`) },
];

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
  /^[0-9¹²³⁴⁵⁶⁷⁸⁹⁰.\-–]{1,20}\s*-?\s*(?:берене|Берене|БЕРЕНЕ|статья|Статья|СТАТЬЯ|глава|Глава|ГЛАВА|бөлүм|Бөлүм|БӨЛҮМ|параграф|Параграф|ПАРАГРАФ|тиркеме|Тиркеме|ТИРКЕМЕ)/;

/**
 * One test that rejects most prose lines before the heading patterns run: a heading starts with one
 * of these words or with a number or Roman numeral.
 */
const HEADING_START =
  /^(?:Стать|СТАТЬ|Глав|ГЛАВ|Разд|РАЗД|Подр|ПОДР|Пара|ПАРА|§|Arti|ARTI|Chap|CHAP|Sect|SECT|Subs|SUBS|Part|PART|Прил|ПРИЛ|Тирк|тирк|ТИРК|Anne|ANNE|Appe|APPE|[0-9IVXLCDMІХ]|[Оо]бщ|ОБЩ|[Оо]соб|ОСОБ|[Сс]пец|СПЕЦ|[Чч]аст|ЧАСТ|[Жж]алп|ЖАЛП|[Өө]згө|ӨЗГӨ|[Аа]тай|АТАЙ|[Gg]ene|GENE|[Ss]pec|SPEC)/;

/** Classifies one trimmed, non-empty line. */
export function classifyLine(t: string): LineInfo {
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
    for (const re of DIVISIONS) if (re.test(t)) return { kind: 'division', number: null, rest: '', name: t.replace(/\.$/, '') };
    if (t.length <= ANNEX_MAX_CHARS) {
      for (const re of ANNEXES) {
        const m = re.exec(t);
        if (m && !/[.;:,]$/.test(t)) return { kind: 'annex', number: m[1] ?? null, rest: (m[2] ?? '').trim() };
      }
    }
  }

  if (startsWithDigit) {
    let m = ITEM.exec(t);
    if (m) return { kind: 'item', number: m[1]!, rest: m[2]!.trim() };
    m = PART.exec(t);
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

/** True for a unit that keeps its place but lost its force: «Утратила силу», «Күчүн жоготту». */
const REPEALED_START =
  /^\(?\s*(?:(?:[Уу]тратил[аои]?|[Уу]тратили|УТРАТИЛ[АОИ]?)\s+(?:силу|СИЛУ)|[Ии]сключен[аоы]?(?:[\s.;)]|$)|[Rr]epealed|[Dd]eleted)/;
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
