import type { ConclusionCriterion } from '../../shared/conclusion/criteria';
import { criteriaFromChecklist } from '../../shared/conclusion/checklist-criteria';
import { DEFAULT_CHECKLIST_ID, loadChecklists } from '../checklist/service';
import type { AppContext } from '../context';
import { getReview } from '../reviews/store';

/**
 * The criteria of the checklist the review was checked against (its own, else the default one), with
 * legal-basis titles. The checklists are loaded once per process and shared with the engine. When they
 * cannot be loaded (a file being edited is invalid), the export still goes out with the C1–C17 fallback
 * titles and no legal-basis line — a broken checklist must not block a conclusion — and says so in the log.
 */
export async function criteriaForReview(ctx: AppContext, reviewId: string): Promise<ConclusionCriterion[] | undefined> {
  const checklistId = getReview(ctx.db, reviewId)?.checklistId ?? DEFAULT_CHECKLIST_ID;
  try {
    const checklists = await loadChecklists();
    const loaded = checklists.get(checklistId) ?? checklists.get(DEFAULT_CHECKLIST_ID);
    return loaded ? criteriaFromChecklist(loaded.checklist.data) : undefined;
  } catch (err) {
    console.warn(`[export] checklist ${checklistId} unavailable, using the built-in C1–C17 titles:`, err);
    return undefined;
  }
}
