import type { Clause } from '../clause';
import { escapeHtml } from '../conclusion/html';
import type { ConsolidatedAct, UnitChange } from './result';
import { wordDiff } from './word-diff';

/** One line of the consolidated act as the review shows it: the unit's text, what changed, and who changed it. */
export interface ConsolidatedLine {
  id: string;
  kind: Clause['kind'];
  label: string;
  depth: number;
  text: string;
  change?: UnitChange;
  /** Instructions that changed it. */
  by?: string[];
  /** The text before, for a changed unit (words struck and inserted are shown from it). */
  before?: string;
}

/**
 * The whole base act as it will read, line by line in the act's order, with the units the amendment takes out
 * kept where they stood (marked removed) so the reader sees what goes.
 */
export function consolidatedLines(act: ConsolidatedAct): ConsolidatedLine[] {
  const removedAfter = new Map<string, Clause[]>();
  const removedFirst = new Map<string, Clause[]>();
  for (const r of act.removed) {
    const map = r.afterId ? removedAfter : removedFirst;
    const key = r.afterId ?? r.parentId ?? '';
    map.set(key, [...(map.get(key) ?? []), r.clause]);
  }
  const out: ConsolidatedLine[] = [];
  const line = (c: Clause, depth: number, removed: boolean): void => {
    const m = act.marks[c.id];
    const entry: ConsolidatedLine = { id: c.id, kind: c.kind, label: c.label, depth, text: c.text };
    if (removed) Object.assign(entry, { change: 'removed', by: m?.by ?? [] });
    else if (m) {
      entry.change = m.change;
      entry.by = m.by;
      if (m.change === 'changed' && m.before !== null && m.before !== c.text) entry.before = m.before;
      if (m.change === 'repealed' && m.before !== null) entry.before = m.before;
    }
    out.push(entry);
  };
  const walk = (clauses: readonly Clause[], parentId: string, depth: number): void => {
    for (const r of removedFirst.get(parentId) ?? []) removedSubtree(r, depth);
    for (const c of clauses) {
      line(c, depth, false);
      walk(c.children, c.id, depth + 1);
      for (const r of removedAfter.get(c.id) ?? []) removedSubtree(r, depth);
    }
  };
  const removedSubtree = (c: Clause, depth: number): void => {
    line(c, depth, true);
    for (const child of c.children) removedSubtree(child, depth + 1);
  };
  walk(act.tree.clauses, '', 0);
  return out;
}

/** A line's text with the words struck (<del>) and inserted (<ins>), escaped. */
export function diffHtml(before: string | null | undefined, after: string | null | undefined): string {
  if (before == null) return after == null ? '' : `<ins>${escapeHtml(after)}</ins>`;
  if (after == null) return `<del>${escapeHtml(before)}</del>`;
  return wordDiff(before, after)
    .map((s) => (s.kind === 'same' ? escapeHtml(s.text) : s.kind === 'del' ? `<del>${escapeHtml(s.text)}</del>` : `<ins>${escapeHtml(s.text)}</ins>`))
    .join('');
}

/** The consolidated act as HTML: one paragraph per unit, changed ones marked by class and by the instructions. */
export function renderConsolidatedHtml(act: ConsolidatedAct): string {
  return consolidatedLines(act)
    .map((l) => {
      const cls = l.change ? ` class="amend-${l.change}"` : '';
      const by = l.by && l.by.length > 0 ? ` data-by="${escapeHtml(l.by.join(' '))}"` : '';
      const body = l.change === 'removed' ? `<del>${escapeHtml(l.text)}</del>` : l.change === 'added' ? `<ins>${escapeHtml(l.text)}</ins>` : l.before !== undefined ? diffHtml(l.before, l.text) : escapeHtml(l.text);
      return `<p data-id="${escapeHtml(l.id)}" data-depth="${l.depth}"${cls}${by}>${body}</p>`;
    })
    .join('\n');
}
