import {
  AlignmentType,
  Footer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type IStylesOptions,
  type ISectionPropertiesOptions,
} from 'docx';

/**
 * What every exported DOCX shares: A4, Times New Roman 14 pt in the document's language (Word's
 * spelling and hyphenation follow the run language), headings in the same face, "page X of Y".
 */

export const FONT = 'Times New Roman';
/** Half-points: 28 = 14 pt body text, 24 = 12 pt in tables (the usual size of a comparative table). */
export const BODY_SIZE = 28;
export const TABLE_SIZE = 24;

const A4 = { width: 11906, height: 16838 };
/** Office-paper margins (ГОСТ Р 7.0.97 habit in the region): left 30 mm, right 15 mm, top/bottom 20 mm. */
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };

/** Paragraph styles of table cells (12 pt): text, centred (the № column), the header row. */
export const TABLE_STYLES = { text: 'TableText', center: 'TableCentered', head: 'TableHeading' } as const;

export function textWidth(orientation: 'portrait' | 'landscape'): number {
  const width = orientation === 'portrait' ? A4.width : A4.height;
  return width - MARGIN.left - MARGIN.right;
}

export function documentStyles(languageTag: string): IStylesOptions {
  const heading = (id: string, name: string, size: number, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: '000000', language: { value: languageTag } },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, ...(alignment ? { alignment } : {}) },
  });
  // Table cells take their look from styles, not from properties on each paragraph and run: a table
  // of 500 findings has thousands of cell paragraphs, and every property is XML the packer must build.
  const table = (id: string, name: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false) => ({
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { size: TABLE_SIZE, ...(bold ? { bold: true } : {}) },
    paragraph: { alignment, spacing: { after: 60, line: 240 } },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: BODY_SIZE, language: { value: languageTag } },
        paragraph: { spacing: { after: 120, line: 276 }, alignment: AlignmentType.JUSTIFIED },
      },
    },
    paragraphStyles: [
      heading('Heading1', 'Heading 1', BODY_SIZE, AlignmentType.CENTER),
      heading('Heading2', 'Heading 2', BODY_SIZE),
      heading('Heading3', 'Heading 3', BODY_SIZE),
      table(TABLE_STYLES.text, 'Table Text', AlignmentType.LEFT),
      table(TABLE_STYLES.center, 'Table Centered', AlignmentType.CENTER),
      table(TABLE_STYLES.head, 'Table Heading', AlignmentType.CENTER, true),
    ],
  };
}

/**
 * The footer's "стр. X из Y": the label's `{current}` and `{total}` become PAGE and NUMPAGES fields,
 * wherever the language puts them («{total} беттин {current}-бети»).
 */
export function pageFooter(label: string): Footer {
  const children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]> = [];
  for (const part of label.split(/(\{current\}|\{total\})/)) {
    if (part === '{current}') children.push(PageNumber.CURRENT);
    else if (part === '{total}') children.push(PageNumber.TOTAL_PAGES);
    else if (part) children.push(part);
  }
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children, size: TABLE_SIZE })] })],
  });
}

export function pageProperties(orientation: 'portrait' | 'landscape'): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: A4.width, height: A4.height, orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
      margin: MARGIN,
    },
  };
}
