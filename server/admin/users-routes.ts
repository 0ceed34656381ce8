import express from 'express';
import { admin as contract } from '../../shared/contract';
import type { UserId } from '../../shared/ids';
import type { AppContext } from '../context';
import { audit } from '../audit';
import { AccountErrors } from '../auth/errors';
import { createInvitation, getInvitation, listPendingInvitations, revokeInvitation } from '../auth/invitations';
import { revokeUserSessions } from '../auth/revocation';
import { parseBody } from '../auth/routes';
import { countActiveAdmins, getAccount, listAccounts, updateAccount, type AccountPatch } from '../auth/users';
import { requireVerb } from '../auth/review-guard';
import { sendJson } from '../http/send-json';
import { requireActiveCommittee } from '../committees/store';
import { inAllLanguages, invitationMail } from '../mail/messages';
import { publicLink } from '../mail/notify';

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
    sendJson(res, contract.listUsers, { users: listAccounts(ctx.db) });
  });

  router.patch('/users/:id', (req, res) => {
    const session = requireVerb(req, 'manageAccounts');
    const params = contract.updateUser.params.safeParse(req.params);
    const account = params.success ? getAccount(ctx.db, params.data.id) : undefined;
    if (!account) throw AccountErrors.USER_NOT_FOUND();
    const patch: AccountPatch = parseBody(contract.updateUser.body, req);
    const role = patch.role ?? account.role;
    const committee = role === 'reader' ? (patch.committee !== undefined ? patch.committee : account.committee) : null;
    if (role === 'reader' && !committee) throw AccountErrors.COMMITTEE_REQUIRED();
    if (role !== 'reader') patch.committee = null;
    else patch.committee = committee;
    // A reader is given a committee of the registry; one she already has may have been deactivated since.
    if (patch.committee && patch.committee !== account.committee) requireActiveCommittee(ctx.db, patch.committee);
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
    sendJson(res, contract.updateUser, { user: updated });
  });

  router.get('/invitations', (req, res) => {
    requireVerb(req, 'manageAccounts');
    sendJson(res, contract.listInvitations, { invitations: listPendingInvitations(ctx.db) });
  });

  /** Returns the token once, inside the link to pass to the invitee; only its hash is stored. */
  router.post('/invitations', (req, res) => {
    const session = requireVerb(req, 'manageAccounts');
    const body = parseBody(contract.createInvitation.body, req);
    if (body.role === 'reader' && body.committee) requireActiveCommittee(ctx.db, body.committee);
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
    const acceptPath = `/accept-invite#token=${token}`;
    // With mail configured the invitee gets the link herself; the admin still sees it, once.
    if (ctx.mail.enabled)
      ctx.mail.send({
        to: invitation.email,
        kind: 'invitation',
        ...inAllLanguages(invitationMail({ name: invitation.name, role: invitation.role, link: publicLink(ctx, acceptPath), expiresAt: invitation.expiresAt })),
      });
    sendJson(res, contract.createInvitation, { invitation, token, acceptPath, mailed: ctx.mail.enabled }, 201);
  });

  router.delete('/invitations/:id', (req, res) => {
    const session = requireVerb(req, 'manageAccounts');
    const params = contract.revokeInvitation.params.safeParse(req.params);
    const invitation = params.success ? getInvitation(ctx.db, params.data.id) : undefined;
    if (!invitation || !revokeInvitation(ctx.db, invitation.id)) throw AccountErrors.INVITATION_INVALID();
    audit(ctx.db, { userId: session.user.id, action: 'user.invitation_revoked', target: invitation.email });
    sendJson(res, contract.revokeInvitation, { ok: true });
  });

  app.use('/api/admin', router);
}

function pick(account: { role: string; committee: string | null; disabled: boolean; name: string }) {
  return { role: account.role, committee: account.committee, disabled: account.disabled, name: account.name };
}
