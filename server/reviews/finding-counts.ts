import type { ReviewModel } from '../../shared/review-model';
import type { Db } from '../storage/db';

export interface FindingCounts {
  findings: number;
  confirmed: number;
  comments: number;
}

/**
 * The review list's counts, kept in SQLite: counted from the merged model once after each change of
 * the review's docs, not on every listing (which used to load every review's docs to count them).
 * `changes` goes up with every stored change of an ENGINE or AUTHOR doc (the finding-counts
 * extension); counts taken at change n are current while `changes` is still n.
 */
export function noteReviewChanged(db: Db, reviewId: string): void {
  db.prepare(
    `INSERT INTO review_counts (review_id, changes) VALUES (?, 1)
     ON CONFLICT (review_id) DO UPDATE SET changes = changes + 1`,
  ).run(reviewId);
}

export function countFindings(model: ReviewModel): FindingCounts {
  return {
    findings: model.findings.length,
    confirmed: model.findings.filter((f) => f.final?.decision === 'confirmed').length,
    comments: model.comments.length,
  };
}

/**
 * The counts, from the table when they are current, else counted by `count` and stored. The change
 * number is read before counting: a change that lands meanwhile makes them stale again, never lost.
 */
export async function currentCounts(db: Db, reviewId: string, count: () => Promise<ReviewModel>): Promise<FindingCounts> {
  const row = db.prepare('SELECT changes, counted_at, findings, confirmed, comments FROM review_counts WHERE review_id = ?').get(reviewId) as
    | { changes: number; counted_at: number | null; findings: number; confirmed: number; comments: number }
    | undefined;
  if (row && row.counted_at === row.changes) return { findings: row.findings, confirmed: row.confirmed, comments: row.comments };
  const at = row?.changes ?? 0;
  const counts = countFindings(await count());
  db.prepare(
    `INSERT INTO review_counts (review_id, changes, counted_at, findings, confirmed, comments) VALUES (@reviewId, @at, @at, @findings, @confirmed, @comments)
     ON CONFLICT (review_id) DO UPDATE SET counted_at = @at, findings = @findings, confirmed = @confirmed, comments = @comments`,
  ).run({ reviewId, at, ...counts });
  return counts;
}
