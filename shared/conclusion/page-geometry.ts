/**
 * The page of every exported DOCX, in twips (1/20 pt), where both the DOCX writer (server/export) and
 * the page-count estimate (page-estimate.ts) read it: A4, office-paper margins (ГОСТ Р 7.0.97 habit in
 * the region: left 30 mm, right 15 mm, top and bottom 20 mm), Times New Roman 14 pt body, 12 pt tables.
 */
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 } as const;
/** Half-points: 28 = 14 pt body text, 24 = 12 pt in tables (the usual size of a comparative table). */
export const BODY_SIZE = 28;
export const TABLE_SIZE = 24;
/** 1.25 cm, the first-line indent of an official letter's paragraphs. */
export const FIRST_LINE_INDENT = 709;
/** Cell widths of the comparative table as shares of the text width: № narrow, the two wordings widest. */
export const COLUMN_SHARES = [0.06, 0.19, 0.26, 0.26, 0.23] as const;
/** The KR committee form of an amendment law: №, unit, current wording, the draft's, the Alliance's, justification. */
export const COMMITTEE_COLUMN_SHARES = [0.05, 0.13, 0.21, 0.21, 0.21, 0.19] as const;
/** Word's default left and right cell margins. */
export const CELL_MARGIN = 108;

export type Orientation = 'portrait' | 'landscape';

export function textWidth(orientation: Orientation): number {
  const width = orientation === 'portrait' ? A4.width : A4.height;
  return width - MARGIN.left - MARGIN.right;
}

export function textHeight(orientation: Orientation): number {
  const height = orientation === 'portrait' ? A4.height : A4.width;
  return height - MARGIN.top - MARGIN.bottom;
}
