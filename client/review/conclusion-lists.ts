import { setConclusionField } from '../../shared/collab/author-doc';
import {
  analysisAfterEdit,
  annexesFromLines,
  annexesToLines,
  expertsFromLines,
  expertsToLines,
  signatoriesFromLines,
  signatoriesToLines,
} from '../../shared/conclusion/form-lines';
import { FILE_NAMES, FORM_LABELS } from '../../shared/conclusion/strings';
import type { Lang } from '../../shared/i18n/lang';
import type { ConclusionFields, ReviewModel } from '../../shared/review-model';
import { lang, onLangChange } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import { errorBanner } from '../ui/error-banner';
import type { Subscriptions } from '../ui/lifecycle';
import type { CriterionAnalysisItem } from '../../shared/contract/conclusion';
import { downloadFile } from './download-file';
import type { ReviewSession } from './review-session';

/** One criterion's text as the preview answer gives it: the secretary's own, or composed (prefilled). */
export type AnalysisItem = CriterionAnalysisItem;

const current = (session: ReviewSession): Partial<ConclusionFields> => session.model?.conclusion ?? {};

function area(id: string, label: string, value: string, readOnly: boolean, save: (value: string) => void): HTMLElement {
  const input = h('textarea', { id, class: 'input', rows: '3', maxlength: '20000', readonly: readOnly }) as HTMLTextAreaElement;
  input.value = value;
  input.addEventListener('change', () => save(input.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

/**
 * The conclusion's list fields — experts, the signatories after the first, annexes — as text areas
 * with one entry per line (shared/conclusion/form-lines.ts reads and writes the lines). Labels come
 * from shared/conclusion/strings.ts, in ru / ky / en like the conclusion itself. Read-only while the
 * conclusion is issued (the form's frozen state).
 */
export function conclusionListFields(
  session: ReviewSession,
  values: Partial<ConclusionFields>,
  readOnly = false,
): { experts: HTMLElement; otherSignatories: HTMLElement; annexes: HTMLElement } {
  const doc = session.mine.doc;
  const l = lang();
  const saved = () => session.refresh();
  return {
    experts: area('conclusion-experts', FORM_LABELS.experts[l], expertsToLines(values.experts), readOnly, (v) => {
      setConclusionField(doc, 'experts', expertsFromLines(v));
      saved();
    }),
    otherSignatories: area('conclusion-other-signatories', FORM_LABELS.otherSignatories[l], signatoriesToLines((values.signatories ?? []).slice(1)), readOnly, (v) => {
      const first = (current(session).signatories ?? values.signatories ?? [])[0] ?? { name: '', position: '' };
      setConclusionField(doc, 'signatories', [first, ...signatoriesFromLines(v)]);
      saved();
    }),
    annexes: area('conclusion-annexes', FORM_LABELS.annexes[l], annexesToLines(values.annexes), readOnly, (v) => {
      setConclusionField(doc, 'annexes', annexesFromLines(v));
      saved();
    }),
  };
}

/**
 * The analysis by criteria, one text area per criterion, pre-filled with the text the server composed
 * from the experts' answers and the confirmed findings. Only a changed text is stored (criteriaAnalysis);
 * a cleared one is removed, so that criterion is composed again from the current findings.
 */
export class AnalysisEditor {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  /** The last items the server composed: the form re-labels them when the interface language changes. */
  private items: readonly AnalysisItem[] = [];
  private readonly releaseLang: () => void;
  private readOnly = false;

  constructor(private readonly session: ReviewSession) {
    this.list = h('div', { class: 'conclusion-analysis-fields' });
    this.element = h('div', { class: 'conclusion-analysis', 'data-testid': 'conclusion-analysis' });
    // Labels are in the interface's language at the time they are drawn, not at the time a preview
    // answer happened to arrive: one that left while she read in English must not label the Russian form.
    this.releaseLang = onLangChange(() => this.render());
  }

  update(items: readonly AnalysisItem[]): void {
    this.items = items;
    this.render();
  }

  /** Read-only while the conclusion is issued; drawn again at once, even where she was typing. */
  setReadOnly(readOnly: boolean): void {
    if (readOnly === this.readOnly) return;
    this.readOnly = readOnly;
    this.render(true);
  }

  destroy(): void {
    this.releaseLang();
  }

  private render(force = false): void {
    if (!this.session.isSecretary) return;
    // Never replace a text area while the secretary types in it.
    if (!force && document.activeElement instanceof HTMLElement && this.element.contains(document.activeElement)) return;
    const l = lang();
    this.list.replaceChildren(
      ...this.items.map((item) => {
        const id = `conclusion-analysis-${item.criterionId.replace(/[^\w-]/g, '_')}`;
        const input = h('textarea', { id, class: 'input', rows: '3', maxlength: '20000', 'data-criterion': item.criterionId, readonly: this.readOnly }) as HTMLTextAreaElement;
        input.value = item.text;
        input.addEventListener('change', () => this.save(item, input.value));
        const label = h('label', { for: id }, item.title, item.prefilled ? ` (${FORM_LABELS.prefilled[l]})` : '');
        return h('div', { class: 'field' }, label, input);
      }),
    );
    // The form's fieldset gives the section its name (its legend); the hint says where the texts come from.
    this.element.replaceChildren(h('p', { class: 'hint' }, FORM_LABELS.analysisHint[l]), this.list);
  }

  private save(item: AnalysisItem, value: string): void {
    setConclusionField(this.session.mine.doc, 'criteriaAnalysis', analysisAfterEdit(current(this.session).criteriaAnalysis, item, value));
    this.session.refresh();
  }
}

/**
 * The other two downloads of the issue: the comparative table alone (committees ask for it) and the
 * reviewer's working copy (the draft with comments and tracked changes); on a later version (`version`
 * ≥ 2) the table is that reading's and the working copy, version 1's, is not offered. Fetched first like the
 * conclusion, so a refusal shows in `status`; `exportLang` is the language chosen beside them. Their
 * labels follow the language until the owner releases `subscriptions`.
 */
export function otherExportButtons(reviewId: string, exportLang: () => Lang, status: HTMLElement, subscriptions: Subscriptions, version = 1): HTMLElement[] {
  const reading = version >= 2 ? `&reading=${version}` : '';
  const button = (kind: 'table' | 'workingCopy', path: string, fallback: string) => {
    const el = h('button', { type: 'button', class: 'button', 'data-testid': `export-${kind}` }, `${FILE_NAMES[kind][lang()]} (DOCX)`) as HTMLButtonElement;
    subscriptions.add(onLangChange((l) => (el.textContent = `${FILE_NAMES[kind][l]} (DOCX)`)));
    el.addEventListener('click', () => {
      const chosen = exportLang();
      el.disabled = true;
      status.replaceChildren();
      downloadFile(`/api/reviews/${reviewId}/${path}?lang=${chosen}${path === 'working-copy.docx' ? '' : reading}`, `tendik-${fallback}-${chosen}.docx`)
        .catch((error: unknown) => status.replaceChildren(errorBanner(error)))
        .finally(() => (el.disabled = false));
    });
    return el;
  };
  // The working copy is the draft of version 1 with its comments: on a later version, said so instead.
  if (version >= 2) return [button('table', 'conclusion/table.docx', 'table'), tx('p', 'draftVersionsWorkingCopyOff', { class: 'hint', 'data-testid': 'working-copy-off' })];
  return [button('table', 'conclusion/table.docx', 'table'), button('workingCopy', 'working-copy.docx', 'working-copy')];
}

/**
 * What the conclusion depends on besides the draft: when this changes (compared with sameJson), the
 * preview is asked again.
 */
export function previewInputsOf(model: ReviewModel): unknown {
  return [
    model.conclusion,
    model.findings.map((f) => [f.id, f.final?.decision, f.final?.wording, f.final?.justification, f.verdicts.map((v) => [v.decision, v.wording])]),
    model.answers.map((a) => [a.criterionId, a.questionId, a.authorId, a.value, a.note]),
  ];
}
