import type { Node as PMNode } from 'prosemirror-model';

/**
 * A clause's label as the import wrote it, in the draft's language («Статья 2, часть 1»), or null
 * when the clause is not in the document or has no label (the caller then names its article).
 */
export function clauseLabelOf(doc: PMNode, clauseId: string): string | null {
  let label: string | null = null;
  doc.descendants((node) => {
    if (label !== null) return false;
    if (node.type.name !== 'clause') return false;
    if (node.attrs.id === clauseId) {
      label = typeof node.attrs.label === 'string' && node.attrs.label.trim() ? node.attrs.label.trim() : '';
      return false;
    }
    return true;
  });
  return label || null;
}
