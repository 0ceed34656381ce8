import express from 'express';
import { consolidatedLines } from '../../shared/amend/render';
import { wordDiff } from '../../shared/amend/word-diff';
import type { ConsolidatedAct, InstructionResult } from '../../shared/amend/result';
import { unitReference } from '../../shared/amend/unit-reference';
import { walkClauses } from '../../shared/clause';
import { amend as contract } from '../../shared/contract';
import { audit } from '../audit';
import { parseBody } from '../auth/routes';
import { requireReview, requireVerb } from '../auth/review-guard';
import type { AppContext } from '../context';
import { sendJson } from '../http/send-json';
import { ImportErrors } from '../import/errors';
import { importDraft } from '../import/import-draft';
import { optionalText, uploadRoute } from '../import/routes';
import { receiveUpload } from '../import/upload';
import { actsNeeded } from '../../shared/amend/instructions';
import { currentDraftTree, storedDraft } from '../reviews/current-draft';
import { BaseActErrors } from './errors';
import { amendmentFindings, analyseAmendments } from './engine';
import { reviewAmendments } from './outcome';
import { syncAmendmentCandidates } from './review-candidates';
import { getReview } from '../reviews/store';
import { attach, attached, detach, getBaseAct, insertBaseAct, listBaseActs } from './store';

const FIELDS = new Set(['title', 'editionDate', 'source']);

function param(req: express.Request, name: string): unknown {
  return (req.params as Record<string, unknown>)[name];
}

function dateField(fields: Record<string, string>, name: string): string | null {
  const value = optionalText(fields, name, 10);
  if (value === null) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw ImportErrors.IMPORT_BAD_FIELD({ field: name, reason: 'YYYY-MM-DD' });
  return value;
}

/**
 * Amendment laws in context (issue 20; docs/amendments.md): the library of base acts (the secretary imports,
 * secretaries and experts read), base acts attached to a review (the secretary), and the amendment law applied
 * to them for everyone who reads the working review.
 */
export function mountAmendRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/base-acts', (req, res) => {
    requireVerb(req, 'listBaseActs');
    sendJson(res, contract.listBaseActs, { acts: listBaseActs(ctx.db) });
  });

  app.post(
    '/api/base-acts',
    uploadRoute(async (req, res) => {
      const session = requireVerb(req, 'importBaseAct');
      const upload = await receiveUpload(req, ctx.config.maxUploadBytes, FIELDS);
      if (!upload.file) throw ImportErrors.IMPORT_NO_FILE();
      const title = optionalText(upload.fields, 'title', 500);
      if (title === null) throw BaseActErrors.BASE_ACT_BAD_TITLE();
      const editionDate = dateField(upload.fields, 'editionDate');
      const source = optionalText(upload.fields, 'source', 500);
      const result = importDraft(upload.file.bytes, { fileName: upload.file.name, maxInflatedBytes: ctx.config.maxInflatedBytes });
      let articles = 0;
      for (const [c] of walkClauses(result.tree.clauses)) if (c.kind === 'article') articles++;
      if (articles === 0) throw BaseActErrors.BASE_ACT_NO_ARTICLES();
      const act = insertBaseAct(ctx.db, { title, editionDate, source, sourceName: upload.file.name, tree: result.tree, sourceSha256: result.sourceSha256, createdBy: session.user.id });
      audit(ctx.db, { userId: session.user.id, action: 'base_act.imported', target: act.id, details: { title, editionDate, source, sourceName: act.sourceName, sha256: result.sourceSha256, articles } });
      sendJson(res, contract.importBaseAct, { act }, 201);
    }),
  );

  const answer = async (reviewId: string) => {
    const stored = storedDraft(ctx.db, reviewId);
    const needed = stored ? actsNeeded(await currentDraftTree(ctx, reviewId, stored)) : [];
    return { needed, attached: attached(ctx.db, reviewId) };
  };

  // The engine's candidates on the new wording and on what is taken out follow the acts attached: a failure is
  // logged and leaves the attachment done (a rerun of the checklist writes them again).
  const candidatesAfter = async (reviewId: string, userId: string) => {
    try {
      await syncAmendmentCandidates(ctx, reviewId, userId);
    } catch (err) {
      console.error(`[amend] candidates of review ${reviewId} failed:`, err);
    }
  };

  app.get('/api/reviews/:id/base-acts', async (req, res) => {
    const { reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'readWorkingDocs');
    sendJson(res, contract.reviewBaseActs, await answer(reviewId));
  });

  app.post('/api/reviews/:id/base-acts', express.json({ limit: '4kb' }), async (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'attachBaseAct');
    const body = parseBody(contract.attachBaseAct.body, req);
    const act = getBaseAct(ctx.db, body.baseActId);
    if (!act) throw BaseActErrors.BASE_ACT_NOT_FOUND();
    const forTitle = body.forTitle?.normalize('NFC').trim() || null;
    attach(ctx.db, reviewId, act.id, forTitle, session.user.id);
    audit(ctx.db, { userId: session.user.id, reviewId, action: 'base_act.attached', target: act.id, details: { title: act.title, forTitle } });
    await candidatesAfter(reviewId, session.user.id);
    sendJson(res, contract.attachBaseAct, await answer(reviewId));
  });

  app.delete('/api/reviews/:id/base-acts/:actId', async (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'attachBaseAct');
    const actId = String(param(req, 'actId'));
    if (!detach(ctx.db, reviewId, actId)) throw BaseActErrors.BASE_ACT_NOT_ATTACHED();
    audit(ctx.db, { userId: session.user.id, reviewId, action: 'base_act.detached', target: actId });
    await candidatesAfter(reviewId, session.user.id);
    sendJson(res, contract.detachBaseAct, await answer(reviewId));
  });

  app.get('/api/reviews/:id/amendments', async (req, res) => {
    const { reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'readWorkingDocs');
    const found = await reviewAmendments(ctx, reviewId);
    if (!found) {
      sendJson(res, contract.amendments, { needed: [], instructions: [], acts: [], findings: [] });
      return;
    }
    const { needed, outcome, amending } = found;
    const checklistId = getReview(ctx.db, reviewId)?.checklistId ?? undefined;
    const analysis = await analyseAmendments(outcome.acts, outcome.results, outcome.acts[0]?.tree.meta.language ?? amending.meta.language, checklistId ? { checklistId } : {});
    const findings = amendmentFindings(analysis);
    sendJson(res, contract.amendments, {
      needed,
      // A unit the law adds carries the draft's label («Статья 1, пункт 1, подпункт в: «Часть 4»»): named here
      // as the act will print it («Статья 14, часть 4»), as the findings and the conclusion name it.
      instructions: outcome.results.map((r) => ({ ...r, ...addedUnitLabel(r, outcome.acts), diff: r.before !== null && r.after !== null ? wordDiff(r.before, r.after) : [] })),
      acts: outcome.acts.map((a) => ({ key: a.key, title: a.title, lines: consolidatedLines(a) })),
      findings,
    });
  });
}

function addedUnitLabel(result: InstructionResult, acts: readonly ConsolidatedAct[]): { unitLabel?: string } {
  if (result.change !== 'added' || !result.unitId) return {};
  const act = acts.find((a) => a.key === result.actKey);
  const label = act ? unitReference(act, result.unitId) : undefined;
  return label ? { unitLabel: label } : {};
}
