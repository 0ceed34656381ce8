import type { Lang } from '../i18n/lang';
import type { ReadingTable } from './later-reading';
import type { SectionId } from './strings';

/**
 * The conclusion as plain data, already in one language and already cleaned: what the DOCX builders
 * and the HTML preview render, each in its own way, so the preview shows exactly what is exported.
 * Multi-line texts are arrays of paragraphs.
 *
 * Its shape is an official letter's: header (issuer, outgoing number, the request it answers,
 * addressee), title, numbered body sections with the verdict early, the list of annexes, the
 * signatures; then each annex on its own pages (the comparative table, landscape).
 */
export interface ConclusionDocument {
  lang: Lang;
  /** BCP-47 tag for the document's spelling language ("ru-RU"). */
  languageTag: string;
  /** Word hyphenates the body automatically (ru, ky: long words in justified lines). */
  hyphenate: boolean;
  /** Footer label with `{current}` and `{total}` placeholders. */
  pageLabel: string;
  issuer: { name: string; secretariat: string };
  /** «Исх. № 12 от 20.11.2026», when known. */
  outgoing: string | null;
  /** «На № 04-12/345 от 01.11.2026»: the committee's letter this one answers, when given. */
  request: string | null;
  /** The addressee block, in the dative: committee, then chair. */
  addressee: string[];
  title: string;
  sections: ConclusionSection[];
  /** «Приложение: …» before the signatures; null when nothing is annexed. */
  annexList: AnnexList | null;
  /** Null for the comparative table downloaded alone, which is signed with the conclusion. */
  signatures: SignatureBlock | null;
  /** The annexed comparative table, on landscape pages after the letter; null when it has no rows. */
  annex: TableAnnex | null;
}

interface SectionBase<K extends string, I extends SectionId> {
  kind: K;
  id: I;
  /** Numbered heading: "1. Общие сведения". Empty where the table stands alone. */
  heading: string;
}

export interface LabelledValue {
  label: string;
  value: string[];
}

export interface CriterionAnalysis {
  criterionId: string;
  /** The criterion's title in the document's language, without any internal code: «Прямая дискриминация». */
  title: string;
  /** «5.2. Прямая дискриминация» for an assessed criterion; null for one not assessed (listed by title only). */
  heading: string | null;
  paragraphs: string[];
  /** True when the text was composed from answers and findings because the secretary left it empty. */
  prefilled: boolean;
  /** Someone said something on it: an answer, a confirmed finding, or the secretary's own text. */
  assessed: boolean;
}

/** One structural unit of the draft and what the conclusion proposes for it. */
export interface ComparativeRow {
  number: number;
  /** The confirmed findings merged into this row, in the draft's order. */
  findingIds: string[];
  clauseId: string;
  clauseLabel: string;
  clauseText: string[];
  /** The committee form for an amendment law (issue 20): the unit as the amended act has it now. */
  currentText?: string[];
  proposed: string[];
  justification: string[];
}

export interface ComparativeTable {
  headers: [number: string, unit: string, draft: string, proposed: string, justification: string];
  /**
   * The KR committee form of an amendment law: «действующая редакция | редакция проекта | предлагаемая редакция
   * Альянса | обоснование» — this column's header, shown before the draft's; each row's currentText under it.
   */
  currentHeader?: string;
  rows: ComparativeRow[];
  /** Shown instead of the rows when there are none. */
  emptyText: string;
}

export interface Signatory {
  name: string;
  position: string;
}

export interface SignatureBlock {
  signatories: Signatory[];
  signatureLine: string;
}

/** An annex named in the list: typed by the secretary, or the comparative table with its page count. */
export type AnnexItem = { kind: 'text'; text: string } | { kind: 'table'; template: string; estimatedSheets: number };

export interface AnnexList {
  /** «Приложение:» / «Приложения:». */
  label: string;
  items: AnnexItem[];
}

export interface TableAnnex {
  /** «Приложение 1 к заключению № 17/ГЭ от 20.11.2026». */
  heading: string;
  title: string;
  table: ComparativeTable;
}

export type ConclusionSection =
  | (SectionBase<'fields', 'general'> & { fields: LabelledValue[] })
  | (SectionBase<'text', 'summary' | 'relevance' | 'verdict' | 'recommendations' | 'proposals'> & { paragraphs: string[] })
  | (SectionBase<'criteria', 'analysis'> & { criteria: CriterionAnalysis[]; notAssessed: string | null })
  | (SectionBase<'table', 'table'> & { table: ComparativeTable })
  | (SectionBase<'readings', 'readings'> & { paragraphs: string[]; table: ReadingTable | null });
