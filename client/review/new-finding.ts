import { createAnchor } from '../../shared/collab/anchor';
import { addAnnotation } from '../../shared/collab/author-doc';
import type { DraftEditor } from '../editor/draft-editor';
import { t } from '../i18n/i18n';
import { announce } from '../ui/error-banner';
import type { ChecklistCriterion } from './checklist-data';
import { anchorOnVersion } from './draft-version';
import { openFindingDialog } from './finding-dialog';
import type { ReviewSession } from './review-session';

/**
 * A new finding on the words selected in the draft: the dialog, then the finding in her author doc,
 * anchored to those words. The dialog lives on document.body, outside the page: destroy() closes one
 * still open when she leaves the review (by the browser's Back, say), which would otherwise stay
 * open over the next screen and write into a review no longer there.
 */
export function newFindingFlow(editor: DraftEditor, session: ReviewSession, criteria: () => readonly ChecklistCriterion[]): { open(): void; destroy(): void } {
  let dialog: HTMLDialogElement | null = null;
  const open = () => {
    const words = editor.selectedWords();
    if (!words) {
      announce(t('selectTextFirst'));
      editor.view.focus();
      return;
    }
    // Escape (or Cancel) returns to where she was: the button she pressed, or the text she selected.
    const from = document.activeElement;
    const opened = openFindingDialog({
      quote: words.text,
      criteria: criteria(),
      returnFocus: from instanceof HTMLElement && from !== document.body ? from : (editor.view.dom as HTMLElement),
      onSubmit: (input) => {
        const anchor = anchorOnVersion(createAnchor(session.text.doc, words.clauseId, { start: words.start, end: words.end }), session.version);
        addAnnotation(session.mine.doc, session.me.id, { anchor, ...input });
        session.refresh();
        announce(t(input.kind === 'finding' ? 'addFinding' : 'cardAddComment'));
      },
    });
    dialog = opened;
    opened.addEventListener('close', () => {
      if (dialog === opened) dialog = null;
    });
  };
  const destroy = () => {
    dialog?.close();
    dialog?.remove();
    dialog = null;
  };
  return { open, destroy };
}
