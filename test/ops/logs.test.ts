import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createApp } from '../../server/app';
import { testConfig, type Config } from '../../server/config';
import { createLogger, type Logger } from '../../server/ops/logger';
import type { LogLevel } from '../../server/ops/log-level';
import { openDatabase } from '../../server/storage/db';
import { addAnnotation } from '../../shared/collab';
import { authorDocName } from '../../shared/protocol';
import { api, login, makeUser, type TestServer } from '../helpers/app';
import { createSampleReview } from '../collab/harness';
import { join, rawSocket, sendUpdate } from '../collab/fixtures';

/**
 * The server's log as an administrator reads it (server/ops/): one line per request and per socket
 * event of interest, JSON in production, the level configurable, and never a password, a token, a
 * cookie or a law's text — checked on everything a real session writes through it.
 */

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serverWithLog(level: LogLevel, overrides: Partial<Config> = {}) {
  const lines: string[] = [];
  const config = testConfig({ logLevel: level, ...overrides });
  const log: Logger = createLogger({ level, json: config.production, write: (line) => lines.push(line) });
  const tendik = createApp(config, openDatabase(':memory:'), log);
  const port = await tendik.listen();
  const server: TestServer = { tendik, port, url: `http://127.0.0.1:${port}`, close: () => tendik.close() };
  servers.push(server);
  return { server, lines };
}

const LAW_TEXT = 'Каждый гражданин имеет право на труд и на свободный выбор профессии';
const FINDING_BODY = 'Норма не учитывает неоплачиваемый труд по уходу';

/** A session's worth of work: sign-ins (one wrong), a password change, an upload, a socket join and an update. */
async function exercise(server: TestServer) {
  const secretary = await makeUser(server, 'secretary');
  const expert = await makeUser(server, 'expert');
  const wrong = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: expert.user.email, password: 'not-her-password-42' }),
  });
  expect(wrong.status).toBe(401);
  const auth = await login(server, expert.user.email, expert.password);
  const newPassword = 'a-brand-new-password-77';
  const changed = await api(server, auth, '/api/auth/password?token=query-secret-123', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: expert.password, newPassword }),
  });
  expect(changed.status).toBe(200);
  const fresh = { cookie: changed.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrfToken: ((await changed.json()) as { csrfToken: string }).csrfToken };

  const secretaryAuth = await login(server, secretary.user.email, secretary.password);
  const form = new FormData();
  form.set('file', new Blob([`ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ\nО труде\nСтатья 1. ${LAW_TEXT}.\n`], { type: 'text/plain' }), 'draft.txt');
  const preview = await api(server, secretaryAuth, '/api/import/preview', { method: 'POST', body: form });
  expect(preview.status).toBe(200);

  const review = createSampleReview(server.tendik.ctx.db, secretary.user.id, [expert.user.id]);
  const socket = await rawSocket(server, { auth: fresh });
  const doc = authorDocName(expert.user.id);
  expect((await join(socket, review.id, doc)).ok).toBe(true);
  expect((await join(socket, 'no-such-review', 'text')).ok).toBe(false);
  const local = new Y.Doc();
  let update: Uint8Array | null = null;
  local.on('update', (u: Uint8Array) => (update = u));
  addAnnotation(local, expert.user.id, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: LAW_TEXT, prefix: '', suffix: '' } }, body: FINDING_BODY });
  expect(await sendUpdate(socket, review.id, doc, update!)).toEqual({ ok: true });
  socket.disconnect();
  return { secrets: [expert.password, newPassword, secretary.password, auth.csrfToken, fresh.csrfToken, 'query-secret-123', ...cookieValues(auth.cookie), ...cookieValues(fresh.cookie)], review, expert };
}

function cookieValues(header: string): string[] {
  return header.split('; ').map((pair) => pair.split('=').slice(1).join('=')).filter((v) => v.length >= 8);
}

describe('the server log', () => {
  it('writes one JSON line per request and per socket event in production, with no secret and no law text', async () => {
    const { server, lines } = await serverWithLog('info', { production: true });
    const { secrets, review, expert } = await exercise(server);
    // The disconnect is logged when the server notices it.
    await expect.poll(() => lines.some((l) => l.includes('socket disconnected')), { timeout: 10_000 }).toBe(true);

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(typeof entry.time).toBe('string');
      expect(['debug', 'info', 'warn', 'error']).toContain(entry.level);
    }
    const requests = entries.filter((e) => e.msg === 'request');
    const paths = requests.map((e) => `${e.method as string} ${e.path as string} ${e.status as number}`);
    expect(paths).toContain('POST /api/auth/login 401');
    expect(paths).toContain('POST /api/auth/login 200');
    // The query string is never written: it may carry a token.
    expect(paths).toContain('POST /api/auth/password 200');
    expect(paths).toContain('POST /api/import/preview 200');
    const passwordChange = requests.find((e) => e.path === '/api/auth/password')!;
    expect(passwordChange.user).toBe(expert.user.id);
    expect(passwordChange.ip).toBe('127.0.0.1');
    expect(typeof passwordChange.ms).toBe('number');

    const socketEvents = entries.filter((e) => e.part === 'socket').map((e) => e.msg);
    expect(socketEvents).toContain('socket connected');
    expect(socketEvents).toContain('doc joined');
    expect(socketEvents).toContain('doc join refused');
    expect(socketEvents).toContain('socket disconnected');
    const joined = entries.find((e) => e.msg === 'doc joined')!;
    expect(joined).toMatchObject({ reviewId: review.id, doc: authorDocName(expert.user.id), writable: true, user: expert.user.id });
    // Updates are many a second: not one line each.
    expect(entries.filter((e) => e.part === 'socket').length).toBeLessThan(10);

    const all = lines.join('\n');
    for (const secret of secrets) expect(all, `a secret (${secret.slice(0, 4)}…) is in the log`).not.toContain(secret);
    expect(all).not.toContain(LAW_TEXT);
    expect(all).not.toContain('Каждый гражданин');
    expect(all).not.toContain(FINDING_BODY);
    expect(all.toLowerCase()).not.toContain('tendik_session');
  }, 60_000);

  it('writes readable lines outside production, and nothing below the configured level', async () => {
    const { server: chatty, lines: all } = await serverWithLog('debug');
    await fetch(`${chatty.url}/api/health`);
    await fetch(`${chatty.url}/api/reviews`);
    expect(all.some((l) => / DEBUG request method=GET path=\/api\/health status=200 /.test(l))).toBe(true);
    expect(all.some((l) => / INFO  request method=GET path=\/api\/reviews status=401 /.test(l))).toBe(true);
    expect(() => JSON.parse(all[0]!)).toThrow();

    const { server: quiet, lines: none } = await serverWithLog('warn');
    await fetch(`${quiet.url}/api/health`);
    await fetch(`${quiet.url}/api/reviews`);
    await makeUser(quiet, 'expert');
    expect(none).toEqual([]);
  });

  it('redacts fields named like secrets at any depth, even if a caller passes them', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', json: true, write: (l) => lines.push(l) });
    log.info('oops', { user: 'u1', password: 'hunter2-long', nested: { csrfToken: 'abc123def', list: [{ cookie: 'tendik_session=zzz' }] }, body: { text: LAW_TEXT } });
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ msg: 'oops', user: 'u1', password: '[redacted]', nested: { csrfToken: '[redacted]', list: [{ cookie: '[redacted]' }] }, body: '[redacted]' });
  });
});
