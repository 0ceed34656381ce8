import { FILE_NAMES } from '../../shared/conclusion/strings';
import { conclusion } from '../../shared/contract';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import { apiCall } from '../api';
import { lang, onLangChange, t } from '../i18n/i18n';
import { downloadFile } from '../review/download-file';
import { h, tx } from '../ui/dom';
import { conclusionSrcdoc } from '../ui/conclusion-frame';
import { errorBanner } from '../ui/error-banner';

/**
 * The issued conclusion as the committee reads it (#/reviews/<id>/conclusion): the document in a
 * sandboxed frame (displayed, never executed), its language, and the DOCX downloads. Nothing of the
 * working review (draft, annotations, presence) is asked for, so a committee reader never touches it.
 */
export function mountConclusionView(main: HTMLElement, reviewId: string): () => void {
  const heading = tx('h1', 'readConclusion', { id: 'conclusion-view-title', class: 'conclusion-view__title' });
  const docLang = h('select', { id: 'conclusion-view-lang', class: 'input input--small', 'data-testid': 'conclusion-view-lang' }) as HTMLSelectElement;
  for (const code of LANGS) docLang.append(h('option', { value: code }, code.toUpperCase()));
  docLang.value = lang();
  const frame = h('iframe', {
    class: 'conclusion-view__frame',
    sandbox: '',
    title: t('conclusionViewFrame'),
    'data-i18n-title': 'conclusionViewFrame',
    'data-testid': 'conclusion-view-frame',
  }) as HTMLIFrameElement;
  const status = h('div', { class: 'export-status', 'aria-live': 'polite', 'data-testid': 'conclusion-view-status' });
  const download = (path: string, fallback: string) => {
    const chosen = docLang.value as Lang;
    status.replaceChildren();
    return downloadFile(`/api/reviews/${reviewId}/${path}?lang=${chosen}`, `tendik-${fallback}-${chosen}.docx`).catch((error: unknown) =>
      status.replaceChildren(errorBanner(error)),
    );
  };
  const conclusionButton = tx('button', 'downloadConclusion', { type: 'button', class: 'button button--primary', 'data-testid': 'conclusion-view-docx' });
  conclusionButton.addEventListener('click', () => void download('conclusion.docx', 'conclusion'));
  const tableButton = h('button', { type: 'button', class: 'button', 'data-testid': 'conclusion-view-table' }, `${FILE_NAMES.table[lang()]} (DOCX)`);
  tableButton.addEventListener('click', () => void download('conclusion/table.docx', 'table'));

  main.replaceChildren(
    h(
      'section',
      { class: 'conclusion-view', 'aria-labelledby': 'conclusion-view-title' },
      h('a', { href: '#/', class: 'back-link', 'data-i18n': 'backToList' }, t('backToList')),
      heading,
      h('div', { class: 'export-row' }, tx('label', 'exportLang', { for: 'conclusion-view-lang' }), docLang, conclusionButton, tableButton),
      status,
      frame,
    ),
  );

  let disposed = false;
  const load = () => {
    frame.setAttribute('aria-busy', 'true');
    apiCall(conclusion.viewConclusion, { params: { id: reviewId }, query: { lang: docLang.value as Lang } })
      .then((view) => {
        if (disposed) return;
        heading.removeAttribute('data-i18n');
        heading.textContent = view.title;
        frame.srcdoc = conclusionSrcdoc(view.html, view.lang);
        frame.removeAttribute('aria-busy');
      })
      .catch((error: unknown) => !disposed && status.replaceChildren(errorBanner(error, load)));
  };
  docLang.addEventListener('change', load);
  load();
  const off = onLangChange((l) => (tableButton.textContent = `${FILE_NAMES.table[l]} (DOCX)`));
  return () => {
    disposed = true;
    off();
  };
}
