import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { registerCommittee, signedIn, startTestServer, type Auth, type TestServer } from '../helpers/app';
import { send } from './json';

let server: TestServer;
let admin: Auth;
beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedIn(server, 'admin')).auth;
  registerCommittee(server.tendik.ctx.db, 'social');
});
afterAll(() => server.close());

interface Invited {
  invitation: { id: string; email: string; role: string; committee: string | null };
  token: string;
  acceptPath: string;
}

async function invite(body: Record<string, unknown>) {
  return send<Invited>(server, admin, 'POST', '/api/admin/invitations', body);
}

describe('invitations', () => {
  it('the admin invites, only the token hash is stored, the invitee sets her password and is signed in with the invited role', async () => {
    const res = await invite({ email: 'reader1@invite.test', name: 'Жыпар Окурман', role: 'reader', committee: 'social' });
    expect(res.status).toBe(201);
    const { token, invitation, acceptPath } = res.body;
    expect(acceptPath).toBe(`/accept-invite#token=${token}`);
    const stored = server.tendik.ctx.db.prepare('SELECT token_hash FROM invitations WHERE id = ?').get(invitation.id) as {
      token_hash: string;
    };
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(server.tendik.ctx.db.prepare('SELECT * FROM invitations').all())).not.toContain(token);

    const lookup = await send<{ invitation: { email: string; role: string } }>(server, null, 'POST', '/api/auth/invitation', { token });
    expect(lookup.body.invitation).toMatchObject({ email: 'reader1@invite.test', role: 'reader' });

    const accepted = await send<{ user: { role: string; committee: string; email: string }; csrfToken: string }>(
      server,
      null,
      'POST',
      '/api/auth/accept-invite',
      { token, password: 'a-long-enough-password' },
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ role: 'reader', committee: 'social', email: 'reader1@invite.test' });
    const cookie = accepted.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await send(server, { cookie, csrfToken: accepted.body.csrfToken }, 'GET', '/api/auth/me')).status).toBe(200);

    // Spent: the same token works no more, and neither does the lookup.
    const again = await send(server, null, 'POST', '/api/auth/accept-invite', { token, password: 'another-long-password' });
    expect(again.body.error?.code).toBe('INVITATION_INVALID');
    expect((await send(server, null, 'POST', '/api/auth/invitation', { token })).body.error?.code).toBe('INVITATION_INVALID');
  });

  it('refuses expired, revoked, forged and replaced tokens and weak passwords', async () => {
    const expired = (await invite({ email: 'late@invite.test', name: 'Late', role: 'expert' })).body;
    server.tendik.ctx.db.prepare('UPDATE invitations SET expires_at = ? WHERE id = ?').run(Date.now() - 1, expired.invitation.id);
    expect((await send(server, null, 'POST', '/api/auth/accept-invite', { token: expired.token, password: 'long-enough-pass' })).body.error?.code).toBe(
      'INVITATION_INVALID',
    );

    const revoked = (await invite({ email: 'revoked@invite.test', name: 'Revoked', role: 'expert' })).body;
    expect((await send(server, admin, 'DELETE', `/api/admin/invitations/${revoked.invitation.id}`)).status).toBe(200);
    expect((await send(server, null, 'POST', '/api/auth/accept-invite', { token: revoked.token, password: 'long-enough-pass' })).body.error?.code).toBe(
      'INVITATION_INVALID',
    );

    const forged = 'A'.repeat(43);
    expect((await send(server, null, 'POST', '/api/auth/accept-invite', { token: forged, password: 'long-enough-pass' })).body.error?.code).toBe(
      'INVITATION_INVALID',
    );

    const first = (await invite({ email: 'twice@invite.test', name: 'Twice', role: 'expert' })).body;
    const second = (await invite({ email: 'twice@invite.test', name: 'Twice', role: 'secretary' })).body;
    expect((await send(server, null, 'POST', '/api/auth/accept-invite', { token: first.token, password: 'long-enough-pass' })).body.error?.code).toBe(
      'INVITATION_INVALID',
    );
    const weak = await send(server, null, 'POST', '/api/auth/accept-invite', { token: second.token, password: 'short' });
    expect(weak.body.error?.code).toBe('WEAK_PASSWORD');
    const ok = await send<{ user: { role: string } }>(server, null, 'POST', '/api/auth/accept-invite', {
      token: second.token,
      password: 'long-enough-pass',
    });
    expect(ok.body.user.role).toBe('secretary');
  });

  it('refuses to invite a reader without a committee, an existing address, or a malformed one', async () => {
    expect((await invite({ email: 'r2@invite.test', name: 'R', role: 'reader' })).body.error?.code).toBe('COMMITTEE_REQUIRED');
    const existing = await signedIn(server, 'expert');
    expect((await invite({ email: existing.user.email.toUpperCase(), name: 'Dup', role: 'expert' })).body.error?.code).toBe('EMAIL_TAKEN');
    expect((await invite({ email: 'not an address', name: 'X', role: 'expert' })).status).toBe(400);
    expect((await invite({ email: 'ok@invite.test', name: 'X', role: 'superuser' })).status).toBe(400);
  });

  it('lists pending invitations for the admin, never their tokens', async () => {
    const { token } = (await invite({ email: 'pending@invite.test', name: 'Pending', role: 'expert' })).body;
    const list = await send<{ invitations: Array<{ email: string }> }>(server, admin, 'GET', '/api/admin/invitations');
    expect(list.body.invitations.map((i) => i.email)).toContain('pending@invite.test');
    expect(JSON.stringify(list.body)).not.toContain(token);
  });
});
