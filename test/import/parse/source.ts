import type { Clause, ClauseTree } from '../../../shared/clause';
import { walkClauses } from '../../../shared/clause';
import type { SourceDocument } from '../../../server/import/source';

/** A SourceDocument from plain text, one paragraph per line (the real text reader lives in server/import/readers). */
export function sourceFromText(text: string): SourceDocument {
  return {
    format: 'text',
    paragraphs: text.split(/\r?\n/).map((line, i) => ({ text: line, line: i + 1 })),
    warnings: [],
  };
}

export function allClauses(tree: ClauseTree): Clause[] {
  return [...walkClauses(tree.clauses)].map(([c]) => c);
}

export function byId(tree: ClauseTree, id: string): Clause {
  const found = allClauses(tree).find((c) => c.id === id);
  if (!found) throw new Error(`no clause ${id}; ids: ${allClauses(tree).map((c) => c.id).join(' ')}`);
  return found;
}

/** The outline as "id kind" lines, handy in assertions that pin the whole structure. */
export function outline(tree: ClauseTree): string[] {
  return allClauses(tree).map((c) => `${c.id} ${c.kind}`);
}
