import type { ChecklistRerunResponse } from '../../shared/contract/checklist';
import type { MergedFinding } from '../../shared/review-model';
import { audit } from '../audit';
import { analyseDraft } from '../checklist/service';
import { loadReviewModel, writeCandidates } from '../collab/model';
import type { AppContext } from '../context';
import { ExportErrors } from '../export/errors';
import { currentDraftTree, storedDraft } from './current-draft';
import { getReview } from './store';

/** An engine candidate someone dismissed — finally, or as an expert — stays dismissed through a rerun. */
function dismissedByAnyone(finding: MergedFinding): boolean {
  return finding.origin === 'engine' && (finding.final?.decision === 'dismissed' || finding.verdicts.some((v) => v.decision === 'dismiss'));
}

/** Nobody acted on it: no verdict, no final decision, no reply — it may be taken back. */
function untouched(finding: MergedFinding): boolean {
  return !finding.final && finding.verdicts.length === 0 && finding.replies.length === 0;
}

/**
 * The checklist engine run again on demand over the draft as it stands now in the TEXT doc (the
 * secretary's corrections included), with the checklist the review uses in its current version.
 * Stable ids update the candidates in place; a dismissed one is left as it was, so a rerun never
 * revives it; one the engine no longer finds (its words were corrected) and nobody acted on is
 * withdrawn. Audited as checklist.rerun.
 */
export async function rerunChecklist(ctx: AppContext, reviewId: string, userId: string): Promise<ChecklistRerunResponse> {
  const stored = storedDraft(ctx.db, reviewId);
  if (!stored) throw ExportErrors.EXPORT_NO_DRAFT();
  const [tree, model] = await Promise.all([currentDraftTree(ctx, reviewId, stored), loadReviewModel(ctx, reviewId)]);
  const dismissed = new Set(model.findings.filter(dismissedByAnyone).map((f) => f.id));
  const checklistId = getReview(ctx.db, reviewId)?.checklistId ?? undefined;
  const analysis = await analyseDraft(tree, { ...(checklistId ? { checklistId } : {}), dismissed });
  const found = new Set(analysis.findings.map((f) => f.id));
  const withdraw = model.findings.filter((f) => f.origin === 'engine' && !found.has(f.id) && untouched(f)).map((f) => f.id);
  const { changed, removed } = await writeCandidates(ctx, reviewId, analysis.checklist, analysis.findings, withdraw);
  audit(ctx.db, {
    userId,
    reviewId,
    action: 'checklist.rerun',
    target: `${analysis.checklist.id}@${analysis.checklist.version}`,
    details: { findings: analysis.findings.length, changed, removed, keptDismissed: dismissed.size },
  });
  return { checklist: analysis.checklist, findings: analysis.findings.length, changed, removed };
}
