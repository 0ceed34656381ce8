import type { AmendedUnit } from '../../shared/conclusion/table';
import type { AppContext } from '../context';
import { reviewAmendments } from './outcome';
import { attached } from './store';

/**
 * For the conclusion's table (issue 20): when the review's amendment law has base acts attached, each applied
 * instruction's unit before and after, so the table takes the KR committee form (current wording | the draft's |
 * the Alliance's | justification). Undefined for any other review: its table stays as it was.
 */
export async function amendedUnitsForExport(ctx: AppContext, reviewId: string): Promise<AmendedUnit | undefined> {
  if (attached(ctx.db, reviewId).length === 0) return undefined;
  const found = await reviewAmendments(ctx, reviewId);
  if (!found) return undefined;
  const byInstruction = new Map(found.outcome.results.filter((r) => r.status === 'applied').map((r) => [r.instructionId, { before: r.before, after: r.after }]));
  return (clauseId) => byInstruction.get(clauseId);
}
