import { status as statusRoutes } from '../../shared/contract';
import { apiCall } from '../api';
import { onLangChange, t } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';

interface Status {
  status: string;
  committee: string | null;
}

/**
 * The secretary issues the finished conclusion to a committee (its readers may then read and download
 * it, nothing else) or takes it back for more review. The server decides who may; this offers the
 * issue only once the export has nothing missing, since the committee would get a refusal otherwise.
 */
export class IssueBox {
  readonly element: HTMLElement;
  private readonly line = h('p', { 'data-testid': 'issue-status' });
  private readonly committee = h('input', { id: 'issue-committee', class: 'input', type: 'text', maxlength: '64', autocomplete: 'off', 'data-testid': 'issue-committee' }) as HTMLInputElement;
  private readonly issueButton = tx('button', 'issueButton', { type: 'button', class: 'button button--primary', 'data-testid': 'issue-button' });
  private readonly reopenButton = tx('button', 'reopenButton', { type: 'button', class: 'button', 'data-testid': 'reopen-button' });
  private readonly archiveButton = tx('button', 'archiveButton', { type: 'button', class: 'button', 'data-testid': 'archive-button' });
  private readonly needs = h('p', { class: 'hint' });
  private readonly buttons = h('div', { class: 'export-row' });
  private readonly error = h('div', { class: 'export-status' });
  private ready = false;
  private readonly subscriptions = new Subscriptions();

  constructor(
    private readonly reviewId: string,
    private state: Status,
  ) {
    this.committee.value = state.committee ?? '';
    this.issueButton.addEventListener('click', () => this.send({ status: 'issued', committee: this.committee.value.trim() }));
    this.reopenButton.addEventListener('click', () => this.send({ status: 'in_review' }));
    this.archiveButton.addEventListener('click', () => this.send({ status: 'archived' }));
    this.element = h(
      'section',
      { class: 'issue-box', 'aria-labelledby': 'issue-title', 'data-testid': 'issue-box' },
      tx('h3', 'issueTitle', { id: 'issue-title' }),
      this.line,
      h('div', { class: 'field' }, tx('label', 'issueCommittee', { for: 'issue-committee' }), this.committee),
      this.buttons,
      this.needs,
      this.error,
    );
    this.subscriptions.add(onLangChange(() => this.render()));
    this.render();
  }

  destroy(): void {
    this.subscriptions.release();
  }

  /** Whether the conclusion has every required field (from the preview's missing list). */
  setReady(ready: boolean): void {
    this.ready = ready;
    this.render();
  }

  private send(body: { status: 'issued'; committee: string } | { status: 'in_review' } | { status: 'archived' }): void {
    this.error.replaceChildren();
    apiCall(statusRoutes.setStatus, { params: { id: this.reviewId }, body })
      .then((answer) => {
        this.state = { status: answer.review.status, committee: answer.review.committee };
        this.render();
        announce(t('issueDone'));
      })
      .catch((error: unknown) => this.error.replaceChildren(errorBanner(error)));
  }

  private render(): void {
    const issued = this.state.status === 'issued' && this.state.committee;
    const archived = this.state.status === 'archived';
    this.line.textContent = issued ? t('issuedTo', { committee: this.state.committee! }) : archived ? t('archivedNote') : t('notIssued');
    this.issueButton.toggleAttribute('disabled', !this.ready);
    // Swapped, not hidden: the button styles set a display that would override [hidden]. A review done
    // with (issued or not) may go to the archive; from there it comes back to review.
    this.buttons.replaceChildren(...(archived ? [this.reopenButton] : issued ? [this.reopenButton, this.archiveButton] : [this.issueButton, this.archiveButton]));
    this.committee.disabled = Boolean(issued) || archived;
    this.needs.replaceChildren(...(this.ready || issued || archived ? [] : [t('issueNeedsFields')]));
  }
}
