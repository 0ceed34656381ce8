import type { Node as PMNode } from 'prosemirror-model';
import { OUTLINE_LEVEL, type ClauseKind } from '../../shared/clause';
import { h, tx } from '../ui/dom';

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
    const level = OUTLINE_LEVEL[kind as ClauseKind];
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

/**
 * The outline beside the draft, following its headings. Most edits change no heading: the list
 * (hundreds of entries) is rebuilt only when one did. Nothing outside itself to release.
 */
export class OutlineNav {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private doc: PMNode | null = null;
  private entries: readonly OutlineEntry[] | null = null;

  constructor(private readonly onJump: (clauseId: string) => void) {
    this.title = tx('h2', 'outline', { id: 'outline-title', class: 'panel-title' });
    this.element = h('nav', { class: 'outline', 'aria-labelledby': 'outline-title' }, this.title);
  }

  update(doc: PMNode): void {
    if (doc === this.doc) return;
    this.doc = doc;
    const entries = outlineEntries(doc);
    if (this.entries && sameEntries(entries, this.entries)) return;
    this.entries = entries;
    this.element.replaceChildren(this.title, renderOutline(entries, this.onJump));
  }
}

function sameEntries(a: readonly OutlineEntry[], b: readonly OutlineEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.id === b[i]!.id && e.level === b[i]!.level && e.label === b[i]!.label);
}
