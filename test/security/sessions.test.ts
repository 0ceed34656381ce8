import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { SESSION_COOKIE } from '../../server/auth/sessions';
import { api, login, makeUser, signedIn, startTestServer, type TestServer } from '../helpers/app';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const db = () => server.tendik.ctx.db;
const hashId = (id: string) => createHash('sha256').update(id).digest('hex');
const sessionIdOf = (cookie: string) => decodeURIComponent(cookie.split('=')[1]!);

async function rawLogin(email: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

async function status(cookie: string) {
  return (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status;
}

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, path /, not Secure without TLS; the database keeps only a hash of the id', async () => {
    const { user, password } = await makeUser(server, 'expert');
    const res = await rawLogin(user.email, password);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i);
    const id = sessionIdOf(setCookie.split(';')[0]!);
    expect(id.length).toBeGreaterThanOrEqual(40);
    expect(db().prepare('SELECT 1 FROM sessions WHERE id_hash = ?').get(id)).toBeUndefined();
    expect(db().prepare('SELECT 1 FROM sessions WHERE id_hash = ?').get(hashId(id))).toBeDefined();
  });

  it('is Secure (and HSTS is sent) when the server runs behind TLS', async () => {
    const tls = await startTestServer({ secureCookies: true });
    try {
      const { user, password } = await makeUser(tls, 'expert');
      const res = await fetch(`${tls.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password }),
      });
      expect(res.headers.getSetCookie().join(';')).toMatch(/Secure/);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await tls.close();
    }
  });
});

describe('session fixation', () => {
  it('never promotes a session id the browser already carried: sign-in issues a new id and ends the old one', async () => {
    // The attacker signs in as herself and plants her session cookie in the victim's browser.
    const attacker = await signedIn(server, 'expert');
    const victim = await makeUser(server, 'secretary');
    const res = await rawLogin(victim.user.email, victim.password, { cookie: attacker.auth.cookie });
    expect(res.status).toBe(200);
    const issued = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(sessionIdOf(issued)).not.toBe(sessionIdOf(attacker.auth.cookie));
    // The planted id is dead, so the attacker does not ride along on the victim's sign-in.
    expect(await status(attacker.auth.cookie)).toBe(401);
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: issued } });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(victim.user.email);
  });

  it('ignores a made-up session id: it is never stored, so it can never become a session', async () => {
    const planted = `${SESSION_COOKIE}=attacker-chosen-id-0123456789abcdef0123456789`;
    expect(await status(planted)).toBe(401);
    const { user, password } = await makeUser(server, 'expert');
    const res = await rawLogin(user.email, password, { cookie: planted });
    const issued = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(issued).not.toBe(planted);
    expect(await status(planted)).toBe(401);
  });

  it('rotates the CSRF token with the session', async () => {
    const { user, password } = await makeUser(server, 'expert');
    const first = await login(server, user.email, password);
    const second = await login(server, user.email, password);
    expect(second.csrfToken).not.toBe(first.csrfToken);
  });
});

describe('logout, expiry, renewal', () => {
  it('logout ends the session on the server, not only in the browser', async () => {
    const { auth } = await signedIn(server, 'expert');
    const res = await api(server, auth, '/api/auth/logout', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join(';')).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    expect(await status(auth.cookie)).toBe(401);
  });

  it('logout-all ends every session of the user and no one else’s', async () => {
    const { user, password, auth } = await signedIn(server, 'expert');
    const laptop = await login(server, user.email, password);
    const colleague = await signedIn(server, 'expert');
    expect((await api(server, auth, '/api/auth/logout-all', { method: 'POST' })).status).toBe(200);
    expect(await status(auth.cookie)).toBe(401);
    expect(await status(laptop.cookie)).toBe(401);
    expect(await status(colleague.auth.cookie)).toBe(200);
  });

  it('an expired session is refused and deleted', async () => {
    const { auth } = await signedIn(server, 'expert');
    const idHash = hashId(sessionIdOf(auth.cookie));
    db().prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?').run(Date.now() - 1, idHash);
    expect(await status(auth.cookie)).toBe(401);
    expect(db().prepare('SELECT 1 FROM sessions WHERE id_hash = ?').get(idHash)).toBeUndefined();
  });

  it('a session past its absolute lifetime is refused however active it was', async () => {
    const { auth } = await signedIn(server, 'expert');
    const idHash = hashId(sessionIdOf(auth.cookie));
    db().prepare('UPDATE sessions SET absolute_expires_at = ? WHERE id_hash = ?').run(Date.now() - 1, idHash);
    expect(await status(auth.cookie)).toBe(401);
  });

  it('an active session slides its idle expiry forward and re-sends the cookie', async () => {
    const { auth } = await signedIn(server, 'expert');
    const idHash = hashId(sessionIdOf(auth.cookie));
    const soon = Date.now() + 60_000;
    db().prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?').run(soon, idHash);
    const res = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: auth.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join(';')).toContain(`${SESSION_COOKIE}=`);
    const row = db().prepare('SELECT expires_at FROM sessions WHERE id_hash = ?').get(idHash) as { expires_at: number };
    expect(row.expires_at).toBeGreaterThan(soon + 3600_000);
    // A second request right after does not write again.
    const again = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: auth.cookie } });
    expect(again.headers.getSetCookie()).toEqual([]);
  });
});

describe('password change', () => {
  it('needs the current password, ends the other sessions and returns a fresh one', async () => {
    const { user, password, auth } = await signedIn(server, 'expert');
    const other = await login(server, user.email, password);
    const wrong = await api(server, auth, '/api/auth/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'not-it', newPassword: 'a-new-long-password' }),
    });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('WRONG_CURRENT_PASSWORD');
    const weak = await api(server, auth, '/api/auth/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: password, newPassword: 'short' }),
    });
    expect(((await weak.json()) as { error: { code: string } }).error.code).toBe('WEAK_PASSWORD');
    const ok = await api(server, auth, '/api/auth/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: password, newPassword: 'a-new-long-password' }),
    });
    expect(ok.status).toBe(200);
    const fresh = ok.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(await status(fresh)).toBe(200);
    expect(await status(auth.cookie)).toBe(401);
    expect(await status(other.cookie)).toBe(401);
    expect((await rawLogin(user.email, password)).status).toBe(401);
    expect((await rawLogin(user.email, 'a-new-long-password')).status).toBe(200);
  });
});
