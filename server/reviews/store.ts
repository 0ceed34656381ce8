import { randomUUID } from 'node:crypto';
import type { ClauseTree } from '../../shared/clause';
import type { ReviewId, UserId } from '../../shared/ids';
import type { Db } from '../storage/db';

export type ReviewStatus = 'in_review' | 'issued' | 'archived';

export interface Review {
  id: ReviewId;
  title: string;
  status: ReviewStatus;
  language: string;
  actKind: string;
  sourceName: string;
  deadline: string | null;
  committee: string | null;
  checklistId: string | null;
  checklistVersion: string | null;
  createdBy: UserId;
  createdAt: number;
}

interface ReviewRow {
  id: string;
  title: string;
  status: ReviewStatus;
  language: string;
  act_kind: string;
  source_name: string;
  deadline: string | null;
  committee: string | null;
  checklist_id: string | null;
  checklist_version: string | null;
  created_by: string;
  created_at: number;
}

function toReview(row: ReviewRow): Review {
  return {
    id: row.id as ReviewId,
    title: row.title,
    status: row.status,
    language: row.language,
    actKind: row.act_kind,
    sourceName: row.source_name,
    deadline: row.deadline,
    committee: row.committee,
    checklistId: row.checklist_id,
    checklistVersion: row.checklist_version,
    createdBy: row.created_by as UserId,
    createdAt: row.created_at,
  };
}

export interface ImportedDraft {
  tree: ClauseTree;
  /** ProseMirror JSON of the draft, which seeds the review's TEXT doc on first load. */
  pmDoc: unknown;
  report: unknown;
  sourceSha256: string;
}

export interface NewReview {
  title: string;
  sourceName: string;
  createdBy: UserId;
  deadline?: string | null;
  committee?: string | null;
  members?: UserId[];
  draft: ImportedDraft;
}

/** Creates the review and stores its import in one transaction: nothing half-done is ever stored. */
export function createReview(db: Db, input: NewReview): Review {
  const id = randomUUID() as ReviewId;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO reviews (id, title, language, act_kind, source_name, deadline, committee, created_by, created_at)
       VALUES (@id, @title, @language, @actKind, @sourceName, @deadline, @committee, @createdBy, @createdAt)`,
    ).run({
      id,
      title: input.title,
      language: input.draft.tree.meta.language,
      actKind: input.draft.tree.meta.actKind,
      sourceName: input.sourceName,
      deadline: input.deadline ?? null,
      committee: input.committee ?? null,
      createdBy: input.createdBy,
      createdAt: Date.now(),
    });
    db.prepare(
      `INSERT INTO review_imports (review_id, clause_tree, pm_doc, report, source_sha256, imported_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      JSON.stringify(input.draft.tree),
      JSON.stringify(input.draft.pmDoc),
      JSON.stringify(input.draft.report),
      input.draft.sourceSha256,
      Date.now(),
    );
    const addMember = db.prepare('INSERT OR IGNORE INTO review_members (review_id, user_id) VALUES (?, ?)');
    for (const member of input.members ?? []) addMember.run(id, member);
  })();
  return getReview(db, id)!;
}

export function getReview(db: Db, id: string): Review | undefined {
  const row = db.prepare('SELECT * FROM reviews WHERE id = ?').get(id) as ReviewRow | undefined;
  return row ? toReview(row) : undefined;
}

export function listReviews(db: Db): Review[] {
  return (db.prepare('SELECT * FROM reviews ORDER BY created_at DESC').all() as ReviewRow[]).map(toReview);
}

export function getImport(db: Db, reviewId: string): ImportedDraft | undefined {
  const row = db
    .prepare('SELECT clause_tree, pm_doc, report, source_sha256 FROM review_imports WHERE review_id = ?')
    .get(reviewId) as { clause_tree: string; pm_doc: string; report: string; source_sha256: string } | undefined;
  if (!row) return undefined;
  return {
    tree: JSON.parse(row.clause_tree) as ClauseTree,
    pmDoc: JSON.parse(row.pm_doc),
    report: JSON.parse(row.report),
    sourceSha256: row.source_sha256,
  };
}

/** Records which checklist (id and version) produced the review's candidate findings: the export names its criteria. */
export function recordReviewChecklist(db: Db, reviewId: string, checklist: { id: string; version: string }): void {
  db.prepare('UPDATE reviews SET checklist_id = ?, checklist_version = ? WHERE id = ?').run(checklist.id, checklist.version, reviewId);
}

export function reviewMembers(db: Db, reviewId: string): UserId[] {
  return (db.prepare('SELECT user_id FROM review_members WHERE review_id = ?').all(reviewId) as { user_id: string }[]).map(
    (row) => row.user_id as UserId,
  );
}

export function addReviewMember(db: Db, reviewId: string, userId: UserId): void {
  db.prepare('INSERT OR IGNORE INTO review_members (review_id, user_id) VALUES (?, ?)').run(reviewId, userId);
}
