import type { Clause, ClauseKind } from '../../shared/clause';

/** The whole clause tree without its words: what a navigator or a clause picker needs. */
export interface ClauseOutline {
  id: string;
  kind: ClauseKind;
  number: string | null;
  label: string;
  title: string | null;
  children: ClauseOutline[];
}

export function clauseOutline(clauses: readonly Clause[]): ClauseOutline[] {
  return clauses.map((c) => ({
    id: c.id,
    kind: c.kind,
    number: c.number,
    label: c.label,
    title: c.title ?? null,
    children: clauseOutline(c.children),
  }));
}
