import { versions } from '../../shared/contract';
import type { ReviewVersion } from '../../shared/contract/versions';
import { apiCall } from '../api';
import { t } from '../i18n/i18n';
import { h } from '../ui/dom';

/**
 * Links to the recommendations of each later reading of the review (#/reviews/<id>/readings/<seq>),
 * shown under the review's title once the secretary has added a reading. Quiet when there is none or
 * the versions cannot be read (offline): the workbench works without them.
 */
export function readingLinks(reviewId: string, known?: readonly ReviewVersion[]): HTMLElement {
  const nav = h('nav', { class: 'reading-links', 'aria-label': t('recsNav'), 'data-i18n-label': 'recsNav', 'data-testid': 'reading-links' });
  nav.hidden = true;
  // The page has the list already when it could read it (the version switcher's): no second request.
  (known ? Promise.resolve({ versions: known }) : apiCall(versions.listVersions, { params: { id: reviewId } }))
    .then(({ versions: list }) => {
      const later = list.filter((v) => v.seq >= 2);
      if (!later.length) return;
      nav.replaceChildren(
        ...later.map((v) =>
          h('a', { href: `#/reviews/${reviewId}/readings/${v.seq}`, class: 'button button--ghost', 'data-testid': `reading-link-${v.seq}` }, t('recsReadingLink', { label: v.label || String(v.seq) })),
        ),
      );
      nav.hidden = false;
    })
    .catch(() => undefined);
  return nav;
}
