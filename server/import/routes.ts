import type express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { importing as contract } from '../../shared/contract';
import { Committee } from '../../shared/contract/fields';
import { audit } from '../audit';
import type { AppContext } from '../context';
import { requireVerb } from '../auth/review-guard';
import { sendJson } from '../http/send-json';
import { createReview } from '../reviews/store';
import { requireActiveCommittee } from '../committees/store';
import { ImportErrors } from './errors';
import { defaultTitle, importDraft } from './import-draft';
import { outlineOf } from './outline';
import { closeAfterResponse, receiveUpload } from './upload';

export function optionalText(fields: Record<string, string>, name: string, max: number): string | null {
  const value = (fields[name] ?? '').normalize('NFC').trim();
  if (value.length === 0) return null;
  if (value.length > max) throw ImportErrors.IMPORT_BAD_FIELD({ field: name, reason: `> ${max}` });
  return value;
}

function deadlineFrom(fields: Record<string, string>): string | null {
  const value = optionalText(fields, 'deadline', 10);
  if (value === null) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw ImportErrors.IMPORT_BAD_FIELD({ field: 'deadline', reason: 'YYYY-MM-DD' });
  return value;
}

/**
 * The committee a review is for: the same code readers' accounts carry, or issuing could never match —
 * and an active committee of the registry (server/committees/), chosen from its list, never typed.
 */
function committeeFrom(ctx: AppContext, fields: Record<string, string>): string | null {
  const value = optionalText(fields, 'committee', 64);
  if (value === null) return null;
  if (!Committee.safeParse(value).success) throw ImportErrors.IMPORT_BAD_FIELD({ field: 'committee', reason: 'a-z, 0-9, _ -' });
  return requireActiveCommittee(ctx.db, value).code;
}

/**
 * Upload routes answer their own errors' connection: a refused upload may still be streaming, so the
 * answer closes the connection instead of reading (or buffering) the rest of the body.
 */
export function uploadRoute(handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (!req.complete) closeAfterResponse(req, res);
      next(err);
    }
  };
}

/**
 * POST /api/reviews — a secretary uploads a draft (multipart: file, title?, deadline?, committee?); the
 * review and its import are stored in one transaction. POST /api/import/preview parses without storing,
 * so the secretary sees the outline and the report first.
 */
export function mountImportRoutes(app: express.Express, ctx: AppContext): void {
  app.post(
    '/api/reviews',
    uploadRoute(async (req, res) => {
      const session = requireVerb(req, 'importDraft');
      const upload = await receiveUpload(req, ctx.config.maxUploadBytes);
      if (!upload.file) throw ImportErrors.IMPORT_NO_FILE();
      const title = optionalText(upload.fields, 'title', 300);
      const deadline = deadlineFrom(upload.fields);
      const committee = committeeFrom(ctx, upload.fields);
      const result = importDraft(upload.file.bytes, { fileName: upload.file.name, maxInflatedBytes: ctx.config.maxInflatedBytes });
      const review = createReview(ctx.db, {
        title: title ?? defaultTitle(result, upload.file.name),
        sourceName: upload.file.name,
        createdBy: session.user.id,
        deadline,
        committee,
        draft: { tree: result.tree, pmDoc: result.pmDoc, report: result.report, sourceSha256: result.sourceSha256 },
      });
      audit(ctx.db, {
        userId: session.user.id,
        reviewId: review.id,
        action: 'review.created',
        target: review.id,
        details: { sourceName: upload.file.name, format: result.report.format, sha256: result.sourceSha256, counts: result.report.counts },
      });
      sendJson(res, contract.createReview, { review, report: result.report }, 201);
    }),
  );

  app.post(
    '/api/import/preview',
    uploadRoute(async (req, res) => {
      requireVerb(req, 'importDraft');
      const upload = await receiveUpload(req, ctx.config.maxUploadBytes);
      if (!upload.file) throw ImportErrors.IMPORT_NO_FILE();
      const result = importDraft(upload.file.bytes, { fileName: upload.file.name, maxInflatedBytes: ctx.config.maxInflatedBytes });
      sendJson(res, contract.previewImport, { sourceName: upload.file.name, outline: outlineOf(result.tree), report: result.report });
    }),
  );
}
