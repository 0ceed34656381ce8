import type { RemovalHit, ResultHit } from '../../shared/amend/candidates';
import { removalFindings } from '../../shared/amend/removals';
import type { ConsolidatedAct, InstructionResult, UnitMark } from '../../shared/amend/result';
import { unitReference } from '../../shared/amend/unit-reference';
import { walkClauses, type Clause, type ClauseTree } from '../../shared/clause';
import type { AmendmentFinding } from '../../shared/contract/amend';
import type { Lang } from '../../shared/i18n/lang';
import { analyseDraft, checklistRef } from '../checklist/service';

export interface AmendmentAnalysis {
  checklist: { id: string; version: string };
  results: ResultHit[];
  removals: RemovalHit[];
}

/**
 * The lines of an act as it will read that the law wrote: each changed or added unit, and under it the lines that
 * are new (a restated part's new items, a new article's paragraphs) — not those the unit had before, which the law
 * leaves as they were. Each with the instruction that wrote it.
 */
export function writtenLines(act: ConsolidatedAct, results: readonly InstructionResult[]): Array<{ clause: Clause; by: string }> {
  const before = new Map<string, Set<string>>();
  for (const r of results) if (r.before !== null) before.set(r.instructionId, new Set(r.before.split('\n').map((l) => l.trim())));
  const lines: Array<{ clause: Clause; by: string }> = [];
  for (const [c, parents] of walkClauses(act.tree.clauses)) {
    const own = act.marks[c.id];
    const line = { ...c, children: [] };
    if (own && (own.change === 'changed' || own.change === 'added')) {
      lines.push({ clause: line, by: own.by[own.by.length - 1] ?? '' });
      continue;
    }
    if (own) continue;
    let above: UnitMark | undefined;
    for (let i = parents.length - 1; i >= 0 && !above; i--) above = act.marks[parents[i]!.id];
    if (!above || (above.change !== 'changed' && above.change !== 'added')) continue;
    const had = above.by.some((id) => before.get(id)?.has(c.text.trim()));
    if (above.change === 'added' || !had) lines.push({ clause: line, by: above.by[above.by.length - 1] ?? '' });
  }
  return lines;
}

/**
 * The checklist engine on what an amendment law really changes (issue 20): its public entry point
 * (analyseDraft) runs over the lines as they will read — each line of each base act the law writes, alone,
 * so unchanged norms around them raise nothing — and each finding is given to the instruction that wrote the
 * line. What the law takes out (a protection, a quota, a ground of discrimination) is found by the removal
 * rules (shared/amend/removal-rules.ts) on the words struck. The review's checklist, when it has one.
 */
export async function analyseAmendments(
  acts: readonly ConsolidatedAct[],
  results: readonly InstructionResult[],
  lang: Lang,
  options: { checklistId?: string } = {},
): Promise<AmendmentAnalysis> {
  const out: ResultHit[] = [];
  let checklist: AmendmentAnalysis['checklist'] | undefined;
  for (const act of acts) {
    const lines = writtenLines(act, results);
    if (lines.length === 0) continue;
    const tree: ClauseTree = { meta: act.tree.meta, clauses: lines.map((l) => l.clause) };
    const analysis = await analyseDraft(tree, options.checklistId ? { checklistId: options.checklistId } : {});
    checklist = analysis.checklist;
    for (const f of analysis.findings) {
      if (f.actLevel) continue; // the act's other norms are not in this tree: «missing everywhere» means nothing here
      const line = lines.find((l) => l.clause.id === f.clauseId);
      if (!line?.by) continue;
      out.push({ instructionId: line.by, actTitle: act.title, unitId: f.clauseId, unitLabel: unitReference(act, f.clauseId) ?? line.clause.label, finding: f });
    }
  }
  checklist ??= await checklistRef(options.checklistId ? { checklistId: options.checklistId } : {});
  const titleOf = new Map(acts.map((a) => [a.key, a.title]));
  const actOf = new Map(results.map((r) => [r.instructionId, r.actKey]));
  const removals = removalFindings(results, lang).map((finding) => ({ actTitle: titleOf.get(actOf.get(finding.instructionId) ?? '') ?? '', finding }));
  return { checklist, results: out, removals };
}

/** The findings as GET /api/reviews/:id/amendments lists them under their instructions. */
export function amendmentFindings(analysis: AmendmentAnalysis): AmendmentFinding[] {
  return [
    ...analysis.results.map(
      (r): AmendmentFinding => ({
        source: 'result',
        instructionId: r.instructionId,
        unitId: r.unitId,
        unitLabel: r.unitLabel,
        criterionId: r.finding.criterionId,
        detectorId: r.finding.detectorId,
        quote: r.finding.quote.exact,
        explanation: r.finding.explanation,
      }),
    ),
    ...analysis.removals.map(
      ({ finding: r }): AmendmentFinding => ({
        source: 'removal',
        instructionId: r.instructionId,
        unitId: r.unitId,
        unitLabel: r.unitLabel,
        criterionId: r.criterionId,
        detectorId: r.ruleId,
        quote: r.removed,
        explanation: r.explanation,
      }),
    ),
  ];
}
