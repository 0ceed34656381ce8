import {
  AlignmentType,
  Footer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SimpleField,
  TextRun,
  type IStylesOptions,
  type ISectionPropertiesOptions,
  type ParagraphChild,
} from 'docx';
import { A4, BODY_SIZE, FIRST_LINE_INDENT, MARGIN, TABLE_SIZE, textWidth, type Orientation } from '../../shared/conclusion/page-geometry';

/**
 * What every exported DOCX shares: A4, Times New Roman 14 pt in the document's language (Word's
 * spelling and hyphenation follow the run language), headings in the same face, "page X of Y". The
 * page's numbers are in shared/conclusion/page-geometry.ts, which the page-count estimate reads too.
 */

export const FONT = 'Times New Roman';
export { BODY_SIZE, TABLE_SIZE, textWidth };

const FOOTER_STYLE = 'Footer';

/** Paragraph styles of table cells (12 pt): text, centred (the № column), the header row. */
export const TABLE_STYLES = { text: 'TableText', center: 'TableCentered', head: 'TableHeading' } as const;

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface StyleOptions {
  /**
   * An official letter's paragraphs start with a 1.25 cm indent. Headings, table cells and the
   * footer are set back to none. The working copy (the draft's own text) has no indent.
   */
  firstLineIndent?: boolean;
}

export function documentStyles(languageTag: string, options: StyleOptions = {}): IStylesOptions {
  const noIndent = options.firstLineIndent ? { indent: { firstLine: 0 } } : {};
  const heading = (id: string, name: string, size: number, alignment?: Alignment) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: '000000', language: { value: languageTag } },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, ...noIndent, ...(alignment ? { alignment } : {}) },
  });
  // Table cells take their look from styles, not from properties on each paragraph and run: a table
  // of 500 findings has thousands of cell paragraphs, and every property is XML the packer must build.
  const table = (id: string, name: string, alignment: Alignment, bold = false) => ({
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { size: TABLE_SIZE, ...(bold ? { bold: true } : {}) },
    paragraph: { alignment, spacing: { after: 60, line: 240 }, ...noIndent },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: BODY_SIZE, language: { value: languageTag } },
        paragraph: {
          spacing: { after: 120, line: 276 },
          alignment: AlignmentType.JUSTIFIED,
          ...(options.firstLineIndent ? { indent: { firstLine: FIRST_LINE_INDENT } } : {}),
        },
      },
    },
    paragraphStyles: [
      heading('Heading1', 'Heading 1', BODY_SIZE, AlignmentType.CENTER),
      heading('Heading2', 'Heading 2', BODY_SIZE),
      heading('Heading3', 'Heading 3', BODY_SIZE),
      table(TABLE_STYLES.text, 'Table Text', AlignmentType.LEFT),
      table(TABLE_STYLES.center, 'Table Centered', AlignmentType.CENTER),
      table(TABLE_STYLES.head, 'Table Heading', AlignmentType.CENTER, true),
      // The footer's line (its page count may be a field whose cached number is a run of its own).
      { id: FOOTER_STYLE, name: 'Footer', basedOn: 'Normal', run: { size: TABLE_SIZE }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 }, ...noIndent } },
    ],
  };
}

/**
 * The count in the footer's "of Y": the document's pages (NUMPAGES), or — for a document whose annex
 * numbers its own pages — the page number of a bookmark at the end of this part (PAGEREF), with the
 * estimate the word processor shows until it counts.
 */
export type PageTotal = { kind: 'document' } | { kind: 'bookmark'; bookmark: string; estimate: number };

/**
 * The footer's "стр. X из Y": the label's `{current}` becomes the PAGE field and `{total}` the count,
 * wherever the language puts them («{total} беттин {current}-бети»).
 */
export function pageFooter(label: string, total: PageTotal = { kind: 'document' }): Footer {
  const parts = label.split(/(\{current\}|\{total\})/).filter(Boolean);
  if (total.kind === 'document') {
    const children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]> = parts.map((part) =>
      part === '{current}' ? PageNumber.CURRENT : part === '{total}' ? PageNumber.TOTAL_PAGES : part,
    );
    return new Footer({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children, size: TABLE_SIZE })] })],
    });
  }
  // The footer's style sets the size and takes back the letter's first-line indent, so the label is centred.
  const children: ParagraphChild[] = parts.map((part) =>
    part === '{current}'
      ? new TextRun({ children: [PageNumber.CURRENT] })
      : part === '{total}'
        ? new SimpleField(`PAGEREF ${total.bookmark} \\h`, String(total.estimate))
        : new TextRun(part),
  );
  return new Footer({ children: [new Paragraph({ style: FOOTER_STYLE, children })] });
}

export function pageProperties(orientation: Orientation, options: { restartNumbering?: boolean } = {}): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: A4.width, height: A4.height, orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
      margin: MARGIN,
      ...(options.restartNumbering ? { pageNumbers: { start: 1 } } : {}),
    },
  };
}
