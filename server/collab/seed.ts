import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import type * as Y from 'yjs';
import { draftSchema, DRAFT_FRAGMENT } from '../../shared/schema';
import { getImport } from '../reviews/store';
import type { Db } from '../storage/db';
import { CollabErrors } from '../../shared/protocol';

/**
 * Seeds an empty TEXT doc from the stored import. Only ever on the server and only when the doc has
 * no stored updates: a client seeding its editor would duplicate the draft (docs/collaboration.md, "Why it is built this way").
 */
export function seedTextDoc(db: Db, reviewId: string, doc: Y.Doc, origin: unknown): void {
  const imported = getImport(db, reviewId);
  if (!imported) throw CollabErrors.COLLAB_REVIEW_NOT_FOUND();
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(draftSchema, imported.pmDoc, doc.getXmlFragment(DRAFT_FRAGMENT));
  }, origin);
}
