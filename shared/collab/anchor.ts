import * as Y from 'yjs';
import type { ResolvedAnchor, TextAnchor, TextQuote } from '../review-model';
import { clauseIdOfText, clauseTexts, plainText } from './text-doc';

/** Characters of context kept before and after a quote (Hypothesis uses 32). */
export const QUOTE_CONTEXT = 32;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

export function quoteAt(text: string, start: number, end: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}

/**
 * An anchor on words of one clause, given as offsets into the clause's own text. The start sticks to
 * the character on its right and the end to the one on its left, so typing at either edge does not
 * grow the range (docs/collaboration.md, "Anchors"). Without offsets it anchors the whole clause.
 */
export function createAnchor(textDoc: Y.Doc, clauseId: string, range?: { start: number; end: number }): TextAnchor {
  const text = clauseTexts(textDoc).get(clauseId);
  if (!text) throw new RangeError(`No clause "${clauseId}" in the text doc`);
  const words = plainText(text);
  if (!range) return { clauseId, quote: { exact: words, prefix: '', suffix: '' } };
  const { start, end } = range;
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= words.length))
    throw new RangeError(`Range ${start}..${end} is not inside clause "${clauseId}" (length ${words.length})`);
  return {
    clauseId,
    start: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, start, 0))),
    end: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, end, -1))),
    quote: quoteAt(words, start, end),
  };
}

function absolute(doc: Y.Doc, encoded: string): Y.AbsolutePosition | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(encoded)), doc);
  } catch {
    return null;
  }
}

/** All places the quote occurs in `text`, best first: context agreement, then nearness to the hint. */
export function findQuote(text: string, quote: TextQuote, hint = 0): { start: number; end: number } | null {
  if (quote.exact.length === 0) return null;
  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const before = text.slice(Math.max(0, at - quote.prefix.length), at);
    const after = text.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length);
    const score =
      commonSuffix(before, quote.prefix) + commonPrefix(after, quote.suffix) - Math.abs(at - hint) / (text.length + 1);
    if (!best || score > best.score) best = { start: at, score };
  }
  return best ? { start: best.start, end: best.start + quote.exact.length } : null;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i += 1;
  return i;
}

/**
 * Where an anchor is now: the relative positions if they still cover the quoted words; else the quote
 * found again inside its clause; else orphaned (the UI shows it with its quote, "к удалённому тексту").
 * `texts` lets a caller resolving many anchors walk the doc once.
 */
export function resolveAnchor(
  textDoc: Y.Doc,
  anchor: Pick<TextAnchor, 'clauseId' | 'start' | 'end' | 'quote'>,
  options: { texts?: Map<string, Y.XmlText>; hint?: number } = {},
): ResolvedAnchor {
  const texts = options.texts ?? clauseTexts(textDoc);
  let hint = options.hint ?? 0;
  if (anchor.start !== undefined && anchor.end !== undefined) {
    const start = absolute(textDoc, anchor.start);
    const end = absolute(textDoc, anchor.end);
    if (start && end && start.type === end.type && start.type instanceof Y.XmlText) {
      const clauseId = clauseIdOfText(start.type);
      hint = start.index;
      if (clauseId && start.index < end.index && plainText(start.type).slice(start.index, end.index) === anchor.quote.exact)
        return { state: 'exact', clauseId, start: start.index, end: end.index };
    }
  }
  const text = texts.get(anchor.clauseId);
  if (!text) return { state: 'orphaned', clauseId: anchor.clauseId, start: 0, end: 0 };
  const words = plainText(text);
  if (anchor.start === undefined && anchor.end === undefined)
    return { state: 'clause', clauseId: anchor.clauseId, start: 0, end: words.length };
  const found = findQuote(words, anchor.quote, hint);
  return found
    ? { state: 'reanchored', clauseId: anchor.clauseId, ...found }
    : { state: 'orphaned', clauseId: anchor.clauseId, start: 0, end: 0 };
}
