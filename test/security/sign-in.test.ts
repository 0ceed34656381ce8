import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT_THRESHOLD } from '../../server/auth/lockout';
import { SlidingWindowLimiter } from '../../server/auth/rate-limit';
import { configureSignInGuards } from '../../server/auth/sign-in';
import { makeUser, startTestServer, type TestServer } from '../helpers/app';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function attempt(email: string, password: string, headers: Record<string, string> = {}, target = server) {
  const res = await fetch(`${target.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code ?? null };
}

describe('lock-out after repeated failures', () => {
  it(`locks the account after ${LOCKOUT_THRESHOLD} failures, refuses even the right password while locked, and stores locked_until`, async () => {
    const { user, password } = await makeUser(server, 'secretary');
    for (let i = 0; i < LOCKOUT_THRESHOLD; i += 1) expect((await attempt(user.email, `wrong-${i}`)).code).toBe('BAD_CREDENTIALS');
    const locked = await attempt(user.email, password);
    expect(locked).toEqual({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
    const row = server.tendik.ctx.db.prepare('SELECT locked_until FROM users WHERE id = ?').get(user.id) as {
      locked_until: number;
    };
    expect(row.locked_until).toBeGreaterThan(Date.now());
    const actions = (
      server.tendik.ctx.db.prepare("SELECT action FROM audit_log WHERE user_id = ? ORDER BY seq").all(user.id) as {
        action: string;
      }[]
    ).map((r) => r.action);
    expect(actions).toContain('user.locked');
  });

  it('answers an unknown address exactly like a known one, before and after the limit', async () => {
    const { user } = await makeUser(server, 'expert');
    const unknown = 'nobody-here@test.local';
    const known: Array<{ status: number; code: string | null }> = [];
    const missing: Array<{ status: number; code: string | null }> = [];
    for (let i = 0; i <= LOCKOUT_THRESHOLD; i += 1) {
      known.push(await attempt(user.email, `wrong-${i}`));
      missing.push(await attempt(unknown, `wrong-${i}`));
    }
    expect(missing).toEqual(known);
    expect(known.at(-1)!.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('unlocks when locked_until has passed, and a success clears the failure count', async () => {
    const fresh = await startTestServer();
    try {
      const { user, password } = await makeUser(fresh, 'expert');
      for (let i = 0; i < LOCKOUT_THRESHOLD; i += 1) await attempt(user.email, 'wrong', {}, fresh);
      expect((await attempt(user.email, password, {}, fresh)).status).toBe(429);
      // The lock ran out (written, not waited for); the in-memory window is reset as after its 15 minutes.
      fresh.tendik.ctx.db.prepare('UPDATE users SET locked_until = ? WHERE id = ?').run(Date.now() - 1, user.id);
      configureSignInGuards(fresh.tendik.ctx, {
        perAddress: new SlidingWindowLimiter(30, 60_000),
        perAccount: new SlidingWindowLimiter(5, 60_000),
      });
      expect((await attempt(user.email, password, {}, fresh)).status).toBe(200);
      const row = fresh.tendik.ctx.db.prepare('SELECT failed_logins, locked_until FROM users WHERE id = ?').get(user.id);
      expect(row).toEqual({ failed_logins: 0, locked_until: null });
    } finally {
      await fresh.close();
    }
  });

  it('a disabled account cannot sign in, and is answered like a wrong password', async () => {
    const { user, password } = await makeUser(server, 'expert');
    server.tendik.ctx.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(user.id);
    expect(await attempt(user.email, password)).toEqual({ status: 401, code: 'BAD_CREDENTIALS' });
  });
});

describe('per-address rate limit', () => {
  it('refuses further sign-ins from an address that failed too often, across accounts', async () => {
    const limited = await startTestServer();
    try {
      let now = 1_000_000;
      configureSignInGuards(limited.tendik.ctx, {
        perAddress: new SlidingWindowLimiter(3, 60_000, () => now),
        perAccount: new SlidingWindowLimiter(100, 60_000, () => now),
      });
      const { user, password } = await makeUser(limited, 'expert');
      for (const email of ['a@test.local', 'b@test.local', 'c@test.local'])
        expect((await attempt(email, 'guess', {}, limited)).code).toBe('BAD_CREDENTIALS');
      expect(await attempt(user.email, password, {}, limited)).toEqual({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
      now += 60_001;
      expect((await attempt(user.email, password, {}, limited)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('the limiter forgets old hits and bounds its memory', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(2, 100, () => now, 10);
    limiter.record('k');
    limiter.record('k');
    expect(limiter.retryAfterMs('k')).toBe(100);
    now = 50;
    expect(limiter.retryAfterMs('k')).toBe(50);
    now = 101;
    expect(limiter.retryAfterMs('k')).toBe(0);
    for (let i = 0; i < 100; i += 1) limiter.record(`key-${i}`);
    expect(limiter.retryAfterMs('key-0')).toBe(0);
  });
});

describe('login CSRF: sign-in has no session, so it takes only same-origin JSON', () => {
  it('refuses a form post or text/plain body (what a cross-site form can send)', async () => {
    const { user, password } = await makeUser(server, 'expert');
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', `email=${encodeURIComponent(user.email)}&password=${encodeURIComponent(password)}`],
      ['text/plain', JSON.stringify({ email: user.email, password })],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${user.email}\r\n--x--`],
    ] as const) {
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': type }, body });
      expect(res.status, type).toBe(415);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('refuses a foreign Origin or a cross-site Sec-Fetch-Site, accepts its own origin', async () => {
    const { user, password } = await makeUser(server, 'expert');
    expect(await attempt(user.email, password, { origin: 'https://evil.example' })).toEqual({ status: 403, code: 'CSRF_FAILED' });
    expect(await attempt(user.email, password, { origin: 'null' })).toEqual({ status: 403, code: 'CSRF_FAILED' });
    expect(await attempt(user.email, password, { 'sec-fetch-site': 'cross-site' })).toEqual({ status: 403, code: 'CSRF_FAILED' });
    expect((await attempt(user.email, password, { origin: server.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a CSP without inline script and the other headers on every response, API or not', async () => {
    for (const path of ['/api/health', '/api/nothing', '/api/auth/me']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", 'connect-src']) {
        expect(csp).toContain(directive);
      }
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    expect((await fetch(`${server.url}/api/health`)).headers.get('cache-control')).toBe('no-store');
    // Pages outside the API (the client, or Express's own 404) never allow inline script either.
    for (const path of ['/', '/some/page']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp, path).toMatch(/default-src '(self|none)'/);
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
