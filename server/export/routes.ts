import { amendedUnitsForExport } from '../amend/table-source';
import type { AmendedUnit } from '../../shared/conclusion/table';
import type express from 'express';
import type { Request, Response } from 'express';
import { conclusion as contract } from '../../shared/contract';
import { buildComparativeTableDocument, buildConclusion, effectiveFields, type BuildOptions } from '../../shared/conclusion/build';
import { draftLanguage } from '../../shared/conclusion/confirmed';
import { renderConclusionHtml, renderLanguageNotice } from '../../shared/conclusion/html';
import { cleanLine } from '../../shared/conclusion/sanitize';
import { FILE_NAMES, LANGUAGE_NOTES } from '../../shared/conclusion/strings';
import { typedInOtherLanguage } from '../../shared/conclusion/typed-language';
import { conclusionProblems, problemsText } from '../../shared/conclusion/validate';
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
import { workingCopyReviser } from './agreed-wording';
import { packConclusion } from './conclusion-docx';
import { ExportErrors } from './errors';
import { criteriaForReview } from './criteria-source';
import { contentDisposition } from './filename';
import { loadModelForExport, loadTreeForExport } from './model-source';
import { storedDraft } from '../reviews/current-draft';
import { issuedCopy } from '../reviews/issued-copy';
import { packWorkingCopy } from './working-copy-docx';
import type { LaterReadingInput } from '../../shared/conclusion/later-reading';
import { RecommendationErrors } from '../recommendations/errors';
import { readingStatuses } from '../recommendations/statuses';
import { versionForExport } from '../versions/for-export';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Who may have what: the issued conclusion and its table reach the committee; working material never. */
interface ExportInput {
  userId: string;
  reviewId: string;
  lang: Lang;
  model: ReviewModel;
  tree: ClauseTree;
  criteria: ConclusionCriterion[] | undefined;
  /** A conclusion on a later reading (?reading=2): the fate of the earlier recommendations in it. */
  reading?: LaterReadingInput;
  /** An amendment law with its base acts attached (issue 20): the table in the KR committee form. */
  amendedUnit?: AmendedUnit;
}

/**
 * Signed in, the review visible to her (else 404, so outsiders learn nothing), the kind of export
 * allowed for her access (else 403), a known language; then the model and the draft's current clause tree.
 */
async function prepare(ctx: AppContext, req: Request, kind: ExportKind): Promise<ExportInput> {
  const session = requireSession(req);
  const query = contract.ExportQuery.safeParse(req.query);
  if (!query.success) {
    if (contract.ExportQuery.pick({ lang: true }).safeParse(req.query).success) throw RecommendationErrors.READING_NOT_FOUND();
    throw ExportErrors.EXPORT_BAD_LANG();
  }
  const reviewId = String(req.params.id ?? '');
  const policy = reviewId.length > 0 && reviewId.length <= 64 ? reviewPolicy(ctx.db, session.user, reviewId) : null;
  if (policy === null) throw ExportErrors.EXPORT_REVIEW_NOT_FOUND();
  if (!policy.canExport(kind)) throw AuthErrors.FORBIDDEN();
  const stored = storedDraft(ctx.db, reviewId);
  if (!stored) throw ExportErrors.EXPORT_NO_DRAFT();
  const lang = query.data.lang ?? requestLang(req);
  // An issued conclusion is read from the committee's copy, frozen at issue (reviews/issued-copy.ts):
  // what the committee reads and what the secretary sees of it stay the same until she returns it.
  // A copy issued on a later reading is the conclusion on that reading, whatever the address asks.
  const frozen = FROZEN_WHILE_ISSUED.has(kind) ? issuedCopy(ctx.db, reviewId) : undefined;
  const seq = frozen?.model.draftVersion ?? query.data.reading;
  const reading: Partial<Pick<ExportInput, 'reading' | 'amendedUnit'>> = seq === undefined ? {} : { reading: await readingInput(ctx, reviewId, seq, query.data.comparative === '1') };
  const amendedUnit = await amendedUnitsForExport(ctx, reviewId);
  if (amendedUnit) Object.assign(reading, { amendedUnit });
  if (frozen)
    return { userId: session.user.id, reviewId, lang, model: frozen.model, tree: frozen.tree, criteria: await criteriaForReview(ctx, reviewId), ...reading };
  // A later reading's conclusion is on that version: its own findings and those carried onto it, set
  // beside its units (issue 16). Version 1's is the review's TEXT doc, as always.
  const version = seq === undefined ? undefined : await versionForExport(ctx, reviewId, seq);
  if (version) return { userId: session.user.id, reviewId, lang, model: version.model, tree: version.tree, criteria: await criteriaForReview(ctx, reviewId), ...reading };
  // Loaded together: the model and the tree share the TEXT doc's one load.
  const [model, tree, criteria] = await Promise.all([
    loadModelForExport(ctx, reviewId),
    loadTreeForExport(ctx, reviewId, stored),
    criteriaForReview(ctx, reviewId),
  ]);
  return { userId: session.user.id, reviewId, lang, model, tree, criteria, ...reading };
}

/** The recommendations' statuses in a later reading: the secretary's, the detector's where she has not decided. */
async function readingInput(ctx: AppContext, reviewId: string, seq: number, comparative: boolean): Promise<LaterReadingInput> {
  const statuses = await readingStatuses(ctx, reviewId, seq);
  return {
    seq,
    comparative,
    recommendations: statuses.map((s) => ({
      findingId: s.findingId,
      clauseLabel: s.clauseLabel,
      drafted: s.drafted,
      newText: s.evidence.newText,
      proposed: s.proposed,
      status: s.status ?? s.detected,
    })),
  };
}

/** What the committee receives; the working copy stays the experts' live document. */
const FROZEN_WHILE_ISSUED: ReadonlySet<ExportKind> = new Set<ExportKind>(['conclusion', 'table', 'view', 'preview']);

/**
 * The conclusion as built for this request: in its language, with the checklist's criteria, and with
 * the working copy's rule for each unit's proposed wording (so the table and the working copy agree).
 */
function buildOptions(input: ExportInput): BuildOptions {
  return {
    lang: input.lang,
    criteria: input.criteria,
    reviseUnit: workingCopyReviser(draftLanguage(input.tree)),
    ...(input.reading ? { reading: input.reading } : {}),
    ...(input.amendedUnit ? { amendedUnit: input.amendedUnit } : {}),
  };
}

/**
 * What keeps the conclusion from going out (empty required fields, dates that do not exist, findings
 * without reasoning, compliance with nothing assessed), refused with their names in every language
 * (the client picks).
 */
function requireComplete(input: ExportInput): void {
  const problems = conclusionProblems(input.model, input.tree);
  if (problems.length === 0) return;
  const params = Object.fromEntries(LANGS.map((lang) => [`${lang}_fields`, problemsText(problems, lang)]));
  throw ExportErrors.EXPORT_FIELDS_MISSING(params, { missing: problems.map((p) => p.field), labels: problems.map((p) => p.label[input.lang]) });
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
    const buffer = await packConclusion(buildConclusion(input.model, input.tree, buildOptions(input)));
    exported(ctx, input, 'conclusion');
    sendDocx(res, buffer, input, 'conclusion', 'conclusion');
  });

  app.get('/api/reviews/:id/conclusion/table.docx', async (req, res) => {
    const input = await prepare(ctx, req, 'table');
    const buffer = await packConclusion(buildComparativeTableDocument(input.model, input.tree, buildOptions(input)), 'landscape');
    exported(ctx, input, 'table');
    sendDocx(res, buffer, input, 'table', 'table');
  });

  app.get('/api/reviews/:id/conclusion/preview', async (req, res) => {
    const input = await prepare(ctx, req, 'preview');
    const problems = conclusionProblems(input.model, input.tree);
    const doc = buildConclusion(input.model, input.tree, buildOptions(input));
    // Typed texts in another language than the export: said above the preview, for the secretary only.
    const otherLanguage = typedInOtherLanguage(input.model, input.tree, input.criteria, input.lang);
    const notice = renderLanguageNotice(LANGUAGE_NOTES.heading[input.lang], otherLanguage.map((t) => t.label));
    sendJson(res, contract.previewConclusion, {
      lang: input.lang,
      html: notice + renderConclusionHtml(doc),
      missing: problems.map((p) => ({ field: p.field, label: p.label[input.lang] })),
      // The form pre-fills each criterion's text from here: composed where the secretary wrote nothing.
      analysis: doc.sections.flatMap((s) =>
        s.kind === 'criteria'
          ? s.criteria.map((c) => ({ criterionId: c.criterionId, title: c.title, text: c.paragraphs.join('\n'), prefilled: c.prefilled }))
          : [],
      ),
      // As a list for the form, once the HTTP contract (shared/contract/conclusion.ts) names it.
      otherLanguage: otherLanguage.map(({ field, label }) => ({ field, label })),
    });
  });

  // The committee's reading view: the same document as the DOCX (so refused alike while incomplete),
  // as HTML — without the form's pre-filled analysis or the list of what is missing.
  app.get('/api/reviews/:id/conclusion/view', async (req, res) => {
    const input = await prepare(ctx, req, 'view');
    requireComplete(input);
    const doc = buildConclusion(input.model, input.tree, buildOptions(input));
    sendJson(res, contract.viewConclusion, { lang: input.lang, title: doc.title, html: renderConclusionHtml(doc) });
  });

  app.get('/api/reviews/:id/working-copy.docx', async (req, res) => {
    const input = await prepare(ctx, req, 'workingCopy');
    const buffer = await packWorkingCopy(input.model, input.tree, { lang: input.lang, criteria: input.criteria });
    exported(ctx, input, 'working-copy');
    sendDocx(res, buffer, input, 'workingCopy', 'working-copy');
  });
}
