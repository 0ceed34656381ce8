import type { ChecklistCriterion, ChecklistPayload } from '../contract/checklist';
import type { LegalBasis } from '../review-model';
import type { CompiledChecklist } from './compile';
import type { I18nTextData } from './format';

/**
 * A checklist as plain data, no compiled matchers: criteria, guidance, the questions the experts
 * answer yes / no / partly / n.a., legal basis and what each detector asks. The browser gets the part
 * of it the HTTP contract names (checklistPayload below); the rest serves tools and tests.
 */
export interface ChecklistSummary {
  id: string;
  version: string;
  ref: string;
  title: I18nTextData;
  criteria: Array<
    ChecklistCriterion & {
      group?: string;
      legalBasis: LegalBasis[];
      related: string[];
      /** Empty: answered by hand only. */
      detectors: Array<{ id: string; lang: 'ru' | 'ky'; level: 'clause' | 'act'; polarity: 'risk' | 'positive'; question: I18nTextData }>;
    }
  >;
}

export function summarizeChecklist(checklist: CompiledChecklist): ChecklistSummary {
  const sources = new Map(checklist.data.sources.map((s) => [s.id, s.title]));
  return {
    id: checklist.id,
    version: checklist.version,
    ref: checklist.ref,
    title: checklist.data.title,
    criteria: checklist.data.criteria.map((c) => ({
      id: c.id,
      ...(c.group ? { group: c.group } : {}),
      title: c.title,
      guidance: c.guidance,
      severity: c.severity,
      questions: c.questions.map((q) => ({ id: q.id, text: q.text })),
      legalBasis: c.legalBasis.map((b) => ({ source: b.source, title: sources.get(b.source)!, ...(b.article ? { article: b.article } : {}) })),
      related: c.related ?? [],
      detectors: checklist.detectors
        .filter((d) => d.criterionId === c.id)
        .map((d) => ({ id: d.id, lang: d.lang, level: d.level, polarity: d.polarity, question: d.question })),
    })),
  };
}

/** The checklist as GET /api/checklists/current sends it: criteria and their questions, never the detectors. */
export function checklistPayload(checklist: CompiledChecklist): ChecklistPayload {
  return {
    id: checklist.id,
    version: checklist.version,
    ref: checklist.ref,
    criteria: [...checklist.criteria.values()].map((c) => ({
      id: c.id,
      title: c.title,
      guidance: c.guidance,
      severity: c.severity,
      questions: c.questions.map((q) => ({ id: q.id, text: q.text })),
    })),
  };
}
