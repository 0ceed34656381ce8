import type { MergedFinding } from '../review-model';
import { paragraphsOf } from './sanitize';

/**
 * Why a confirmed finding is in the conclusion, as a person stated it — never the engine's question.
 * An engine candidate's explanation is a question to the expert («Не создаёт ли исключение риск …?»),
 * written in the checklist; printed as a justification it would make the conclusion ask instead of
 * conclude. So the reasoning is, first found:
 * - the secretary's justification on her final decision;
 * - for an expert's own finding, its explanation (her text, as she last edited it);
 * - the reason of the latest expert confirmation that gave one.
 * An empty string when nobody stated one: the export refuses until someone does (validate.ts).
 */
export function reasoningOf(finding: MergedFinding): string {
  const own = paragraphsOf(finding.final?.justification);
  if (own.length) return own.join(' ');
  if (finding.origin === 'expert' && typeof finding.explanation === 'string') {
    const explanation = paragraphsOf(finding.explanation);
    if (explanation.length) return explanation.join(' ');
  }
  const confirmed = finding.verdicts
    .filter((v) => v.decision === 'confirm' && paragraphsOf(v.reason).length > 0)
    .sort((a, b) => b.at - a.at)[0];
  return confirmed ? paragraphsOf(confirmed.reason).join(' ') : '';
}

/** The sentence as it stands after a label: its own first letter kept, a full stop at the end. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  return /[.!?…»"”)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
