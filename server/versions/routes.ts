import express from 'express';
import { walkClauses, type Clause } from '../../shared/clause';
import { quoteAt } from '../../shared/collab/anchor';
import { versions as contract } from '../../shared/contract';
import type { ComparisonEntry, PlacementRecord, VersionUnit } from '../../shared/contract/versions';
import { alignTrees, type AlignmentKind } from '../../shared/versions/align';
import { wordDiff } from '../../shared/versions/word-diff';
import { audit } from '../audit';
import { requireReview } from '../auth/review-guard';
import { loadReviewModel } from '../collab/model';
import type { AppContext } from '../context';
import { sendJson } from '../http/send-json';
import { ImportErrors } from '../import/errors';
import { importDraft } from '../import/import-draft';
import { outlineOf } from '../import/outline';
import { optionalText, uploadRoute } from '../import/routes';
import { receiveUpload } from '../import/upload';
import { noteReviewChanged } from '../reviews/finding-counts';
import { modelsOf, placementsIn, sourcesOfModel, textsOf, versionTree } from './carry';
import { VersionErrors } from './errors';
import { sameActCheck } from './same-act';
import { insertVersion, latestSeq, listVersions, savePlacements, storedPlacements } from './store';

const VERSION_FIELDS = new Set(['label', 'date', 'note', 'acknowledge']);

function param(req: express.Request, name: string): unknown {
  return (req.params as Record<string, unknown>)[name];
}

function seqOf(value: unknown, reviewId: string, ctx: AppContext): number {
  const seq = /^\d{1,4}$/.test(String(value)) ? Number(value) : NaN;
  if (!Number.isInteger(seq) || seq < 1 || seq > latestSeq(ctx.db, reviewId)) throw VersionErrors.VERSION_NOT_FOUND();
  return seq;
}

function dateFrom(fields: Record<string, string>): string | null {
  const value = optionalText(fields, 'date', 10);
  if (value === null) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw ImportErrors.IMPORT_BAD_FIELD({ field: 'date', reason: 'YYYY-MM-DD' });
  return value;
}

function unitsOf(clauses: readonly Clause[]): VersionUnit[] {
  const out: VersionUnit[] = [];
  for (const [clause, parents] of walkClauses(clauses))
    out.push({ id: clause.id, kind: clause.kind, number: clause.number, label: clause.label, text: clause.text, depth: parents.length });
  return out;
}

/**
 * Versions of a review's draft (issue 16; docs/versions.md): the secretary adds a reading (upload or
 * pasted text, the first import's formats and refusals, a warning when it does not look like the same
 * act), everyone who reads the working docs compares any two and sees where each annotation sits.
 */
export function mountVersionRoutes(app: express.Express, ctx: AppContext): void {
  const maxInflatedBytes = () => ctx.config.maxInflatedBytes;

  app.get('/api/reviews/:id/versions', (req, res) => {
    const { reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'readWorkingDocs');
    sendJson(res, contract.listVersions, { versions: listVersions(ctx.db, reviewId) });
  });

  const readNew = async (req: express.Request, reviewId: string) => {
    const upload = await receiveUpload(req, ctx.config.maxUploadBytes, VERSION_FIELDS);
    if (!upload.file) throw ImportErrors.IMPORT_NO_FILE();
    const result = importDraft(upload.file.bytes, { fileName: upload.file.name, maxInflatedBytes: maxInflatedBytes() });
    const previousSeq = latestSeq(ctx.db, reviewId);
    const previous = await versionTree(ctx, reviewId, previousSeq);
    if (!previous) throw VersionErrors.VERSION_NOT_FOUND();
    const alignment = alignTrees(previous, result.tree);
    return { upload, result, previousSeq, previous, alignment, check: sameActCheck(previous, result.tree, alignment) };
  };

  app.post(
    '/api/reviews/:id/versions/preview',
    uploadRoute(async (req, res) => {
      const { reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'addVersion');
      const { upload, result, check } = await readNew(req, reviewId);
      sendJson(res, contract.previewVersion, { sourceName: upload.file!.name, report: result.report, outline: outlineOf(result.tree), check });
    }),
  );

  app.post(
    '/api/reviews/:id/versions',
    uploadRoute(async (req, res) => {
      const { session, reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'addVersion');
      const { upload, result, previousSeq, alignment, check } = await readNew(req, reviewId);
      const label = optionalText(upload.fields, 'label', 120);
      if (label === null) throw VersionErrors.VERSION_BAD_LABEL();
      const readingDate = dateFrom(upload.fields);
      const note = optionalText(upload.fields, 'note', 2000);
      if (check.warnings.length > 0 && upload.fields.acknowledge !== '1')
        throw VersionErrors.VERSION_NOT_SAME_ACT(
          { newTitle: check.newTitle ?? '—', oldTitle: check.oldTitle ?? '—', share: Math.round(check.alignedShare * 100) },
          check,
        );
      // The models are read before the version is stored, so the carry starts from what was there.
      const modelOf = modelsOf(ctx, reviewId);
      await modelOf(previousSeq);
      const seq = insertVersion(
        ctx.db,
        {
          reviewId,
          label,
          readingDate,
          note,
          sourceName: upload.file!.name,
          tree: result.tree,
          report: result.report,
          sourceSha256: result.sourceSha256,
          createdBy: session.user.id,
        },
        () => alignment.entries,
      );
      if (seq !== previousSeq + 1) throw VersionErrors.VERSION_NOT_FOUND();
      audit(ctx.db, {
        userId: session.user.id,
        reviewId,
        action: 'version.added',
        target: String(seq),
        details: { label, readingDate, sourceName: upload.file!.name, sha256: result.sourceSha256, counts: result.report.counts, check },
      });
      const carried = await placementsIn(ctx, reviewId, seq, session.user.id, modelOf);
      // The review now stands on the new version: the list's counts and the mentions are read again.
      noteReviewChanged(ctx.db, reviewId);
      const version = listVersions(ctx.db, reviewId).find((v) => v.seq === seq)!;
      sendJson(res, contract.addVersion, { version, report: result.report, check, carried: carried.fresh }, 201);
    }),
  );

  app.get('/api/reviews/:id/versions/compare', async (req, res) => {
    const { reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'readWorkingDocs');
    const query = contract.compareVersions.query.safeParse(req.query);
    if (!query.success) throw VersionErrors.VERSION_NOT_FOUND();
    const from = seqOf(query.data.from, reviewId, ctx);
    const to = seqOf(query.data.to, reviewId, ctx);
    const [a, b] = [await versionTree(ctx, reviewId, from), await versionTree(ctx, reviewId, to)];
    if (!a || !b) throw VersionErrors.VERSION_NOT_FOUND();
    const alignment = alignTrees(a, b);
    const oldUnits = new Map(unitsOf(a.clauses).map((u) => [u.id, u]));
    const newUnits = unitsOf(b.clauses);
    const newById = new Map(newUnits.map((u) => [u.id, u]));
    const entryOf = (e: (typeof alignment.entries)[number]): ComparisonEntry => {
      const o = e.oldId === null ? undefined : oldUnits.get(e.oldId);
      const n = e.newId === null ? undefined : newById.get(e.newId);
      return {
        ...e,
        oldLabel: o?.label ?? null,
        newLabel: n?.label ?? null,
        oldText: o?.text ?? null,
        newText: n?.text ?? null,
        ...(o && n && e.kind === 'reworded' ? { diff: wordDiff(o.text, n.text) } : {}),
        depth: n?.depth ?? o?.depth ?? 0,
      };
    };
    // The newer version's order, each deleted unit after the unit that came before it in the older one.
    const byNew = new Map<string, ComparisonEntry[]>();
    const deletedAfter = new Map<string | null, ComparisonEntry[]>();
    let lastNewOfOld: string | null = null;
    for (const e of alignment.entries) {
      if (e.oldId !== null && e.kind !== 'split') {
        if (e.newId === null) (deletedAfter.get(lastNewOfOld) ?? deletedAfter.set(lastNewOfOld, []).get(lastNewOfOld)!).push(entryOf(e));
        else lastNewOfOld = e.newId;
      }
      if (e.newId !== null) (byNew.get(e.newId) ?? byNew.set(e.newId, []).get(e.newId)!).push(entryOf(e));
    }
    const entries: ComparisonEntry[] = [...(deletedAfter.get(null) ?? [])];
    for (const u of newUnits) entries.push(...(byNew.get(u.id) ?? []), ...(deletedAfter.get(u.id) ?? []));
    const counts: Partial<Record<AlignmentKind, number>> = {};
    for (const e of alignment.entries) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
    sendJson(res, contract.compareVersions, { from, to, entries, counts });
  });

  app.get('/api/reviews/:id/versions/:seq', async (req, res) => {
    const { reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'readWorkingDocs');
    const seq = seqOf(param(req, 'seq'), reviewId, ctx);
    const tree = await versionTree(ctx, reviewId, seq);
    if (!tree) throw VersionErrors.VERSION_NOT_FOUND();
    const version = listVersions(ctx.db, reviewId).find((v) => v.seq === seq)!;
    sendJson(res, contract.getVersion, {
      version,
      meta: { title: tree.meta.title, actKind: tree.meta.actKind, language: tree.meta.language },
      units: unitsOf(tree.clauses),
    });
  });

  app.get('/api/reviews/:id/versions/:seq/placements', async (req, res) => {
    const { reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'readWorkingDocs');
    const seq = seqOf(param(req, 'seq'), reviewId, ctx);
    if (seq === 1) {
      // Version 1 holds the anchors themselves: their positions as the merge resolved them.
      const sources = sourcesOfModel(await loadReviewModel(ctx, reviewId));
      const tree = await versionTree(ctx, reviewId, 1);
      const texts = tree ? textsOf(tree) : new Map<string, string>();
      const placements: PlacementRecord[] = sources.map((s) => {
        const text = texts.get(s.clauseId);
        const located = s.start !== undefined && s.end !== undefined && text !== undefined;
        const whole = s.wholeClause === true && text !== undefined;
        return {
          annotationId: s.id,
          origin: s.origin,
          authorId: s.authorId,
          annotationKind: s.annotationKind,
          state: located || whole ? 'placed' : 'orphaned',
          manual: false,
          clauseId: located || whole ? s.clauseId : null,
          start: located ? s.start! : 0,
          end: located ? s.end! : whole ? text.length : 0,
          quote: s.quote,
          score: located || whole ? 1 : 0,
        };
      });
      sendJson(res, contract.listPlacements, { seq, placements });
      return;
    }
    // Placements still missing (annotations made since) are carried now: the server's act, not the reader's.
    const { placements } = await placementsIn(ctx, reviewId, seq, null);
    sendJson(res, contract.listPlacements, { seq, placements });
  });

  app.post('/api/reviews/:id/versions/:seq/placements/:annotationId', express.json({ limit: '4kb' }), async (req, res) => {
    const { session, policy, reviewId } = requireReview(req, ctx.db, param(req, 'id'), 'readWorkingDocs');
    const seq = seqOf(param(req, 'seq'), reviewId, ctx);
    const body = contract.reattach.body.safeParse(req.body);
    if (!body.success || seq < 2) throw VersionErrors.VERSION_BAD_RANGE();
    const annotationId = String(param(req, 'annotationId'));
    const { placements } = await placementsIn(ctx, reviewId, seq, null);
    const current = placements.find((p) => p.annotationId === annotationId);
    if (!current) throw VersionErrors.VERSION_NO_ANNOTATION();
    // The secretary re-attaches anything; an expert only her own annotations (never the engine's).
    if (policy.access !== 'secretary' && current.authorId !== session.user.id) throw VersionErrors.VERSION_FORBIDDEN();
    const tree = await versionTree(ctx, reviewId, seq);
    const text = tree ? textsOf(tree).get(body.data.clauseId) : undefined;
    const { start, end } = body.data;
    if (text === undefined || !(start < end && end <= text.length)) throw VersionErrors.VERSION_BAD_RANGE();
    const placement: PlacementRecord = { ...current, state: 'placed', manual: true, clauseId: body.data.clauseId, start, end, quote: quoteAt(text, start, end), score: 1 };
    ctx.db.transaction(() => {
      savePlacements(ctx.db, reviewId, seq, [placement], session.user.id);
      audit(ctx.db, {
        userId: session.user.id,
        reviewId,
        action: 'finding.reattached',
        target: annotationId,
        details: { version: seq, clauseId: body.data.clauseId, start, end, was: { state: current.state, clauseId: current.clauseId } },
      });
    })();
    sendJson(res, contract.reattach, { placement: storedPlacements(ctx.db, reviewId, seq).find((p) => p.annotationId === annotationId)! });
  });
}
