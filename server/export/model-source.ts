import type { ReviewModel } from '../../shared/review-model';
import type { AppContext } from '../context';
import { ExportErrors } from './errors';

/**
 * Where the export gets a review's merged model (findings with final decisions, answers, the
 * secretary's conclusion fields). In production that is the collaboration module's merge of the
 * review's Yjs docs; the exporter depends on this one function type only.
 */
export type ReviewModelLoader = (ctx: AppContext, reviewId: string) => ReviewModel | Promise<ReviewModel>;

const overrides = new WeakMap<AppContext, ReviewModelLoader>();

/**
 * Replaces the loader for one app instance. For tests and tools that hold a model in hand (a fixture,
 * an offline snapshot); the app itself never calls it.
 */
export function setReviewModelLoader(ctx: AppContext, loader: ReviewModelLoader): void {
  overrides.set(ctx, loader);
}

/** The loader wired in by default until the collaboration module provides one. */
let defaultLoader: ReviewModelLoader = () => {
  throw ExportErrors.EXPORT_MODEL_UNAVAILABLE();
};

export function setDefaultReviewModelLoader(loader: ReviewModelLoader): void {
  defaultLoader = loader;
}

export function loadModelForExport(ctx: AppContext, reviewId: string): Promise<ReviewModel> {
  return Promise.resolve((overrides.get(ctx) ?? defaultLoader)(ctx, reviewId));
}
