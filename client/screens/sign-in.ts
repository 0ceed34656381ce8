import { signIn } from '../session';
import { h, tx } from '../ui/dom';
import { errorBanner } from '../ui/error-banner';
import { forgotPasswordLink } from './password-reset';

export function mountSignIn(main: HTMLElement, onSignedIn: () => void): () => void {
  const email = h('input', { id: 'sign-in-email', name: 'email', type: 'email', autocomplete: 'username', required: true, class: 'input' });
  const password = h('input', { id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, class: 'input' });
  const errors = h('div', { class: 'form-errors' });
  const submit = tx('button', 'signIn', { type: 'submit', class: 'button button--primary' });
  const form = h(
    'form',
    { class: 'card sign-in', 'aria-labelledby': 'sign-in-title', novalidate: false },
    tx('h1', 'signInTitle', { id: 'sign-in-title' }),
    h('div', { class: 'field' }, tx('label', 'email', { for: 'sign-in-email' }), email),
    h('div', { class: 'field' }, tx('label', 'password', { for: 'sign-in-password' }), password),
    errors,
    submit,
    forgotPasswordLink(),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    errors.replaceChildren();
    try {
      await signIn(email.value.trim(), password.value);
      onSignedIn();
    } catch (error) {
      errors.replaceChildren(errorBanner(error));
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(form);
  email.focus();
  return () => undefined;
}
