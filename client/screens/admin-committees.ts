import { committees as contract } from '../../shared/contract';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import { apiCall } from '../api';
import { onLangChange, t, type StringKey } from '../i18n/i18n';
import { committeeName, type CommitteeRecord } from '../ui/committee-select';
import { h, tx } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';
import type { Subscriptions } from '../ui/lifecycle';

const NAME_LABELS: Record<Lang, StringKey> = { ru: 'committeeNameRu', ky: 'committeeNameKy', en: 'committeeNameEn' };

/**
 * The admin's registry of committees: the list (code, full name in the interface's language, chair,
 * state) and one form that adds a committee or edits the one chosen from the list — its code fixed
 * once it exists, since accounts and reviews carry it; a committee no longer wanted is deactivated.
 * `changed` gets the registry again after every save; the list is drawn by `show`.
 */
export function committeeRegistry(changed: (committees: CommitteeRecord[]) => void, screen: Subscriptions): { element: HTMLElement; show(committees: readonly CommitteeRecord[]): void } {
  let shown: readonly CommitteeRecord[] = [];
  let editing: CommitteeRecord | null = null;
  const listBox = h('div', { 'aria-busy': 'true' }, tx('p', 'loading'));
  const formStatus = h('div', { class: 'export-status', 'aria-live': 'polite', 'data-testid': 'committee-status' });

  const code = h('input', { id: 'committee-code', type: 'text', required: true, maxlength: '64', pattern: '[a-z0-9][a-z0-9_\\-]*', class: 'input', autocomplete: 'off', spellcheck: 'false' }) as HTMLInputElement;
  const names = Object.fromEntries(
    LANGS.map((l) => [l, h('input', { id: `committee-name-${l}`, type: 'text', required: true, maxlength: '300', class: 'input', autocomplete: 'off', lang: l }) as HTMLInputElement]),
  ) as Record<Lang, HTMLInputElement>;
  const chair = h('input', { id: 'committee-chair', type: 'text', maxlength: '200', class: 'input', autocomplete: 'off' }) as HTMLInputElement;
  const active = h('input', { id: 'committee-active', type: 'checkbox' }) as HTMLInputElement;
  const title = h('h3', { id: 'committee-form-title' });
  const submit = h('button', { type: 'submit', class: 'button button--primary', 'data-testid': 'committee-submit' });
  const cancel = tx('button', 'committeeCancelEdit', { type: 'button', class: 'button', 'data-testid': 'committee-cancel' });
  const buttons = h('div', { class: 'export-row' });

  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'committee-form-title', 'data-testid': 'committee-form' },
    title,
    h('div', { class: 'field' }, tx('label', 'committeeCode', { for: 'committee-code' }), code),
    ...LANGS.map((l) => h('div', { class: 'field' }, tx('label', NAME_LABELS[l], { for: `committee-name-${l}` }), names[l])),
    h('div', { class: 'field' }, tx('label', 'committeeChair', { for: 'committee-chair' }), chair),
    h('div', { class: 'field--inline' }, active, tx('label', 'committeeActive', { for: 'committee-active' })),
    buttons,
    formStatus,
  );

  const renderForm = () => {
    title.textContent = editing ? t('committeeFormEdit', { code: editing.code }) : t('committeeFormAdd');
    submit.textContent = editing ? t('committeeSave') : t('committeeFormAdd');
    code.readOnly = editing !== null;
    // Swapped, not hidden: the button styles set a display that would override [hidden].
    buttons.replaceChildren(submit, ...(editing ? [cancel] : []));
  };
  const startEditing = (committee: CommitteeRecord | null) => {
    editing = committee;
    formStatus.replaceChildren();
    code.value = committee?.code ?? '';
    for (const l of LANGS) names[l].value = committee?.names[l] ?? '';
    chair.value = committee?.chair ?? '';
    active.checked = committee?.active ?? true;
    renderForm();
  };

  const renderList = () => {
    listBox.removeAttribute('aria-busy');
    if (shown.length === 0) {
      listBox.replaceChildren(tx('p', 'committeesEmpty'));
      return;
    }
    listBox.replaceChildren(
      h(
        'table',
        { class: 'table', 'data-testid': 'committee-table' },
        h('caption', { class: 'visually-hidden' }, t('adminCommittees')),
        h('thead', {}, h('tr', {}, ...(['colCode', 'colCommitteeName', 'colChair', 'colState'] as const).map((k) => h('th', { scope: 'col' }, t(k))), h('td', {}))),
        h(
          'tbody',
          {},
          ...shown.map((c) => {
            const edit = h('button', { type: 'button', class: 'button button--small', 'aria-label': t('committeeEditLabel', { name: committeeName(c) }), 'data-testid': `committee-edit-${c.code}` }, t('committeeEdit'));
            edit.addEventListener('click', () => {
              startEditing(c);
              names.ru.focus();
            });
            return h(
              'tr',
              { 'data-testid': 'committee-row', 'data-code': c.code },
              h('td', {}, h('code', {}, c.code)),
              h('th', { scope: 'row' }, committeeName(c)),
              h('td', {}, c.chair),
              h('td', {}, t(c.active ? 'committeeStateActive' : 'committeeStateInactive')),
              h('td', {}, edit),
            );
          }),
        ),
      ),
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    formStatus.replaceChildren();
    const namesBody = { ru: names.ru.value.trim(), ky: names.ky.value.trim(), en: names.en.value.trim() };
    const saving = editing
      ? apiCall(contract.updateCommittee, { params: { code: editing.code }, body: { names: namesBody, chair: chair.value.trim(), active: active.checked } })
      : apiCall(contract.createCommittee, { body: { code: code.value.trim(), names: namesBody, chair: chair.value.trim(), active: active.checked } });
    saving
      .then(() => apiCall(contract.listCommittees))
      .then((answer) => {
        startEditing(null);
        changed(answer.committees);
        announce(t('committeeSaved'));
        formStatus.replaceChildren(h('p', {}, t('committeeSaved')));
      })
      .catch((error: unknown) => formStatus.replaceChildren(errorBanner(error)));
  });
  cancel.addEventListener('click', () => {
    startEditing(null);
    code.focus();
  });

  startEditing(null);
  screen.add(
    onLangChange(() => {
      renderForm();
      renderList();
    }),
  );
  return {
    element: h(
      'section',
      { class: 'admin-committees', 'aria-labelledby': 'admin-committees-title', 'data-testid': 'admin-committees' },
      tx('h2', 'adminCommittees', { id: 'admin-committees-title' }),
      tx('p', 'adminCommitteesHint', { class: 'hint' }),
      listBox,
      form,
    ),
    show(committees) {
      shown = committees;
      renderList();
    },
  };
}
