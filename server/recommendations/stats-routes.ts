import type express from 'express';
import type { Request } from 'express';
import { recommendations as contract } from '../../shared/contract';
import type { StatsRow } from '../../shared/contract/recommendations';
import { isLang, type Lang } from '../../shared/i18n/lang';
import { CSV_BOM, csvRow } from '../admin/csv';
import { audit } from '../audit';
import { requireVerb } from '../auth/review-guard';
import type { AppContext } from '../context';
import { requestLang } from '../http/errors';
import { sendJson } from '../http/send-json';
import { allianceStats } from './stats';

const CSV_HEADERS: Record<Lang, string[]> = {
  ru: ['Разрез', 'Значение', 'Рекомендаций', 'Учтено', 'Учтено частично', 'Не учтено', 'Утратило актуальность', 'Без статуса'],
  ky: ['Бөлүнүшү', 'Мааниси', 'Сунуштамалар', 'Эске алынды', 'Жарым-жартылай эске алынды', 'Эске алынган жок', 'Маанисин жоготту', 'Статусу жок'],
  en: ['Grouping', 'Value', 'Recommendations', 'Adopted', 'Partly adopted', 'Not adopted', 'No longer applicable', 'No status'],
};
const GROUPS: Record<Lang, { total: string; committee: string; criterion: string; year: string }> = {
  ru: { total: 'Всего', committee: 'Комитет', criterion: 'Критерий', year: 'Год' },
  ky: { total: 'Бардыгы', committee: 'Комитет', criterion: 'Критерий', year: 'Жыл' },
  en: { total: 'Total', committee: 'Committee', criterion: 'Criterion', year: 'Year' },
};

function langOf(req: Request): Lang {
  const asked = contract.StatsQuery.safeParse(req.query);
  const value = asked.success ? asked.data.lang : undefined;
  return isLang(value) ? value : requestLang(req);
}

const cells = (group: string, row: StatsRow) => [group, row.label, row.made, row.adopted, row.partly, row.notAdopted, row.notApplicable, row.noStatus];

/** GET /api/recommendations/stats and stats.csv: the Alliance-wide figures, for the secretary and the admin. */
export function mountRecommendationStatsRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/recommendations/stats', async (req, res) => {
    requireVerb(req, 'readAllianceStats');
    sendJson(res, contract.recommendationStats, await allianceStats(ctx, langOf(req)));
  });

  app.get('/api/recommendations/stats.csv', async (req, res) => {
    const session = requireVerb(req, 'readAllianceStats');
    const lang = langOf(req);
    const stats = await allianceStats(ctx, lang);
    const g = GROUPS[lang];
    let body = CSV_BOM + csvRow(CSV_HEADERS[lang]) + csvRow(cells(g.total, { ...stats.total, label: '' }));
    for (const row of stats.byCommittee) body += csvRow(cells(g.committee, row));
    for (const row of stats.byCriterion) body += csvRow(cells(g.criterion, row));
    for (const row of stats.byYear) body += csvRow(cells(g.year, row));
    audit(ctx.db, { userId: session.user.id, action: 'recommendations.exported', details: { made: stats.total.made } });
    const stamp = new Date().toISOString().slice(0, 10);
    res
      .status(200)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="tendik-recommendations-${stamp}.csv"`)
      .send(body);
  });
}
