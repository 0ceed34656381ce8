import { mentions as mentionRoutes, reviews as contract } from '../../shared/contract';
import type { MentionItem } from '../../shared/contract/mentions';
import { apiCall } from '../api';
import { formatDate, formatDateTime, formatNumber, onLangChange, t, type StringKey } from '../i18n/i18n';
import { currentUser } from '../session';
import { h, tx } from '../ui/dom';
import { errorBanner } from '../ui/error-banner';
import { summariesFrom, type ReviewSummary } from './review-summary';
import './mentions.css';

export function mountReviewList(main: HTMLElement): () => void {
  const body = h('div', { class: 'review-list__body', 'aria-busy': 'true' }, tx('p', 'loading'));
  const canCreate = currentUser()?.role === 'secretary';
  const reader = currentUser()?.role === 'reader';
  main.replaceChildren(
    h(
      'section',
      { class: 'review-list', 'aria-labelledby': 'reviews-title' },
      h(
        'div',
        { class: 'page-head' },
        tx('h1', 'reviewsTitle', { id: 'reviews-title' }),
        // The secretary answers for the review process: she reads the audit log too.
        canCreate ? h('a', { href: '/api/audit.csv', class: 'button', download: 'tendik-audit.csv', 'data-i18n': 'auditCsv' }, t('auditCsv')) : null,
        canCreate ? h('a', { href: '#/new', class: 'button button--primary', 'data-i18n': 'newReview', 'data-testid': 'new-review' }, t('newReview')) : null,
      ),
      body,
    ),
  );
  let reviews: ReviewSummary[] | null = null;
  // Archived reviews are out of the way unless asked for.
  const showArchived = h('input', { type: 'checkbox', id: 'show-archived', 'data-testid': 'show-archived' }) as HTMLInputElement;
  const archiveToggle = h('div', { class: 'field field--inline' }, showArchived, tx('label', 'showArchived', { for: 'show-archived' }));
  showArchived.addEventListener('change', () => render());
  const render = () => {
    if (!reviews) return;
    body.removeAttribute('aria-busy');
    const archived = reviews.filter((r) => r.status === 'archived').length;
    const shown = showArchived.checked ? reviews : reviews.filter((r) => r.status !== 'archived');
    const toggle = archived > 0 ? [archiveToggle] : [];
    if (shown.length === 0) return body.replaceChildren(...toggle, tx('p', 'reviewsEmpty'));
    const table = h(
      'table',
      { class: 'table', 'data-testid': 'review-table' },
      h('caption', { class: 'visually-hidden' }, t('reviewsTitle')),
      h('thead', {}, h('tr', {}, ...(['colTitle', 'colStatus', 'colDeadline', 'colMembers', 'colFindings'] as StringKey[]).map((key) => h('th', { scope: 'col' }, t(key))))),
      h(
        'tbody',
        {},
        ...shown.map((review) =>
          h(
            'tr',
            {},
            h(
              'th',
              { scope: 'row' },
              h('a', { href: `#/reviews/${review.id}${reader ? '/conclusion' : ''}`, class: 'review-link' }, review.title),
              review.mentionsOfMe ? h('span', { class: 'mention-count', 'data-testid': 'mention-count' }, ` @ ${t('activityMentionsCount', { count: formatNumber(review.mentionsOfMe) })}`) : null,
            ),
            h('td', {}, statusText(review.status)),
            h('td', {}, review.deadline ? formatDate(review.deadline) : t('noDeadline')),
            h('td', { class: 'num' }, formatNumber(review.members)),
            h('td', { class: 'num' }, review.findings == null ? '—' : formatNumber(review.findings)),
          ),
        ),
      ),
    );
    body.replaceChildren(...toggle, table, ...(mentions ? [mentionsList(mentions)] : []));
  };
  // Her own @mentions (GET /api/mentions answers only the caller's): who, where, the words around.
  let mentions: MentionItem[] | null = null;
  if (!reader)
    apiCall(mentionRoutes.listMentions)
      .then((answer) => {
        mentions = answer.mentions.length ? answer.mentions : null;
        render();
      })
      .catch(() => undefined); // the list works without them
  const load = () => {
    body.setAttribute('aria-busy', 'true');
    apiCall(contract.listReviews)
      .then((answer) => {
        reviews = summariesFrom(answer);
        render();
      })
      .catch((error: unknown) => body.replaceChildren(errorBanner(error, load)));
  };
  load();
  return onLangChange(render);
}

export function statusText(status: string): string {
  const key = `status_${status}` as StringKey;
  return ['status_in_review', 'status_issued', 'status_archived'].includes(key) ? t(key) : status;
}

/** Where colleagues mentioned her, newest first, each a link to its review. */
function mentionsList(list: readonly MentionItem[]): HTMLElement {
  return h(
    'section',
    { class: 'mentions', 'aria-labelledby': 'mentions-title', 'data-testid': 'my-mentions' },
    h('h2', { id: 'mentions-title' }, t('activityMentionsTitle')),
    h(
      'ul',
      { class: 'mentions__list' },
      ...list.map((m) =>
        h(
          'li',
          { 'data-testid': 'my-mention' },
          h('a', { href: `#/reviews/${m.reviewId}` }, t('activityMentionBy', { name: m.authorName, review: m.reviewTitle })),
          m.at ? h('span', { class: 'hint' }, ` · ${formatDateTime(m.at)}`) : null,
          h('p', { class: 'mentions__excerpt' }, m.excerpt),
        ),
      ),
    ),
  );
}
