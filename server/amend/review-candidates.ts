import { amendmentCandidates, type AmendmentCandidatesInput } from '../../shared/amend/candidates';
import type { CandidateFinding } from '../../shared/review-model';
import { audit } from '../audit';
import { checklistRef } from '../checklist/service';
import { loadReviewModel, writeCandidates } from '../collab/model';
import type { AppContext } from '../context';
import { dismissedByAnyone, untouched } from '../reviews/candidate-state';
import { getReview } from '../reviews/store';
import { analyseAmendments } from './engine';
import { reviewAmendments } from './outcome';

export interface AmendmentCandidates {
  checklist: { id: string; version: string };
  candidates: CandidateFinding[];
}

/**
 * The review's candidates on what its amendment law makes of the attached base acts (issue 20): the checklist
 * engine on the lines as they will read and the removal rules on the words struck, each standing on its
 * instruction (shared/amend/candidates.ts). None when no act is attached or the draft amends nothing.
 */
export async function reviewAmendmentCandidates(
  ctx: AppContext,
  reviewId: string,
  options: { checklistId?: string; ordinary?: AmendmentCandidatesInput['ordinary'] } = {},
): Promise<AmendmentCandidates> {
  const which = options.checklistId ? { checklistId: options.checklistId } : {};
  const found = await reviewAmendments(ctx, reviewId);
  if (!found || found.outcome.acts.length === 0) return { checklist: await checklistRef(which), candidates: [] };
  const { outcome, amending } = found;
  const analysis = await analyseAmendments(outcome.acts, outcome.results, outcome.acts[0]?.tree.meta.language ?? amending.meta.language, which);
  const candidates = amendmentCandidates({
    draft: amending,
    checklist: analysis.checklist,
    results: analysis.results,
    removals: analysis.removals,
    ...(options.ordinary ? { ordinary: options.ordinary } : {}),
  });
  return { checklist: analysis.checklist, candidates };
}

/**
 * After a base act is attached or taken off: the amendment candidates written into the ENGINE doc by the rules
 * of a rerun (server/reviews/rerun-checklist.ts) — updated in place by stable id, a dismissed one left as it was,
 * one no longer produced (a wrong act attached, the act taken off) withdrawn unless someone acted on it. The
 * engine's candidates on the draft itself are not touched. Audited as checklist.amendments.
 */
export async function syncAmendmentCandidates(ctx: AppContext, reviewId: string, userId: string): Promise<{ findings: number; changed: number; removed: number }> {
  const model = await loadReviewModel(ctx, reviewId, { withText: false });
  const checklistId = getReview(ctx.db, reviewId)?.checklistId ?? undefined;
  const ordinary = model.findings.filter((f) => f.origin === 'engine' && !f.amendment);
  const { checklist, candidates } = await reviewAmendmentCandidates(ctx, reviewId, { ...(checklistId ? { checklistId } : {}), ordinary });
  const dismissed = new Set(model.findings.filter(dismissedByAnyone).map((f) => f.id));
  const produced = new Set(candidates.map((c) => c.id));
  const fresh = candidates.filter((c) => !dismissed.has(c.id));
  const withdraw = model.findings.filter((f) => f.origin === 'engine' && f.amendment && !produced.has(f.id) && untouched(f)).map((f) => f.id);
  if (fresh.length === 0 && withdraw.length === 0) return { findings: 0, changed: 0, removed: 0 };
  const { changed, removed } = await writeCandidates(ctx, reviewId, checklist, fresh, withdraw);
  audit(ctx.db, { userId, reviewId, action: 'checklist.amendments', target: `${checklist.id}@${checklist.version}`, details: { findings: candidates.length, changed, removed } });
  return { findings: candidates.length, changed, removed };
}
