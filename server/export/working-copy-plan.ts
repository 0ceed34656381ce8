import type { TextQuote } from '../../shared/review-model';

/** A half-open character range [start, end) in a clause's text. */
export interface Span {
  start: number;
  end: number;
}

/** A tracked change: delete [start, end) of the clause text, insert `insert` in its place. */
export interface Edit extends Span {
  insert: string;
}

/**
 * Where the quoted words sit in the clause text. Several occurrences are told apart by how much of the
 * stored prefix and suffix surrounds each (TextQuoteSelector idea); none found gives null and the
 * caller anchors to the whole clause.
 */
export function locateQuote(text: string, quote: TextQuote): Span | null {
  if (!quote.exact) return null;
  let best: { span: Span; score: number } | null = null;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const score =
      commonSuffixLength(text.slice(0, at), quote.prefix) + commonPrefixLength(text.slice(at + quote.exact.length), quote.suffix);
    if (!best || score > best.score) best = { span: { start: at, end: at + quote.exact.length }, score };
  }
  return best?.span ?? null;
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a[i] === b[i]) i++;
  return i;
}

function commonSuffixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}
