import { t, type StringKey } from '../i18n/i18n';
import { h } from './dom';
import { showModal } from './modal';

/**
 * Asks before an action that others will feel (the secretary issuing, returning, archiving, taking
 * someone off a review): a native modal <dialog>, so focus stays inside and Escape cancels, saying
 * what will happen in words. Never window.confirm: its text cannot be styled or tested for axe, and
 * the browser may suppress it. Resolves true only on the explicit confirming button; focus goes back
 * to where it was either way.
 */
export function confirmAction(options: { title: string; lines: readonly string[]; confirmKey: StringKey; testId?: string }): Promise<boolean> {
  const titleId = 'confirm-dialog-title';
  const textId = 'confirm-dialog-text';
  const dialog = h('dialog', { class: 'dialog', role: 'alertdialog', 'aria-labelledby': titleId, 'aria-describedby': textId, 'data-testid': options.testId ?? 'confirm-dialog' }) as HTMLDialogElement;
  return showModal(dialog, false, (settle) => {
    const cancel = h('button', { type: 'button', class: 'button', 'data-testid': 'confirm-cancel' }, t('cancel'));
    const ok = h('button', { type: 'submit', class: 'button button--primary', 'data-testid': 'confirm-ok' }, t(options.confirmKey));
    const form = h(
      'form',
      { method: 'dialog', class: 'dialog__form' },
      h('h2', { id: titleId }, options.title),
      h('div', { id: textId }, ...options.lines.map((line) => h('p', {}, line))),
      h('div', { class: 'dialog__actions' }, cancel, ok),
    );
    cancel.addEventListener('click', () => dialog.close());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      settle(true);
    });
    dialog.append(form);
    // The safe choice has the focus: Enter by habit does not issue or remove anything.
    return cancel;
  });
}
