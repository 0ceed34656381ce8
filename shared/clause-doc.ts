import type { Node as PMNode } from 'prosemirror-model';
import type { AmendmentInfo, Clause, ClauseKind, ClauseTree, ActMeta } from './clause';
import type { ClauseId } from './ids';
import { draftSchema } from './schema';

/** Turns the imported clause tree into the ProseMirror document the TEXT doc is seeded with. */
export function clauseTreeToDoc(tree: ClauseTree): PMNode {
  if (tree.clauses.length === 0) throw new RangeError('A draft needs at least one clause');
  return draftSchema.node('doc', null, tree.clauses.map(clauseToNode));
}

function clauseToNode(clause: Clause): PMNode {
  const text = clause.text.length > 0 ? [draftSchema.text(clause.text)] : [];
  return draftSchema.node(
    'clause',
    {
      id: clause.id,
      kind: clause.kind,
      number: clause.number,
      label: clause.label,
      title: clause.title ?? null,
      repealed: clause.repealed ?? false,
      amendment: clause.amendment ? JSON.stringify(clause.amendment) : null,
      quoted: clause.quoted ?? false,
    },
    [draftSchema.node('clause_text', null, text), ...clause.children.map(clauseToNode)],
  );
}

/**
 * Reads the clause tree back from a (possibly edited) document: the checklist engine and the export
 * work on the text as the secretary last corrected it. `meta` comes from the import.
 */
export function docToClauseTree(doc: PMNode, meta: ActMeta): ClauseTree {
  const clauses: Clause[] = [];
  doc.forEach((child) => clauses.push(nodeToClause(child)));
  return { meta, clauses };
}

function nodeToClause(node: PMNode): Clause {
  const attrs = node.attrs as Record<string, unknown>;
  const children: Clause[] = [];
  let text = '';
  node.forEach((child) => {
    if (child.type.name === 'clause_text') text = child.textContent;
    else if (child.type.name === 'clause') children.push(nodeToClause(child));
  });
  return clauseFromAttributes(attrs, text, children);
}

/**
 * A clause from the attributes its node carries — in the editor's ProseMirror doc and in the TEXT
 * doc's Yjs elements alike (server/export/tree-source.ts), so both read them the same way. The
 * amendment is kept as JSON text: text that is not JSON is left out, never thrown.
 */
export function clauseFromAttributes(attrs: Record<string, unknown>, text: string, children: Clause[]): Clause {
  const clause: Clause = {
    id: String(attrs.id) as ClauseId,
    kind: String(attrs.kind) as ClauseKind,
    number: attrs.number == null ? null : String(attrs.number),
    label: String(attrs.label ?? ''),
    text,
    children,
  };
  if (attrs.title != null) clause.title = String(attrs.title);
  if (attrs.repealed === true) clause.repealed = true;
  const amendment = amendmentOf(attrs.amendment);
  if (amendment) clause.amendment = amendment;
  if (attrs.quoted === true) clause.quoted = true;
  return clause;
}

function amendmentOf(value: unknown): AmendmentInfo | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as AmendmentInfo) : undefined;
  } catch {
    return undefined;
  }
}
