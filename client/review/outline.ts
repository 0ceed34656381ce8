import type { Node as PMNode } from 'prosemirror-model';
import { h } from '../ui/dom';

const LEVELS: Record<string, number> = { division: 1, section: 1, subsection: 2, chapter: 2, subchapter: 3, article: 3 };

/** The draft's sections, chapters and articles as a navigation list; activating one jumps the editor there. */
export function renderOutline(doc: PMNode, onJump: (clauseId: string) => void): HTMLElement {
  const list = h('ul', { class: 'outline__list' });
  doc.descendants((node) => {
    if (node.type.name !== 'clause') return false;
    const kind = node.attrs.kind as string;
    const level = LEVELS[kind];
    if (level) {
      const id = node.attrs.id as string;
      const text = node.firstChild?.textContent ?? '';
      const label = text.length > 90 ? `${text.slice(0, 90)}…` : text || (node.attrs.label as string);
      list.append(h('li', { class: `outline__item outline__item--${level}` }, h('button', { type: 'button', class: 'outline__link', 'data-clause': id, onclick: () => onJump(id) }, label)));
    }
    // Articles contain no further outline entries.
    return kind !== 'article';
  });
  return list;
}
