import type { Lang } from '../i18n/lang';
import type { SectionId } from './strings';

/**
 * The conclusion as plain data, already in one language and already cleaned: what the DOCX builders
 * and the HTML preview render, each in its own way, so the preview shows exactly what is exported.
 * Multi-line texts are arrays of paragraphs.
 */
export interface ConclusionDocument {
  lang: Lang;
  /** BCP-47 tag for the document's spelling language ("ru-RU"). */
  languageTag: string;
  /** Footer label with `{current}` and `{total}` placeholders. */
  pageLabel: string;
  issuer: { name: string; secretariat: string };
  /** «Исх. № 12 от 20.11.2026», when known. */
  outgoing: string | null;
  /** The addressee block as typed: committee, then chair. */
  addressee: string[];
  title: string;
  sections: ConclusionSection[];
}

interface SectionBase<K extends string, I extends SectionId> {
  kind: K;
  id: I;
  /** Numbered heading: "1. Общие сведения". */
  heading: string;
}

export interface LabelledValue {
  label: string;
  value: string[];
}

export interface CriterionAnalysis {
  criterionId: string;
  /** "C2. Прямая дискриминация". */
  title: string;
  paragraphs: string[];
  /** True when the text was composed from answers and findings because the secretary left it empty. */
  prefilled: boolean;
}

export interface ComparativeRow {
  number: number;
  findingId: string;
  clauseId: string;
  clauseLabel: string;
  clauseText: string[];
  proposed: string[];
  justification: string[];
}

export interface ComparativeTable {
  headers: [number: string, unit: string, draft: string, proposed: string, justification: string];
  rows: ComparativeRow[];
  /** Shown instead of the rows when there are none. */
  emptyText: string;
}

export interface Signatory {
  name: string;
  position: string;
}

export type ConclusionSection =
  | (SectionBase<'fields', 'general'> & { fields: LabelledValue[] })
  | (SectionBase<'text', 'summary' | 'relevance' | 'verdict' | 'recommendations'> & { paragraphs: string[] })
  | (SectionBase<'criteria', 'analysis'> & { criteria: CriterionAnalysis[] })
  | (SectionBase<'table', 'table'> & { table: ComparativeTable })
  | (SectionBase<'signatures', 'signatures'> & { signatories: Signatory[]; signatureLine: string; date: string | null })
  | (SectionBase<'list', 'annexes'> & { items: string[] });
