import { groupAfterDismissal } from '../../shared/checklist/grouping';
import { setAnswer } from '../../shared/collab/author-doc';
import type { ChecklistAnswerValue, ReviewModel } from '../../shared/review-model';
import { formatNumber, onLangChange, pick, t, type StringKey } from '../i18n/i18n';
import { checklist } from '../../shared/contract';
import { apiCall } from '../api';
import { h, tx } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import { sameJson } from '../ui/same-json';
import type { ChecklistCriterion } from './checklist-data';
import type { ReviewSession } from './review-session';

const VALUES: ChecklistAnswerValue[] = ['yes', 'no', 'partly', 'na'];

/**
 * Each criterion's questions with everyone's answers, the number of findings under it, and the
 * user's own answer as a radio group (keyboard: arrows within the group).
 */
export class ChecklistPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private criteria: readonly ChecklistCriterion[] = [];
  private criteriaLoaded = false;
  private model: ReviewModel | null = null;
  /** The answers and the findings' criteria last drawn; null before the first drawing. */
  private shown: unknown = null;
  private readonly subscriptions = new Subscriptions();

  constructor(private readonly session: ReviewSession) {
    this.body = h('div', { class: 'checklist' });
    this.element = h(
      'section',
      { class: 'checklist-panel', 'aria-labelledby': 'checklist-title' },
      tx('h2', 'checklistTitle', { id: 'checklist-title', class: 'panel-title' }),
      session.isSecretary ? this.rerunControl() : null,
      this.body,
    );
    this.subscriptions.add(onLangChange(() => this.render()));
    this.render();
  }

  destroy(): void {
    this.subscriptions.release();
  }

  /**
   * The secretary runs the engine again over the text as she corrected it (a later version: over its
   * stored text, into its own ENGINE doc); new candidates arrive
   * through the ENGINE doc like any change, dismissed ones stay dismissed (the server decides both).
   */
  private rerunControl(): HTMLElement {
    const button = tx('button', 'rerunChecklist', { type: 'button', class: 'button', 'data-testid': 'rerun-checklist' });
    const status = h('div', { class: 'export-status', 'aria-live': 'polite', 'data-testid': 'rerun-status' });
    button.addEventListener('click', () => {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      status.replaceChildren();
      // On a later version (issue 16) its own ENGINE doc is run again over its stored text.
      apiCall(checklist.rerunChecklist, { params: { id: this.session.reviewId }, body: this.session.version >= 2 ? { version: this.session.version } : {} })
        .then((answer) => {
          const text = t('rerunDone', { findings: formatNumber(answer.findings), changed: formatNumber(answer.changed), removed: formatNumber(answer.removed) });
          status.replaceChildren(h('p', {}, text));
          announce(text);
        })
        .catch((error: unknown) => status.replaceChildren(errorBanner(error)))
        .finally(() => {
          button.disabled = false;
          button.removeAttribute('aria-busy');
        });
    });
    return h('div', { class: 'rerun' }, button, status);
  }

  setCriteria(criteria: readonly ChecklistCriterion[]): void {
    this.criteria = criteria;
    this.criteriaLoaded = true;
    this.render();
  }

  update(model: ReviewModel): void {
    // Text edits recompute the model without changing answers or counts: skip the rebuild then.
    const shown = [model.answers, model.findings.map((f) => f.criterionId), [...groupAfterDismissal(model.findings).keys()]];
    this.model = model;
    if (this.shown !== null && sameJson(shown, this.shown)) return;
    this.shown = shown;
    this.render();
  }

  render(): void {
    // Until the checklist and the review's answers have arrived the panel says so (issue 17), rather
    // than «checklist unavailable» or counts of nothing.
    this.body.setAttribute('aria-busy', String(!this.criteriaLoaded || !this.model));
    if (!this.criteriaLoaded || !this.model) return this.body.replaceChildren(h('p', { class: 'findings-loading', 'data-testid': 'checklist-loading' }, t('loading')));
    if (this.criteria.length === 0) return this.body.replaceChildren(h('p', {}, t('checklistUnavailable')));
    const focused = document.activeElement instanceof HTMLInputElement && this.body.contains(document.activeElement) ? document.activeElement.id : null;
    const answers = this.model?.answers ?? [];
    // Candidates grouped under a dismissed one (issue 15) are not counted apart, as in the findings list.
    const grouped = groupAfterDismissal(this.model?.findings ?? []);
    const findings = (this.model?.findings ?? []).filter((f) => !grouped.has(f.id));
    this.body.replaceChildren(
      ...this.criteria.map((criterion) => {
        const count = findings.filter((f) => f.criterionId === criterion.id).length;
        return h(
          'details',
          { class: 'criterion', 'data-criterion': criterion.id },
          h('summary', {}, h('span', { class: 'criterion__title' }, `${criterion.id}. ${pick(criterion.title)}`), h('span', { class: 'badge' }, t('checklistFindings', { count: formatNumber(count) }))),
          h('p', { class: 'criterion__guidance' }, pick(criterion.guidance)),
          h(
            'ol',
            { class: 'questions' },
            ...criterion.questions.map((q) => {
              const all = answers.filter((a) => a.criterionId === criterion.id && a.questionId === q.id);
              const mine = all.find((a) => a.authorId === this.session.me.id)?.value;
              const name = `answer-${criterion.id}-${q.id}`;
              const group = h(
                'fieldset',
                { class: 'answer-group' },
                h('legend', { class: 'visually-hidden' }, `${t('yourAnswer')}: ${pick(q.text)}`),
                ...VALUES.map((value) => {
                  const id = `${name}-${value}`;
                  const input = h('input', { type: 'radio', id, name, value, checked: mine === value }) as HTMLInputElement;
                  input.addEventListener('change', () => {
                    setAnswer(this.session.mine.doc, this.session.me.id, { criterionId: criterion.id, questionId: q.id, value });
                    this.session.refresh();
                  });
                  return h('label', { for: id, class: 'answer-option' }, input, ` ${t(`answer_${value}` as StringKey)}`);
                }),
              );
              return h(
                'li',
                { class: 'question' },
                h('p', {}, pick(q.text)),
                group,
                all.length
                  ? h('ul', { class: 'answers' }, ...all.map((a) => h('li', {}, `${this.session.memberName(a.authorId) ?? t('unknownUser')}: ${t(`answer_${a.value}` as StringKey)}`)))
                  : null,
              );
            }),
          ),
        );
      }),
    );
    // Keep open criteria open across re-renders.
    for (const id of this.open) this.body.querySelector<HTMLDetailsElement>(`details[data-criterion="${CSS.escape(id)}"]`)?.setAttribute('open', '');
    this.body.querySelectorAll<HTMLDetailsElement>('details').forEach((d) =>
      d.addEventListener('toggle', () => (d.open ? this.open.add(d.dataset.criterion!) : this.open.delete(d.dataset.criterion!))),
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  private readonly open = new Set<string>();
}
