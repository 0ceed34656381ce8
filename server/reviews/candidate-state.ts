import type { MergedFinding } from '../../shared/review-model';

/** An engine candidate someone dismissed — finally, or as an expert — stays dismissed through a rerun. */
export function dismissedByAnyone(finding: MergedFinding): boolean {
  return finding.origin === 'engine' && (finding.final?.decision === 'dismissed' || finding.verdicts.some((v) => v.decision === 'dismiss'));
}

/** Nobody acted on it: no verdict, no final decision, no reply — it may be taken back. */
export function untouched(finding: MergedFinding): boolean {
  return !finding.final && finding.verdicts.length === 0 && finding.replies.length === 0;
}
