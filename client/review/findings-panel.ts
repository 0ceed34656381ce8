import {
  addReply,
  clearFinalDecision,
  clearVerdict,
  deleteAnnotation,
  deleteReply,
  editAnnotation,
  editReply,
  reopenAnnotation,
  resolveAnnotation,
  setConclusionField,
  setFinalDecision,
  setVerdict,
} from '../../shared/collab/author-doc';
import { groupAfterDismissal } from '../../shared/checklist/grouping';
import type { AmendmentEffect, Annotation, AnnotationVersion, CarriedPlacement, DeletedAnnotation, FinalDecision, FindingWhy, MergedFinding, Reply, ResolvedAnchor, ReviewModel, Severity, Verdict } from '../../shared/review-model';
import { formatDateTime, formatNumber, lang, onLangChange, pick, t, type StringKey } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import { announce } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import { sameJson } from '../ui/same-json';
import { confirmAction } from '../ui/confirm-dialog';
import { criterionSlot, type ChecklistCriterion } from './checklist-data';
import { openFindingDialog } from './finding-dialog';
import { groupListed, pluralForm, type GroupedList } from './finding-groups';
import { articleNumber, articleOf, matchesFilters, NO_FILTERS, type Filters } from './finding-filters';
import type { ReviewSession } from './review-session';
import { askText } from './text-dialog';
import { MENTIONS_ATTRIBUTE } from './mention-autocomplete';
import './finding-cards.css';
import { placeInVersion } from './carried-place';

/** A dismissal's reason is short: a line the card and the audit record carry. */
const REASON_MAX = 300;

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
  final?: FinalDecision;
  position?: ResolvedAnchor;
  createdAt?: number;
  /** Engine findings: why the engine proposed it (rule, words, confidence, where they stand). */
  why?: FindingWhy;
  /** Engine findings on what an amendment law makes of its base act: the unit as it will read, or words taken out. */
  amendment?: AmendmentEffect;
  /** Where it was made (its clause), for the filter by article. */
  clauseId: string;
  /** Editable content of her own annotation, and its edit history. */
  polarity?: 'risk' | 'positive';
  editedAt?: number;
  history?: AnnotationVersion[];
  /** On a later version of the draft: made on an earlier one, and how it stands here (issue 16). */
  carried?: CarriedPlacement;
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
      ...(f.final ? { finalDecision: f.final.decision, final: f.final } : {}),
      ...placeInVersion(f.position, f.clauseId, f.carried),
      ...(f.why ? { why: f.why } : {}),
      ...(f.amendment ? { amendment: f.amendment } : {}),
      ...(f.carried ? { carried: f.carried } : {}),
      polarity: f.polarity,
      ...(f.editedAt !== undefined ? { editedAt: f.editedAt } : {}),
      ...(f.history ? { history: f.history } : {}),
    }),
  );
  const comments = model.comments.map(
    (c: Annotation & { replies: Reply[]; position?: ResolvedAnchor; carried?: CarriedPlacement }): ListedItem => ({
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
      ...placeInVersion(c.position, c.anchor.clauseId, c.carried),
      ...(c.carried ? { carried: c.carried } : {}),
      createdAt: c.createdAt,
      ...(c.editedAt !== undefined ? { editedAt: c.editedAt } : {}),
      ...(c.history ? { history: c.history } : {}),
    }),
  );
  return [...findings, ...comments];
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
  private readonly filters: Filters = { ...NO_FILTERS };
  private readonly drafts = new Map<string, string>();
  /** Cards whose reply box she opened (the box is shown on demand, or while it holds a draft). */
  private readonly replying = new Set<string>();
  /** Edit histories she opened: kept open across re-renders. */
  private readonly openHistories = new Set<string>();
  private items: ListedItem[] = [];
  /** Findings and comments their authors deleted: the secretary sees them, apart. */
  private deleted: DeletedAnnotation[] = [];
  private readonly deletedBox: HTMLElement;
  /** False until the first model arrives: the list says it is loading, never «no findings». */
  private loaded = false;
  /** Escape from a card: back to the text (set by the page). */
  onLeave: ((item: ListedItem) => void) | null = null;
  /** Who kept records under ids not theirs (ReviewModel.ignored): the secretary is told. */
  private ignored: NonNullable<ReviewModel['ignored']> = [];
  private readonly ignoredNote: HTMLElement;
  private criteria: readonly ChecklistCriterion[] = [];
  private active: string | null = null;
  /** Grouped candidate id → the dismissed one it is grouped under (issue 15, shared/checklist/grouping.ts). */
  private grouped = new Map<string, string>();
  /** Grouped candidates whose own card she opened from the group: listed on their own until reload. */
  private readonly openedGrouped = new Set<string>();
  /** Dismissed cards whose group she expanded: kept open across re-renders. */
  private readonly expandedGroups = new Set<string>();
  /** The list as last grouped (by visible()): the dismissed cards draw their groups from it. */
  private groups: GroupedList = { listed: [], under: new Map(), hidden: 0 };
  /** A clause's label as a lawyer cites it («Статья 2, часть 1»), for the grouped entries (set by the page). */
  placeOf: (clauseId: string) => string = (clauseId) => {
    const article = articleOf(clauseId);
    return article === null ? clauseId : t('cardArticleN', { number: articleNumber(article) });
  };
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
    this.deletedBox = h('div', { class: 'findings-deleted', 'data-testid': 'deleted-annotations', hidden: true });
    this.element = h(
      'section',
      { class: 'findings-panel', 'aria-labelledby': 'annotations-title' },
      tx('h2', 'annotations', { id: 'annotations-title', class: 'panel-title' }),
      tx('h3', 'filters', { id: 'filters-title', class: 'visually-hidden' }),
      this.filterBar,
      this.summary,
      this.ignoredNote,
      this.list,
      this.deletedBox,
    );
    this.subscriptions.add(onLangChange(() => this.render()));
    this.render();
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
    this.grouped = groupAfterDismissal(model.findings);
    this.loaded = true;
    this.ignored = this.session.isSecretary ? (model.ignored ?? []) : [];
    this.deleted = this.session.isSecretary ? (model.deleted ?? []) : [];
    // Typing in the draft moves anchors' offsets, which the cards do not show: re-render only when
    // a card's content or the document order changed (hundreds of cards would cost every keystroke).
    // Compared as JSON would be, not stringified: each merge builds a new model and never changes an
    // old one, so the last one can be kept to compare with.
    const shown = [this.ignored, this.deleted.map((d) => ({ ...d, position: undefined })), this.session.isSecretary ? model.conclusion.goodPractice ?? [] : [], this.items.map((i) => ({ ...i, position: i.position && { clauseId: i.position.clauseId, state: i.position.state } })), this.visible().map((i) => i.id), [...this.grouped]];
    if (this.shown !== null && sameJson(shown, this.shown)) return;
    this.shown = shown;
    this.render();
  }

  /** Highlights the item and moves focus to it (from a click on its highlight in the text). */
  focusItem(id: string): void {
    this.active = id;
    // A grouped candidate's words were clicked in the text: its own card is opened, not its group's.
    if (this.grouped.has(id)) this.openedGrouped.add(id);
    if (!this.visible().some((i) => i.id === id)) Object.assign(this.filters, NO_FILTERS);
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
    const me = { id: this.session.me.id, isSecretary: this.session.isSecretary };
    // Grouped candidates are no open work of their own: out of the list, its counts and its filters.
    // Sorted first, so a dismissed card's group is in the draft's order too.
    this.groups = groupListed([...this.items].sort((a, b) => key(a) - key(b)), this.grouped, this.openedGrouped);
    return this.groups.listed.filter((i) => matchesFilters(i, f, me, (x) => this.authorName(x)));
    function key(i: ListedItem): number {
      const clause = order.get(i.position?.clauseId ?? '') ?? Number.MAX_SAFE_INTEGER / 2;
      return clause + (i.position?.start ?? 0);
    }
  }

  private authorName(item: ListedItem): string {
    if (item.origin === 'engine') return t('engineAuthor');
    return this.session.memberName(item.authorId) ?? t('unknownUser');
  }

  private select(id: string, labelKey: StringKey, name: Exclude<keyof Filters, 'search'>, options: Array<[string, string]>): HTMLElement {
    const select = h('select', { id, class: 'input input--small', 'data-testid': id }) as HTMLSelectElement;
    select.append(h('option', { value: '' }, t('all')), ...options.map(([value, label]) => h('option', { value }, label)));
    select.value = this.filters[name];
    select.addEventListener('change', () => {
      (this.filters as unknown as Record<string, string>)[name] = select.value;
      this.render();
    });
    return h('div', { class: 'filter' }, h('label', { for: id }, t(labelKey)), select);
  }

  private renderFilters(): void {
    const active = document.activeElement;
    const had = (active instanceof HTMLSelectElement || active instanceof HTMLInputElement) && this.filterBar.contains(active) ? active.id : null;
    const caret = active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] : null;
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
      this.select('filter-show', 'cardShow', 'show', [
        ['mine', t('cardShowMine')],
        ['notVoted', t('cardShowNotVoted')],
        ['awaiting', t('cardShowAwaiting')],
        ['comments', t('cardShowComments')],
        // On a later version with annotations on deleted text (issue 16): those alone.
        ...(this.items.some((i) => i.carried?.state === 'orphaned') || this.filters.show === 'orphans' ? [['orphans', t('draftVersionsShowOrphans')] as [string, string]] : []),
      ]),
      this.select('filter-article', 'cardArticle', 'article', this.articles().map((a): [string, string] => [a, t('cardArticleN', { number: articleNumber(a) })])),
      this.searchBox(),
    );
    if (had) {
      const again = document.getElementById(had);
      again?.focus();
      if (again instanceof HTMLInputElement && caret) again.setSelectionRange(caret[0], caret[1]);
    }
  }

  /** The articles that carry findings or comments, in the draft's order. */
  private articles(): string[] {
    const order = this.order();
    const first = new Map<string, number>();
    for (const item of this.items) {
      const article = articleOf(item.clauseId);
      if (article === null) continue;
      const at = order.get(item.clauseId) ?? Number.MAX_SAFE_INTEGER;
      if (!first.has(article) || first.get(article)! > at) first.set(article, at);
    }
    if (this.filters.article && !first.has(this.filters.article)) first.set(this.filters.article, Number.MAX_SAFE_INTEGER);
    return [...first].sort((a, b) => a[1] - b[1]).map(([a]) => a);
  }

  private searchBox(): HTMLElement {
    const input = h('input', { type: 'search', id: 'filter-search', class: 'input input--small', 'data-testid': 'filter-search', maxlength: '200' }) as HTMLInputElement;
    input.value = this.filters.search;
    input.addEventListener('input', () => {
      this.filters.search = input.value;
      this.render();
    });
    return h('div', { class: 'filter filter--search' }, h('label', { for: 'filter-search' }, t('cardSearch')), input);
  }

  render(): void {
    const focused = document.activeElement as HTMLElement | null;
    const focusKey = focused && this.list.contains(focused) ? focused.dataset.focusKey : undefined;
    const caret = focused instanceof HTMLTextAreaElement ? [focused.selectionStart, focused.selectionEnd] : null;
    this.renderFilters();
    const visible = this.visible();
    const hidden = this.groups.hidden ? t('findingGroupsSummary', { count: formatNumber(this.groups.hidden) }) : '';
    const orphans = this.items.filter((i) => i.carried?.state === 'orphaned').length;
    this.summary.textContent = this.loaded ? t('countFindings', { count: formatNumber(visible.length) }) + hidden + (orphans ? ` · ${t('draftVersionsOrphanCount', { count: formatNumber(orphans) })}` : '') : '';
    this.list.setAttribute('aria-busy', String(!this.loaded));
    this.ignoredNote.hidden = this.ignored.length === 0;
    this.ignoredNote.textContent = this.ignored.length
      ? t('ignoredRecords', {
          count: formatNumber(this.ignored.length),
          names: [...new Set(this.ignored.map((r) => this.session.memberName(r.authorId) ?? t('unknownUser')))].join(', '),
        })
      : '';
    const filtered = Object.values(this.filters).some((v) => v.trim() !== '');
    if (!this.loaded) this.list.replaceChildren(h('li', { class: 'findings-empty findings-loading', 'data-testid': 'findings-loading' }, t('cardLoading')));
    else if (visible.length === 0) this.list.replaceChildren(h('li', { class: 'findings-empty' }, t(filtered && this.items.length > 0 ? 'cardNothingFound' : 'noAnnotations')));
    else this.list.replaceChildren(...visible.map((item) => this.renderItem(item)));
    this.renderDeleted();
    if (focusKey) {
      const again = this.list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
      again?.focus();
      if (again instanceof HTMLTextAreaElement && caret) again.setSelectionRange(caret[0], caret[1]);
    }
  }

  private renderItem(item: ListedItem): HTMLElement {
    const me = this.session.me.id;
    const secretary = this.session.isSecretary;
    const titleId = `item-${item.id}-title`;
    const mine = item.verdicts.find((v) => v.authorId === me)?.decision;
    const name = (id: string | null) => this.session.memberName(id) ?? t('unknownUser');
    const confirmed = item.verdicts.filter((v) => v.decision === 'confirm').map((v) => name(v.authorId));
    const dismissals = item.verdicts.filter((v) => v.decision === 'dismiss');
    const slot = criterionSlot(this.criteria, item.criterionId);
    const isOwn = item.origin === 'expert' && item.authorId === me;
    const actions = h('div', { class: 'finding__actions' });
    // The secretary's final decision is not one more vote: her two buttons decide, and the card shows
    // the decision as a state of its own. Experts vote on others' findings; dismissing asks why.
    if (item.kind === 'finding' && secretary) {
      const decided = item.finalDecision;
      actions.append(
        this.action('confirm', `confirm-${item.id}`, decided === 'confirmed', () => this.decide(item, 'confirmed', decided === 'confirmed'), 'cardInclude'),
        this.action('dismiss', `dismiss-${item.id}`, decided === 'dismissed', () => this.decide(item, 'dismissed', decided === 'dismissed'), 'cardExclude'),
      );
    } else if (item.kind === 'finding' && !isOwn) {
      actions.append(
        this.action('confirm', `confirm-${item.id}`, mine === 'confirm', () => this.verdict(item, 'confirm', mine === 'confirm')),
        this.action('dismiss', `dismiss-${item.id}`, mine === 'dismiss', () => this.verdict(item, 'dismiss', mine === 'dismiss')),
      );
    }
    // The secretary marks a confirmed finding as good practice: the conclusion then cites it in the
    // analysis as a positive norm, not in the table of proposals (shared/conclusion/positive.ts).
    if (item.kind === 'finding' && secretary && item.finalDecision === 'confirmed') {
      const marked = this.goodPractice().includes(item.id);
      actions.append(this.action('goodPractice', `good-${item.id}`, marked, () => this.markGoodPractice(item.id, !marked)));
    }
    if (isOwn) {
      actions.append(
        item.status === 'open'
          ? this.action('resolve', `resolve-${item.id}`, null, () => resolveAnnotation(this.session.mine.doc, item.id))
          : this.action('reopen', `reopen-${item.id}`, null, () => reopenAnnotation(this.session.mine.doc, item.id)),
        this.action('cardEdit', `edit-${item.id}`, null, () => this.edit(item)),
        this.action('cardDelete', `delete-${item.id}`, null, () => this.remove(item)),
      );
    }
    actions.append(this.action('cardReply', `reply-open-${item.id}`, null, () => this.openReply(item.id), 'cardReply', 'reply-open'));
    const orphaned = item.position?.state === 'orphaned';
    const final = item.final;
    const article = h(
      'article',
      { 'aria-labelledby': titleId, tabindex: '-1', class: 'finding__card' },
      h(
        'header',
        { class: 'finding__head' },
        item.kind === 'comment' ? h('span', { class: 'swatch swatch--comment', 'aria-hidden': 'true' }) : h('span', { class: `swatch crit-${slot}`, 'aria-hidden': 'true' }),
        h('h3', { id: titleId, class: 'finding__title' }, item.kind === 'comment' ? t('cardComment') : this.criterionTitle(item.criterionId)),
        item.severity ? h('span', { class: `severity severity--${item.severity}` }, t(`severity_${item.severity}` as StringKey)) : null,
      ),
      final
        ? h(
            'p',
            { class: `decision decision--${final.decision}`, 'data-testid': 'final-decision' },
            h('span', { class: 'visually-hidden' }, `${t('cardDecisionBy')}: `),
            t(final.decision === 'confirmed' ? 'cardInConclusion' : 'cardExcluded'),
            final.decision === 'dismissed' && final.justification ? h('span', { class: 'decision__reason' }, ` — ${final.justification}`) : null,
          )
        : null,
      h(
        'p',
        { class: 'finding__meta' },
        `${this.authorName(item)}${item.createdAt ? ` · ${formatDateTime(item.createdAt)}` : ''} · ${t(item.status === 'open' ? 'statusOpen' : 'statusResolved')}`,
        item.editedAt !== undefined ? h('span', { 'data-testid': 'edited-mark' }, ` · ${t('cardEdited', { date: formatDateTime(item.editedAt) })}`) : null,
      ),
      h(
        'button',
        { type: 'button', class: 'finding__quote', 'data-focus-key': `quote-${item.id}`, onclick: () => this.onJump(item) },
        h('q', {}, item.quote.length > 300 ? `${item.quote.slice(0, 300)}…` : item.quote),
        orphaned ? h('span', { class: 'finding__orphan' }, ` (${t('orphaned')})`) : null,
      ),
      item.carried ? this.carriedLine(item, item.carried) : null,
      item.amendment ? amendmentLine(item.amendment) : null,
      h('p', { class: 'finding__body', 'data-testid': 'finding-body-text' }, item.explanation),
      item.why ? whyLine(item.why) : null,
      this.grouped.has(item.id) ? h('p', { class: 'finding__grouped', 'data-testid': 'grouped-note' }, t('findingGroupsMember')) : null,
      item.proposedWording ? h('p', { class: 'finding__wording' }, h('strong', {}, `${t('proposedWording')}: `), item.proposedWording) : null,
      item.history?.length ? this.historyOf(item.id, item.history) : null,
      confirmed.length ? h('p', { class: 'finding__verdicts', 'data-testid': 'confirmed-by' }, t('confirmedBy', { names: confirmed.join(', ') })) : null,
      dismissals.length
        ? h(
            'p',
            { class: 'finding__verdicts', 'data-testid': 'dismissed-by' },
            t('dismissedBy', {
              names: dismissals.map((v) => (v.reason ? t('cardDismissedReason', { name: name(v.authorId), reason: v.reason }) : name(v.authorId))).join('; '),
            }),
          )
        : null,
      item.replies.length ? h('ol', { class: 'replies', 'aria-label': t('reply') }, ...item.replies.map((r) => this.renderReply(r))) : null,
      this.groupOf(item),
      actions,
      this.replying.has(item.id) || this.drafts.get(item.id) ? this.replyForm(item) : null,
    );
    // Escape from a card (not from a dialog over it) goes back to the text, at the card's words.
    article.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      this.onLeave?.(item);
    });
    return h(
      'li',
      {
        class: `finding finding--${item.status}${item.id === this.active ? ' finding--active' : ''}${this.grouped.has(item.id) ? ' finding--grouped' : ''}`,
        'data-item': item.id,
        'data-origin': item.origin,
        'data-kind': item.kind,
        'data-grouped': this.grouped.has(item.id) ? 'true' : null,
        'data-carried': item.carried?.state ?? null,
      },
      article,
    );
  }

  /**
   * Where a card carried from an earlier version comes from and how it stands here (issue 16), in
   * words: «Из 1-го чтения · текст изменён» (and, for an engine candidate the engine no longer finds on
   * this version, that it does not). An orphan's card links to the Versions page, where the
   * secretary (any annotation) or its author (her own) re-attaches it by hand.
   */
  private carriedLine(item: ListedItem, carried: CarriedPlacement): HTMLElement {
    const from = carried.fromVersion === 1 ? t('draftVersionsFromFirst') : t('draftVersionsFromN', { seq: carried.fromVersion });
    const state = carried.state === 'changed' ? 'draftVersionsChanged' : carried.state === 'orphaned' ? 'draftVersionsOrphaned' : carried.state === 'pending' ? 'draftVersionsPending' : null;
    const mayReattach = this.session.isSecretary || (item.origin === 'expert' && item.authorId === this.session.me.id);
    return h(
      'p',
      { class: 'finding__carried finding__meta', 'data-testid': 'carried', 'data-state': carried.state },
      from,
      state ? ' · ' : null,
      state ? h('span', { class: 'finding__carried-state', 'data-testid': 'carried-state' }, t(state)) : null,
      // The engine ran on this version and its rule no longer fires on these words: the point may have been taken.
      carried.engineFindsAgain === false ? h('span', {}, ' · ', h('span', { 'data-testid': 'carried-not-again' }, t('draftVersionsNotAgain'))) : null,
      carried.state === 'orphaned' && mayReattach
        ? h('span', {}, ' · ', h('a', { href: `#/reviews/${this.session.reviewId}/versions/${this.session.version}`, 'data-testid': 'carried-reattach' }, t('draftVersionsReattach')))
        : null,
    );
  }

  /**
   * The identical candidates grouped under this dismissed one: a disclosure that says how many and
   * lists them (where each stands, a jump to its words, its own card on demand). Null without a group.
   */
  private groupOf(item: ListedItem): HTMLElement | null {
    const members = this.groups.under.get(item.id);
    if (!members?.length) return null;
    const open = this.expandedGroups.has(item.id);
    const listId = `group-${item.id}`;
    const count = formatNumber(members.length);
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'finding-group__toggle',
        'aria-expanded': String(open),
        'aria-controls': listId,
        'data-focus-key': `group-${item.id}`,
        'data-testid': 'finding-group-toggle',
        onclick: () => {
          if (open) this.expandedGroups.delete(item.id);
          else this.expandedGroups.add(item.id);
          this.render();
        },
      },
      t(`findingGroupsMore_${pluralForm(lang(), members.length)}` as StringKey, { count }),
      t(open ? 'findingGroupsHide' : 'findingGroupsShow'),
    );
    const entries = members.map((m) => {
      const placeId = `group-place-${m.id}`;
      const place = this.placeOf(m.clauseId);
      return h(
        'li',
        { 'data-grouped-item': m.id },
        h(
          'button',
          { type: 'button', id: placeId, class: 'finding-group__jump', 'data-focus-key': `group-jump-${m.id}`, 'data-testid': 'finding-group-jump', onclick: () => this.onJump(m) },
          h('span', { class: 'visually-hidden' }, t('findingGroupsJump')),
          place,
        ),
        ' ',
        h('q', {}, m.quote.length > 120 ? `${m.quote.slice(0, 120)}…` : m.quote),
        ' ',
        h(
          'button',
          { type: 'button', class: 'button button--small', 'aria-describedby': placeId, 'data-focus-key': `group-open-${m.id}`, 'data-testid': 'finding-group-open', onclick: () => this.openGrouped(m.id) },
          t('findingGroupsOpen'),
        ),
      );
    });
    return h(
      'div',
      { class: 'finding-group', 'data-testid': 'finding-group' },
      toggle,
      h('div', { id: listId, hidden: !open }, h('p', { class: 'finding__meta' }, t('findingGroupsHint')), h('ul', { class: 'finding-group__list', 'data-testid': 'finding-group-list' }, ...entries)),
    );
  }

  /** A grouped candidate's own card, listed on its own and focused, to confirm, reply or decide on. */
  private openGrouped(id: string): void {
    this.openedGrouped.add(id);
    this.active = id;
    if (!this.visible().some((i) => i.id === id)) Object.assign(this.filters, NO_FILTERS);
    this.render();
    const card = this.list.querySelector<HTMLElement>(`[data-item="${CSS.escape(id)}"] article`);
    card?.scrollIntoView({ block: 'nearest' });
    card?.focus();
    announce(t('findingGroupsOpened'));
  }

  private renderReply(r: Reply): HTMLElement {
    const author = h('strong', {}, this.session.memberName(r.authorId) ?? t('unknownUser'));
    if (r.deletedAt !== undefined)
      return h(
        'li',
        { class: 'reply reply--deleted', 'data-testid': 'reply-deleted' },
        author,
        ` · ${t('cardReplyDeleted', { date: formatDateTime(r.deletedAt) })}`,
        // Its words stay in the record: the secretary may read them.
        this.session.isSecretary ? h('details', {}, h('summary', {}, t('cardWasText')), h('p', {}, r.body)) : null,
      );
    const own = r.authorId === this.session.me.id;
    return h(
      'li',
      { class: 'reply', 'data-reply': r.id },
      author,
      ` · ${formatDateTime(r.createdAt)}`,
      r.editedAt !== undefined ? ` · ${t('cardEdited', { date: formatDateTime(r.editedAt) })}` : null,
      h('p', {}, r.body),
      r.history?.length ? this.historyOf(r.id, r.history) : null,
      own
        ? h(
            'div',
            { class: 'finding__actions' },
            this.action('cardEdit', `reply-edit-${r.id}`, null, () => this.editReplyText(r), undefined, 'reply-edit'),
            this.action('cardDelete', `reply-delete-${r.id}`, null, () => this.removeReply(r), undefined, 'reply-delete'),
          )
        : null,
    );
  }

  /** The versions an edit replaced, oldest first: when each was written and what it said. */
  private historyOf(id: string, versions: readonly AnnotationVersion[]): HTMLElement {
    const details = h(
      'details',
      { class: 'finding__history', 'data-testid': 'edit-history', open: this.openHistories.has(id) },
      h('summary', { 'data-focus-key': `history-${id}` }, t('cardHistory', { count: formatNumber(versions.length) })),
      h(
        'ol',
        {},
        ...versions.map((v) =>
          h(
            'li',
            {},
            h('span', { class: 'finding__meta' }, t('cardVersion', { date: formatDateTime(v.at) })),
            v.criterionId ? h('span', { class: 'finding__meta' }, ` · ${this.criterionTitle(v.criterionId)}${v.severity ? ` · ${t(`severity_${v.severity}` as StringKey)}` : ''}`) : null,
            h('p', {}, v.body),
            v.proposedWording ? h('p', {}, h('strong', {}, `${t('proposedWording')}: `), v.proposedWording) : null,
          ),
        ),
      ),
    );
    details.addEventListener('toggle', () => (details.open ? this.openHistories.add(id) : this.openHistories.delete(id)));
    return details;
  }

  private replyForm(item: ListedItem): HTMLElement {
    const me = this.session.me.id;
    const replyKey = `reply-${item.id}`;
    const replyBox = h('textarea', { id: replyKey, class: 'input', rows: '2', maxlength: '20000', 'data-focus-key': replyKey, 'data-testid': 'reply-input', [MENTIONS_ATTRIBUTE]: '' }) as HTMLTextAreaElement;
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
      this.replying.delete(item.id);
      this.session.refresh();
      this.render();
      this.list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(`reply-open-${item.id}`)}"]`)?.focus();
    });
    return replyForm;
  }

  private openReply(id: string): void {
    this.replying.add(id);
    this.render();
    this.list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(`reply-${id}`)}"]`)?.focus();
  }

  /** Her own finding or comment, edited in the same dialog it was made in; the history keeps the old version. */
  private edit(item: ListedItem): void {
    const returnFocus = this.list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(`edit-${item.id}`)}"]`) ?? this.element;
    openFindingDialog({
      quote: item.quote,
      criteria: this.criteria,
      returnFocus,
      initial: {
        kind: item.kind,
        body: item.explanation,
        ...(item.kind === 'finding' ? { criterionId: item.criterionId, ...(item.severity ? { severity: item.severity } : {}) } : {}),
        ...(item.proposedWording ? { proposedWording: item.proposedWording } : {}),
      },
      onSubmit: (input) => {
        editAnnotation(
          this.session.mine.doc,
          item.id,
          input.kind === 'finding'
            ? { body: input.body, criterionId: input.criterionId, severity: input.severity, proposedWording: input.proposedWording }
            : { body: input.body },
        );
        this.session.refresh();
        announce(t('cardSave'));
      },
    });
  }

  private async remove(item: ListedItem): Promise<void> {
    const ok = await confirmAction({
      title: t(item.kind === 'finding' ? 'cardDeleteTitle' : 'cardDeleteCommentTitle'),
      lines: [t('cardDeleteLine1'), t('cardDeleteLine2')],
      confirmKey: 'cardDelete',
    });
    if (!ok) return;
    deleteAnnotation(this.session.mine.doc, item.id);
    this.session.refresh();
    announce(t('cardDeleted'));
  }

  private async editReplyText(reply: Reply): Promise<void> {
    const body = await askText({ title: t('cardEditReply'), label: 'cardReplyText', initial: reply.body, required: 'cardReplyText', maxLength: 20_000, submit: 'cardSave', testId: 'reply-edit-dialog', mentions: true });
    if (body === null) return;
    editReply(this.session.mine.doc, reply.id, body);
    this.session.refresh();
  }

  private async removeReply(reply: Reply): Promise<void> {
    const ok = await confirmAction({ title: t('cardDeleteReplyTitle'), lines: [t('cardDeleteReplyLine')], confirmKey: 'cardDelete' });
    if (!ok) return;
    deleteReply(this.session.mine.doc, reply.id);
    this.session.refresh();
  }

  /** The findings and comments their authors deleted, apart under the list: the secretary's to see. */
  private renderDeleted(): void {
    this.deletedBox.hidden = this.deleted.length === 0;
    if (this.deleted.length === 0) return this.deletedBox.replaceChildren();
    const wasOpen = this.deletedBox.querySelector('details')?.open ?? false;
    const box = h(
      'details',
      { open: wasOpen },
      h('summary', {}, t('cardDeletedList', { count: formatNumber(this.deleted.length) })),
      h(
        'ul',
        { class: 'findings-list' },
        ...this.deleted.map((d) =>
          h(
            'li',
            { class: 'finding finding--deleted', 'data-deleted': d.id },
            h('p', { class: 'finding__meta' }, t('cardDeletedMeta', { name: this.session.memberName(d.authorId) ?? t('unknownUser'), date: formatDateTime(d.deletedAt) })),
            h('p', { class: 'finding__meta' }, d.kind === 'comment' ? t('cardComment') : this.criterionTitle(d.criterionId ?? '')),
            h('q', {}, d.anchor.quote.exact),
            h('p', { class: 'finding__body' }, d.body),
            d.history?.length ? this.historyOf(d.id, d.history) : null,
          ),
        ),
      ),
    );
    this.deletedBox.replaceChildren(box);
  }

  private action(key: StringKey, focusKey: string, pressed: boolean | null, run: () => void | Promise<void>, label: StringKey = key, testId: string = key): HTMLElement {
    return h(
      'button',
      {
        type: 'button',
        class: 'button button--small',
        'data-focus-key': focusKey,
        'data-testid': testId,
        'aria-pressed': pressed === null ? null : String(pressed),
        onclick: () => {
          const done = run();
          this.session.refresh();
          if (!done) announce(t(label));
        },
      },
      t(label),
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

  /** An expert's vote on someone else's finding; a dismissal asks for its reason first. */
  private async verdict(item: ListedItem, decision: 'confirm' | 'dismiss', undo: boolean): Promise<void> {
    const doc = this.session.mine.doc;
    if (undo) clearVerdict(doc, item.id);
    else if (decision === 'confirm') setVerdict(doc, this.session.me.id, { targetId: item.id, decision });
    else {
      const reason = await this.askReason();
      if (reason === null) return;
      setVerdict(doc, this.session.me.id, { targetId: item.id, decision, reason });
    }
    this.session.refresh();
    // Her dismissal grouped the identical candidates under it: she hears they left the list.
    const grouped = !undo && decision === 'dismiss' ? this.groupedUnder(item.id) : 0;
    announce(grouped ? t('findingGroupsDismissed', { count: formatNumber(grouped) }) : t(decision));
  }

  /** The secretary's final decision: in the conclusion, or excluded with its reason. */
  private async decide(item: ListedItem, decision: 'confirmed' | 'dismissed', undo: boolean): Promise<void> {
    const doc = this.session.mine.doc;
    if (undo) clearFinalDecision(doc, item.id);
    else if (decision === 'confirmed') setFinalDecision(doc, { targetId: item.id, decision });
    else {
      const reason = await this.askReason();
      if (reason === null) return;
      setFinalDecision(doc, { targetId: item.id, decision, justification: reason });
    }
    this.session.refresh();
    const grouped = !undo && decision === 'dismissed' ? this.groupedUnder(item.id) : 0;
    announce(grouped ? t('findingGroupsDismissed', { count: formatNumber(grouped) }) : t(undo ? 'statusOpen' : decision === 'confirmed' ? 'cardInConclusion' : 'cardExcluded'));
  }

  /** How many candidates are grouped under this one now (read after her own change was merged). */
  private groupedUnder(id: string): number {
    return [...groupAfterDismissal(this.session.model?.findings ?? []).values()].filter((head) => head === id).length;
  }

  private askReason(): Promise<string | null> {
    return askText({ title: t('cardDismissTitle'), label: 'cardDismissReason', required: 'cardDismissRequired', maxLength: REASON_MAX, rows: 2, submit: 'dismiss', testId: 'dismiss-dialog' });
  }
}

/**
 * What a candidate on an amendment law is about (issue 20): it stands on the instruction, and this line says
 * which unit of which act, as it will read or with words taken out, and the words.
 */
function amendmentLine(effect: AmendmentEffect): HTMLElement {
  const words = effect.words.length > 120 ? `${effect.words.slice(0, 120)}…` : effect.words;
  return h(
    'p',
    { class: 'finding__amendment', 'data-testid': 'finding-amendment', 'data-source': effect.source },
    t(effect.source === 'result' ? 'amendCardResult' : 'amendCardRemoval', { unit: effect.unitLabel, act: effect.actTitle, words }),
  );
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
