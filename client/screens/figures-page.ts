import './recommendations.css';
import { lang, onLangChange, t, type StringKey } from '../i18n/i18n';
import { downloadFile } from '../review/download-file';
import { h, tx } from '../ui/dom';
import { errorBanner } from '../ui/error-banner';

/**
 * A page of figures over all reviews with its CSV (the Alliance's recommendations, the checklist's
 * rules): the heading, the download, the busy state and the error with its retry are the same, so they
 * are here once. Refetched when the interface's language changes, since the server labels the rows.
 */
export interface FiguresPage<T> {
  /** Prefix of the page's ids and test ids (`<id>-title`, `<id>-csv`, `<id>-status`). */
  id: string;
  title: StringKey;
  intro: StringKey;
  csvButton: StringKey;
  /** Said while the first answer is awaited, if anything. */
  loading?: StringKey;
  csvUrl: () => string;
  csvName: string;
  fetch: () => Promise<T>;
  /** The page's body for an answer. */
  render: (figures: T) => Node[];
}

export function mountFiguresPage<T>(main: HTMLElement, page: FiguresPage<T>): () => void {
  const status = h('div', { class: 'export-status', 'aria-live': 'polite', 'data-testid': `${page.id}-status` });
  const body = h('div', { class: 'recs-body', 'aria-busy': 'true' }, ...(page.loading ? [tx('p', page.loading)] : []));
  const csv = tx('button', page.csvButton, { type: 'button', class: 'button', 'data-testid': `${page.id}-csv` });
  csv.addEventListener('click', () => {
    status.replaceChildren();
    downloadFile(page.csvUrl(), page.csvName).catch((error: unknown) => status.replaceChildren(errorBanner(error)));
  });
  let disposed = false;
  const load = () => {
    body.setAttribute('aria-busy', 'true');
    page
      .fetch()
      .then((figures) => {
        if (disposed) return;
        body.setAttribute('aria-busy', 'false');
        body.replaceChildren(...page.render(figures));
      })
      .catch((error: unknown) => !disposed && body.replaceChildren(errorBanner(error, load)));
  };
  main.replaceChildren(
    h(
      'section',
      { class: 'recs-page', 'aria-labelledby': `${page.id}-title` },
      h('a', { href: '#/', class: 'back-link', 'data-i18n': 'backToList' }, t('backToList')),
      tx('h1', page.title, { id: `${page.id}-title` }),
      tx('p', page.intro),
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

/** Whatever the download asks for, in the interface's language. */
export const csvIn = (path: string) => () => `${path}?lang=${lang()}`;
