import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { redo, undo, yCursorPlugin, ySyncPlugin, ySyncPluginKey, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { draftSchema } from '../../shared/schema';
import { sameJson } from '../ui/same-json';
import { cursorBuilder, selectionBuilder } from './cursors';
import { clauseTextStarts, highlightsKey, highlightsPlugin, type Highlight } from './highlights';
import { searchPlugin } from './search-plugin';
import { correctionsPlugin } from './corrections-plugin';

export interface SelectedWords {
  clauseId: string;
  start: number;
  end: number;
  text: string;
}

/**
 * The draft in ProseMirror, bound to the TEXT doc's fragment by y-prosemirror. Everyone can move a
 * caret and select with the keyboard (so experts can select words for a finding), but only a writable
 * connection (the secretary's) may change the document: other transactions that change it are dropped.
 */
export class DraftEditor {
  readonly view: EditorView;
  private writable: boolean;
  private shownHighlights: readonly Highlight[] | null = null;
  private readonly updateListeners = new Set<(tr: Transaction) => void>();

  constructor(
    mount: HTMLElement,
    fragment: Y.XmlFragment,
    awareness: Awareness,
    options: { writable: boolean; label: string; onSelection?: () => void; onHighlightClick?: (id: string) => void },
  ) {
    this.writable = options.writable;
    const editor = this;
    const state = EditorState.create({
      schema: draftSchema,
      plugins: [
        ySyncPlugin(fragment),
        yCursorPlugin(awareness, { cursorBuilder, selectionBuilder }),
        yUndoPlugin(),
        keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }),
        keymap(baseKeymap),
        highlightsPlugin(),
        searchPlugin(),
        correctionsPlugin(),
      ],
    });
    this.view = new EditorView(mount, {
      state,
      attributes: () => ({
        class: 'draft-editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': options.label,
        'aria-readonly': String(!this.writable),
        'aria-keyshortcuts': 'Control+Alt+M Control+Alt+J',
        spellcheck: 'false',
        'data-testid': 'draft-editor',
        // The page's skip link lands here (client/shell.ts).
        'data-skip-target': 'true',
      }),
      // A plain function: ProseMirror calls it with the view as `this`, also while the EditorView is
      // still being constructed (y-prosemirror renders the fragment from its plugin view at once).
      dispatchTransaction(this: EditorView, tr: Transaction) {
        if (tr.docChanged && !editor.writable && !tr.getMeta(ySyncPluginKey)) return;
        this.updateState(this.state.apply(tr));
        if (tr.selectionSet) options.onSelection?.();
        for (const fn of editor.updateListeners) fn(tr);
      },
      handleClickOn: (_view, _pos, _node, _nodePos, event) => {
        const mark = (event.target as HTMLElement).closest?.('mark[data-finding]');
        if (mark) options.onHighlightClick?.(mark.getAttribute('data-finding')!);
        return false;
      },
    });
  }

  /** Called after every transaction the view applied (the search follows the text with it). */
  onUpdate(fn: (tr: Transaction) => void): () => void {
    this.updateListeners.add(fn);
    return () => this.updateListeners.delete(fn);
  }

  get isWritable(): boolean {
    return this.writable;
  }

  /** Scrolls a document position to the middle of the view, without moving the caret or the focus. */
  scrollToPos(pos: number): void {
    const dom = this.view.domAtPos(Math.min(pos, this.view.state.doc.content.size)).node;
    (dom instanceof Element ? dom : dom.parentElement)?.scrollIntoView({ block: 'center' });
  }

  /** Selects a range of document positions, scrolls to it and focuses the editor. */
  selectRange(from: number, to: number): void {
    const size = this.view.state.doc.content.size;
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, Math.min(from, size), Math.min(to, size))).scrollIntoView());
    this.scrollToPos(from);
    this.view.focus();
  }

  setWritable(writable: boolean): void {
    this.writable = writable;
    this.view.setProps({});
  }

  setHighlights(highlights: readonly Highlight[]): void {
    // Unchanged highlights keep the decorations ProseMirror has mapped through local edits.
    if (this.shownHighlights && sameJson(highlights, this.shownHighlights)) return;
    this.shownHighlights = highlights;
    this.view.dispatch(this.view.state.tr.setMeta(highlightsKey, { highlights }).setMeta('addToHistory', false));
  }

  setActive(id: string | null): void {
    this.view.dispatch(this.view.state.tr.setMeta(highlightsKey, { active: id }).setMeta('addToHistory', false));
  }

  /** The highlights under the caret (or the selection's start), innermost last. */
  highlightsAtCaret(): string[] {
    const set = highlightsKey.getState(this.view.state)?.set;
    const at = this.view.state.selection.from;
    return (set?.find(at, at, (spec) => typeof spec.id === 'string') ?? []).filter((d) => d.from <= at && at <= d.to).map((d) => (d.spec as { id: string }).id);
  }

  /** The words selected inside one clause's own text, or null when nothing usable is selected. */
  selectedWords(): SelectedWords | null {
    const { from, to, empty } = this.view.state.selection;
    if (empty) return null;
    const $from = this.view.state.doc.resolve(from);
    const $to = this.view.state.doc.resolve(to);
    if ($from.parent.type.name !== 'clause_text' || !$from.sameParent($to)) {
      // A selection over several clauses anchors to the clause it starts in, up to its end.
      if ($from.parent.type.name !== 'clause_text') return null;
    }
    const clause = $from.node($from.depth - 1);
    const textStart = $from.start();
    const end = $from.sameParent($to) ? to : $from.end();
    if (end <= from) return null;
    return {
      clauseId: clause.attrs.id as string,
      start: from - textStart,
      end: end - textStart,
      text: this.view.state.doc.textBetween(from, end),
    };
  }

  /** Scrolls to a clause (or words in it), puts the caret there and focuses the editor. */
  reveal(clauseId: string, range?: { start: number; end: number }): void {
    const where = clauseTextStarts(this.view.state.doc).get(clauseId);
    if (!where) return;
    const from = Math.min(where.from + (range?.start ?? 0), where.to);
    const to = Math.min(where.from + (range?.end ?? 0), where.to);
    const selection = TextSelection.create(this.view.state.doc, from, Math.max(from, to));
    this.view.dispatch(this.view.state.tr.setSelection(selection).scrollIntoView());
    const dom = this.view.domAtPos(from).node;
    (dom instanceof Element ? dom : dom.parentElement)?.scrollIntoView({ block: 'center' });
    this.view.focus();
  }

  /**
   * Destroying the view destroys its plugins' views, which release what they hold: y-prosemirror's
   * binding stops observing the fragment and the doc's transactions, its cursor plugin stops
   * listening to the awareness (and clears her cursor there), its undo manager is destroyed.
   */
  destroy(): void {
    this.updateListeners.clear();
    this.view.destroy();
  }
}
