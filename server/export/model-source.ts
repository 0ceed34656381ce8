import type { ClauseTree } from '../../shared/clause';
import type { ReviewModel } from '../../shared/review-model';
import type { AppContext } from '../context';
import type { StoredDraft } from '../reviews/current-draft';

/**
 * Where the export gets a review's merged model (findings with final decisions, answers, the
 * secretary's conclusion fields). In production that is the collaboration module's merge of the
 * review's Yjs docs; the exporter depends on this one function type only.
 */
export type ReviewModelLoader = (ctx: AppContext, reviewId: string) => ReviewModel | Promise<ReviewModel>;

/** Where the export gets the draft's clause tree; `stored` is what the import stored. */
export type DraftTreeLoader = (ctx: AppContext, reviewId: string, stored: StoredDraft) => ClauseTree | Promise<ClauseTree>;

/** Where the export reads a review: wired by createApp (the collaboration module's merge and the TEXT doc). */
export interface ReviewSource {
  model: ReviewModelLoader;
  tree: DraftTreeLoader;
}

/** The tree as imported: what a model held in hand (a fixture, an offline snapshot) refers to. */
const importedTree: DraftTreeLoader = (_ctx, _reviewId, stored) => stored.tree();

/**
 * Replaces the loaders for one app instance. For tests and tools that hold a model in hand; its
 * clause ids refer to the imported tree unless a tree loader is given too. The app itself never calls it.
 */
export function setReviewModelLoader(ctx: AppContext, loader: ReviewModelLoader, tree: DraftTreeLoader = importedTree): void {
  ctx.reviewSource = { model: loader, tree };
}

export function loadModelForExport(ctx: AppContext, reviewId: string): Promise<ReviewModel> {
  return Promise.resolve(ctx.reviewSource.model(ctx, reviewId));
}

/** By default the current TEXT doc of the review (server/reviews/current-draft.ts). */
export function loadTreeForExport(ctx: AppContext, reviewId: string, stored: StoredDraft): Promise<ClauseTree> {
  return Promise.resolve(ctx.reviewSource.tree(ctx, reviewId, stored));
}
