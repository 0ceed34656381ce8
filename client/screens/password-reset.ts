import { auth } from '../../shared/contract';
import { apiCall } from '../api';
import { t } from '../i18n/i18n';
import { resetPassword } from '../session';
import { h, tx } from '../ui/dom';
import { errorBanner } from '../ui/error-banner';

/**
 * A forgotten password (docs/security.md, "Password reset"): the sign-in form links to
 * `#/forgot-password`, where she gives her address; the mail's link `/reset-password#token=…` opens
 * the form for the new password. The token is in the fragment, so no server log or Referer sees it.
 */
export const FORGOT_PASSWORD_HASH = '#/forgot-password';

export function resetToken(): string | null {
  if (location.pathname !== '/reset-password') return null;
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
}

export function forgotPasswordLink(): HTMLElement {
  return h('p', { class: 'sign-in-help' }, tx('a', 'passwordResetForgot', { href: FORGOT_PASSWORD_HASH, 'data-testid': 'forgot-password' }));
}

/** Asks for the address; the answer is the same whether an account has it or not. */
export function mountForgotPassword(main: HTMLElement): () => void {
  const email = h('input', { id: 'reset-email', type: 'email', autocomplete: 'username', required: true, maxlength: '320', class: 'input' }) as HTMLInputElement;
  const errors = h('div', { class: 'form-errors', 'data-testid': 'reset-errors' });
  const submit = tx('button', 'passwordResetRequestSubmit', { type: 'submit', class: 'button button--primary' });
  const form = h(
    'form',
    { class: 'card sign-in', 'aria-labelledby': 'reset-title' },
    tx('h1', 'passwordResetRequestTitle', { id: 'reset-title' }),
    tx('p', 'passwordResetRequestIntro'),
    h('div', { class: 'field' }, tx('label', 'email', { for: 'reset-email' }), email),
    errors,
    submit,
    h('p', { class: 'sign-in-help' }, tx('a', 'passwordResetBack', { href: '#/' })),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    submit.disabled = true;
    try {
      await apiCall(auth.requestPasswordReset, { body: { email: email.value.trim() } });
      main.replaceChildren(
        h(
          'div',
          { class: 'card sign-in' },
          tx('h1', 'passwordResetRequestTitle'),
          h('p', { role: 'status', 'data-testid': 'reset-sent' }, t('passwordResetRequestSent', { email: email.value.trim() })),
          h('p', { class: 'sign-in-help' }, tx('a', 'passwordResetBack', { href: '#/' })),
        ),
      );
    } catch (error) {
      errors.replaceChildren(errorBanner(error));
      email.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(form);
  email.focus();
  return () => undefined;
}

/** The mail's link: a new password twice; on success she is signed in and the link leaves the address bar. */
export function mountResetPassword(main: HTMLElement, token: string, onSignedIn: () => void): () => void {
  const password = h('input', { id: 'reset-password', type: 'password', autocomplete: 'new-password', required: true, minlength: '10', class: 'input' }) as HTMLInputElement;
  const again = h('input', { id: 'reset-password-again', type: 'password', autocomplete: 'new-password', required: true, class: 'input' }) as HTMLInputElement;
  const errors = h('div', { class: 'form-errors', 'data-testid': 'reset-errors' });
  const submit = tx('button', 'passwordResetSetSubmit', { type: 'submit', class: 'button button--primary' });
  const form = h(
    'form',
    { class: 'card sign-in', 'aria-labelledby': 'reset-set-title' },
    tx('h1', 'passwordResetSetTitle', { id: 'reset-set-title' }),
    h('div', { class: 'field' }, tx('label', 'passwordResetNew', { for: 'reset-password' }), password),
    h('div', { class: 'field' }, tx('label', 'passwordResetAgain', { for: 'reset-password-again' }), again),
    errors,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    if (password.value !== again.value) {
      errors.replaceChildren(h('p', { role: 'alert', class: 'error-banner' }, t('passwordResetDiffer')));
      again.focus();
      return;
    }
    submit.disabled = true;
    try {
      await resetPassword(token, password.value);
      history.replaceState(null, '', '/#/');
      onSignedIn();
    } catch (error) {
      // A spent or expired link: say so, and offer a new one.
      errors.replaceChildren(errorBanner(error), h('p', { class: 'sign-in-help' }, h('a', { href: `/${FORGOT_PASSWORD_HASH}`, 'data-i18n': 'passwordResetForgot' }, t('passwordResetForgot'))));
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(form);
  password.focus();
  return () => undefined;
}
