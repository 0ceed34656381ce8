import express from 'express';
import { recommendations as contract } from '../../shared/contract';
import { draftLanguage } from '../../shared/conclusion/confirmed';
import { recommendationsOf } from '../../shared/readings/recommendations';
import { audit } from '../audit';
import { parseBody } from '../auth/routes';
import { requireReview } from '../auth/review-guard';
import type { AppContext } from '../context';
import { workingCopyReviser } from '../export/agreed-wording';
import { loadModelForExport, loadTreeForExport } from '../export/model-source';
import { ExportErrors } from '../export/errors';
import { HttpErrors } from '../http/errors';
import { sendJson } from '../http/send-json';
import { storedDraft } from '../reviews/current-draft';
import { RecommendationErrors } from './errors';
import { prefillStatuses } from './prefill';
import { laterReading } from './readings';
import { decideStatus, getStatus, listStatuses } from './store';

function readingSeq(value: unknown): number {
  const parsed = contract.ReadingSeq.safeParse(value);
  if (!parsed.success) throw RecommendationErrors.READING_NOT_FOUND();
  return parsed.data;
}

/**
 * The statuses of a reading. While the reading exists the detector runs again on every read over the
 * review's current recommendations (a finding confirmed after the reading was added gets its status
 * too; a status the secretary decided stays hers), and only current recommendations are listed.
 * Without the reading (the versions module absent) what is stored is all there is.
 */
async function statusesOf(ctx: AppContext, reviewId: string, seq: number) {
  const reading = laterReading(ctx.db, reviewId, seq);
  if (!reading) {
    const stored = listStatuses(ctx.db, reviewId, seq);
    if (stored.length === 0) throw RecommendationErrors.READING_NOT_FOUND();
    return stored;
  }
  const draft = storedDraft(ctx.db, reviewId);
  if (!draft) throw ExportErrors.EXPORT_NO_DRAFT();
  const [model, tree] = await Promise.all([loadModelForExport(ctx, reviewId), loadTreeForExport(ctx, reviewId, draft)]);
  const current = prefillStatuses(ctx.db, reviewId, reading, recommendationsOf(model, tree, workingCopyReviser(draftLanguage(tree))));
  const ids = new Set(current.map((d) => d.findingId));
  return listStatuses(ctx.db, reviewId, seq).filter((s) => ids.has(s.findingId));
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
    sendJson(res, contract.listRecommendationStatuses, { seq, recommendations: await statusesOf(ctx, reviewId, seq) });
  });

  app.post('/api/reviews/:id/readings/:seq/recommendations/:findingId', express.json({ limit: '4kb' }), async (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, req.params.id, 'decideRecommendations');
    const seq = readingSeq(req.params.seq);
    const body = parseBody(contract.DecideStatusBody, req);
    const findingId = String(req.params.findingId ?? '');
    if (findingId.length === 0 || findingId.length > 200) throw HttpErrors.BAD_REQUEST({ reason: 'findingId' });
    await statusesOf(ctx, reviewId, seq);
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
