import { auth } from '../../shared/contract';
import { apiCall } from '../api';
import { onLangChange, t, type StringKey } from '../i18n/i18n';
import { acceptInvitation } from '../session';
import { h, tx } from '../ui/dom';
import { errorBanner } from '../ui/error-banner';

type Invitation = auth.InvitationPreviewResponse['invitation'];

/** The token of an invitation link (`/accept-invite#token=…`): in the fragment, so no server or Referer sees it. */
export function invitationToken(): string | null {
  if (location.pathname !== '/accept-invite') return null;
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
}

export function roleName(role: string): string {
  return ['admin', 'secretary', 'expert', 'reader'].includes(role) ? t(`role_${role}` as StringKey) : role;
}

/**
 * The invitee's first visit: what she is invited as, her name, a password twice. On success she is
 * signed in and the link (with its one-time token) leaves the address bar.
 */
export function mountAcceptInvite(main: HTMLElement, token: string, onSignedIn: () => void): () => void {
  const intro = h('p', { 'data-testid': 'accept-intro' });
  const name = h('input', { id: 'accept-name', type: 'text', autocomplete: 'name', required: true, maxlength: '200', class: 'input' }) as HTMLInputElement;
  const password = h('input', { id: 'accept-password', type: 'password', autocomplete: 'new-password', required: true, minlength: '10', class: 'input' }) as HTMLInputElement;
  const again = h('input', { id: 'accept-password-again', type: 'password', autocomplete: 'new-password', required: true, class: 'input' }) as HTMLInputElement;
  const errors = h('div', { class: 'form-errors', 'data-testid': 'accept-errors' });
  const submit = tx('button', 'acceptSubmit', { type: 'submit', class: 'button button--primary' });
  const form = h(
    'form',
    { class: 'card sign-in', 'aria-labelledby': 'accept-title' },
    tx('h1', 'acceptTitle', { id: 'accept-title' }),
    intro,
    h('div', { class: 'field' }, tx('label', 'acceptName', { for: 'accept-name' }), name),
    h('div', { class: 'field' }, tx('label', 'acceptPassword', { for: 'accept-password' }), password),
    h('div', { class: 'field' }, tx('label', 'acceptPasswordAgain', { for: 'accept-password-again' }), again),
    errors,
    submit,
  );
  let invitation: Invitation | null = null;
  const renderIntro = () => {
    if (invitation) intro.textContent = t('acceptIntro', { name: invitation.name, email: invitation.email, role: roleName(invitation.role) });
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    if (password.value !== again.value) {
      errors.replaceChildren(h('p', { role: 'alert', class: 'error-banner' }, t('acceptPasswordsDiffer')));
      again.focus();
      return;
    }
    submit.disabled = true;
    try {
      await acceptInvitation(token, password.value, name.value.trim());
      history.replaceState(null, '', '/#/');
      onSignedIn();
    } catch (error) {
      errors.replaceChildren(errorBanner(error));
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(form);
  apiCall(auth.readInvitation, { body: { token } })
    .then((answer) => {
      invitation = answer.invitation;
      name.value = invitation.name;
      renderIntro();
      password.focus();
    })
    .catch((error: unknown) => {
      // An expired, used or mistyped link: say so, and offer the sign-in instead.
      main.replaceChildren(h('div', { class: 'card sign-in' }, tx('h1', 'acceptTitle'), errorBanner(error), h('a', { href: '/#/', 'data-i18n': 'signIn' }, t('signIn'))));
    });
  return onLangChange(renderIntro);
}
