import { randomUUID } from 'node:crypto';
import { walkClauses, type ClauseTree } from '../../shared/clause';
import type { BaseActSummary, ReviewBaseActs } from '../../shared/contract/amend';
import type { Lang } from '../../shared/i18n/lang';
import type { Db } from '../storage/db';

/** The library of base acts and what each review has attached (migration 012). */

interface Row {
  id: string;
  title: string;
  edition_date: string | null;
  source: string | null;
  source_name: string;
  language: string;
  articles: number;
  created_at: number;
}

const COLUMNS = 'id, title, edition_date, source, source_name, language, articles, created_at';

function toSummary(r: Row): BaseActSummary {
  return {
    id: r.id,
    title: r.title,
    editionDate: r.edition_date,
    source: r.source,
    sourceName: r.source_name,
    language: r.language as Lang,
    articles: r.articles,
    createdAt: r.created_at,
  };
}

export interface NewBaseAct {
  title: string;
  editionDate: string | null;
  source: string | null;
  sourceName: string;
  tree: ClauseTree;
  sourceSha256: string;
  createdBy: string;
}

export function insertBaseAct(db: Db, act: NewBaseAct): BaseActSummary {
  let articles = 0;
  for (const [c] of walkClauses(act.tree.clauses)) if (c.kind === 'article') articles++;
  const id = randomUUID();
  db.prepare(
    `INSERT INTO base_acts (id, title, edition_date, source, source_name, language, articles, clause_tree, source_sha256, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, act.title, act.editionDate, act.source, act.sourceName, act.tree.meta.language, articles, JSON.stringify(act.tree), act.sourceSha256, act.createdBy, Date.now());
  return getBaseAct(db, id)!;
}

export function listBaseActs(db: Db): BaseActSummary[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM base_acts ORDER BY created_at DESC, title`).all() as Row[]).map(toSummary);
}

export function getBaseAct(db: Db, id: string): BaseActSummary | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM base_acts WHERE id = ?`).get(id) as Row | undefined;
  return row ? toSummary(row) : undefined;
}

export function baseActTree(db: Db, id: string): ClauseTree | undefined {
  const row = db.prepare('SELECT clause_tree FROM base_acts WHERE id = ?').get(id) as { clause_tree: string } | undefined;
  return row ? (JSON.parse(row.clause_tree) as ClauseTree) : undefined;
}

export function attached(db: Db, reviewId: string): ReviewBaseActs['attached'] {
  const rows = db
    .prepare(`SELECT ${COLUMNS.split(', ').map((c) => 'a.' + c).join(', ')}, r.for_title FROM review_base_acts r JOIN base_acts a ON a.id = r.base_act_id WHERE r.review_id = ? ORDER BY r.attached_at, a.title`)
    .all(reviewId) as Array<Row & { for_title: string | null }>;
  return rows.map((r) => ({ act: toSummary(r), forTitle: r.for_title }));
}

export function attach(db: Db, reviewId: string, baseActId: string, forTitle: string | null, userId: string): void {
  db.prepare(
    `INSERT INTO review_base_acts (review_id, base_act_id, for_title, attached_by, attached_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (review_id, base_act_id) DO UPDATE SET for_title = excluded.for_title, attached_by = excluded.attached_by, attached_at = excluded.attached_at`,
  ).run(reviewId, baseActId, forTitle, userId, Date.now());
}

export function detach(db: Db, reviewId: string, baseActId: string): boolean {
  return db.prepare('DELETE FROM review_base_acts WHERE review_id = ? AND base_act_id = ?').run(reviewId, baseActId).changes > 0;
}
