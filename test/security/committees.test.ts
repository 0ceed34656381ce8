import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUserAdd } from '../../server/cli/user-add-command';
import { createCommittee, getCommittee } from '../../server/committees/store';
import { openDatabase } from '../../server/storage/db';
import { MIGRATIONS } from '../../server/storage/migrations';
import { api, type Auth } from '../helpers/app';
import { send } from './json';
import { stateFingerprint } from './state';
import { buildWorld, type World } from './world';

/**
 * The registry of committees (server/committees/): the admin keeps it, the secretary reads it; an
 * upload, an issue and a reader's account name an active registered committee, and a refusal stores
 * nothing. Who may call which route is in the access table (access-expectations.ts).
 */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.server.close());

const db = () => world.server.tendik.ctx.db;
const admin = () => world.people.admin.auth;
const secretary = () => world.people.secretary.auth;

const NAMES = { ru: 'Комитет по аграрной политике', ky: 'Агрардык саясат боюнча комитет', en: 'Committee on Agrarian Policy' };

interface CommitteeAnswer {
  committee: { code: string; names: { ru: string; ky: string; en: string }; chair: string; active: boolean };
}
interface ErrorAnswer {
  error: { code: string; messages: { ru: string; ky: string; en: string } };
}

/** A refusal with its code, in every language, and the database as it was. */
async function refused(call: () => Promise<{ status: number; body: unknown }>, status: number, code: string): Promise<ErrorAnswer['error']> {
  const before = stateFingerprint(db());
  const res = await call();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const error = (res.body as ErrorAnswer).error;
  expect(error.code).toBe(code);
  for (const text of Object.values(error.messages)) expect(text.length).toBeGreaterThan(10);
  expect(stateFingerprint(db())).toEqual(before);
  return error;
}

describe('the registry', () => {
  it('the admin registers a committee with its names in three languages and its chair; the secretary lists it', async () => {
    const created = await send<CommitteeAnswer>(world.server, admin(), 'POST', '/api/admin/committees', { code: 'agrarian', names: NAMES, chair: '  Т. Жумабекова ' });
    expect(created.status).toBe(201);
    expect(created.body.committee).toMatchObject({ code: 'agrarian', names: NAMES, chair: 'Т. Жумабекова', active: true });
    const listed = await send<{ committees: Array<{ code: string }> }>(world.server, secretary(), 'GET', '/api/committees');
    expect(listed.body.committees.map((c) => c.code)).toContain('agrarian');
    const audit = db().prepare("SELECT target FROM audit_log WHERE action = 'committee.created'").all() as Array<{ target: string }>;
    expect(audit.map((a) => a.target)).toContain('agrarian');
  });

  it('refuses a taken code, a code that is not a slug, a missing language, an unknown field', async () => {
    await refused(() => send(world.server, admin(), 'POST', '/api/admin/committees', { code: 'social', names: NAMES }), 409, 'COMMITTEE_CODE_TAKEN');
    for (const body of [
      { code: 'Социальный', names: NAMES },
      { code: '../etc', names: NAMES },
      { code: 'energy', names: { ru: NAMES.ru, en: NAMES.en } },
      { code: 'energy', names: { ...NAMES, ky: '   ' } },
      { code: 'energy', names: { ...NAMES, ru: 'a\u0007b' } },
      { code: 'energy', names: NAMES, secret: true },
    ])
      await refused(() => send(world.server, admin(), 'POST', '/api/admin/committees', body), 400, 'BAD_REQUEST');
  });

  it('changes names, chair and state, never the code; an unknown code is not found', async () => {
    const renamed = await send<CommitteeAnswer>(world.server, admin(), 'PATCH', '/api/admin/committees/agrarian', {
      names: { ...NAMES, en: 'Committee on Agrarian Policy, Water Resources and Ecology' },
      chair: 'Н. Бекова',
      active: false,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.committee).toMatchObject({ code: 'agrarian', chair: 'Н. Бекова', active: false });
    expect(renamed.body.committee.names.en).toBe('Committee on Agrarian Policy, Water Resources and Ecology');
    await refused(() => send(world.server, admin(), 'PATCH', '/api/admin/committees/agrarian', { code: 'other' }), 400, 'BAD_REQUEST');
    await refused(() => send(world.server, admin(), 'PATCH', '/api/admin/committees/agrarian', {}), 400, 'BAD_REQUEST');
    await refused(() => send(world.server, admin(), 'PATCH', '/api/admin/committees/nowhere', { active: true }), 404, 'COMMITTEE_NOT_FOUND');
    await refused(() => send(world.server, admin(), 'PATCH', `/api/admin/committees/${encodeURIComponent("x' OR 1=1")}`, { active: true }), 404, 'COMMITTEE_NOT_FOUND');
    const back = await send<CommitteeAnswer>(world.server, admin(), 'PATCH', '/api/admin/committees/agrarian', { active: true });
    expect(back.body.committee.active).toBe(true);
  });

  it('removes a committee nothing names, and refuses to remove one in use: deactivate it instead', async () => {
    createCommittee(db(), { code: 'typo', names: NAMES });
    expect((await send(world.server, admin(), 'DELETE', '/api/admin/committees/typo')).status).toBe(200);
    expect(getCommittee(db(), 'typo')).toBeUndefined();
    // `social` is the reader's committee and the issued review's.
    const error = await refused(() => send(world.server, admin(), 'DELETE', '/api/admin/committees/social'), 409, 'COMMITTEE_IN_USE');
    expect(error.messages.ru).toContain('Отключите');
    expect(getCommittee(db(), 'social')).toBeDefined();
  });
});

describe('a committee is named only from the registry, and only an active one', () => {
  const upload = (auth: Auth, committee: string) => {
    const form = new FormData();
    form.set('committee', committee);
    form.set('file', new Blob(['ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n\nСтатья 1. Цели\n\nТекст.']), 'draft.txt');
    return api(world.server, auth, '/api/reviews', { method: 'POST', body: form }).then(async (res) => ({ status: res.status, body: (await res.json()) as unknown }));
  };

  it('at upload: an unknown committee and a deactivated one are refused, and no review is stored', async () => {
    createCommittee(db(), { code: 'dormant', names: NAMES, active: false });
    const unknown = await refused(() => upload(secretary(), 'nowhere'), 422, 'COMMITTEE_NOT_REGISTERED');
    expect(unknown.messages.ru).toContain('«nowhere»');
    expect(unknown.messages.ru).toMatch(/реестр/);
    expect(unknown.messages.ky).toMatch(/реестр/);
    expect(unknown.messages.en).toMatch(/registry/);
    await refused(() => upload(secretary(), 'dormant'), 422, 'COMMITTEE_INACTIVE');
    const ok = await upload(secretary(), 'social');
    expect(ok.status).toBe(201);
    expect((ok.body as { review: { committee: string } }).review.committee).toBe('social');
  });

  it('at issue: the review stays as it was unless the committee is active and registered', async () => {
    const path = `/api/reviews/${world.working.id}/status`;
    await refused(() => send(world.server, secretary(), 'POST', path, { status: 'issued', committee: 'nowhere' }), 422, 'COMMITTEE_NOT_REGISTERED');
    await refused(() => send(world.server, secretary(), 'POST', path, { status: 'issued', committee: 'dormant' }), 422, 'COMMITTEE_INACTIVE');
    const issued = await send<{ review: { status: string; committee: string } }>(world.server, secretary(), 'POST', path, { status: 'issued', committee: 'agrarian' });
    expect(issued.body.review).toMatchObject({ status: 'issued', committee: 'agrarian' });
    await send(world.server, secretary(), 'POST', path, { status: 'in_review' });
  });

  it("a reader's account: changed to an unknown or deactivated committee is refused; a name change of a reader whose committee was deactivated is not", async () => {
    const reader = world.people.otherReader.user;
    const path = `/api/admin/users/${reader.id}`;
    await refused(() => send(world.server, admin(), 'PATCH', path, { committee: 'nowhere' }), 422, 'COMMITTEE_NOT_REGISTERED');
    await refused(() => send(world.server, admin(), 'PATCH', path, { committee: 'dormant' }), 422, 'COMMITTEE_INACTIVE');
    await refused(() => send(world.server, admin(), 'PATCH', `/api/admin/users/${world.spareExpert.id}`, { role: 'reader', committee: 'nowhere' }), 422, 'COMMITTEE_NOT_REGISTERED');
    // Her committee deactivated later: she keeps it, and other changes to her account go through.
    db().prepare("UPDATE committees SET active = 0 WHERE code = 'budget'").run();
    try {
      const renamed = await send<{ user: { name: string; committee: string } }>(world.server, admin(), 'PATCH', path, { name: 'Читатель бюджета' });
      expect(renamed.status).toBe(200);
      expect(renamed.body.user.committee).toBe('budget');
    } finally {
      db().prepare("UPDATE committees SET active = 1 WHERE code = 'budget'").run();
    }
  });

  it('an invitation of a reader names a registered active committee; other roles carry none anyway', async () => {
    const invite = (committee: string, role = 'reader') =>
      send(world.server, admin(), 'POST', '/api/admin/invitations', { email: `inv-${committee}-${role}@committees.test`, name: 'Приглашённая', role, committee });
    await refused(() => invite('nowhere'), 422, 'COMMITTEE_NOT_REGISTERED');
    await refused(() => invite('dormant'), 422, 'COMMITTEE_INACTIVE');
    expect((await invite('agrarian')).status).toBe(201);
    expect((await invite('nowhere', 'expert')).status).toBe(201);
  });

  it('the command line refuses a reader of a committee not in the registry', async () => {
    const printed: string[] = [];
    const deps = { db: db(), readStdin: () => Promise.resolve(''), print: (line: string) => printed.push(line) };
    const refusedCli = await runUserAdd(['--role', 'reader', '--email', 'cli@committees.test', '--name', 'CLI', '--committee', 'nowhere'], deps);
    expect(refusedCli).toMatchObject({ ok: false });
    expect(!refusedCli.ok && refusedCli.message).toContain('COMMITTEE_NOT_REGISTERED');
    const created = await runUserAdd(['--role', 'reader', '--email', 'cli@committees.test', '--name', 'CLI', '--committee', 'agrarian'], deps);
    expect(created).toMatchObject({ ok: true });
  });
});

describe('migration 008', () => {
  it('registers the committees an installation already used, named by their code, active', () => {
    const old = openDatabase(':memory:');
    try {
      // The database as it stood before the registry: accounts, reviews and invitations with committees.
      old.exec("DROP TABLE committees; DELETE FROM schema_migrations WHERE id = '008-committees'");
      old.prepare("INSERT INTO users (id, email, name, role, committee, password_hash, created_at) VALUES ('u1', 'r@x.kg', 'R', 'reader', 'social', 'x', 0)").run();
      old.prepare("INSERT INTO reviews (id, title, language, act_kind, source_name, committee, created_by, created_at) VALUES ('r1', 'T', 'ru', 'law', 'a.txt', 'budget', 'u1', 0)").run();
      old.prepare("INSERT INTO invitations (id, token_hash, email, name, role, committee, created_by, created_at, expires_at) VALUES ('i1', 'h', 'i@x.kg', 'I', 'reader', 'energy', 'u1', 0, 1)").run();
      old.prepare("INSERT INTO invitations (id, token_hash, email, name, role, committee, created_by, created_at, expires_at, revoked_at) VALUES ('i2', 'h2', 'j@x.kg', 'J', 'reader', 'gone', 'u1', 0, 1, 1)").run();
      old.exec(MIGRATIONS.find((m) => m.id === '008-committees')!.sql);
      const rows = old.prepare('SELECT code, name_ru, name_en, active FROM committees ORDER BY code').all();
      expect(rows).toEqual([
        { code: 'budget', name_ru: 'budget', name_en: 'budget', active: 1 },
        { code: 'energy', name_ru: 'energy', name_en: 'energy', active: 1 },
        { code: 'social', name_ru: 'social', name_en: 'social', active: 1 },
      ]);
    } finally {
      old.close();
    }
  });
});
