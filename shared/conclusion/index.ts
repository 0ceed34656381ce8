// The conclusion, as data shared by the server (DOCX export) and the browser (form, preview).
export { buildConclusion, buildComparativeTableDocument, conclusionTitle, effectiveFields, tableTitle, type BuildOptions } from './build';
export { buildCriteriaAnalysis, type AnalysisInput } from './analysis';
export { buildComparativeTable, criterionTitle } from './table';
export { FALLBACK_CRITERIA, criteriaInOrder, resolveCriterion, type ConclusionCriterion } from './criteria';
export { criteriaFromChecklist } from './checklist-criteria';
export type * from './document';
export { renderConclusionHtml, escapeHtml } from './html';
export { validateConclusion, missingFieldLabels, REQUIRED_FIELDS, REQUIRED_FIELD_LABELS, type RequiredField } from './validate';
export { confirmedFindings, proposedWording, clauseLabel, explanationOf, type ConfirmedFinding } from './confirmed';
export { cleanText, cleanLine, paragraphsOf } from './sanitize';
