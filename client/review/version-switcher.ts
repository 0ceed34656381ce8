import type { ReviewVersion } from '../../shared/contract/versions';
import { formatDate, onLangChange, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { versionHash } from './draft-version';
import './draft-versions.css';

/** A version's name as the switcher and the cards say it: «1-е чтение (первоначальный текст)», «2-е чтение, 05.12.2026». */
export function versionName(v: Pick<ReviewVersion, 'seq' | 'label' | 'readingDate'>): string {
  if (v.seq === 1) return t('draftVersionsFirst');
  const label = v.label.trim() || t('draftVersionsLater', { seq: v.seq });
  return v.readingDate ? t('draftVersionsDated', { label, date: formatDate(v.readingDate) }) : label;
}

/**
 * The version switcher in the review's head (issue 16): the draft's versions as links, the one open
 * marked (aria-current, and in words for sight), the latest named so; following one opens the
 * workbench on it (the latest at the review's plain address). Links, not a select: a select's arrows
 * would move to another version at every key press. Hidden while the review has one version only.
 */
export function versionSwitcher(reviewId: string, list: readonly Pick<ReviewVersion, 'seq' | 'label' | 'readingDate'>[], current: number): { element: HTMLElement; destroy(): void } {
  const latest = list.reduce((max, v) => Math.max(max, v.seq), 1);
  const all = [...(list.some((v) => v.seq === 1) ? list : [{ seq: 1, label: '', readingDate: null }, ...list])].sort((a, b) => a.seq - b.seq);
  const items = h('ul', { class: 'version-switch__list' });
  const element = h('nav', { class: 'version-switch', 'aria-label': t('draftVersionsSwitch'), 'data-i18n-label': 'draftVersionsSwitch', 'data-testid': 'version-switcher' }, items);
  const fill = () => {
    element.setAttribute('aria-label', t('draftVersionsSwitch'));
    items.replaceChildren(
      ...all.map((v) => {
        const name = v.seq === latest && latest > 1 ? t('draftVersionsLatest', { label: versionName(v) }) : versionName(v);
        return h(
          'li',
          {},
          h(
            'a',
            {
              href: versionHash(reviewId, v.seq === latest ? undefined : v.seq),
              class: `version-switch__link${v.seq === current ? ' version-switch__link--current' : ''}`,
              'aria-current': v.seq === current ? 'page' : null,
              'data-testid': `version-link-${v.seq}`,
            },
            name,
          ),
        );
      }),
    );
  };
  fill();
  element.hidden = all.length < 2;
  return { element, destroy: onLangChange(fill) };
}
