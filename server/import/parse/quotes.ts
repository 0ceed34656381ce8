/**
 * Quotation marks of drafts: «», „“, “” and straight "…". Straight quotes do not say whether they open
 * or close, so the neighbours decide: a quote after a space, a line start or an opening bracket opens,
 * any other closes. This one rule serves both the words of an instruction («слова "X" заменить словами
 * "Y"») and the quoted new text that spans many paragraphs.
 */

export type QuoteRole = 'open' | 'close' | null;

const OPENERS_BEFORE = new Set([' ', '\t', '\u00A0', '(', '[', '{', '«', '„', '“', '—', '–', '-', ':', '\n']);

export function quoteRole(text: string, i: number): QuoteRole {
  const ch = text[i];
  switch (ch) {
    case '«':
    case '„':
      return 'open';
    case '»':
    case '”':
      return 'close';
    case '"':
    case '“': {
      if (i === 0) return 'open';
      const before = text[i - 1]!;
      if (!OPENERS_BEFORE.has(before)) return 'close';
      const after = text[i + 1];
      // A quote between spaces opens nothing: «" »  is a stray mark, counted as a close.
      return after === undefined || after === ' ' ? 'close' : 'open';
    }
    default:
      return null;
  }
}

export interface QuotedSpan {
  /** Index of the opening mark. */
  start: number;
  /** Index after the closing mark (the text's end when the quote never closes). */
  end: number;
  /** The words between the marks. */
  inner: string;
}

/**
 * Top-level quoted spans of one line: nested quotes («О внесении … "О …"») stay inside their span.
 * Sources often drop one of two closing quotes («"О внесении … "О защите прав потребителей" (…)»);
 * when nesting leaves a quote open, the line is read again with flat pairing (the first close ends
 * the span), which recovers the words that follow.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const nested = scanSpans(text, true);
  if (nested.closed) return nested.spans;
  return scanSpans(text, false).spans;
}

function scanSpans(text: string, nesting: boolean): { spans: QuotedSpan[]; closed: boolean } {
  const spans: QuotedSpan[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const role = quoteRole(text, i);
    if (role === 'open') {
      if (depth === 0) start = i;
      if (depth === 0 || nesting) depth++;
    } else if (role === 'close' && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ start, end: i + 1, inner: text.slice(start + 1, i) });
    }
  }
  if (depth > 0 && start >= 0) spans.push({ start, end: text.length, inner: text.slice(start + 1) });
  return { spans, closed: depth === 0 };
}

export function insideSpan(spans: readonly QuotedSpan[], index: number): boolean {
  for (const s of spans) if (index >= s.start && index < s.end) return true;
  return false;
}

/** Quote depth after a line, starting from `depth`: how a multi-paragraph quotation is followed. */
export function quoteDepthAfter(text: string, depth: number): number {
  for (let i = 0; i < text.length; i++) {
    const role = quoteRole(text, i);
    if (role === 'open') depth++;
    else if (role === 'close' && depth > 0) depth--;
  }
  return depth;
}

const OPENING_MARK = /^["«„“']/;
const CLOSING_TAIL = /["»”“']\s*[.;,]?\s*$/;

export function startsWithQuote(t: string): boolean {
  return OPENING_MARK.test(t);
}

export function endsWithClosingQuote(t: string): boolean {
  return CLOSING_TAIL.test(t);
}

/** The line without its opening mark (first line of a quotation) or closing mark and stop (last line). */
export function stripQuotation(t: string, first: boolean, last: boolean): string {
  let s = t;
  if (first) s = s.replace(OPENING_MARK, '');
  if (last) s = s.replace(CLOSING_TAIL, '');
  return s.trim();
}
