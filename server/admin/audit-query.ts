import type { Db } from '../storage/db';

export interface AuditFilter {
  /** Inclusive lower bound, ms since the epoch. */
  from?: number;
  /** Exclusive upper bound, ms since the epoch. */
  to?: number;
  userId?: string;
  reviewId?: string;
  /** An exact action (`user.login`) or a family ending in `.*` (`user.*`). */
  action?: string;
  /** Entries older than this sequence number (paging backwards). */
  before?: number;
  limit: number;
}

export interface AuditRecord {
  seq: number;
  at: number;
  userId: string | null;
  userEmail: string | null;
  userName: string | null;
  reviewId: string | null;
  action: string;
  target: string | null;
  details: unknown;
}

interface AuditRow {
  seq: number;
  at: number;
  user_id: string | null;
  email: string | null;
  name: string | null;
  review_id: string | null;
  action: string;
  target: string | null;
  details: string | null;
}

function parseDetails(details: string | null): unknown {
  if (details === null) return null;
  try {
    return JSON.parse(details) as unknown;
  } catch {
    return details;
  }
}

/** Newest first. Every value is a bound parameter; the SQL text depends only on which filters are set. */
export function queryAudit(db: Db, filter: AuditFilter): AuditRecord[] {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit };
  if (filter.from !== undefined) (where.push('a.at >= @from'), (params.from = filter.from));
  if (filter.to !== undefined) (where.push('a.at < @to'), (params.to = filter.to));
  if (filter.userId !== undefined) (where.push('a.user_id = @userId'), (params.userId = filter.userId));
  if (filter.reviewId !== undefined) (where.push('a.review_id = @reviewId'), (params.reviewId = filter.reviewId));
  if (filter.before !== undefined) (where.push('a.seq < @before'), (params.before = filter.before));
  if (filter.action !== undefined) {
    if (filter.action.endsWith('.*')) {
      where.push("substr(a.action, 1, length(@actionPrefix)) = @actionPrefix");
      params.actionPrefix = filter.action.slice(0, -1);
    } else {
      where.push('a.action = @action');
      params.action = filter.action;
    }
  }
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.user_id, u.email, u.name, a.review_id, a.action, a.target, a.details
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.seq DESC LIMIT @limit`,
    )
    .all(params) as AuditRow[];
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    userEmail: row.email,
    userName: row.name,
    reviewId: row.review_id,
    action: row.action,
    target: row.target,
    details: parseDetails(row.details),
  }));
}
