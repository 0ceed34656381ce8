import type { Db } from '../../server/storage/db';
import { storeDetected, type Detected } from '../../server/recommendations/store';
import type { AdoptionStatus } from '../../shared/readings/adoption-status';

/** Statuses of a later reading straight in the table, as the detector would store them (for the tests of who may read and decide). */
export function seedStatuses(
  db: Db,
  reviewId: string,
  seq: number,
  items: ReadonlyArray<{ findingId: string; criterionId?: string; detected?: AdoptionStatus; newText?: string | null }>,
): void {
  const list: Detected[] = items.map((item) => ({
    findingId: item.findingId,
    criterionId: item.criterionId ?? 'C8',
    clauseId: 'a1.p1',
    newClauseId: item.newText === null ? null : 'a1.p1',
    detected: item.detected ?? 'adopted',
    evidence: {
      clauseLabel: 'Статья 1, часть 1',
      criticised: 'матерям',
      drafted: 'Пособие выплачивается матерям.',
      proposed: 'Пособие выплачивается родителям.',
      evidence: {
        newText: item.newText === undefined ? 'Пособие выплачивается родителям.' : item.newText,
        diff: [
          { op: 'same', text: 'Пособие выплачивается ' },
          { op: 'del', text: 'матерям.' },
          { op: 'ins', text: 'родителям.' },
        ],
        removed: [{ word: 'матерям', gone: true }],
        added: [{ word: 'родителям', present: true }],
        score: 1,
      },
    },
  }));
  storeDetected(db, reviewId, seq, list);
}
