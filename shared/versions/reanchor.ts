import type { TextQuote } from '../review-model';
import { findQuote } from '../collab/anchor';

import type { Alignment } from './align';
import { offsetMap, wordDiff, type DiffOp } from './word-diff';

/**
 * Carrying annotations to a new version (issue 16), after Hypothes.is: the quote first, then its
 * context, then its position — and giving up rather than guessing, since a note on the wrong words is
 * worse than an orphan. The clause alignment is the hint: an annotation is looked for only in the
 * unit its clause became, never anywhere else in the act (a code repeats its phrases, and words of a
 * deleted article found in another are not the words the expert wrote about).
 *
 * The word diff of the two texts is trusted only where the unit is the same text amended: at least
 * two fifths of its letters kept (SIMILAR). A part restated in other words still «keeps» its «в», «и» and
 * now and then a phrase such as «Кыргызской Республики» or «средств либо»; those are chance, and an
 * annotation followed onto them would sit on words the expert never read. In a restated unit every
 * annotation is orphaned, with its quote.
 *
 * In an aligned unit that is the same text amended, in order:
 *  1. the word diff carries the span: every character kept, contiguous → placed (the same words
 *     where their context agrees better win, for a phrase the part says twice);
 *  2. the exact quote elsewhere in the unit, whole words, with 12 characters of agreeing context and
 *     never on other old words carried over → placed;
 *  3. at least half of the span's characters kept → «text changed», over the kept characters and
 *     what was inserted between them;
 *  4. otherwise orphaned, «on deleted text», with its quote.
 */

export type PlacementState = 'placed' | 'changed' | 'orphaned';

export interface AnchorSource {
  /** The annotation's (or candidate finding's) id. */
  id: string;
  clauseId: string;
  quote: TextQuote;
  /** Offsets into the old clause's text, when known; otherwise the quote is looked for there. */
  start?: number;
  end?: number;
  /** An annotation on a whole clause: it follows the clause. */
  wholeClause?: boolean;
}

export interface Placement {
  state: PlacementState;
  /** The unit of the new version; null for an orphan whose clause is gone. */
  clauseId: string | null;
  start: number;
  end: number;
  /** The share of the quote's characters found again (1 when placed). */
  score: number;
}

/** Diffs are computed once per pair of units, however many annotations sit in them. */
export class Carrier {
  private readonly diffs = new Map<string, { map: Int32Array; similar: boolean }>();

  constructor(
    private readonly oldTexts: ReadonlyMap<string, string>,
    private readonly newTexts: ReadonlyMap<string, string>,
    private readonly alignment: Pick<Alignment, 'forward'>,
  ) {}

  carry(source: AnchorSource): Placement {
    const orphan = (clauseId: string | null): Placement => ({ state: 'orphaned', clauseId, start: 0, end: 0, score: 0 });
    const oldText = this.oldTexts.get(source.clauseId);
    const newId = this.alignment.forward.get(source.clauseId);
    const newText = newId === undefined ? undefined : this.newTexts.get(newId);
    if (oldText === undefined || newId === undefined || newText === undefined) return orphan(null);
    if (source.wholeClause) return { state: oldText === newText ? 'placed' : 'changed', clauseId: newId, start: 0, end: newText.length, score: 1 };

    const exact = source.quote.exact;
    let start = source.start;
    let end = source.end;
    if (start === undefined || end === undefined || oldText.slice(start, end) !== exact) {
      const found = findQuote(oldText, source.quote, start ?? 0);
      start = found?.start;
      end = found?.end;
    }
    if (oldText === newText && start !== undefined && end !== undefined) return { state: 'placed', clauseId: newId, start, end, score: 1 };
    // A restated unit keeps only chance words of the old one: nothing in it is where the annotation was.
    if (!this.similar(source.clauseId, newId, oldText, newText)) return orphan(newId);
    if (start === undefined || end === undefined) {
      // Not in the old text as we have it: only its exact words in the aligned unit can place it.
      const found = quoteWithContext(newText, source.quote);
      return found ? { state: 'placed', clauseId: newId, ...found, score: 1 } : orphan(newId);
    }

    const map = this.mapOf(source.clauseId, newId, oldText, newText);
    let kept = 0;
    let contiguous = true;
    let first = -1;
    let last = -1;
    for (let k = start; k < end; k += 1) {
      const to = map[k]!;
      if (to === -1) {
        contiguous = false;
        continue;
      }
      if (last !== -1 && to !== last + 1) contiguous = false;
      if (first === -1) first = to;
      kept += 1;
      last = to;
    }
    const length = end - start;
    // The same words elsewhere in the unit may stand for them only where they are not other old words
    // carried over (a phrase the part says twice): new words, or these very ones.
    const from = this.inverseOf(source.clauseId, newId, map, newText.length);
    const [spanStart, spanEnd] = [start, end];
    const notOthers = (at: number, to: number) => {
      for (let k = at; k < to; k += 1) if (from[k] !== -1 && (from[k]! < spanStart || from[k]! >= spanEnd)) return false;
      return true;
    };
    if (contiguous && kept === length) {
      // A diff may pair repeated words with the wrong occurrence («актов гражданского состояния» twice
      // in a part): the same words where their context agrees better win.
      const better = quoteWithContext(newText, source.quote, notOthers);
      if (better && better.start !== first && contextScore(newText, better.start, better.end, source.quote) > contextScore(newText, first, last + 1, source.quote))
        return { state: 'placed', clauseId: newId, ...better, score: 1 };
      return { state: 'placed', clauseId: newId, start: first, end: last + 1, score: 1 };
    }
    // Its own place lost words: the same words elsewhere in the unit count only with their context.
    const found = quoteWithContext(newText, source.quote, notOthers);
    if (found) return { state: 'placed', clauseId: newId, ...found, score: 1 };
    if (kept * 2 >= length && first <= last)
      return { state: 'changed', clauseId: newId, start: first, end: last + 1, score: Math.round((kept / length) * 1000) / 1000 };
    return orphan(newId);
  }

  private readonly inverses = new Map<string, Int32Array>();

  /** Whether the new unit is the old one amended (the diff keeps at least SIMILAR of the letters), not restated. */
  private similar(oldId: string, newId: string, oldText: string, newText: string): boolean {
    return this.diffOf(oldId, newId, oldText, newText).similar;
  }

  /** For each character of the new text, the old character it was kept from (−1: new words). */
  private inverseOf(oldId: string, newId: string, map: Int32Array, newLength: number): Int32Array {
    const key = `${oldId}\u0000${newId}`;
    let inverse = this.inverses.get(key);
    if (!inverse) {
      inverse = new Int32Array(newLength).fill(-1);
      for (let k = 0; k < map.length; k += 1) if (map[k]! >= 0) inverse[map[k]!] = k;
      this.inverses.set(key, inverse);
    }
    return inverse;
  }

  private mapOf(oldId: string, newId: string, oldText: string, newText: string): Int32Array {
    return this.diffOf(oldId, newId, oldText, newText).map;
  }

  private diffOf(oldId: string, newId: string, oldText: string, newText: string): { map: Int32Array; similar: boolean } {
    const key = `${oldId}\u0000${newId}`;
    let diff = this.diffs.get(key);
    if (!diff) {
      const ops = wordDiff(oldText, newText);
      diff = { map: offsetMap(ops, oldText.length), similar: keptLetterShare(ops, oldText, newText) >= SIMILAR };
      this.diffs.set(key, diff);
    }
    return diff;
  }
}

/**
 * The share of letters the diff keeps, over the longer of the two texts, from which a unit counts as
 * the same text amended. Measured on the codes' amended readings (bench/reanchor.bench.ts, development
 * seeds and 501–530; 16,500 amended units): a unit whose words were partly kept keeps 0.95 of its
 * letters at the median and ≥ 0.42 in 99 % of cases (short items lose more), a restated part keeps
 * at most 0.24 (chance «в», «и», «Статья», «Кыргызской Республики»; 485 of them). A wrong placement
 * is worse than an orphan, so the bar sits well above chance.
 */
const SIMILAR = 0.4;

const LETTER = /[\p{L}\p{N}]/u;

function letters(text: string): number {
  let n = 0;
  for (const ch of text) if (LETTER.test(ch)) n += 1;
  return n;
}

export function keptLetterShare(ops: readonly DiffOp[], oldText: string, newText: string): number {
  let kept = 0;
  for (const op of ops) if (op.op === 'same') kept += letters(op.text);
  const most = Math.max(letters(oldText), letters(newText));
  return most === 0 ? 1 : kept / most;
}

/** Context characters that must agree (either side together) before the same words elsewhere are taken. */
const MIN_CONTEXT = 12;

/** The exact quote in `text` where its prefix and suffix agree with at least MIN_CONTEXT characters; the best such. */
export function quoteWithContext(
  text: string,
  quote: TextQuote,
  allowed: (start: number, end: number) => boolean = () => true,
): { start: number; end: number } | null {
  if (quote.exact.length === 0) return null;
  const needed = Math.min(MIN_CONTEXT, quote.prefix.length + quote.suffix.length);
  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    // Whole words only: «о» is not the first letter of «орудия».
    if (!wholeWords(text, at, at + quote.exact.length)) continue;
    const before = text.slice(Math.max(0, at - quote.prefix.length), at);
    const after = text.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length);
    const score = sameTail(before, quote.prefix) + sameHead(after, quote.suffix);
    if (score >= needed && (!best || score > best.score) && allowed(at, at + quote.exact.length)) best = { start: at, score };
  }
  return best ? { start: best.start, end: best.start + quote.exact.length } : null;
}

/** Whether [start, end) neither begins nor ends inside a word of `text`. */
function wholeWords(text: string, start: number, end: number): boolean {
  const inside = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && LETTER.test(a) && LETTER.test(b);
  return !inside(text[start - 1], text[start]) && !inside(text[end - 1], text[end]);
}

/** How many characters of the quote's prefix and suffix agree with the text around [start, end). */
function contextScore(text: string, start: number, end: number, quote: TextQuote): number {
  return sameTail(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix) + sameHead(text.slice(end, end + quote.suffix.length), quote.suffix);
}

function sameHead(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

function sameTail(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i += 1;
  return i;
}
