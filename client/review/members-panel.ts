import { members as contract } from '../../shared/contract';
import type { ReviewMember } from '../../shared/contract/members';
import { apiCall } from '../api';
import { onLangChange, t } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import { confirmAction } from '../ui/confirm-dialog';
import { announce, errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import type { ReviewSession } from './review-session';

type Person = ReviewMember;

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
    const id = this.session.reviewId;
    Promise.all([
      apiCall(contract.listMembers, { params: { id } }),
      this.session.isSecretary ? apiCall(contract.listExperts) : Promise.resolve({ experts: [] }),
    ])
      .then(([members, experts]) => {
        this.members = members.members;
        this.experts = experts.experts;
        this.render();
      })
      .catch((error: unknown) => this.status.replaceChildren(errorBanner(error, () => this.load())))
      .finally(() => (this.loading = false));
  }

  /** Puts an expert on the review (add) or takes her off; the server answers with the members now. */
  private change(userId: string, add: boolean): void {
    this.status.replaceChildren();
    const id = this.session.reviewId;
    (add ? apiCall(contract.addMember, { params: { id }, body: { userId } }) : apiCall(contract.removeMember, { params: { id, userId } }))
      .then((answer) => {
        this.members = answer.members;
        // An expert just put on the review: follow her annotations from now on, without a reload.
        for (const m of answer.members) this.session.addAuthor({ id: m.id, name: m.name, role: 'expert' });
        this.render();
        announce(t('membersChanged'));
      })
      .catch((error: unknown) => this.status.replaceChildren(errorBanner(error)));
  }

  /** Taking an expert off cuts her off at once: the secretary is told so and asked first. */
  private async confirmRemove(member: Person): Promise<void> {
    const yes = await confirmAction({
      title: t('confirmRemoveTitle', { name: member.name }),
      lines: [t('confirmRemoveAccess', { name: member.name }), t('confirmRemoveKept')],
      confirmKey: 'confirmRemoveOk',
    });
    if (yes) this.change(member.id, false);
  }

  private render(): void {
    if (!this.members) return;
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
                ? h('button', { type: 'button', class: 'button', 'aria-label': t('memberRemoveLabel', { name: m.name }), 'data-testid': 'member-remove', onclick: () => void this.confirmRemove(m) }, t('memberRemove'))
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
    add.addEventListener('click', () => select.value && this.change(select.value, true));
    this.body.replaceChildren(
      list,
      free.length
        ? h('div', { class: 'field' }, h('label', { for: 'member-add' }, t('memberAdd')), h('div', { class: 'export-row' }, select, add))
        : tx('p', 'memberNoMoreExperts', { class: 'hint' }),
    );
  }
}
