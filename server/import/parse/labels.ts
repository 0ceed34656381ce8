import type { Lang } from '../../../shared/i18n/lang';
import { ordinalPhraseValue } from './numbering';

/**
 * Human labels of units in the draft's own language, as a lawyer cites them:
 * «Статья 15, часть 2, пункт 4» / «15-берене, 2-бөлүк, 4-пункт» / «Article 15(2)(4)».
 */

/** What a label piece names; amendment instructions are labelled by their structural marker. */
export type LabelUnit =
  | 'header'
  | 'preamble'
  | 'signature'
  | 'division'
  | 'section'
  | 'subsection'
  | 'chapter'
  | 'subchapter'
  | 'subheading'
  | 'article'
  | 'annex'
  | 'part'
  | 'item'
  | 'subitem'
  | 'indent'
  | 'roman'
  | 'note'
  | 'remark'
  | 'text'
  | 'line';

type Piece = (n: string) => string;

/** A heading number in words reads in lower case inside a label («ГЛАВА ВТОРАЯ» → «Глава вторая»). */
function asWords(n: string): string {
  return ordinalPhraseValue(n.replace(/-\d.*$/, '')) !== null ? n.toLocaleLowerCase() : n;
}
/** Kyrgyz prints a number in digits with a hyphen («3-глава»), a Roman numeral or a word with a space («I глава», «биринчи глава»). */
function ky(n: string, word: string): string {
  return /^\d/.test(n) ? `${n}-${word}` : `${asWords(n)} ${word}`;
}

const RU: Record<LabelUnit, Piece> = {
  header: () => 'Заголовок',
  preamble: () => 'Преамбула',
  signature: () => 'Подписи',
  division: (n) => `Часть ${n}`,
  section: (n) => `Раздел ${asWords(n)}`,
  subsection: (n) => `Подраздел ${asWords(n)}`,
  chapter: (n) => `Глава ${asWords(n)}`,
  subchapter: (n) => `Параграф ${n}`,
  subheading: (n) => `§ ${n}`,
  article: (n) => `Статья ${n}`,
  annex: (n) => (n ? `Приложение ${n}` : 'Приложение'),
  part: (n) => `часть ${n}`,
  item: (n) => `пункт ${n}`,
  subitem: (n) => `подпункт ${n}`,
  indent: (n) => `абзац ${n}`,
  roman: (n) => `подпункт ${n}`,
  note: (n) => (n === '1' ? 'справка' : `справка ${n}`),
  remark: () => 'примечание',
  text: (n) => `текст ${n}`,
  line: (n) => `строка ${n}`,
};

const KY: Record<LabelUnit, Piece> = {
  header: () => 'Аталышы',
  preamble: () => 'Преамбула',
  signature: () => 'Кол тамгалар',
  division: (n) => `${n}-бөлүк`,
  section: (n) => `${asWords(n)} бөлүм`,
  subsection: (n) => ky(n, 'бөлүмчө'),
  chapter: (n) => ky(n, 'глава'),
  subchapter: (n) => `${n}-параграф`,
  subheading: (n) => `§ ${n}`,
  article: (n) => `${n}-берене`,
  annex: (n) => (n ? `${n}-тиркеме` : 'Тиркеме'),
  part: (n) => `${n}-бөлүк`,
  item: (n) => `${n}-пункт`,
  subitem: (n) => `«${n}» пунктчасы`,
  indent: (n) => `${n}-абзац`,
  roman: (n) => `«${n}» пунктчасы`,
  note: (n) => (n === '1' ? 'маалымдама' : `${n}-маалымдама`),
  remark: () => 'эскертүү',
  text: (n) => `${n}-текст`,
  line: (n) => `${n}-сап`,
};

const EN: Record<LabelUnit, Piece> = {
  header: () => 'Header',
  preamble: () => 'Preamble',
  signature: () => 'Signatures',
  division: (n) => `Part ${n}`,
  section: (n) => `Section ${n}`,
  subsection: (n) => `Subsection ${n}`,
  chapter: (n) => `Chapter ${n}`,
  subchapter: (n) => `Paragraph ${n}`,
  subheading: (n) => `§ ${n}`,
  article: (n) => `Article ${n}`,
  annex: (n) => (n ? `Annex ${n}` : 'Annex'),
  part: (n) => `(${n})`,
  item: (n) => `(${n})`,
  subitem: (n) => `(${n})`,
  indent: (n) => `paragraph ${n}`,
  roman: (n) => `(${n})`,
  note: (n) => (n === '1' ? 'note' : `note ${n}`),
  remark: () => 'remark',
  text: (n) => `text ${n}`,
  line: (n) => `line ${n}`,
};

const PIECES: Record<Lang, Record<LabelUnit, Piece>> = { ru: RU, ky: KY, en: EN };

export function labelPiece(lang: Lang, unit: LabelUnit, number: string): string {
  return PIECES[lang][unit](number);
}

/** Appends a sub-unit's piece to its parent's label: «Статья 15» + «часть 2» → «Статья 15, часть 2». */
export function joinLabel(lang: Lang, parent: string, unit: LabelUnit, piece: string): string {
  if (parent === '') return capitalise(piece);
  if (lang === 'en' && (unit === 'part' || unit === 'item' || unit === 'subitem' || unit === 'roman')) return parent + piece;
  return `${parent}, ${piece}`;
}

/** The label of quoted new text inside an instruction: «Статья 2, пункт 5: «Статья 112»». */
export function quotedLabel(lang: Lang, instruction: string, inner: string): string {
  return lang === 'en' ? `${instruction}: "${inner}"` : `${instruction}: «${inner}»`;
}

/** «ОБЩАЯ ЧАСТЬ» → «Общая часть»: divisions are named, not numbered. */
export function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase();
  return lower.charAt(0).toLocaleUpperCase() + lower.slice(1);
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
