import { describeError } from '../api';
import { lang } from '../i18n/i18n';
import { h, tx } from './dom';
import { retranslateWhileShown } from './lifecycle';

/**
 * An error shown as a readable message in the chosen language; the message follows a language switch
 * because the server sent it in all three. role=alert announces it to screen readers.
 */
export function errorBanner(error: unknown, retry?: () => void): HTMLElement {
  const message = h('p', { class: 'error-banner__message' }, describeError(error, lang()));
  const box = h(
    'div',
    { class: 'error-banner', role: 'alert' },
    tx('strong', 'errorTitle'),
    message,
    retry ? tx('button', 'retry', { type: 'button', class: 'button', onclick: () => retry() }) : null,
  );
  // Banners are dropped with whatever shows them (a panel, a screen): one left behind keeps nothing alive.
  retranslateWhileShown(message, (shown) => (shown.textContent = describeError(error, lang())));
  return box;
}

/** Shows a transient message in the polite live region of the shell. */
export function announce(text: string): void {
  const region = document.getElementById('live-region');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes screen readers announce repeated messages too.
  window.setTimeout(() => (region.textContent = text), 30);
}
