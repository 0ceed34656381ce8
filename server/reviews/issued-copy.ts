import type { ClauseTree } from '../../shared/clause';
import type { ReviewModel } from '../../shared/review-model';
import type { Db } from '../storage/db';

/**
 * The committee's copy of an issued conclusion: the merged model and the draft's clause tree as they
 * stood when the secretary issued it, kept until she returns the review to work. What the committee
 * reads and downloads is built from this copy, so a decision taken or a word corrected meanwhile
 * (the working docs stay live) never changes a conclusion already sent.
 */
export interface IssuedCopy {
  issuedAt: number;
  model: ReviewModel;
  tree: ClauseTree;
}

export function keepIssuedCopy(db: Db, reviewId: string, copy: IssuedCopy): void {
  db.prepare(
    `INSERT INTO issued_conclusions (review_id, issued_at, model, tree) VALUES (?, ?, ?, ?)
     ON CONFLICT (review_id) DO UPDATE SET issued_at = excluded.issued_at, model = excluded.model, tree = excluded.tree`,
  ).run(reviewId, copy.issuedAt, JSON.stringify(copy.model), JSON.stringify(copy.tree));
}

export function dropIssuedCopy(db: Db, reviewId: string): void {
  db.prepare('DELETE FROM issued_conclusions WHERE review_id = ?').run(reviewId);
}

/** The issued copy, when the review is issued and one was kept. */
export function issuedCopy(db: Db, reviewId: string): IssuedCopy | undefined {
  const row = db
    .prepare(`SELECT c.issued_at, c.model, c.tree FROM issued_conclusions c JOIN reviews r ON r.id = c.review_id WHERE c.review_id = ? AND r.status = 'issued'`)
    .get(reviewId) as { issued_at: number; model: string; tree: string } | undefined;
  return row ? { issuedAt: row.issued_at, model: JSON.parse(row.model) as ReviewModel, tree: JSON.parse(row.tree) as ClauseTree } : undefined;
}
