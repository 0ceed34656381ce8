import type { AmendmentAnchor, AmendmentInfo, AmendmentOperation, AmendmentTarget } from '../../../shared/clause';
import { ordinalWordValue } from './numbering';
import { findQuotedSpans, insideSpan, type QuotedSpan } from './quotes';

/**
 * Reads one instruction of an amendment law: what it does (operation), to which unit (target, which
 * accumulates from the parent instructions: «в статье 1: а) в части 1: - в абзаце двенадцатом …»),
 * and which words go out and come in. Words inside quotes are never read as instructions or targets.
 */

interface OperationPattern {
  op: Exclude<AmendmentOperation, 'other'>;
  re: RegExp;
}

// No 'i' flag on the Unicode patterns: case-folding [\u0400-\u04FFA-Za-z] makes V8 compile them ten times slower, and
// instructions are lower case but for their first letter, which the patterns spell out ([Зз]).
const g = (source: string): RegExp => new RegExp(source, 'g');
const gEn = (source: string): RegExp => new RegExp(source, 'gi');
const NOT_LETTER_BEFORE = '(?<![\\u0400-\\u04FFA-Za-z])';
const NOT_LETTER_AFTER = '(?![\\u0400-\\u04FFA-Za-z])';

const OPERATIONS: readonly OperationPattern[] = [
  // Russian
  { op: 'replace_words', re: g(`${NOT_LETTER_BEFORE}[Зз]амен(?:ить|ив|яются|яется)${NOT_LETTER_AFTER}`) },
  { op: 'supplement', re: g(`${NOT_LETTER_BEFORE}[Дд]ополн(?:ить|ив|яется|яются)${NOT_LETTER_AFTER}`) },
  { op: 'restate', re: g(`${NOT_LETTER_BEFORE}[Ии]злож(?:ить|ив)${NOT_LETTER_AFTER}`) },
  { op: 'exclude', re: g(`${NOT_LETTER_BEFORE}[Ии]сключ(?:ить|ив)${NOT_LETTER_AFTER}`) },
  { op: 'repeal', re: g(`${NOT_LETTER_BEFORE}(?:[Пп]ризнать\\s+)?утративш(?:им|ими|ей|ую)\\s+силу`) },
  // Kyrgyz
  { op: 'replace_words', re: g(`${NOT_LETTER_BEFORE}алмаштырыл(?:сын|ат)${NOT_LETTER_AFTER}`) },
  { op: 'supplement', re: g(`${NOT_LETTER_BEFORE}толуктал(?:сын|ат)${NOT_LETTER_AFTER}`) },
  { op: 'restate', re: g(`${NOT_LETTER_BEFORE}редакция(?:да|сында)\\s+(?:баяндалсын|берилсин|түзүлсүн|жазылсын)`) },
  { op: 'exclude', re: g(`${NOT_LETTER_BEFORE}(?:алып|алынып)\\s+салын(?:сын|ат)${NOT_LETTER_AFTER}`) },
  { op: 'repeal', re: g(`${NOT_LETTER_BEFORE}[Кк]үчүн\\s+жоготту\\s+деп\\s+(?:табылсын|таанылсын|эсептелсин)`) },
  // English
  { op: 'replace_words', re: gEn('\\b(?:replace[ds]?|substitut(?:e|ed))\\b') },
  { op: 'supplement', re: gEn('\\b(?:insert(?:ed)?|supplement(?:ed)?|add(?:ed)?)\\b') },
  { op: 'restate', re: gEn('\\b(?:restated?|read as follows|worded as follows)\\b') },
  { op: 'exclude', re: gEn('\\b(?:delete[ds]?|exclude[ds]?|omit(?:ted)?)\\b') },
  { op: 'repeal', re: gEn('\\b(?:repeal(?:ed)?|ceases? to have effect|declared? invalid)\\b') },
];

const NEW_TEXT_CUE =
  /следующего\s+содержания|следующей\s+редакции|следующими\s+[\u0400-\u04FFA-Za-z]+|мазмундагы|редакцияда\s+баяндалсын|редакцияда\s+берилсин|as\s+follows|to\s+read/u;
const LEAD_IN =
  /[Вв]нести\s+(?:в|следующие)|следующие\s+изменени|өзгөртүү[\u0400-\u04FFA-Za-z]*\s+(?:жана\s+толуктоо[\u0400-\u04FFA-Za-z]*\s+)?киргизилсин|толуктоо[\u0400-\u04FFA-Za-z]*\s+киргизилсин|(?:is|are)\s+(?:hereby\s+)?amended\s+as\s+follows|following\s+amendments/u;

/** «Внести в Закон … следующие изменения:», «… Мыйзамына төмөнкүдөй өзгөртүүлөр киргизилсин:». */
export function isAmendingLeadIn(text: string): boolean {
  return LEAD_IN.test(text);
}

const NUM = '\\d{1,5}[¹²³⁴⁵⁶⁷⁸⁹⁰]{0,3}(?:[-.]\\d{1,4}[¹²³⁴⁵⁶⁷⁸⁹⁰]{0,3}){0,2}';
const LIST = `${NUM}(?:\\s*(?:,|и|-|–|—)\\s*${NUM}){0,8}`;
// Ordinal words of targets, to the nineties: «в абзаце двенадцатом», «тридцатом», «тридцать втором».
const ORDINAL_WORD =
  '(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат|тридцат|сороков|пятидесят|шестидесят|семидесят|восьмидесят|девяност)[\\u0400-\\u04FFA-Za-z]*';
const ORDINAL = `(?:(?:двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто)\\s+)?${ORDINAL_WORD}`;
const KY_LIST = '\\d{1,5}(?:-\\d{1,3})?(?:\\s*(?:,|жана)\\s*\\d{1,5}(?:-\\d{1,3})?){0,8}';
const KY_ORDINAL =
  '(?:(?:он|жыйырма|отуз|кырк|элүү|алтымыш|жетимиш|сексен|токсон)\\s+)?(?:биринчи|экинчи|үчүнчү|төртүнчү|бешинчи|алтынчы|жетинчи|сегизинчи|тогузунчу|онунчу|жыйырманчы|отузунчу|кыркынчы|элүүнчү|алтымышынчы|жетимишинчи|сексенинчи|токсонунчу)';

type Level = 'article' | 'part' | 'item' | 'subitem' | 'paragraph';
const LEVELS: readonly Level[] = ['article', 'part', 'item', 'subitem', 'paragraph'];

interface TargetPattern {
  level: Level;
  re: RegExp;
  /** How the phrase names its unit: a number list, an ordinal word, or the phrase itself. */
  read: (m: RegExpExecArray) => string;
}

const compact = (s: string): string => s.replace(/\s*([-–—])\s*/g, '-').replace(/\s+/g, ' ').trim();
const numberOrOrdinal = (s: string): string => {
  const v = ordinalWordValue(s);
  return v === null ? compact(s) : String(v);
};

const TARGETS: readonly TargetPattern[] = [
  { level: 'article', re: g(`${NOT_LETTER_BEFORE}[Сс]тат(?:ья|ьи|ье|ью|ьей|ьёй|ьям|ьях|ьями)\\s+(${LIST})`), read: (m) => compact(m[1]!) },
  { level: 'part', re: g(`${NOT_LETTER_BEFORE}[Чч]аст(?:ь|и|ью|ей|ях|ям|ями)\\s+(${LIST}|${ORDINAL})`), read: (m) => numberOrOrdinal(m[1]!) },
  { level: 'subitem', re: g(`${NOT_LETTER_BEFORE}[Пп]одпункт[\\u0400-\\u04FFA-Za-z]*\\s+["«]([^"»\\s]{1,6})["»]`), read: (m) => m[1]! },
  { level: 'subitem', re: g(`${NOT_LETTER_BEFORE}[Пп]одпункт[\\u0400-\\u04FFA-Za-z]*\\s+(${LIST})`), read: (m) => compact(m[1]!) },
  { level: 'item', re: g(`${NOT_LETTER_BEFORE}[Пп]ункт(?:|а|е|у|ом|ы|ов|ах|ам|ами)\\s+(${LIST}|${ORDINAL})`), read: (m) => numberOrOrdinal(m[1]!) },
  { level: 'paragraph', re: g(`${NOT_LETTER_BEFORE}[Аа]бзац[\\u0400-\\u04FFA-Za-z]*\\s+(?:${ORDINAL}|\\d{1,3})`), read: (m) => m[0] },
  // Kyrgyz: «37-берененин 3 жана 6-бөлүктөрүндө», «"а" пунктчасында», «экинчи абзацында»
  { level: 'article', re: g(`(${KY_LIST})\\s*-\\s*(?:берене|статья)[\\u0400-\\u04FFA-Za-z]*`), read: (m) => compact(m[1]!) },
  { level: 'part', re: g(`(${KY_LIST})\\s*-\\s*бөлү[кг][\\u0400-\\u04FFA-Za-z]*`), read: (m) => compact(m[1]!) },
  { level: 'subitem', re: g(`["«]([^"»\\s]{1,4})["»]\\s*-?\\s*пунктча[\\u0400-\\u04FFA-Za-z]*`), read: (m) => m[1]! },
  { level: 'item', re: g(`(${KY_LIST})\\s*-\\s*пункт(?!ча)[\\u0400-\\u04FFA-Za-z]*`), read: (m) => compact(m[1]!) },
  { level: 'paragraph', re: g(`${NOT_LETTER_BEFORE}${KY_ORDINAL}\\s+абзац[\\u0400-\\u04FFA-Za-z]*`), read: (m) => m[0] },
  // English
  { level: 'article', re: gEn(`\\barticles?\\s+(${NUM})`), read: (m) => m[1]! },
  { level: 'subitem', re: gEn('\\bsub-?(?:paragraph|item|point)\\s+\\(?([a-z]{1,2})\\)?'), read: (m) => m[1]! },
  { level: 'part', re: gEn('\\b(?:paragraph|part)\\s+\\(?(\\d{1,3})\\)?'), read: (m) => m[1]! },
  { level: 'item', re: gEn('\\b(?:item|point)\\s+\\(?(\\d{1,3})\\)?'), read: (m) => m[1]! },
];

const ACT_WORD_BEFORE = /(?:[Зз]акон|[Кк]одекс|[Уу]каз|[Пп]остановлени|[Пп]оложени|[Кк]онституци|[Рр]егламент|[Ll]aw|[Cc]ode|[Dd]ecree)[^"«»„“]{0,230}$/u;
const ACT_WORD_AFTER = /^\s*(?:Кыргыз\s+Республикасынын\s+)?(?:[Кк]онституциялык\s+)?(?:[Мм]ыйзам|[Кк]одекс|[Жж]арлы|[Тт]октом|[Рр]егламент)/u;
const RU_UNQUOTED_ACT = /^Внести\s+в\s+((?!стать|част|пункт)[^(:]+?)\s*(?:\(|следующ)/u;
const WORDS_MARK_BEFORE = /(?:[Сс]лов[оа]?|[Цц]ифр[аыу]?|[Бб]укв[аыу]?|[Зз]нак[иа]?|[Ww]ords?|[Ff]igures?)\s*$/u;
const WORDS_MARK_AFTER = /^\s*деген\s+(?:сөз|сан|белги|тамга)/u;
const FOLLOWED_BY_MENEN = /^[\u0400-\u04FFA-Za-z]*\s+менен/u;

export interface InstructionReading {
  /** Null for a line that only narrows the target («2) в статье 41:»). */
  info: AmendmentInfo | null;
  /** The target as accumulated for this line and its children. */
  target: AmendmentTarget;
  /** The line ends «… следующего содержания:» / «… в следующей редакции:»: quoted new text may follow. */
  expectsNewText: boolean;
  /** The line names an act or an article itself («в статье 5 …», «статью 7 дополнить …»). */
  namesArticle: boolean;
}

export function readInstruction(text: string, parent: AmendmentTarget): InstructionReading {
  const spans = findQuotedSpans(text);
  const verb = findOperation(text, spans);
  const limit = verb ? verb.index : text.length;

  const actSpan = findActSpan(text, spans);
  const own: AmendmentTarget = {};
  if (actSpan) own.act = actSpan.inner.trim();
  else {
    const unquoted = RU_UNQUOTED_ACT.exec(text);
    if (unquoted) own.act = unquoted[1]!.trim();
  }
  for (const t of TARGETS) {
    if (own[t.level] !== undefined) continue;
    t.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = t.re.exec(text)) !== null) {
      if (m.index >= limit) break;
      // inside quoted words nothing is a target; a quoted unit name («"п" пунктчасы») starts a span of its own
      const at = m.index;
      if (insideSpan(spans, at) && !spans.some((sp) => sp.start === at)) continue;
      // «4-бөлүк менен толукталсын» names the unit being added, not the one amended.
      if (FOLLOWED_BY_MENEN.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
      own[t.level] = t.read(m);
      break;
    }
  }
  const expectsNewText = /:\s*$/.test(text) && NEW_TEXT_CUE.test(text);
  const namesArticle = own.act !== undefined || own.article !== undefined;
  if (!verb) return { info: null, target: mergeTarget(parent, own), expectsNewText, namesArticle };

  const added = verb.op === 'supplement' ? addedUnit(text, verb, spans) : undefined;
  // «дополнить подпунктом "р"» adds a unit to the one above it: the parent's sub-item (or part, item …) is
  // not where it goes, only what the instruction itself names is.
  const addedAt = added === undefined ? undefined : addedLevel(added);
  const target = mergeTarget(addedAt === undefined ? parent : above(parent, addedAt), own);
  const info: AmendmentInfo = { operation: verb.op, target };
  // Quoted words play one of three parts: the words themselves, a place («после слов "X"» / «"X" деген
  // сөздөрдөн кийин»), or the name of a unit («подпунктом "р"», «"р" пунктчасы»).
  const roles = spans.map((s) => (s === actSpan ? 'act' : spanRole(text, s)));
  const words = spans.filter((_, i) => roles[i] === 'words');
  const anchors = spans.filter((_, i) => roles[i] === 'after' || roles[i] === 'before');
  const anchorOf = (s: QuotedSpan): AmendmentAnchor => ({ position: roles[spans.indexOf(s)] as 'after' | 'before', words: s.inner });
  const before = words.filter((s) => s.end <= verb.index);
  // Quoted unit names before the cue («дополнить подпунктами "а1" и "а2" следующего содержания:») are
  // not the new words; those follow the cue, inline or in the paragraphs below.
  const cue = NEW_TEXT_CUE.exec(text.slice(verb.index));
  const wordsFrom = cue ? verb.index + cue.index + cue[0].length : verb.index + verb.length;
  const after = words.filter((s) => s.start >= wordsFrom);
  const verbFinal = after.length === 0;
  switch (verb.op) {
    case 'replace_words':
      if (!verbFinal) {
        setWords(info, 'oldWords', before[before.length - 1]);
        setWords(info, 'newWords', after[0]);
      } else {
        setWords(info, 'oldWords', before[before.length - 2]);
        setWords(info, 'newWords', before[before.length - 1]);
      }
      if (anchors.length > 0) info.anchor = anchorOf(anchors[0]!);
      break;
    case 'supplement': {
      // The words inserted: after the verb in Russian («дополнить словами "А", а также словами "Б"»), before it
      // in Kyrgyz («"А" деген сөздөр менен толукталсын»), where only the last is new unless places pair them.
      let inserted: QuotedSpan[] = [];
      if (!verbFinal) inserted = after;
      else if (!expectsNewText) inserted = anchors.length > 1 ? before.filter((s) => anchors.some((a) => a.end <= s.start)) : before.slice(-1);
      if (inserted.length === 1) {
        info.newWords = inserted[0]!.inner;
        if (anchors.length > 0) info.anchor = anchorOf(anchors[0]!);
      } else if (inserted.length > 1) {
        info.newWords = inserted.map((s) => s.inner).join('; ');
        info.insertions = inserted.map((s, i) => (anchors[i] ? { words: s.inner, anchor: anchorOf(anchors[i]!) } : { words: s.inner }));
      }
      if (added) info.added = added;
      break;
    }
    case 'restate':
      setWords(info, 'newWords', after[0]);
      break;
    case 'exclude': {
      const excluded = before.filter(
        (s) => WORDS_MARK_BEFORE.test(text.slice(Math.max(0, s.start - 12), s.start)) || WORDS_MARK_AFTER.test(text.slice(s.end, s.end + 20)),
      );
      if (excluded.length > 0) info.oldWords = excluded.map((s) => s.inner).join('; ');
      if (anchors.length > 0) info.anchor = anchorOf(anchors[0]!);
      break;
    }
    case 'repeal':
      break;
  }
  return { info, target, expectsNewText, namesArticle };
}

// «после слов "X"», «перед словом "X"», «после цифр "X"»: the place of inserted or removed words.
const RU_PLACE = /(после|перед)\s+(?:слов|слова|словами|словом|цифр|цифры|цифрами|цифрой|букв|буквы|буквами|буквой|знака|знаков|знаками|знаком)\s*$/u;
// «"X" деген сөздөрдөн кийин», «"X" деген сөздөн мурда», «"X" сөзүнөн кийин».
const KY_PLACE = /^\s*(?:деген\s+)?[\u0400-\u04FF]+\s+(кийин|мурда|мурун)(?![\u0400-\u04FF])/u;
// «подпунктом "р"», «подпункт "п"», «"р" пунктчасы»: a unit's name, not words of the text.
const UNIT_BEFORE = /(?:[Пп]одпункт|[Пп]ункт|[Чч]аст|[Аа]бзац|[Сс]тать|[Гг]лав|[Рр]аздел|[Пп]араграф)[\u0400-\u04FF]*\s*$/u;
const KY_LOCATIVE = /(?:дагы|даги|догу|дөгү|тагы|теги|тогу|төгү)\s*$/u;
const UNIT_AFTER = /^\s*-?\s*(?:пунктча|пункт(?!\S*\s+(?:деген))|бөлүк|абзац)/u;

function spanRole(text: string, s: QuotedSpan): 'words' | 'after' | 'before' | 'unit' {
  const ru = RU_PLACE.exec(text.slice(Math.max(0, s.start - 24), s.start));
  if (ru) return ru[1] === 'после' ? 'after' : 'before';
  const ky = KY_PLACE.exec(text.slice(s.end, s.end + 40));
  if (ky) return ky[1] === 'кийин' ? 'after' : 'before';
  const lead = text.slice(Math.max(0, s.start - 16), s.start);
  // «абзацындагы "аял" деген сөз»: a Kyrgyz locative names where the words stand, not a unit called «аял»
  const unitBefore = UNIT_BEFORE.test(lead) && !KY_LOCATIVE.test(lead);
  if (s.inner.length <= 6 && (unitBefore || UNIT_AFTER.test(text.slice(s.end, s.end + 16)))) return 'unit';
  return 'words';
}

/** The level of the unit a supplement adds: «подпунктом "р"» → subitem, «4-бөлүк» → part, «статьей 5-1» → article. */
function addedLevel(added: string): Level | undefined {
  const a = added.toLowerCase();
  if (/пунктча|подпункт|sub-?(?:paragraph|item|point)/u.test(a)) return 'subitem';
  if (/пункт|\bitem|\bpoint/u.test(a)) return 'item';
  if (/част|бөлүк|\bparagraph|\bpart/u.test(a)) return 'part';
  if (/абзац/u.test(a)) return 'paragraph';
  if (/стать|берене|глав|раздел|бөлүм|параграф|\barticle|\bchapter|\bsection/u.test(a)) return 'article';
  return undefined;
}

/** The target without `level` and the levels below it. */
function above(target: AmendmentTarget, level: Level): AmendmentTarget {
  const cut: AmendmentTarget = {};
  if (target.act !== undefined) cut.act = target.act;
  for (const l of LEVELS) {
    if (l === level) break;
    if (target[l] !== undefined) cut[l] = target[l];
  }
  return cut;
}

interface FoundOperation {
  op: Exclude<AmendmentOperation, 'other'>;
  index: number;
  length: number;
}

function findOperation(text: string, spans: readonly QuotedSpan[]): FoundOperation | null {
  let best: FoundOperation | null = null;
  for (const { op, re } of OPERATIONS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (best !== null && m.index >= best.index) break;
      if (insideSpan(spans, m.index)) continue;
      best = { op, index: m.index, length: m[0].length };
      break;
    }
  }
  return best;
}

function findActSpan(text: string, spans: readonly QuotedSpan[]): QuotedSpan | undefined {
  for (const s of spans) {
    if (ACT_WORD_BEFORE.test(text.slice(Math.max(0, s.start - 260), s.start))) return s;
    if (ACT_WORD_AFTER.test(text.slice(s.end, s.end + 60))) return s;
  }
  return undefined;
}

function setWords(info: AmendmentInfo, key: 'oldWords' | 'newWords', span: QuotedSpan | undefined): void {
  if (span) info[key] = span.inner;
}

const ADDED_RU = /^\s*((?:част|пункт|подпункт|стать|абзац|предложени|глав|раздел|параграф|примечани)[\u0400-\u04FFA-Za-z]*[^:]*?)\s*(?:следующ|,|;|\.|$)/u;
const ADDED_KY = /мазмундагы\s+(.+?)\s+менен\s*$/u;
const ADDED_EN = /^\s*(?:with|by)\s+((?:an?\s+)?(?:new\s+)?(?:paragraph|part|article|item|point|sub-?paragraph|sentence|chapter|section)s?\s+[^\s,;:]+(?:\s+and\s+[^\s,;:]+)?)/i;

/** The unit a supplement adds: «дополнить частью 19 следующего содержания» → «частью 19»; «supplemented with paragraph 3». */
function addedUnit(text: string, verb: FoundOperation, spans: readonly QuotedSpan[]): string | undefined {
  const afterVerb = text.slice(verb.index + verb.length);
  const ru = ADDED_RU.exec(afterVerb);
  if (ru && !insideSpan(spans, verb.index + verb.length + 1)) return ru[1]!.trim();
  const ky = ADDED_KY.exec(text.slice(0, verb.index));
  if (ky) return ky[1]!.trim();
  const en = ADDED_EN.exec(afterVerb);
  if (en) return en[1]!.trim();
  return undefined;
}

/**
 * The child's own target phrases replace the parent's from the highest level they name downwards;
 * a child that names another act starts afresh.
 */
export function mergeTarget(parent: AmendmentTarget, own: AmendmentTarget): AmendmentTarget {
  if (own.act !== undefined) return { ...own };
  const first = LEVELS.findIndex((l) => own[l] !== undefined);
  if (first < 0) return { ...parent };
  const merged: AmendmentTarget = {};
  if (parent.act !== undefined) merged.act = parent.act;
  for (let i = 0; i < LEVELS.length; i++) {
    const level = LEVELS[i]!;
    const value = i < first ? parent[level] : own[level];
    if (value !== undefined) merged[level] = value;
  }
  return merged;
}
