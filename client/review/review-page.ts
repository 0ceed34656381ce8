import { createAnchor } from '../../shared/collab/anchor';
import { addAnnotation } from '../../shared/collab/author-doc';
import { draftFragment } from '../../shared/collab/text-doc';
import type { ReviewModel } from '../../shared/review-model';
import type { CollabErrorPayload } from '../../shared/protocol';
import { ApiError } from '../api';
import { DraftEditor } from '../editor/draft-editor';
import type { Highlight } from '../editor/highlights';
import { clauseTextStarts } from '../editor/highlights';
import { onLangChange, t, type StringKey } from '../i18n/i18n';
import { currentUser } from '../session';
import type { Shell } from '../shell';
import { h, tx } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';
import { criterionSlot, loadChecklist, type ChecklistCriterion } from './checklist-data';
import { ChecklistPanel } from './checklist-panel';
import { ConclusionPanel } from './conclusion-panel';
import { openFindingDialog } from './finding-dialog';
import { FindingsPanel, listedItems, type ListedItem } from './findings-panel';
import { outlineEntries, renderOutline } from './outline';
import { presenceList } from './presence';
import { IssueBox } from './issue-box';
import { MembersPanel } from './members-panel';
import { closeEarly, connectEarly, loadReviewInfo, ReviewSession, type ReviewInfo } from './review-session';

/** Refusals the provider does not retry: a change that stays unsaved on the server until she acts. */
const LASTING_REFUSALS = new Set<string>(['COLLAB_UPDATE_TOO_LARGE', 'COLLAB_BAD_MESSAGE', 'COLLAB_FOREIGN_RECORD', 'COLLAB_TOO_MANY_CONNECTIONS', 'COLLAB_UNAUTHENTICATED']);
/** Refusals of the review itself (its text): access taken away, the review gone. */
const ACCESS_REFUSALS = new Set<string>(['COLLAB_FORBIDDEN', 'COLLAB_REVIEW_NOT_FOUND']);

const TABS: Array<{ id: string; key: StringKey }> = [
  { id: 'findings', key: 'tabFindings' },
  { id: 'checklist', key: 'tabChecklist' },
  { id: 'conclusion', key: 'tabConclusion' },
  { id: 'members', key: 'tabMembers' },
];

/** The review page: outline, the draft editor with highlights and cursors, and the sidebar panels. */
export function mountReviewPage(main: HTMLElement, reviewId: string, shell: Shell): () => void {
  const me = currentUser()!;
  let disposed = false;
  const cleanup: Array<() => void> = [];
  main.replaceChildren(h('p', { 'aria-busy': 'true' }, t('loading')));
  const early = connectEarly(reviewId, me);
  let adopted = false;
  cleanup.push(() => adopted || closeEarly(early));
  loadReviewInfo(reviewId, me)
    .then(({ review, members }) => {
      if (disposed) return;
      const session = new ReviewSession(reviewId, me, members, early);
      adopted = true;
      cleanup.push(() => session.destroy());
      shell.connection.setCollabStatus(session.status);
      session.onStatus((status) => shell.connection.setCollabStatus(status));
      // Her changes not yet on the server: counted in the pill, and the tab asks before it closes.
      cleanup.push(session.copies.onUnsent((count) => shell.connection.setUnsent(count)), () => shell.connection.setUnsent(0));
      const beforeUnload = (event: BeforeUnloadEvent) => {
        if (session.copies.countNow() === 0 && session.provider.pending === 0) return;
        event.preventDefault();
        event.returnValue = '';
      };
      window.addEventListener('beforeunload', beforeUnload);
      cleanup.push(() => window.removeEventListener('beforeunload', beforeUnload));
      build(main, review, session, cleanup);
    })
    .catch((error: unknown) => {
      closeEarly(early);
      adopted = true;
      main.replaceChildren(h('a', { href: '#/', class: 'back-link', 'data-i18n': 'backToList' }, t('backToList')), errorBanner(error, () => mountReviewPage(main, reviewId, shell)));
    });
  return () => {
    disposed = true;
    for (const fn of cleanup.reverse()) fn();
  };
}

function build(main: HTMLElement, review: ReviewInfo, session: ReviewSession, cleanup: Array<() => void>): void {
  const isSecretary = session.isSecretary;
  const title = review.title;
  const editorMount = h('div', { class: 'editor-mount' });
  const outlineNav = h('nav', { class: 'outline', 'aria-labelledby': 'outline-title' }, tx('h2', 'outline', { id: 'outline-title', class: 'panel-title' }));
  const newFindingButton = tx('button', 'newFinding', { type: 'button', class: 'button button--primary', 'aria-keyshortcuts': 'Control+Alt+M', 'data-testid': 'new-finding' });
  const hint = h('span', { class: 'hint' }, tx('span', 'newFindingHint'), ' · ', tx('span', 'jumpToFindingHint'));
  let criteria: ChecklistCriterion[] = [];
  let latest: ReviewModel | null = null;

  const editor = new DraftEditor(editorMount, draftFragment(session.text.doc), session.text.awareness, {
    writable: isSecretary,
    label: t('editorLabel'),
    onHighlightClick: (id) => findings.focusItem(id),
  });
  cleanup.push(() => editor.destroy());
  // What the collaboration server refused and will not retry by itself is said where she works; passing
  // refusals (rate limit, a doc reloading) are retried by the provider and stay quiet.
  const collabAlerts = h('div', { class: 'collab-alerts', 'data-testid': 'collab-alerts' });
  const showRefusal = ({ error }: { error: CollabErrorPayload }) => {
    if (!LASTING_REFUSALS.has(error.code) && !(ACCESS_REFUSALS.has(error.code) && error.doc === 'text')) return;
    collabAlerts.replaceChildren(errorBanner(new ApiError(0, error.code, error.messages)));
  };
  session.provider.on('refused', showRefusal);
  session.provider.on('error', (refusal: CollabErrorPayload) => showRefusal({ error: refusal }));
  session.provider.on('synced', (doc: string) => {
    if (doc === 'text') editor.setWritable(isSecretary && session.text.writable);
  });

  let orderCache: { doc: unknown; map: Map<string, number> } | null = null;
  const order = () => {
    const doc = editor.view.state.doc;
    if (orderCache?.doc !== doc) {
      const map = new Map<string, number>();
      for (const [id, range] of clauseTextStarts(doc)) map.set(id, range.from);
      orderCache = { doc, map };
    }
    return orderCache.map;
  };
  const jump = (item: ListedItem) => {
    editor.setActive(item.id);
    if (item.position && item.position.state !== 'orphaned') editor.reveal(item.position.clauseId, item.position);
  };
  const findings = new FindingsPanel(session, order, jump);
  const checklist = new ChecklistPanel(session);
  const conclusion = new ConclusionPanel(session);
  const members = new MembersPanel(session);
  if (isSecretary) {
    const issue = new IssueBox(session.reviewId, review);
    conclusion.element.append(issue.element);
    conclusion.onMissing = (count) => issue.setReady(count === 0);
  }

  const highlightsOf = (model: ReviewModel): Highlight[] =>
    listedItems(model)
      .filter((i) => i.position && i.position.state !== 'orphaned' && i.position.end > i.position.start)
      .map((i) => ({
        id: i.id,
        clauseId: i.position!.clauseId,
        start: i.position!.start,
        end: i.position!.end,
        className: `crit-${criterionSlot(criteria, i.criterionId)}${i.severity ? ` sev-${i.severity}` : ''}${i.status === 'resolved' ? ' hl--resolved' : ''}${i.origin === 'engine' ? ' hl--engine' : ''}`,
        label: `${findings.criterionTitle(i.criterionId)}${i.severity ? ` — ${t(`severity_${i.severity}` as StringKey)}` : ''}`,
      }));

  let outlineDoc: unknown = null;
  let outlineShown = '';
  const renderOutlineIfChanged = () => {
    const doc = editor.view.state.doc;
    if (doc === outlineDoc) return;
    outlineDoc = doc;
    // Most edits change no heading: rebuild the list (hundreds of entries) only when one did.
    const entries = outlineEntries(doc);
    const shown = JSON.stringify(entries);
    if (shown === outlineShown) return;
    outlineShown = shown;
    outlineNav.replaceChildren(outlineNav.firstChild!, renderOutline(entries, (id) => editor.reveal(id)));
  };

  const onModel = (model: ReviewModel) => {
    latest = model;
    editor.setHighlights(highlightsOf(model));
    findings.update(model);
    checklist.update(model);
    conclusion.update(model);
    renderOutlineIfChanged();
  };
  cleanup.push(session.onModel(onModel));
  cleanup.push(onLangChange(() => latest && editor.setHighlights(highlightsOf(latest))));

  loadChecklist()
    .then((checklistData) => {
      criteria = checklistData.criteria;
      findings.setCriteria(criteria);
      checklist.setCriteria(criteria);
      if (latest) editor.setHighlights(highlightsOf(latest));
    })
    .catch((error: unknown) => findings.element.prepend(errorBanner(error)));

  const openNewFinding = () => {
    const words = editor.selectedWords();
    if (!words) {
      announce(t('selectTextFirst'));
      editor.view.focus();
      return;
    }
    openFindingDialog({
      quote: words.text,
      criteria,
      returnFocus: editor.view.dom as HTMLElement,
      onSubmit: (input) => {
        const anchor = createAnchor(session.text.doc, words.clauseId, { start: words.start, end: words.end });
        addAnnotation(session.mine.doc, session.me.id, { kind: 'finding', anchor, ...input });
        session.refresh();
        announce(t('addFinding'));
      },
    });
  };
  // Keep the editor's selection when the button is clicked with the mouse.
  newFindingButton.addEventListener('mousedown', (e) => e.preventDefault());
  newFindingButton.addEventListener('click', openNewFinding);
  const shortcut = (event: KeyboardEvent) => {
    if (!event.ctrlKey || !event.altKey) return;
    if (event.key === 'm' || event.key === 'M' || event.code === 'KeyM') {
      event.preventDefault();
      if (!document.querySelector('dialog[open]')) openNewFinding();
    } else if ((event.key === 'j' || event.key === 'J' || event.code === 'KeyJ') && editor.view.hasFocus()) {
      // The keyboard's way from a highlight to its card (the mouse clicks the highlight).
      event.preventDefault();
      const id = editor.highlightsAtCaret().pop();
      if (id) findings.focusItem(id);
      else announce(t('noFindingAtCaret'));
    }
  };
  document.addEventListener('keydown', shortcut);
  cleanup.push(() => document.removeEventListener('keydown', shortcut));

  // Sidebar tabs (WAI-ARIA tabs pattern: arrows move between tabs, one tab stop).
  const panels: Record<string, HTMLElement> = { findings: findings.element, checklist: checklist.element, conclusion: conclusion.element, members: members.element };
  const tablist = h('div', { role: 'tablist', class: 'tabs', 'aria-label': t('tabFindings'), 'data-i18n-label': 'tabFindings' });
  const panelBox = h('div', { class: 'tab-panels' });
  const tabs = TABS.map(({ id, key }) =>
    h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, class: 'tab', 'data-i18n': key, 'data-testid': `tab-${id}` }, t(key)),
  );
  const selectTab = (id: string, focus: boolean) => {
    tabs.forEach((tab, i) => {
      const selected = TABS[i]!.id === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected && focus) tab.focus();
    });
    for (const [pid, panel] of Object.entries(panels)) panel.closest('[role=tabpanel]')!.toggleAttribute('hidden', pid !== id);
    if (id === 'members') members.show();
  };
  for (const { id } of TABS) panelBox.append(h('div', { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, class: 'tab-panel', tabindex: '0' }, panels[id]!));
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(TABS[i]!.id, false));
    tab.addEventListener('keydown', (event) => {
      const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!delta) return;
      event.preventDefault();
      selectTab(TABS[(i + delta + TABS.length) % TABS.length]!.id, true);
    });
  });
  tablist.append(...tabs);

  main.replaceChildren(
    h(
      'div',
      { class: 'review-page' },
      h(
        'div',
        { class: 'review-head' },
        h('a', { href: '#/', class: 'back-link', 'data-i18n': 'backToList' }, t('backToList')),
        h('h1', { class: 'review-title', 'data-testid': 'review-title', title }, title),
        presenceList(session.text.awareness, session.text.doc.clientID),
      ),
      outlineNav,
      h(
        'section',
        { class: 'editor-pane', 'aria-labelledby': 'editor-title' },
        h('div', { class: 'editor-toolbar' }, h('h2', { id: 'editor-title', class: 'visually-hidden', 'data-i18n': 'editorLabel' }, t('editorLabel')), newFindingButton, hint, isSecretary ? null : tx('span', 'readOnlyNote', { class: 'hint' })),
        collabAlerts,
        editorMount,
      ),
      h('aside', { class: 'sidebar', 'aria-label': t('annotations'), 'data-i18n-label': 'annotations' }, tablist, panelBox),
    ),
  );
  selectTab('findings', false);
  session.text.awareness.setLocalStateField('user', { name: session.me.name, color: '#555555', id: session.me.id });
}
