import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommittee, signedIn, startTestServer, type Auth, type TestServer } from '../helpers/app';
import { send } from './json';

let server: TestServer;
let admin: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, 'admin');
});
afterAll(() => server.close());

const me = async (auth: Auth) => (await send(server, auth, 'GET', '/api/auth/me')).status;

describe('the admin manages accounts', () => {
  it('lists accounts without password hashes', async () => {
    await signedIn(server, 'expert');
    const res = await send<{ users: Array<Record<string, unknown>> }>(server, admin.auth, 'GET', '/api/admin/users');
    expect(res.body.users.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
    expect(res.body.users[0]).toHaveProperty('disabled');
  });

  it('a role change ends the user’s sessions; the next sign-in carries the new role', async () => {
    const expert = await signedIn(server, 'expert');
    const res = await send<{ user: { role: string } }>(server, admin.auth, 'PATCH', `/api/admin/users/${expert.user.id}`, {
      role: 'secretary',
    });
    expect(res.body.user.role).toBe('secretary');
    expect(await me(expert.auth)).toBe(401);
    const audit = await send<{ entries: Array<{ action: string; target: string }> }>(server, admin.auth, 'GET', '/api/audit?action=user.updated');
    expect(audit.body.entries.some((e) => e.target === expert.user.id)).toBe(true);
  });

  it('disabling ends the sessions and refuses sign-in; a name change does not end them', async () => {
    const expert = await signedIn(server, 'expert');
    await send(server, admin.auth, 'PATCH', `/api/admin/users/${expert.user.id}`, { name: 'Renamed' });
    expect(await me(expert.auth)).toBe(200);
    await send(server, admin.auth, 'PATCH', `/api/admin/users/${expert.user.id}`, { disabled: true });
    expect(await me(expert.auth)).toBe(401);
    const login = await send(server, null, 'POST', '/api/auth/login', { email: expert.user.email, password: expert.password });
    expect(login.status).toBe(401);
    await send(server, admin.auth, 'PATCH', `/api/admin/users/${expert.user.id}`, { disabled: false });
    expect((await send(server, null, 'POST', '/api/auth/login', { email: expert.user.email, password: expert.password })).status).toBe(200);
  });

  it('a reader needs a committee; other roles lose theirs', async () => {
    const expert = await signedIn(server, 'expert');
    const noCommittee = await send(server, admin.auth, 'PATCH', `/api/admin/users/${expert.user.id}`, { role: 'reader' });
    expect(noCommittee.body.error?.code).toBe('COMMITTEE_REQUIRED');
    // A committee of the registry only (test/security/committees.test.ts has the refusals).
    registerCommittee(server.tendik.ctx.db, 'budget');
    const reader = await send<{ user: { committee: string | null } }>(server, admin.auth, 'PATCH', `/api/admin/users/${expert.user.id}`, {
      role: 'reader',
      committee: 'budget',
    });
    expect(reader.body.user.committee).toBe('budget');
    const back = await send<{ user: { committee: string | null } }>(server, admin.auth, 'PATCH', `/api/admin/users/${expert.user.id}`, {
      role: 'expert',
    });
    expect(back.body.user.committee).toBeNull();
  });

  it('keeps at least one active admin', async () => {
    const lone = await startTestServer();
    try {
      const only = await signedIn(lone, 'admin');
      const res = await send(lone, only.auth, 'PATCH', `/api/admin/users/${only.user.id}`, { role: 'expert' });
      expect(res.status).toBe(409);
      expect(res.body.error?.code).toBe('LAST_ADMIN');
      expect((await send(lone, only.auth, 'PATCH', `/api/admin/users/${only.user.id}`, { disabled: true })).body.error?.code).toBe('LAST_ADMIN');
    } finally {
      await lone.close();
    }
  });

  it('answers unknown users and bad patches with coded errors', async () => {
    expect((await send(server, admin.auth, 'PATCH', '/api/admin/users/00000000-0000-4000-8000-000000000000', { name: 'x' })).body.error?.code).toBe(
      'USER_NOT_FOUND',
    );
    expect((await send(server, admin.auth, 'PATCH', '/api/admin/users/..%2F..%2Fetc', { name: 'x' })).body.error?.code).toBe('USER_NOT_FOUND');
    const expert = await signedIn(server, 'expert');
    expect((await send(server, admin.auth, 'PATCH', `/api/admin/users/${expert.user.id}`, {})).status).toBe(400);
    expect((await send(server, admin.auth, 'PATCH', `/api/admin/users/${expert.user.id}`, { password_hash: 'x' })).status).toBe(400);
  });
});
