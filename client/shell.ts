import { LANGS, type Lang } from '../shared/i18n/lang';
import { applyStaticTexts, formatNumber, lang, onLangChange, setLang, t } from './i18n/i18n';
import { LANG_NAMES } from './i18n/lang-names';
import { currentUser, signOut, unsentWork } from './session';
import { ConnectionIndicator } from './ui/connection-indicator';
import { h, tx } from './ui/dom';

const LOW_VISION_KEY = 'tendik_low_vision';

/**
 * The frame around every screen: skip link, title, language switch, low-vision toggle, the connection
 * state (always visible), the signed-in user, a polite live region, and <main> for the screen.
 */
export class Shell {
  readonly main: HTMLElement;
  readonly connection = new ConnectionIndicator();
  private readonly userBox: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly onSignedOut: () => void,
    /** Closes the screen shown (an open review holds her local copies, which signing out deletes). */
    private readonly beforeSignOut: () => void = () => undefined,
  ) {
    const select = h('select', { id: 'lang-select', class: 'lang-select', 'data-testid': 'lang-select' }) as HTMLSelectElement;
    for (const code of LANGS) select.appendChild(h('option', { value: code, lang: code }, LANG_NAMES[code]));
    select.value = lang();
    select.addEventListener('change', () => setLang(select.value as Lang));

    const lowVision = tx('button', localStorage.getItem(LOW_VISION_KEY) === '1' ? 'lowVisionOn' : 'lowVision', {
      type: 'button',
      class: 'button button--ghost',
      'aria-pressed': 'false',
      'data-testid': 'low-vision',
    });
    const applyLowVision = (on: boolean) => {
      document.documentElement.classList.toggle('low-vision', on);
      lowVision.setAttribute('aria-pressed', String(on));
      lowVision.dataset.i18n = on ? 'lowVisionOn' : 'lowVision';
      lowVision.textContent = t(on ? 'lowVisionOn' : 'lowVision');
      localStorage.setItem(LOW_VISION_KEY, on ? '1' : '0');
    };
    lowVision.addEventListener('click', () => applyLowVision(!document.documentElement.classList.contains('low-vision')));
    applyLowVision(localStorage.getItem(LOW_VISION_KEY) === '1');

    this.userBox = h('div', { class: 'user-box' });
    this.main = h('main', { id: 'main', tabindex: '-1', class: 'main' });
    const header = h(
      'header',
      { class: 'app-header' },
      h('a', { class: 'brand', href: '#/' }, tx('span', 'appName', { class: 'brand__name' }), tx('span', 'appTagline', { class: 'brand__tagline' })),
      h('div', { class: 'app-header__tools' }, this.connection.element, h('label', { for: 'lang-select', class: 'visually-hidden', 'data-i18n': 'language' }, t('language')), select, lowVision, this.userBox),
    );
    root.replaceChildren(
      h('a', { href: '#main', class: 'skip-link', 'data-i18n': 'skipToContent', onclick: (e: Event) => { e.preventDefault(); this.skipToContent(); } }, t('skipToContent')),
      header,
      this.main,
      h('div', { id: 'live-region', class: 'visually-hidden', 'aria-live': 'polite', role: 'status' }),
    );
    onLangChange((next) => {
      select.value = next;
      this.renderUser();
    });
    applyStaticTexts(document);
    this.renderUser();
  }

  /**
   * The skip link's target: what the screen marks as its content (the draft's text on a review page,
   * `data-skip-target`), else the screen itself.
   */
  private skipToContent(): void {
    const target = this.main.querySelector<HTMLElement>('[data-skip-target]') ?? this.main;
    target.focus();
  }

  renderUser(): void {
    const user = currentUser();
    if (!user) {
      this.userBox.replaceChildren();
      return;
    }
    this.userBox.replaceChildren(
      // The Alliance-wide figures of recommendations: the secretary's and the admin's (the server decides too).
      ...(user.role === 'secretary' || user.role === 'admin'
        ? [
            h('a', { href: '#/recommendations', class: 'user-box__link', 'data-i18n': 'recsNav', 'data-testid': 'nav-recommendations' }, t('recsNav')),
            // What became of the engine's candidates, per rule (issue 15).
            h('a', { href: '#/checklist-stats', class: 'user-box__link', 'data-i18n': 'checklistStatsLink', 'data-testid': 'nav-checklist-stats' }, t('checklistStatsLink')),
          ]
        : []),
      // The name alone is shown (a sentence around it wrapped or was cut in Kyrgyz); the sentence is
      // the link's accessible name, which begins or contains what is seen.
      h('a', { href: '#/account', class: 'user-box__name', 'data-testid': 'user-name', 'aria-label': `${t('signedInAs', { name: user.name })}. ${t('accountLink')}`, title: `${t('signedInAs', { name: user.name })} — ${t('accountLink')}` }, user.name),
      tx('button', 'signOut', {
        type: 'button',
        class: 'button button--ghost',
        'data-testid': 'sign-out',
        onclick: async () => {
          const unsent = unsentWork();
          if (unsent > 0 && !window.confirm(t('signOutUnsent', { count: formatNumber(unsent) }))) return;
          this.beforeSignOut();
          await signOut().catch(() => undefined);
          this.renderUser();
          this.onSignedOut();
        },
      }),
    );
  }
}
