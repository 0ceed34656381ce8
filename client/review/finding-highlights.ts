import { groupAfterDismissal } from '../../shared/checklist/grouping';
import type { ReviewModel } from '../../shared/review-model';
import type { Highlight } from '../editor/highlights';
import { t, type StringKey } from '../i18n/i18n';
import { criterionSlot, type ChecklistCriterion } from './checklist-data';
import { listedItems } from './findings-panel';
import { alternateNeighbours } from './highlight-neighbours';

/**
 * The findings and comments drawn over the draft: those with words to mark (an orphaned or emptied
 * anchor marks nothing), coloured by criterion and severity, labelled in the interface's language.
 * Neighbours — highlights touching or a space apart in one clause — alternate a second style
 * (hl--alt: hatched, with an edge), so two findings side by side never read as one, even under one
 * criterion's colour. An engine candidate grouped under a dismissed one (issue 15) is muted, like a
 * resolved one: it is no open work.
 */
export function highlightsOf(model: ReviewModel, criteria: readonly ChecklistCriterion[], criterionTitle: (id: string) => string): Highlight[] {
  const grouped = groupAfterDismissal(model.findings);
  const drawn = listedItems(model)
    .filter((i) => i.position && i.position.state !== 'orphaned' && i.position.end > i.position.start)
    .map((i) => ({
      id: i.id,
      clauseId: i.position!.clauseId,
      start: i.position!.start,
      end: i.position!.end,
      className: `${i.kind === 'comment' ? 'hl--comment' : `crit-${criterionSlot(criteria, i.criterionId)}`}${i.severity ? ` sev-${i.severity}` : ''}${i.status === 'resolved' ? ' hl--resolved' : ''}${i.origin === 'engine' ? ' hl--engine' : ''}${grouped.has(i.id) ? ' hl--grouped' : ''}`,
      label: i.kind === 'comment' ? t('cardComment') : `${criterionTitle(i.criterionId)}${i.severity ? ` — ${t(`severity_${i.severity}` as StringKey)}` : ''}${grouped.has(i.id) ? t('findingGroupsHighlight') : ''}`,
    }));
  return alternateNeighbours(drawn);
}
