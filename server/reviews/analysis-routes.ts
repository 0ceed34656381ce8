import express from 'express';
import { checklist as contract } from '../../shared/contract';
import type { AppContext } from '../context';
import { requireReview } from '../auth/review-guard';
import { sendJson } from '../http/send-json';
import { rerunChecklist } from './rerun-checklist';

/** POST /api/reviews/:id/analysis — the checklist run again on demand, the secretary's (rerun-checklist.ts). */
export function mountAnalysisRoutes(app: express.Express, ctx: AppContext): void {
  app.post('/api/reviews/:id/analysis', express.json({ limit: '1kb' }), async (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, req.params.id, 'rerunChecklist');
    sendJson(res, contract.rerunChecklist, await rerunChecklist(ctx, reviewId, session.user.id));
  });
}
