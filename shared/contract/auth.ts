import { z } from 'zod';
import { InvitationToken, OkResponse, Password, PersonName, RoleName } from './fields';
import { route } from './route';

/** Signing in and out, the current session, the password, and accepting an invitation (server/auth/routes.ts). */

export const LoginBody = z.object({ email: z.string().trim().min(3).max(320), password: Password });
export type LoginBody = z.infer<typeof LoginBody>;
export const PasswordChangeBody = z.object({ currentPassword: Password, newPassword: Password });
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;
/** An invalid token is refused as INVITATION_INVALID, never as a bad request: it says nothing more. */
export const InvitationBody = z.object({ token: InvitationToken });
export type InvitationBody = z.infer<typeof InvitationBody>;
export const AcceptInviteBody = z.object({ token: InvitationToken, password: Password, name: PersonName.optional() });
export type AcceptInviteBody = z.infer<typeof AcceptInviteBody>;

/** A password reset: the address (answered the same whether an account has it or not), then the link's token and the new password. */
export const ResetRequestBody = z.object({ email: z.string().trim().min(3).max(320) });
export type ResetRequestBody = z.infer<typeof ResetRequestBody>;
export const ResetPasswordBody = z.object({ token: InvitationToken, password: Password });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

/** The signed-in person as every session answer names her. */
export const SessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleName,
  /** For committee readers: the committee whose issued conclusions they may read. */
  committee: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** Every route that opens or reads a session answers this: the CSRF token goes with every later change. */
export const SessionResponse = z.object({ user: SessionUser, csrfToken: z.string(), expiresAt: z.number() });
export type SessionResponse = z.infer<typeof SessionResponse>;

/** What an invitation is for, so the accept page can show it before the password is set. */
export const InvitationPreviewResponse = z.object({
  invitation: z.object({
    email: z.string(),
    name: z.string(),
    role: RoleName,
    committee: z.string().nullable(),
    expiresAt: z.number(),
  }),
});
export type InvitationPreviewResponse = z.infer<typeof InvitationPreviewResponse>;

export const login = route({ method: 'POST', path: '/api/auth/login', summary: 'sign in', body: LoginBody, response: SessionResponse });
export const logout = route({ method: 'POST', path: '/api/auth/logout', summary: 'end this session', response: OkResponse });
export const logoutAll = route({ method: 'POST', path: '/api/auth/logout-all', summary: 'end every session of the user', response: OkResponse });
export const me = route({ method: 'GET', path: '/api/auth/me', summary: 'the current session', response: SessionResponse });
export const changePassword = route({
  method: 'POST',
  path: '/api/auth/password',
  summary: 'change the password; this session is replaced, the others end',
  body: PasswordChangeBody,
  response: SessionResponse,
});
export const readInvitation = route({
  method: 'POST',
  path: '/api/auth/invitation',
  summary: 'what an invitation is for (POST: the token stays out of URLs and logs)',
  body: InvitationBody,
  response: InvitationPreviewResponse,
});
export const acceptInvite = route({
  method: 'POST',
  path: '/api/auth/accept-invite',
  summary: 'the invitee sets her password and is signed in',
  body: AcceptInviteBody,
  response: SessionResponse,
  successStatus: [201],
});
export const requestPasswordReset = route({
  method: 'POST',
  path: '/api/auth/password-reset/request',
  summary: 'mail a password reset link to the address, if an active account has it (the answer is the same either way)',
  body: ResetRequestBody,
  response: OkResponse,
  successStatus: [202],
});
export const resetPassword = route({
  method: 'POST',
  path: '/api/auth/password-reset',
  summary: "set a new password with a reset link's token; every session of the account ends and this one starts",
  body: ResetPasswordBody,
  response: SessionResponse,
});
