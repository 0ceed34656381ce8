import type { Db } from './storage/db';

export interface AuditEntry {
  userId: string | null;
  reviewId?: string | null;
  /** Dotted verb: 'review.created', 'annotation.created', 'finding.verdict', 'text.changed', 'user.login' … */
  action: string;
  target?: string | null;
  details?: unknown;
}

/** Appends to the audit log: who did what, when. Never updated or deleted by the application. */
export function audit(db: Db, entry: AuditEntry): void {
  db.prepare(
    'INSERT INTO audit_log (at, user_id, review_id, action, target, details) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    Date.now(),
    entry.userId,
    entry.reviewId ?? null,
    entry.action,
    entry.target ?? null,
    entry.details === undefined ? null : JSON.stringify(entry.details),
  );
}
