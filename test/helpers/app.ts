import { createApp, type TendikApp } from '../../server/app';
import { testConfig, type Config } from '../../server/config';
import { createUser, type User } from '../../server/auth/users';
import { createCommittee, getCommittee, type Committee } from '../../server/committees/store';
import type { Db } from '../../server/storage/db';
import type { Role } from '../../shared/roles';

export interface TestServer {
  tendik: TendikApp;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** The real app, in-process, on a free loopback port, over an in-memory (or given) SQLite database. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const tendik = createApp(testConfig(overrides));
  const port = await tendik.listen();
  return { tendik, port, url: `http://127.0.0.1:${port}`, close: () => tendik.close() };
}

/**
 * Puts a committee in the registry (server/committees/) unless it is there: uploads, issuing and
 * readers' accounts name registered committees only. Its names say its code in each language.
 */
export function registerCommittee(db: Db, code: string, chair = ''): Committee {
  return getCommittee(db, code) ?? createCommittee(db, { code, names: { ru: `Комитет ${code}`, ky: `${code} комитети`, en: `Committee ${code}` }, chair });
}

let counter = 0;
/** An account straight in the database; a reader's committee is registered first, as the admin's screen requires. */
export async function makeUser(server: TestServer, role: Role, extra: { committee?: string } = {}) {
  counter += 1;
  if (extra.committee) registerCommittee(server.tendik.ctx.db, extra.committee);
  const password = `pw-${role}-${counter}-${Math.random().toString(36).slice(2)}`;
  const user: User = await createUser(server.tendik.ctx.db, {
    email: `${role}${counter}@test.local`,
    name: `${role} ${counter}`,
    role,
    password,
    committee: extra.committee ?? null,
  });
  return { user, password };
}

/** Signs in over HTTP and returns the cookie header and CSRF token to send with later requests. */
export async function login(server: Pick<TestServer, 'url'>, email: string, password: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

export interface Auth {
  cookie: string;
  csrfToken: string;
}

/**
 * fetch against the test server as a signed-in user: sends the session cookie and the CSRF header.
 *
 * The server and the test share one process: when the test computes for longer than the server's
 * keep-alive timeout (5 s, reached on a loaded machine), the server may close a pooled connection in
 * the same turn as fetch reuses it, and the request fails with ECONNRESET before any answer. Like a
 * browser (RFC 9112 §9.3.1), a GET is sent once more on a new connection then; nothing else is retried.
 */
export async function api(server: Pick<TestServer, 'url'>, auth: Auth | null, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (auth) {
    headers.set('cookie', auth.cookie);
    headers.set('x-csrf-token', auth.csrfToken);
  }
  const send = () => fetch(`${server.url}${path}`, { ...init, headers });
  try {
    return await send();
  } catch (err) {
    const idempotent = (init.method ?? 'GET').toUpperCase() === 'GET';
    if (!idempotent || !isReusedConnectionReset(err)) throw err;
    return send();
  }
}

function isReusedConnectionReset(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } } | null)?.cause;
  return err instanceof TypeError && (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET');
}

/** Creates a user of the role and signs her in. */
export async function signedIn(server: TestServer, role: Role, extra: { committee?: string } = {}) {
  const { user, password } = await makeUser(server, role, extra);
  const auth = await login(server, user.email, password);
  return { user, password, auth };
}
