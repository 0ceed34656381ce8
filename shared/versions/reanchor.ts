import type { TextQuote } from '../review-model';
import { findQuote } from '../collab/anchor';

import type { Alignment } from './align';
import { offsetMap, wordDiff } from './word-diff';

/**
 * Carrying annotations to a new version (issue 16), after Hypothes.is: the quote first, then its
 * context, then its position — and giving up rather than guessing, since a note on the wrong words is
 * worse than an orphan. The clause alignment is the hint: an annotation is looked for only in the
 * unit its clause became, never anywhere else in the act (a code repeats its phrases, and words of a
 * deleted article found in another are not the words the expert wrote about).
 *
 * In the aligned unit, in order:
 *  1. the word diff of the two texts carries the span: every character kept, contiguous → placed;
 *  2. the exact quote elsewhere in the unit, the best by context and nearness → placed;
 *  3. at least half of the span's characters kept, in a kept run of 12 characters or the whole
 *     span → «text changed», over the kept characters and what was inserted between them;
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
  private readonly maps = new Map<string, Int32Array>();

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
    if (start === undefined || end === undefined) {
      // Not in the old text as we have it: only its exact words in the aligned unit can place it.
      const found = quoteWithContext(newText, source.quote);
      return found ? { state: 'placed', clauseId: newId, ...found, score: 1 } : orphan(newId);
    }

    if (oldText === newText) return { state: 'placed', clauseId: newId, start, end, score: 1 };
    const map = this.mapOf(source.clauseId, newId, oldText, newText);
    let kept = 0;
    let contiguous = true;
    let first = -1;
    let last = -1;
    let run = 0;
    let longestRun = 0;
    for (let k = start; k < end; k += 1) {
      const to = map[k]!;
      if (to === -1) {
        contiguous = false;
        run = 0;
        continue;
      }
      if (last !== -1 && to !== last + 1) contiguous = false;
      if (first === -1) first = to;
      kept += 1;
      run = last !== -1 && to === last + 1 ? run + 1 : 1;
      longestRun = Math.max(longestRun, run);
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
    // Kept words carry an annotation only inside a kept run long enough not to be chance: a diff of a
    // restated part still «keeps» its «в» and «и», and a one-word quote would follow them.
    const anchored = longestRunAround(map, start, end) >= Math.min(MIN_RUN, oldText.length);
    if (contiguous && kept === length && anchored) {
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
    if (kept * 2 >= length && anchored && longestRun >= Math.min(MIN_RUN, length) && first <= last)
      return { state: 'changed', clauseId: newId, start: first, end: last + 1, score: Math.round((kept / length) * 1000) / 1000 };
    return orphan(newId);
  }

  private readonly inverses = new Map<string, Int32Array>();

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
    const key = `${oldId}\u0000${newId}`;
    let map = this.maps.get(key);
    if (!map) {
      map = offsetMap(wordDiff(oldText, newText), oldText.length);
      this.maps.set(key, map);
    }
    return map;
  }
}

/** Characters of text kept in a row, around or inside a span, before the diff may carry it. */
const MIN_RUN = 12;

/** The longest run of characters kept in a row (old and new alike) that overlaps [start, end), extended beyond it. */
function longestRunAround(map: Int32Array, start: number, end: number): number {
  let best = 0;
  let k = start;
  while (k < end) {
    if (map[k] === -1) {
      k += 1;
      continue;
    }
    let from = k;
    while (from > 0 && map[from - 1] !== -1 && map[from - 1] === map[from]! - 1) from -= 1;
    let to = k;
    while (to + 1 < map.length && map[to + 1] !== -1 && map[to + 1] === map[to]! + 1) to += 1;
    best = Math.max(best, to - from + 1);
    k = to + 1;
  }
  return best;
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
    const before = text.slice(Math.max(0, at - quote.prefix.length), at);
    const after = text.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length);
    const score = sameTail(before, quote.prefix) + sameHead(after, quote.suffix);
    if (score >= needed && (!best || score > best.score) && allowed(at, at + quote.exact.length)) best = { start: at, score };
  }
  return best ? { start: best.start, end: best.start + quote.exact.length } : null;
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
