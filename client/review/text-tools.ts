import type { Node as PMNode } from 'prosemirror-model';
import type { DraftEditor } from '../editor/draft-editor';
import { searchKey } from '../editor/search-plugin';
import { formatNumber, onLangChange, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { announce } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import { entryAt, outlineStarts, type OutlineNav } from './outline';
import { openShortcutHelp } from './shortcut-help';
import './text-tools.css';

/** An article's number as people type it: «16¹», «16-1» and «16.1» are one article. */
export function normalArticleNumber(number: string): string {
  const superscripts: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  return number
    .trim()
    .toLowerCase()
    .replace(/^(ст(атья)?|берене|art(icle)?)\.?\s*/u, '')
    .replace(/([0-9])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/gu, (_m, d: string, sup: string) => `${d}-${[...sup].map((c) => superscripts[c]).join('')}`)
    .replace(/[.\s]+/g, '-')
    .replace(/-+$/, '');
}

/** The clause id of the article with this number, or null. */
export function findArticle(doc: PMNode, number: string): string | null {
  const wanted = normalArticleNumber(number);
  if (!wanted) return null;
  let found: string | null = null;
  doc.descendants((node) => {
    if (found || node.type.name !== 'clause') return false;
    if (node.attrs.kind === 'article') {
      const own = node.attrs.number == null ? '' : normalArticleNumber(String(node.attrs.number));
      if (own === wanted) found = node.attrs.id as string;
      return false;
    }
    return true;
  });
  return found;
}

/**
 * The draft's own tools above the text (issue 17): search with its hits marked in the text and in the
 * outline (next/previous, Enter and F3), go to article N, and the sheet of shortcuts on `?`. Ctrl+F
 * opens this search instead of the browser's, which cannot see the outline.
 */
export class TextTools {
  readonly element: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly goto: HTMLInputElement;
  private readonly gotoNote: HTMLElement;
  private readonly subscriptions = new Subscriptions();
  private inputTimer: ReturnType<typeof setTimeout> | undefined;
  private shown: unknown = null;
  private starts: { doc: PMNode; list: Array<{ id: string; pos: number }> } | null = null;
  private gotoMissing: string | null = null;

  constructor(
    private readonly editor: DraftEditor,
    private readonly outline: OutlineNav,
  ) {
    this.search = h('input', { type: 'search', id: 'text-search', class: 'input input--small', autocomplete: 'off', 'aria-describedby': 'text-search-count', 'aria-keyshortcuts': 'Control+F', 'data-testid': 'text-search' }) as HTMLInputElement;
    this.count = h('span', { id: 'text-search-count', class: 'hint text-tools__count', role: 'status', 'data-testid': 'text-search-count' });
    const prev = h('button', { type: 'button', class: 'button button--small', 'data-testid': 'text-search-prev' }, '↑');
    const next = h('button', { type: 'button', class: 'button button--small', 'data-testid': 'text-search-next' }, '↓');
    prev.addEventListener('click', () => this.step(-1));
    next.addEventListener('click', () => this.step(1));
    this.search.addEventListener('input', () => {
      clearTimeout(this.inputTimer);
      this.inputTimer = setTimeout(() => this.find(), 150);
    });
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        clearTimeout(this.inputTimer);
        if (this.query() !== this.search.value) this.find();
        else this.step(event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
    this.goto = h('input', { type: 'text', id: 'goto-article', class: 'input input--small text-tools__goto', inputmode: 'text', autocomplete: 'off', 'aria-keyshortcuts': 'Control+Alt+G', 'aria-describedby': 'goto-article-note', 'data-testid': 'goto-article' }) as HTMLInputElement;
    this.gotoNote = h('span', { id: 'goto-article-note', class: 'hint', role: 'status', 'data-testid': 'goto-article-note' });
    const gotoForm = h('form', { class: 'text-tools__group', 'data-testid': 'goto-form' }, h('label', { for: 'goto-article', 'data-i18n': 'textToolsGotoLabel' }, t('textToolsGotoLabel')), this.goto, h('button', { type: 'submit', class: 'button button--small', 'data-i18n': 'textToolsGotoButton' }, t('textToolsGotoButton')), this.gotoNote);
    gotoForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.goToArticle(this.goto.value);
    });
    const help = h('button', { type: 'button', class: 'button button--small', 'aria-keyshortcuts': '?', 'data-i18n': 'textToolsHelpButton', 'data-testid': 'shortcut-help-button' }, t('textToolsHelpButton'));
    help.addEventListener('click', () => openShortcutHelp());
    this.element = h(
      'div',
      { class: 'text-tools', 'data-testid': 'text-tools' },
      h('div', { role: 'search', class: 'text-tools__group' }, h('label', { for: 'text-search', class: 'visually-hidden', 'data-i18n': 'textToolsSearchLabel' }, t('textToolsSearchLabel')), this.search, prev, next, this.count),
      gotoForm,
      help,
    );
    const label = () => {
      this.search.placeholder = t('textToolsSearchPlaceholder');
      prev.setAttribute('aria-label', t('textToolsPrev'));
      next.setAttribute('aria-label', t('textToolsNext'));
      prev.title = t('textToolsPrev');
      next.title = t('textToolsNext');
      this.shown = null;
      this.refresh();
      if (this.gotoMissing) this.gotoNote.textContent = t('textToolsGotoMissing', { number: this.gotoMissing });
    };
    label();
    this.subscriptions.add(
      onLangChange(label),
      editor.onUpdate(() => this.refresh()),
      () => clearTimeout(this.inputTimer),
    );
    this.subscriptions.listen<KeyboardEvent>(document, 'keydown', (event) => this.onKey(event));
  }

  destroy(): void {
    this.subscriptions.release();
  }

  private state() {
    return searchKey.getState(this.editor.view.state);
  }

  private query(): string {
    return this.state()?.query ?? '';
  }

  /** Searches for what is typed, starting from the first hit after the caret. */
  private find(): void {
    const query = this.search.value;
    this.editor.view.dispatch(this.editor.view.state.tr.setMeta(searchKey, { query, current: 0 }).setMeta('addToHistory', false));
    const state = this.state();
    if (!state || state.hits.length === 0) return;
    const caret = this.editor.view.state.selection.from;
    const after = state.hits.findIndex((hit) => hit.from >= caret);
    this.show(after > 0 ? after : 0);
  }

  private step(delta: number): void {
    const state = this.state();
    if (!state || state.hits.length === 0) {
      if (this.search.value) this.find();
      return;
    }
    this.show((state.current + delta + state.hits.length) % state.hits.length);
  }

  private show(index: number): void {
    this.editor.view.dispatch(this.editor.view.state.tr.setMeta(searchKey, { current: index }).setMeta('addToHistory', false));
    const hit = this.state()?.hits[index];
    if (hit) this.editor.scrollToPos(hit.from);
  }

  /** Escape: the search ends, the caret goes to the current hit, and she is back in the text. */
  private close(): void {
    const hit = this.state()?.hits[this.state()!.current];
    this.search.value = '';
    this.editor.view.dispatch(this.editor.view.state.tr.setMeta(searchKey, { query: '' }).setMeta('addToHistory', false));
    if (hit) this.editor.selectRange(hit.from, hit.to);
    else this.editor.view.focus();
  }

  /** The count beside the box and the marks in the outline, whenever the hits or the current one changed. */
  private refresh(): void {
    const state = this.state();
    if (!state || state === this.shown) return;
    this.shown = state;
    const { hits, current, query } = state;
    this.count.textContent = !query.trim() ? '' : hits.length ? t('textToolsCount', { current: formatNumber(current + 1), total: formatNumber(hits.length) }) : t('textToolsNone');
    const doc = this.editor.view.state.doc;
    if (this.starts?.doc !== doc) this.starts = { doc, list: outlineStarts(doc) };
    const perEntry = new Map<string, number>();
    for (const hit of hits) {
      const id = entryAt(this.starts.list, hit.from);
      if (id) perEntry.set(id, (perEntry.get(id) ?? 0) + 1);
    }
    const at = hits[current];
    this.outline.markHits(perEntry, at ? entryAt(this.starts.list, at.from) : null);
  }

  private goToArticle(typed: string): void {
    const id = findArticle(this.editor.view.state.doc, typed);
    if (!typed.trim()) return;
    if (!id) {
      this.gotoMissing = typed.trim();
      this.gotoNote.textContent = t('textToolsGotoMissing', { number: this.gotoMissing });
      return;
    }
    this.gotoMissing = null;
    this.gotoNote.textContent = '';
    this.editor.reveal(id);
    announce(t('textToolsGotoDone', { number: typed.trim() }));
  }

  /** Ctrl+F, F3, Ctrl+Alt+G and `?` while the review page is shown (not over an open dialog). */
  private onKey(event: KeyboardEvent): void {
    if (document.querySelector('dialog[open]')) return;
    const key = event.key;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (key === 'f' || key === 'F' || event.code === 'KeyF')) {
      event.preventDefault();
      this.search.focus();
      this.search.select();
    } else if (key === 'F3') {
      event.preventDefault();
      this.step(event.shiftKey ? -1 : 1);
    } else if (event.ctrlKey && event.altKey && (key === 'g' || key === 'G' || event.code === 'KeyG')) {
      event.preventDefault();
      this.goto.focus();
      this.goto.select();
    } else if (key === '?' && !event.ctrlKey && !event.altKey && !typesText(event.target, this.editor)) {
      event.preventDefault();
      openShortcutHelp();
    }
  }
}

/** Whether a `?` typed there is text: a field, or the draft while she may correct it. */
function typesText(target: EventTarget | null, editor: DraftEditor): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('input, textarea, select')) return true;
  if (editor.view.dom.contains(target)) return editor.isWritable;
  return target.isContentEditable;
}

/** The number of the article a clause is in (the article itself included), or null outside articles. */
export function articleOf(doc: PMNode, clauseId: string): string | null {
  let found: string | null = null;
  let done = false;
  const walk = (node: PMNode, article: string | null): void => {
    node.forEach((child) => {
      if (done || child.type.name !== 'clause') return;
      const here = child.attrs.kind === 'article' ? (child.attrs.number == null ? null : String(child.attrs.number)) : article;
      if (child.attrs.id === clauseId) {
        found = here;
        done = true;
        return;
      }
      walk(child, here);
    });
  };
  walk(doc, null);
  return found;
}
