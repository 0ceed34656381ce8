import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { clauseTextStarts } from './highlights';

/** A clause the secretary corrected, to mark in the text; `title` says who and when. */
export interface CorrectedClause {
  clauseId: string;
  title: string;
}

interface CorrectionsState {
  marked: readonly CorrectedClause[];
  set: DecorationSet;
}

export const correctionsKey = new PluginKey<CorrectionsState>('tendik-corrections');

function build(doc: PMNode, marked: readonly CorrectedClause[]): DecorationSet {
  if (marked.length === 0) return DecorationSet.empty;
  const starts = clauseTextStarts(doc);
  const decorations: Decoration[] = [];
  for (const clause of marked) {
    const range = starts.get(clause.clauseId);
    // The clause_text node sits one position before its content starts.
    if (range) decorations.push(Decoration.node(range.from - 1, range.to + 1, { class: 'clause-text--corrected', title: clause.title, 'data-corrected': 'true' }));
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Clauses the secretary corrected, marked on their text as node decorations (never marks: the marks
 * would be part of the text). Like the highlights, a change that comes from Yjs replaces the whole
 * document, so it rebuilds the set; local edits map it.
 */
export function correctionsPlugin(): Plugin<CorrectionsState> {
  return new Plugin<CorrectionsState>({
    key: correctionsKey,
    state: {
      init: () => ({ marked: [], set: DecorationSet.empty }),
      apply(tr: Transaction, value: CorrectionsState, _old: EditorState, next: EditorState): CorrectionsState {
        const meta = tr.getMeta(correctionsKey) as readonly CorrectedClause[] | undefined;
        if (meta) return { marked: meta, set: build(next.doc, meta) };
        if (!tr.docChanged || value.marked.length === 0) return value;
        const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
        if (sync?.isChangeOrigin) return { ...value, set: build(next.doc, value.marked) };
        return { ...value, set: value.set.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => correctionsKey.getState(state)?.set ?? DecorationSet.empty,
    },
  });
}
