import express from 'express';
import type { Request } from 'express';
import { audit as contract } from '../../shared/contract';
import type { AppContext } from '../context';
import { audit } from '../audit';
import { failedFields } from '../auth/schemas';
import { HttpErrors } from '../http/errors';
import { sendJson } from '../http/send-json';
import { requireVerb } from '../auth/review-guard';
import { queryAudit, type AuditFilter } from './audit-query';
import { CSV_BOM, csvRow } from './csv';

const PAGE_DEFAULT = 200;
const PAGE_MAX = 1000;
const EXPORT_MAX = 100_000;

function readFilter(req: Request, maxLimit: number, defaultLimit: number): AuditFilter {
  const parsed = contract.listAudit.query.safeParse(req.query);
  if (!parsed.success) throw HttpErrors.BAD_REQUEST({ reason: failedFields(parsed.error) });
  const { lang: _lang, limit, ...rest } = parsed.data;
  return { ...rest, limit: Math.min(Math.max(limit ?? defaultLimit, 1), maxLimit) };
}

/** The audit log, for the admin and the secretary: filtered pages as JSON, and a CSV export. */
export function mountAuditRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/audit', (req, res) => {
    requireVerb(req, 'readAudit');
    const entries = queryAudit(ctx.db, readFilter(req, PAGE_MAX, PAGE_DEFAULT));
    sendJson(res, contract.listAudit, { entries, nextBefore: entries.length ? entries[entries.length - 1]!.seq : null });
  });

  app.get('/api/audit.csv', (req, res) => {
    const session = requireVerb(req, 'readAudit');
    const filter = readFilter(req, EXPORT_MAX, EXPORT_MAX);
    const entries = queryAudit(ctx.db, filter);
    let body = CSV_BOM + csvRow(['seq', 'at', 'user_email', 'user_name', 'review_id', 'action', 'target', 'details']);
    for (const entry of entries)
      body += csvRow([
        entry.seq,
        new Date(entry.at).toISOString(),
        entry.userEmail,
        entry.userName,
        entry.reviewId,
        entry.action,
        entry.target,
        entry.details === null ? null : JSON.stringify(entry.details),
      ]);
    audit(ctx.db, { userId: session.user.id, action: 'audit.exported', details: { rows: entries.length } });
    const stamp = new Date().toISOString().slice(0, 10);
    res
      .status(200)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="tendik-audit-${stamp}.csv"`)
      .send(body);
  });
}
