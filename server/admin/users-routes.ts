import express from 'express';
import { z } from 'zod';
import type { UserId } from '../../shared/ids';
import type { AppContext } from '../context';
import { audit } from '../audit';
import { AccountErrors } from '../auth/errors';
import { createInvitation, getInvitation, listPendingInvitations, revokeInvitation } from '../auth/invitations';
import { revokeUserSessions } from '../auth/revocation';
import { parseBody } from '../auth/routes';
import { Committee, Email, PersonName, RoleName } from '../auth/schemas';
import { countActiveAdmins, getAccount, listAccounts, updateAccount, type AccountPatch } from '../auth/users';
import { requireVerb } from '../auth/review-guard';

const InviteBody = z.object({
  email: Email,
  name: PersonName,
  role: RoleName,
  committee: Committee.nullish(),
});

const UpdateBody = z
  .object({
    name: PersonName.optional(),
    role: RoleName.optional(),
    committee: Committee.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0);

const IdParam = z.string().uuid();

/**
 * The admin manages accounts: lists them, invites people with a role, changes roles, committees and
 * names, disables and re-enables. A change of role, committee or state ends the user's sessions, so
 * what she may do is decided afresh at her next sign-in.
 */
export function mountAdminUserRoutes(app: express.Express, ctx: AppContext): void {
  const router = express.Router();
  router.use(express.json({ limit: '16kb' }));

  router.get('/users', (req, res) => {
    requireVerb(req, 'manageAccounts');
    res.json({ users: listAccounts(ctx.db) });
  });

  router.patch('/users/:id', (req, res) => {
    const session = requireVerb(req, 'manageAccounts');
    const id = IdParam.safeParse(req.params.id);
    const account = id.success ? getAccount(ctx.db, id.data) : undefined;
    if (!account) throw AccountErrors.USER_NOT_FOUND();
    const patch: AccountPatch = parseBody(UpdateBody, req);
    const role = patch.role ?? account.role;
    const committee = role === 'reader' ? (patch.committee !== undefined ? patch.committee : account.committee) : null;
    if (role === 'reader' && !committee) throw AccountErrors.COMMITTEE_REQUIRED();
    if (role !== 'reader') patch.committee = null;
    else patch.committee = committee;
    const losesAdmin = account.role === 'admin' && !account.disabled && (role !== 'admin' || patch.disabled === true);
    ctx.db.transaction(() => {
      if (losesAdmin && countActiveAdmins(ctx.db) <= 1) throw AccountErrors.LAST_ADMIN();
      updateAccount(ctx.db, account.id, patch);
    })();
    const updated = getAccount(ctx.db, account.id)!;
    const accessChanged =
      updated.role !== account.role || updated.committee !== account.committee || updated.disabled !== account.disabled;
    if (accessChanged) revokeUserSessions(ctx, account.id as UserId);
    audit(ctx.db, {
      userId: session.user.id,
      action: 'user.updated',
      target: account.id,
      details: { before: pick(account), after: pick(updated) },
    });
    res.json({ user: updated });
  });

  router.get('/invitations', (req, res) => {
    requireVerb(req, 'manageAccounts');
    res.json({ invitations: listPendingInvitations(ctx.db) });
  });

  /** Returns the token once, inside the link to pass to the invitee; only its hash is stored. */
  router.post('/invitations', (req, res) => {
    const session = requireVerb(req, 'manageAccounts');
    const body = parseBody(InviteBody, req);
    const { invitation, token } = createInvitation(ctx.db, {
      email: body.email,
      name: body.name,
      role: body.role,
      committee: body.committee ?? null,
      createdBy: session.user.id,
    });
    audit(ctx.db, {
      userId: session.user.id,
      action: 'user.invited',
      target: invitation.email,
      details: { role: invitation.role, committee: invitation.committee, invitationId: invitation.id },
    });
    // The token travels in the fragment: browsers never send it to a server or put it in a Referer.
    res.status(201).json({ invitation, token, acceptPath: `/accept-invite#token=${token}` });
  });

  router.delete('/invitations/:id', (req, res) => {
    const session = requireVerb(req, 'manageAccounts');
    const id = IdParam.safeParse(req.params.id);
    const invitation = id.success ? getInvitation(ctx.db, id.data) : undefined;
    if (!invitation || !revokeInvitation(ctx.db, invitation.id)) throw AccountErrors.INVITATION_INVALID();
    audit(ctx.db, { userId: session.user.id, action: 'user.invitation_revoked', target: invitation.email });
    res.json({ ok: true });
  });

  app.use('/api/admin', router);
}

function pick(account: { role: string; committee: string | null; disabled: boolean; name: string }) {
  return { role: account.role, committee: account.committee, disabled: account.disabled, name: account.name };
}
