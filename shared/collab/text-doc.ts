import * as Y from 'yjs';
import { DRAFT_FRAGMENT } from '../schema';

/**
 * Reading the TEXT doc without an editor. y-prosemirror stores the draft as
 * XmlFragment(DRAFT_FRAGMENT) > XmlElement('clause' {id,…}) > [XmlElement('clause_text') > XmlText, clause…],
 * so a clause's own words are one Y.XmlText and offsets into it are offsets into Clause.text.
 */
export function draftFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(DRAFT_FRAGMENT);
}

export function plainText(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as Array<{ insert: unknown }>) if (typeof op.insert === 'string') out += op.insert;
  return out;
}

/** clause id → the Y.XmlText holding its own words, in document order. */
export function clauseTexts(doc: Y.Doc): Map<string, Y.XmlText> {
  const out = new Map<string, Y.XmlText>();
  const visit = (element: Y.XmlElement) => {
    const id = element.getAttribute('id');
    for (const child of element.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'clause_text') {
        const text = child.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
        if (typeof id === 'string' && !out.has(id)) out.set(id, text ?? emptyText(child));
      } else if (child.nodeName === 'clause') visit(child);
    }
  };
  for (const child of draftFragment(doc).toArray()) if (child instanceof Y.XmlElement && child.nodeName === 'clause') visit(child);
  return out;
}

// An empty clause_text has no XmlText child; a detached empty one reads as "" and anchors nothing.
function emptyText(_parent: Y.XmlElement): Y.XmlText {
  return new Y.XmlText();
}

/** The clause whose own text a Y.XmlText is, or null when it is not a clause text. */
export function clauseIdOfText(text: Y.XmlText): string | null {
  const holder = text.parent;
  if (!(holder instanceof Y.XmlElement) || holder.nodeName !== 'clause_text') return null;
  const clause = holder.parent;
  if (!(clause instanceof Y.XmlElement) || clause.nodeName !== 'clause') return null;
  const id = clause.getAttribute('id');
  return typeof id === 'string' ? id : null;
}
