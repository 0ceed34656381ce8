import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** One place the searched words occur, as document positions. */
export interface SearchHit {
  from: number;
  to: number;
}

interface SearchState {
  query: string;
  hits: readonly SearchHit[];
  current: number;
  set: DecorationSet;
}

export const searchKey = new PluginKey<SearchState>('tendik-search');

/** More than this many hits are not all drawn (the count still says how many there are). */
const MAX_DRAWN = 3000;

/** Letters compared as a reader would: case and ё/е do not matter. Keeps the length, so offsets hold. */
function fold(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/**
 * Every occurrence of `query` in the draft's own text, in document order. A clause's text is plain
 * text without marks (shared/schema.ts), so an offset in it is a position; words are not matched
 * across two clauses, as a reader would not read them as one phrase.
 */
export function findHits(doc: PMNode, query: string): SearchHit[] {
  const needle = fold(query.trim());
  if (!needle) return [];
  const hits: SearchHit[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = fold(node.textContent);
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      hits.push({ from: pos + 1 + at, to: pos + 1 + at + needle.length });
    }
    return false;
  });
  return hits;
}

function decorate(doc: PMNode, hits: readonly SearchHit[], current: number): DecorationSet {
  if (hits.length === 0) return DecorationSet.empty;
  const drawn = hits.length > MAX_DRAWN ? hits.slice(Math.max(0, current - MAX_DRAWN / 2), Math.max(0, current - MAX_DRAWN / 2) + MAX_DRAWN) : hits;
  return DecorationSet.create(
    doc,
    drawn.map((hit) => Decoration.inline(hit.from, hit.to, { class: hit === hits[current] ? 'search-hit search-hit--current' : 'search-hit', 'data-search-hit': '' })),
  );
}

/**
 * The search's hits drawn as decorations (never marks: experts may not write the text). The hits are
 * found again whenever the text changes — a secretary's correction or a remote change alike — so they
 * never point at words that moved.
 */
export function searchPlugin(): Plugin<SearchState> {
  return new Plugin<SearchState>({
    key: searchKey,
    state: {
      init: () => ({ query: '', hits: [], current: 0, set: DecorationSet.empty }),
      apply(tr: Transaction, value: SearchState, _old, next): SearchState {
        const meta = tr.getMeta(searchKey) as { query?: string; current?: number } | undefined;
        if (!meta && !(tr.docChanged && value.query)) return value;
        const query = meta?.query ?? value.query;
        const hits = meta?.query !== undefined || tr.docChanged ? findHits(next.doc, query) : value.hits;
        const wanted = meta?.current ?? value.current;
        const current = hits.length ? Math.min(Math.max(wanted, 0), hits.length - 1) : 0;
        return { query, hits, current, set: decorate(next.doc, hits, current) };
      },
    },
    props: {
      decorations: (state) => searchKey.getState(state)?.set ?? DecorationSet.empty,
    },
  });
}
