import { importing } from '../../shared/contract';
import { checkedAnswer, csrfHeader, errorFrom, NetworkError } from '../api';
import { formatNumber, onLangChange, t } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import { CommitteeSelect, loadCommittees } from '../ui/committee-select';
import { announce, errorBanner } from '../ui/error-banner';
import { renderImportReport } from './import-report';

/**
 * POSTs the multipart form with XMLHttpRequest, whose upload events give a real progress bar; once
 * the last byte is sent the server parses, which the bar shows as an indeterminate "parsing" state.
 */
function sendDraft(form: FormData, onProgress: (fraction: number | null) => void): Promise<importing.ReviewCreatedResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(importing.createReview.method, importing.createReview.path);
    for (const [name, value] of Object.entries(csrfHeader())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => onProgress(e.lengthComputable ? e.loaded / e.total : 0));
    xhr.upload.addEventListener('load', () => onProgress(null));
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status !== 201) return reject(errorFrom(xhr.status, body));
      try {
        resolve(checkedAnswer(importing.createReview, xhr.status, body));
      } catch (error) {
        reject(error);
      }
    });
    xhr.addEventListener('error', () => reject(new NetworkError()));
    xhr.send(form);
  });
}

export function mountUpload(main: HTMLElement): () => void {
  const file = h('input', { id: 'upload-file', name: 'file', type: 'file', required: true, accept: '.docx,.html,.htm,.txt,text/plain,text/html', class: 'input', 'data-testid': 'upload-file' });
  const title = h('input', { id: 'upload-title', name: 'title', type: 'text', maxlength: '300', class: 'input' });
  const deadline = h('input', { id: 'upload-deadline', name: 'deadline', type: 'date', class: 'input' });
  // Chosen from the registry's active committees (GET /api/committees), never typed.
  const committee = new CommitteeSelect({ id: 'upload-committee', name: 'committee', 'aria-describedby': 'upload-committee-hint', 'data-testid': 'upload-committee' }, 'committeeNone');
  const committeeError = h('div', {});
  const progress = h('progress', { class: 'progress', max: '1', 'aria-labelledby': 'upload-status', hidden: true }) as HTMLProgressElement;
  const status = h('p', { id: 'upload-status', class: 'upload-status', role: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'upload-result' });
  const submit = tx('button', 'uploadSubmit', { type: 'submit', class: 'button button--primary', 'data-testid': 'upload-submit' });
  let statusKey: (() => string) | null = null;
  const setStatus = (fn: (() => string) | null) => {
    statusKey = fn;
    status.textContent = fn ? fn() : '';
  };

  const form = h(
    'form',
    { class: 'card upload', 'aria-labelledby': 'upload-title-h' },
    tx('h1', 'uploadTitle', { id: 'upload-title-h' }),
    h('div', { class: 'field' }, tx('label', 'uploadFile', { for: 'upload-file' }), file),
    h('div', { class: 'field' }, tx('label', 'uploadReviewTitle', { for: 'upload-title' }), title),
    h('div', { class: 'field-row' }, h('div', { class: 'field' }, tx('label', 'uploadDeadline', { for: 'upload-deadline' }), deadline), h('div', { class: 'field' }, tx('label', 'uploadCommittee', { for: 'upload-committee' }), committee.element, tx('span', 'committeeListHint', { id: 'upload-committee-hint', class: 'hint' }), committeeError)),
    submit,
    progress,
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return file.focus();
    const data = new FormData();
    if (title.value.trim()) data.append('title', title.value.trim());
    if (deadline.value) data.append('deadline', deadline.value);
    if (committee.value) data.append('committee', committee.value);
    data.append('file', chosen, chosen.name);
    submit.disabled = true;
    result.replaceChildren();
    progress.hidden = false;
    progress.value = 0;
    try {
      const created = await sendDraft(data, (fraction) => {
        if (fraction === null) {
          progress.removeAttribute('value');
          setStatus(() => t('uploadParsing'));
        } else {
          progress.value = fraction;
          setStatus(() => t('uploadProgress', { percent: formatNumber(Math.round(fraction * 100)) }));
        }
      });
      progress.value = 1;
      setStatus(() => t('uploadDone'));
      announce(t('uploadDone'));
      result.replaceChildren(renderImportReport(created.report, created.review));
      (result.querySelector('h2') as HTMLElement | null)?.focus();
    } catch (error) {
      progress.hidden = true;
      setStatus(null);
      result.replaceChildren(errorBanner(error));
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(h('div', { class: 'upload-page' }, h('a', { href: '#/', class: 'back-link', 'data-i18n': 'backToList' }, t('backToList')), form, result));
  file.focus();
  const loadList = () => {
    committeeError.replaceChildren();
    loadCommittees()
      .then((list) => committee.setCommittees(list))
      .catch((error: unknown) => committee.element.isConnected && committeeError.replaceChildren(errorBanner(error, loadList)));
  };
  loadList();
  const releaseLang = onLangChange(() => statusKey && (status.textContent = statusKey()));
  return () => {
    releaseLang();
    committee.destroy();
  };
}
