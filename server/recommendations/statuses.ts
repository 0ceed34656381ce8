import { draftLanguage } from '../../shared/conclusion/confirmed';
import type { RecommendationStatus } from '../../shared/contract/recommendations';
import { recommendationsOf, type Recommendation } from '../../shared/readings/recommendations';
import { loadReviewModel } from '../collab/model';
import { storedVersionTree } from '../versions/store';
import type { AppContext } from '../context';
import { workingCopyReviser } from '../export/agreed-wording';
import { ExportErrors } from '../export/errors';
import { loadModelForExport, loadTreeForExport } from '../export/model-source';
import { storedDraft } from '../reviews/current-draft';
import { RecommendationErrors } from './errors';
import { prefillStatuses } from './prefill';
import { laterReading } from './readings';
import { listStatuses } from './store';

/**
 * The recommendations made on versions 2 … seq − 1 (issue 16: experts annotate a later reading too),
 * each on its own version's text, followed to reading `seq` from there.
 */
async function madeOnLaterVersions(ctx: AppContext, reviewId: string, seq: number): Promise<Recommendation[]> {
  const out: Recommendation[] = [];
  for (let version = 2; version < seq; version++) {
    const tree = storedVersionTree(ctx.db, reviewId, version);
    if (!tree) continue;
    const model = await loadReviewModel(ctx, reviewId, { version, withText: false });
    const own = { ...model, findings: model.findings.filter((f) => f.draftVersion === version) };
    for (const r of recommendationsOf(own, tree, workingCopyReviser(draftLanguage(tree)))) out.push({ ...r, fromVersion: version });
  }
  return out;
}

/**
 * The statuses of a reading. While the reading exists the detector runs again on every read over the
 * review's current recommendations (a finding confirmed after the reading was added gets its status
 * too; a status the secretary decided stays hers), and only current recommendations are listed.
 * Without the reading (the versions module absent) what is stored is all there is.
 */
export async function readingStatuses(ctx: AppContext, reviewId: string, seq: number): Promise<RecommendationStatus[]> {
  const reading = laterReading(ctx.db, reviewId, seq);
  if (!reading) {
    const stored = listStatuses(ctx.db, reviewId, seq);
    if (stored.length === 0) throw RecommendationErrors.READING_NOT_FOUND();
    return stored;
  }
  const draft = storedDraft(ctx.db, reviewId);
  if (!draft) throw ExportErrors.EXPORT_NO_DRAFT();
  const [model, tree] = await Promise.all([loadModelForExport(ctx, reviewId), loadTreeForExport(ctx, reviewId, draft)]);
  const recommendations = [...recommendationsOf(model, tree, workingCopyReviser(draftLanguage(tree))), ...(await madeOnLaterVersions(ctx, reviewId, seq))];
  const current = prefillStatuses(ctx.db, reviewId, reading, recommendations);
  const ids = new Set(current.map((d) => d.findingId));
  return listStatuses(ctx.db, reviewId, seq).filter((s) => ids.has(s.findingId));
}

