import { formatNumber, onLangChange, t } from '../i18n/i18n';
import { changePassword, currentUser, signOutEverywhere, unsentWork } from '../session';
import { h, tx } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';
import { roleName } from './accept-invite';

/** Her own account (#/account): who she is, a new password, and ending every session at once. */
export function mountAccount(main: HTMLElement, onSignedOut: () => void): () => void {
  const me = currentUser()!;
  const who = h('p', { 'data-testid': 'account-who' });
  const renderWho = () => (who.textContent = `${me.name} — ${me.email} — ${t('accountRole', { role: roleName(me.role) })}`);
  renderWho();
  const field = (id: string, key: Parameters<typeof tx>[1], autocomplete: string) => {
    const input = h('input', { id, type: 'password', autocomplete, required: true, class: 'input' }) as HTMLInputElement;
    return { input, row: h('div', { class: 'field' }, tx('label', key, { for: id }), input) };
  };
  const current = field('password-current', 'passwordCurrent', 'current-password');
  const fresh = field('password-new', 'passwordNew', 'new-password');
  const again = field('password-new-again', 'passwordNewAgain', 'new-password');
  const status = h('div', { class: 'form-errors', 'aria-live': 'polite', 'data-testid': 'password-status' });
  const submit = tx('button', 'passwordSubmit', { type: 'submit', class: 'button button--primary' });
  const form = h('form', { class: 'card', 'aria-labelledby': 'password-title' }, tx('h2', 'passwordTitle', { id: 'password-title' }), current.row, fresh.row, again.row, status, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.replaceChildren();
    if (fresh.input.value !== again.input.value) {
      status.replaceChildren(h('p', { role: 'alert', class: 'error-banner' }, t('acceptPasswordsDiffer')));
      again.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      await changePassword(current.input.value, fresh.input.value);
      form.reset();
      status.replaceChildren(h('p', {}, t('passwordChanged')));
      announce(t('passwordChanged'));
    } catch (error) {
      status.replaceChildren(errorBanner(error));
      current.input.focus();
    } finally {
      submit.disabled = false;
    }
  });
  const everywhereStatus = h('div', { class: 'form-errors' });
  const everywhere = tx('button', 'logoutAll', { type: 'button', class: 'button', 'data-testid': 'logout-all' });
  everywhere.addEventListener('click', () => {
    // The account page holds no review open: only the warning about work not yet sent is needed here.
    const unsent = unsentWork();
    if (unsent > 0 && !window.confirm(t('signOutUnsent', { count: formatNumber(unsent) }))) return;
    signOutEverywhere().then(onSignedOut, (error: unknown) => everywhereStatus.replaceChildren(errorBanner(error)));
  });
  main.replaceChildren(
    h(
      'section',
      { class: 'account', 'aria-labelledby': 'account-title' },
      h('a', { href: '#/', class: 'back-link', 'data-i18n': 'backToList' }, t('backToList')),
      tx('h1', 'accountTitle', { id: 'account-title' }),
      who,
      form,
      h('section', { class: 'card', 'aria-labelledby': 'logout-all-title' }, tx('h2', 'logoutAllTitle', { id: 'logout-all-title' }), tx('p', 'logoutAllHint'), everywhereStatus, everywhere),
    ),
  );
  return onLangChange(renderWho);
}
