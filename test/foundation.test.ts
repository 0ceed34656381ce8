import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeUser, startTestServer, type TestServer } from './helpers/app';

describe('foundation: the app in-process on port 0', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers health', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers unknown API paths with a coded error in the requested language', async () => {
    const res = await fetch(`${server.url}/api/nothing-here?lang=ky`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toMatch(/табылган жок/);
  });

  it('signs in with a real scrypt-hashed password and refuses a wrong one', async () => {
    const { user, password } = await makeUser(server, 'expert');
    const { cookie } = await login(server, user.email, password);
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(user.email);
    const bad = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'ru' },
      body: JSON.stringify({ email: user.email, password: password + 'x' }),
    });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/Неверный/);
  });
});
