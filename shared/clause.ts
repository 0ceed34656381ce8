import type { Lang } from './i18n/lang';
import type { ClauseId } from './ids';

/**
 * Kinds of structural units of a normative act, from the header block down to an indent.
 * RU / KY names: division = ОБЩАЯ/ОСОБЕННАЯ ЧАСТЬ (ЖАЛПЫ/ӨЗГӨЧӨ БӨЛҮК); section = Раздел (бөлүм);
 * subsection = Подраздел; chapter = Глава; subchapter = Параграф; article = Статья (берене);
 * part = часть (бөлүк); item = пункт; subitem = подпункт (пунктча); indent = абзац or dash-list entry.
 */
export const CLAUSE_KINDS = [
  'header', // kind of act, title, date and number, the draft mark
  'preamble',
  'division',
  'section',
  'subsection',
  'chapter',
  'subchapter',
  'article',
  'part',
  'item',
  'subitem',
  'indent',
  'amendment', // one amendment instruction of an amendment law
  'signature',
  'note', // editorial note: «(В редакции Закона …)», «(Утратила силу …)» standing alone
  'text', // a line the parser kept without recognising it; listed in the import report
] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/**
 * The units that group articles, largest first: a code's ОБЩАЯ ЧАСТЬ, Раздел, Подраздел, Глава,
 * Параграф. The one definition of "a heading above the articles" for the parser's checks, the
 * outlines and the documents.
 */
export const GROUPING_KINDS = ['division', 'section', 'subsection', 'chapter', 'subchapter'] as const satisfies readonly ClauseKind[];
export type GroupingKind = (typeof GROUPING_KINDS)[number];

export function isGroupingKind(kind: string): kind is GroupingKind {
  return (GROUPING_KINDS as readonly string[]).includes(kind);
}

/**
 * The depth of each unit in the outline beside the draft: the groups, then the articles (whose parts
 * and items are not listed). A section and a code's division share a level: a code has one or the other.
 */
export const OUTLINE_LEVEL: Readonly<Partial<Record<ClauseKind, number>>> = { division: 1, section: 1, subsection: 2, chapter: 2, subchapter: 3, article: 3 };

/** The units an outline of a whole act lists (the import's report adds the header, preamble, amendments and signature). */
export const OUTLINE_KINDS: ReadonlySet<ClauseKind> = new Set<ClauseKind>(['header', 'preamble', ...GROUPING_KINDS, 'article', 'amendment', 'signature']);

export const ACT_KINDS = ['code', 'law', 'amendment_law', 'constitutional_law', 'decree', 'resolution', 'other'] as const;
export type ActKind = (typeof ACT_KINDS)[number];

/** What an amendment instruction does to its target. */
export const AMENDMENT_OPERATIONS = ['replace_words', 'supplement', 'restate', 'exclude', 'repeal', 'other'] as const;
export type AmendmentOperation = (typeof AMENDMENT_OPERATIONS)[number];

/** The unit an amendment instruction changes, as far as the text names it. */
export interface AmendmentTarget {
  /** The amended act's title as quoted («О …»), when the instruction or its parents name it. */
  act?: string;
  article?: string;
  part?: string;
  item?: string;
  subitem?: string;
  /** «абзац второй» and the like, kept as printed. */
  paragraph?: string;
}

/**
 * Where inserted or removed words stand, named by the words next to them: «после слов "X"» / «"X" деген
 * сөздөрдөн кийин» (after), «перед словами "X"» / «… мурда» (before). A position, never the old or new words.
 */
export interface AmendmentAnchor {
  position: 'after' | 'before';
  words: string;
}

export interface AmendmentInfo {
  operation: AmendmentOperation;
  target: AmendmentTarget;
  /** Words that are replaced or excluded, without quotes (several joined by «; »). */
  oldWords?: string;
  /** Words or text that are inserted or restated, without quotes (several insertions joined by «; »). */
  newWords?: string;
  /** For a supplement, the unit it adds as printed: «частью 19», «подпунктами "а1" и "а2"», «4-бөлүк». */
  added?: string;
  /** Where the words go or which words they follow or precede, when the instruction says so. */
  anchor?: AmendmentAnchor;
  /** One instruction that inserts in several places («дополнить словами "А", а также словами "Б"»): each, in order. */
  insertions?: Array<{ words: string; anchor?: AmendmentAnchor }>;
}

/** One structural unit of the draft. `text` is the unit's own line as printed, children follow it. */
export interface Clause {
  id: ClauseId;
  kind: ClauseKind;
  /**
   * Number as printed without decoration: "15", "12-1", "21¹", "2", "а", "IV", "первая". Null when unnumbered.
   * Where the source flattened a superscript («Статья 161» for 16¹) this is the number restored ("16¹") and
   * `printedNumber` keeps what was printed.
   */
  number: string | null;
  /** The number as the source printed it, present only when the import restored another (`number`). */
  printedNumber?: string;
  /** Human label in the draft's language: "Статья 15, часть 2" / "15-берене, 2-бөлүк" / "Article 15(2)". */
  label: string;
  /** Heading of an article, chapter, section ("Основные понятия"), when it has one. */
  title?: string;
  /** The unit's own text as printed, including its number marker ("1. Текст части …"). */
  text: string;
  /** Marked «Утратила силу» / «Күчүн жоготту»: kept, never dropped. */
  repealed?: boolean;
  amendment?: AmendmentInfo;
  /**
   * Part of the new text an amendment instruction inserts («… следующего содержания: "Статья 5. …"»):
   * a child of that instruction, never a unit of the amending act itself.
   */
  quoted?: boolean;
  children: Clause[];
  /** 1-based line in the imported source where the unit starts, for the import report. */
  line?: number;
}

export interface ActMeta {
  language: Lang;
  actKind: ActKind;
  title: string | null;
  /** "17 октября 2008 года", as printed. */
  date: string | null;
  number: string | null;
  /** The draft mark «Проект» / «Долбоор» / "Draft" was present. */
  isDraft: boolean;
  /** For amendment laws: the act(s) they amend, as quoted in the title. */
  amendedActs?: string[];
}

export interface ClauseTree {
  meta: ActMeta;
  clauses: Clause[];
}

/** Visits every clause depth-first in document order. */
export function* walkClauses(clauses: readonly Clause[], parents: readonly Clause[] = []): Generator<[Clause, readonly Clause[]]> {
  for (const clause of clauses) {
    yield [clause, parents];
    yield* walkClauses(clause.children, [...parents, clause]);
  }
}

export function findClause(tree: ClauseTree, id: string): Clause | undefined {
  for (const [clause] of walkClauses(tree.clauses)) if (clause.id === id) return clause;
  return undefined;
}
