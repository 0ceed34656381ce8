import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../server/audit';
import { csvCell, csvRow } from '../../server/admin/csv';
import { api, signedIn, startTestServer, type TestServer } from '../helpers/app';
import { send } from './json';

let server: TestServer;
let admin: Awaited<ReturnType<typeof signedIn>>;
let secretary: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, 'admin');
  secretary = await signedIn(server, 'secretary');
});
afterAll(() => server.close());

interface Entries {
  entries: Array<{ seq: number; action: string; userEmail: string | null; reviewId: string | null; at: number }>;
  nextBefore: number | null;
}

describe('audit log', () => {
  it('is readable by the admin and the secretary, filtered by action family, user, review and time, paged by seq', async () => {
    const db = server.tendik.ctx.db;
    audit(db, { userId: secretary.user.id, reviewId: 'r-1', action: 'review.created', target: 'r-1' });
    audit(db, { userId: secretary.user.id, reviewId: 'r-2', action: 'review.created', target: 'r-2' });
    const logins = await send<Entries>(server, secretary.auth, 'GET', '/api/audit?action=user.login');
    expect(logins.body.entries.map((e) => e.userEmail)).toEqual(expect.arrayContaining([admin.user.email, secretary.user.email]));
    expect(logins.body.entries.every((e) => e.action === 'user.login')).toBe(true);
    const family = await send<Entries>(server, admin.auth, 'GET', '/api/audit?action=review.*');
    expect(family.body.entries.map((e) => e.action)).toEqual(['review.created', 'review.created']);
    expect((await send<Entries>(server, admin.auth, 'GET', '/api/audit?reviewId=r-1')).body.entries).toHaveLength(1);
    expect(
      (await send<Entries>(server, admin.auth, 'GET', `/api/audit?userId=${admin.user.id}&action=user.login`)).body.entries,
    ).toHaveLength(1);
    const future = await send<Entries>(server, admin.auth, 'GET', `/api/audit?from=${Date.now() + 3600_000}`);
    expect(future.body.entries).toEqual([]);
    const iso = await send<Entries>(server, admin.auth, 'GET', '/api/audit?from=2000-01-01&to=2999-01-01T00:00:00Z');
    expect(iso.body.entries.length).toBeGreaterThan(2);
    const page = await send<Entries>(server, admin.auth, 'GET', '/api/audit?limit=1');
    expect(page.body.entries).toHaveLength(1);
    const next = await send<Entries>(server, admin.auth, 'GET', `/api/audit?limit=1&before=${page.body.nextBefore}`);
    expect(next.body.entries[0]!.seq).toBeLessThan(page.body.entries[0]!.seq);
  });

  it('answers malformed filters with a coded 400', async () => {
    for (const query of ['from=yesterday', 'limit=-1', "action=user.login'--", 'before=1e9', 'userId=a&userId=b', 'from=2024-13-45']) {
      const res = await send(server, admin.auth, 'GET', `/api/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code).toBe('BAD_REQUEST');
    }
  });

  it('exports CSV with RFC 4180 quoting, a BOM, and formula injection defused', async () => {
    const hostile = await signedIn(server, 'expert');
    const db = server.tendik.ctx.db;
    db.prepare('UPDATE users SET name = ? WHERE id = ?').run('=HYPERLINK("http://evil","click")', hostile.user.id);
    audit(db, { userId: hostile.user.id, action: 'annotation.created', target: '+1+cmd|/C calc!A0', details: { note: 'a,"b"\nc' } });
    audit(db, { userId: hostile.user.id, action: 'annotation.created', target: '@SUM(A1)' });
    audit(db, { userId: hostile.user.id, action: 'annotation.created', target: '-2+3' });
    const res = await api(server, secretary.auth, '/api/audit.csv?action=annotation.created');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="tendik-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('seq,at,user_email,user_name,review_id,action,target,details');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(text).toContain(`'+1+cmd|/C calc!A0`);
    expect(text).toContain(`'@SUM(A1)`);
    expect(text).toContain(`'-2+3`);
    // No cell of the file starts with a formula character.
    for (const cell of text.split(/,|\r\n/)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    expect(text).toContain('"{""note"":""a,\\""b\\""\\nc""}"');
  });

  it('quotes cells precisely', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('is closed to experts, readers and anonymous visitors', async () => {
    const expert = await signedIn(server, 'expert');
    const reader = await signedIn(server, 'reader', { committee: 'social' });
    for (const auth of [expert.auth, reader.auth]) {
      expect((await api(server, auth, '/api/audit')).status).toBe(403);
      expect((await api(server, auth, '/api/audit.csv')).status).toBe(403);
    }
    expect((await api(server, null, '/api/audit.csv')).status).toBe(401);
  });
});
