/**
 * CSV that spreadsheets open safely: RFC 4180 quoting, and a leading apostrophe on any cell that a
 * spreadsheet would otherwise run as a formula (=, +, -, @, and tab or carriage return before them).
 * Audit cells carry user-typed text (names, titles, e-mails), so the guard applies to every cell.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The byte-order mark makes Excel read the file as UTF-8 (Cyrillic names) instead of the ANSI code page. */
export const CSV_BOM = '\uFEFF';
