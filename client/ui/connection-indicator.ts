import type { CollabStatus } from '../../shared/protocol';
import { formatNumber, onLangChange, t, type StringKey } from '../i18n/i18n';
import { h } from './dom';

export type ConnectionState = CollabStatus | 'online';

const LABEL: Record<ConnectionState, StringKey> = {
  online: 'connOnline',
  connecting: 'connConnecting',
  syncing: 'connSyncing',
  synced: 'connSynced',
  offline: 'connOffline',
};

/**
 * Always visible in the header: the browser's network state, refined by the collaboration provider's
 * status while a review is open (offline work is kept locally and merged on reconnect).
 */
export class ConnectionIndicator {
  readonly element: HTMLElement;
  private readonly label: HTMLElement;
  private collab: CollabStatus | null = null;
  private unsent = 0;

  constructor() {
    this.label = h('span', { class: 'connection__label' });
    this.element = h('div', { class: 'connection', role: 'status', 'aria-live': 'polite', 'data-testid': 'connection' }, h('span', { class: 'connection__dot', 'aria-hidden': 'true' }), this.label);
    window.addEventListener('online', () => this.render());
    window.addEventListener('offline', () => this.render());
    onLangChange(() => this.render());
    this.render();
  }

  // Declared before firstSynced: fields are set in order, and the promise's executor sets this one.
  private resolveFirstSynced: () => void = () => undefined;
  /** Resolves the first time an open review is synced (main.ts starts the service worker then). */
  readonly firstSynced = new Promise<void>((resolve) => (this.resolveFirstSynced = resolve));

  setCollabStatus(status: CollabStatus | null): void {
    if (status === 'synced') this.resolveFirstSynced();
    this.collab = status;
    this.render();
  }

  /** Her changes the server does not have yet (kept in this browser meanwhile). */
  setUnsent(count: number): void {
    if (count === this.unsent) return;
    this.unsent = count;
    this.render();
  }

  get state(): ConnectionState {
    if (!navigator.onLine) return 'offline';
    return this.collab ?? 'online';
  }

  private render(): void {
    const state = this.state;
    this.element.dataset.state = state;
    this.element.dataset.unsent = String(this.unsent);
    // With changes waiting, the short count keeps the header on one row; the state stays readable in
    // the title and, for screen readers, in a hidden part of the label.
    if (this.unsent > 0) {
      const count = t('connUnsent', { count: formatNumber(this.unsent) });
      this.label.replaceChildren(h('span', { class: 'visually-hidden' }, `${t(LABEL[state])}. `), count);
      this.element.title = `${t(LABEL[state])} — ${count}`;
    } else if (state === 'offline') {
      // The whole sentence made the header two rows (in large type, and in Kyrgyz): the pill says
      // "offline", the rest is in its title and, for screen readers, in a hidden part of the label.
      this.label.replaceChildren(t('layoutOfflineShort'), h('span', { class: 'visually-hidden' }, ` — ${t('layoutOfflineMore')}`));
      this.element.title = t('connOffline');
    } else {
      this.label.textContent = t(LABEL[state]);
      this.element.removeAttribute('title');
    }
  }
}
