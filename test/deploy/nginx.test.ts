import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type TendikApp } from '../../server/app';
import { createUser, type User } from '../../server/auth/users';
import { PROJECT_ROOT, testConfig } from '../../server/config';
import { CONTENT_SECURITY_POLICY } from '../../server/http/security';
import { createLogger } from '../../server/ops/logger';
import { openDatabase } from '../../server/storage/db';
import { CollabEvents } from '../../shared/protocol';
import { chromiumAvailable, launchChromium, signInAs } from '../helpers/browser';
import { ensureClientBuilt } from '../e2e/build-client';
import { openReview } from '../e2e/page-actions';
import { createSampleReview } from '../collab/harness';

/**
 * The example nginx configuration (deploy/nginx/tendik.conf), run by Debian's nginx with a self-signed
 * certificate in front of Tendik as docs/deploy.md sets it up (secure cookies, trusted loopback proxy):
 * the security headers and the CSP arrive as Tendik sends them, cookies are Secure, the client address
 * the sign-in limits count is the client's (not nginx's, not one a client made up), the socket upgrade
 * passes, and Chromium signs in and joins a review's docs over TLS.
 */
const NGINX = '/usr/sbin/nginx';
const tools = fs.existsSync(NGINX) && fs.existsSync('/usr/bin/openssl');
if (!tools) console.warn(`[tendik] ${NGINX} or openssl not found: the TLS proxy test is SKIPPED (apt-get install nginx openssl).`);

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-nginx-'));
let tendik: TendikApp;
let nginx: ChildProcess | undefined;
let httpsPort = 0;
let httpPort = 0;
let cert = '';
let secretary: { user: User; password: string };
let reviewId = '';
const log: string[] = [];
let browser: Browser | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The example configuration with its marked lines changed, as an administrator would; each change must apply. */
function configured(example: string, appPort: number): string {
  const changes: Array<[string | RegExp, string]> = [
    ['server 127.0.0.1:3000;', `server 127.0.0.1:${appPort};`],
    ['listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`],
    [/^\s*listen \[::\]:443 ssl http2;$/m, ''],
    ['listen 80;', `listen 127.0.0.1:${httpPort};`],
    [/^\s*listen \[::\]:80;$/m, ''],
    ['/etc/letsencrypt/live/tendik.example.kg/fullchain.pem', path.join(temp, 'cert.pem')],
    ['/etc/letsencrypt/live/tendik.example.kg/privkey.pem', path.join(temp, 'key.pem')],
  ];
  let text = example;
  for (const [from, to] of changes) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`deploy/nginx/tendik.conf no longer has ${String(from)}`);
    text = next;
  }
  return text;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request over TLS through nginx, from a chosen loopback address (the client nginx sees). */
function request(method: string, urlPath: string, options: { from?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port: httpsPort, servername: 'localhost', ca: cert, method, path: urlPath, localAddress: options.from ?? '127.0.0.1', headers: { host: `localhost:${httpsPort}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function signIn(email: string, password: string, from: string, extra: Record<string, string> = {}) {
  return request('POST', '/api/auth/login', { from, headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify({ email, password }) });
}

function auditAddresses(action: string): string[] {
  return (tendik.ctx.db.prepare('SELECT details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as Array<{ details: string }>).map(
    (row) => (JSON.parse(row.details) as { address: string }).address,
  );
}

describe.skipIf(!tools)('Tendik behind nginx with TLS (deploy/nginx/tendik.conf)', () => {
  beforeAll(async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(temp, 'key.pem'), '-out', path.join(temp, 'cert.pem'), '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
    cert = fs.readFileSync(path.join(temp, 'cert.pem'), 'utf8');
    const databasePath = path.join(temp, 'tendik.sqlite');
    const db = openDatabase(databasePath);
    secretary = { user: await createUser(db, { email: 'sec@tls.test', name: 'Секретарь', role: 'secretary', password: 'secretary-tls-pass-1', committee: null }), password: 'secretary-tls-pass-1' };
    reviewId = createSampleReview(db, secretary.user.id, []).id;
    // As docs/deploy.md sets it: Secure cookies, nginx on this machine trusted for the client's address.
    tendik = createApp(
      testConfig({ databasePath, secureCookies: true, trustProxy: ['loopback'], production: true, logLevel: 'info' }),
      db,
      createLogger({ level: 'info', json: true, write: (l) => log.push(l) }),
    );
    const appPort = await tendik.listen();
    httpsPort = await freePort();
    httpPort = await freePort();
    fs.writeFileSync(path.join(temp, 'tendik.conf'), configured(fs.readFileSync(path.join(PROJECT_ROOT, 'deploy', 'nginx', 'tendik.conf'), 'utf8'), appPort));
    for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(temp, d));
    fs.writeFileSync(
      path.join(temp, 'nginx.conf'),
      [
        // What /etc/nginx/nginx.conf provides on a server; here every path is the test's own.
        process.getuid?.() === 0 ? 'user root;' : '',
        'daemon off;',
        'worker_processes 1;',
        `pid ${temp}/nginx.pid;`,
        `error_log ${temp}/error.log warn;`,
        'events { worker_connections 256; }',
        'http {',
        `  access_log ${temp}/access.log;`,
        ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `  ${d === 'body' ? 'client_body' : d}_temp_path ${temp}/${d};`),
        `  include ${temp}/tendik.conf;`,
        '}',
      ].join('\n'),
    );
    execFileSync(NGINX, ['-t', '-q', '-p', temp, '-c', path.join(temp, 'nginx.conf')]);
    nginx = spawn(NGINX, ['-p', temp, '-c', path.join(temp, 'nginx.conf')], { stdio: 'ignore' });
    for (let tries = 0; (await request('GET', '/api/health').then((r) => r.status, () => 0)) !== 200; tries++) {
      if (tries > 100) throw new Error(`nginx did not answer: ${fs.readFileSync(path.join(temp, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    nginx?.kill('SIGQUIT');
    await tendik?.close();
    fs.rmSync(temp, { recursive: true, force: true });
  });

  it("passes Tendik's security headers and CSP through unchanged, HSTS included, and sends plain HTTP to HTTPS", async () => {
    const page = await request('GET', '/api/health');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect([page.headers['content-security-policy']].flat()).toHaveLength(1);
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    const plain = await new Promise<{ status: number; location?: string }>((resolve, reject) =>
      import('node:http').then(({ request: httpRequest }) =>
        httpRequest({ host: '127.0.0.1', port: httpPort, path: '/api/health', headers: { host: 'tendik.example.kg' } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, location: res.headers.location });
        })
          .on('error', reject)
          .end(),
      ),
    );
    expect(plain).toEqual({ status: 301, location: 'https://tendik.example.kg/api/health' });
  });

  it('signs in with a Secure cookie; the address the sign-in limits count is the client nginx saw, never one the client made up', async () => {
    const ok = await signIn(secretary.user.email, secretary.password, '127.0.0.2', { 'x-forwarded-for': '203.0.113.9' });
    expect(ok.status).toBe(200);
    const cookie = [ok.headers['set-cookie']].flat().find((c) => c?.startsWith('tendik_session='))!;
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(auditAddresses('user.login').at(-1)).toBe('127.0.0.2');

    // Three failures from one client make that client wait; another client is not held up by them.
    for (let i = 0; i < 3; i++) expect((await signIn(secretary.user.email, 'wrong-password-000', '127.0.0.3')).status).toBe(401);
    expect((await signIn(secretary.user.email, 'wrong-password-000', '127.0.0.3')).status).toBe(429);
    expect((await signIn(secretary.user.email, 'wrong-password-000', '127.0.0.4', { 'x-forwarded-for': '127.0.0.3' })).status).toBe(401);
    expect(auditAddresses('user.login_failed')).toEqual(['127.0.0.3', '127.0.0.3', '127.0.0.3', '127.0.0.4']);
    // The request log says the same.
    const logged = log.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.msg === 'request' && e.path === '/api/auth/login');
    expect(logged.map((e) => e.ip)).toEqual(['127.0.0.2', '127.0.0.3', '127.0.0.3', '127.0.0.3', '127.0.0.3', '127.0.0.4']);
  });

  it('passes the socket upgrade: a WebSocket over TLS joins a doc of the review', async () => {
    const login = await signIn(secretary.user.email, secretary.password, '127.0.0.5');
    const cookie = [login.headers['set-cookie']].flat().map((c) => c!.split(';')[0]).join('; ');
    const socket: Socket = ioClient(`https://localhost:${httpsPort}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie, origin: `https://localhost:${httpsPort}` },
      ...({ ca: cert, localAddress: '127.0.0.5' } as object),
    });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      const answer = (await socket.timeout(10_000).emitWithAck(CollabEvents.join, { reviewId, doc: 'text' })) as { ok: boolean };
      expect(answer.ok).toBe(true);
      const connected = log.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.msg === 'socket connected');
      expect(connected.at(-1)).toMatchObject({ transport: 'websocket', ip: '127.0.0.5', user: secretary.user.id });
    } finally {
      socket.close();
    }
  });

  it.skipIf(!chromiumAvailable())('Chromium signs in over TLS through nginx and opens the review, its docs synced over the upgraded socket', async () => {
    ensureClientBuilt();
    browser = await launchChromium();
    // The certificate is self-signed: this browser is told to accept it, as one would add the CA.
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'ru-RU' });
    // Counts what the browser reports as blocked by the CSP while Tendik runs.
    await ctx.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const base = `https://localhost:${httpsPort}`;
    const page = await signInAs(ctx, base, secretary.user.email, secretary.password);
    const cookies = await ctx.cookies(base);
    expect(cookies.find((c) => c.name === 'tendik_session')?.secure).toBe(true);
    await openReview(page, base, reviewId);
    await expect.poll(() => [...tendik.io.of('/').sockets.values()].map((s) => s.conn.transport.name), { timeout: 10_000 }).toContain('websocket');
    const joined = log.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.msg === 'doc joined' && e.reviewId === reviewId && e.user === secretary.user.id);
    expect(joined.map((e) => e.doc)).toEqual(expect.arrayContaining(['text', 'engine']));
    // The CSP is in force in the browser: nothing the app loads is blocked (no script, style, frame or
    // connection refused), and the only report is a library's probe for eval, which the policy refuses.
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(violations.filter((v) => v !== 'script-src eval')).toEqual([]);
    const policy = (await page.request.get(`${base}/`)).headers()['content-security-policy'];
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    await ctx.close();
  }, 120_000);
});
