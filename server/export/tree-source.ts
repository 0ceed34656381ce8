import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { ClauseTree } from '../../shared/clause';
import { docToClauseTree } from '../../shared/clause-doc';
import { draftFragment } from '../../shared/collab/text-doc';
import { draftSchema } from '../../shared/schema';
import { collabHub } from '../collab/hub-of';
import type { AppContext } from '../context';

/**
 * The draft as the secretary last corrected it in the review's TEXT doc, with the import's metadata:
 * the conclusion quotes the current words, and its table follows the current clause order. A TEXT doc
 * that holds no clause yet (never seeded) gives the imported tree.
 */
export async function currentDraftTree(ctx: AppContext, reviewId: string, imported: ClauseTree): Promise<ClauseTree> {
  return collabHub(ctx).withRoom(reviewId, 'text', (room) => {
    const fragment = draftFragment(room.doc);
    if (fragment.length === 0) return imported;
    const tree = docToClauseTree(yXmlFragmentToProseMirrorRootNode(fragment, draftSchema), imported.meta);
    return tree.clauses.length > 0 ? tree : imported;
  });
}
