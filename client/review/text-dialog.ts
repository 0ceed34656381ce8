import { t, type StringKey } from '../i18n/i18n';
import { h } from '../ui/dom';
import { showModal } from '../ui/modal';
import { MENTIONS_ATTRIBUTE } from './mention-autocomplete';

/**
 * Asks for one short text in a native modal <dialog> (focus inside, Escape cancels): the reason for a
 * dismissal, the new words of a reply. Resolves with the trimmed text, or null when cancelled; an
 * empty required text is refused in words, not silently. Focus goes back to where it was.
 */
export function askText(options: { title: string; label: StringKey; initial?: string; required?: StringKey; maxLength: number; rows?: number; submit: StringKey; testId: string; mentions?: boolean }): Promise<string | null> {
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': `${options.testId}-title`, 'data-testid': options.testId }) as HTMLDialogElement;
  return showModal<string | null>(dialog, null, (settle) => {
    const id = `${options.testId}-text`;
    const errorId = `${options.testId}-error`;
    const input = h('textarea', { id, class: 'input', rows: String(options.rows ?? 3), maxlength: String(options.maxLength), 'data-testid': `${options.testId}-input`, [MENTIONS_ATTRIBUTE]: options.mentions ? '' : null }) as HTMLTextAreaElement;
    input.value = options.initial ?? '';
    const error = h('p', { id: errorId, class: 'field-error', role: 'alert', hidden: true });
    const form = h(
      'form',
      { method: 'dialog', class: 'dialog__form' },
      h('h2', { id: `${options.testId}-title` }, options.title),
      h('div', { class: 'field' }, h('label', { for: id }, t(options.label)), input, error),
      h(
        'div',
        { class: 'dialog__actions' },
        h('button', { type: 'button', class: 'button', onclick: () => dialog.close() }, t('cardCancel')),
        h('button', { type: 'submit', class: 'button button--primary', 'data-testid': `${options.testId}-submit` }, t(options.submit)),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text && options.required) {
        error.textContent = t(options.required);
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', errorId);
        input.focus();
        return;
      }
      settle(text);
    });
    dialog.append(form);
    return input;
  });
}
