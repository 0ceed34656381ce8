import type { MergedFinding } from '../review-model';

/**
 * What became of an engine candidate (issue 15): confirmed or dismissed by the secretary's final
 * decision, and before she decides by the latest expert verdict on it; otherwise open. Its own file,
 * so the grouping (grouping.ts) and the figures (detector-stats.ts, which use the grouping) share it.
 */
export type CandidateOutcome = 'confirmed' | 'dismissed' | 'open';

export function outcomeOf(finding: Pick<MergedFinding, 'final' | 'verdicts'>): CandidateOutcome {
  if (finding.final) return finding.final.decision;
  const latest = [...finding.verdicts].sort((a, b) => b.at - a.at)[0];
  if (!latest) return 'open';
  return latest.decision === 'confirm' ? 'confirmed' : 'dismissed';
}
