import { api } from '../api';
import { onLangChange, t } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import type { ReviewSession } from './review-session';

interface Person {
  id: string;
  name: string;
  email: string;
}

/**
 * Who works on the review. The secretary puts experts on it and takes them off (the server decides,
 * and ends a removed expert's connection at once); experts see their colleagues. An expert added here
 * sees the review in her list from now on.
 */
export class MembersPanel {
  readonly element: HTMLElement;
  private readonly body = h('div', { class: 'members-panel__body', 'aria-live': 'polite' });
  private readonly status = h('div', { class: 'export-status' });
  private members: Person[] | null = null;
  private loading = false;
  private experts: Person[] = [];
  private readonly subscriptions = new Subscriptions();

  constructor(private readonly session: ReviewSession) {
    this.element = h(
      'section',
      { class: 'members-panel', 'aria-labelledby': 'members-title', 'data-testid': 'members-panel' },
      tx('h2', 'membersTitle', { id: 'members-title', class: 'panel-title' }),
      this.status,
      this.body,
    );
    this.subscriptions.add(onLangChange(() => this.render()));
  }

  destroy(): void {
    this.subscriptions.release();
  }

  /** Loads the lists when the tab is first shown: opening a review must not wait on them. */
  show(): void {
    if (this.members === null && !this.loading) this.load();
  }

  private load(): void {
    this.loading = true;
    const path = `/api/reviews/${this.session.reviewId}/members`;
    Promise.all([
      api<{ members: Person[] }>('GET', path),
      this.session.isSecretary ? api<{ experts: Person[] }>('GET', '/api/experts') : Promise.resolve({ experts: [] }),
    ])
      .then(([members, experts]) => {
        this.members = members.members;
        this.experts = experts.experts;
        this.render();
      })
      .catch((error: unknown) => this.status.replaceChildren(errorBanner(error, () => this.load())))
      .finally(() => (this.loading = false));
  }

  private change(method: 'POST' | 'DELETE', path: string, body?: unknown): void {
    this.status.replaceChildren();
    api<{ members: Person[] }>(method, path, body)
      .then((answer) => {
        this.members = answer.members;
        // An expert just put on the review: follow her annotations from now on, without a reload.
        for (const m of answer.members) this.session.addAuthor({ id: m.id, name: m.name, role: 'expert' });
        this.render();
        announce(t('membersChanged'));
      })
      .catch((error: unknown) => this.status.replaceChildren(errorBanner(error)));
  }

  private render(): void {
    if (!this.members) return;
    const base = `/api/reviews/${this.session.reviewId}/members`;
    const list = this.members.length
      ? h(
          'ul',
          { class: 'member-list' },
          ...this.members.map((m) =>
            h(
              'li',
              { 'data-testid': 'member' },
              h('span', {}, m.name, ' ', h('span', { class: 'hint' }, m.email)),
              this.session.isSecretary
                ? h('button', { type: 'button', class: 'button', 'aria-label': t('memberRemoveLabel', { name: m.name }), onclick: () => this.change('DELETE', `${base}/${encodeURIComponent(m.id)}`) }, t('memberRemove'))
                : null,
            ),
          ),
        )
      : tx('p', 'membersNone');
    if (!this.session.isSecretary) {
      this.body.replaceChildren(list, tx('p', 'membersReadOnly', { class: 'hint' }));
      return;
    }
    const taken = new Set(this.members.map((m) => m.id));
    const free = this.experts.filter((e) => !taken.has(e.id));
    const select = h('select', { id: 'member-add', class: 'input', 'data-testid': 'member-add' }, ...free.map((e) => h('option', { value: e.id }, `${e.name} (${e.email})`))) as HTMLSelectElement;
    const add = h('button', { type: 'button', class: 'button button--primary', 'data-testid': 'member-add-button' }, t('memberAddButton'));
    add.addEventListener('click', () => select.value && this.change('POST', base, { userId: select.value }));
    this.body.replaceChildren(
      list,
      free.length
        ? h('div', { class: 'field' }, h('label', { for: 'member-add' }, t('memberAdd')), h('div', { class: 'export-row' }, select, add))
        : tx('p', 'memberNoMoreExperts', { class: 'hint' }),
    );
  }
}
