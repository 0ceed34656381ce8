import type { RecommendationStats, StatsRow } from '../../shared/contract/recommendations';
import { FALLBACK_CRITERIA, resolveCriterion } from '../../shared/conclusion/criteria';
import type { Lang } from '../../shared/i18n/lang';
import type { AdoptionStatus } from '../../shared/readings/adoption-status';
import { recommendationsOf, type Recommendation } from '../../shared/readings/recommendations';
import { listCommittees } from '../committees/store';
import type { AppContext } from '../context';
import { loadModelForExport, loadTreeForExport } from '../export/model-source';
import { storedDraft } from '../reviews/current-draft';
import { issuedCopy } from '../reviews/issued-copy';
import { listReviews } from '../reviews/store';
import type { Db } from '../storage/db';
import { latestDecided } from './store';

/**
 * The Alliance-wide figures (issue 16): over all reviews, the recommendations made (confirmed
 * findings that propose something: not positive norms or good practice) and what became of each —
 * the status the secretary confirmed in the latest reading that has one, or none yet — by the
 * committee the review is for, by criterion and by the year the review was opened.
 * An issued review is counted from the committee's copy (what was sent), the others from their docs.
 */

export const NO_COMMITTEE: Record<Lang, string> = { ru: 'Комитет не указан', ky: 'Комитет көрсөтүлгөн эмес', en: 'No committee' };
const OTHER_CRITERION: Record<Lang, string> = { ru: 'Иные вопросы', ky: 'Башка маселелер', en: 'Other issues' };

export interface CountedRecommendation {
  reviewId: string;
  committee: string | null;
  year: number;
  criterionId: string;
  status: AdoptionStatus | null;
}

/** What the figures need of a recommendation. */
type Made = Pick<Recommendation, 'findingId' | 'criterionId'>;

/**
 * Recommendations read from a review's live docs, per database, with the change number they were read
 * at (review_counts.changes goes up with every stored change of a findings or engine doc): the page
 * loaded every review's model on every request; now only those changed since. A change landing while
 * they are read leaves them stale for one request, never wrong for longer: the number is read first.
 */
const liveCache = new WeakMap<Db, Map<string, { changes: number; made: Made[] }>>();

async function madeInLiveDocs(ctx: AppContext, reviewId: string): Promise<Made[] | null> {
  const changes = (ctx.db.prepare('SELECT changes FROM review_counts WHERE review_id = ?').get(reviewId) as { changes: number } | undefined)?.changes ?? 0;
  let cache = liveCache.get(ctx.db);
  if (!cache) liveCache.set(ctx.db, (cache = new Map()));
  const known = cache.get(reviewId);
  if (known && known.changes === changes) return known.made;
  const stored = storedDraft(ctx.db, reviewId);
  if (!stored) return null;
  const [model, tree] = await Promise.all([loadModelForExport(ctx, reviewId), loadTreeForExport(ctx, reviewId, stored)]);
  const made = recommendationsOf(model, tree).map((r) => ({ findingId: r.findingId, criterionId: r.criterionId }));
  cache.set(reviewId, { changes, made });
  return made;
}

export async function collectRecommendations(ctx: AppContext): Promise<{ reviews: number; list: CountedRecommendation[] }> {
  const decided = new Map(latestDecided(ctx.db).map((d) => [`${d.reviewId}\u0000${d.findingId}`, d.status]));
  const reviews = listReviews(ctx.db);
  const list: CountedRecommendation[] = [];
  for (const review of reviews) {
    const frozen = review.status === 'issued' ? issuedCopy(ctx.db, review.id) : undefined;
    let recommendations: readonly Made[];
    if (frozen) recommendations = recommendationsOf(frozen.model, frozen.tree);
    else {
      const made = await madeInLiveDocs(ctx, review.id);
      if (!made) continue;
      recommendations = made;
    }
    const year = new Date(review.createdAt).getUTCFullYear();
    for (const r of recommendations)
      list.push({
        reviewId: review.id,
        committee: review.committee,
        year,
        criterionId: r.criterionId,
        status: decided.get(`${review.id}\u0000${r.findingId}`) ?? null,
      });
  }
  return { reviews: reviews.length, list };
}

function emptyRow(key: string, label: string): StatsRow {
  return { key, label, made: 0, adopted: 0, partly: 0, notAdopted: 0, notApplicable: 0, noStatus: 0 };
}

function count(row: StatsRow, status: AdoptionStatus | null): void {
  row.made += 1;
  if (status === 'adopted') row.adopted += 1;
  else if (status === 'partly') row.partly += 1;
  else if (status === 'not_adopted') row.notAdopted += 1;
  else if (status === 'not_applicable') row.notApplicable += 1;
  else row.noStatus += 1;
}

/** Pure: the counted recommendations grouped, with labels in the language asked for. */
export function aggregate(
  reviews: number,
  list: readonly CountedRecommendation[],
  lang: Lang,
  committeeName: (code: string) => string | undefined,
): RecommendationStats {
  const total = emptyRow('', '');
  const groups = { committee: new Map<string, StatsRow>(), criterion: new Map<string, StatsRow>(), year: new Map<string, StatsRow>() };
  const row = (map: Map<string, StatsRow>, key: string, label: () => string) => {
    let r = map.get(key);
    if (!r) map.set(key, (r = emptyRow(key, label())));
    return r;
  };
  for (const item of list) {
    count(total, item.status);
    const committee = item.committee ?? '';
    count(row(groups.committee, committee, () => (committee ? (committeeName(committee) ?? committee) : NO_COMMITTEE[lang])), item.status);
    const criterion = resolveCriterion(item.criterionId, FALLBACK_CRITERIA);
    const key = criterion?.id ?? item.criterionId;
    count(row(groups.criterion, key, () => (criterion ? criterion.title[lang] : OTHER_CRITERION[lang])), item.status);
    count(row(groups.year, String(item.year), () => String(item.year)), item.status);
  }
  const criterionOrder = (id: string) => {
    const index = FALLBACK_CRITERIA.findIndex((c) => c.id === id);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return {
    reviews,
    total,
    byCommittee: [...groups.committee.values()].sort((a, b) => b.made - a.made || a.label.localeCompare(b.label)),
    byCriterion: [...groups.criterion.values()].sort((a, b) => criterionOrder(a.key) - criterionOrder(b.key) || a.key.localeCompare(b.key)),
    byYear: [...groups.year.values()].sort((a, b) => a.key.localeCompare(b.key)),
  };
}

export async function allianceStats(ctx: AppContext, lang: Lang): Promise<RecommendationStats> {
  const { reviews, list } = await collectRecommendations(ctx);
  const names = new Map(listCommittees(ctx.db).map((c) => [c.code, c.names[lang]]));
  return aggregate(reviews, list, lang, (code) => names.get(code));
}
