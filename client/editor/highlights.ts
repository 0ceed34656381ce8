import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';

/** One annotation to draw: offsets into its clause's own text, as the merged review model gives them. */
export interface Highlight {
  id: string;
  clauseId: string;
  start: number;
  end: number;
  /** Classes for criterion colour and severity. */
  className: string;
  /** Short description for the tooltip and assistive technology. */
  label: string;
}

interface HighlightState {
  highlights: readonly Highlight[];
  active: string | null;
  set: DecorationSet;
}

export const highlightsKey = new PluginKey<HighlightState>('tendik-highlights');

/** clause id → position where its own text starts (inside its clause_text). */
export function clauseTextStarts(doc: PMNode): Map<string, { from: number; to: number }> {
  const out = new Map<string, { from: number; to: number }>();
  doc.descendants((node, pos) => {
    if (node.type.name === 'clause') {
      const first = node.firstChild;
      const id = node.attrs.id as string;
      if (first && first.type.name === 'clause_text' && !out.has(id)) out.set(id, { from: pos + 2, to: pos + 2 + first.content.size });
      return true;
    }
    return false;
  });
  return out;
}

function build(doc: PMNode, highlights: readonly Highlight[], active: string | null): DecorationSet {
  if (highlights.length === 0) return DecorationSet.empty;
  const starts = clauseTextStarts(doc);
  const decorations: Decoration[] = [];
  for (const hl of highlights) {
    const clause = starts.get(hl.clauseId);
    if (!clause) continue;
    const from = Math.min(clause.from + hl.start, clause.to);
    const to = Math.min(clause.from + hl.end, clause.to);
    if (to <= from) continue;
    decorations.push(
      Decoration.inline(
        from,
        to,
        {
          nodeName: 'mark',
          class: `hl ${hl.className}${hl.id === active ? ' hl--active' : ''}`,
          'data-finding': hl.id,
          title: hl.label,
        },
        { id: hl.id },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Annotations drawn as inline decorations, never marks (docs/browser.md, "Highlights"). y-prosemirror
 * replaces the whole document on every remote change, which would wipe mapped decorations, so a Yjs-origin
 * transaction rebuilds them from the clause offsets; only local edits map the set.
 */
export function highlightsPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: () => ({ highlights: [], active: null, set: DecorationSet.empty }),
      apply(tr: Transaction, value: HighlightState, _old: EditorState, next: EditorState): HighlightState {
        const meta = tr.getMeta(highlightsKey) as { highlights?: readonly Highlight[]; active?: string | null } | undefined;
        if (meta) {
          const highlights = meta.highlights ?? value.highlights;
          const active = meta.active === undefined ? value.active : meta.active;
          return { highlights, active, set: build(next.doc, highlights, active) };
        }
        if (!tr.docChanged) return value;
        const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
        if (sync?.isChangeOrigin) return { ...value, set: build(next.doc, value.highlights, value.active) };
        return { ...value, set: value.set.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.set ?? DecorationSet.empty,
    },
  });
}
