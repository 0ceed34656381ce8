import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/app';
import { XSS_PAYLOADS } from './payloads';
import { buildWorld, type World } from './world';

/**
 * Markup typed by users (review titles, names) or carried in by an imported draft stays data: the API
 * answers JSON with nosniff, a CSP without inline script, and <, >, & escaped inside the JSON text,
 * so not even a client or proxy that sniffs the body as HTML finds a tag in it.
 */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.server.close());

async function jsonOf(res: Response) {
  const text = await res.text();
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(text).not.toMatch(/[<>]/);
  return { text, body: JSON.parse(text) as Record<string, unknown> };
}

function lawText(extra: string): string {
  return ['ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ', 'О равных возможностях', `Статья 1. ${extra}`, `1. ${extra}`, '2. Обычная часть.'].join('\n');
}

describe('XSS payloads are inert in the API', () => {
  it('in review titles and imported text: returned exactly, as escaped JSON', async () => {
    for (const payload of XSS_PAYLOADS) {
      const form = new FormData();
      form.set('title', payload);
      form.set('file', new Blob([lawText(payload)], { type: 'text/plain' }), 'draft.txt');
      const res = await api(world.server, world.people.secretary.auth, '/api/reviews', { method: 'POST', body: form });
      expect(res.status, payload).toBe(201);
      const { body, text } = await jsonOf(res);
      expect((body.review as { title: string }).title).toBe(payload);
      if (payload.includes('<')) expect(text).toContain('\\u003c');
    }
  });

  it('in the import preview of a draft whose text carries markup', async () => {
    const payload = XSS_PAYLOADS[1];
    const form = new FormData();
    form.set('file', new Blob([lawText(payload)], { type: 'text/plain' }), 'draft.txt');
    const res = await api(world.server, world.people.secretary.auth, '/api/import/preview', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const { body } = await jsonOf(res);
    expect(JSON.stringify(body)).toContain(payload);
  });

  it('in user names: through invitation, renaming, the account list, members and the audit log', async () => {
    const admin = world.people.admin.auth;
    // The last payload is the <script> one, so it is what the lists below carry.
    for (const payload of [...XSS_PAYLOADS].reverse()) {
      const renamed = await api(world.server, admin, `/api/admin/users/${world.spareExpert.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: payload }),
      });
      expect(((await jsonOf(renamed)).body.user as { name: string }).name).toBe(payload);
      const invited = await api(world.server, admin, '/api/admin/invitations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'xss@invite.test', name: payload, role: 'expert' }),
      });
      expect(((await jsonOf(invited)).body.invitation as { name: string }).name).toBe(payload);
    }
    await api(world.server, world.people.secretary.auth, `/api/reviews/${world.working.id}/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: world.spareExpert.id }),
    });
    for (const [auth, path] of [
      [admin, '/api/admin/users'],
      [admin, '/api/admin/invitations'],
      [world.people.member.auth, `/api/reviews/${world.working.id}/members`],
      [world.people.secretary.auth, '/api/experts'],
      [admin, '/api/audit'],
    ] as const) {
      const { text } = await jsonOf(await api(world.server, auth, path));
      expect(text, path).toContain('\\u003cscript\\u003e');
    }
  });

  it('in error answers that echo input', async () => {
    const res = await api(world.server, null, `/api/${encodeURIComponent('<script>alert(1)</script>')}?lang=${encodeURIComponent('<b>')}`);
    expect(res.status).toBe(404);
    await jsonOf(res);
  });

  it('in the audit CSV: an attachment, never rendered', async () => {
    const res = await api(world.server, world.people.admin.auth, '/api/audit.csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    await res.arrayBuffer();
  });
});
