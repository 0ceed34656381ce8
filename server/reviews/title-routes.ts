import express from 'express';
import { reviews as contract } from '../../shared/contract';
import { audit } from '../audit';
import { requireReview } from '../auth/review-guard';
import { parseBody } from '../auth/routes';
import type { AppContext } from '../context';
import { sendJson } from '../http/send-json';
import { getReview } from './store';

/**
 * PATCH /api/reviews/:id — the secretary changes the review's title. A review is first titled with the
 * act's title as the import read it from the header (import-draft.ts defaultTitle), which she may
 * shorten or correct; the change and its audit entry are one transaction.
 */
export function mountReviewTitleRoutes(app: express.Express, ctx: AppContext): void {
  app.patch('/api/reviews/:id', express.json({ limit: '4kb' }), (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, req.params.id, 'renameReview');
    const { title } = parseBody(contract.renameReview.body, req);
    ctx.db.transaction(() => {
      const before = getReview(ctx.db, reviewId)!.title;
      ctx.db.prepare('UPDATE reviews SET title = ? WHERE id = ?').run(title, reviewId);
      audit(ctx.db, { userId: session.user.id, reviewId, action: 'review.renamed', details: { before, after: title } });
    })();
    sendJson(res, contract.renameReview, { review: getReview(ctx.db, reviewId)! });
  });
}
