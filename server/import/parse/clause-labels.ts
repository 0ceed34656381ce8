import { GROUPING_KINDS, type Clause } from '../../../shared/clause';
import type { Lang } from '../../../shared/i18n/lang';
import { joinLabel, labelPiece, quotedLabel, sentenceCase, type LabelUnit } from './labels';
import type { NodeInfo } from './tree-builder';

/** Units whose label stands on its own rather than extending the parent's («Статья 15», «Глава 3»). */
const STANDALONE: ReadonlySet<LabelUnit> = new Set<LabelUnit>(['header', 'preamble', 'signature', ...GROUPING_KINDS, 'subheading', 'article', 'annex']);

export function assignLabels(roots: readonly Clause[], info: ReadonlyMap<Clause, NodeInfo>, lang: Lang): void {
  visit(roots, null, '', info, lang);
}

function visit(clauses: readonly Clause[], parent: Clause | null, parentLabel: string, info: ReadonlyMap<Clause, NodeInfo>, lang: Lang): void {
  const parentInfo = parent === null ? undefined : info.get(parent);
  // The first абзац of a unit whose own line has body text is that line: the next one is the second.
  const firstIndent = parentInfo?.hasBody ? 2 : 1;
  let indents = 0;
  let notes = 0;
  let texts = 0;
  for (const clause of clauses) {
    const node = info.get(clause)!;
    const unit = node.unit;
    let label: string;
    if (unit === 'line') label = parentLabel;
    else if (STANDALONE.has(unit)) {
      if (unit === 'division' && node.name !== undefined) label = sentenceCase(node.name);
      else label = capitalise(labelPiece(lang, unit, clause.number ?? ''));
    } else {
      let n = clause.number ?? '';
      if (unit === 'indent') n = String(firstIndent + indents++);
      else if (unit === 'note') n = String(++notes);
      else if (unit === 'text') n = String(++texts);
      label = joinLabel(lang, parentLabel, unit, labelPiece(lang, unit, n));
    }
    clause.label = label;
    if (clause.children.length > 0) visitChildren(clause, label, info, lang);
  }
}

function visitChildren(clause: Clause, label: string, info: ReadonlyMap<Clause, NodeInfo>, lang: Lang): void {
  if (clause.quoted) {
    visit(clause.children, clause, label, info, lang);
    return;
  }
  const own = clause.children.filter((c) => !c.quoted);
  const quoted = clause.children.filter((c) => c.quoted);
  if (own.length > 0) visit(own, clause, label, info, lang);
  if (quoted.length > 0) visitQuoted(quoted, label, info, lang);
}

/** Quoted new text is labelled as a structure of its own, inside the instruction's label. */
function visitQuoted(quoted: readonly Clause[], ownerLabel: string, info: ReadonlyMap<Clause, NodeInfo>, lang: Lang): void {
  visit(quoted, null, '', info, lang);
  const wrap = (c: Clause): void => {
    c.label = quotedLabel(lang, ownerLabel, c.label);
    for (const child of c.children) wrap(child);
  };
  for (const c of quoted) wrap(c);
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
