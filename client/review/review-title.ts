import { reviews as contract } from '../../shared/contract';
import { apiCall } from '../api';
import { t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import { onLangChange } from '../i18n/i18n';
import './review-title.css';

/**
 * The review's title at the top of its page. A review is first titled with the act's title the import
 * read from the header; the secretary may change it here (PATCH /api/reviews/:id, hers only): a
 * button opens a small form in place, Escape or Cancel leaves it as it was.
 */
export class ReviewTitle {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly subscriptions = new Subscriptions();

  constructor(
    private readonly reviewId: string,
    private title: string,
    editable: boolean,
  ) {
    this.heading = h('h1', { class: 'review-title', 'data-testid': 'review-title', title }, title);
    this.element = h('div', { class: 'review-title-box' }, this.heading);
    if (!editable) return;
    const edit = h('button', { type: 'button', class: 'button button--small', 'data-testid': 'review-title-edit' }, t('reviewTitleEdit'));
    edit.addEventListener('click', () => this.openForm(edit));
    this.element.append(edit);
    this.subscriptions.add(onLangChange(() => (edit.textContent = t('reviewTitleEdit'))));
  }

  destroy(): void {
    this.subscriptions.release();
  }

  private openForm(edit: HTMLButtonElement): void {
    const input = h('input', { type: 'text', id: 'review-title-input', class: 'input', maxlength: '300', required: true, 'data-testid': 'review-title-input' }) as HTMLInputElement;
    input.value = this.title;
    const status = h('div', { role: 'status' });
    const cancel = h('button', { type: 'button', class: 'button button--small' }, t('reviewTitleCancel'));
    const form = h(
      'form',
      { class: 'review-title-form', 'data-testid': 'review-title-form' },
      h('label', { for: 'review-title-input', class: 'visually-hidden' }, t('reviewTitleLabel')),
      input,
      h('button', { type: 'submit', class: 'button button--small button--primary', 'data-testid': 'review-title-save' }, t('reviewTitleSave')),
      cancel,
      status,
    );
    const close = () => {
      form.remove();
      this.heading.hidden = false;
      edit.hidden = false;
      edit.focus();
    };
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const title = input.value.trim();
      if (!title) {
        status.textContent = t('reviewTitleEmpty');
        return input.focus();
      }
      apiCall(contract.renameReview, { params: { id: this.reviewId }, body: { title } })
        .then((answer) => {
          this.title = answer.review.title;
          this.heading.textContent = this.title;
          this.heading.title = this.title;
          close();
          announce(t('reviewTitleSaved'));
        })
        .catch((error: unknown) => status.replaceChildren(errorBanner(error)));
    });
    this.heading.hidden = true;
    edit.hidden = true;
    this.element.prepend(form);
    input.focus();
    input.select();
  }
}
