/**
 * Text that can go into XML 1.0 and HTML whatever the user typed or pasted: C0/C1 control characters
 * (except tab and newline), lone surrogates and the noncharacters U+FFFE/U+FFFF/U+FDD0–U+FDEF are
 * dropped; line endings are normalised. Emoji and other characters outside Times New Roman stay: the
 * reader's font fallback draws them, and dropping them would change what the expert wrote.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(value: string | null | undefined): string {
  if (!value) return '';
  return value.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '');
}

/** A single-line value (a name, a number, a title): whitespace runs, newlines included, become one space. */
export function cleanLine(value: string | null | undefined): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

/** A multi-line value split into paragraphs; blank lines and surrounding spaces dropped. */
export function paragraphsOf(value: string | null | undefined): string[] {
  return cleanText(value)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}
