import { removalFindings } from '../../shared/amend/removals';
import type { ConsolidatedAct, InstructionResult } from '../../shared/amend/result';
import { walkClauses, type Clause, type ClauseTree } from '../../shared/clause';
import type { AmendmentFinding } from '../../shared/contract/amend';
import type { Lang } from '../../shared/i18n/lang';
import { analyseDraft } from '../checklist/service';

/**
 * The checklist engine on what an amendment law really changes (issue 20): its public entry point
 * (analyseDraft) runs over the units as they will read — each changed or added line of each base act, alone,
 * so unchanged norms around them raise nothing — and each finding is given to the instruction that produced the
 * line. What the law takes out (a protection, a quota, a ground of discrimination) is found by the removal
 * rules (shared/amend/removal-rules.ts) on the words struck.
 */
export async function amendmentFindings(acts: readonly ConsolidatedAct[], results: readonly InstructionResult[], lang: Lang): Promise<AmendmentFinding[]> {
  const out: AmendmentFinding[] = [];
  for (const act of acts) {
    const lines: Clause[] = [];
    for (const [c] of walkClauses(act.tree.clauses)) {
      const m = act.marks[c.id];
      if (m && (m.change === 'changed' || m.change === 'added')) lines.push({ ...c, children: [] });
    }
    if (lines.length === 0) continue;
    const tree: ClauseTree = { meta: act.tree.meta, clauses: lines };
    const { findings } = await analyseDraft(tree);
    for (const f of findings) {
      if (f.actLevel) continue; // the act's other norms are not in this tree: «missing everywhere» means nothing here
      const by = act.marks[f.clauseId]?.by ?? [];
      const unit = lines.find((l) => l.id === f.clauseId);
      out.push({
        source: 'result',
        instructionId: by[by.length - 1] ?? '',
        unitId: f.clauseId,
        unitLabel: unit?.label ?? f.clauseId,
        criterionId: f.criterionId,
        detectorId: f.detectorId,
        quote: f.quote.exact,
        explanation: f.explanation,
      });
    }
  }
  for (const r of removalFindings(results, lang))
    out.push({ source: 'removal', instructionId: r.instructionId, unitId: r.unitId, unitLabel: r.unitLabel, criterionId: r.criterionId, detectorId: r.ruleId, quote: r.removed, explanation: r.explanation });
  return out;
}
