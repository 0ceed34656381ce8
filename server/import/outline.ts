import { OUTLINE_KINDS, type Clause, type ClauseKind, type ClauseTree } from '../../shared/clause';

export interface OutlineNode {
  id: string;
  kind: ClauseKind;
  number: string | null;
  label: string;
  title: string | null;
  line: number | null;
  /** For unnumbered units (header lines, preamble, signature): the start of their text. */
  excerpt: string | null;
  children: OutlineNode[];
}

function excerptOf(clause: Clause): string | null {
  if (clause.number !== null || clause.title) return null;
  const text = clause.text.trim();
  if (text.length === 0) return null;
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
}


export function outlineOf(tree: ClauseTree): OutlineNode[] {
  const visit = (clauses: readonly Clause[]): OutlineNode[] =>
    clauses
      .filter((c) => OUTLINE_KINDS.has(c.kind))
      .map((c) => ({
        id: c.id,
        kind: c.kind,
        number: c.number,
        label: c.label,
        title: c.title ?? null,
        line: c.line ?? null,
        excerpt: excerptOf(c),
        children: c.kind === 'article' ? [] : visit(c.children),
      }));
  return visit(tree.clauses);
}

/** The outline as indented lines: «Глава 1. Общие положения», «  Статья 1. Основные понятия». */
export function outlineLines(nodes: readonly OutlineNode[], depth = 0): string[] {
  const lines: string[] = [];
  for (const node of nodes) {
    const head = node.label || node.kind;
    const detail = node.title ?? node.excerpt;
    lines.push(`${'  '.repeat(depth)}${head}${detail ? ` — ${detail}` : ''}${node.line ? `  [${node.line}]` : ''}`);
    lines.push(...outlineLines(node.children, depth + 1));
  }
  return lines;
}
