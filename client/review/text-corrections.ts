import type { Node as PMNode, ResolvedPos } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import { readCorrections, recordCorrection, type TextCorrection } from '../../shared/collab/corrections';
import { correctionsKey, type CorrectedClause } from '../editor/corrections-plugin';
import type { DraftEditor } from '../editor/draft-editor';
import { clauseTextStarts } from '../editor/highlights';
import { formatDateTime, formatNumber, onLangChange, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { announce } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import { sameJson } from '../ui/same-json';
import type { ReviewSession } from './review-session';
import './text-corrections.css';

/** How long her typing must rest before her corrections are recorded. */
const RECORD_PAUSE_MS = 700;

interface ClauseAt {
  clauseId: string;
  article: string | null;
  label: string;
  text: string;
}

/** The innermost clause around a position, with the article it is in. */
function clauseAt($pos: ResolvedPos): ClauseAt | null {
  let clause: PMNode | null = null;
  let article: string | null = null;
  for (let depth = $pos.depth; depth >= 0; depth -= 1) {
    const node = $pos.node(depth);
    if (node.type.name !== 'clause') continue;
    clause ??= node;
    if (node.attrs.kind === 'article') {
      article = node.attrs.number == null ? null : String(node.attrs.number);
      break;
    }
  }
  if (!clause) return null;
  const first = clause.firstChild;
  return { clauseId: clause.attrs.id as string, article, label: String(clause.attrs.label ?? ''), text: first?.type.name === 'clause_text' ? first.textContent : '' };
}

/**
 * Correcting the text is a mode of its own (issue 17): the secretary switches it on ("Correct the
 * text", off whenever the review opens), so she cannot type into the law by accident — the editor
 * stays read-only until she does; the server's rule that only a secretary writes the TEXT doc stays
 * as it is. What she changes is recorded per clause in her author doc (shared/collab/corrections.ts),
 * and everyone sees it: the corrected clauses marked in the text, and listed with who, when, and
 * what they read before.
 */
export class TextCorrections {
  /** The mode's button and its note (the secretary's only; empty for the others). */
  readonly toolbar: HTMLElement;
  /** The list of corrections, above the text. */
  readonly element: HTMLElement;
  private readonly summary = h('summary', { 'data-testid': 'corrections-summary' });
  private readonly list = h('ol', { class: 'corrections__list', 'data-testid': 'corrections-list' });
  private readonly note = h('p', { class: 'hint corrections__note', role: 'status', 'data-testid': 'corrections-note' });
  private readonly toggle = h('button', { type: 'button', class: 'button', 'aria-pressed': 'false', 'data-testid': 'text-correct-toggle' });
  private readonly subscriptions = new Subscriptions();
  private correcting = false;
  private pending = new Map<string, ClauseAt>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: TextCorrection[] = [];
  private lastBlockedNote = 0;

  constructor(
    private readonly editor: DraftEditor,
    private readonly session: ReviewSession,
    /** Whether the server lets this connection write the text (the secretary's, once joined). */
    private readonly mayWrite: () => boolean,
    private readonly pane: HTMLElement,
  ) {
    this.element = h('details', { class: 'corrections', 'data-testid': 'corrections', hidden: true }, this.summary, this.list);
    this.toolbar = session.isSecretary ? h('div', { class: 'corrections__mode' }, this.toggle, this.note) : h('div', {});
    this.toggle.addEventListener('click', () => this.setCorrecting(!this.correcting));
    this.subscriptions.add(
      editor.onUpdate((tr) => this.observe(tr)),
      session.onModel(() => this.refresh()),
      onLangChange(() => this.render(true)),
      () => clearTimeout(this.timer),
    );
    if (session.isSecretary) {
      // Typing while the mode is off changes nothing (the editor drops it): say why, now and then.
      this.subscriptions.listen<InputEvent>(editor.view.dom, 'beforeinput', () => {
        if (this.correcting || Date.now() - this.lastBlockedNote < 4000) return;
        this.lastBlockedNote = Date.now();
        announce(t('correctionsTypingBlocked'));
        this.note.textContent = t('correctionsTypingBlocked');
      });
    }
    this.render(true);
  }

  destroy(): void {
    this.flush();
    this.subscriptions.release();
  }

  get isCorrecting(): boolean {
    return this.correcting;
  }

  /** The server's answer on joining the text may take the right to write away: the mode goes with it. */
  writableChanged(): void {
    this.editor.setWritable(this.correcting && this.mayWrite());
  }

  setCorrecting(on: boolean): void {
    if (!this.session.isSecretary) return;
    if (!on) this.flush();
    this.correcting = on;
    this.editor.setWritable(on && this.mayWrite());
    this.pane.classList.toggle('editor-pane--correcting', on);
    this.render(false);
    announce(t(on ? 'correctionsModeOn' : 'correctionsModeOff'));
    if (on) this.editor.view.focus();
  }

  /** Her own edits in the editor (not those arriving from Yjs): note each clause touched, as it read before. */
  private observe(tr: Transaction): void {
    if (!this.correcting || !tr.docChanged || tr.getMeta(ySyncPluginKey)) return;
    tr.mapping.maps.forEach((map, i) => {
      const doc = tr.docs[i] ?? tr.before;
      map.forEach((oldStart, oldEnd) => {
        for (const pos of [oldStart, oldEnd]) {
          const clause = clauseAt(doc.resolve(Math.min(Math.max(pos, 0), doc.content.size)));
          if (clause && !this.pending.has(clause.clauseId)) this.pending.set(clause.clauseId, clause);
        }
      });
    });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), RECORD_PAUSE_MS);
  }

  /** Records the clauses she touched, and brings her earlier records up to date (an undo, say). */
  private flush(): void {
    clearTimeout(this.timer);
    if (!this.session.isSecretary) return;
    const me = this.session.me.id;
    const mine = readCorrections(this.session.mine.doc, me);
    if (this.pending.size === 0 && mine.length === 0) return;
    const doc = this.editor.view.state.doc;
    const starts = clauseTextStarts(doc);
    const now = (id: string) => {
      const range = starts.get(id);
      return range ? doc.textBetween(range.from, range.to) : '';
    };
    const touched = [...this.pending.values()];
    this.pending = new Map();
    this.session.mine.doc.transact(() => {
      for (const c of touched) recordCorrection(this.session.mine.doc, me, { clauseId: c.clauseId, article: c.article, label: c.label, before: c.text, after: now(c.clauseId) });
      for (const c of mine) if (!touched.some((x) => x.clauseId === c.clauseId)) recordCorrection(this.session.mine.doc, me, { ...c, after: now(c.clauseId) });
    });
  }

  private corrections(): TextCorrection[] {
    const all = this.session
      .authorDocs()
      .filter((a) => a.role === 'secretary')
      .flatMap((a) => readCorrections(a.doc, a.userId));
    if (all.length === 0) return all;
    const order = clauseTextStarts(this.editor.view.state.doc);
    const where = (c: TextCorrection) => order.get(c.clauseId)?.from ?? Number.MAX_SAFE_INTEGER;
    return all.sort((a, b) => where(a) - where(b) || a.at - b.at);
  }

  private refresh(): void {
    const next = this.corrections();
    if (sameJson(next, this.shown)) return;
    this.shown = next;
    this.render(true);
  }

  private who(c: TextCorrection): string {
    return this.session.memberName(c.authorId) || t('correctionsSecretary');
  }

  private render(all: boolean): void {
    this.toggle.textContent = t('correctionsToggle');
    this.toggle.setAttribute('aria-pressed', String(this.correcting));
    this.note.textContent = t(this.correcting ? 'correctionsModeOn' : 'correctionsModeOff');
    if (!all) return;
    const list = this.shown;
    this.element.hidden = list.length === 0;
    this.summary.textContent = t('correctionsListTitle', { count: formatNumber(list.length) });
    const clip = (text: string) => (text.length > 240 ? `${text.slice(0, 240)}…` : text);
    this.list.replaceChildren(
      ...list.map((c) =>
        h(
          'li',
          { class: 'corrections__item', 'data-testid': 'correction', 'data-clause': c.clauseId },
          h(
            'button',
            { type: 'button', class: 'corrections__where', onclick: () => this.editor.reveal(c.clauseId) },
            // The draft's own label («Статья 2, абзац 1») when it has one, in the draft's language.
            c.label || (c.article ? t('correctionsWhere', { article: c.article }) : t('correctionsWhereOutside')),
          ),
          h('span', { class: 'hint' }, ` ${t('correctionsBy', { name: this.who(c), date: formatDateTime(c.at) })}`),
          h('p', { class: 'corrections__text' }, h('span', { class: 'corrections__label' }, `${t('correctionsBefore')}: `), h('del', {}, clip(c.before))),
          h('p', { class: 'corrections__text' }, h('span', { class: 'corrections__label' }, `${t('correctionsAfter')}: `), c.after ? h('ins', {}, clip(c.after)) : t('correctionsDeleted')),
        ),
      ),
    );
    const marked: CorrectedClause[] = list.map((c) => ({ clauseId: c.clauseId, title: t('correctionsMarkTitle', { name: this.who(c), date: formatDateTime(c.at) }) }));
    this.editor.view.dispatch(this.editor.view.state.tr.setMeta(correctionsKey, marked).setMeta('addToHistory', false));
  }
}
