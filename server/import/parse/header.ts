import type { ActKind } from '../../../shared/clause';
import { findQuotedSpans } from './quotes';
import { isUpperCaseLine } from './classify';

/**
 * The header block of a draft and what it says about the act: «Проект» / «Долбоор» / "Draft", the
 * kind of act, its title, date and number; and the signature block at the end («Президент Кыргызской
 * Республики …», place, date, «№ 97»).
 */

const DRAFT_MARK = /^[«"“]?\s*(?:[Пп]роект|ПРОЕКТ|[Дд]олбоор|ДОЛБООР|[Dd]raft|DRAFT)\s*[»"”]?\.?$/;
export function isDraftMark(t: string): boolean {
  return t.length <= 40 && DRAFT_MARK.test(t);
}

const TITLE_RU = /^(?:О|Об|Обо)\s+\S/;
// «тууралу» is a common misspelling of «тууралуу»
const TITLE_KY = /(?:жөнүндө|тууралуу?|ЖӨНҮНДӨ|ТУУРАЛУУ?)[»"”]?\.?$/;
const TITLE_EN = /^(?:On|About|ON)\s+\S/;
export function isTitleLine(t: string): boolean {
  return t.length <= 600 && (TITLE_RU.test(t) || TITLE_KY.test(t) || TITLE_EN.test(t));
}

const MONTHS_RU = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\d{1,2}\\s+(?:${MONTHS_RU})\\s+\\d{4}\\s*(?:года|г\\.)?`),
  /\d{4}\s*-\s*жылд[а-яөүң]*\s+\d{1,2}\s*-\s*[а-яөүң]+/,
  new RegExp(`\\d{1,2}\\s+(?:${MONTHS_EN})\\s+\\d{4}|(?:${MONTHS_EN})\\s+\\d{1,2},\\s*\\d{4}`),
  /\b\d{1,2}\.\d{1,2}\.\d{4}\b/,
];
const ACT_NUMBER = /(?:№|N|No\.?)\s*(\d[\u0400-\u04FFA-Za-z0-9\-/–]*)/;

export function findDate(t: string): string | null {
  for (const re of DATE_PATTERNS) {
    const m = re.exec(t);
    if (m) return m[0].trim();
  }
  return null;
}

/**
 * A line that names the kind of act, printed above or below the title: «Закон Кыргызской Республики»,
 * «Кыргыз Республикасынын Мыйзамынын долбоору», «Проект закона».
 */
const KIND_LINE =
  /^(?:(?:проект\s+)?(?:закона?|конституционный\s+закон|указ|постановление|кодекс)\s+кыргызской\s+республики|(?:кыргыз\s+республикасынын\s+)?(?:конституциялык\s+)?(?:мыйзамы|мыйзамынын\s+долбоору|кодекси|токтому|жарлыгы)|проект\s+закона)\.?$/;
/** A line that only names the kind of act: «ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ», «Кыргыз Республикасынын Мыйзамынын долбоору». */
export function isKindLine(t: string): boolean {
  return t.length <= 80 && KIND_LINE.test(t.toLowerCase());
}

const PLACE = /^(?:г\.\s*[\u0400-\u04FF]+|город\s+[\u0400-\u04FF]+|[\u0400-\u04FF]+\s+шаары|Бишкек|Москва,\s*Кремль|Bishkek)[.,]?$/;
const ADOPTION = /^(?:Принят|Одобрен|Вносится|Внесен|Adopted|Approved)(?![\u0400-\u04FFA-Za-z])|кабыл\s+алынган|жактырылган/;
const DATE_LINE = /^(?:от\s+)?\d{1,2}\s+[\u0400-\u04FFA-Za-z]+\s+\d{4}|^\d{4}\s*-\s*жыл|^(?:№|N)\s*\d|^(?:от|dated)\s/;

/** A line that belongs in the header block after the title: adoption, place, date and number lines. */
export function isHeaderLike(t: string): boolean {
  if (isDraftMark(t) || isTitleLine(t) || isKindLine(t) || PLACE.test(t) || ADOPTION.test(t) || DATE_LINE.test(t)) return true;
  if (t.length <= 120 && findDate(t) !== null) return true;
  return t.length <= 200 && isUpperCaseLine(t);
}

// «Президент Кыргызской Республики С.Жапаров», «Кыргыз Республикасынын Президенти», «Торага».
const SIGNATURE_START =
  /^(?:Президент|Председатель|Торага|Төрага|Спикер|President|Chairman|Speaker)(?:\s|$)|^Глава\s+(?:Республики|Администрации|администрации|[А-ЯЁ][а-яё]+(?:ской|ского)\s+(?:области|края|района|республики))(?:\s|$)|^Кыргыз\s+Республикасынын\s+(?:Президенти|Жогорку\s+Кеңешинин\s+Төрагасы)|^(?:г\.\s*Бишкек|Бишкек\s+шаары|Bishkek)(?![\u0400-\u04FFA-Za-z])/;
export function isSignatureStart(t: string): boolean {
  // A sentence of the last article («Председатель комиссии назначается …») ends with a stop; a signature does not.
  return t.length <= 90 && SIGNATURE_START.test(t) && !/[.;:,]$/.test(t);
}

const AMENDMENT_TITLE =
  /(?:О|Об)\s+внесении\s+(?:изменени|дополнени)|(?:өзгөртүү|толуктоо)[\u0400-\u04FF]*\s+(?:жөнүндө|тууралуу?)|О\s+признании\s+утратившим|О ВНЕСЕНИИ|өзгөртүү[\u0400-\u04FF]*\s+(?:жана\s+толуктоо[\u0400-\u04FF]*\s+)?киргизүү|толуктоо[\u0400-\u04FF]*\s+киргизүү|күчүн\s+жоготту\s+деп\s+табуу|ӨЗГӨРТҮҮ|\b[Aa]mend(?:ing|ments?)\b|AMEND/;
const CONSTITUTIONAL = /КОНСТИТУЦИОННЫЙ\s+ЗАКОН|[Кк]онституционный\s+[Зз]акон|КОНСТИТУЦИЯЛЫК\s+МЫЙЗАМ|[Кк]онституциялык\s+[Мм]ыйзам|CONSTITUTIONAL\s+LAW|Constitutional\s+Law/;
const CODE = /(?:КОДЕКС|Кодекс|CODE|Code)(?![\u0400-\u04FFA-Za-z])|КОДЕКСИ/;
const DECREE = /(?:^|\s)(?:УКАЗ|ЖАРЛЫГЫ|DECREE)(?:\s|$)/;
const RESOLUTION = /(?:^|\s)(?:ПОСТАНОВЛЕНИЕ|ТОКТОМУ|RESOLUTION)(?:\s|$)/;
const LAW = /(?:^|\s)(?:ЗАКОН|МЫЙЗАМЫ|МЫЙЗАМ|LAW|Law)(?:\s|$)/;
const NOTE_LINE = /^\(/;
/** «Кодекс Кыргызской Республики», «Гражданский кодекс Кыргызской Республики»: a code's title in any case. */
const CODE_TITLE = /^(?:[А-ЯЁ][а-яё]+\s+)?(?:Кодекс|кодекс|КОДЕКС)\s+(?:Кыргызской|КЫРГЫЗСКОЙ)|^(?:Кыргыз|КЫРГЫЗ)\s+(?:Республикасынын|РЕСПУБЛИКАСЫНЫН)\s+(?:[А-ЯӨҮҢ][а-яөүң]+\s+)?(?:кодекси|Кодекси|КОДЕКСИ)$/;
/** A code's title line (of any case), so the line after it may continue it («… / о правонарушениях»). */
export function isCodeTitleLine(t: string): boolean {
  return t.length <= 200 && CODE_TITLE.test(t);
}

const TITLE_CONTINUATION = /^[«"„“а-яёөүңa-z]/;
/** The second line of a title printed over two («в Закон Кыргызской Республики "О …"»). */
export function isTitleContinuation(t: string): boolean {
  return t.length <= 300 && TITLE_CONTINUATION.test(t) && !isHeaderSpecial(t);
}
/** A header line that can be the beginning of a title printed over several lines. */
function isTitleHead(t: string): boolean {
  return t.length <= 300 && !isHeaderSpecial(t) && !isUpperCaseLine(t) && !isKindLine(t) && !isTitleLine(t) && !/[.:;]$/.test(t) && findDate(t) === null;
}

function isHeaderSpecial(t: string): boolean {
  return isDraftMark(t) || PLACE.test(t) || ADOPTION.test(t) || DATE_LINE.test(t) || t.length > 400;
}

export interface HeaderMeta {
  actKind: ActKind;
  title: string | null;
  date: string | null;
  number: string | null;
  isDraft: boolean;
  amendedActs: string[];
}

/** Reads the act's meta from the header lines, with the signature block as a fallback for date and number. */
export function readHeaderMeta(header: readonly string[], signature: readonly string[]): HeaderMeta {
  const lines = header.filter((t) => !NOTE_LINE.test(t));
  const isDraft = lines.some(isDraftMark);
  let titleLine = lines.findIndex(isTitleLine);
  if (titleLine < 0) titleLine = lines.findIndex((t) => (CODE.test(t) && isUpperCaseLine(t)) || isCodeTitleLine(t));
  // A Kyrgyz title ends with «жөнүндө» and may begin lines before: «"… жөнүндө" Кыргыз» / «Республикасынын
  // Мыйзамына өзгөртүүлөрдү» / «киргизүү жөнүндө».
  let titleStart = titleLine;
  while (titleStart > 0 && TITLE_KY.test(lines[titleLine]!) && !TITLE_RU.test(lines[titleStart]!) && isTitleHead(lines[titleStart - 1]!)) titleStart--;
  let title = titleLine < 0 ? null : lines.slice(titleStart, titleLine + 1).join(' ');
  // A title that runs over the next line: «О внесении изменений» / «в Закон Кыргызской Республики "О …"».
  for (let i = titleLine + 1; title !== null && i < lines.length && isTitleContinuation(lines[i]!); i++)
    title = `${title} ${lines[i]!}`;

  let actKind: ActKind = 'other';
  const kindText = lines.filter((t) => !ADOPTION.test(t)).join('\n');
  if (title !== null && AMENDMENT_TITLE.test(title)) actKind = 'amendment_law';
  else if (CONSTITUTIONAL.test(kindText)) actKind = 'constitutional_law';
  else if (lines.some((t) => CODE.test(t) && isUpperCaseLine(t)) || (title !== null && CODE.test(title) && !TITLE_RU.test(title)))
    actKind = 'code';
  else if (DECREE.test(kindText)) actKind = 'decree';
  else if (RESOLUTION.test(kindText)) actKind = 'resolution';
  else if (LAW.test(kindText) || (title !== null && /Мыйзам/u.test(title))) actKind = 'law';

  // The act's own date and number, not the adoption date («Принят … 31 марта 2020 года»).
  let date: string | null = null;
  let number: string | null = null;
  // Lines after the title first: a warning above it («ВНИМАНИЕ! Изменения, внесенные Законом … № 109»)
  // names another act's date and number.
  const ordered = titleLine < 0 ? lines : [...lines.slice(titleLine + 1), ...lines.slice(0, titleLine)];
  for (const t of [...ordered.filter((l) => !ADOPTION.test(l)), ...signature]) {
    date ??= findDate(t);
    number ??= ACT_NUMBER.exec(t)?.[1] ?? null;
    if (date !== null && number !== null) break;
  }

  return { actKind, title, date, number, isDraft, amendedActs: title !== null && actKind === 'amendment_law' ? actsNamedInTitle(title) : [] };
}

const RU_AMENDED = /(?:изменени[а-я]*|дополнени[а-я]*)(?:\s+и\s+(?:изменени|дополнени)[а-я]*)?\s+в\s+(.+?)\.?$/;
const KY_AMENDED = /^(.+?)\s+(?:өзгөртүү|толуктоо)/;
const SOME_ACTS = /^(?:отдельные|некоторые)\s/;

/** «О внесении изменений в Закон КР "О …"» → ["О …"]; unquoted «в Уголовный кодекс …» as printed. */
export function actsNamedInTitle(title: string): string[] {
  const quoted = findQuotedSpans(title).map((s) => s.inner.trim()).filter((s) => s.length > 0);
  if (quoted.length > 0) return quoted;
  const ru = RU_AMENDED.exec(title);
  if (ru && !SOME_ACTS.test(ru[1]!)) return [ru[1]!.trim()];
  const ky = KY_AMENDED.exec(title);
  if (ky && !/^(?:Кыргыз Республикасынын\s+)?(?:айрым|кээ\s+бир)/.test(ky[1]!)) return [ky[1]!.trim()];
  return [];
}
