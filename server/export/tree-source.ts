import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { ClauseTree } from '../../shared/clause';
import { docToClauseTree } from '../../shared/clause-doc';
import { draftFragment } from '../../shared/collab/text-doc';
import { draftSchema } from '../../shared/schema';
import { collabHub } from '../collab/hub-of';
import type { AppContext } from '../context';
import type { Db } from '../storage/db';

/**
 * The clause tree stored by the import, or undefined when the review has none. Only that column: the
 * stored editor document beside it (as large again for a code) is not needed to export.
 */
export function importedTree(db: Db, reviewId: string): ClauseTree | undefined {
  const row = db.prepare('SELECT clause_tree FROM review_imports WHERE review_id = ?').get(reviewId) as { clause_tree: string } | undefined;
  return row ? (JSON.parse(row.clause_tree) as ClauseTree) : undefined;
}

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
