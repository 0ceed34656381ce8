import type { MergedFinding } from '../review-model';

/**
 * A positive norm: the engine's positive note (a quota, a data obligation), an expert's finding
 * recorded as positive, or a confirmed finding the secretary marked as good practice. It is reported in
 * the analysis by criteria, never as a row of the table of proposals: there is nothing to change.
 */
export function isPositive(finding: MergedFinding, goodPractice: ReadonlySet<string>): boolean {
  return finding.polarity === 'positive' || goodPractice.has(finding.id);
}
