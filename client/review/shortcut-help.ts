import { t, type StringKey } from '../i18n/i18n';
import { h } from '../ui/dom';

/** The review page's shortcuts as the sheet lists them: keys (as printed) and what they do. */
const SHORTCUTS: ReadonlyArray<[keys: string[], what: StringKey]> = [
  [['?'], 'textToolsKeyHelp'],
  [['Ctrl+F'], 'textToolsKeySearch'],
  [['Enter', 'Shift+Enter'], 'textToolsKeyNextPrev'],
  [['F3', 'Shift+F3'], 'textToolsKeyF3'],
  [['Ctrl+Alt+G'], 'textToolsKeyGoto'],
  [['Escape'], 'textToolsKeyEscape'],
  [['Ctrl+Alt+M'], 'textToolsKeyNewFinding'],
  [['Ctrl+Alt+J'], 'textToolsKeyToCard'],
  [['Ctrl+Z', 'Ctrl+Y'], 'textToolsKeyUndo'],
  [['←', '→'], 'textToolsKeyTabs'],
];

/**
 * The sheet of keyboard shortcuts, opened by `?` (or its button): a native modal dialog, so focus is
 * kept inside and Escape closes it; focus goes back to where she was.
 */
export function openShortcutHelp(): HTMLDialogElement {
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const dialog = h('dialog', { class: 'dialog shortcut-help', 'aria-labelledby': 'shortcut-help-title', 'data-testid': 'shortcut-help' }) as HTMLDialogElement;
  const close = h('button', { type: 'button', class: 'button', 'data-testid': 'shortcut-help-close' }, t('textToolsHelpClose'));
  close.addEventListener('click', () => dialog.close());
  dialog.append(
    h(
      'div',
      { class: 'dialog__form' },
      h('h2', { id: 'shortcut-help-title' }, t('textToolsHelpTitle')),
      h(
        'table',
        { class: 'shortcut-table' },
        h(
          'tbody',
          {},
          ...SHORTCUTS.map(([keys, what]) =>
            h('tr', {}, h('th', { scope: 'row' }, ...keys.flatMap((key, i) => [i ? ' / ' : null, h('kbd', {}, key)])), h('td', {}, t(what))),
          ),
        ),
      ),
      h('div', { class: 'dialog__actions' }, close),
    ),
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (returnTo?.isConnected) returnTo.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
