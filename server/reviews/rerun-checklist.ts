import type { ChecklistRerunResponse } from '../../shared/contract/checklist';
import { reviewAmendmentCandidates } from '../amend/review-candidates';
import { audit } from '../audit';
import { analyseDraft } from '../checklist/service';
import { loadReviewModel, writeCandidates } from '../collab/model';
import type { AppContext } from '../context';
import { ExportErrors } from '../export/errors';
import { currentDraftTree, storedDraft } from './current-draft';
import { dismissedByAnyone, untouched } from './candidate-state';
import { getReview } from './store';
import { VersionErrors } from '../versions/errors';
import { storedVersionTree } from '../versions/store';

/**
 * The checklist engine run again on demand over the draft as it stands now in the TEXT doc (the
 * secretary's corrections included), with the checklist the review uses in its current version.
 * Stable ids update the candidates in place; a dismissed one is left as it was, so a rerun never
 * revives it; one the engine no longer finds (its words were corrected) and nobody acted on is
 * withdrawn. For an amendment law with base acts attached, the candidates on what it makes of them
 * (server/amend/review-candidates.ts) are run again too, by the same rules. Audited as checklist.rerun.
 */
export async function rerunChecklist(ctx: AppContext, reviewId: string, userId: string, version = 1): Promise<ChecklistRerunResponse> {
  if (version >= 2) return rerunOnVersion(ctx, reviewId, userId, version);
  const stored = storedDraft(ctx.db, reviewId);
  if (!stored) throw ExportErrors.EXPORT_NO_DRAFT();
  const [tree, model] = await Promise.all([currentDraftTree(ctx, reviewId, stored), loadReviewModel(ctx, reviewId)]);
  const dismissed = new Set(model.findings.filter(dismissedByAnyone).map((f) => f.id));
  const checklistId = getReview(ctx.db, reviewId)?.checklistId ?? undefined;
  const analysis = await analyseDraft(tree, { ...(checklistId ? { checklistId } : {}), dismissed });
  // the same words of a quoted new wording are one candidate, even when the one on the draft was dismissed
  const ordinary = [...analysis.findings, ...model.findings.filter((f) => f.origin === 'engine' && !f.amendment && dismissed.has(f.id))];
  const amended = await reviewAmendmentCandidates(ctx, reviewId, { checklistId: analysis.checklist.id, ordinary });
  const findings = [...analysis.findings, ...amended.candidates.filter((c) => !dismissed.has(c.id))];
  const found = new Set([...analysis.findings, ...amended.candidates].map((f) => f.id));
  const withdraw = model.findings.filter((f) => f.origin === 'engine' && !found.has(f.id) && untouched(f)).map((f) => f.id);
  const { changed, removed } = await writeCandidates(ctx, reviewId, analysis.checklist, findings, withdraw);
  audit(ctx.db, {
    userId,
    reviewId,
    action: 'checklist.rerun',
    target: `${analysis.checklist.id}@${analysis.checklist.version}`,
    details: { findings: findings.length, amendments: amended.candidates.length, changed, removed, keptDismissed: dismissed.size },
  });
  return { checklist: analysis.checklist, findings: findings.length, changed, removed };
}

/**
 * The same over a later version of the draft (issue 16): its stored text (a version is never corrected),
 * its own ENGINE doc, by the same rules — what was dismissed stays dismissed, what nobody acted on and
 * is no longer found is withdrawn. Candidates carried from earlier versions are theirs, not touched.
 */
async function rerunOnVersion(ctx: AppContext, reviewId: string, userId: string, version: number): Promise<ChecklistRerunResponse> {
  const tree = storedVersionTree(ctx.db, reviewId, version);
  if (!tree) throw VersionErrors.VERSION_NOT_FOUND();
  const model = await loadReviewModel(ctx, reviewId, { version, withText: false });
  const own = model.findings.filter((f) => f.origin === 'engine' && f.draftVersion === version);
  const dismissed = new Set(own.filter(dismissedByAnyone).map((f) => f.id));
  const checklistId = getReview(ctx.db, reviewId)?.checklistId ?? undefined;
  const analysis = await analyseDraft(tree, { ...(checklistId ? { checklistId } : {}), dismissed });
  const found = new Set(analysis.findings.map((f) => f.id));
  const withdraw = own.filter((f) => !found.has(f.id) && untouched(f)).map((f) => f.id);
  const { changed, removed } = await writeCandidates(ctx, reviewId, analysis.checklist, analysis.findings, withdraw, version);
  audit(ctx.db, {
    userId,
    reviewId,
    action: 'checklist.rerun',
    target: `${analysis.checklist.id}@${analysis.checklist.version}`,
    details: { version, findings: analysis.findings.length, changed, removed, keptDismissed: dismissed.size },
  });
  return { checklist: analysis.checklist, findings: analysis.findings.length, changed, removed };
}
