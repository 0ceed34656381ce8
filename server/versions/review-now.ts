import type { ReviewModel } from '../../shared/review-model';
import { loadReviewModel } from '../collab/model';
import type { AppContext } from '../context';
import { viewOfVersion } from './carry';
import { latestSeq } from './store';

/**
 * The review as it stands now, for what counts its work (the review list's counts, the mentions): the
 * latest version of the draft with everything made on it and carried onto it, each finding once (an
 * engine candidate found again on a later version is the carried one). With one version, the TEXT doc
 * is not needed and not loaded.
 */
export async function reviewNow(ctx: AppContext, reviewId: string): Promise<ReviewModel> {
  const latest = latestSeq(ctx.db, reviewId);
  return latest < 2 ? loadReviewModel(ctx, reviewId, { withText: false }) : viewOfVersion(ctx, reviewId, latest);
}
