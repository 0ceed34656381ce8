export { buildConclusion, buildComparativeTableDocument, conclusionTitle, effectiveFields, tableTitle, type BuildOptions } from './build';
export { FALLBACK_CRITERIA, resolveCriterion, type ConclusionCriterion } from './criteria';
export type * from './document';
export { renderConclusionHtml, escapeHtml } from './html';
export { validateConclusion, missingFieldLabels, REQUIRED_FIELDS, REQUIRED_FIELD_LABELS, type RequiredField } from './validate';
export { confirmedFindings, proposedWording, clauseLabel, explanationOf } from './confirmed';
export { cleanText, cleanLine, paragraphsOf } from './sanitize';
