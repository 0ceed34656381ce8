import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from '../../server/export/filename';
import { api } from '../helpers/app';
import { send } from './json';
import { PATH_PAYLOADS, SQL_PAYLOADS } from './payloads';
import { listRoutes, routeKey } from './routes-of-app';
import { stateFingerprint } from './state';
import { buildWorld, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.server.close());

const db = () => world.server.tendik.ctx.db;
const userCount = () => (db().prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;

describe('SQL injection in every parameter', () => {
  it('path parameters of every route, as the most powerful roles: refused, nothing changed, no 5xx', async () => {
    const before = stateFingerprint(db());
    const failures: string[] = [];
    const routes = listRoutes(world.server.tendik.app).filter((route) => route.path.includes(':'));
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes)
      for (const payload of SQL_PAYLOADS)
        for (const actor of ['admin', 'secretary'] as const) {
          const path = route.path.replace(/:(\w+)/g, () => encodeURIComponent(payload));
          const res = await api(world.server, world.auth(actor), path, {
            method: route.method,
            headers: { 'content-type': 'application/json' },
            ...(route.method === 'GET' ? {} : { body: JSON.stringify({ name: 'changed', userId: world.spareExpert.id, status: 'archived' }) }),
          });
          await res.arrayBuffer();
          if (res.status < 400 || res.status >= 500) failures.push(`${routeKey(route)} ${payload} as ${actor}: ${res.status}`);
        }
    expect(failures).toEqual([]);
    expect(stateFingerprint(db())).toEqual(before);
  });

  it('sign-in e-mail and password: never a session, never a 5xx', async () => {
    const { user } = world.people.admin;
    for (const payload of SQL_PAYLOADS) {
      for (const body of [
        { email: payload, password: payload },
        { email: `${user.email}${payload}`, password: 'x' },
        { email: user.email, password: payload },
      ]) {
        const res = await send(world.server, null, 'POST', '/api/auth/login', body);
        expect([400, 401, 429], JSON.stringify(body)).toContain(res.status);
        expect(res.headers.getSetCookie()).toEqual([]);
      }
    }
  });

  it('audit filters: a coded 400 or an empty answer, never other rows', async () => {
    for (const payload of SQL_PAYLOADS) {
      for (const name of ['userId', 'reviewId', 'action', 'from', 'to', 'before', 'limit']) {
        const res = await send<{ entries?: unknown[] }>(
          world.server,
          world.people.admin.auth,
          'GET',
          `/api/audit?${name}=${encodeURIComponent(payload)}`,
        );
        expect(res.status < 500, `${name}=${payload}`).toBe(true);
        if (res.status === 200) expect(res.body.entries, `${name}=${payload}`).toEqual([]);
        else expect(res.status).toBe(400);
      }
    }
  });

  it('text fields are stored exactly as typed: names, e-mail addresses, member ids', async () => {
    const count = userCount();
    for (const payload of SQL_PAYLOADS) {
      const renamed = await send<{ user: { name: string } }>(
        world.server,
        world.people.admin.auth,
        'PATCH',
        `/api/admin/users/${world.spareExpert.id}`,
        { name: payload },
      );
      expect(renamed.body.user.name).toBe(payload.trim());
      const invited = await send(world.server, world.people.admin.auth, 'POST', '/api/admin/invitations', {
        email: 'sql@injection.test',
        name: payload,
        role: 'expert',
      });
      expect(invited.status).toBe(201);
      const member = await send(world.server, world.people.secretary.auth, 'POST', `/api/reviews/${world.working.id}/members`, {
        userId: payload,
      });
      expect(member.body.error?.code).toBe('NOT_AN_EXPERT');
    }
    expect(userCount()).toBe(count);
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
    for (const table of ['users', 'sessions', 'reviews', 'review_members', 'audit_log', 'invitations'])
      expect(db().prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table), table).toBeDefined();
  });
});

function lawText(title: string): string {
  return [
    'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
    title,
    'Статья 1. Общие положения',
    '1. Настоящий Закон регулирует отношения в сфере социальной защиты.',
    '2. Государство обеспечивает равные права и возможности мужчин и женщин.',
    'Статья 2. Вступление в силу',
    'Настоящий Закон вступает в силу со дня официального опубликования.',
  ].join('\n');
}

describe('path traversal in upload and download names', () => {
  it('an uploaded file name is only ever a display name: no separators, no climbing, no control characters', async () => {
    let stored = 0;
    for (const name of PATH_PAYLOADS) {
      const form = new FormData();
      form.set('file', new Blob([lawText('О социальной защите')], { type: 'text/plain' }), name);
      const res = await api(world.server, world.people.secretary.auth, '/api/reviews', { method: 'POST', body: form });
      const body = (await res.json()) as { review?: { sourceName: string }; error?: { code: string } };
      expect(res.status, `${name}: ${JSON.stringify(body).slice(0, 200)}`).toBeLessThan(500);
      if (!body.review) {
        // A name whose extension does not fit the plain-text bytes (boot.ini, .docx) is refused for
        // its format, with a code.
        expect([400, 415], name).toContain(res.status);
        expect(body.error?.code).toMatch(/^IMPORT_/);
        continue;
      }
      stored += 1;
      const sourceName = body.review.sourceName;
      expect(sourceName, name).not.toMatch(/[\\/]|\.\.|[\u0000-\u001f\u202e]/);
      expect(sourceName.startsWith('.')).toBe(false);
    }
    expect(stored, 'most uploads were imported, so their names were really stored').toBeGreaterThanOrEqual(PATH_PAYLOADS.length - 2);
  });

  it('a download name can neither end the header nor climb a path', () => {
    for (const name of [...PATH_PAYLOADS, '"; filename="evil.exe', 'a\nb']) {
      const header = contentDisposition(name, name);
      expect(header, name).not.toMatch(/[\r\n\u0000]/);
      const ascii = /filename="([^"]*)"/.exec(header)![1]!;
      expect(ascii).not.toMatch(/[\\/]|^\./);
      const utf8 = decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(header)![1]!);
      // A leading dot may survive in the UTF-8 name ("../x" becomes ".. x"), but with no separator
      // left it names a file in the download folder and nothing else.
      expect(utf8).not.toMatch(/[\\/\r\n]/);
      expect(header.match(/filename=/g)).toHaveLength(1);
    }
  });
});
