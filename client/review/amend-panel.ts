import { wordDiff } from '../../shared/amend/word-diff';
import { amend } from '../../shared/contract';
import type { AmendmentsAnswer, AppliedInstruction, ReviewBaseActs } from '../../shared/contract/amend';
import { apiCall, checkedAnswer, csrfHeader } from '../api';
import { formatDate, pick, t, type StringKey } from '../i18n/i18n';
import { h, tx, uid } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';

type Segment = AppliedInstruction['diff'][number];

/** Words struck (<del>) and put in (<ins>) as elements: text from drafts is never parsed as HTML. */
function diffNodes(segments: readonly Segment[], side: 'before' | 'after'): Node[] {
  return segments
    .filter((s) => s.kind === 'same' || (side === 'before' ? s.kind === 'del' : s.kind === 'ins'))
    .map((s) => (s.kind === 'same' ? document.createTextNode(s.text) : h(s.kind, {}, s.text)));
}

const multiline = (text: string | null): Node[] => (text ?? '').split('\n').flatMap((line, i) => (i === 0 ? [document.createTextNode(line)] : [h('br'), document.createTextNode(line)]));

/**
 * The Amended act tab (issue 20): the acts the amendment law names and the base acts attached (the secretary
 * attaches one from the library or imports one there), every instruction's unit before and after side by side
 * with the words struck and put in, what the engine finds in the new wording and in what is taken out, and each
 * act as it will read with its changed units marked. A finding on the new wording anchors to its instruction.
 */
export class AmendPanel {
  readonly element = h('section', { class: 'amend-panel', 'data-testid': 'amend-panel', 'aria-labelledby': 'amend-heading' });
  private loaded = false;

  constructor(
    private readonly reviewId: string,
    private readonly isSecretary: boolean,
    private readonly onFindingOnResult: (instructionId: string, newWording: string) => void,
  ) {}

  show(): void {
    if (!this.loaded) void this.reload();
  }

  async reload(): Promise<void> {
    this.loaded = true;
    this.element.setAttribute('aria-busy', 'true');
    try {
      const params = { id: this.reviewId };
      const [acts, result, library] = await Promise.all([
        apiCall(amend.reviewBaseActs, { params }),
        apiCall(amend.amendments, { params }),
        this.isSecretary ? apiCall(amend.listBaseActs) : Promise.resolve(null),
      ]);
      this.render(acts, result, library?.acts ?? []);
    } catch (error) {
      this.element.replaceChildren(errorBanner(error, () => void this.reload()));
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }

  private render(acts: ReviewBaseActs, result: AmendmentsAnswer, library: ReviewBaseActs['attached'][number]['act'][]): void {
    const base = h(
      'section',
      { class: 'amend-acts', 'aria-labelledby': 'amend-heading' },
      tx('h2', 'amendBaseActs', { id: 'amend-heading' }),
      h('p', {}, acts.needed.length > 0 ? t('amendNeeded', { acts: acts.needed.map((a) => `«${a}»`).join(', ') }) : t('amendNoneNeeded')),
    );
    if (acts.attached.length === 0) base.append(tx('p', 'amendNoneAttached', { class: 'hint' }));
    else
      base.append(
        h(
          'ul',
          { class: 'amend-attached', 'aria-label': t('amendAttached') },
          ...acts.attached.map(({ act, forTitle }) =>
            h(
              'li',
              { 'data-testid': 'attached-act' },
              h('strong', {}, act.title),
              act.editionDate ? ` — ${t('amendEdition', { date: formatDate(act.editionDate) })}` : '',
              act.source ? ` (${act.source})` : '',
              forTitle ? ` → «${forTitle}»` : '',
              this.isSecretary ? ' ' : '',
              this.isSecretary ? h('button', { type: 'button', class: 'button', onclick: () => void this.detach(act.id) }, t('amendDetach')) : null,
            ),
          ),
        ),
      );
    if (this.isSecretary) base.append(this.attachForm(acts, library), this.importForm(acts));

    const instructions = h(
      'section',
      { class: 'amend-instructions', 'aria-labelledby': 'amend-instructions-heading' },
      tx('h2', 'amendInstructions', { id: 'amend-instructions-heading' }),
      tx('p', 'amendLegend', { class: 'hint' }),
      ...result.instructions.map((i) => this.instruction(i, result.findings.filter((f) => f.instructionId === i.instructionId))),
    );
    const consolidated = result.acts.map((act) =>
      h(
        'details',
        { class: 'amend-consolidated', 'data-testid': 'consolidated-act' },
        h('summary', {}, t('amendConsolidated', { title: act.title })),
        h(
          'div',
          { class: 'amend-lines' },
          ...act.lines.map((l) => {
            const body = l.change === 'removed' ? [h('del', {}, l.text)] : l.change === 'added' ? [h('ins', {}, l.text)] : l.before !== undefined ? diffNodes(diffOf(l.before, l.text), 'after') : [document.createTextNode(l.text)];
            return h('p', { class: `amend-line amend-depth-${Math.min(l.depth, 5)}${l.change ? ` amend-${l.change}` : ''}`, 'data-id': l.id }, ...body);
          }),
        ),
      ),
    );
    this.element.replaceChildren(base, instructions, ...consolidated);
  }

  private instruction(i: AppliedInstruction, findings: AmendmentsAnswer['findings']): HTMLElement {
    const headingId = uid('amend-ins');
    const box = h('article', { class: `amend-instruction amend-${i.status}`, 'data-testid': 'amend-instruction', 'data-instruction': i.instructionId, 'aria-labelledby': headingId });
    box.append(h('h3', { id: headingId }, i.instructionLabel, i.unitLabel ? ` → ${i.unitLabel}` : ''));
    if (i.status === 'failed') {
      const reasonKey = `amendReason_${i.reason ?? 'unsupported'}` as StringKey;
      box.append(h('p', { class: 'amend-reason' }, t('amendFailed', { reason: t(reasonKey, { detail: i.detail ?? '' }) })));
      return box;
    }
    const changeKey: StringKey | null = i.change === 'added' ? 'amendAdded' : i.change === 'removed' ? 'amendRemoved' : i.change === 'repealed' ? 'amendRepealed' : null;
    const before = i.before === null ? [] : i.diff.length > 0 ? diffNodes(i.diff, 'before') : [h('del', {}, ...multiline(i.before))];
    const after = i.after === null ? [] : i.diff.length > 0 ? diffNodes(i.diff, 'after') : [h('ins', {}, ...multiline(i.after))];
    box.append(
      h(
        'table',
        { class: 'amend-side-by-side' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('amendBefore')), h('th', { scope: 'col' }, t('amendAfter')))),
        h('tbody', {}, h('tr', {}, h('td', { 'data-testid': 'amend-before' }, ...before), h('td', { 'data-testid': 'amend-after' }, ...after))),
      ),
    );
    if (changeKey) box.append(h('p', { class: 'hint' }, t(changeKey)));
    if (findings.length > 0)
      box.append(
        h('p', { class: 'amend-engine-title' }, t('amendEngine')),
        h('ul', { class: 'amend-engine' }, ...findings.map((f) => h('li', { 'data-testid': 'amend-engine-finding', 'data-source': f.source }, pick(f.explanation)))),
      );
    if (i.after !== null)
      box.append(
        h('button', { type: 'button', class: 'button', 'data-testid': 'finding-on-result', onclick: () => this.onFindingOnResult(i.instructionId, i.after!) }, t('amendFindingOnResult')),
      );
    return box;
  }

  private attachForm(acts: ReviewBaseActs, library: ReviewBaseActs['attached'][number]['act'][]): HTMLElement {
    const pickId = uid('amend-pick');
    const forId = uid('amend-for');
    const select = h('select', { id: pickId, 'data-testid': 'library-select' }, ...library.map((a) => h('option', { value: a.id }, a.editionDate ? `${a.title} (${formatDate(a.editionDate)})` : a.title)));
    const forTitle = h('select', { id: forId }, h('option', { value: '' }, t('amendForAny')), ...acts.needed.map((n) => h('option', { value: n }, n)));
    const form = h(
      'form',
      { class: 'amend-attach' },
      h('label', { for: pickId }, t('amendPick')),
      select,
      h('label', { for: forId }, t('amendForTitle')),
      forTitle,
      h('button', { type: 'submit', class: 'button button--primary', 'data-testid': 'attach-act', disabled: library.length === 0 }, t('amendAttach')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.attach(select.value, forTitle.value);
    });
    return form;
  }

  private importForm(acts: ReviewBaseActs): HTMLElement {
    const ids = { file: uid('amend-file'), title: uid('amend-title'), date: uid('amend-date'), source: uid('amend-source') };
    const file = h('input', { id: ids.file, type: 'file', name: 'file', required: true });
    const title = h('input', { id: ids.title, name: 'title', required: true, maxlength: 500, value: acts.needed[0] ?? '' });
    const form = h(
      'form',
      { class: 'amend-import' },
      h(
        'fieldset',
        {},
        h('legend', {}, t('amendImportLegend')),
        h('label', { for: ids.file }, t('amendFile')),
        file,
        h('label', { for: ids.title }, t('amendTitle')),
        title,
        h('label', { for: ids.date }, t('amendEditionDate')),
        h('input', { id: ids.date, name: 'editionDate', type: 'date' }),
        h('label', { for: ids.source }, t('amendSource')),
        h('input', { id: ids.source, name: 'source', maxlength: 500 }),
        h('button', { type: 'submit', class: 'button' }, t('amendImport')),
      ),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.importAndAttach(new FormData(form));
    });
    return form;
  }

  private async attach(baseActId: string, forTitle: string): Promise<void> {
    try {
      await apiCall(amend.attachBaseAct, { params: { id: this.reviewId }, body: forTitle ? { baseActId, forTitle } : { baseActId } });
      announce(t('amendAttached'));
      await this.reload();
    } catch (error) {
      this.element.prepend(errorBanner(error));
    }
  }

  private async detach(actId: string): Promise<void> {
    try {
      await apiCall(amend.detachBaseAct, { params: { id: this.reviewId, actId } });
      await this.reload();
    } catch (error) {
      this.element.prepend(errorBanner(error));
    }
  }

  private async importAndAttach(body: FormData): Promise<void> {
    try {
      const res = await fetch(amend.importBaseAct.path, { method: 'POST', body, headers: { accept: 'application/json', ...csrfHeader() }, credentials: 'same-origin' });
      const { act } = checkedAnswer(amend.importBaseAct, res.status, await res.json());
      await this.attach(act.id, '');
    } catch (error) {
      this.element.prepend(errorBanner(error));
    }
  }
}

/** The words struck and put in between two lines (the consolidated view's changed lines). */
function diffOf(before: string, after: string): Segment[] {
  return wordDiff(before, after);
}
