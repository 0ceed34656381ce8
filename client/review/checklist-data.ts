import { checklist } from '../../shared/contract';
import { apiCall } from '../api';

/** The checklist as the contract defines it (shared/contract/checklist.ts): criteria and their questions. */
export type ClientChecklist = checklist.ChecklistPayload;
export type ChecklistCriterion = checklist.ChecklistCriterion;

let cached: Promise<ClientChecklist> | null = null;

/** The checklist (criteria and questions) from GET /api/checklists/current, fetched once per page. */
export function loadChecklist(): Promise<ClientChecklist> {
  cached ??= apiCall(checklist.currentChecklist).catch((error: unknown) => {
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
