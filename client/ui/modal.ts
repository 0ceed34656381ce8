/**
 * Shows a native modal <dialog> (focus stays inside, Escape cancels) and resolves with the answer given
 * to `settle` before it closed, or with `cancelled` when it was closed any other way. The dialog is
 * removed afterwards and focus goes back to where it was. `build` fills the dialog and names the
 * element that takes the focus first.
 */
export function showModal<T>(dialog: HTMLDialogElement, cancelled: T, build: (settle: (answer: T) => void) => HTMLElement): Promise<T> {
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    let answer = cancelled;
    const first = build((given) => {
      answer = given;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (returnTo?.isConnected) returnTo.focus();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    first.focus();
  });
}
