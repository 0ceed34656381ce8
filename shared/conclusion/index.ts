// The conclusion, as data shared by the server (DOCX export) and the browser (form, preview).
export { buildConclusion, buildComparativeTableDocument, conclusionTitle, effectiveFields, tableTitle, type BuildOptions } from './build';
export { buildCriteriaAnalysis, criterionName, type AnalysisInput } from './analysis';
export { buildComparativeTable, criterionTitle, latestWording, type UnitReviser } from './table';
export { FALLBACK_CRITERIA, criteriaInOrder, resolveCriterion, type ConclusionCriterion } from './criteria';
export { criteriaFromChecklist } from './checklist-criteria';
export type * from './document';
export { renderConclusionHtml, renderLanguageNotice, escapeHtml } from './html';
export {
  validateConclusion,
  missingFieldLabels,
  conclusionProblems,
  problemsText,
  REQUIRED_FIELDS,
  REQUIRED_FIELD_LABELS,
  type RequiredField,
  type Problem,
} from './validate';
export { confirmedFindings, proposedWording, clauseLabel, explanationOf, type ConfirmedFinding } from './confirmed';
export { reasoningOf } from './reasoning';
export { clauseReferences, type ClauseRef } from './clause-ref';
export { citeBasis } from './citations';
export { actPhrase } from './act-title';
export { typedInOtherLanguage, guessLanguage, type OtherLanguageText } from './typed-language';
export { checkDate, displayDate } from './dates';
export { cleanText, cleanLine, paragraphsOf } from './sanitize';
