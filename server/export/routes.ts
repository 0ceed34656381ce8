import type express from 'express';
import type { Request, Response } from 'express';
import { conclusion as contract } from '../../shared/contract';
import { buildComparativeTableDocument, buildConclusion, effectiveFields } from '../../shared/conclusion/build';
import { renderConclusionHtml } from '../../shared/conclusion/html';
import { cleanLine } from '../../shared/conclusion/sanitize';
import { FILE_NAMES } from '../../shared/conclusion/strings';
import { missingFieldLabels, validateConclusion } from '../../shared/conclusion/validate';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import type { ClauseTree } from '../../shared/clause';
import type { ConclusionCriterion } from '../../shared/conclusion/criteria';
import type { ReviewModel } from '../../shared/review-model';
import { audit } from '../audit';
import { reviewPolicy, type ExportKind } from '../auth/policies';
import type { AppContext } from '../context';
import { requestLang } from '../http/errors';
import { sendJson } from '../http/send-json';
import { AuthErrors, requireSession } from '../http/session';
import { packConclusion } from './conclusion-docx';
import { ExportErrors } from './errors';
import { criteriaForReview } from './criteria-source';
import { contentDisposition } from './filename';
import { loadModelForExport, loadTreeForExport } from './model-source';
import { storedDraft } from '../reviews/current-draft';
import { packWorkingCopy } from './working-copy-docx';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Who may have what: the issued conclusion and its table reach the committee; working material never. */
interface ExportInput {
  userId: string;
  reviewId: string;
  lang: Lang;
  model: ReviewModel;
  tree: ClauseTree;
  criteria: ConclusionCriterion[] | undefined;
}

/**
 * Signed in, the review visible to her (else 404, so outsiders learn nothing), the kind of export
 * allowed for her access (else 403), a known language; then the model and the draft's current clause tree.
 */
async function prepare(ctx: AppContext, req: Request, kind: ExportKind): Promise<ExportInput> {
  const session = requireSession(req);
  const query = contract.ExportQuery.safeParse(req.query);
  if (!query.success) throw ExportErrors.EXPORT_BAD_LANG();
  const reviewId = String(req.params.id ?? '');
  const policy = reviewId.length > 0 && reviewId.length <= 64 ? reviewPolicy(ctx.db, session.user, reviewId) : null;
  if (policy === null) throw ExportErrors.EXPORT_REVIEW_NOT_FOUND();
  if (!policy.canExport(kind)) throw AuthErrors.FORBIDDEN();
  const stored = storedDraft(ctx.db, reviewId);
  if (!stored) throw ExportErrors.EXPORT_NO_DRAFT();
  // Loaded together: the model and the tree share the TEXT doc's one load.
  const [model, tree, criteria] = await Promise.all([
    loadModelForExport(ctx, reviewId),
    loadTreeForExport(ctx, reviewId, stored),
    criteriaForReview(ctx, reviewId),
  ]);
  return { userId: session.user.id, reviewId, lang: query.data.lang ?? requestLang(req), model, tree, criteria };
}

/** The required fields still empty, refused with their names in every language (the client picks). */
function requireComplete(input: ExportInput): void {
  const missing = validateConclusion(effectiveFields(input.model.conclusion, input.tree));
  if (missing.length === 0) return;
  const params = Object.fromEntries(LANGS.map((lang) => [`${lang}_fields`, missingFieldLabels(missing, lang).join(', ')]));
  throw ExportErrors.EXPORT_FIELDS_MISSING(params, { missing, labels: missingFieldLabels(missing, input.lang) });
}

function sendDocx(res: Response, buffer: Buffer, input: ExportInput, kind: keyof typeof FILE_NAMES, ascii: string): void {
  const title = cleanLine(effectiveFields(input.model.conclusion, input.tree).draftTitle);
  const name = `${FILE_NAMES[kind][input.lang]}${title ? ` — ${title}` : ''} (${input.lang}).docx`;
  res.setHeader('Content-Type', DOCX_TYPE);
  res.setHeader('Content-Disposition', contentDisposition(`tendik-${ascii}-${input.lang}.docx`, name));
  res.setHeader('Content-Length', String(buffer.length));
  res.end(buffer);
}

function exported(ctx: AppContext, input: ExportInput, kind: string): void {
  audit(ctx.db, { userId: input.userId, reviewId: input.reviewId, action: 'conclusion.exported', target: kind, details: { lang: input.lang } });
}

/**
 * GET /api/reviews/:id/conclusion.docx?lang=ru|ky|en         the conclusion (all required fields filled)
 * GET /api/reviews/:id/conclusion/table.docx?lang=…         the comparative table alone
 * GET /api/reviews/:id/conclusion/preview?lang=…            {html, missing: [{field, label}], analysis: [{criterionId, title, text, prefilled}]}
 * GET /api/reviews/:id/conclusion/view?lang=…               {lang, title, html}: the finished conclusion to read
 * GET /api/reviews/:id/working-copy.docx?lang=…             the draft with comments and tracked changes
 */
export function mountExportRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/reviews/:id/conclusion.docx', async (req, res) => {
    const input = await prepare(ctx, req, 'conclusion');
    requireComplete(input);
    const buffer = await packConclusion(buildConclusion(input.model, input.tree, { lang: input.lang, criteria: input.criteria }));
    exported(ctx, input, 'conclusion');
    sendDocx(res, buffer, input, 'conclusion', 'conclusion');
  });

  app.get('/api/reviews/:id/conclusion/table.docx', async (req, res) => {
    const input = await prepare(ctx, req, 'table');
    const buffer = await packConclusion(buildComparativeTableDocument(input.model, input.tree, { lang: input.lang, criteria: input.criteria }), 'landscape');
    exported(ctx, input, 'table');
    sendDocx(res, buffer, input, 'table', 'table');
  });

  app.get('/api/reviews/:id/conclusion/preview', async (req, res) => {
    const input = await prepare(ctx, req, 'preview');
    const missing = validateConclusion(effectiveFields(input.model.conclusion, input.tree));
    const labels = missingFieldLabels(missing, input.lang);
    const doc = buildConclusion(input.model, input.tree, { lang: input.lang, criteria: input.criteria });
    sendJson(res, contract.previewConclusion, {
      lang: input.lang,
      html: renderConclusionHtml(doc),
      missing: missing.map((field, i) => ({ field, label: labels[i] })),
      // The form pre-fills each criterion's text from here: composed where the secretary wrote nothing.
      analysis: doc.sections.flatMap((s) =>
        s.kind === 'criteria'
          ? s.criteria.map((c) => ({ criterionId: c.criterionId, title: c.title, text: c.paragraphs.join('\n'), prefilled: c.prefilled }))
          : [],
      ),
    });
  });

  // The committee's reading view: the same document as the DOCX (so refused alike while incomplete),
  // as HTML — without the form's pre-filled analysis or the list of what is missing.
  app.get('/api/reviews/:id/conclusion/view', async (req, res) => {
    const input = await prepare(ctx, req, 'view');
    requireComplete(input);
    const doc = buildConclusion(input.model, input.tree, { lang: input.lang, criteria: input.criteria });
    sendJson(res, contract.viewConclusion, { lang: input.lang, title: doc.title, html: renderConclusionHtml(doc) });
  });

  app.get('/api/reviews/:id/working-copy.docx', async (req, res) => {
    const input = await prepare(ctx, req, 'workingCopy');
    const buffer = await packWorkingCopy(input.model, input.tree, { lang: input.lang, criteria: input.criteria });
    exported(ctx, input, 'working-copy');
    sendDocx(res, buffer, input, 'workingCopy', 'working-copy');
  });
}
