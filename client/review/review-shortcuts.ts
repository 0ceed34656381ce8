/**
 * The review page's keyboard shortcuts, on the whole document while the page is shown (the returned
 * function removes them): Ctrl+Alt+M opens the new-finding dialog (not over another open dialog);
 * Ctrl+Alt+J, in the editor, goes from the highlight at the caret to its card — the keyboard's way
 * for what the mouse does by clicking the highlight. Both are announced by aria-keyshortcuts.
 */
export function reviewShortcuts(actions: { newFinding(): void; inEditor(): boolean; toCard(): void }): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (!event.ctrlKey || !event.altKey) return;
    if (event.key === 'm' || event.key === 'M' || event.code === 'KeyM') {
      event.preventDefault();
      if (!document.querySelector('dialog[open]')) actions.newFinding();
    } else if ((event.key === 'j' || event.key === 'J' || event.code === 'KeyJ') && actions.inEditor()) {
      event.preventDefault();
      actions.toCard();
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
