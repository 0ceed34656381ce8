import type express from 'express';
import type { Request } from 'express';
import { checklist as contract } from '../../shared/contract';
import type { ChecklistStats, ChecklistStatsRow } from '../../shared/contract/checklist';
import { aggregateDetectorStats } from '../../shared/checklist/detector-stats';
import { isLang, type Lang } from '../../shared/i18n/lang';
import type { MergedFinding } from '../../shared/review-model';
import { CSV_BOM, csvRow } from '../admin/csv';
import { audit } from '../audit';
import { requireVerb } from '../auth/review-guard';
import type { AppContext } from '../context';
import { loadModelForExport } from '../export/model-source';
import { reviewNow } from '../versions/review-now';
import { latestSeq } from '../versions/store';
import { requestLang } from '../http/errors';
import { sendJson } from '../http/send-json';
import { storedDraft } from '../reviews/current-draft';
import { issuedCopy } from '../reviews/issued-copy';
import { listReviews } from '../reviews/store';

/**
 * GET /api/checklists/stats and stats.csv (issue 15): over all reviews, per detector and per
 * criterion, the engine's candidates made, confirmed, dismissed, grouped and still open, with the dismissal
 * reasons — for the secretary (and the admin), like the Alliance-wide figures: verb readAllianceStats.
 * An issued review counts from the committee's copy, the others from their docs.
 */
export async function detectorStats(ctx: AppContext, lang: Lang): Promise<ChecklistStats> {
  const perReview: MergedFinding[][] = [];
  for (const review of listReviews(ctx.db)) {
    const frozen = review.status === 'issued' ? issuedCopy(ctx.db, review.id) : undefined;
    if (frozen) perReview.push(frozen.model.findings);
    // A review with later readings counts as it stands now: each candidate once, its own versions' too.
    else if (storedDraft(ctx.db, review.id)) perReview.push((latestSeq(ctx.db, review.id) >= 2 ? await reviewNow(ctx, review.id) : await loadModelForExport(ctx, review.id)).findings);
  }
  return aggregateDetectorStats(perReview, lang);
}

const CSV_HEADERS: Record<Lang, string[]> = {
  ru: ['Разрез', 'Правило или критерий', 'Критерий', 'Предложено', 'Подтверждено', 'Отклонено', 'Сгруппировано с отклонёнными', 'Без решения', 'Причины отклонения'],
  ky: ['Бөлүнүшү', 'Эреже же критерий', 'Критерий', 'Сунушталды', 'Ырасталды', 'Четке кагылды', 'Четке кагылгандар менен топтоштурулган', 'Чечими жок', 'Четке кагуунун себептери'],
  en: ['Grouping', 'Rule or criterion', 'Criterion', 'Made', 'Confirmed', 'Dismissed', 'Grouped with a dismissed one', 'Undecided', 'Dismissal reasons'],
};
const GROUPS: Record<Lang, { rule: string; criterion: string; noReason: string }> = {
  ru: { rule: 'Правило', criterion: 'Критерий', noReason: 'без причины' },
  ky: { rule: 'Эреже', criterion: 'Критерий', noReason: 'себепсиз' },
  en: { rule: 'Rule', criterion: 'Criterion', noReason: 'no reason given' },
};

function langOf(req: Request): Lang {
  const asked = contract.ChecklistStatsQuery.safeParse(req.query);
  const value = asked.success ? asked.data.lang : undefined;
  return isLang(value) ? value : requestLang(req);
}

export function mountChecklistStatsRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/checklists/stats', async (req, res) => {
    requireVerb(req, 'readAllianceStats');
    sendJson(res, contract.checklistStats, await detectorStats(ctx, langOf(req)));
  });

  app.get('/api/checklists/stats.csv', async (req, res) => {
    const session = requireVerb(req, 'readAllianceStats');
    const lang = langOf(req);
    const stats = await detectorStats(ctx, lang);
    const g = GROUPS[lang];
    const reasons = (row: ChecklistStatsRow) => row.reasons.map((r) => `${r.reason || g.noReason} (${r.count})`).join('; ');
    const cells = (group: string, row: ChecklistStatsRow) => [group, row.key, `${row.criterionId} ${row.label}`, row.made, row.confirmed, row.dismissed, row.grouped, row.open, reasons(row)];
    let body = CSV_BOM + csvRow(CSV_HEADERS[lang]);
    for (const row of stats.byDetector) body += csvRow(cells(g.rule, row));
    for (const row of stats.byCriterion) body += csvRow(cells(g.criterion, row));
    audit(ctx.db, { userId: session.user.id, action: 'checklist.stats_exported', details: { rules: stats.byDetector.length } });
    const stamp = new Date().toISOString().slice(0, 10);
    res
      .status(200)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="tendik-checklist-stats-${stamp}.csv"`)
      .send(body);
  });
}
