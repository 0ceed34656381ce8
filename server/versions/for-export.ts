import type { ClauseTree } from '../../shared/clause';
import type { ReviewModel } from '../../shared/review-model';
import { placedInVersion } from '../../shared/versions/reading-view';
import type { AppContext } from '../context';
import { viewOfVersion } from './carry';
import { storedVersionTree } from './store';

/**
 * What a conclusion on a later reading is built from (issue 16): the review as it stands on that
 * version — its own findings and those carried onto it, set beside its units — and its clause tree.
 * Undefined when the review has no such stored version.
 */
export async function versionForExport(ctx: AppContext, reviewId: string, seq: number): Promise<{ model: ReviewModel; tree: ClauseTree } | undefined> {
  const tree = storedVersionTree(ctx.db, reviewId, seq);
  if (!tree) return undefined;
  return { model: placedInVersion(await viewOfVersion(ctx, reviewId, seq)), tree };
}
