import type { ChecklistData } from '../checklist/format';
import type { LegalBasis } from '../review-model';
import type { ConclusionCriterion } from './criteria';

/**
 * The checklist's criteria as the conclusion lists them: its titles, and its legal-basis references
 * resolved to the titles of its sources ("kg-184" → «Закон КР № 184 …»), for the table's justification.
 * A reference to an unknown source is skipped: the compiler reports it, the conclusion must not fail.
 */
export function criteriaFromChecklist(data: Pick<ChecklistData, 'sources' | 'criteria'>): ConclusionCriterion[] {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  return data.criteria.map((criterion) => ({
    id: criterion.id,
    title: criterion.title,
    legalBasis: criterion.legalBasis.flatMap((ref): LegalBasis[] => {
      const source = sources.get(ref.source);
      return source ? [{ source: source.id, title: source.title, ...(ref.article ? { article: ref.article } : {}) }] : [];
    }),
  }));
}
