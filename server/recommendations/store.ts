import type { RecommendationStatus } from '../../shared/contract/recommendations';
import type { AdoptionStatus } from '../../shared/readings/adoption-status';
import type { Db } from '../storage/db';

/** The stored status of one recommendation in one later reading (migration 011, recommendation_statuses). */

interface Row {
  finding_id: string;
  criterion_id: string;
  clause_id: string;
  new_clause_id: string | null;
  detected: AdoptionStatus;
  status: AdoptionStatus | null;
  evidence: string;
  decided_by: string | null;
  decided_at: number | null;
}

/** What is kept as JSON beside the columns: the texts compared and the detector's evidence. */
export type StoredEvidence = Pick<RecommendationStatus, 'clauseLabel' | 'criticised' | 'drafted' | 'proposed' | 'evidence'>;

function toStatus(row: Row): RecommendationStatus {
  const stored = JSON.parse(row.evidence) as StoredEvidence;
  return {
    findingId: row.finding_id,
    criterionId: row.criterion_id,
    clauseId: row.clause_id,
    newClauseId: row.new_clause_id,
    clauseLabel: stored.clauseLabel,
    criticised: stored.criticised,
    drafted: stored.drafted,
    proposed: stored.proposed,
    detected: row.detected,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    evidence: stored.evidence,
  };
}

const COLUMNS = 'finding_id, criterion_id, clause_id, new_clause_id, detected, status, evidence, decided_by, decided_at';

export function listStatuses(db: Db, reviewId: string, seq: number): RecommendationStatus[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM recommendation_statuses WHERE review_id = ? AND seq = ? ORDER BY rowid`)
    .all(reviewId, seq) as Row[];
  return rows.map(toStatus);
}

export function getStatus(db: Db, reviewId: string, seq: number, findingId: string): RecommendationStatus | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM recommendation_statuses WHERE review_id = ? AND seq = ? AND finding_id = ?`)
    .get(reviewId, seq, findingId) as Row | undefined;
  return row ? toStatus(row) : undefined;
}

export interface Detected {
  findingId: string;
  criterionId: string;
  clauseId: string;
  newClauseId: string | null;
  detected: AdoptionStatus;
  evidence: StoredEvidence;
}

/**
 * Stores the detector's statuses of a reading. A status the secretary decided stays hers: only the
 * detector's own columns are refreshed.
 */
export function storeDetected(db: Db, reviewId: string, seq: number, list: readonly Detected[], at = Date.now()): void {
  const upsert = db.prepare(
    `INSERT INTO recommendation_statuses (review_id, seq, finding_id, criterion_id, clause_id, new_clause_id, detected, evidence, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (review_id, seq, finding_id) DO UPDATE SET criterion_id = excluded.criterion_id, clause_id = excluded.clause_id,
       new_clause_id = excluded.new_clause_id, detected = excluded.detected, evidence = excluded.evidence, detected_at = excluded.detected_at`,
  );
  db.transaction(() => {
    for (const d of list)
      upsert.run(reviewId, seq, d.findingId, d.criterionId, d.clauseId, d.newClauseId, d.detected, JSON.stringify(d.evidence), at);
  })();
}

export function decideStatus(db: Db, reviewId: string, seq: number, findingId: string, status: AdoptionStatus, userId: string, at = Date.now()): boolean {
  const result = db
    .prepare('UPDATE recommendation_statuses SET status = ?, decided_by = ?, decided_at = ? WHERE review_id = ? AND seq = ? AND finding_id = ?')
    .run(status, userId, at, reviewId, seq, findingId);
  return result.changes > 0;
}

/** The latest reading in which each of a review's recommendations has a status the secretary decided. */
export function latestDecided(db: Db): Array<{ reviewId: string; findingId: string; criterionId: string; status: AdoptionStatus }> {
  return db
    .prepare(
      `SELECT s.review_id AS reviewId, s.finding_id AS findingId, s.criterion_id AS criterionId, s.status AS status
       FROM recommendation_statuses s
       WHERE s.status IS NOT NULL AND s.seq = (
         SELECT MAX(t.seq) FROM recommendation_statuses t
         WHERE t.review_id = s.review_id AND t.finding_id = s.finding_id AND t.status IS NOT NULL)`,
    )
    .all() as Array<{ reviewId: string; findingId: string; criterionId: string; status: AdoptionStatus }>;
}
