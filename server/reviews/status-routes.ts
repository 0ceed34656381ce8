import express from 'express';
import { status as contract } from '../../shared/contract';
import type { AppContext } from '../context';
import { requireReview } from '../auth/review-guard';
import { parseBody } from '../auth/routes';
import { sendJson } from '../http/send-json';
import { setReviewStatus } from './set-status';

/** POST /api/reviews/:id/status — issue, return to review, archive (set-status.ts); the secretary's only. */
export function mountReviewStatusRoutes(app: express.Express, ctx: AppContext): void {
  app.post('/api/reviews/:id/status', express.json({ limit: '4kb' }), async (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, req.params.id, 'setStatus');
    const body = parseBody(contract.setStatus.body, req);
    sendJson(res, contract.setStatus, { review: await setReviewStatus(ctx, reviewId, session.user.id, body) });
  });
}
