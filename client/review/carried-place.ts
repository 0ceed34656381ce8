import type { CarriedPlacement, ResolvedAnchor } from '../../shared/review-model';

/**
 * Where a carried annotation is, as the list sees it: an orphan (or one not carried yet) has no place
 * in this version — its clause id is an earlier version's, which may name another unit here — so it
 * gets neither a position nor a clause (it is listed last, in no article, never highlighted).
 */
export function placeInVersion(position: ResolvedAnchor | undefined, clauseId: string, carried: CarriedPlacement | undefined): { position?: ResolvedAnchor; clauseId: string } {
  if (carried && (carried.state === 'orphaned' || carried.state === 'pending')) return { clauseId: '' };
  return { ...(position ? { position } : {}), clauseId: position?.clauseId ?? clauseId };
}
