import type express from 'express';
import { reviews as contract } from '../../shared/contract';
import type { ReviewAccess } from '../auth/access';
import { reviewPolicy, type ReviewPolicy } from '../auth/policies';
import { requireReview } from '../auth/review-guard';
import { loadReviewModel } from '../collab/model';
import { reviewNow } from '../versions/review-now';
import { viewOfVersion } from '../versions/carry';
import { VersionErrors } from '../versions/errors';
import { latestSeq } from '../versions/store';
import type { AppContext } from '../context';
import { sendJson } from '../http/send-json';
import { requireSession } from '../http/session';
import { clauseOutline } from './clause-outline';
import { currentDraftTree, storedDraft } from './current-draft';
import { currentCounts } from './finding-counts';
import { currentMentions } from './mentions';
import type { ReviewModel } from '../../shared/review-model';
import { getReview, listReviews, reviewMembers, type Review } from './store';

interface ReviewSummary extends Review {
  access: ReviewAccess;
  members: number;
  /** Working data, for the secretary and member experts only. */
  counts?: { findings: number; confirmed: number; comments: number };
  mentionsOfMe?: number;
}

async function summary(ctx: AppContext, review: Review, policy: ReviewPolicy, userId: string): Promise<ReviewSummary> {
  const base: ReviewSummary = { ...review, access: policy.access, members: reviewMembers(ctx.db, review.id).length };
  if (!policy.can('readWorkingDocs')) return base;
  // One load of the model, if any, for both the counts and the mentions.
  let loading: Promise<ReviewModel> | null = null;
  const model = () => (loading ??= reviewNow(ctx, review.id));
  const counts = await currentCounts(ctx.db, review.id, model);
  const mentionsOfMe = (await currentMentions(ctx.db, review.id, model)).filter((m) => m.userId === userId).length;
  return { ...base, counts, mentionsOfMe };
}

function reviewIdParam(req: express.Request): unknown {
  return (req.params as Record<string, unknown>).id;
}

/**
 * The reviews as the rest of the system reads them. Who sees what is the review policy's decision:
 * the secretary every review, an expert those she is a member of, a committee reader the issued
 * ones shared with her committee (without working data). POST /api/reviews lives with the import.
 */
export function mountReviewRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/reviews', async (req, res) => {
    const session = requireSession(req);
    const visible: ReviewSummary[] = [];
    for (const review of listReviews(ctx.db)) {
      const policy = reviewPolicy(ctx.db, session.user, review.id);
      if (policy?.can('readCard')) visible.push(await summary(ctx, review, policy, session.user.id));
    }
    sendJson(res, contract.listReviews, { reviews: visible });
  });

  app.get('/api/reviews/:id', async (req, res) => {
    const { policy, reviewId, session } = requireReview(req, ctx.db, reviewIdParam(req), 'readCard');
    const review = getReview(ctx.db, reviewId)!;
    const result = await summary(ctx, review, policy, session.user.id);
    sendJson(res, contract.getReview, {
      review: policy.can('readWorkingDocs') ? { ...result, memberIds: reviewMembers(ctx.db, reviewId) } : result,
    });
  });

  // The outline of the draft as it reads now, the secretary's corrections included (not as imported).
  app.get('/api/reviews/:id/outline', async (req, res) => {
    const { reviewId } = requireReview(req, ctx.db, reviewIdParam(req), 'readWorkingDocs');
    const stored = storedDraft(ctx.db, reviewId);
    const tree = stored ? await currentDraftTree(ctx, reviewId, stored) : null;
    sendJson(res, contract.getOutline, { meta: tree?.meta ?? null, clauses: tree ? clauseOutline(tree.clauses) : [] });
  });

  app.get('/api/reviews/:id/model', async (req, res) => {
    const { reviewId } = requireReview(req, ctx.db, reviewIdParam(req), 'readWorkingDocs');
    const query = contract.getModel.query.safeParse(req.query);
    const version = query.success ? (query.data.version ?? 1) : 0;
    if (version < 1 || version > latestSeq(ctx.db, reviewId)) throw VersionErrors.VERSION_NOT_FOUND();
    sendJson(res, contract.getModel, version === 1 ? await loadReviewModel(ctx, reviewId) : await viewOfVersion(ctx, reviewId, version));
  });
}
