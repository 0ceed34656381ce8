import type { Severity } from '../../shared/review-model';
import { pick, t, type StringKey } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import type { ChecklistCriterion } from './checklist-data';

export interface NewFindingInput {
  criterionId: string;
  severity: Severity;
  body: string;
  proposedWording?: string;
}

const SEVERITIES: Severity[] = ['note', 'concern', 'violation'];

/**
 * The "new finding" dialog: a native modal <dialog> (focus is trapped inside and Escape closes it),
 * labelled by its title and describing the quoted words. Focus returns to `returnFocus` on close.
 */
export function openFindingDialog(options: {
  quote: string;
  criteria: readonly ChecklistCriterion[];
  returnFocus: HTMLElement;
  onSubmit: (input: NewFindingInput) => void;
}): HTMLDialogElement {
  const criterion = h('select', { id: 'finding-criterion', class: 'input', required: true, 'data-testid': 'finding-criterion' }) as HTMLSelectElement;
  for (const c of options.criteria) criterion.appendChild(h('option', { value: c.id }, `${c.id}. ${pick(c.title)}`));
  const severity = h('select', { id: 'finding-severity', class: 'input', 'data-testid': 'finding-severity' }) as HTMLSelectElement;
  for (const s of SEVERITIES) severity.appendChild(h('option', { value: s }, t(`severity_${s}` as StringKey)));
  severity.value = 'concern';
  const body = h('textarea', { id: 'finding-body', class: 'input', rows: '4', required: true, maxlength: '20000', 'data-testid': 'finding-body' });
  const wording = h('textarea', { id: 'finding-wording', class: 'input', rows: '3', maxlength: '20000', 'data-testid': 'finding-wording' });
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'finding-dialog-title', 'aria-describedby': 'finding-dialog-quote', 'data-testid': 'finding-dialog' }) as HTMLDialogElement;
  const close = () => dialog.close();
  const form = h(
    'form',
    { method: 'dialog', class: 'dialog__form' },
    tx('h2', 'newFinding', { id: 'finding-dialog-title' }),
    h('figure', { class: 'quote' }, tx('figcaption', 'quote', { class: 'quote__caption' }), h('blockquote', { id: 'finding-dialog-quote' }, options.quote)),
    h('div', { class: 'field' }, tx('label', 'criterion', { for: 'finding-criterion' }), criterion),
    h('div', { class: 'field' }, tx('label', 'severity', { for: 'finding-severity' }), severity),
    h('div', { class: 'field' }, tx('label', 'explanation', { for: 'finding-body' }), body),
    h('div', { class: 'field' }, tx('label', 'proposedWording', { for: 'finding-wording' }), wording),
    h(
      'div',
      { class: 'dialog__actions' },
      tx('button', 'cancel', { type: 'button', class: 'button', onclick: close }),
      tx('button', 'addFinding', { type: 'submit', class: 'button button--primary', 'data-testid': 'finding-submit' }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!body.value.trim()) return body.focus();
    options.onSubmit({
      criterionId: criterion.value,
      severity: severity.value as Severity,
      body: body.value.trim(),
      ...(wording.value.trim() ? { proposedWording: wording.value.trim() } : {}),
    });
    close();
  });
  dialog.append(form);
  // A modal dialog makes the page inert, but Tab past its last control would leave for the browser's
  // own toolbar: keep keyboard users cycling inside the dialog instead.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const controls = [...dialog.querySelectorAll<HTMLElement>('select, textarea, input, button')].filter((el) => !(el as HTMLButtonElement).disabled);
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
  criterion.focus();
  return dialog;
}
