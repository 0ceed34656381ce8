import type { ClauseTree } from '../../shared/clause';
import type { PlacementRecord, ReviewVersion } from '../../shared/contract/versions';
import type { AlignmentEntry, AlignmentKind } from '../../shared/versions/align';
import type { Db } from '../storage/db';

/**
 * The stored versions of a review (migration 010). Version 1 is the review's first import
 * (review_imports); versions from 2 on are rows of review_versions, never updated once written.
 */

interface VersionRow {
  seq: number;
  label: string;
  reading_date: string | null;
  note: string | null;
  source_name: string;
  title: string | null;
  created_by: string | null;
  created_at: number;
}

function toVersion(row: VersionRow): ReviewVersion {
  return {
    seq: row.seq,
    label: row.label,
    readingDate: row.reading_date,
    note: row.note,
    sourceName: row.source_name,
    title: row.title,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function listVersions(db: Db, reviewId: string): ReviewVersion[] {
  const first = db
    .prepare(
      `SELECT 1 AS seq, '' AS label, NULL AS reading_date, NULL AS note, r.source_name, json_extract(i.clause_tree, '$.meta.title') AS title,
              r.created_by, i.imported_at AS created_at
       FROM reviews r JOIN review_imports i ON i.review_id = r.id WHERE r.id = ?`,
    )
    .get(reviewId) as VersionRow | undefined;
  if (!first) return [];
  const later = db
    .prepare(
      `SELECT seq, label, reading_date, note, source_name, json_extract(clause_tree, '$.meta.title') AS title, created_by, created_at
       FROM review_versions WHERE review_id = ? ORDER BY seq`,
    )
    .all(reviewId) as VersionRow[];
  return [first, ...later].map(toVersion);
}

export function latestSeq(db: Db, reviewId: string): number {
  const row = db.prepare('SELECT MAX(seq) AS seq FROM review_versions WHERE review_id = ?').get(reviewId) as { seq: number | null };
  return row.seq ?? 1;
}

/** The stored tree of a version from 2 on (version 1's is the review's import and its TEXT doc). */
export function storedVersionTree(db: Db, reviewId: string, seq: number): ClauseTree | undefined {
  const row = db.prepare('SELECT clause_tree FROM review_versions WHERE review_id = ? AND seq = ?').get(reviewId, seq) as
    | { clause_tree: string }
    | undefined;
  return row ? (JSON.parse(row.clause_tree) as ClauseTree) : undefined;
}

export interface NewVersion {
  reviewId: string;
  label: string;
  readingDate: string | null;
  note: string | null;
  sourceName: string;
  tree: ClauseTree;
  report: unknown;
  sourceSha256: string;
  createdBy: string;
}

/** Stores a version with the next number and its alignment to the version before, in one transaction. */
export function insertVersion(db: Db, input: NewVersion, alignment: (seq: number) => AlignmentEntry[]): number {
  return db.transaction(() => {
    const seq = latestSeq(db, input.reviewId) + 1;
    db.prepare(
      `INSERT INTO review_versions (review_id, seq, label, reading_date, note, source_name, clause_tree, report, source_sha256, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.reviewId,
      seq,
      input.label,
      input.readingDate,
      input.note,
      input.sourceName,
      JSON.stringify(input.tree),
      JSON.stringify(input.report),
      input.sourceSha256,
      input.createdBy,
      Date.now(),
    );
    const insert = db.prepare(
      `INSERT INTO version_alignments (review_id, to_seq, ord, old_id, new_id, kind, similarity, moved, renumbered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    alignment(seq).forEach((e, ord) =>
      insert.run(input.reviewId, seq, ord, e.oldId, e.newId, e.kind, e.similarity, e.moved ? 1 : 0, e.renumbered ? 1 : 0),
    );
    return seq;
  })();
}

/** The stored alignment of version `toSeq` to `toSeq − 1`. */
export function storedAlignment(db: Db, reviewId: string, toSeq: number): AlignmentEntry[] {
  const rows = db
    .prepare('SELECT old_id, new_id, kind, similarity, moved, renumbered FROM version_alignments WHERE review_id = ? AND to_seq = ? ORDER BY ord')
    .all(reviewId, toSeq) as Array<{ old_id: string | null; new_id: string | null; kind: AlignmentKind; similarity: number; moved: number; renumbered: number }>;
  return rows.map((r) => ({ oldId: r.old_id, newId: r.new_id, kind: r.kind, similarity: r.similarity, moved: r.moved === 1, renumbered: r.renumbered === 1 }));
}

interface PlacementRow {
  annotation_id: string;
  origin: 'engine' | 'expert';
  author_id: string | null;
  annotation_kind: 'finding' | 'comment';
  state: 'placed' | 'changed' | 'orphaned';
  manual: number;
  clause_id: string | null;
  start_offset: number;
  end_offset: number;
  quote: string;
  score: number;
}

export function storedPlacements(db: Db, reviewId: string, seq: number): PlacementRecord[] {
  const rows = db.prepare('SELECT * FROM annotation_placements WHERE review_id = ? AND seq = ? ORDER BY rowid').all(reviewId, seq) as PlacementRow[];
  return rows.map((r) => ({
    annotationId: r.annotation_id,
    origin: r.origin,
    authorId: r.author_id,
    annotationKind: r.annotation_kind,
    state: r.state,
    manual: r.manual === 1,
    clauseId: r.clause_id,
    start: r.start_offset,
    end: r.end_offset,
    quote: JSON.parse(r.quote) as PlacementRecord['quote'],
    score: r.score,
  }));
}

/** Writes placements; a manual one (re-attached by hand) is replaced only by another manual one. */
export function savePlacements(db: Db, reviewId: string, seq: number, placements: readonly PlacementRecord[], byUser: string | null): void {
  const upsert = db.prepare(
    `INSERT INTO annotation_placements (review_id, seq, annotation_id, origin, author_id, annotation_kind, state, manual, clause_id, start_offset, end_offset, quote, score, at, by_user)
     VALUES (@reviewId, @seq, @annotationId, @origin, @authorId, @annotationKind, @state, @manual, @clauseId, @start, @end, @quote, @score, @at, @byUser)
     ON CONFLICT (review_id, seq, annotation_id) DO UPDATE SET
       state = excluded.state, manual = excluded.manual, clause_id = excluded.clause_id, start_offset = excluded.start_offset,
       end_offset = excluded.end_offset, quote = excluded.quote, score = excluded.score, at = excluded.at, by_user = excluded.by_user
     WHERE excluded.manual = 1 OR annotation_placements.manual = 0`,
  );
  db.transaction(() => {
    for (const p of placements)
      upsert.run({
        reviewId,
        seq,
        annotationId: p.annotationId,
        origin: p.origin,
        authorId: p.authorId,
        annotationKind: p.annotationKind,
        state: p.state,
        manual: p.manual ? 1 : 0,
        clauseId: p.clauseId,
        start: p.start,
        end: p.end,
        quote: JSON.stringify(p.quote),
        score: p.score,
        at: Date.now(),
        byUser,
      });
  })();
}
