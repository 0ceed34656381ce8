import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { testConfig, type Config } from '../../server/config';
import { createLogger } from '../../server/ops/logger';
import { openDatabase } from '../../server/storage/db';
import { api, login, makeUser, registerCommittee, type TestServer } from '../helpers/app';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import * as Y from 'yjs';
import { addAnnotation, addReply } from '../../shared/collab';
import { authorDocName } from '../../shared/protocol';
import { createSampleReview } from '../collab/harness';
import { join, rawSocket, sendUpdate } from '../collab/fixtures';

/**
 * E-mail (docs/deploy.md "E-mail", docs/security.md "Password reset"), against a local SMTP sink the
 * test starts: invitations reach the invitee, a password is reset by e-mail link (hashed, expiring,
 * single-use token; the same answer for any address; throttled; ru/ky/en), a conclusion issued to a
 * committee is mailed to its readers — and without SMTP settings everything works as before.
 */
const PUBLIC_URL = 'https://tendik.example.kg';
let sink: SmtpSink;
const servers: TestServer[] = [];
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function server(overrides: Partial<Config> = {}, mail = true) {
  const lines: string[] = [];
  const config = testConfig({
    publicUrl: PUBLIC_URL,
    mail: mail ? { host: '127.0.0.1', port: sink.port, secure: false, requireTls: false, user: null, password: null, from: 'Tendik <tendik@example.kg>' } : null,
    logLevel: 'info',
    production: true,
    ...overrides,
  });
  const tendik = createApp(config, openDatabase(':memory:'), createLogger({ level: 'info', json: true, write: (l) => lines.push(l) }));
  const port = await tendik.listen();
  const s: TestServer = { tendik, port, url: `http://127.0.0.1:${port}`, close: () => tendik.close() };
  servers.push(s);
  return { s, lines, idle: () => tendik.ctx.mail.idle() };
}

function post(s: TestServer, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const linkIn = (text: string, path: string) => new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}${path}#token=([A-Za-z0-9_-]+)`).exec(text)?.[1];

describe('invitations', () => {
  it('are mailed to the invitee in ru, ky and en with the link the admin sees, and the link works', async () => {
    const { s, idle } = await server();
    const admin = await makeUser(s, 'admin');
    const auth = await login(s, admin.user.email, admin.password);
    const res = await api(s, auth, '/api/admin/invitations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'aigul@example.kg', name: 'Айгуль', role: 'expert' }) });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { token: string; acceptPath: string; mailed: boolean };
    expect(answer.mailed).toBe(true);
    await idle();
    const [mail, ...more] = sink.to('aigul@example.kg');
    expect(more).toEqual([]);
    expect(mail!.from).toBe('tendik@example.kg');
    expect(mail!.subject).toBe('Приглашение в Tendik / Tendik системасына чакыруу / Invitation to Tendik');
    expect(mail!.text).toContain('Здравствуйте, Айгуль!');
    expect(mail!.text).toContain('«эксперт»');
    expect(mail!.text).toContain('Саламатсызбы, Айгуль!');
    expect(mail!.text).toContain('Hello Айгуль,');
    expect(linkIn(mail!.text, '/accept-invite')).toBe(answer.token);
    const accepted = await post(s, '/api/auth/accept-invite', { token: linkIn(mail!.text, '/accept-invite'), password: 'aigul-new-password-1' });
    expect(accepted.status).toBe(201);
  });
});

describe('the conclusion issued to a committee', () => {
  it("is mailed to that committee's active readers, and to nobody else", async () => {
    const { s, idle } = await server();
    registerCommittee(s.tendik.ctx.db, 'social');
    registerCommittee(s.tendik.ctx.db, 'budget');
    const secretary = await makeUser(s, 'secretary');
    const reader = await makeUser(s, 'reader', { committee: 'social' });
    const gone = await makeUser(s, 'reader', { committee: 'social' });
    s.tendik.ctx.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(gone.user.id);
    const other = await makeUser(s, 'reader', { committee: 'budget' });
    const review = createSampleReview(s.tendik.ctx.db, secretary.user.id, []);
    const auth = await login(s, secretary.user.email, secretary.password);
    const before = sink.mails.length;
    const res = await api(s, auth, `/api/reviews/${review.id}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'issued', committee: 'social' }) });
    expect(res.status).toBe(200);
    await idle();
    const mails = sink.mails.slice(before);
    expect(mails.map((m) => m.to)).toEqual([[reader.user.email]]);
    expect(mails[0]!.subject).toContain('Заключение гендерной экспертизы: Тестовая экспертиза');
    expect(mails[0]!.text).toContain(`${PUBLIC_URL}/#/reviews/${review.id}/conclusion`);
    expect(mails[0]!.text).toContain('Сиздин комитетке');
    expect(sink.to(gone.user.email)).toEqual([]);
    expect(sink.to(other.user.email)).toEqual([]);
  });
});

describe('password reset by e-mail', () => {
  it('mails a one-time link in the asker\'s language; the new password works, the old one and every old session end, the link cannot be used twice', async () => {
    const { s, idle, lines } = await server();
    const expert = await makeUser(s, 'expert');
    const oldSession = await login(s, expert.user.email, expert.password);
    const asked = await post(s, '/api/auth/password-reset/request', { email: expert.user.email.toUpperCase() }, { 'accept-language': 'ky', 'x-forwarded-for': '198.51.100.1' });
    expect(asked.status).toBe(202);
    expect(await asked.json()).toEqual({ ok: true });
    await idle();
    const [mail] = sink.to(expert.user.email);
    expect(mail!.subject).toBe('Tendik: сырсөздү жаңыртуу');
    expect(mail!.text).toContain('60 мүнөттүн ичинде');
    expect(mail!.text).not.toContain('Здравствуйте');
    const token = linkIn(mail!.text, '/reset-password')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only its hash is stored; the token is nowhere in the database or the log.
    const rows = s.tendik.ctx.db.prepare('SELECT token_hash FROM password_resets').all() as Array<{ token_hash: string }>;
    expect(rows.map((r) => r.token_hash)).toEqual([createHash('sha256').update(token).digest('hex')]);
    expect(lines.join('\n')).not.toContain(token);

    const weak = await post(s, '/api/auth/password-reset', { token, password: 'short' });
    expect(((await weak.json()) as { error: { code: string } }).error.code).toBe('WEAK_PASSWORD');
    const reset = await post(s, '/api/auth/password-reset', { token, password: 'a-new-long-password-9' });
    expect(reset.status).toBe(200);
    expect(((await reset.json()) as { user: { id: string } }).user.id).toBe(expert.user.id);
    expect(reset.headers.getSetCookie().some((c) => c.startsWith('tendik_session='))).toBe(true);
    expect((await api(s, oldSession, '/api/auth/me')).status).toBe(401);
    await expect(login(s, expert.user.email, expert.password)).rejects.toThrow(/401/);
    await login(s, expert.user.email, 'a-new-long-password-9');

    const again = await post(s, '/api/auth/password-reset', { token, password: 'yet-another-password-1' }, { 'accept-language': 'en' });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'RESET_INVALID', message: expect.stringContaining('already used') });
    const forged = await post(s, '/api/auth/password-reset', { token: 'x'.repeat(43), password: 'yet-another-password-1' });
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('RESET_INVALID');
    const audit = (s.tendik.ctx.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'user.password_reset%' ORDER BY seq").all() as Array<{ action: string }>).map((r) => r.action);
    expect(audit).toEqual(['user.password_reset_requested', 'user.password_reset']);
  });

  it('answers the same for unknown and disabled addresses and mails them nothing; a link expires; a newer link voids the older', async () => {
    const { s, idle } = await server();
    const expert = await makeUser(s, 'expert');
    const disabled = await makeUser(s, 'expert');
    s.tendik.ctx.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(disabled.user.id);
    const answers = [];
    for (const email of ['nobody@example.kg', disabled.user.email, expert.user.email]) {
      const res = await post(s, '/api/auth/password-reset/request', { email }, { 'x-forwarded-for': '198.51.100.2' });
      answers.push([res.status, await res.text()]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    await idle();
    expect(sink.to('nobody@example.kg')).toEqual([]);
    expect(sink.to(disabled.user.email)).toEqual([]);
    const first = linkIn(sink.to(expert.user.email)[0]!.text, '/reset-password')!;

    await post(s, '/api/auth/password-reset/request', { email: expert.user.email }, { 'x-forwarded-for': '198.51.100.2' });
    await idle();
    const second = linkIn(sink.to(expert.user.email)[1]!.text, '/reset-password')!;
    expect(((await (await post(s, '/api/auth/password-reset', { token: first, password: 'a-new-long-password-9' })).json()) as { error: { code: string } }).error.code).toBe('RESET_INVALID');
    // An hour later the link is dead.
    s.tendik.ctx.db.prepare('UPDATE password_resets SET expires_at = ?').run(Date.now() - 1);
    expect(((await (await post(s, '/api/auth/password-reset', { token: second, password: 'a-new-long-password-9' })).json()) as { error: { code: string } }).error.code).toBe('RESET_INVALID');
  });

  it('sends at most 3 links an hour to one account, and refuses a client address after 10 requests in 15 minutes', async () => {
    const { s, idle } = await server();
    const expert = await makeUser(s, 'expert');
    for (let i = 0; i < 5; i++) expect((await post(s, '/api/auth/password-reset/request', { email: expert.user.email }, { 'x-forwarded-for': `198.51.100.${10 + i}` })).status).toBe(202);
    await idle();
    expect(sink.to(expert.user.email)).toHaveLength(3);
    for (let i = 0; i < 10; i++) expect((await post(s, '/api/auth/password-reset/request', { email: `someone${i}@example.kg` }, { 'x-forwarded-for': '203.0.113.50' })).status).toBe(202);
    const refused = await post(s, '/api/auth/password-reset/request', { email: 'someone@example.kg' }, { 'x-forwarded-for': '203.0.113.50' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not held up.
    expect((await post(s, '/api/auth/password-reset/request', { email: 'someone@example.kg' }, { 'x-forwarded-for': '203.0.113.51' })).status).toBe(202);
  });
});

describe('@mentions', () => {
  /** A person's author doc over a real socket: each call writes through the collaboration protocol. */
  async function writer(s: TestServer, person: { user: { id: string; email: string }; password: string }, reviewId: string) {
    const auth = await login(s, person.user.email, person.password);
    const socket = await rawSocket(s, { auth });
    const doc = authorDocName(person.user.id);
    expect((await join(socket, reviewId, doc)).writable).toBe(true);
    const local = new Y.Doc();
    let pending: Uint8Array | null = null;
    local.on('update', (u: Uint8Array) => (pending = u));
    const send = async () => expect(await sendUpdate(socket, reviewId, doc, pending!)).toEqual({ ok: true });
    return {
      socket,
      async comment(body: string) {
        const a = addAnnotation(local, person.user.id, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } }, body });
        await send();
        return a.id;
      },
      async reply(targetId: string, body: string) {
        addReply(local, person.user.id, targetId, body);
        await send();
      },
    };
  }

  it('mails the members a new text mentions, once; mentions made before are not mailed all at once', async () => {
    const { s, idle } = await server();
    const secretary = await makeUser(s, 'secretary');
    const aida = await makeUser(s, 'expert');
    const bermet = await makeUser(s, 'expert');
    const outsider = await makeUser(s, 'expert');
    const review = createSampleReview(s.tendik.ctx.db, secretary.user.id, [aida.user.id, bermet.user.id]);
    const a = await writer(s, aida, review.id);
    const mailer = s.tendik.mentionMails!;
    const mailsTo = (who: { user: { email: string } }) => sink.to(who.user.email).filter((m) => m.subject.includes('Тестовая экспертиза'));

    // Already there when mail was first looked at: remembered, not mailed.
    await a.comment(`@${bermet.user.name} старое упоминание`);
    expect(await mailer.runNow()).toBe(0);

    const commentId = await a.comment(`Прошу @${bermet.user.name} и @${secretary.user.name} посмотреть; @${outsider.user.name} не участник, @${aida.user.name} — я сама`);
    expect(await mailer.runNow()).toBe(2);
    await idle();
    const [toBermet, ...moreToBermet] = mailsTo(bermet);
    expect(moreToBermet).toEqual([]);
    expect(toBermet!.subject).toBe(`${aida.user.name} упоминает вас: Тестовая экспертиза / ${aida.user.name} сизди эскерди: Тестовая экспертиза / ${aida.user.name} mentioned you: Тестовая экспертиза`);
    expect(toBermet!.text).toContain(`${PUBLIC_URL}/#/reviews/${review.id}`);
    // The mail names who and where, never the text of the comment.
    expect(toBermet!.text).not.toContain('посмотреть');
    expect(mailsTo(secretary)).toHaveLength(1);
    expect(mailsTo(outsider)).toEqual([]);
    expect(mailsTo(aida)).toEqual([]);

    // Nothing new: nothing mailed again.
    expect(await mailer.runNow()).toBe(0);
    const b = await writer(s, bermet, review.id);
    await b.reply(commentId, `@${aida.user.name}, посмотрю`);
    expect(await mailer.runNow()).toBe(1);
    await idle();
    expect(mailsTo(aida)).toHaveLength(1);
    expect(mailsTo(bermet)).toHaveLength(1);
    a.socket.disconnect();
    b.socket.disconnect();
  });
});

describe('without SMTP settings', () => {
  it('sends nothing: invitations are shown to the admin as before, and a reset says to ask the admin (ru, ky, en)', async () => {
    const { s } = await server({}, false);
    expect(s.tendik.ctx.mail.enabled).toBe(false);
    const admin = await makeUser(s, 'admin');
    const auth = await login(s, admin.user.email, admin.password);
    const before = sink.mails.length;
    const res = await api(s, auth, '/api/admin/invitations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bakyt@example.kg', name: 'Бакыт', role: 'expert' }) });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { mailed: boolean; acceptPath: string }).mailed).toBe(false);
    for (const [lang, words] of [['ru', 'администратор'], ['ky', 'администратор'], ['en', 'administrator']] as const) {
      const refused = await post(s, '/api/auth/password-reset/request', { email: admin.user.email }, { 'accept-language': lang });
      expect(refused.status).toBe(409);
      const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('RESET_UNAVAILABLE');
      expect(error.message).toContain(words);
    }
    expect(sink.mails.length).toBe(before);
  });

  it('a mail server that does not answer fails the mail, never the request', async () => {
    const { s, lines, idle } = await server({ mail: { host: '127.0.0.1', port: 9, secure: false, requireTls: false, user: null, password: null, from: 'Tendik <t@example.kg>' } });
    const admin = await makeUser(s, 'admin');
    const auth = await login(s, admin.user.email, admin.password);
    const res = await api(s, auth, '/api/admin/invitations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'c@example.kg', name: 'C', role: 'expert' }) });
    expect(res.status).toBe(201);
    await idle();
    const failed = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.msg === 'mail failed');
    expect(failed).toMatchObject({ part: 'mail', kind: 'invitation', level: 'error' });
    expect(JSON.stringify(failed)).not.toContain('accept-invite');
  });
});
