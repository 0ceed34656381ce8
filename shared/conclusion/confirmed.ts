import { walkClauses, type Clause, type ClauseTree } from '../clause';
import { isLang, type Lang } from '../i18n/lang';
import type { MergedFinding } from '../review-model';
import { cleanLine } from './sanitize';

/** A finding the secretary confirmed, with its clause (when the current text still has it). */
export interface ConfirmedFinding {
  finding: MergedFinding;
  clause: Clause | undefined;
  /** Position of the clause in document order; unknown clauses sort last. */
  order: number;
}

/**
 * Only a final 'confirmed' decision lets a finding into the conclusion: an expert's confirmation
 * without the secretary's decision does not, and a dismissed finding never does.
 * Ordered by the clause's place in the draft, then by where the quote sits in the clause, then by id,
 * so the same review always gives the same table.
 */
export function confirmedFindings(findings: readonly MergedFinding[], tree: ClauseTree): ConfirmedFinding[] {
  const index = new Map<string, { clause: Clause; order: number }>();
  let order = 0;
  for (const [clause] of walkClauses(tree.clauses)) index.set(clause.id, { clause, order: order++ });
  const confirmed = findings
    .filter((f) => f.final?.decision === 'confirmed')
    .map((finding) => {
      const hit = index.get(finding.clauseId);
      return {
        finding,
        clause: hit?.clause,
        order: hit ? hit.order : Number.MAX_SAFE_INTEGER,
        at: hit ? placeInClause(finding, hit.clause) : -1,
      };
    });
  confirmed.sort(
    (a, b) =>
      a.order - b.order ||
      a.finding.clauseId.localeCompare(b.finding.clauseId) ||
      a.at - b.at ||
      a.finding.id.localeCompare(b.finding.id),
  );
  return confirmed.map(({ finding, clause, order: o }) => ({ finding, clause, order: o }));
}

/**
 * Where the finding's words start in its clause: the merge's resolved position in the current text
 * when it still resolves there, else the first occurrence of the quote; -1 when neither is known.
 */
function placeInClause(finding: MergedFinding, clause: Clause): number {
  const position = finding.position;
  if (position && position.clauseId === clause.id && (position.state === 'exact' || position.state === 'reanchored')) return position.start;
  return finding.quote.exact ? clause.text.indexOf(finding.quote.exact) : -1;
}

/**
 * The wording that goes into the table: the secretary's final text, else the latest expert
 * confirmation that edited it, else the finding's own proposal — the expert's, or the engine's
 * suggestion in the draft's language (`draftLang`), since the wording replaces words of the draft.
 */
export function proposedWording(finding: MergedFinding, draftLang?: Lang): string | undefined {
  if (finding.final?.wording?.trim()) return finding.final.wording;
  const edited = finding.verdicts
    .filter((v) => v.decision === 'confirm' && v.wording?.trim())
    .sort((a, b) => b.at - a.at)[0];
  if (edited?.wording) return edited.wording;
  const suggested = draftLang && finding.origin === 'engine' ? finding.suggestedWording?.[draftLang] : undefined;
  if (suggested?.trim()) return suggested;
  return finding.proposedWording?.trim() ? finding.proposedWording : undefined;
}

/** The draft's language when it is one of ours; a draft in another language keeps the stored wording. */
export function draftLanguage(tree: ClauseTree): Lang | undefined {
  return isLang(tree.meta.language) ? tree.meta.language : undefined;
}

export function explanationOf(finding: MergedFinding, lang: Lang): string {
  return typeof finding.explanation === 'string' ? finding.explanation : finding.explanation[lang];
}

/** A clause's human label; the scaffold parser leaves labels empty, so fall back to title or text. */
export function clauseLabel(clause: Clause): string {
  const label = cleanLine(clause.label);
  if (label) return label;
  const title = cleanLine(clause.title);
  if (title) return title;
  const text = cleanLine(clause.text);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text || clause.id;
}
