import { auth } from '../shared/contract';
import type { Role } from '../shared/roles';
import { apiCall, ApiError, setCsrfToken } from './api';
import { clearLocalCopies } from './collab/local-copy';
import { forgetUnsent, totalUnsent } from './collab/unsent-index';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

let user: CurrentUser | null = null;

export function currentUser(): CurrentUser | null {
  return user;
}

/** Restores the session the browser's cookie carries, if any. */
export async function restoreSession(): Promise<CurrentUser | null> {
  try {
    const answer = await apiCall(auth.me);
    setCsrfToken(answer.csrfToken);
    user = answer.user;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    user = null;
  }
  return user;
}

export async function signIn(email: string, password: string): Promise<CurrentUser> {
  const answer = await apiCall(auth.login, { body: { email, password } });
  setCsrfToken(answer.csrfToken);
  user = answer.user;
  return answer.user;
}

/** Her changes, over every review opened in this browser, that have not reached the server yet. */
export function unsentWork(): number {
  return user ? totalUnsent(user.id) : 0;
}

/**
 * A shared computer must not keep another person's work readable: signing out deletes this browser's
 * copies of her reviews and the API answers kept for offline use. The caller has asked her first if
 * something was still unsent (unsentWork) and closed the open review, whose copies are in use.
 */
async function forgetLocalWork(userId: string): Promise<void> {
  forgetUnsent(userId);
  await clearLocalCopies(userId).catch(() => undefined);
}

export async function signOut(): Promise<void> {
  const who = user;
  try {
    await apiCall(auth.logout);
  } finally {
    setCsrfToken(null);
    user = null;
    if (who) await forgetLocalWork(who.id);
  }
}

/** The invitee sets her password: the server creates the account and signs her in. */
export async function acceptInvitation(token: string, password: string, name: string): Promise<CurrentUser> {
  const answer = await apiCall(auth.acceptInvite, { body: { token, password, name } });
  setCsrfToken(answer.csrfToken);
  user = answer.user;
  return answer.user;
}

/** Sets a new password with a reset link's token: the server ends her other sessions and signs this browser in. */
export async function resetPassword(token: string, password: string): Promise<CurrentUser> {
  const answer = await apiCall(auth.resetPassword, { body: { token, password } });
  setCsrfToken(answer.csrfToken);
  user = answer.user;
  return answer.user;
}

/** Changes her password: the server ends her other sessions and hands this one a fresh id and token. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const answer = await apiCall(auth.changePassword, { body: { currentPassword, newPassword } });
  setCsrfToken(answer.csrfToken);
  user = answer.user;
}

/** Ends every session of hers, this one included. */
export async function signOutEverywhere(): Promise<void> {
  const who = user;
  await apiCall(auth.logoutAll);
  setCsrfToken(null);
  user = null;
  if (who) await forgetLocalWork(who.id);
}
