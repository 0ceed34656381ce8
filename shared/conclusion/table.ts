import type { ClauseTree } from '../clause';
import { format, type Lang } from '../i18n/lang';
import type { LegalBasis, MergedFinding } from '../review-model';
import { resolveCriterion, type ConclusionCriterion } from './criteria';
import { clauseLabel, confirmedFindings, draftLanguage, explanationOf, proposedWording } from './confirmed';
import type { ComparativeRow, ComparativeTable } from './document';
import { cleanLine, paragraphsOf } from './sanitize';
import { TABLE_HEADERS, TABLE_TEXTS } from './strings';

/** "C2. Прямая дискриминация", or the raw id when the criterion is unknown. */
export function criterionTitle(id: string, criteria: readonly ConclusionCriterion[], lang: Lang): string {
  const criterion = resolveCriterion(id, criteria);
  return criterion ? `${cleanLine(criterion.id)}. ${cleanLine(criterion.title[lang])}` : cleanLine(id);
}

function legalBasisLine(basis: readonly LegalBasis[], lang: Lang): string | null {
  const parts = basis
    .map((b) => cleanLine([b.title[lang], b.article].filter(Boolean).join(', ')))
    .filter((p) => p.length > 0);
  return parts.length ? format(TABLE_TEXTS.legalBasis[lang], { basis: parts.join('; ') }) : null;
}

function justificationOf(finding: MergedFinding, criteria: readonly ConclusionCriterion[], lang: Lang): string[] {
  const lines = [criterionTitle(finding.criterionId, criteria, lang)];
  const own = finding.final?.justification?.trim() ? finding.final.justification : explanationOf(finding, lang);
  lines.push(...paragraphsOf(own));
  const basis = legalBasisLine(resolveCriterion(finding.criterionId, criteria)?.legalBasis ?? [], lang);
  if (basis) lines.push(basis);
  return lines;
}

/** One row per confirmed finding, in the draft's order (see confirmedFindings). */
export function buildComparativeTable(
  findings: readonly MergedFinding[],
  tree: ClauseTree,
  criteria: readonly ConclusionCriterion[],
  lang: Lang,
): ComparativeTable {
  const draftLang = draftLanguage(tree);
  const rows: ComparativeRow[] = confirmedFindings(findings, tree).map(({ finding, clause }, i) => {
    const wording = proposedWording(finding, draftLang);
    return {
      number: i + 1,
      findingId: finding.id,
      clauseId: finding.clauseId,
      clauseLabel: clause ? clauseLabel(clause) : format(TABLE_TEXTS.unknownClause[lang], { id: cleanLine(finding.clauseId) }),
      clauseText: paragraphsOf(clause ? clause.text : finding.quote.exact),
      proposed: wording ? paragraphsOf(wording) : [TABLE_TEXTS.noWording[lang]],
      justification: justificationOf(finding, criteria, lang),
    };
  });
  return {
    headers: [
      TABLE_HEADERS.number[lang],
      TABLE_HEADERS.unit[lang],
      TABLE_HEADERS.draft[lang],
      TABLE_HEADERS.proposed[lang],
      TABLE_HEADERS.justification[lang],
    ],
    rows,
    emptyText: TABLE_TEXTS.noFindings[lang],
  };
}
