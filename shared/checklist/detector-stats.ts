import type { ChecklistStats, ChecklistStatsRow } from '../contract/checklist';
import { FALLBACK_CRITERIA, resolveCriterion } from '../conclusion/criteria';
import type { Lang } from '../i18n/lang';
import type { MergedFinding } from '../review-model';
import { groupAfterDismissal } from './grouping';
import { outcomeOf } from './outcome';

export { outcomeOf, type CandidateOutcome } from './outcome';

/**
 * What became of the engine's candidates (issue 15), so a noisy detector is seen and fixed in the
 * checklist data. A candidate counts as confirmed or dismissed by the secretary's final decision, and
 * before she decides by the latest expert verdict on it; otherwise it is open. Dismissal reasons are
 * the experts' (and the secretary's justification when she dismisses), counted as written, trimmed.
 * An open candidate grouped under a dismissed one in its review (grouping.ts) counts as grouped, not
 * open: the experts said once that these words are no finding, and it is no work waiting.
 */

export function dismissalReasons(finding: Pick<MergedFinding, 'final' | 'verdicts'>): string[] {
  const reasons = finding.verdicts.filter((v) => v.decision === 'dismiss').map((v) => (v.reason ?? '').trim());
  if (finding.final?.decision === 'dismissed' && finding.final.justification?.trim()) reasons.push(finding.final.justification.trim());
  return reasons;
}

const UNKNOWN_DETECTOR = '—';
const MAX_REASONS = 10;

/** Pure: the engine findings of every review, grouped by detector and by criterion. */
export function aggregateDetectorStats(reviews: ReadonlyArray<readonly MergedFinding[]>, lang: Lang): ChecklistStats {
  const byDetector = new Map<string, ChecklistStatsRow & { reasonCounts: Map<string, number> }>();
  const byCriterion = new Map<string, ChecklistStatsRow & { reasonCounts: Map<string, number> }>();
  const title = (criterionId: string) => resolveCriterion(criterionId, FALLBACK_CRITERIA)?.title[lang] ?? criterionId;
  const row = (map: typeof byDetector, key: string, criterionId: string) => {
    let r = map.get(key);
    if (!r) map.set(key, (r = { key, label: title(criterionId), criterionId, made: 0, confirmed: 0, dismissed: 0, grouped: 0, open: 0, reasons: [], reasonCounts: new Map() }));
    return r;
  };
  for (const findings of reviews) {
    const grouped = groupAfterDismissal(findings);
    for (const f of findings) {
      if (f.origin !== 'engine') continue;
      const outcome = grouped.has(f.id) ? 'grouped' : outcomeOf(f);
      const reasons = outcome === 'dismissed' ? dismissalReasons(f) : [];
      for (const r of [row(byDetector, f.detectorId ?? UNKNOWN_DETECTOR, f.criterionId), row(byCriterion, f.criterionId, f.criterionId)]) {
        r.made += 1;
        r[outcome] += 1;
        if (outcome === 'dismissed')
          for (const reason of reasons.length ? reasons : ['']) r.reasonCounts.set(reason, (r.reasonCounts.get(reason) ?? 0) + 1);
      }
    }
  }
  const finish = (map: typeof byDetector): ChecklistStatsRow[] =>
    [...map.values()].map(({ reasonCounts, ...r }) => ({
      ...r,
      reasons: [...reasonCounts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, MAX_REASONS)
        .map(([reason, count]) => ({ reason, count })),
    }));
  const criterionOrder = (id: string) => {
    const index = FALLBACK_CRITERIA.findIndex((c) => c.id === id);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return {
    reviews: reviews.length,
    // The noisiest rules first: most dismissed, then most made.
    byDetector: finish(byDetector).sort((a, b) => b.dismissed - a.dismissed || b.made - a.made || a.key.localeCompare(b.key)),
    byCriterion: finish(byCriterion).sort((a, b) => criterionOrder(a.key) - criterionOrder(b.key) || a.key.localeCompare(b.key)),
  };
}
