import * as Y from 'yjs';
import type { Clause, ClauseTree } from '../../shared/clause';
import { clauseFromAttributes } from '../../shared/clause-doc';
import { draftFragment, plainText } from '../../shared/collab/text-doc';
import type { AppContext } from '../context';
import type { Db } from '../storage/db';

/** What the import stored for a review: the act's metadata, and its clause tree on demand. */
export interface StoredDraft {
  meta: ClauseTree['meta'];
  tree(): ClauseTree;
}

/**
 * The import's record of the draft, or undefined when the review has none. Only the metadata is read
 * up front: the export quotes the TEXT doc, and the stored tree (as large as the draft) is parsed only
 * when that doc is empty; the stored editor document beside it is never needed.
 */
export function storedDraft(db: Db, reviewId: string): StoredDraft | undefined {
  const row = db.prepare("SELECT json_extract(clause_tree, '$.meta') AS meta FROM review_imports WHERE review_id = ?").get(reviewId) as
    | { meta: string | null }
    | undefined;
  if (!row) return undefined;
  const tree = () => {
    const stored = db.prepare('SELECT clause_tree FROM review_imports WHERE review_id = ?').get(reviewId) as { clause_tree: string } | undefined;
    if (!stored) throw new RangeError(`the import of review ${reviewId} is gone`);
    return JSON.parse(stored.clause_tree) as ClauseTree;
  };
  const meta = row.meta ? (JSON.parse(row.meta) as ClauseTree['meta']) : tree().meta;
  return { meta, tree };
}

/**
 * The draft as the secretary last corrected it in the review's TEXT doc, with the import's metadata:
 * the conclusion quotes the current words, and its table follows the current clause order. A TEXT doc
 * that holds no clause yet (never seeded) gives the imported tree.
 */
export async function currentDraftTree(ctx: AppContext, reviewId: string, stored: StoredDraft): Promise<ClauseTree> {
  return ctx.collab.withRoom(reviewId, 'text', (room) => {
    const tree = clauseTreeOfTextDoc(room.doc, stored.meta);
    return tree.clauses.length > 0 ? tree : stored.tree();
  });
}

/**
 * Reads the clause tree straight from the Yjs elements y-prosemirror keeps (text-doc.ts describes the
 * layout), giving what `docToClauseTree` gives for the same document without building a ProseMirror
 * document first: for a whole code that halves the memory the export needs for the tree.
 */
export function clauseTreeOfTextDoc(doc: Y.Doc, meta: ClauseTree['meta']): ClauseTree {
  const clauses: Clause[] = [];
  for (const child of draftFragment(doc).toArray()) if (child instanceof Y.XmlElement && child.nodeName === 'clause') clauses.push(clauseOf(child));
  return { meta, clauses };
}

function clauseOf(element: Y.XmlElement): Clause {
  const attrs = element.getAttributes() as Record<string, unknown>;
  const children: Clause[] = [];
  let text = '';
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === 'clause_text') {
      const own = child.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
      text = own ? plainText(own) : '';
    } else if (child.nodeName === 'clause') children.push(clauseOf(child));
  }
  return clauseFromAttributes(attrs, text, children);
}
