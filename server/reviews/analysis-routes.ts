import express from 'express';
import { checklist as contract } from '../../shared/contract';
import type { AppContext } from '../context';
import { requireReview } from '../auth/review-guard';
import { sendJson } from '../http/send-json';
import { rerunChecklist } from './rerun-checklist';
import { VersionErrors } from '../versions/errors';

/** POST /api/reviews/:id/analysis — the checklist run again on demand, the secretary's (rerun-checklist.ts); `{version}` for a later version. */
export function mountAnalysisRoutes(app: express.Express, ctx: AppContext): void {
  app.post('/api/reviews/:id/analysis', express.json({ limit: '1kb' }), async (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, req.params.id, 'rerunChecklist');
    const body = contract.rerunChecklist.body.safeParse(req.body ?? undefined);
    if (!body.success) throw VersionErrors.VERSION_NOT_FOUND();
    sendJson(res, contract.rerunChecklist, await rerunChecklist(ctx, reviewId, session.user.id, body.data?.version ?? 1));
  });
}
