import { checklist } from '../../shared/contract';
import type { ChecklistStats, ChecklistStatsRow } from '../../shared/contract/checklist';
import { apiCall } from '../api';
import { formatNumber, lang, t, type StringKey } from '../i18n/i18n';
import { h } from '../ui/dom';
import { csvIn, mountFiguresPage } from './figures-page';

/**
 * The checklist's figures (#/checklist-stats, issue 15; the secretary and the admin, the server
 * decides): per rule and per criterion over all reviews, the engine's candidates made, confirmed,
 * dismissed, grouped under a dismissed one and undecided, with the experts’ reasons for dismissing — a
 * noisy rule is seen here and fixed in the checklist data. Refetched in the interface's language: the server labels the rows.
 */
const COLUMNS: Array<[keyof ChecklistStatsRow, StringKey]> = [
  ['made', 'checklistStatsMade'],
  ['confirmed', 'checklistStatsConfirmed'],
  ['dismissed', 'checklistStatsDismissed'],
  ['grouped', 'findingGroupsStatsColumn'],
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
  return mountFiguresPage<ChecklistStats>(main, {
    id: 'checklist-stats',
    title: 'checklistStatsTitle',
    intro: 'checklistStatsIntro',
    csvButton: 'checklistStatsCsv',
    loading: 'checklistStatsLoading',
    csvUrl: csvIn('/api/checklists/stats.csv'),
    csvName: 'tendik-checklist-stats.csv',
    fetch: () => apiCall(checklist.checklistStats, { query: { lang: lang() } }),
    render: (stats) => {
      const reviews = h('p', { 'data-testid': 'checklist-stats-reviews' }, t('checklistStatsReviews', { count: formatNumber(stats.reviews) }));
      if (stats.byDetector.length === 0) return [h('p', { 'data-testid': 'checklist-stats-empty' }, t('checklistStatsEmpty')), reviews];
      return [
        reviews,
        table('checklist-stats-by-rule', 'checklistStatsByDetector', 'checklistStatsRule', stats.byDetector, true),
        table('checklist-stats-by-criterion', 'checklistStatsByCriterion', 'checklistStatsCriterion', stats.byCriterion, false),
      ];
    },
  });
}
