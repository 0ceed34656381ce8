import type { ActKind, ClauseKind } from './clause';
import type { I18nText, Lang } from './i18n/lang';

export type SourceFormat = 'docx' | 'html' | 'text';

export type ImportWarningCode =
  | 'numbering_gap' // «Статья 5» follows «Статья 3»
  | 'numbering_duplicate' // two «Статья 5» at the same level
  | 'unrecognised_line' // kept as a 'text' clause inside its parent
  | 'encoding_guessed' // plain text that was not valid UTF-8, decoded as Windows-1251
  | 'content_removed' // scripts, event handlers, javascript: links, embedded objects dropped from HTML/DOCX
  | 'feature_ignored'; // images, tracked changes, comments of the source

export interface ImportWarning {
  code: ImportWarningCode;
  message: I18nText;
  /** 1-based line (paragraph) of the source, the clause it lies in and that clause's label. */
  location: { line?: number; clauseId?: string; label?: string };
}

export type ImportRepairCode =
  | 'number_restored' // «Статья 161» between 16 and 17 read as 16¹: a superscript the source printed inline
  | 'lines_joined' // physical lines of one paragraph joined (hard-wrapped text, a note split over lines)
  | 'heading_joined'; // a heading's title continued on the next line(s), taken into the title

/**
 * Something the import changed in how it reads the source, so the secretary can check it: the text itself
 * is never changed, only how it is cut and numbered. Located like a warning.
 */
export interface ImportRepair {
  code: ImportRepairCode;
  message: I18nText;
  /** The source line the repair is about, the clause it lies in and that clause's label. */
  location: { line?: number; clauseId?: string; label?: string };
}

/** What the secretary sees after an import: what was found, and everything that deserves a look. */
export interface ImportReport {
  format: SourceFormat;
  /** For plain text: 'utf-8' or 'windows-1251'. */
  encoding?: string;
  language: Lang;
  actKind: ActKind;
  isDraft: boolean;
  title: string | null;
  counts: Partial<Record<ClauseKind, number>>;
  warnings: ImportWarning[];
  /** Every repair the import made (superscripts restored, lines and headings joined), in source order; absent when none. */
  repairs?: ImportRepair[];
  /** Source size after extraction. */
  paragraphs: number;
  characters: number;
  durationMs: number;
}
