import express from 'express';
import { recommendations as contract } from '../../shared/contract';
import { audit } from '../audit';
import { parseBody } from '../auth/routes';
import { requireReview } from '../auth/review-guard';
import type { AppContext } from '../context';
import { HttpErrors } from '../http/errors';
import { sendJson } from '../http/send-json';
import { RecommendationErrors } from './errors';
import { readingStatuses } from './statuses';
import { decideStatus, getStatus } from './store';

function readingSeq(value: unknown): number {
  const parsed = contract.ReadingSeq.safeParse(value);
  if (!parsed.success) throw RecommendationErrors.READING_NOT_FOUND();
  return parsed.data;
}

/**
 * GET  /api/reviews/:id/readings/:seq/recommendations              everyone of the review (secretary, member experts)
 * POST /api/reviews/:id/readings/:seq/recommendations/:findingId   the secretary confirms or corrects a status
 * Committee readers see none of it: what reaches them is the issued conclusion.
 */
export function mountRecommendationRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/reviews/:id/readings/:seq/recommendations', async (req, res) => {
    const { reviewId } = requireReview(req, ctx.db, req.params.id, 'readWorkingDocs');
    const seq = readingSeq(req.params.seq);
    sendJson(res, contract.listRecommendationStatuses, { seq, recommendations: await readingStatuses(ctx, reviewId, seq) });
  });

  app.post('/api/reviews/:id/readings/:seq/recommendations/:findingId', express.json({ limit: '4kb' }), async (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, req.params.id, 'decideRecommendations');
    const seq = readingSeq(req.params.seq);
    const body = parseBody(contract.DecideStatusBody, req);
    const findingId = String(req.params.findingId ?? '');
    if (findingId.length === 0 || findingId.length > 200) throw HttpErrors.BAD_REQUEST({ reason: 'findingId' });
    await readingStatuses(ctx, reviewId, seq);
    const before = getStatus(ctx.db, reviewId, seq, findingId);
    if (!before) throw RecommendationErrors.RECOMMENDATION_NOT_FOUND();
    decideStatus(ctx.db, reviewId, seq, findingId, body.status, session.user.id);
    audit(ctx.db, {
      userId: session.user.id,
      reviewId,
      action: 'recommendation.status',
      target: findingId,
      details: { seq, status: body.status, detected: before.detected, previous: before.status },
    });
    sendJson(res, contract.decideRecommendationStatus, { recommendation: getStatus(ctx.db, reviewId, seq, findingId)! });
  });
}
