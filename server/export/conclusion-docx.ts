import {
  AlignmentType,
  Bookmark,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  SimpleField,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type { AnnexList, ComparativeTable, ConclusionDocument, ConclusionSection, SignatureBlock } from '../../shared/conclusion/document';
import type { ReadingTable } from '../../shared/conclusion/later-reading';
import { estimateBodyPages } from '../../shared/conclusion/page-estimate';
import { COLUMN_SHARES, COMMITTEE_COLUMN_SHARES, type Orientation } from '../../shared/conclusion/page-geometry';
import { documentStyles, pageFooter, pageProperties, TABLE_STYLES, textWidth, type PageTotal } from './docx-frame';

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Bookmarks at the end of the letter and of its annex: their page numbers are the two parts' page counts. */
const LETTER_END = 'conclusion_end';
const ANNEX_END = 'annex1_end';

/** A body paragraph: justified, with the letter's first-line indent, by the document's defaults. */
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });

/** A line of the letter's header or closing: no first-line indent, aligned as given. */
const line = (children: ParagraphChild[] | string, options: { alignment?: Alignment; bold?: boolean; indentLeft?: number; keepNext?: boolean } = {}) =>
  new Paragraph({
    alignment: options.alignment ?? AlignmentType.LEFT,
    indent: { firstLine: 0, ...(options.indentLeft ? { left: options.indentLeft } : {}) },
    ...(options.keepNext ? { keepNext: true } : {}),
    children: typeof children === 'string' ? [new TextRun(options.bold ? { text: children, bold: true } : children)] : children,
  });

/** A table cell's paragraph: its look is all in the style. */
const cellPara = (text: string, style: string) => new Paragraph({ style, children: [new TextRun(text)] });

/**
 * The comparative table: a header row that repeats on every page (w:tblHeader), then one row per
 * structural unit. Rows may break across pages, since a restated article can be longer than a page.
 */
export function comparativeTable(table: ComparativeTable, orientation: Orientation): Table {
  const width = textWidth(orientation);
  const committee = table.currentHeader !== undefined;
  const columnWidths = (committee ? COMMITTEE_COLUMN_SHARES : COLUMN_SHARES).map((share) => Math.floor(width * share));
  const headers = committee ? [table.headers[0], table.headers[1], table.currentHeader!, ...table.headers.slice(2)] : [...table.headers];
  const cell = (paragraphs: readonly string[], column: number, head = false) => {
    const style = head ? TABLE_STYLES.head : column === 0 ? TABLE_STYLES.center : TABLE_STYLES.text;
    return new TableCell({
      width: { size: columnWidths[column]!, type: WidthType.DXA },
      children: (paragraphs.length ? paragraphs : ['']).map((text) => cellPara(text, style)),
    });
  };
  const header = new TableRow({ tableHeader: true, children: headers.map((h, i) => cell([h], i, true)) });
  const rows = table.rows.length
    ? table.rows.map(
        (r) =>
          new TableRow({
            children: committee
              ? [
                  cell([String(r.number)], 0),
                  cell([r.clauseLabel], 1),
                  cell(r.currentText ?? [], 2),
                  cell(r.clauseText, 3),
                  cell(r.proposed, 4),
                  cell(r.justification, 5),
                ]
              : [
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
              columnSpan: headers.length,
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

/**
 * The signatures as a letter sets them: position — signature line — name, one row each, in a table
 * without borders so the three line up, and which never breaks: no row splits, and every row keeps
 * with the next, so the block moves to the next page whole (with the list of annexes above it).
 */
function signatureTable(block: SignatureBlock): Table {
  const width = textWidth('portrait');
  const shares = [0.45, 0.25, 0.3];
  const widths = shares.map((s) => Math.floor(width * s));
  const last = block.signatories.length - 1;
  const cell = (text: string, column: number, keepNext: boolean) =>
    new TableCell({
      width: { size: widths[column]!, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: [AlignmentType.LEFT, AlignmentType.CENTER, AlignmentType.RIGHT][column]!,
          indent: { firstLine: 0 },
          spacing: { before: 360, after: 0 },
          ...(keepNext ? { keepNext: true } : {}),
          keepLines: true,
          children: [new TextRun(text)],
        }),
      ],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: block.signatories.map(
      (s, i) => new TableRow({ cantSplit: true, children: [cell(s.position, 0, i < last), cell(block.signatureLine, 1, i < last), cell(s.name, 2, i < last)] }),
    ),
  });
}

/** «Приложение: Сравнительная таблица … на N л.», the count a page reference to the annex's last page. */
function annexListChildren(list: AnnexList): Paragraph[] {
  const itemRuns = (item: AnnexList['items'][number]): ParagraphChild[] => {
    if (item.kind === 'text') return [new TextRun(item.text)];
    const [before = '', after = ''] = item.template.split('{sheets}');
    return [new TextRun(before), new SimpleField(`PAGEREF ${ANNEX_END} \\h`, String(item.estimatedSheets)), new TextRun(after)];
  };
  const first = new Paragraph({ spacing: { before: 240 }, indent: { firstLine: 0 }, keepNext: true, children: [new TextRun(`${list.label} `), ...(list.items.length === 1 ? itemRuns(list.items[0]!) : [])] });
  if (list.items.length === 1) return [first];
  return [first, ...list.items.map((item, i) => line([new TextRun(`${i + 1}. `), ...itemRuns(item)], { indentLeft: 709, keepNext: true }))];
}

/** Shares of the text width of the later reading's comparative form (earlier text, this reading's, recommendation, adopted?). */
const READING_COLUMN_SHARES = [0.31, 0.31, 0.24, 0.14];

/** The comparative form of a later reading, in the letter: its header row repeats on every page. */
function readingTable(table: ReadingTable, orientation: Orientation): Table {
  const width = textWidth(orientation);
  const columnWidths = READING_COLUMN_SHARES.map((share) => Math.floor(width * share));
  const cell = (paragraphs: readonly string[], column: number, style: string) =>
    new TableCell({
      width: { size: columnWidths[column]!, type: WidthType.DXA },
      children: (paragraphs.length ? paragraphs : ['']).map((text) => cellPara(text, style)),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: table.headers.map((h, i) => cell([h], i, TABLE_STYLES.head)) }),
      ...table.rows.map(
        (r) =>
          new TableRow({
            children: [
              cell([r.unit, ...r.before], 0, TABLE_STYLES.text),
              cell(r.after, 1, TABLE_STYLES.text),
              cell(r.recommendation, 2, TABLE_STYLES.text),
              cell([r.adopted], 3, TABLE_STYLES.center),
            ],
          }),
      ),
    ],
  });
}

function sectionChildren(section: ConclusionSection, orientation: Orientation): FileChild[] {
  const out: FileChild[] = [];
  if (section.heading) out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
  switch (section.kind) {
    case 'fields':
      for (const field of section.fields) {
        const [first = '', ...rest] = field.value;
        out.push(new Paragraph({ children: [new TextRun({ text: `${field.label}: `, bold: true }), new TextRun(first)] }));
        for (const text of rest) out.push(para(text));
      }
      break;
    case 'text':
      for (const text of section.paragraphs) out.push(para(text));
      break;
    case 'criteria':
      for (const criterion of section.criteria) {
        if (!criterion.assessed) continue;
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(criterion.heading ?? criterion.title)] }));
        for (const text of criterion.paragraphs) out.push(para(text));
      }
      if (section.notAssessed) out.push(para(section.notAssessed));
      break;
    case 'table':
      out.push(comparativeTable(section.table, orientation));
      break;
    case 'readings':
      for (const text of section.paragraphs) out.push(para(text));
      if (section.table) out.push(readingTable(section.table, orientation));
      break;
  }
  return out;
}

function headerBlock(doc: ConclusionDocument): FileChild[] {
  const out: FileChild[] = [line(doc.issuer.name, { bold: true, alignment: AlignmentType.CENTER }), line(doc.issuer.secretariat, { alignment: AlignmentType.CENTER })];
  if (doc.outgoing) out.push(line(doc.outgoing));
  if (doc.request) out.push(line(doc.request));
  // The addressee in the right half of the page, as letters address a committee.
  const half = Math.floor(textWidth('portrait') / 2);
  for (const text of doc.addressee) out.push(line(text, { bold: true, indentLeft: half }));
  return out;
}

/** A bookmark on a paragraph too small to be seen: the last thing of a part, whose page is the part's count. */
const endMark = (name: string) =>
  new Paragraph({ indent: { firstLine: 0 }, spacing: { before: 0, after: 0, line: 40 }, children: [new Bookmark({ id: name, children: [new TextRun({ text: '', size: 2 })] })] });

/** The letter's section: portrait, its footer counting its own pages when an annex follows. */
function letterSection(doc: ConclusionDocument): ISectionOptions {
  const total: PageTotal = doc.annex ? { kind: 'bookmark', bookmark: LETTER_END, estimate: estimateBodyPages(doc) } : { kind: 'document' };
  return {
    properties: pageProperties('portrait'),
    footers: { default: pageFooter(doc.pageLabel, total) },
    children: [
      ...headerBlock(doc),
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.title)] }),
      ...doc.sections.flatMap((s) => sectionChildren(s, 'portrait')),
      ...(doc.annexList ? annexListChildren(doc.annexList) : []),
      ...(doc.signatures && doc.signatures.signatories.length ? [signatureTable(doc.signatures)] : []),
      ...(doc.annex ? [endMark(LETTER_END)] : []),
    ],
  };
}

/** The annexed table: landscape pages numbered from 1, headed «Приложение 1 к заключению № … от …». */
function annexSection(doc: ConclusionDocument): ISectionOptions | null {
  const { annex } = doc;
  if (!annex) return null;
  const pages = doc.annexList?.items.find((i) => i.kind === 'table');
  return {
    properties: pageProperties('landscape', { restartNumbering: true }),
    footers: { default: pageFooter(doc.pageLabel, { kind: 'bookmark', bookmark: ANNEX_END, estimate: pages?.kind === 'table' ? pages.estimatedSheets : 1 }) },
    children: [
      line(annex.heading, { alignment: AlignmentType.RIGHT }),
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(annex.title)] }),
      comparativeTable(annex.table, 'landscape'),
      endMark(ANNEX_END),
    ],
  };
}

/** Renders a built conclusion (or the table alone, landscape) as a DOCX document tree. */
export function conclusionDocx(doc: ConclusionDocument, orientation: Orientation = 'portrait'): Document {
  const letter = doc.signatures !== null;
  const sections: ISectionOptions[] = letter
    ? [letterSection(doc), ...[annexSection(doc)].filter((s): s is ISectionOptions => s !== null)]
    : [
        {
          properties: pageProperties(orientation),
          footers: { default: pageFooter(doc.pageLabel) },
          children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.title)] }), ...doc.sections.flatMap((s) => sectionChildren(s, orientation))],
        },
      ];
  return new Document({
    creator: 'Tendik',
    title: doc.title,
    styles: documentStyles(doc.languageTag, { firstLineIndent: letter }),
    hyphenation: { autoHyphenation: doc.hyphenate },
    sections,
  });
}

export function packConclusion(doc: ConclusionDocument, orientation: Orientation = 'portrait'): Promise<Buffer> {
  return Packer.toBuffer(conclusionDocx(doc, orientation));
}
