import { readingLinks } from './reading-links';
import { draftFragment } from '../../shared/collab/text-doc';
import type { ReviewModel } from '../../shared/review-model';
import { DraftEditor } from '../editor/draft-editor';
import { clauseTextStarts } from '../editor/highlights';
import { onLangChange, t } from '../i18n/i18n';
import { currentUser } from '../session';
import type { Shell } from '../shell';
import { h, tx } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import { loadCommittees } from '../ui/committee-select';
import { loadChecklist, type ChecklistCriterion } from './checklist-data';
import { ChecklistPanel } from './checklist-panel';
import { clauseLabelOf } from './clause-label';
import { collabAlerts } from './collab-alerts';
import { ConclusionPanel } from './conclusion-panel';
import { highlightsOf } from './finding-highlights';
import { FindingsPanel, type ListedItem } from './findings-panel';
import { IssueBox } from './issue-box';
import { MembersPanel } from './members-panel';
import { newFindingFlow } from './new-finding';
import { OutlineNav } from './outline';
import { presenceList } from './presence';
import { reviewShortcuts } from './review-shortcuts';
import { closeEarly, connectEarly, loadReviewInfo, ReviewSession, type ReviewInfo } from './review-session';
import { followSession } from './session-status';
import { sidebarTabs } from './sidebar-tabs';
import { TextCorrections } from './text-corrections';
import { articleOf, TextTools } from './text-tools';
import { ReviewActivity } from './activity';
import { installMentionAutocomplete } from './mention-autocomplete';
import { ReviewTitle } from './review-title';
import { AmendPanel } from './amend-panel';
import { openFindingDialog } from './finding-dialog';
import { createAnchor } from '../../shared/collab/anchor';
import { addAnnotation } from '../../shared/collab/author-doc';
import { clauseTexts, plainText } from '../../shared/collab/text-doc';
import { versions } from '../../shared/contract';
import type { ReviewVersion } from '../../shared/contract/versions';
import { apiCall } from '../api';
import { anchorOnVersion, chooseVersion, guessVersion, recallVersions, rememberVersions } from './draft-version';
import { versionSwitcher } from './version-switcher';

/**
 * The review page: outline, the draft editor with highlights and cursors, and the sidebar panels.
 * Returns its unmount, which releases every part of it and then the session (docs, copies, socket):
 * a review she left keeps nothing in the tab.
 */
export function mountReviewPage(main: HTMLElement, reviewId: string, shell: Shell, showClause?: string, requestedVersion?: number): () => void {
  const me = currentUser()!;
  let disposed = false;
  const page = new Subscriptions();
  main.replaceChildren(h('p', { 'aria-busy': 'true' }, t('loading')));
  // Which version (issue 16): the address's, else the latest. The docs of the one most likely open at
  // once, so the draft's download overlaps the requests; reopened on the right one if the list differs.
  const remembered = recallVersions(me.id, reviewId);
  let early = connectEarly(reviewId, me, guessVersion(requestedVersion, remembered));
  let adopted = false;
  page.add(() => adopted || closeEarly(early));
  // Offline (no answer): the version last opened here, else the first.
  const listed = apiCall(versions.listVersions, { params: { id: reviewId } })
    .then((answer) => answer.versions)
    .catch(() => null);
  Promise.all([loadReviewInfo(reviewId, me), listed])
    .then(([{ review, members }, list]) => {
      if (disposed) return;
      const version = chooseVersion({ requested: requestedVersion, listed: list?.map((v) => v.seq) ?? null, remembered });
      if (version !== early.version) {
        closeEarly(early, true);
        early = connectEarly(reviewId, me, version, early.socket);
      }
      rememberVersions(me.id, reviewId, { latest: list ? Math.max(1, ...list.map((v) => v.seq)) : Math.max(remembered?.latest ?? 1, version), opened: version });
      const session = new ReviewSession(reviewId, me, members, early);
      adopted = true;
      page.add(() => session.destroy());
      page.add(followSession(session, shell.connection));
      build(main, review, session, page, showClause, list ?? []);
    })
    .catch((error: unknown) => {
      closeEarly(early);
      adopted = true;
      // Tried again within this page's lifetime: leaving releases the new attempt too.
      const retry = () => {
        if (!disposed) page.add(mountReviewPage(main, reviewId, shell, showClause, requestedVersion));
      };
      main.replaceChildren(h('a', { href: '#/', class: 'back-link', 'data-i18n': 'backToList' }, t('backToList')), errorBanner(error, retry));
    });
  return () => {
    disposed = true;
    page.release();
  };
}

/** Lays the page out and wires its parts together; each part's release goes to `parts`. */
function build(main: HTMLElement, review: ReviewInfo, session: ReviewSession, parts: Subscriptions, showClause: string | undefined, versionList: readonly ReviewVersion[]): void {
  const isSecretary = session.isSecretary;
  // A later version of the draft (issue 16) is read-only for everyone: the text as received.
  const laterVersion = session.version >= 2;
  const title = review.title;
  let criteria: ChecklistCriterion[] = [];
  let latest: ReviewModel | null = null;

  const editorMount = h('div', { class: 'editor-mount' });
  const editor = new DraftEditor(editorMount, draftFragment(session.text.doc), session.text.awareness, {
    // Read-only until the secretary switches on "Correct the text" (text-corrections.ts).
    writable: false,
    label: t('editorLabel'),
    onHighlightClick: (id) => findings.focusItem(id),
  });
  parts.add(() => editor.destroy());
  const editorPane = h('section', { class: 'editor-pane', 'aria-labelledby': 'editor-title' });
  // Corrections of import errors are version 1's (its TEXT doc, the secretaries' records by its clause
  // ids); a later version is never corrected, so the tools are not there at all.
  const corrections = laterVersion ? null : new TextCorrections(editor, session, () => isSecretary && session.text.writable, editorPane);
  parts.add(() => corrections?.destroy());
  parts.on(session.provider, 'synced', (doc: string) => {
    if (doc === session.textDocName) corrections?.writableChanged();
  });
  const alerts = collabAlerts(session.provider, session.textDocName);
  parts.add(alerts.destroy);
  // On a slow link the draft (the largest transfer) arrives seconds after the page: until it has,
  // the text's place says it is loading, and the text shows the moment it is there.
  const textLoading = tx('p', 'loading', { class: 'editor-loading', role: 'status', 'data-testid': 'text-loading' });
  const fragment = draftFragment(session.text.doc);
  const textArrived = () => {
    if (fragment.length === 0 && !session.provider.handle(session.textDocName)?.synced) return;
    textLoading.remove();
    editorPane.removeAttribute('aria-busy');
    session.text.doc.off('afterTransaction', textArrived);
  };
  session.text.doc.on('afterTransaction', textArrived);
  parts.add(() => session.text.doc.off('afterTransaction', textArrived));
  parts.on(session.provider, 'synced', (doc: string) => {
    if (doc === session.textDocName) textArrived();
  });

  const jump = (item: ListedItem) => {
    editor.setActive(item.id);
    if (item.position && item.position.state !== 'orphaned') editor.reveal(item.position.clauseId, item.position);
  };
  const findings = new FindingsPanel(session, clauseOrder(editor), jump);
  // The grouped candidates' places read as the draft cites them; the article from the id otherwise.
  const placeFromId = findings.placeOf;
  findings.placeOf = (clauseId) => clauseLabelOf(editor.view.state.doc, clauseId) ?? placeFromId(clauseId);
  // Escape from a card: back to the text, at the card's words (issue 17).
  findings.onLeave = (item) => {
    jump(item);
    editor.view.focus();
  };
  const checklist = new ChecklistPanel(session);
  const conclusion = new ConclusionPanel(session);
  const members = new MembersPanel(session);
  parts.add(
    () => findings.destroy(),
    () => checklist.destroy(),
    () => conclusion.destroy(),
    () => members.destroy(),
  );
  if (isSecretary) {
    const issue = new IssueBox(session.reviewId, review, session.version);
    conclusion.appendToForm(issue.element);
    conclusion.onMissing = (count) => issue.setReady(count === 0);
    conclusion.onAddressee = (committee) => issue.setAddressee(committee);
    // Issued, the form is frozen until she returns the review to review (the issuing box changes it).
    conclusion.setStatus(review);
    issue.onStatus = (status) => conclusion.setStatus(status, true);
    parts.add(() => issue.destroy());
    // The registry of committees, once for the page: the issuing box chooses from it, the form fills
    // the addressee from it.
    const loadRegistry = () => {
      loadCommittees()
        .then((list) => {
          if (editor.view.isDestroyed) return; // she left before it came
          issue.setCommittees(list);
          conclusion.setCommittees(list, (code) => issue.nameOf(code));
        })
        .catch((error: unknown) => editor.view.isDestroyed || issue.committeesFailed(error, loadRegistry));
    };
    loadRegistry();
  }
  const outline = new OutlineNav((id) => editor.reveal(id));
  const textTools = new TextTools(editor, outline);
  parts.add(() => textTools.destroy());
  const presence = presenceList(session.text.awareness, session.text.doc.clientID);
  parts.add(presence.destroy);

  const drawHighlights = () => latest && editor.setHighlights(highlightsOf(latest, criteria, (id) => findings.criterionTitle(id)));
  parts.add(
    session.onModel((model) => {
      latest = model;
      drawHighlights();
      findings.update(model);
      checklist.update(model);
      conclusion.update(model);
      outline.update(editor.view.state.doc);
    }),
    onLangChange(drawHighlights),
  );

  loadChecklist()
    .then((checklistData) => {
      if (editor.view.isDestroyed) return; // she left before it came
      criteria = checklistData.criteria;
      findings.setCriteria(criteria);
      checklist.setCriteria(criteria);
      drawHighlights();
    })
    .catch((error: unknown) => {
      findings.element.prepend(errorBanner(error));
      if (!editor.view.isDestroyed) checklist.setCriteria([]);
    });

  const newFinding = newFindingFlow(editor, session, () => criteria);
  parts.add(newFinding.destroy);
  const newFindingButton = tx('button', 'newFinding', { type: 'button', class: 'button button--primary', 'aria-keyshortcuts': 'Control+Alt+M', 'data-testid': 'new-finding' });
  // Keep the editor's selection when the button is clicked with the mouse.
  newFindingButton.addEventListener('mousedown', (e) => e.preventDefault());
  newFindingButton.addEventListener('click', newFinding.open);
  parts.add(
    reviewShortcuts({
      newFinding: newFinding.open,
      inEditor: () => editor.view.hasFocus(),
      toCard: () => {
        const id = editor.highlightsAtCaret().pop();
        if (id) findings.focusItem(id);
        else announce(t('noFindingAtCaret'));
      },
    }),
  );

  // Amendment laws (issue 20): the amended act's units before and after; a finding on a new wording is anchored
  // to the whole instruction that produces it (its text in the draft), quoting the wording it is about.
  const amendPanel = laterVersion ? null : new AmendPanel(review.id, isSecretary, (instructionId, newWording) => {
    const own = clauseTexts(session.text.doc).get(instructionId);
    if (!own) return;
    const from = document.activeElement;
    openFindingDialog({
      quote: newWording,
      criteria: criteria,
      returnFocus: from instanceof HTMLElement ? from : document.body,
      onSubmit: (input) => {
        const anchor = anchorOnVersion(createAnchor(session.text.doc, instructionId, { start: 0, end: plainText(own).length }), session.version);
        // The dialog returns its kind: a finding, or a plain comment on the wording (issue 17).
        addAnnotation(session.mine.doc, session.me.id, { anchor, ...input });
        session.refresh();
        announce(t(input.kind === 'finding' ? 'addFinding' : 'cardAddComment'));
      },
    });
  });

  // The Conclusion tab takes the page's width: the form and its preview side by side, each scrolling;
  // the other tabs give the draft and its outline back.
  const page = h('div', { class: 'review-page', 'data-testid': 'review-page' });
  const tabs = sidebarTabs(
    [
      { id: 'findings', key: 'tabFindings', panel: findings.element },
      { id: 'checklist', key: 'tabChecklist', panel: checklist.element },
      { id: 'conclusion', key: 'tabConclusion', panel: conclusion.element },
      { id: 'amend', key: 'amendTab', panel: amendPanel?.element ?? versionOnlyNote('draftVersionsAmendOff', review.id) },
      { id: 'members', key: 'tabMembers', panel: members.element },
    ],
    (id) => {
      if (id === 'members') members.show();
      if (id === 'amend') amendPanel?.show();
      page.classList.toggle('review-page--wide', id === 'conclusion' || id === 'amend');
    },
  );

  const switcher = versionSwitcher(review.id, versionList, session.version);
  parts.add(switcher.destroy);
  const reviewTitle = new ReviewTitle(review.id, title, isSecretary);
  parts.add(() => reviewTitle.destroy());

  // Colleagues' work: notices, unread marks on the cards and the Findings tab, @mentions.
  const activity = new ReviewActivity(
    session,
    findings.element,
    tabs.tablist.querySelector<HTMLElement>('#tab-findings')!,
    (cardId) => {
      tabs.select('findings', false);
      const model = session.model;
      const position = model?.findings.find((f) => f.id === cardId)?.position ?? model?.comments.find((c) => c.id === cardId)?.position;
      editor.setActive(cardId);
      const where = position && position.state !== 'orphaned' ? clauseTextStarts(editor.view.state.doc).get(position.clauseId) : undefined;
      if (where) editor.scrollToPos(where.from + position!.start);
      findings.focusItem(cardId);
    },
    (clauseId) => articleOf(editor.view.state.doc, clauseId),
  );
  parts.add(() => activity.destroy());
  // Names offered after @ in findings, comments and replies: the review's people other than herself,
  // as the server reads mentions (its members and the secretary who made it).
  parts.add(
    installMentionAutocomplete(document, () =>
      session.members.filter((m) => m.id !== session.me.id).map((m) => ({ id: m.id, name: session.memberName(m.id) ?? m.name })),
    ),
  );

  editorPane.append(
    h(
      'div',
      { class: 'editor-toolbar' },
      h('h2', { id: 'editor-title', class: 'visually-hidden', 'data-i18n': 'editorLabel' }, t('editorLabel')),
      newFindingButton,
      h('span', { class: 'hint' }, tx('span', 'newFindingHint'), ' · ', tx('span', 'jumpToFindingHint')),
      laterVersion ? tx('span', 'draftVersionsReadOnly', { class: 'hint', 'data-testid': 'version-read-only' }) : isSecretary ? null : tx('span', 'readOnlyNote', { class: 'hint' }),
      // An earlier version than the latest: said, so no one annotates the old text by mistake.
      session.version < Math.max(1, ...versionList.map((v) => v.seq)) ? tx('span', 'draftVersionsOlder', { class: 'hint', 'data-testid': 'version-older' }) : null,
      corrections?.toolbar ?? null,
      textTools.element,
      tx('a', 'versionsOpen', { href: `#/reviews/${session.reviewId}/versions`, class: 'button', 'data-testid': 'open-versions' }),
    ),
    alerts.element,
    ...(corrections ? [corrections.element] : []),
    textLoading,
    editorMount,
  );
  editorPane.setAttribute('aria-busy', 'true');
  textArrived();
  page.append(
      h(
        'div',
        { class: 'review-head' },
        h('a', { href: '#/', class: 'back-link', 'data-i18n': 'backToList' }, t('backToList')),
        reviewTitle.element,
        switcher.element,
        readingLinks(review.id, versionList.length ? versionList : undefined),
        presence.element,
      ),
      outline.element,
      editorPane,
      h('aside', { class: 'sidebar', 'aria-label': t('annotations'), 'data-i18n-label': 'annotations' }, tabs.tablist, tabs.panels),
  );
  page.append(activity.element);
  main.replaceChildren(page);
  // Opened at a clause (an import warning's link): shown once the draft holds it. The first renderings
  // of a draft as it arrives can leave the pane scrolled back to the top, so it is shown again a few
  // times while the page settles — unless she has moved on from that clause meanwhile.
  if (showClause) {
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const stillThere = () => {
      const range = clauseTextStarts(editor.view.state.doc).get(showClause);
      const at = editor.view.state.selection.from;
      return range !== undefined && at >= range.from && at <= range.to;
    };
    let off: (() => void) | null = null;
    const tryShow = () => {
      if (!clauseTextStarts(editor.view.state.doc).has(showClause)) return;
      off?.();
      off = null;
      editor.reveal(showClause);
      for (const ms of [150, 500, 1200, 2500]) timers.push(setTimeout(() => !editor.view.isDestroyed && stillThere() && editor.reveal(showClause), ms));
    };
    off = editor.onUpdate(() => void tryShow());
    parts.add(() => off?.(), () => timers.forEach(clearTimeout));
    tryShow();
  }
  tabs.select('findings', false);
  session.text.awareness.setLocalStateField('user', { name: session.me.name, color: '#555555', id: session.me.id });
}

/** What a tab that works on version 1 only says on a later version, with the way to version 1. */
function versionOnlyNote(key: 'draftVersionsAmendOff', reviewId: string): HTMLElement {
  return h(
    'section',
    { class: 'version-only', 'data-testid': 'version-only-note' },
    tx('p', key, { class: 'hint' }),
    tx('a', 'draftVersionsOpenFirst', { href: `#/reviews/${reviewId}/version/1`, class: 'button' }),
  );
}

/** Clause id → where its text starts in the editor's document: the sidebar lists cards in this order. */
function clauseOrder(editor: DraftEditor): () => Map<string, number> {
  let cache: { doc: unknown; map: Map<string, number> } | null = null;
  return () => {
    const doc = editor.view.state.doc;
    if (cache?.doc !== doc) {
      const map = new Map<string, number>();
      for (const [id, range] of clauseTextStarts(doc)) map.set(id, range.from);
      cache = { doc, map };
    }
    return cache.map;
  };
}
