import type { SourceFormat, ImportRepair, ImportWarning } from '../../shared/import-report';

/**
 * The contract between the format readers (DOCX, HTML, text) and the structure parser: a draft is a
 * sequence of paragraphs of plain text. Readers resolve everything format-specific — Word's automatic
 * numbering becomes the printed text ("Статья 5."), HTML entities are decoded, scripts are gone —
 * so the parser sees exactly what a reader of the printed draft sees.
 */
export interface SourceParagraph {
  /** The paragraph's text as printed, NFC, without the trailing line break. */
  text: string;
  /** 1-based paragraph number in the source, for the import report. */
  line: number;
  /** Style hints the parser may use to break ties; never required. */
  hints?: {
    /** Word paragraph style id or HTML tag: 'Heading1', 'h2', 'Title' … */
    style?: string;
    bold?: boolean;
    centered?: boolean;
  };
}

export interface SourceDocument {
  format: SourceFormat;
  encoding?: string;
  paragraphs: SourceParagraph[];
  /** Things a reader dropped or could not carry over (scripts removed, images ignored). */
  warnings: ImportWarning[];
  /** What a reader repaired: the lines of a hard-wrapped text joined into paragraphs. Absent when none. */
  repairs?: ImportRepair[];
}
