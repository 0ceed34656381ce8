import { z } from 'zod';
import { Committee, Email, OkResponse, PersonName, RoleName } from './fields';
import { route } from './route';

/** The administrator's accounts and invitations (server/admin/users-routes.ts). */

export const InviteBody = z.object({
  email: Email,
  name: PersonName,
  role: RoleName,
  committee: Committee.nullish(),
});
export type InviteBody = z.input<typeof InviteBody>;

/** Only what changes is sent; an empty patch is a bad request, an unknown field too. */
export const UpdateUserBody = z
  .object({
    name: PersonName.optional(),
    role: RoleName.optional(),
    committee: Committee.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0);
export type UpdateUserBody = z.input<typeof UpdateUserBody>;

/** Accounts and invitations are addressed by their uuid; anything else is not found. */
export const IdParams = z.object({ id: z.string().uuid() });

export const Account = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleName,
  committee: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.number().nullable(),
  createdAt: z.number(),
});
export type Account = z.infer<typeof Account>;

export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleName,
  committee: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.number(),
  expiresAt: z.number(),
  acceptedAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

export const UsersResponse = z.object({ users: z.array(Account) });
export const UserResponse = z.object({ user: Account });
export const InvitationsResponse = z.object({ invitations: z.array(Invitation) });
/** The token is answered once, inside the link to pass on (in the fragment: no server or Referer sees it). */
/** `mailed`: the link was also sent to the invitee by e-mail (mail configured on the server). */
export const InvitationCreatedResponse = z.object({ invitation: Invitation, token: z.string(), acceptPath: z.string(), mailed: z.boolean() });
export type InvitationCreatedResponse = z.infer<typeof InvitationCreatedResponse>;

export const listUsers = route({ method: 'GET', path: '/api/admin/users', summary: 'every account', response: UsersResponse });
export const updateUser = route({
  method: 'PATCH',
  path: '/api/admin/users/:id',
  summary: "change an account's name, role, committee or state",
  params: IdParams,
  body: UpdateUserBody,
  response: UserResponse,
});
export const listInvitations = route({
  method: 'GET',
  path: '/api/admin/invitations',
  summary: 'the pending invitations',
  response: InvitationsResponse,
});
export const createInvitation = route({
  method: 'POST',
  path: '/api/admin/invitations',
  summary: 'invite someone with a role',
  body: InviteBody,
  response: InvitationCreatedResponse,
  successStatus: [201],
});
export const revokeInvitation = route({
  method: 'DELETE',
  path: '/api/admin/invitations/:id',
  summary: 'revoke a pending invitation',
  params: IdParams,
  response: OkResponse,
});
