import './recommendations.css';
import { recommendations } from '../../shared/contract';
import type { RecommendationStats, StatsRow } from '../../shared/contract/recommendations';
import { apiCall } from '../api';
import { formatNumber, lang, onLangChange, t, type StringKey } from '../i18n/i18n';
import { downloadFile } from '../review/download-file';
import { h, tx } from '../ui/dom';
import { errorBanner } from '../ui/error-banner';

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
  const status = h('div', { class: 'export-status', 'aria-live': 'polite', 'data-testid': 'recs-status' });
  const body = h('div', { class: 'recs-body', 'aria-busy': 'true' });
  const csv = tx('button', 'recsCsv', { type: 'button', class: 'button', 'data-testid': 'recs-csv' });
  csv.addEventListener('click', () => {
    status.replaceChildren();
    downloadFile(`/api/recommendations/stats.csv?lang=${lang()}`, 'tendik-recommendations.csv').catch((error: unknown) => status.replaceChildren(errorBanner(error)));
  });
  const render = (stats: RecommendationStats) => {
    body.setAttribute('aria-busy', 'false');
    if (stats.total.made === 0) {
      body.replaceChildren(h('p', { 'data-testid': 'recs-empty' }, t('recsEmpty')), h('p', {}, t('recsReviews', { count: formatNumber(stats.reviews) })));
      return;
    }
    body.replaceChildren(
      h('p', { 'data-testid': 'recs-reviews' }, t('recsReviews', { count: formatNumber(stats.reviews) })),
      table('recs-by-committee', 'recsByCommittee', 'recsColCommittee', stats.byCommittee, stats.total),
      table('recs-by-criterion', 'recsByCriterion', 'recsColCriterion', stats.byCriterion),
      table('recs-by-year', 'recsByYear', 'recsColYear', stats.byYear),
    );
  };
  let disposed = false;
  const load = () => {
    body.setAttribute('aria-busy', 'true');
    apiCall(recommendations.recommendationStats, { query: { lang: lang() } })
      .then((stats) => !disposed && render(stats))
      .catch((error: unknown) => !disposed && body.replaceChildren(errorBanner(error, load)));
  };
  main.replaceChildren(
    h(
      'section',
      { class: 'recs-page', 'aria-labelledby': 'recs-title' },
      h('a', { href: '#/', class: 'back-link', 'data-i18n': 'backToList' }, t('backToList')),
      tx('h1', 'recsStatsTitle', { id: 'recs-title' }),
      tx('p', 'recsStatsIntro'),
      h('div', { class: 'export-row' }, csv),
      status,
      body,
    ),
  );
  load();
  const off = onLangChange(() => load());
  return () => {
    disposed = true;
    off();
  };
}
