import type { ReviewModel } from '../../shared/review-model';
import type { Highlight } from '../editor/highlights';
import { t, type StringKey } from '../i18n/i18n';
import { criterionSlot, type ChecklistCriterion } from './checklist-data';
import { listedItems } from './findings-panel';

/** Highlights closer than this (in characters: a space, a comma) read as one run of colour. */
const NEIGHBOUR_GAP = 2;

/**
 * The findings and comments drawn over the draft: those with words to mark (an orphaned or emptied
 * anchor marks nothing), coloured by criterion and severity, labelled in the interface's language.
 * Neighbours — highlights touching or a space apart in one clause — alternate a second style
 * (hl--alt: hatched, with an edge), so two findings side by side never read as one, even under one
 * criterion's colour.
 */
export function highlightsOf(model: ReviewModel, criteria: readonly ChecklistCriterion[], criterionTitle: (id: string) => string): Highlight[] {
  const drawn = listedItems(model)
    .filter((i) => i.position && i.position.state !== 'orphaned' && i.position.end > i.position.start)
    .map((i) => ({
      id: i.id,
      clauseId: i.position!.clauseId,
      start: i.position!.start,
      end: i.position!.end,
      className: `${i.kind === 'comment' ? 'hl--comment' : `crit-${criterionSlot(criteria, i.criterionId)}`}${i.severity ? ` sev-${i.severity}` : ''}${i.status === 'resolved' ? ' hl--resolved' : ''}${i.origin === 'engine' ? ' hl--engine' : ''}`,
      label: i.kind === 'comment' ? t('cardComment') : `${criterionTitle(i.criterionId)}${i.severity ? ` — ${t(`severity_${i.severity}` as StringKey)}` : ''}`,
    }));
  return alternateNeighbours(drawn);
}

/**
 * Marks with hl--alt every other highlight of a row of neighbours: one that starts at most
 * NEIGHBOUR_GAP after another ends, in the same clause, takes the other style than the nearest such
 * one. Overlapping and nested highlights are told apart by their padding already and do not count.
 */
export function alternateNeighbours(highlights: Highlight[]): Highlight[] {
  const byClause = new Map<string, Highlight[]>();
  for (const hl of highlights) byClause.set(hl.clauseId, [...(byClause.get(hl.clauseId) ?? []), hl]);
  const alt = new Set<string>();
  for (const list of byClause.values()) {
    const placed: Highlight[] = [];
    for (const hl of [...list].sort((a, b) => a.start - b.start || b.end - a.end)) {
      let nearest: Highlight | null = null;
      for (const other of placed) if (other.end <= hl.start && hl.start - other.end <= NEIGHBOUR_GAP && (!nearest || other.end > nearest.end)) nearest = other;
      if (nearest && !alt.has(nearest.id)) alt.add(hl.id);
      placed.push(hl);
    }
  }
  return highlights.map((hl) => (alt.has(hl.id) ? { ...hl, className: `${hl.className} hl--alt` } : hl));
}
