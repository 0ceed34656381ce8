import type { ClauseTree } from '../../shared/clause';
import type { Db } from '../storage/db';

/**
 * A later reading of a review's draft as the recommendations module needs it: its clause tree and,
 * for every clause of the first version, its counterpart in this reading (null when deleted).
 *
 * Read from the versions module's tables (issue 16 core, server/versions/: review_versions with
 * seq ≥ 2, version_alignments from seq − 1 to seq); alignments are composed from version 1 on, so a
 * clause of the first reading is followed through every reading in between. Null when the review has
 * no such reading, or when this installation has no versions yet.
 */
export interface LaterReading {
  seq: number;
  label: string;
  tree: ClauseTree;
  /**
   * Clause id in version `fromVersion` (default 1) → clause id in this reading, or null when deleted;
   * absent: not aligned.
   */
  counterpart(clauseId: string, fromVersion?: number): string | null | undefined;
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function laterReading(db: Db, reviewId: string, seq: number): LaterReading | null {
  if (seq < 2 || !hasTable(db, 'review_versions') || !hasTable(db, 'version_alignments')) return null;
  const version = db.prepare('SELECT label, clause_tree FROM review_versions WHERE review_id = ? AND seq = ?').get(reviewId, seq) as
    | { label: string; clause_tree: string }
    | undefined;
  if (!version) return null;
  const steps: Array<Map<string, string | null>> = [];
  const read = db.prepare("SELECT old_id, new_id FROM version_alignments WHERE review_id = ? AND to_seq = ? AND old_id IS NOT NULL AND kind <> 'split'");
  for (let to = 2; to <= seq; to++) {
    const map = new Map<string, string | null>();
    for (const row of read.all(reviewId, to) as Array<{ old_id: string; new_id: string | null }>) map.set(row.old_id, row.new_id);
    steps.push(map);
  }
  return {
    seq,
    label: version.label,
    tree: JSON.parse(version.clause_tree) as ClauseTree,
    counterpart(clauseId, fromVersion = 1) {
      let id: string | null | undefined = clauseId;
      // steps[i] goes from version i + 1 to i + 2.
      for (const step of steps.slice(Math.max(0, fromVersion - 1))) {
        if (id === null || id === undefined) return id;
        id = step.get(id);
      }
      return id;
    },
  };
}

/** The later readings a review has (their numbers), oldest first. */
export function readingSeqs(db: Db, reviewId: string): number[] {
  if (!hasTable(db, 'review_versions')) return [];
  return (db.prepare('SELECT seq FROM review_versions WHERE review_id = ? ORDER BY seq').all(reviewId) as Array<{ seq: number }>).map((r) => r.seq);
}
