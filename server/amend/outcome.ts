import type { ClauseTree } from '../../shared/clause';
import { applyAmendments, type BaseAct } from '../../shared/amend/apply';
import { actsNeeded, instructionsOf } from '../../shared/amend/instructions';
import type { ApplyOutcome } from '../../shared/amend/result';
import type { AppContext } from '../context';
import { currentDraftTree, storedDraft } from '../reviews/current-draft';
import { attached, baseActTree } from './store';

export interface ReviewAmendments {
  /** The amendment law as the review holds it now (the secretary's corrections included). */
  amending: ClauseTree;
  needed: string[];
  outcome: ApplyOutcome;
}

/**
 * The review's amendment law applied to the base acts attached to it, computed on demand from the current text
 * (so a corrected instruction is applied as corrected) — nothing of it is stored.
 */
export async function reviewAmendments(ctx: AppContext, reviewId: string): Promise<ReviewAmendments | undefined> {
  const stored = storedDraft(ctx.db, reviewId);
  if (!stored) return undefined;
  const amending = await currentDraftTree(ctx, reviewId, stored);
  const acts: BaseAct[] = [];
  for (const a of attached(ctx.db, reviewId)) {
    const tree = baseActTree(ctx.db, a.act.id);
    if (tree) acts.push({ key: a.act.id, title: a.act.title, aliases: a.forTitle ? [a.forTitle] : [], tree });
  }
  return { amending, needed: actsNeeded(amending), outcome: applyAmendments(instructionsOf(amending), acts) };
}
