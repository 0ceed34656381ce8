import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import { PROJECT_ROOT, testConfig } from '../../server/config';
import { appliedMigrations, migrate, openDatabase, SchemaTooNewError } from '../../server/storage/db';
import { MIGRATIONS } from '../../server/storage/migrations';
import { clauseTreeToDoc } from '../../shared/clause-doc';
import { addAnnotation, addReply, setFinalDecision } from '../../shared/collab';
import { authorDocName } from '../../shared/protocol';
import { draftSchema, DRAFT_FRAGMENT } from '../../shared/schema';
import { api, login, type TestServer } from '../helpers/app';
import { docContent, openClient, sampleTree } from '../collab/harness';
import { tempDatabase } from '../collab/fixtures';

/**
 * Upgrades (docs/deploy.md, "Upgrades"): a database made by an older release — an older prefix of the
 * migrations, filled the way that release wrote its rows — is brought forward on start and everything
 * in it is found; a database made by a newer release is refused before anything in it changes.
 */

let temp = tempDatabase();
const servers: TestServer[] = [];
beforeEach(() => {
  temp = tempDatabase();
});
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  temp.cleanup();
});

const ID_OF = (id: string) => MIGRATIONS.findIndex((m) => m.id === id);
/** The releases whose databases must upgrade: the first with collaboration docs, and the one just before this code. */
const OLDER_RELEASES = [
  { name: 'the first release with collaboration docs (001–004)', count: ID_OF('004-collab-updates') + 1 },
  { name: `the previous release (up to ${MIGRATIONS.at(-2)!.id})`, count: MIGRATIONS.length - 1 },
];

const PASSWORDS = { admin: 'old-admin-password-1', secretary: 'old-secretary-pass-2', expert: 'old-expert-password-3', reader: 'old-reader-password-4' };

/**
 * Rows as the old release wrote them: plain SQL against the tables of its schema (only columns that
 * existed since 001–004), and the collaboration docs as Yjs updates in collab_updates.
 */
async function fillAsOldRelease(db: Database.Database) {
  const now = Date.now() - 30 * 24 * 3600_000;
  // A release with the registry (008) registered a committee before any row could name it.
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'committees'").get())
    for (const code of ['social', 'budget'])
      db.prepare('INSERT INTO committees (code, name_ru, name_ky, name_en, chair, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)').run(code, code, code, code, '', now, now);
  const ids = { admin: randomUUID(), secretary: randomUUID(), expert: randomUUID(), reader: randomUUID() };
  const insertUser = db.prepare('INSERT INTO users (id, email, name, role, committee, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const role of ['admin', 'secretary', 'expert', 'reader'] as const)
    insertUser.run(ids[role], `${role}@old.kg`, `Старый ${role}`, role, role === 'reader' ? 'social' : null, await hashPassword(PASSWORDS[role]), now);
  const reviewId = randomUUID();
  const tree = sampleTree();
  const pmDoc = clauseTreeToDoc(tree).toJSON();
  db.prepare(
    'INSERT INTO reviews (id, title, status, language, act_kind, source_name, committee, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(reviewId, 'Экспертиза из прошлой версии', 'in_review', 'ru', 'law', 'old.docx', 'social', ids.secretary, now);
  db.prepare('INSERT INTO review_members (review_id, user_id) VALUES (?, ?)').run(reviewId, ids.expert);
  db.prepare('INSERT INTO review_imports (review_id, clause_tree, pm_doc, report, source_sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    reviewId,
    JSON.stringify(tree),
    JSON.stringify(pmDoc),
    '{}',
    createHash('sha256').update('old').digest('hex'),
    now,
  );
  db.prepare('INSERT INTO invitations (id, token_hash, email, name, role, committee, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    randomUUID(),
    createHash('sha256').update('old-token').digest('hex'),
    'invitee@old.kg',
    'Приглашённая',
    'reader',
    'budget',
    ids.admin,
    Date.now(),
    Date.now() + 7 * 24 * 3600_000,
  );
  db.prepare('INSERT INTO audit_log (at, user_id, review_id, action) VALUES (?, ?, ?, ?)').run(now, ids.secretary, reviewId, 'review.imported');

  // The docs: the draft, the expert's finding and comment, the secretary's decision on the finding.
  const appendUpdate = (doc: string, ydoc: Y.Doc, seq = 1) =>
    db.prepare('INSERT INTO collab_updates (review_id, doc, seq, data) VALUES (?, ?, ?, ?)').run(reviewId, doc, seq, Buffer.from(Y.encodeStateAsUpdate(ydoc)));
  const text = new Y.Doc();
  prosemirrorJSONToYXmlFragment(draftSchema, pmDoc, text.getXmlFragment(DRAFT_FRAGMENT));
  appendUpdate('text', text);
  const expertDoc = new Y.Doc();
  const finding = addAnnotation(expertDoc, ids.expert, {
    kind: 'finding',
    criterionId: 'C1',
    severity: 'concern',
    polarity: 'risk',
    anchor: { clauseId: 'a2.p1', quote: { exact: 'равную оплату за равный труд', prefix: '', suffix: '' } },
    body: 'Старое замечание: нет механизма контроля равной оплаты',
  });
  const comment = addAnnotation(expertDoc, ids.expert, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'право на труд', prefix: '', suffix: '' } }, body: 'Старый комментарий' });
  appendUpdate(authorDocName(ids.expert), expertDoc);
  const secretaryDoc = new Y.Doc();
  setFinalDecision(secretaryDoc, { targetId: finding.id, decision: 'confirmed', justification: 'Старое обоснование' });
  addReply(secretaryDoc, ids.secretary, comment.id, 'Старый ответ');
  appendUpdate(authorDocName(ids.secretary), secretaryDoc);
  return { ids, reviewId, finding, comment };
}

describe('a database from an older release', () => {
  it.each(OLDER_RELEASES)('$name migrates forward on start and keeps its accounts, review, docs and findings', async ({ count }) => {
    const old = new Database(temp.file);
    old.pragma('journal_mode = WAL');
    migrate(old, MIGRATIONS.slice(0, count));
    const world = await fillAsOldRelease(old);
    old.close();

    const tendik = createApp(testConfig({ databasePath: temp.file }));
    const port = await tendik.listen();
    const server: TestServer = { tendik, port, url: `http://127.0.0.1:${port}`, close: () => tendik.close() };
    servers.push(server);
    expect(appliedMigrations(tendik.ctx.db).sort()).toEqual(MIGRATIONS.map((m) => m.id).sort());

    // Every account signs in with the password it had.
    const auth = Object.fromEntries(
      await Promise.all((['admin', 'secretary', 'expert', 'reader'] as const).map(async (role) => [role, await login(server, `${role}@old.kg`, PASSWORDS[role])] as const)),
    );
    const reviews = (await (await api(server, auth.expert!, '/api/reviews')).json()) as { reviews: Array<{ id: string; title: string }> };
    expect(reviews.reviews.map((r) => r.title)).toEqual(['Экспертиза из прошлой версии']);

    const model = (await (await api(server, auth.secretary!, `/api/reviews/${world.reviewId}/model`)).json()) as {
      findings: Array<{ id: string; explanation: string; final?: { decision: string; justification?: string } }>;
      comments: Array<{ id: string; body: string; replies: Array<{ body: string }> }>;
    };
    const finding = model.findings.find((f) => f.id === world.finding.id);
    expect(finding?.explanation).toBe('Старое замечание: нет механизма контроля равной оплаты');
    expect(finding?.final).toMatchObject({ decision: 'confirmed', justification: 'Старое обоснование' });
    expect(model.comments.map((c) => [c.id, c.body, c.replies.map((r) => r.body)])).toEqual([[world.comment.id, 'Старый комментарий', ['Старый ответ']]]);

    // The draft's text doc is read from the stored updates, not seeded again.
    const client = await openClient(server.url, auth.expert!, world.reviewId, ['text']);
    try {
      const xml = docContent('text', client.docs.get('text')!);
      expect(xml).toContain('Каждый гражданин имеет право на труд');
      expect(xml.split('Каждый гражданин').length - 1).toBe(1);
    } finally {
      client.close();
    }

    // The admin still sees the pending invitation; the committees the old rows named are registered.
    const invitations = (await (await api(server, auth.admin!, '/api/admin/invitations')).json()) as { invitations: Array<{ email: string }> };
    expect(invitations.invitations.map((i) => i.email)).toEqual(['invitee@old.kg']);
    const committees = (await (await api(server, auth.admin!, '/api/committees')).json()) as { committees: Array<{ code: string }> };
    expect(committees.committees.map((c) => c.code).sort()).toEqual(expect.arrayContaining(['budget', 'social']));
  }, 60_000);
});

describe('a database from a newer release', () => {
  function newerDatabase(): string {
    const db = openDatabase(temp.file);
    db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run('999-from-the-future', Date.now());
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return temp.file;
  }

  const snapshot = (file: string) =>
    fs
      .readdirSync(path.dirname(file))
      .sort()
      .map((name) => `${name}:${createHash('sha256').update(fs.readFileSync(path.join(path.dirname(file), name))).digest('hex')}`);

  it('is refused by openDatabase with a clear message, and not one byte of its folder changes', () => {
    const file = newerDatabase();
    const before = snapshot(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SchemaTooNewError);
    expect((error as Error).message).toContain('written by a newer version of Tendik');
    expect((error as Error).message).toContain('999-from-the-future');
    expect((error as Error).message).toContain('Nothing was changed');
    expect(snapshot(file)).toEqual(before);
  });

  it('stops the server at start with one readable line and exit code 1', () => {
    const file = newerDatabase();
    const before = snapshot(file);
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'server', 'main.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TENDIK_DB: file, PORT: '0', TENDIK_SEED_DEMO: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Tendik cannot start: the database .* was written by a newer version of Tendik: it has the migration 999-from-the-future/m);
    expect(run.stdout).not.toContain('listening');
    expect(snapshot(file)).toEqual(before);
  }, 60_000);
});
