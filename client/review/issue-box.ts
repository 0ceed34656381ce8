import { status as statusRoutes } from '../../shared/contract';
import { LANGS } from '../../shared/i18n/lang';
import { apiCall } from '../api';
import { onLangChange, t, type StringKey } from '../i18n/i18n';
import { CommitteeSelect, committeeName, type CommitteeRecord } from '../ui/committee-select';
import { h, tx } from '../ui/dom';
import { confirmAction } from '../ui/confirm-dialog';
import { announce, errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';

export interface IssueStatus {
  status: string;
  committee: string | null;
}

/**
 * The secretary issues the finished conclusion to a committee chosen from the registry (its readers
 * may then read and download it, nothing else) or takes it back for more review. The server decides
 * who may; this offers the issue only once the export has nothing missing, since the committee would
 * get a refusal otherwise. Choosing a committee never changes the conclusion's addressee: when the
 * addressee names another committee, the box says so and leaves the correction to the form.
 */
export class IssueBox {
  readonly element: HTMLElement;
  private readonly line = h('p', { 'data-testid': 'issue-status' });
  private readonly committee: CommitteeSelect;
  private readonly issueButton = tx('button', 'issueButton', { type: 'button', class: 'button button--primary', 'data-testid': 'issue-button' });
  private readonly reopenButton = tx('button', 'reopenButton', { type: 'button', class: 'button', 'data-testid': 'reopen-button' });
  private readonly archiveButton = tx('button', 'archiveButton', { type: 'button', class: 'button', 'data-testid': 'archive-button' });
  private readonly needs = h('p', { class: 'hint', id: 'issue-needs', 'data-testid': 'issue-needs' });
  private readonly addresseeNote = h('p', { class: 'hint', 'data-testid': 'issue-addressee-note' });
  private readonly buttons = h('div', { class: 'export-row' });
  private readonly error = h('div', { class: 'export-status' });
  private ready = false;
  private addressee = '';
  private readonly subscriptions = new Subscriptions();
  /** Told the review's status after every change (the form freezes while the conclusion is issued). */
  onStatus: ((status: IssueStatus) => void) | null = null;

  constructor(
    private readonly reviewId: string,
    private state: IssueStatus,
    /** The version of the draft the workbench is on: from a later one, the conclusion issued is that reading's (issue 16). */
    private readonly version = 1,
  ) {
    // The review's committee (chosen at upload, or the one it was issued to) is offered first.
    this.committee = new CommitteeSelect({ id: 'issue-committee', 'data-testid': 'issue-committee', 'aria-describedby': 'issue-needs' }, 'committeeChoose', state.committee);
    this.committee.element.addEventListener('change', () => this.render());
    // Each asks first, saying who will see what once it is done (issue 17).
    this.issueButton.addEventListener('click', () => {
      const committee = this.committee.value;
      if (!committee) return;
      const name = this.nameOf(committee);
      const reading = this.version >= 2 ? [t('draftVersionsIssueReading', { seq: this.version })] : [];
      void this.ask('confirmIssueTitle', [t('confirmIssueWho', { committee: name }), ...reading, t('confirmIssueFreeze')], 'confirmIssueOk', { status: 'issued', committee, ...(this.version >= 2 ? { reading: this.version } : {}) });
    });
    this.reopenButton.addEventListener('click', () => {
      const lines = [this.issuedTo() ? t('confirmReturnIssued', { committee: this.nameOf(this.issuedTo()!) }) : t('confirmReturnArchived'), t('confirmReturnWork')];
      void this.ask('confirmReturnTitle', lines, 'confirmReturnOk', { status: 'in_review' });
    });
    this.archiveButton.addEventListener('click', () => {
      const issued = this.issuedTo();
      const lines = [t('confirmArchiveList'), ...(issued ? [t('confirmArchiveIssued', { committee: this.nameOf(issued) })] : [])];
      void this.ask('confirmArchiveTitle', lines, 'confirmArchiveOk', { status: 'archived' });
    });
    this.element = h(
      'section',
      { class: 'issue-box', 'aria-labelledby': 'issue-title', 'data-testid': 'issue-box' },
      tx('h3', 'issueTitle', { id: 'issue-title' }),
      this.line,
      h('div', { class: 'field' }, tx('label', 'issueCommittee', { for: 'issue-committee' }), this.committee.element),
      this.addresseeNote,
      this.buttons,
      this.needs,
      this.error,
    );
    this.subscriptions.add(
      onLangChange(() => this.render()),
      () => this.committee.destroy(),
    );
    this.render();
  }

  destroy(): void {
    this.subscriptions.release();
    this.onStatus = null;
  }

  get status(): IssueStatus {
    return this.state;
  }

  /** The registry (loaded once for the review page), or the refusal to load it. */
  setCommittees(committees: readonly CommitteeRecord[]): void {
    this.committee.setCommittees(committees);
    this.render();
  }

  committeesFailed(error: unknown, retry: () => void): void {
    this.error.replaceChildren(errorBanner(error, retry));
  }

  /** The committee's name as the registry gives it, in the interface's language; its code otherwise. */
  nameOf(code: string): string {
    const known = this.committee.byCode(code);
    return known ? committeeName(known) : code;
  }

  /** Whether the conclusion has every required field (from the preview's missing list). */
  setReady(ready: boolean): void {
    this.ready = ready;
    this.render();
  }

  /** The conclusion's addressee as typed, compared with the committee chosen (never changed from here). */
  setAddressee(addressee: string): void {
    this.addressee = addressee.trim();
    this.render();
  }

  /** The committee whose readers read the conclusion now, if it is issued. */
  private issuedTo(): string | null {
    return this.state.status === 'issued' ? this.state.committee : null;
  }

  private async ask(title: StringKey, lines: string[], ok: StringKey, body: Parameters<IssueBox['send']>[0]): Promise<void> {
    if (await confirmAction({ title: t(title), lines, confirmKey: ok })) this.send(body);
  }

  private send(body: { status: 'issued'; committee: string; reading?: number } | { status: 'in_review' } | { status: 'archived' }): void {
    this.error.replaceChildren();
    apiCall(statusRoutes.setStatus, { params: { id: this.reviewId }, body })
      .then((answer) => {
        this.state = { status: answer.review.status, committee: answer.review.committee };
        this.committee.value = answer.review.committee;
        this.render();
        announce(t('issueDone'));
        this.onStatus?.(this.state);
      })
      .catch((error: unknown) => this.error.replaceChildren(errorBanner(error)));
  }

  private render(): void {
    const issued = this.state.status === 'issued' && this.state.committee;
    const archived = this.state.status === 'archived';
    this.line.textContent = issued ? t('issuedTo', { committee: this.nameOf(this.state.committee!) }) : archived ? t('archivedNote') : t('notIssued');
    const chosen = this.committee.value;
    this.issueButton.toggleAttribute('disabled', !this.ready || !chosen);
    // Swapped, not hidden: the button styles set a display that would override [hidden]. A review done
    // with (issued or not) may go to the archive; from there it comes back to review.
    this.buttons.replaceChildren(...(archived ? [this.reopenButton] : issued ? [this.reopenButton, this.archiveButton] : [this.issueButton, this.archiveButton]));
    this.committee.element.disabled = Boolean(issued) || archived;
    const needs = issued || archived ? [] : [...(this.ready ? [] : [t('issueNeedsFields')]), ...(chosen ? [] : [t('issueChooseCommittee')])];
    this.needs.textContent = needs.join(' ');
    this.addresseeNote.textContent = !issued && !archived && this.differs(chosen) ? t('issueAddresseeDiffers', { addressee: this.addressee }) : '';
  }

  /** The addressee is filled and names none of the chosen committee's names (in any language). */
  private differs(code: string): boolean {
    const chosen = this.committee.byCode(code);
    if (!chosen || !this.addressee) return false;
    const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
    return !LANGS.some((l) => norm(chosen.names[l]) === norm(this.addressee));
  }
}
