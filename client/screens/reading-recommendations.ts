import './recommendations.css';
import { recommendations } from '../../shared/contract';
import type { RecommendationStatus } from '../../shared/contract/recommendations';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import { ADOPTION_STATUSES, type AdoptionStatus } from '../../shared/readings/adoption-status';
import { apiCall } from '../api';
import { lang, onLangChange, t, type StringKey } from '../i18n/i18n';
import { downloadFile } from '../review/download-file';
import { currentUser } from '../session';
import { h, tx, uid } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';

/**
 * The recommendations of a review in a later reading (#/reviews/<id>/readings/<seq>): each with the
 * status the detector proposes and its evidence — the earlier text, the recommendation, this
 * reading's text and what changed, struck and inserted — and, for the secretary, the status she
 * confirms or corrects. Everyone of the review reads it; the server refuses anyone else and any
 * decision but hers. The conclusion on this reading is downloaded from here.
 */
export const STATUS_KEYS: Readonly<Record<AdoptionStatus, StringKey>> = {
  adopted: 'recsStatusAdopted',
  partly: 'recsStatusPartly',
  not_adopted: 'recsStatusNotAdopted',
  not_applicable: 'recsStatusNotApplicable',
};

function diffView(item: RecommendationStatus): HTMLElement {
  return h(
    'p',
    { class: 'recs-diff' },
    ...item.evidence.diff.map((part) => (part.op === 'same' ? part.text : h(part.op === 'del' ? 'del' : 'ins', {}, part.text))),
  );
}

function card(item: RecommendationStatus, decides: boolean, save: (status: AdoptionStatus) => Promise<RecommendationStatus>): HTMLElement {
  const id = uid('rec');
  const state = h('p', { class: 'recs-state', 'data-testid': 'rec-state' });
  const renderState = (r: RecommendationStatus) =>
    state.replaceChildren(
      h('span', {}, t('recsDetected', { status: t(STATUS_KEYS[r.detected]) })),
      ' · ',
      h('strong', {}, r.status ? t('recsConfirmed', { status: t(STATUS_KEYS[r.status]) }) : t('recsNotConfirmed')),
    );
  renderState(item);
  const parts: Array<HTMLElement | string> = [
    h('h2', { id: `${id}-title`, class: 'recs-unit' }, item.clauseLabel),
    state,
    h('h3', {}, t('recsBefore')),
    h('p', { class: 'recs-text' }, item.drafted || '—'),
    h('h3', {}, t('recsProposed')),
    h('p', { class: 'recs-text' }, item.proposed || '—'),
    h('h3', {}, t('recsNewText')),
    item.evidence.newText === null ? h('p', { class: 'recs-text recs-deleted' }, t('recsDeleted')) : h('p', { class: 'recs-text', 'data-testid': 'rec-new-text' }, item.evidence.newText),
  ];
  if (item.evidence.newText !== null && item.evidence.diff.some((d) => d.op !== 'same')) parts.push(h('h3', {}, t('recsDiff')), diffView(item));
  if (decides) {
    const select = h('select', { id: `${id}-status`, class: 'input input--small', 'data-testid': 'rec-status' }) as HTMLSelectElement;
    for (const s of ADOPTION_STATUSES) select.append(h('option', { value: s }, t(STATUS_KEYS[s])));
    select.value = item.status ?? item.detected;
    const button = tx('button', 'recsConfirm', { type: 'submit', class: 'button button--primary', 'data-testid': 'rec-confirm' });
    const result = h('div', { class: 'form-errors', 'aria-live': 'polite' });
    const form = h('form', { class: 'recs-decide' }, tx('label', 'recsStatusLabel', { for: `${id}-status` }), select, button, result);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      button.disabled = true;
      result.replaceChildren();
      save(select.value as AdoptionStatus)
        .then((saved) => {
          renderState(saved);
          announce(t('recsSaved', { status: t(STATUS_KEYS[saved.status ?? saved.detected]) }));
        })
        .catch((error: unknown) => result.replaceChildren(errorBanner(error)))
        .finally(() => (button.disabled = false));
    });
    parts.push(form);
  }
  return h('article', { class: 'card recs-card', 'aria-labelledby': `${id}-title`, 'data-testid': 'rec-card', 'data-finding': item.findingId }, ...parts);
}

export function mountReadingRecommendations(main: HTMLElement, reviewId: string, seq: number): () => void {
  const decides = currentUser()?.role === 'secretary';
  const list = h('div', { class: 'recs-list', 'aria-busy': 'true', 'data-testid': 'recs-list' });
  const docLang = h('select', { id: 'recs-doc-lang', class: 'input input--small', 'data-testid': 'recs-doc-lang' }) as HTMLSelectElement;
  for (const code of LANGS) docLang.append(h('option', { value: code }, code.toUpperCase()));
  docLang.value = lang();
  const comparativeId = 'recs-comparative';
  const comparative = h('input', { id: comparativeId, type: 'checkbox', checked: true, 'data-testid': 'recs-comparative' }) as HTMLInputElement;
  const status = h('div', { class: 'export-status', 'aria-live': 'polite' });
  const download = tx('button', 'recsDownload', { type: 'button', class: 'button', 'data-testid': 'recs-download' });
  download.addEventListener('click', () => {
    const chosen = docLang.value as Lang;
    status.replaceChildren();
    const url = `/api/reviews/${reviewId}/conclusion.docx?lang=${chosen}&reading=${seq}&comparative=${comparative.checked ? 1 : 0}`;
    downloadFile(url, `tendik-conclusion-reading-${seq}-${chosen}.docx`).catch((error: unknown) => status.replaceChildren(errorBanner(error)));
  });
  const title = h('h1', { id: 'recs-reading-title' });
  const intro = h('p', {});
  const renderTexts = () => {
    title.textContent = t('recsReadingTitle', { seq });
    intro.textContent = t(decides ? 'recsReadingIntro' : 'recsReadingIntroReadOnly');
  };
  renderTexts();
  let disposed = false;
  const save = (findingId: string) => (value: AdoptionStatus) =>
    apiCall(recommendations.decideRecommendationStatus, { params: { id: reviewId, seq: String(seq), findingId }, body: { status: value } }).then((r) => r.recommendation);
  const load = () => {
    list.setAttribute('aria-busy', 'true');
    apiCall(recommendations.listRecommendationStatuses, { params: { id: reviewId, seq: String(seq) } })
      .then((answer) => {
        if (disposed) return;
        list.setAttribute('aria-busy', 'false');
        list.replaceChildren(
          ...(answer.recommendations.length ? answer.recommendations.map((r) => card(r, decides, save(r.findingId))) : [h('p', {}, t('recsNone'))]),
        );
      })
      .catch((error: unknown) => !disposed && list.replaceChildren(errorBanner(error, load)));
  };
  main.replaceChildren(
    h(
      'section',
      { class: 'recs-page', 'aria-labelledby': 'recs-reading-title' },
      h('a', { href: `#/reviews/${reviewId}`, class: 'back-link', 'data-i18n': 'recsBack' }, t('recsBack')),
      title,
      intro,
      h(
        'div',
        { class: 'export-row' },
        tx('label', 'exportLang', { for: 'recs-doc-lang' }),
        docLang,
        h('span', { class: 'recs-check' }, comparative, tx('label', 'recsComparative', { for: comparativeId })),
        download,
      ),
      status,
      list,
    ),
  );
  load();
  const off = onLangChange(() => {
    renderTexts();
    load();
  });
  return () => {
    disposed = true;
    off();
  };
}
