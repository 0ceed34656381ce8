import { upsertCandidates } from '../../../shared/collab/engine-doc';
import { analyseDraft } from '../../checklist/service';
import { getImport, recordReviewChecklist } from '../../reviews/store';
import { SERVER_ORIGIN } from '../room';
import type { CollabExtension } from '../extension';

/**
 * A review's first ENGINE load runs the checklist engine over the imported draft. A failure leaves
 * the doc empty and is logged: the experts can still work, and a rerun on demand fills it.
 */
export const firstAnalysis: CollabExtension = {
  name: 'first-analysis',
  async afterLoadDocument({ deps, room, storedRows }) {
    if (storedRows !== 0 || room.name !== 'engine') return;
    const imported = getImport(deps.db, room.reviewId);
    if (!imported) return;
    try {
      const analysis = await analyseDraft(imported.tree);
      if (room.discarded || room.doc.isDestroyed) return;
      upsertCandidates(room.doc, analysis.checklist, analysis.findings, SERVER_ORIGIN);
      recordReviewChecklist(deps.db, room.reviewId, analysis.checklist);
    } catch (err) {
      console.error(`[collab] checklist analysis of review ${room.reviewId} failed:`, err);
    }
  },
};
