import express from 'express';
import { checklist as contract } from '../../shared/contract';
import type { AppContext } from '../context';
import { audit } from '../audit';
import { requireReview } from '../auth/review-guard';
import { analyseDraft } from '../checklist/service';
import { loadReviewModel, writeCandidates } from '../collab/model';
import { ExportErrors } from '../export/errors';
import { currentDraftTree, storedDraft } from '../export/tree-source';
import { sendJson } from '../http/send-json';
import { getReview } from './store';

/**
 * POST /api/reviews/:id/analysis — the checklist engine run again on demand (the secretary's), over the
 * draft as it stands now in the TEXT doc (her corrections included), with the checklist the review
 * uses in its current version. Stable ids update the candidates in place; one with a final "dismissed"
 * or an expert's dismissal is left as it was, so a rerun never revives it; one the engine no longer
 * finds and nobody acted on (no verdict, decision or reply) is withdrawn. Answers
 * {checklist, findings, changed, removed}.
 */
export function mountAnalysisRoutes(app: express.Express, ctx: AppContext): void {
  app.post('/api/reviews/:id/analysis', express.json({ limit: '1kb' }), async (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, req.params.id, 'rerunChecklist');
    const stored = storedDraft(ctx.db, reviewId);
    if (!stored) throw ExportErrors.EXPORT_NO_DRAFT();
    const [tree, model] = await Promise.all([currentDraftTree(ctx, reviewId, stored), loadReviewModel(ctx, reviewId)]);
    const dismissed = new Set(
      model.findings
        .filter((f) => f.origin === 'engine' && (f.final?.decision === 'dismissed' || f.verdicts.some((v) => v.decision === 'dismiss')))
        .map((f) => f.id),
    );
    const checklistId = getReview(ctx.db, reviewId)?.checklistId ?? undefined;
    const analysis = await analyseDraft(tree, { ...(checklistId ? { checklistId } : {}), dismissed });
    // What the engine no longer finds (the words were corrected) is taken back, unless someone acted on it.
    const found = new Set(analysis.findings.map((f) => f.id));
    const withdraw = model.findings
      .filter((f) => f.origin === 'engine' && !found.has(f.id) && !f.final && f.verdicts.length === 0 && f.replies.length === 0)
      .map((f) => f.id);
    const { changed, removed } = await writeCandidates(ctx, reviewId, analysis.checklist, analysis.findings, withdraw);
    audit(ctx.db, {
      userId: session.user.id,
      reviewId,
      action: 'checklist.rerun',
      target: `${analysis.checklist.id}@${analysis.checklist.version}`,
      details: { findings: analysis.findings.length, changed, removed, keptDismissed: dismissed.size },
    });
    sendJson(res, contract.rerunChecklist, { checklist: analysis.checklist, findings: analysis.findings.length, changed, removed });
  });
}
