import type { Node as PMNode } from 'prosemirror-model';
import { OUTLINE_LEVEL, type ClauseKind } from '../../shared/clause';
import { formatNumber, t } from '../i18n/i18n';
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

/** Where each outline entry starts in the document, in order: a position belongs to the last entry starting before it. */
export function outlineStarts(doc: PMNode): Array<{ id: string; pos: number }> {
  const starts: Array<{ id: string; pos: number }> = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'clause') return false;
    const kind = node.attrs.kind as string;
    if (OUTLINE_LEVEL[kind as ClauseKind]) starts.push({ id: node.attrs.id as string, pos });
    return kind !== 'article';
  });
  return starts;
}

/** The outline entry a document position falls in (null before the first entry: the act's header). */
export function entryAt(starts: ReadonlyArray<{ id: string; pos: number }>, pos: number): string | null {
  let lo = 0;
  let hi = starts.length - 1;
  let found: string | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]!.pos <= pos) {
      found = starts[mid]!.id;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The outline as a tree in the WAI-ARIA tree view pattern (flat, levels in aria-level): one Tab stop
 * — a Criminal Code has ~440 entries, which as buttons were as many Tabs between the header and the
 * text — with the arrow keys inside it: Up and Down to the previous and next entry, Home and End,
 * Right to the first entry below this one, Left to the entry above it; Enter or Space jumps the
 * editor there (so does a click). It listens only on its own elements: nothing to release.
 */
export function renderOutline(entries: readonly OutlineEntry[], onJump: (clauseId: string) => void): HTMLElement {
  const items = entries.map(({ id, level, label }, i) =>
    h('li', { role: 'treeitem', 'aria-level': String(level), tabindex: i === 0 ? '0' : '-1', class: `outline__item outline__item--${level} outline__link`, 'data-clause': id }, label),
  );
  const tree = h('ul', { role: 'tree', class: 'outline__list', 'aria-labelledby': 'outline-title', 'aria-describedby': 'outline-keys' }, ...items);
  let current = 0;
  const moveTo = (index: number) => {
    const next = items[index];
    if (!next) return;
    items[current]!.tabIndex = -1;
    next.tabIndex = 0;
    current = index;
    next.focus();
  };
  const jump = (index: number) => {
    moveTo(index);
    onJump(entries[index]!.id);
  };
  tree.addEventListener('click', (event) => {
    const index = items.indexOf((event.target as HTMLElement).closest('li') as HTMLLIElement);
    if (index >= 0) jump(index);
  });
  tree.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const level = entries[current]!.level;
    let target: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        target = Math.min(current + 1, items.length - 1);
        break;
      case 'ArrowUp':
        target = Math.max(current - 1, 0);
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = items.length - 1;
        break;
      case 'ArrowRight':
        target = (entries[current + 1]?.level ?? 0) > level ? current + 1 : current;
        break;
      case 'ArrowLeft': {
        let i = current - 1;
        while (i >= 0 && entries[i]!.level >= level) i -= 1;
        target = i >= 0 ? i : current;
        break;
      }
      case 'Enter':
      case ' ':
        event.preventDefault();
        jump(current);
        return;
      default:
        return;
    }
    event.preventDefault();
    moveTo(target);
  });
  return tree;
}

/**
 * The outline beside the draft, following its headings. Most edits change no heading: the list
 * (hundreds of entries) is rebuilt only when one did. Nothing outside itself to release.
 */
export class OutlineNav {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly keys: HTMLElement;
  private doc: PMNode | null = null;
  private entries: readonly OutlineEntry[] | null = null;
  /** The search's hits per entry, and the entry of the current hit (marked again after a rebuild). */
  private hits: ReadonlyMap<string, number> = new Map();
  private currentHit: string | null = null;

  constructor(private readonly onJump: (clauseId: string) => void) {
    this.title = tx('h2', 'outline', { id: 'outline-title', class: 'panel-title' });
    this.keys = tx('p', 'layoutOutlineKeys', { id: 'outline-keys', class: 'visually-hidden' });
    this.element = h('nav', { class: 'outline', 'aria-labelledby': 'outline-title' }, this.title, this.keys);
  }

  update(doc: PMNode): void {
    if (doc === this.doc) return;
    this.doc = doc;
    const entries = outlineEntries(doc);
    if (this.entries && sameEntries(entries, this.entries)) return;
    this.entries = entries;
    this.element.replaceChildren(this.title, this.keys, renderOutline(entries, this.onJump));
    this.drawHits();
  }

  /** Marks the entries the searched words occur in, with how many times; the current hit's entry stands out. */
  markHits(hits: ReadonlyMap<string, number>, current: string | null): void {
    this.hits = hits;
    this.currentHit = current;
    this.drawHits();
  }

  private drawHits(): void {
    for (const old of this.element.querySelectorAll('.outline__hits')) old.remove();
    for (const link of this.element.querySelectorAll<HTMLElement>('.outline__link')) {
      const id = link.dataset.clause!;
      const count = this.hits.get(id);
      link.classList.toggle('outline__link--hit', Boolean(count));
      link.classList.toggle('outline__link--current-hit', id === this.currentHit);
      if (count) link.append(h('span', { class: 'outline__hits', 'data-testid': 'outline-hits' }, h('span', { 'aria-hidden': 'true' }, ` ${formatNumber(count)}`), h('span', { class: 'visually-hidden' }, ` (${t('textToolsHitsInEntry', { count: formatNumber(count) })})`)));
    }
    const current = this.currentHit ? this.element.querySelector<HTMLElement>(`.outline__link[data-clause="${CSS.escape(this.currentHit)}"]`) : null;
    current?.scrollIntoView({ block: 'nearest' });
  }
}

function sameEntries(a: readonly OutlineEntry[], b: readonly OutlineEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.id === b[i]!.id && e.level === b[i]!.level && e.label === b[i]!.label);
}
