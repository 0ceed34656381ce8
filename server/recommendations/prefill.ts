import { findClause, type ClauseTree } from '../../shared/clause';
import { detectAdoption } from '../../shared/readings/adoption-status';
import type { Recommendation } from '../../shared/readings/recommendations';
import { guessLang } from '../../shared/readings/words';
import type { Db } from '../storage/db';
import { storeDetected, type Detected } from './store';

/** Where a recommendation's clause went in the reading: null deleted, undefined not known. */
export type Counterpart = (clauseId: string, fromVersion?: number) => string | null | undefined;

/**
 * The detector's status of every recommendation in a later reading: the clause it was made on is
 * followed to the reading by the versions' alignment and compared with what the recommendation
 * asked (shared/readings/adoption-status.ts). A clause the alignment does not know counts as deleted.
 * Stored at once (the secretary's decisions stay); returns what it stored.
 */
export function prefillStatuses(
  db: Db,
  reviewId: string,
  reading: { seq: number; tree: ClauseTree; counterpart: Counterpart },
  recommendations: readonly Recommendation[],
): Detected[] {
  const lang = reading.tree.meta.language === 'ky' ? 'ky' : reading.tree.meta.language === 'ru' ? 'ru' : undefined;
  const list = recommendations.map((r): Detected => {
    const newClauseId = reading.counterpart(r.clauseId, r.fromVersion ?? 1) ?? null;
    const next = newClauseId === null ? null : (findClause(reading.tree, newClauseId)?.text ?? null);
    const result = detectAdoption({
      criticised: r.criticised,
      drafted: r.drafted,
      proposed: r.proposed,
      next,
      lang: lang ?? guessLang(r.drafted),
    });
    const { newText, diff, removed, added, score } = result.evidence;
    return {
      findingId: r.findingId,
      criterionId: r.criterionId,
      clauseId: r.clauseId,
      newClauseId: next === null ? null : newClauseId,
      detected: result.status,
      evidence: {
        clauseLabel: r.clauseLabel,
        criticised: r.criticised,
        drafted: r.drafted,
        proposed: r.proposed,
        evidence: { newText, diff, removed, added, score },
      },
    };
  });
  storeDetected(db, reviewId, reading.seq, list);
  return list;
}
