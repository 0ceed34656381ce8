import type { MergedFinding } from '../review-model';
import { outcomeOf } from './outcome';
import { normalizeSpanText } from './normalize';

/**
 * Once an engine candidate is dismissed in a review, the same detector's candidates on the same words
 * elsewhere in that review are grouped under it instead of being repeated (issue 15): the expert said
 * once that these words are no finding. Only candidates nobody has acted on are grouped — a verdict, a
 * final decision or a reply keeps a candidate on its own. Returns grouped id → the dismissed one's id.
 */
export function groupAfterDismissal(findings: readonly MergedFinding[]): Map<string, string> {
  const key = (f: MergedFinding) => `${f.detectorId ?? ''}\u0000${normalizeSpanText(f.quote.exact)}`;
  const dismissed = new Map<string, string>();
  for (const f of findings) {
    if (f.origin !== 'engine' || !f.detectorId || outcomeOf(f) !== 'dismissed') continue;
    if (!dismissed.has(key(f))) dismissed.set(key(f), f.id);
  }
  const grouped = new Map<string, string>();
  if (dismissed.size === 0) return grouped;
  for (const f of findings) {
    if (f.origin !== 'engine' || !f.detectorId || f.verdicts.length > 0 || f.final || f.replies.length > 0) continue;
    const under = dismissed.get(key(f));
    if (under && under !== f.id) grouped.set(f.id, under);
  }
  return grouped;
}
