import type { I18nText } from '../../shared/i18n/lang';
import { api } from '../api';

export interface ChecklistCriterion {
  id: string;
  title: I18nText;
  guidance: I18nText;
  severity: string;
  questions: Array<{ id: string; text: I18nText }>;
}

export interface ClientChecklist {
  id: string;
  version: string;
  criteria: ChecklistCriterion[];
}

let cached: Promise<ClientChecklist> | null = null;

/** The checklist (criteria and questions) from GET /api/checklists/current, fetched once per page. */
export function loadChecklist(): Promise<ClientChecklist> {
  cached ??= api<ClientChecklist>('GET', '/api/checklists/current').catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** Stable colour slot per criterion (eight colour classes in the stylesheet). */
export function criterionSlot(criteria: readonly ChecklistCriterion[], criterionId: string): number {
  const index = criteria.findIndex((c) => c.id === criterionId);
  if (index >= 0) return index % 8;
  let hash = 0;
  for (const ch of criterionId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % 8;
}
