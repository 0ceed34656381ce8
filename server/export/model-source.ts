import type { ClauseTree } from '../../shared/clause';
import type { ReviewModel } from '../../shared/review-model';
import type { AppContext } from '../context';
import { ExportErrors } from './errors';
import { currentDraftTree, type StoredDraft } from './tree-source';

/**
 * Where the export gets a review's merged model (findings with final decisions, answers, the
 * secretary's conclusion fields). In production that is the collaboration module's merge of the
 * review's Yjs docs; the exporter depends on this one function type only.
 */
export type ReviewModelLoader = (ctx: AppContext, reviewId: string) => ReviewModel | Promise<ReviewModel>;

/** Where the export gets the draft's clause tree; `stored` is what the import stored. */
export type DraftTreeLoader = (ctx: AppContext, reviewId: string, stored: StoredDraft) => ClauseTree | Promise<ClauseTree>;

const overrides = new WeakMap<AppContext, { model: ReviewModelLoader; tree: DraftTreeLoader }>();

/** The tree as imported: what a model held in hand (a fixture, an offline snapshot) refers to. */
const importedTree: DraftTreeLoader = (_ctx, _reviewId, stored) => stored.tree();

/**
 * Replaces the loaders for one app instance. For tests and tools that hold a model in hand; its
 * clause ids refer to the imported tree unless a tree loader is given too. The app itself never calls it.
 */
export function setReviewModelLoader(ctx: AppContext, loader: ReviewModelLoader, tree: DraftTreeLoader = importedTree): void {
  overrides.set(ctx, { model: loader, tree });
}

/** The loader wired in by default until the collaboration module provides one. */
let defaultLoader: ReviewModelLoader = () => {
  throw ExportErrors.EXPORT_MODEL_UNAVAILABLE();
};

export function setDefaultReviewModelLoader(loader: ReviewModelLoader): void {
  defaultLoader = loader;
}

export function loadModelForExport(ctx: AppContext, reviewId: string): Promise<ReviewModel> {
  return Promise.resolve((overrides.get(ctx)?.model ?? defaultLoader)(ctx, reviewId));
}

/** By default the current TEXT doc of the review (see tree-source.ts). */
export function loadTreeForExport(ctx: AppContext, reviewId: string, stored: StoredDraft): Promise<ClauseTree> {
  return Promise.resolve((overrides.get(ctx)?.tree ?? currentDraftTree)(ctx, reviewId, stored));
}
