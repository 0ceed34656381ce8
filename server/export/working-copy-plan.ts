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

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * Moves the cuts of a prefix/suffix difference out of words, so that tracked changes replace whole
 * words, as drafters do: "матери" → "родителю" shows as one word struck out and one inserted.
 */
function wholeWords(text: string, wording: string, prefix: number, suffix: number): [number, number] {
  while (prefix > 0 && isWordChar(text[prefix - 1]) && (isWordChar(text[prefix]) || isWordChar(wording[prefix]))) prefix--;
  const cut = (s: string, n: number) => s.length - n;
  while (
    suffix > 0 &&
    isWordChar(text[cut(text, suffix)]) &&
    (isWordChar(text[cut(text, suffix) - 1]) || isWordChar(wording[cut(wording, suffix) - 1]))
  )
    suffix--;
  return [prefix, suffix];
}

/**
 * The tracked change that turns the clause into the proposed wording. A wording that restates the
 * clause (it shares most of its text) becomes the minimal whole-word difference; a short wording
 * replaces the quoted words. Null when there is nothing to change.
 */
export function planEdit(text: string, wording: string, quoteSpan: Span | null): Edit | null {
  if (!wording || wording === text) return null;
  let prefix = commonPrefixLength(text, wording);
  let suffix = commonSuffixLength(text.slice(prefix), wording.slice(prefix));
  if (text.length > 0 && prefix + suffix >= text.length * 0.5) {
    [prefix, suffix] = wholeWords(text, wording, prefix, suffix);
    return { start: prefix, end: text.length - suffix, insert: wording.slice(prefix, wording.length - suffix) };
  }
  if (!quoteSpan) return null;
  if (text.slice(quoteSpan.start, quoteSpan.end) === wording) return null;
  return { ...quoteSpan, insert: wording };
}

/** Keeps the edits that do not overlap an earlier one (in text order): Word cannot nest revisions. */
export function nonOverlapping<T extends Edit>(edits: readonly T[]): { kept: T[]; dropped: T[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: T[] = [];
  const dropped: T[] = [];
  let reach = -1;
  for (const edit of sorted) {
    if (edit.start < reach) dropped.push(edit);
    else {
      kept.push(edit);
      reach = Math.max(reach, edit.end);
    }
  }
  return { kept, dropped };
}
