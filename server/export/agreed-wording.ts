import type { Clause } from '../../shared/clause';
import { proposedWording } from '../../shared/conclusion/confirmed';
import { cleanLine, cleanText } from '../../shared/conclusion/sanitize';
import type { UnitReviser } from '../../shared/conclusion/table';
import type { Lang } from '../../shared/i18n/lang';
import { revisedUnit, type Proposal } from './unit-revision';
import { locateQuote } from './working-copy-plan';

/**
 * The comparative table's proposed wording for a unit is what the working copy proposes for it: the
 * unit's text with every confirmed wording applied by the working copy's own rule (unit-revision.ts —
 * a restatement replaces the unit, wordings that do not overlap all apply, the later decision wins
 * where they do). The proposals are made exactly as working-copy-docx.ts makes them for the unit's
 * tracked change: the unit's text on one line, each quote found again by its context, each wording on
 * one line, each dated by the secretary's decision.
 */
export function workingCopyReviser(draftLang: Lang | undefined): UnitReviser {
  return (clause: Clause, findings) => {
    const text = cleanText(clause.text).replace(/\n/g, ' ');
    const context = (value: string) => cleanText(value).replace(/\s+/g, ' ');
    const proposals: Proposal[] = [];
    for (const finding of findings) {
      const wording = proposedWording(finding, draftLang);
      if (!wording) continue;
      const quote = finding.quote;
      const located = locateQuote(text, { exact: cleanLine(quote.exact), prefix: context(quote.prefix), suffix: context(quote.suffix) });
      proposals.push({ wording: cleanLine(wording), quote: located, at: finding.final?.at ?? 0 });
    }
    return proposals.length ? revisedUnit(text, proposals) : null;
  };
}
