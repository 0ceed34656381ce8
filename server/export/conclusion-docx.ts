import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { ComparativeTable, ConclusionDocument, ConclusionSection } from '../../shared/conclusion/document';
import { documentStyles, pageFooter, pageProperties, TABLE_STYLES, textWidth } from './docx-frame';

type Orientation = 'portrait' | 'landscape';

/** A body paragraph: justified by the document's default, so only a different alignment is written. */
const para = (text: string, options: { bold?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    ...(options.alignment ? { alignment: options.alignment } : {}),
    children: [new TextRun(options.bold ? { text, bold: true } : text)],
  });

/** A table cell's paragraph: its look is all in the style. */
const cellPara = (text: string, style: string) => new Paragraph({ style, children: [new TextRun(text)] });

/** Cell widths as shares of the text width: № narrow, the two wordings widest. */
const COLUMN_SHARES = [0.06, 0.19, 0.26, 0.26, 0.23];

/**
 * The comparative table: a header row that repeats on every page (w:tblHeader), then one row per
 * confirmed finding. Rows may break across pages, since a restated article can be longer than a page.
 */
export function comparativeTable(table: ComparativeTable, orientation: Orientation): Table {
  const width = textWidth(orientation);
  const columnWidths = COLUMN_SHARES.map((share) => Math.floor(width * share));
  const cell = (paragraphs: readonly string[], column: number, head = false) => {
    const style = head ? TABLE_STYLES.head : column === 0 ? TABLE_STYLES.center : TABLE_STYLES.text;
    return new TableCell({
      width: { size: columnWidths[column]!, type: WidthType.DXA },
      children: (paragraphs.length ? paragraphs : ['']).map((text) => cellPara(text, style)),
    });
  };
  const header = new TableRow({ tableHeader: true, children: table.headers.map((h, i) => cell([h], i, true)) });
  const rows = table.rows.length
    ? table.rows.map(
        (r) =>
          new TableRow({
            children: [
              cell([String(r.number)], 0),
              cell([r.clauseLabel], 1),
              cell(r.clauseText, 2),
              cell(r.proposed, 3),
              cell(r.justification, 4),
            ],
          }),
      )
    : [
        new TableRow({
          children: [
            new TableCell({
              columnSpan: 5,
              width: { size: width, type: WidthType.DXA },
              children: [cellPara(table.emptyText, TABLE_STYLES.center)],
            }),
          ],
        }),
      ];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function sectionChildren(section: ConclusionSection, orientation: Orientation): FileChild[] {
  const out: FileChild[] = [];
  if (section.heading) out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
  switch (section.kind) {
    case 'fields':
      for (const field of section.fields) {
        const [first = '', ...rest] = field.value;
        out.push(
          new Paragraph({
            children: [new TextRun({ text: `${field.label}: `, bold: true }), new TextRun(first)],
          }),
        );
        for (const text of rest) out.push(para(text));
      }
      break;
    case 'text':
      for (const text of section.paragraphs) out.push(para(text));
      break;
    case 'criteria':
      for (const criterion of section.criteria) {
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(criterion.title)] }));
        for (const text of criterion.paragraphs) out.push(para(text));
      }
      break;
    case 'table':
      out.push(comparativeTable(section.table, orientation));
      break;
    case 'signatures': {
      const width = textWidth(orientation);
      for (const s of section.signatories)
        out.push(
          new Paragraph({
            spacing: { before: 360 },
            tabStops: [
              { type: TabStopType.CENTER, position: Math.floor(width * 0.6) },
              { type: TabStopType.RIGHT, position: width },
            ],
            children: [new TextRun(s.position), new TextRun({ text: `\t${section.signatureLine}\t` }), new TextRun(s.name)],
          }),
        );
      if (section.date) out.push(new Paragraph({ spacing: { before: 360 }, children: [new TextRun(section.date)] }));
      break;
    }
    case 'list':
      section.items.forEach((item, i) => out.push(para(`${i + 1}. ${item}`, { alignment: AlignmentType.LEFT })));
      break;
  }
  return out;
}

function headerBlock(doc: ConclusionDocument): FileChild[] {
  const out: FileChild[] = [
    para(doc.issuer.name, { bold: true, alignment: AlignmentType.CENTER }),
    para(doc.issuer.secretariat, { alignment: AlignmentType.CENTER }),
  ];
  if (doc.outgoing) out.push(para(doc.outgoing, { alignment: AlignmentType.LEFT }));
  for (const line of doc.addressee) out.push(para(line, { bold: true, alignment: AlignmentType.RIGHT }));
  return out;
}

/** Renders a built conclusion (or the table alone) as a DOCX document tree. */
export function conclusionDocx(doc: ConclusionDocument, orientation: Orientation = 'portrait'): Document {
  return new Document({
    creator: 'Tendik',
    title: doc.title,
    styles: documentStyles(doc.languageTag),
    sections: [
      {
        properties: pageProperties(orientation),
        footers: { default: pageFooter(doc.pageLabel) },
        children: [
          ...headerBlock(doc),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.title)] }),
          ...doc.sections.flatMap((s) => sectionChildren(s, orientation)),
        ],
      },
    ],
  });
}

export function packConclusion(doc: ConclusionDocument, orientation: Orientation = 'portrait'): Promise<Buffer> {
  return Packer.toBuffer(conclusionDocx(doc, orientation));
}
