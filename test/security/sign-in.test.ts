import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_CEILING } from '../../server/auth/account-failures';
import { addressSource } from '../../server/auth/client-address';
import { PAIR_FREE_FAILURES } from '../../server/auth/pair-failures';
import { SlidingWindowLimiter } from '../../server/auth/rate-limit';
import { configureSignInGuards } from '../../server/auth/sign-in';
import { openDatabase } from '../../server/storage/db';
import { MIGRATIONS } from '../../server/storage/migrations';
import { api, login, makeUser, startTestServer, type TestServer } from '../helpers/app';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Answer {
  status: number;
  code: string | null;
  /** details.retryAfterSeconds of a refusal. */
  retryAfter: number | null;
  messages: { ru: string; ky: string; en: string } | null;
  retryAfterHeader: string | null;
}

/** Signs in over HTTP; `from` is the client address, sent as X-Forwarded-For (the app trusts its loopback proxy). */
async function attempt(email: string, password: string, options: { from?: string; headers?: Record<string, string>; target?: TestServer } = {}) {
  const target = options.target ?? server;
  const res = await fetch(`${target.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.from ? { 'x-forwarded-for': options.from } : {}), ...options.headers },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as {
    error?: { code: string; messages: Answer['messages']; details?: { retryAfterSeconds?: number } };
  };
  return {
    status: res.status,
    code: body.error?.code ?? null,
    retryAfter: body.error?.details?.retryAfterSeconds ?? null,
    messages: body.error?.messages ?? null,
    retryAfterHeader: res.headers.get('retry-after'),
  } satisfies Answer;
}

/** The sign-in rules of `target` on a clock the test moves: no test waits for real time to pass. */
function steppedClock(target: TestServer) {
  const clock = {
    now: Date.UTC(2026, 0, 12, 9),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  configureSignInGuards(target.tendik.ctx, { now: () => clock.now });
  return clock;
}

async function withServer(run: (target: TestServer) => Promise<void>, databasePath = ':memory:') {
  const target = await startTestServer({ databasePath });
  try {
    await run(target);
  } finally {
    await target.close();
  }
}

function tempDatabaseFile(): { file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-sign-in-'));
  return { file: path.join(dir, 'tendik.sqlite'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function auditOf(target: TestServer, action: string, email: string) {
  return (
    target.tendik.ctx.db.prepare('SELECT user_id, details FROM audit_log WHERE action = ? AND target = ? ORDER BY seq').all(action, email) as {
      user_id: string | null;
      details: string;
    }[]
  ).map((row) => ({ userId: row.user_id, ...(JSON.parse(row.details) as Record<string, unknown>) }));
}

/** The wait after the n-th consecutive failure of a pair: 2^(n−3) s from the 3rd on, at most 15 min. */
function pairDelaySeconds(failures: number): number {
  return failures < 3 ? 0 : Math.min(2 ** (failures - 3), 900);
}

const STRANGER = '198.51.100.7';
const OWNER = '203.0.113.20';

describe('sign-in slows guessing down and never locks an account', () => {
  it('a stranger failing 50 times for the owner\'s address from one address does not stop her signing in from hers at once', async () => {
    await withServer(async (target) => {
      const clock = steppedClock(target);
      const { user, password } = await makeUser(target, 'secretary');
      // As fast as the rules let him: every refusal waited out, until 50 wrong passwords were checked.
      let failures = 0;
      for (let tries = 0; failures < 50 && tries < 200; tries += 1) {
        const answer = await attempt(user.email, `guess-${failures}`, { from: STRANGER, target });
        if (answer.status === 429) clock.advance((answer.retryAfter ?? 60) * 1000);
        else (expect(answer.code).toBe('BAD_CREDENTIALS'), (failures += 1));
      }
      expect(failures).toBe(50);
      // ... and 50 more without waiting, all refused unchecked.
      for (let i = 0; i < 50; i += 1) expect((await attempt(user.email, `more-${i}`, { from: STRANGER, target })).status).toBe(429);

      // She has never signed in from this address before, and still gets in at once.
      expect((await attempt(user.email, password, { from: OWNER, target })).status).toBe(200);
      // Her success clears her own pair only: the stranger is still held, even with the right password.
      expect((await attempt(user.email, password, { from: STRANGER, target })).status).toBe(429);

      const db = target.tendik.ctx.db;
      expect(db.prepare('SELECT failed_logins, locked_until FROM users WHERE id = ?').get(user.id)).toEqual({
        failed_logins: 0,
        locked_until: null,
      });
      const actions = (db.prepare('SELECT DISTINCT action FROM audit_log WHERE user_id = ?').all(user.id) as { action: string }[]).map(
        (row) => row.action,
      );
      expect(actions.sort()).toEqual(['user.login', 'user.login_failed', 'user.login_throttled']);
      expect(auditOf(target, 'user.login_failed', user.email)).toHaveLength(50);
      expect(auditOf(target, 'user.login_failed', user.email).at(-1)).toMatchObject({ address: STRANGER, pairFailures: 50 });
      expect(auditOf(target, 'user.login_throttled', user.email).at(-1)).toMatchObject({ userId: user.id, address: STRANGER, rule: 'pair' });
    });
  });

  it('from one address, failures get growing delays; a refused attempt is not checked; after the delay one more attempt; the right password clears the pair', async () => {
    await withServer(async (target) => {
      const clock = steppedClock(target);
      const { user, password } = await makeUser(target, 'expert');
      const from = '192.0.2.44';
      for (let i = 1; i <= PAIR_FREE_FAILURES; i += 1) expect((await attempt(user.email, 'wrong', { from, target })).code).toBe('BAD_CREDENTIALS');

      // The right password during the delay is refused too, with the time to wait, in seconds under a minute.
      const refused = await attempt(user.email, password, { from, target });
      expect(refused).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS', retryAfter: 1, retryAfterHeader: '1' });
      expect(refused.messages).toEqual({
        ru: 'Слишком много неудачных попыток входа. Повторите через 1 сек.',
        ky: 'Кирүүгө ийгиликсиз аракеттер өтө көп. 1 секунддан кийин кайталаңыз.',
        en: 'Too many failed sign-in attempts. Try again in 1 s.',
      });
      clock.advance(999);
      expect((await attempt(user.email, 'wrong', { from, target })).retryAfter).toBe(1);
      clock.advance(1);
      // Refused attempts were not checked and not counted: still 3 failures, all audited as refusals.
      expect(auditOf(target, 'user.login_failed', user.email)).toHaveLength(3);
      expect(auditOf(target, 'user.login_throttled', user.email)).toHaveLength(2);

      // Each failure after the delay doubles the next one: 2, 4, 8 … s, at most 15 minutes.
      const waits: number[] = [];
      for (let failures = PAIR_FREE_FAILURES + 1; failures <= 15; failures += 1) {
        if (failures > PAIR_FREE_FAILURES + 1) clock.advance(pairDelaySeconds(failures - 1) * 1000);
        expect((await attempt(user.email, 'wrong', { from, target })).code, `failure ${failures}`).toBe('BAD_CREDENTIALS');
        const next = await attempt(user.email, password, { from, target });
        expect(next.status).toBe(429);
        waits.push(next.retryAfter!);
      }
      expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
      // Over a minute the wait is said in whole minutes, rounded up.
      clock.advance(839_000);
      const longer = await attempt(user.email, password, { from, target });
      expect(longer.retryAfter).toBe(61);
      expect(longer.messages).toEqual({
        ru: 'Слишком много неудачных попыток входа. Повторите через 2 мин.',
        ky: 'Кирүүгө ийгиликсиз аракеттер өтө көп. 2 мүнөттөн кийин кайталаңыз.',
        en: 'Too many failed sign-in attempts. Try again in 2 min.',
      });
      clock.advance(60_000);
      expect((await attempt(user.email, password, { from, target })).retryAfter).toBe(1);

      // After the delay the right password gets in and clears the pair: 3 free failures again.
      clock.advance(1000);
      expect((await attempt(user.email, password, { from, target })).status).toBe(200);
      expect(target.tendik.ctx.db.prepare('SELECT COUNT(*) AS n FROM sign_in_pair_failures').get()).toEqual({ n: 0 });
      for (let i = 1; i <= PAIR_FREE_FAILURES; i += 1) expect((await attempt(user.email, 'wrong', { from, target })).code).toBe('BAD_CREDENTIALS');
      expect((await attempt(user.email, 'wrong', { from, target })).retryAfter).toBe(1);
    });
  });

  it('parallel attempts cannot slip past the count: each sees the ones before it', async () => {
    await withServer(async (target) => {
      steppedClock(target);
      const { user } = await makeUser(target, 'expert');
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(user.email, `burst-${i}`, { from: STRANGER, target })));
      expect(answers.filter((a) => a.code === 'BAD_CREDENTIALS')).toHaveLength(PAIR_FREE_FAILURES);
      expect(answers.filter((a) => a.code === 'TOO_MANY_ATTEMPTS')).toHaveLength(12 - PAIR_FREE_FAILURES);
    });
  });

  it('the delays survive a restart: a new app on the same database file keeps them', async () => {
    const file = tempDatabaseFile();
    try {
      const from = '192.0.2.77';
      let owner = { email: '', password: '' };
      let clockNow = 0;
      await withServer(async (first) => {
        const clock = steppedClock(first);
        const { user, password } = await makeUser(first, 'expert');
        owner = { email: user.email, password };
        for (let failures = 1; failures <= 6; failures += 1) {
          clock.advance(pairDelaySeconds(failures - 1) * 1000);
          expect((await attempt(user.email, 'wrong', { from, target: first })).code).toBe('BAD_CREDENTIALS');
        }
        expect((await attempt(user.email, password, { from, target: first })).retryAfter).toBe(8);
        clockNow = clock.now;
      }, file.file);

      await withServer(async (second) => {
        const clock = steppedClock(second);
        clock.now = clockNow + 3000;
        expect(await attempt(owner.email, owner.password, { from, target: second })).toMatchObject({ status: 429, retryAfter: 5 });
        expect((await attempt(owner.email, owner.password, { from: OWNER, target: second })).status).toBe(200);
        clock.advance(5000);
        expect((await attempt(owner.email, owner.password, { from, target: second })).status).toBe(200);
      }, file.file);
    } finally {
      file.cleanup();
    }
  });

  it('distributed guessing: 20 failures in an hour slow down new addresses, not one she signed in from', async () => {
    await withServer(async (target) => {
      const clock = steppedClock(target);
      const { user, password } = await makeUser(target, 'secretary');
      const home = '203.0.113.5';
      expect((await attempt(user.email, password, { from: home, target })).status).toBe(200);
      clock.advance(24 * 60 * 60_000);

      // One wrong password from each of 20 addresses: no pair is slowed, but the account is.
      for (let i = 0; i < ACCOUNT_CEILING; i += 1)
        expect((await attempt(user.email, 'guess', { from: `100.64.0.${i + 1}`, target })).code).toBe('BAD_CREDENTIALS');
      const fresh = await attempt(user.email, password, { from: '100.64.1.1', target });
      expect(fresh).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS', retryAfter: 1 });
      expect(auditOf(target, 'user.login_throttled', user.email).at(-1)).toMatchObject({ address: '100.64.1.1', rule: 'account' });
      // She signs in at once from the address she used before.
      expect((await attempt(user.email, password, { from: home, target })).status).toBe(200);

      // The account-wide wait grows with each further failure: 2^(m−20) s after the latest one.
      clock.advance(1000);
      expect((await attempt(user.email, 'guess', { from: '100.64.0.200', target })).code).toBe('BAD_CREDENTIALS');
      expect((await attempt(user.email, password, { from: '100.64.1.2', target })).retryAfter).toBe(2);
      clock.advance(2000);
      expect((await attempt(user.email, 'guess', { from: '100.64.0.201', target })).code).toBe('BAD_CREDENTIALS');
      expect((await attempt(user.email, password, { from: '100.64.1.3', target })).retryAfter).toBe(4);
      expect((await attempt(user.email, password, { from: home, target })).status).toBe(200);

      // A slow-down, not a lock: after the wait a new address gets in with the right password.
      clock.advance(4000);
      expect((await attempt(user.email, password, { from: '100.64.1.4', target })).status).toBe(200);
      // And once the hour has passed, the failures are forgotten.
      clock.advance(60 * 60_000);
      expect((await attempt(user.email, 'guess', { from: '100.64.0.202', target })).code).toBe('BAD_CREDENTIALS');
      expect((await attempt(user.email, password, { from: '100.64.1.5', target })).status).toBe(200);
    });
  });

  it('an address she signed in from more than 30 days ago is no longer exempt', async () => {
    await withServer(async (target) => {
      const clock = steppedClock(target);
      const { user, password } = await makeUser(target, 'expert');
      const home = '203.0.113.6';
      expect((await attempt(user.email, password, { from: home, target })).status).toBe(200);
      clock.advance(31 * 24 * 60 * 60_000);
      for (let i = 0; i < ACCOUNT_CEILING; i += 1) await attempt(user.email, 'guess', { from: `100.64.2.${i + 1}`, target });
      expect((await attempt(user.email, password, { from: home, target })).status).toBe(429);
    });
  });

  it('answers an unknown e-mail exactly like a known one: per address, per account and after a success elsewhere', async () => {
    await withServer(async (target) => {
      const clock = steppedClock(target);
      const { user } = await makeUser(target, 'expert');
      const unknown = 'nobody-here@test.local';
      const known: Answer[] = [];
      const missing: Answer[] = [];
      const both = async (password: string, from: string) => {
        known.push(await attempt(user.email, password, { from, target }));
        missing.push(await attempt(unknown, password, { from, target }));
      };
      // One address: free failures, refusals, one more after the wait.
      for (let i = 0; i <= PAIR_FREE_FAILURES + 1; i += 1) await both(`wrong-${i}`, '192.0.2.10');
      clock.advance(1000);
      await both('wrong-after-wait', '192.0.2.10');
      await both('wrong-again', '192.0.2.10');
      // Many addresses, an hour later: the account-wide slow-down.
      clock.advance(60 * 60_000);
      for (let i = 0; i < ACCOUNT_CEILING; i += 1) await both('spread', `100.64.3.${i + 1}`);
      await both('spread', '100.64.4.1');
      expect(missing).toEqual(known);
      expect(known.map((a) => a.code)).toEqual([
        'BAD_CREDENTIALS',
        'BAD_CREDENTIALS',
        'BAD_CREDENTIALS',
        'TOO_MANY_ATTEMPTS',
        'TOO_MANY_ATTEMPTS',
        'BAD_CREDENTIALS',
        'TOO_MANY_ATTEMPTS',
        ...Array<string>(ACCOUNT_CEILING).fill('BAD_CREDENTIALS'),
        'TOO_MANY_ATTEMPTS',
      ]);
    });
  });

  it('a lock written by the old rule is lifted on upgrade and never read again', async () => {
    const file = tempDatabaseFile();
    try {
      // A database as the previous release left it: migrations up to 005, an account locked for an hour.
      const old = new Database(file.file);
      old.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
      for (const migration of MIGRATIONS.filter((m) => m.id < '006')) {
        old.exec(migration.sql);
        migration.run?.(old);
        old.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(migration.id, Date.now());
      }
      old.prepare(
        `INSERT INTO users (id, email, name, role, password_hash, failed_logins, locked_until, created_at)
         VALUES ('u-old', 'old@test.local', 'Old', 'expert', 'x', 4, ?, 0)`,
      ).run(Date.now() + 3600_000);
      old.close();
      const upgraded = openDatabase(file.file);
      expect(upgraded.prepare("SELECT failed_logins, locked_until FROM users WHERE id = 'u-old'").get()).toEqual({
        failed_logins: 0,
        locked_until: null,
      });
      upgraded.close();
    } finally {
      file.cleanup();
    }
    // And a value still there (written by hand) does not stop a sign-in.
    await withServer(async (target) => {
      const { user, password } = await makeUser(target, 'expert');
      target.tendik.ctx.db.prepare('UPDATE users SET locked_until = ? WHERE id = ?').run(Date.now() + 3600_000, user.id);
      expect((await attempt(user.email, password, { target })).status).toBe(200);
    });
  });

  it('a disabled account cannot sign in, and is answered like a wrong password', async () => {
    const { user, password } = await makeUser(server, 'expert');
    server.tendik.ctx.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(user.id);
    expect(await attempt(user.email, password)).toMatchObject({ status: 401, code: 'BAD_CREDENTIALS' });
  });
});

describe('per-address limit across accounts (credential stuffing)', () => {
  it('after 30 failures in 15 minutes from one address, across accounts, it waits; other addresses do not', async () => {
    await withServer(async (target) => {
      const clock = steppedClock(target);
      const { user, password } = await makeUser(target, 'expert');
      for (let i = 0; i < 30; i += 1) {
        expect((await attempt(`stuffed-${i}@test.local`, 'guess', { from: STRANGER, target })).code).toBe('BAD_CREDENTIALS');
        clock.advance(10_000);
      }
      const refused = await attempt(user.email, password, { from: STRANGER, target });
      expect(refused).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS', retryAfter: 15 * 60 - 300 });
      expect(refused.messages!.en).toBe('Too many failed sign-in attempts. Try again in 10 min.');
      expect(refused.messages!.ky).toBe('Кирүүгө ийгиликсиз аракеттер өтө көп. 10 мүнөттөн кийин кайталаңыз.');
      expect((await attempt(user.email, password, { from: OWNER, target })).status).toBe(200);
      clock.advance(600_000);
      expect((await attempt(user.email, password, { from: STRANGER, target })).status).toBe(200);
    });
  });

  it('counts an IPv6 client by its /64, and an IPv4 address written as IPv6 as itself', async () => {
    expect(addressSource('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64');
    expect(addressSource('2001:0db8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(addressSource('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressSource('::1')).toBe('0:0:0:0::/64');
    expect(addressSource('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressSource('64:ff9b:1:2:3:4:192.0.2.1')).toBe('64:ff9b:1:2::/64');
    expect(addressSource('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressSource('192.0.2.1')).toBe('192.0.2.1');
    await withServer(async (target) => {
      steppedClock(target);
      const { user, password } = await makeUser(target, 'expert');
      for (const host of ['a', 'b', 'c']) await attempt(user.email, 'guess', { from: `2001:db8:1:2::${host}`, target });
      expect((await attempt(user.email, password, { from: '2001:db8:1:2::d', target })).status).toBe(429);
      expect((await attempt(user.email, password, { from: '2001:db8:1:3::d', target })).status).toBe(200);
    });
  });

  it('the limiter forgets old hits, takes back a withdrawn one and bounds its memory', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(2, 100, () => now, 10);
    limiter.record('k');
    limiter.record('k');
    expect(limiter.retryAfterMs('k')).toBe(100);
    now = 50;
    expect(limiter.retryAfterMs('k')).toBe(50);
    now = 101;
    expect(limiter.retryAfterMs('k')).toBe(0);
    limiter.record('k');
    limiter.record('k');
    limiter.withdraw('k');
    expect(limiter.retryAfterMs('k')).toBe(0);
    for (let i = 0; i < 100; i += 1) limiter.record(`key-${i}`);
    expect(limiter.retryAfterMs('key-0')).toBe(0);
  });
});

describe('password change under a session', () => {
  it('waits after 5 wrong current passwords in 15 minutes; a right one does not count', async () => {
    await withServer(async (target) => {
      const clock = steppedClock(target);
      const { user, password } = await makeUser(target, 'expert');
      const auth = await login(target, user.email, password);
      const change = async (currentPassword: string) => {
        const res = await api(target, auth, '/api/auth/password', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ currentPassword, newPassword: 'short' }),
        });
        const body = (await res.json()) as { error: { code: string; details?: { retryAfterSeconds: number } } };
        return { code: body.error.code, retryAfter: body.error.details?.retryAfterSeconds ?? null };
      };
      // The right password with a weak new one is refused for the new one and is not counted.
      for (let i = 0; i < 6; i += 1) expect((await change(password)).code).toBe('WEAK_PASSWORD');
      for (let i = 0; i < 5; i += 1) expect((await change(`not-it-${i}`)).code).toBe('WRONG_CURRENT_PASSWORD');
      expect(await change(password)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfter: 900 });
      clock.advance(900_000);
      expect((await change(password)).code).toBe('WEAK_PASSWORD');
    });
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
    expect(await attempt(user.email, password, { headers: { origin: 'https://evil.example' } })).toMatchObject({ status: 403, code: 'CSRF_FAILED' });
    expect(await attempt(user.email, password, { headers: { origin: 'null' } })).toMatchObject({ status: 403, code: 'CSRF_FAILED' });
    expect(await attempt(user.email, password, { headers: { 'sec-fetch-site': 'cross-site' } })).toMatchObject({ status: 403, code: 'CSRF_FAILED' });
    expect((await attempt(user.email, password, { headers: { origin: server.url, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
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
