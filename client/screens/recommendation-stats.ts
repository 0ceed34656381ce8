import { recommendations } from '../../shared/contract';
import type { RecommendationStats, StatsRow } from '../../shared/contract/recommendations';
import { apiCall } from '../api';
import { formatNumber, lang, t, type StringKey } from '../i18n/i18n';
import { h } from '../ui/dom';
import { csvIn, mountFiguresPage } from './figures-page';

/**
 * The Alliance-wide figures (#/recommendations, the secretary and the admin; the server decides):
 * recommendations made and what became of them, by committee, by criterion and by year, with the CSV
 * the Alliance reports from. Refetched in the interface's language, since the server labels the rows.
 */
const COLUMNS: Array<[keyof StatsRow, StringKey]> = [
  ['made', 'recsColMade'],
  ['adopted', 'recsStatusAdopted'],
  ['partly', 'recsStatusPartly'],
  ['notAdopted', 'recsStatusNotAdopted'],
  ['notApplicable', 'recsStatusNotApplicable'],
  ['noStatus', 'recsColNoStatus'],
];

function table(id: string, caption: StringKey, first: StringKey, rows: readonly StatsRow[], total?: StatsRow): HTMLElement {
  const head = h('tr', {}, h('th', { scope: 'col' }, t(first)), ...COLUMNS.map(([, key]) => h('th', { scope: 'col' }, t(key))));
  const row = (r: StatsRow, label: string, cls?: string) =>
    h('tr', cls ? { class: cls } : {}, h('th', { scope: 'row' }, label), ...COLUMNS.map(([field]) => h('td', { class: 'num' }, formatNumber(r[field] as number))));
  return h(
    'table',
    { class: 'recs-table', 'data-testid': id },
    h('caption', {}, t(caption)),
    h('thead', {}, head),
    h('tbody', {}, ...rows.map((r) => row(r, r.label)), ...(total ? [row(total, t('recsTotal'), 'recs-total')] : [])),
  );
}

export function mountRecommendationStats(main: HTMLElement): () => void {
  return mountFiguresPage<RecommendationStats>(main, {
    id: 'recs',
    title: 'recsStatsTitle',
    intro: 'recsStatsIntro',
    csvButton: 'recsCsv',
    csvUrl: csvIn('/api/recommendations/stats.csv'),
    csvName: 'tendik-recommendations.csv',
    fetch: () => apiCall(recommendations.recommendationStats, { query: { lang: lang() } }),
    render: (stats) => {
      const reviews = t('recsReviews', { count: formatNumber(stats.reviews) });
      if (stats.total.made === 0) return [h('p', { 'data-testid': 'recs-empty' }, t('recsEmpty')), h('p', {}, reviews)];
      return [
        h('p', { 'data-testid': 'recs-reviews' }, reviews),
        table('recs-by-committee', 'recsByCommittee', 'recsColCommittee', stats.byCommittee, stats.total),
        table('recs-by-criterion', 'recsByCriterion', 'recsColCriterion', stats.byCriterion),
        table('recs-by-year', 'recsByYear', 'recsColYear', stats.byYear),
      ];
    },
  });
}
