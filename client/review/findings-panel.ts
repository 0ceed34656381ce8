import {
  addReply,
  clearFinalDecision,
  clearVerdict,
  reopenAnnotation,
  resolveAnnotation,
  setConclusionField,
  setFinalDecision,
  setVerdict,
} from '../../shared/collab/author-doc';
import type { Annotation, FindingWhy, MergedFinding, Reply, ResolvedAnchor, ReviewModel, Severity, Verdict } from '../../shared/review-model';
import { formatDateTime, formatNumber, onLangChange, pick, t, type StringKey } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import { announce } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import { sameJson } from '../ui/same-json';
import { criterionSlot, type ChecklistCriterion } from './checklist-data';
import type { ReviewSession } from './review-session';

/** A finding or a comment as the sidebar lists it. */
export interface ListedItem {
  id: string;
  kind: 'finding' | 'comment';
  origin: 'engine' | 'expert';
  authorId: string | null;
  criterionId: string;
  severity: Severity | null;
  quote: string;
  explanation: string;
  proposedWording?: string;
  verdicts: Verdict[];
  replies: Reply[];
  status: 'open' | 'resolved';
  finalDecision?: 'confirmed' | 'dismissed';
  position?: ResolvedAnchor;
  createdAt?: number;
  /** Engine findings: why the engine proposed it (rule, words, confidence, where they stand). */
  why?: FindingWhy;
}

export function listedItems(model: ReviewModel): ListedItem[] {
  const findings = model.findings.map(
    (f: MergedFinding): ListedItem => ({
      id: f.id,
      kind: 'finding',
      origin: f.origin,
      authorId: f.authorId,
      criterionId: f.criterionId,
      severity: f.severity,
      quote: f.quote.exact,
      explanation: pick(f.explanation),
      ...(f.proposedWording ? { proposedWording: f.proposedWording } : {}),
      verdicts: f.verdicts,
      replies: f.replies,
      status: f.status,
      ...(f.final ? { finalDecision: f.final.decision } : {}),
      ...(f.position ? { position: f.position } : {}),
      ...(f.why ? { why: f.why } : {}),
    }),
  );
  const comments = model.comments.map(
    (c: Annotation & { replies: Reply[]; position?: ResolvedAnchor }): ListedItem => ({
      id: c.id,
      kind: 'comment',
      origin: 'expert',
      authorId: c.authorId,
      criterionId: c.criterionId ?? '',
      severity: null,
      quote: c.anchor.quote.exact,
      explanation: c.body,
      verdicts: [],
      replies: c.replies,
      status: c.status,
      ...(c.position ? { position: c.position } : {}),
      createdAt: c.createdAt,
    }),
  );
  return [...findings, ...comments];
}

interface Filters {
  criterion: string;
  status: string;
  author: string;
  origin: string;
}

/**
 * The sidebar's list of findings and comments in document order, with filters, threads, verdicts and
 * replies. Re-rendering keeps what the user is typing and where her focus is (data-focus-key).
 */
export class FindingsPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly filterBar: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly filters: Filters = { criterion: '', status: '', author: '', origin: '' };
  private readonly drafts = new Map<string, string>();
  private items: ListedItem[] = [];
  /** Who kept records under ids not theirs (ReviewModel.ignored): the secretary is told. */
  private ignored: NonNullable<ReviewModel['ignored']> = [];
  private readonly ignoredNote: HTMLElement;
  private criteria: readonly ChecklistCriterion[] = [];
  private active: string | null = null;
  /** What the cards last drawn showed (see update); null before the first drawing. */
  private shown: unknown = null;
  private readonly subscriptions = new Subscriptions();

  constructor(
    private readonly session: ReviewSession,
    private readonly order: () => Map<string, number>,
    private readonly onJump: (item: ListedItem) => void,
  ) {
    this.filterBar = h('div', { class: 'filters', role: 'group', 'aria-labelledby': 'filters-title' });
    this.summary = h('p', { class: 'findings-summary', 'aria-live': 'polite' });
    this.ignoredNote = h('p', { class: 'findings-ignored', role: 'note', 'data-testid': 'ignored-records', hidden: true });
    this.list = h('ul', { class: 'findings-list', 'aria-labelledby': 'annotations-title', 'data-testid': 'findings-list' });
    this.element = h(
      'section',
      { class: 'findings-panel', 'aria-labelledby': 'annotations-title' },
      tx('h2', 'annotations', { id: 'annotations-title', class: 'panel-title' }),
      tx('h3', 'filters', { id: 'filters-title', class: 'visually-hidden' }),
      this.filterBar,
      this.summary,
      this.ignoredNote,
      this.list,
    );
    this.subscriptions.add(onLangChange(() => this.render()));
  }

  destroy(): void {
    this.subscriptions.release();
  }

  setCriteria(criteria: readonly ChecklistCriterion[]): void {
    this.criteria = criteria;
    this.render();
  }

  update(model: ReviewModel): void {
    this.items = listedItems(model);
    this.ignored = this.session.isSecretary ? (model.ignored ?? []) : [];
    // Typing in the draft moves anchors' offsets, which the cards do not show: re-render only when
    // a card's content or the document order changed (hundreds of cards would cost every keystroke).
    // Compared as JSON would be, not stringified: each merge builds a new model and never changes an
    // old one, so the last one can be kept to compare with.
    const shown = [this.ignored, this.session.isSecretary ? model.conclusion.goodPractice ?? [] : [], this.items.map((i) => ({ ...i, position: i.position && { clauseId: i.position.clauseId, state: i.position.state } })), this.visible().map((i) => i.id)];
    if (this.shown !== null && sameJson(shown, this.shown)) return;
    this.shown = shown;
    this.render();
  }

  /** Highlights the item and moves focus to it (from a click on its highlight in the text). */
  focusItem(id: string): void {
    this.active = id;
    if (!this.visible().some((i) => i.id === id)) Object.assign(this.filters, { criterion: '', status: '', author: '', origin: '' });
    this.render();
    const el = this.list.querySelector<HTMLElement>(`[data-item="${CSS.escape(id)}"] article`);
    el?.scrollIntoView({ block: 'nearest' });
    el?.focus();
  }

  criterionTitle(id: string): string {
    const c = this.criteria.find((x) => x.id === id);
    return c ? `${c.id}. ${pick(c.title)}` : id;
  }

  private visible(): ListedItem[] {
    const f = this.filters;
    const order = this.order();
    return this.items
      .filter(
        (i) =>
          (!f.criterion || i.criterionId === f.criterion) &&
          (!f.status || i.status === f.status) &&
          (!f.origin || i.origin === f.origin) &&
          (!f.author || (f.author === 'engine' ? i.origin === 'engine' : i.authorId === f.author)),
      )
      .sort((a, b) => key(a) - key(b));
    function key(i: ListedItem): number {
      const clause = order.get(i.position?.clauseId ?? '') ?? Number.MAX_SAFE_INTEGER / 2;
      return clause + (i.position?.start ?? 0);
    }
  }

  private authorName(item: ListedItem): string {
    if (item.origin === 'engine') return t('engineAuthor');
    return this.session.memberName(item.authorId) ?? t('unknownUser');
  }

  private select(id: string, labelKey: StringKey, name: keyof Filters, options: Array<[string, string]>): HTMLElement {
    const select = h('select', { id, class: 'input input--small', 'data-testid': id }) as HTMLSelectElement;
    select.append(h('option', { value: '' }, t('all')), ...options.map(([value, label]) => h('option', { value }, label)));
    select.value = this.filters[name];
    select.addEventListener('change', () => {
      this.filters[name] = select.value;
      this.render();
    });
    return h('div', { class: 'filter' }, h('label', { for: id }, t(labelKey)), select);
  }

  private renderFilters(): void {
    const had = document.activeElement instanceof HTMLSelectElement && this.filterBar.contains(document.activeElement) ? document.activeElement.id : null;
    const criteria = [...new Set(this.items.map((i) => i.criterionId).filter(Boolean))].sort();
    const authors = [...new Set(this.items.filter((i) => i.origin === 'expert').map((i) => i.authorId!))];
    this.filterBar.replaceChildren(
      this.select('filter-criterion', 'filterCriterion', 'criterion', criteria.map((c) => [c, this.criterionTitle(c)])),
      this.select('filter-status', 'filterStatus', 'status', [
        ['open', t('statusOpen')],
        ['resolved', t('statusResolved')],
      ]),
      this.select('filter-author', 'filterAuthor', 'author', [['engine', t('engineAuthor')], ...authors.map((a): [string, string] => [a, this.session.memberName(a) ?? t('unknownUser')])]),
      this.select('filter-origin', 'filterOrigin', 'origin', [
        ['engine', t('originEngine')],
        ['expert', t('originExpert')],
      ]),
    );
    if (had) document.getElementById(had)?.focus();
  }

  render(): void {
    const focused = document.activeElement as HTMLElement | null;
    const focusKey = focused && this.list.contains(focused) ? focused.dataset.focusKey : undefined;
    const caret = focused instanceof HTMLTextAreaElement ? [focused.selectionStart, focused.selectionEnd] : null;
    this.renderFilters();
    const visible = this.visible();
    this.summary.textContent = t('countFindings', { count: formatNumber(visible.length) });
    this.ignoredNote.hidden = this.ignored.length === 0;
    this.ignoredNote.textContent = this.ignored.length
      ? t('ignoredRecords', {
          count: formatNumber(this.ignored.length),
          names: [...new Set(this.ignored.map((r) => this.session.memberName(r.authorId) ?? t('unknownUser')))].join(', '),
        })
      : '';
    if (visible.length === 0) this.list.replaceChildren(h('li', { class: 'findings-empty' }, t('noAnnotations')));
    else this.list.replaceChildren(...visible.map((item) => this.renderItem(item)));
    if (focusKey) {
      const again = this.list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
      again?.focus();
      if (again instanceof HTMLTextAreaElement && caret) again.setSelectionRange(caret[0], caret[1]);
    }
  }

  private renderItem(item: ListedItem): HTMLElement {
    const me = this.session.me.id;
    const titleId = `item-${item.id}-title`;
    const mine = item.verdicts.find((v) => v.authorId === me)?.decision;
    const names = (decision: 'confirm' | 'dismiss') =>
      item.verdicts.filter((v) => v.decision === decision).map((v) => this.session.memberName(v.authorId) ?? t('unknownUser'));
    const confirmed = names('confirm');
    const dismissed = names('dismiss');
    const slot = criterionSlot(this.criteria, item.criterionId);
    const isOwn = item.origin === 'expert' && item.authorId === me;
    const actions = h('div', { class: 'finding__actions' });
    if (item.kind === 'finding' && !isOwn) {
      actions.append(
        this.action('confirm', `confirm-${item.id}`, mine === 'confirm', () => this.verdict(item, 'confirm', mine === 'confirm')),
        this.action('dismiss', `dismiss-${item.id}`, mine === 'dismiss', () => this.verdict(item, 'dismiss', mine === 'dismiss')),
      );
    }
    if (item.kind === 'finding' && isOwn && this.session.isSecretary) {
      actions.append(this.action('confirm', `confirm-${item.id}`, item.finalDecision === 'confirmed', () => this.verdict(item, 'confirm', item.finalDecision === 'confirmed')));
    }
    // The secretary marks a confirmed finding as good practice: the conclusion then cites it in the
    // analysis as a positive norm, not in the table of proposals (shared/conclusion/positive.ts).
    if (item.kind === 'finding' && this.session.isSecretary && item.finalDecision === 'confirmed') {
      const marked = this.goodPractice().includes(item.id);
      actions.append(this.action('goodPractice', `good-${item.id}`, marked, () => this.markGoodPractice(item.id, !marked)));
    }
    if (isOwn || (item.kind === 'comment' && item.authorId === me)) {
      actions.append(
        item.status === 'open'
          ? this.action('resolve', `resolve-${item.id}`, null, () => resolveAnnotation(this.session.mine.doc, item.id))
          : this.action('reopen', `reopen-${item.id}`, null, () => reopenAnnotation(this.session.mine.doc, item.id)),
      );
    }
    const replyKey = `reply-${item.id}`;
    const replyBox = h('textarea', { id: replyKey, class: 'input', rows: '2', maxlength: '20000', 'data-focus-key': replyKey, 'data-testid': 'reply-input' }) as HTMLTextAreaElement;
    replyBox.value = this.drafts.get(item.id) ?? '';
    replyBox.addEventListener('input', () => this.drafts.set(item.id, replyBox.value));
    const replyForm = h(
      'form',
      { class: 'reply-form' },
      h('label', { for: replyKey, class: 'visually-hidden' }, t('replyLabel')),
      replyBox,
      h('button', { type: 'submit', class: 'button button--small', 'data-focus-key': `send-${item.id}`, 'data-testid': 'reply-send' }, t('sendReply')),
    );
    replyForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = replyBox.value.trim();
      if (!body) return;
      addReply(this.session.mine.doc, me, item.id, body);
      this.drafts.delete(item.id);
      replyBox.value = '';
      this.session.refresh();
    });
    const orphaned = item.position?.state === 'orphaned';
    return h(
      'li',
      { class: `finding finding--${item.status}${item.id === this.active ? ' finding--active' : ''}`, 'data-item': item.id, 'data-origin': item.origin },
      h(
        'article',
        { 'aria-labelledby': titleId, tabindex: '-1', class: 'finding__card' },
        h(
          'header',
          { class: 'finding__head' },
          h('span', { class: `swatch crit-${slot}`, 'aria-hidden': 'true' }),
          h('h3', { id: titleId, class: 'finding__title' }, item.kind === 'comment' ? t('quote') : this.criterionTitle(item.criterionId)),
          item.severity ? h('span', { class: `severity severity--${item.severity}` }, t(`severity_${item.severity}` as StringKey)) : null,
        ),
        h('p', { class: 'finding__meta' }, `${this.authorName(item)}${item.createdAt ? ` · ${formatDateTime(item.createdAt)}` : ''} · ${t(item.status === 'open' ? 'statusOpen' : 'statusResolved')}`),
        h(
          'button',
          { type: 'button', class: 'finding__quote', 'data-focus-key': `quote-${item.id}`, onclick: () => this.onJump(item) },
          h('q', {}, item.quote.length > 300 ? `${item.quote.slice(0, 300)}…` : item.quote),
          orphaned ? h('span', { class: 'finding__orphan' }, ` (${t('orphaned')})`) : null,
        ),
        h('p', { class: 'finding__body', 'data-testid': 'finding-body-text' }, item.explanation),
        item.why ? whyLine(item.why) : null,
        item.proposedWording ? h('p', { class: 'finding__wording' }, h('strong', {}, `${t('proposedWording')}: `), item.proposedWording) : null,
        confirmed.length ? h('p', { class: 'finding__verdicts', 'data-testid': 'confirmed-by' }, t('confirmedBy', { names: confirmed.join(', ') })) : null,
        dismissed.length ? h('p', { class: 'finding__verdicts' }, t('dismissedBy', { names: dismissed.join(', ') })) : null,
        item.replies.length
          ? h(
              'ol',
              { class: 'replies', 'aria-label': t('reply') },
              ...item.replies.map((r) => h('li', { class: 'reply' }, h('strong', {}, this.session.memberName(r.authorId) ?? t('unknownUser')), ` · ${formatDateTime(r.createdAt)}`, h('p', {}, r.body))),
            )
          : null,
        actions,
        replyForm,
      ),
    );
  }

  private action(key: StringKey, focusKey: string, pressed: boolean | null, run: () => void): HTMLElement {
    return h(
      'button',
      {
        type: 'button',
        class: 'button button--small',
        'data-focus-key': focusKey,
        'data-testid': key,
        'aria-pressed': pressed === null ? null : String(pressed),
        onclick: () => {
          run();
          this.session.refresh();
          announce(t(key));
        },
      },
      t(key),
    );
  }

  private goodPractice(): string[] {
    const value = this.session.model?.conclusion.goodPractice;
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  }

  private markGoodPractice(id: string, marked: boolean): void {
    const others = this.goodPractice().filter((x) => x !== id);
    setConclusionField(this.session.mine.doc, 'goodPractice', marked ? [...others, id] : others);
  }

  private verdict(item: ListedItem, decision: 'confirm' | 'dismiss', undo: boolean): void {
    const doc = this.session.mine.doc;
    const me = this.session.me.id;
    doc.transact(() => {
      if (item.authorId !== me) {
        if (undo) clearVerdict(doc, item.id);
        else setVerdict(doc, me, { targetId: item.id, decision });
      }
      // The secretary's confirmation is the final decision that puts a finding in the conclusion.
      if (this.session.isSecretary) {
        if (undo) clearFinalDecision(doc, item.id);
        else setFinalDecision(doc, { targetId: item.id, decision: decision === 'confirm' ? 'confirmed' : 'dismissed' });
      }
    });
  }
}

/**
 * The engine's reasons on its card (issue 15): the words it matched, the rule, its confidence and where
 * the words stand; for an act-level note the places it lists. One line, small, under the explanation.
 */
function whyLine(why: FindingWhy): HTMLElement {
  const words = why.words.length ? why.words.map((w) => `«${w}»`).join(', ') : t('checklistWhyNoWords');
  const line = t('checklistWhyLine', {
    words,
    rule: why.rule,
    confidence: t(`checklistWhyConfidence_${why.confidence}` as StringKey),
    context: t(`checklistWhyContext_${why.context}` as StringKey),
  });
  const places = (list: ReadonlyArray<{ label: string }>) => list.slice(0, 8).map((p) => p.label).join('; ') + (list.length > 8 ? '; …' : '');
  const more = why.occurrences?.length
    ? t('checklistWhyOccurrences', { count: formatNumber(why.occurrences.length), places: places(why.occurrences) })
    : why.lookedAt?.length
      ? t('checklistWhyLookedAt', { count: formatNumber(why.lookedAt.length), places: places(why.lookedAt) })
      : null;
  return h('p', { class: 'finding__why', 'data-testid': 'finding-why' }, line, more ? h('br', {}) : null, more);
}
