import type { ClauseTree } from '../clause';
import { clauseLabel, confirmedFindings, draftLanguage, proposedWording } from '../conclusion/confirmed';
import { isPositive } from '../conclusion/positive';
import { cleanLine } from '../conclusion/sanitize';
import type { UnitReviser } from '../conclusion/table';
import type { ReviewModel } from '../review-model';

/**
 * The Alliance's recommendations in a review: every finding the secretary confirmed for the
 * conclusion, except positive norms and good practice (they propose nothing). Each with what the
 * adoption detector compares with a later reading: the criticised words, the clause as drafted and
 * the clause as the recommendation would have it.
 */
export interface Recommendation {
  findingId: string;
  criterionId: string;
  clauseId: string;
  /** «Статья 14, часть 2» as the draft labels it (or the clause's opening words). */
  clauseLabel: string;
  criticised: string;
  /** The clause's text in the reading the recommendation was made on ('' when it is gone from it). */
  drafted: string;
  /** The clause as proposed: the wording applied to it (the working copy's rule when given). */
  proposed: string;
  /** The proposed wording as typed; empty when the finding proposes no words. */
  wording: string;
  /** The version of the draft it was made on (absent: 1); `clauseId` and `drafted` are of that version. */
  fromVersion?: number;
}

export function recommendationsOf(model: ReviewModel, tree: ClauseTree, reviseUnit?: UnitReviser): Recommendation[] {
  const goodPractice = new Set(model.conclusion.goodPractice ?? []);
  const lang = draftLanguage(tree);
  return confirmedFindings(model.findings, tree)
    .filter(({ finding }) => !isPositive(finding, goodPractice))
    .map(({ finding, clause }) => {
      const drafted = clause?.text ?? '';
      const wording = cleanLine(proposedWording(finding, lang));
      const criticised = finding.quote.exact;
      let proposed: string;
      if (!wording) proposed = criticised && drafted.includes(criticised) ? drafted.replace(criticised, ' ').replace(/\s+/g, ' ').trim() : drafted;
      else proposed = (clause && reviseUnit?.(clause, [finding])) || applyWording(drafted, criticised, wording);
      return {
        findingId: finding.id,
        criterionId: finding.criterionId,
        clauseId: finding.clauseId,
        clauseLabel: clause ? clauseLabel(clause) : cleanLine(criticised).slice(0, 80),
        criticised,
        drafted,
        proposed,
        wording,
      };
    });
}

/** Without the working copy's rule: a wording as long as most of the clause restates it, a shorter one replaces the quote. */
function applyWording(drafted: string, quote: string, wording: string): string {
  if (!drafted || !quote || !drafted.includes(quote) || wording.length >= drafted.length * 0.6) return wording;
  return drafted.replace(quote, wording);
}
