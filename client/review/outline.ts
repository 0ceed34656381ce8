import type { Node as PMNode } from 'prosemirror-model';
import { h } from '../ui/dom';

const LEVELS: Record<string, number> = { division: 1, section: 1, subsection: 2, chapter: 2, subchapter: 3, article: 3 };

export interface OutlineEntry {
  id: string;
  level: number;
  label: string;
}

/** The draft's sections, chapters and articles, in order. */
export function outlineEntries(doc: PMNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  doc.descendants((node) => {
    if (node.type.name !== 'clause') return false;
    const kind = node.attrs.kind as string;
    const level = LEVELS[kind];
    if (level) {
      const id = node.attrs.id as string;
      const text = node.firstChild?.textContent ?? '';
      const label = text.length > 90 ? `${text.slice(0, 90)}…` : text || (node.attrs.label as string);
      entries.push({ id, level, label });
    }
    // Articles contain no further outline entries.
    return kind !== 'article';
  });
  return entries;
}

/** The outline as a navigation list; activating an entry jumps the editor there. */
export function renderOutline(entries: readonly OutlineEntry[], onJump: (clauseId: string) => void): HTMLElement {
  return h(
    'ul',
    { class: 'outline__list' },
    ...entries.map(({ id, level, label }) =>
      h('li', { class: `outline__item outline__item--${level}` }, h('button', { type: 'button', class: 'outline__link', 'data-clause': id, onclick: () => onJump(id) }, label)),
    ),
  );
}
