import type { AnnotationKind, Severity } from '../../shared/review-model';
import { pick, t, type StringKey } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import type { ChecklistCriterion } from './checklist-data';
import { MENTIONS_ATTRIBUTE } from './mention-autocomplete';

export interface NewFindingInput {
  kind: AnnotationKind;
  /** Findings only: a comment has no criterion, severity or wording. */
  criterionId?: string;
  severity?: Severity;
  body: string;
  proposedWording?: string;
}

const SEVERITIES: Severity[] = ['note', 'concern', 'violation'];

/**
 * The dialog for a new finding or comment, or for editing one's own: a native modal <dialog> (focus is
 * trapped inside and Escape closes it), labelled by its title and describing the quoted words. A
 * finding needs a criterion chosen by hand (no silent default); the guidance of the criteria, from
 * the checklist, is one click away beside the choice. A comment or question carries none of a
 * finding's fields and never reaches the conclusion. Focus returns to `returnFocus` on close.
 */
export function openFindingDialog(options: {
  quote: string;
  criteria: readonly ChecklistCriterion[];
  returnFocus: HTMLElement;
  /** Editing: the annotation as it stands (its kind is kept). */
  initial?: NewFindingInput;
  onSubmit: (input: NewFindingInput) => void;
}): HTMLDialogElement {
  const initial = options.initial;
  const editing = initial !== undefined;
  const criterion = h('select', { id: 'finding-criterion', class: 'input', 'data-testid': 'finding-criterion', 'aria-describedby': 'finding-criterion-error' }) as HTMLSelectElement;
  criterion.appendChild(h('option', { value: '' }, t('cardCriterionChoose')));
  for (const c of options.criteria) criterion.appendChild(h('option', { value: c.id }, `${c.id}. ${pick(c.title)}`));
  criterion.value = initial?.criterionId ?? '';
  const criterionError = h('p', { id: 'finding-criterion-error', class: 'field-error', role: 'alert', 'data-testid': 'finding-criterion-error', hidden: true });
  const guidance = h('div', { id: 'finding-guidance', class: 'guidance', 'data-testid': 'finding-guidance', hidden: true });
  const guidanceButton = h('button', { type: 'button', class: 'button button--small', 'aria-expanded': 'false', 'aria-controls': 'finding-guidance', 'data-testid': 'finding-guidance-toggle' }, t('cardGuidanceShow')) as HTMLButtonElement;
  const drawGuidance = () => {
    const chosen = options.criteria.filter((c) => c.id === criterion.value);
    const shown = chosen.length ? chosen : options.criteria;
    guidance.replaceChildren(
      chosen.length ? '' : h('p', { class: 'hint' }, t('cardGuidanceHint')),
      h('dl', {}, ...shown.flatMap((c) => [h('dt', {}, `${c.id}. ${pick(c.title)}`), h('dd', {}, pick(c.guidance))])),
    );
  };
  guidanceButton.addEventListener('click', () => {
    const open = guidance.hidden;
    guidance.hidden = !open;
    guidanceButton.setAttribute('aria-expanded', String(open));
    if (open) drawGuidance();
  });
  criterion.addEventListener('change', () => {
    if (criterion.value) {
      criterionError.hidden = true;
      criterion.removeAttribute('aria-invalid');
    }
    if (!guidance.hidden) drawGuidance();
  });
  const severity = h('select', { id: 'finding-severity', class: 'input', 'data-testid': 'finding-severity' }) as HTMLSelectElement;
  for (const s of SEVERITIES) severity.appendChild(h('option', { value: s }, t(`severity_${s}` as StringKey)));
  severity.value = initial?.severity ?? 'concern';
  const body = h('textarea', { id: 'finding-body', class: 'input', rows: '4', required: true, maxlength: '20000', 'data-testid': 'finding-body', [MENTIONS_ATTRIBUTE]: '' }) as HTMLTextAreaElement;
  body.value = initial?.body ?? '';
  const wording = h('textarea', { id: 'finding-wording', class: 'input', rows: '3', maxlength: '20000', 'data-testid': 'finding-wording' }) as HTMLTextAreaElement;
  wording.value = initial?.proposedWording ?? '';
  const bodyLabel = h('label', { for: 'finding-body' });
  const title = h('h2', { id: 'finding-dialog-title' });
  const submit = h('button', { type: 'submit', class: 'button button--primary', 'data-testid': 'finding-submit' });
  const findingFields = h(
    'div',
    { class: 'finding-fields' },
    h('div', { class: 'field' }, tx('label', 'criterion', { for: 'finding-criterion' }), h('div', { class: 'field--inline' }, criterion, guidanceButton), criterionError, guidance),
    h('div', { class: 'field' }, tx('label', 'severity', { for: 'finding-severity' }), severity),
  );
  const wordingField = h('div', { class: 'field' }, tx('label', 'proposedWording', { for: 'finding-wording' }), wording);

  // New: finding or comment, chosen here. Editing keeps the kind it has.
  let kind: AnnotationKind = initial?.kind ?? 'finding';
  const kindRadio = (value: AnnotationKind, key: StringKey) => {
    const input = h('input', { type: 'radio', name: 'finding-kind', id: `finding-kind-${value}`, value, 'data-testid': `finding-kind-${value}` }) as HTMLInputElement;
    input.checked = kind === value;
    input.addEventListener('change', () => {
      kind = value;
      show();
    });
    return h('div', { class: 'radio' }, input, h('label', { for: `finding-kind-${value}` }, t(key)));
  };
  const kindChoice = editing
    ? null
    : h('fieldset', { class: 'field finding-kind' }, h('legend', {}, t('cardKindLegend')), kindRadio('finding', 'cardKindFinding'), kindRadio('comment', 'cardKindComment'));
  const show = () => {
    const finding = kind === 'finding';
    findingFields.hidden = !finding;
    wordingField.hidden = !finding;
    title.textContent = t(editing ? (finding ? 'cardEditFinding' : 'cardEditComment') : finding ? 'newFinding' : 'cardNewComment');
    bodyLabel.textContent = t(finding ? 'explanation' : 'cardCommentText');
    submit.textContent = t(editing ? 'cardSave' : finding ? 'addFinding' : 'cardAddComment');
  };
  show();

  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'finding-dialog-title', 'aria-describedby': 'finding-dialog-quote', 'data-testid': 'finding-dialog' }) as HTMLDialogElement;
  const close = () => dialog.close();
  const form = h(
    'form',
    { method: 'dialog', class: 'dialog__form', novalidate: true },
    title,
    h('figure', { class: 'quote' }, tx('figcaption', 'quote', { class: 'quote__caption' }), h('blockquote', { id: 'finding-dialog-quote' }, options.quote)),
    kindChoice,
    findingFields,
    h('div', { class: 'field' }, bodyLabel, body),
    wordingField,
    h('div', { class: 'dialog__actions' }, tx('button', 'cancel', { type: 'button', class: 'button', onclick: close }), submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (kind === 'finding' && !criterion.value) {
      criterionError.textContent = t('cardCriterionRequired');
      criterionError.hidden = false;
      criterion.setAttribute('aria-invalid', 'true');
      return criterion.focus();
    }
    if (!body.value.trim()) return body.focus();
    options.onSubmit(
      kind === 'finding'
        ? {
            kind,
            criterionId: criterion.value,
            severity: severity.value as Severity,
            body: body.value.trim(),
            ...(wording.value.trim() ? { proposedWording: wording.value.trim() } : {}),
          }
        : { kind, body: body.value.trim() },
    );
    close();
  });
  dialog.append(form);
  // A modal dialog makes the page inert, but Tab past its last control would leave for the browser's
  // own toolbar: keep keyboard users cycling inside the dialog instead.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const controls = [...dialog.querySelectorAll<HTMLElement>('select, textarea, input, button')].filter(
      (el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null && !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
    );
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    options.returnFocus.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  if (editing) body.focus();
  else criterion.focus();
  return dialog;
}
