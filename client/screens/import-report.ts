import type { I18nText } from '../../shared/i18n/lang';
import type { ImportReport } from '../../shared/import-report';
import { formatNumber, lang, t, type StringKey } from '../i18n/i18n';
import { langName } from '../i18n/lang-names';
import { clauseHash } from '../router';
import { h } from '../ui/dom';
import { retranslateWhileShown } from '../ui/lifecycle';

const COUNTED: Array<[string, StringKey]> = [
  ['section', 'kind_section'],
  ['chapter', 'kind_chapter'],
  ['article', 'kind_article'],
  ['part', 'kind_part'],
  ['item', 'kind_item'],
];

/** What the import found and everything that deserves the secretary's look, with a link onwards. */
export function renderImportReport(report: ImportReport, review: { id: string; title: string }): HTMLElement {
  const box = h('section', { class: 'card import-report', 'aria-labelledby': 'import-report-title', 'data-testid': 'import-report' });
  const render = (into: HTMLElement) => {
    const facts = h('dl', { class: 'facts' });
    const fact = (key: StringKey, value: string) => facts.append(h('dt', {}, t(key)), h('dd', {}, value));
    fact('reportFormat', report.format.toUpperCase() + (report.encoding ? ` (${report.encoding})` : ''));
    fact('reportLanguage', langName(report.language));
    fact('reportParagraphs', formatNumber(report.paragraphs));
    fact('reportCharacters', formatNumber(report.characters));
    const counts = report.counts as Record<string, number | undefined>;
    for (const [kind, key] of COUNTED) if (counts[kind]) fact(key, formatNumber(counts[kind]));
    // A warning or repair that names its clause links to it: the review opens with that place shown.
    const where = (location: { line?: number; clauseId?: string; label?: string }) => {
      const text = [location.line ? t('reportLine', { line: formatNumber(location.line) }) : '', location.label ?? ''].filter(Boolean).join(' · ');
      if (location.clauseId) return h('a', { class: 'warning__where', href: clauseHash(review.id, location.clauseId, 1), 'data-testid': 'warning-jump' }, text || t('openReview'));
      return text ? h('span', { class: 'warning__where' }, text) : null;
    };
    const located = (items: ReadonlyArray<{ code: string; message: I18nText; location: { line?: number; clauseId?: string; label?: string } }>, kind: string) =>
      h(
        'ul',
        { class: 'warnings', 'data-testid': `import-${kind}` },
        ...items.map((w) => {
          const place = where(w.location);
          return h('li', { class: `warning warning--${w.code}` }, place, place ? ': ' : null, w.message[lang()]);
        }),
      );
    const warnings = report.warnings.length ? located(report.warnings, 'warnings') : h('p', {}, t('reportNoWarnings'));
    // What the import read differently from the printed lines (a superscript restored, lines joined):
    // the text is never changed, but the secretary should be able to check each reading.
    const repairs = report.repairs ?? [];
    into.replaceChildren(
      h('h2', { id: 'import-report-title', tabindex: '-1' }, `${t('reportTitle')}: ${review.title}`),
      facts,
      h('h3', {}, `${t('reportWarnings')} (${formatNumber(report.warnings.length)})`),
      warnings,
      ...(repairs.length ? [h('h3', {}, `${t('reportRepairs')} (${formatNumber(repairs.length)})`), located(repairs, 'repairs')] : []),
      h('a', { href: `#/reviews/${review.id}`, class: 'button button--primary', 'data-testid': 'open-review' }, t('openReview')),
    );
  };
  render(box);
  retranslateWhileShown(box, render);
  return box;
}
