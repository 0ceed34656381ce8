import './recommendations.css';
import { checklist } from '../../shared/contract';
import type { ChecklistStats, ChecklistStatsRow } from '../../shared/contract/checklist';
import { apiCall } from '../api';
import { formatNumber, lang, onLangChange, t, type StringKey } from '../i18n/i18n';
import { downloadFile } from '../review/download-file';
import { h, tx } from '../ui/dom';
import { errorBanner } from '../ui/error-banner';

/**
 * The checklist's figures (#/checklist-stats, issue 15; the secretary and the admin, the server
 * decides): per rule and per criterion over all reviews, the engine's candidates made, confirmed,
 * dismissed and undecided, with the experts' reasons for dismissing — a noisy rule is seen here and
 * fixed in the checklist data. Refetched in the interface's language: the server labels the rows.
 */
const COLUMNS: Array<[keyof ChecklistStatsRow, StringKey]> = [
  ['made', 'checklistStatsMade'],
  ['confirmed', 'checklistStatsConfirmed'],
  ['dismissed', 'checklistStatsDismissed'],
  ['open', 'checklistStatsOpen'],
];

function table(id: string, caption: StringKey, first: StringKey, rows: readonly ChecklistStatsRow[], byRule: boolean): HTMLElement {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, t(first)),
    ...COLUMNS.map(([, key]) => h('th', { scope: 'col' }, t(key))),
    h('th', { scope: 'col' }, t('checklistStatsReasons')),
  );
  const reasons = (r: ChecklistStatsRow) => r.reasons.map((x) => `${x.reason || t('checklistStatsNoReason')} (${formatNumber(x.count)})`).join('; ');
  const row = (r: ChecklistStatsRow) =>
    h(
      'tr',
      { 'data-key': r.key },
      h('th', { scope: 'row' }, byRule ? `${r.key} — ${r.label}` : `${r.key}. ${r.label}`),
      ...COLUMNS.map(([field]) => h('td', { class: 'num' }, formatNumber(r[field] as number))),
      h('td', {}, reasons(r)),
    );
  return h('table', { class: 'recs-table', 'data-testid': id }, h('caption', {}, t(caption)), h('thead', {}, head), h('tbody', {}, ...rows.map(row)));
}

export function mountChecklistStats(main: HTMLElement): () => void {
  const status = h('div', { class: 'export-status', 'aria-live': 'polite', 'data-testid': 'checklist-stats-status' });
  const body = h('div', { class: 'recs-body', 'aria-busy': 'true' }, tx('p', 'checklistStatsLoading'));
  const csv = tx('button', 'checklistStatsCsv', { type: 'button', class: 'button', 'data-testid': 'checklist-stats-csv' });
  csv.addEventListener('click', () => {
    status.replaceChildren();
    downloadFile(`/api/checklists/stats.csv?lang=${lang()}`, 'tendik-checklist-stats.csv').catch((error: unknown) => status.replaceChildren(errorBanner(error)));
  });
  const render = (stats: ChecklistStats) => {
    body.setAttribute('aria-busy', 'false');
    const reviews = h('p', { 'data-testid': 'checklist-stats-reviews' }, t('checklistStatsReviews', { count: formatNumber(stats.reviews) }));
    if (stats.byDetector.length === 0) {
      body.replaceChildren(h('p', { 'data-testid': 'checklist-stats-empty' }, t('checklistStatsEmpty')), reviews);
      return;
    }
    body.replaceChildren(
      reviews,
      table('checklist-stats-by-rule', 'checklistStatsByDetector', 'checklistStatsRule', stats.byDetector, true),
      table('checklist-stats-by-criterion', 'checklistStatsByCriterion', 'checklistStatsCriterion', stats.byCriterion, false),
    );
  };
  let disposed = false;
  const load = () => {
    body.setAttribute('aria-busy', 'true');
    apiCall(checklist.checklistStats, { query: { lang: lang() } })
      .then((stats) => !disposed && render(stats))
      .catch((error: unknown) => !disposed && body.replaceChildren(errorBanner(error, load)));
  };
  main.replaceChildren(
    h(
      'section',
      { class: 'recs-page', 'aria-labelledby': 'checklist-stats-title' },
      h('a', { href: '#/', class: 'back-link', 'data-i18n': 'backToList' }, t('backToList')),
      tx('h1', 'checklistStatsTitle', { id: 'checklist-stats-title' }),
      tx('p', 'checklistStatsIntro'),
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
