import type { ComparativeTable, ConclusionDocument } from './document';
import { BODY_SIZE, CELL_MARGIN, COLUMN_SHARES, FIRST_LINE_INDENT, TABLE_SIZE, textHeight, textWidth } from './page-geometry';

/**
 * How many pages the annexed comparative table fills, estimated from its text: the number the list
 * of annexes prints («на 3 л.») until the word processor counts it. The DOCX writes that number as a
 * page reference to the annex's last page (the annex numbers its pages from 1), which LibreOffice
 * computes as it lays the pages out and Word on updating fields (F9, printing); the estimate is what
 * Word shows before that, so it should be right most of the time and never absurd.
 *
 * Laying the pages out as Word does (docx/layout) takes seconds for a long table; this takes
 * microseconds: Times New Roman's average letter width, greedy word wrap per cell, rows that break
 * across pages and a header row repeated on each.
 */

/**
 * Average advance of a Times New Roman letter in em, fitted so the estimate meets LibreOffice's page
 * count of conclusions of 3–25 units in ru/ky/en within a page or two of 15 (test/export checks ±1 on its fixtures).
 */
const AVERAGE_EM = 0.385;
/** Single line spacing of Times New Roman: 1.15 em. */
const LINE_EM = 1.15;
/** Space after each cell paragraph (the table styles' 3 pt) and the borders of a row. */
const PARAGRAPH_AFTER = 60;
const ROW_EXTRA = 20;
/** The annex's heading lines above the table: «Приложение 1 к …» and the title, 14 pt with their spacing. */
const ANNEX_HEAD = 1900;

/** Lines a paragraph takes at a width; its first line starts after `indent` twips. */
function linesOf(text: string, widthTwips: number, halfPoints: number, indent = 0): number {
  const charWidth = (halfPoints / 2) * 20 * AVERAGE_EM;
  const perLine = Math.max(1, Math.floor(widthTwips / charWidth));
  let lines = 1;
  let used = Math.min(perLine - 1, Math.round(indent / charWidth));
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = word.length;
    if (used === 0) {
      lines += Math.floor(Math.max(0, length - 1) / perLine);
      used = length % perLine || perLine;
    } else if (used + 1 + length <= perLine) used += 1 + length;
    else {
      lines += 1 + Math.floor(Math.max(0, length - 1) / perLine);
      used = length % perLine || perLine;
    }
  }
  return lines;
}

/** The height of one row of the table, in twips. */
function rowHeight(cells: readonly (readonly string[])[], widths: readonly number[]): number {
  const lineHeight = (TABLE_SIZE / 2) * 20 * LINE_EM;
  let tallest = 0;
  cells.forEach((paragraphs, i) => {
    const width = widths[i]! - 2 * CELL_MARGIN;
    const lines = (paragraphs.length ? paragraphs : ['']).reduce((sum, p) => sum + linesOf(p, width, TABLE_SIZE), 0);
    tallest = Math.max(tallest, lines * lineHeight + paragraphs.length * PARAGRAPH_AFTER);
  });
  return tallest + ROW_EXTRA;
}

/** The annexed table's pages, landscape, at least one. */
export function estimateTablePages(table: ComparativeTable): number {
  const width = textWidth('landscape');
  const widths = COLUMN_SHARES.map((share) => Math.floor(width * share));
  const page = textHeight('landscape');
  const header = rowHeight(table.headers.map((h) => [h]), widths);
  let pages = 1;
  let used = ANNEX_HEAD + header;
  for (const row of table.rows) {
    let height = rowHeight([[String(row.number)], [row.clauseLabel], row.clauseText, row.proposed, row.justification], widths);
    // A row taller than what is left breaks across the page, the header row repeated above its rest.
    while (used + height > page) {
      height -= page - used;
      pages += 1;
      used = header;
    }
    used += height;
  }
  return pages;
}

/**
 * The letter's own pages (everything before the annex), for its footer's "of Y" before the word
 * processor counts: paragraphs of 14 pt text at 1.15 line spacing, headings with their spacing, the
 * signatures a line each.
 */
export function estimateBodyPages(doc: ConclusionDocument): number {
  const width = textWidth('portrait');
  const line = (BODY_SIZE / 2) * 20 * LINE_EM;
  const paragraph = (text: string, indent = FIRST_LINE_INDENT) => linesOf(text, width, BODY_SIZE, indent) * line + 120;
  const heading = (text: string) => paragraph(text, 0) + 240;
  const texts: number[] = [];
  texts.push(paragraph(doc.issuer.name, 0), paragraph(doc.issuer.secretariat, 0));
  for (const text of [doc.outgoing, doc.request]) if (text) texts.push(paragraph(text, 0));
  for (const text of doc.addressee) texts.push(linesOf(text, width / 2, BODY_SIZE) * line + 120);
  texts.push(heading(doc.title));
  for (const section of doc.sections) {
    if (section.heading) texts.push(heading(section.heading));
    if (section.kind === 'fields') for (const f of section.fields) texts.push(...f.value.map((v, i) => paragraph(i === 0 ? `${f.label}: ${v}` : v)));
    else if (section.kind === 'text') texts.push(...section.paragraphs.map((t) => paragraph(t)));
    else if (section.kind === 'readings') {
      texts.push(...section.paragraphs.map((t) => paragraph(t)));
      // The comparative form: each row as tall as its longest cell, a cell a quarter of the width.
      for (const row of section.table?.rows ?? [])
        texts.push(Math.max(...[[row.unit, ...row.before], row.after, row.recommendation].map((cell) => cell.reduce((h, t) => h + linesOf(t, width / 4, BODY_SIZE, 0) * line, 0))) + 120);
    } else if (section.kind === 'criteria') {
      for (const c of section.criteria.filter((x) => x.assessed)) texts.push(heading(c.heading ?? c.title), ...c.paragraphs.map((t) => paragraph(t)));
      if (section.notAssessed) texts.push(paragraph(section.notAssessed));
    }
  }
  if (doc.annexList) texts.push(...doc.annexList.items.map((item) => paragraph(item.kind === 'text' ? item.text : item.template, 0)), paragraph(doc.annexList.label, 0));
  if (doc.signatures) texts.push(...doc.signatures.signatories.map(() => line * 2 + 360));
  // Text flows on from page to page; what headings kept with their text leave empty is small beside the rest.
  const total = texts.reduce((sum, height) => sum + height, 0);
  return Math.max(1, Math.ceil(total / textHeight('portrait')));
}
