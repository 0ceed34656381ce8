import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadReviewModel } from '../../server/collab/model';
import { UpdateLog } from '../../server/collab/update-log';
import { DEFAULT_COLLAB_LIMITS } from '../../server/collab/user-limits';
import { openDatabase } from '../../server/storage/db';
import { addAnnotation, clauseTexts, createAnchor, resolveAnnotation, setVerdict } from '../../shared/collab';
import { authorDocName, CollabEvents, type DocName } from '../../shared/protocol';
import { api, startTestServer, type TestServer } from '../helpers/app';
import { createSampleReview, docContent, emitWithAck, eventually, openClient, type Client } from './harness';
import { type Answer, annotationUpdate, join, labelledId, logRows, rawSocket, reviewWorld, sendUpdate, storedDoc, tempDatabase } from './fixtures';

const sharedDb = tempDatabase();
const restartDb = tempDatabase();
const servers: TestServer[] = [];
const sockets: Socket[] = [];
const clients: Client[] = [];
let shared: Awaited<ReturnType<typeof reviewWorld>> | undefined;
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of sockets.splice(0)) s.close();
});
afterAll(async () => {
  for (const s of servers.splice(0)) await s.close();
  sharedDb.cleanup();
  restartDb.cleanup();
});

/** One server and its people for the tests that do not stop it; a review of its own for each test. */
async function world() {
  if (!shared) {
    // Limits raised: these tests send more than one person's burst, and are about storage, not flooding.
    shared = await reviewWorld(sharedDb.file, { collabLimits: { ...DEFAULT_COLLAB_LIMITS, updateBurst: 100_000, updatesPerSecond: 100_000 } });
    servers.push(shared.server);
  }
  const { server, secretary, alice, bella } = shared;
  return { ...shared, review: createSampleReview(server.tendik.ctx.db, secretary.user.id, [alice.user.id, bella.user.id]) };
}

const loaded = (server: TestServer, reviewId: string, doc: DocName) => server.tendik.ctx.collab.rooms.get(`collab:${reviewId}/${doc}`);
const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex');

describe('compaction', () => {
  it('after more than compactAfter updates the log is merged into fewer rows and reloads to the same state', async () => {
    const { server, alice, review } = await world();
    const hub = server.tendik.ctx.collab;
    const doc = authorDocName(alice.user.id);
    const compactAfter = hub.options.compactAfter;
    const tabs = [await rawSocket(server, alice), await rawSocket(server, alice)];
    sockets.push(...tabs);
    for (const tab of tabs) expect((await join(tab, review.id, doc)).writable).toBe(true);
    const total = compactAfter + 20;
    // Sent from both tabs 25 at a time: each acknowledgement waits at most 10 s, and five hundred in
    // flight at once outran that on a loaded CI machine — speed is the bench's business, not this test's.
    const answers: Answer[] = [];
    for (let from = 0; from < total; from += 25) {
      const batch = Array.from({ length: Math.min(25, total - from) }, (_, k) => from + k);
      answers.push(...(await Promise.all(batch.map((i) => sendUpdate(tabs[i % 2]!, review.id, doc, annotationUpdate(doc, `n${i}`))))));
    }
    expect(answers).toHaveLength(total);
    expect(answers.every((a) => a.ok)).toBe(true);

    // One merged state row for the first compactAfter updates, then one row per update since.
    expect(logRows(server.tendik.ctx.db, review.id, doc)).toBe(1 + (total - compactAfter));
    const live = loaded(server, review.id, doc)!.doc;
    expect(live.getMap('annotations').size).toBe(total);
    const fromLog = storedDoc(server.tendik.ctx.db, review.id, doc);
    expect(docContent(doc, fromLog)).toBe(docContent(doc, live));
    expect(stateVector(fromLog)).toBe(stateVector(live));

    // The last client leaving unloads the doc and compacts what came after.
    const before = { content: docContent(doc, live), sv: stateVector(live) };
    await emitWithAck(tabs[0]!, CollabEvents.leave, { reviewId: review.id, doc });
    expect(loaded(server, review.id, doc)).toBeDefined();
    tabs[1]!.disconnect();
    await eventually(() => loaded(server, review.id, doc) === undefined, 'doc unloaded after the last client left');
    expect(logRows(server.tendik.ctx.db, review.id, doc)).toBe(1);

    const again = await openClient(server.url, alice.auth, review.id, [doc]);
    clients.push(again);
    expect(docContent(doc, again.docs.get(doc)!)).toBe(before.content);
    expect(stateVector(again.docs.get(doc)!)).toBe(before.sv);
    expect(docContent(doc, loaded(server, review.id, doc)!.doc)).toBe(before.content);
  });
});

describe('loading', () => {
  it('simultaneous first joins load a doc once: the draft is seeded once and every client gets the same room', async () => {
    const { server, secretary, alice, bella, review } = await world();
    const people = [secretary, alice, bella, alice, bella, secretary];
    const socketsNow = await Promise.all(people.map((p) => rawSocket(server, p)));
    sockets.push(...socketsNow);
    const answers = await Promise.all(socketsNow.map((s) => join(s, review.id, 'text')));
    expect(answers.map((a) => a.ok)).toEqual(people.map(() => true));
    expect(logRows(server.tendik.ctx.db, review.id, 'text')).toBe(1);
    const room = loaded(server, review.id, 'text')!;
    expect(room.conns.size).toBe(people.length);
    expect(room.doc.getXmlFragment('draft').length).toBe(3);
    expect([...clauseTexts(room.doc).keys()]).toEqual(['a1', 'a2', 'a2.p1', 'a2.p2', 'a3']);
    // The ENGINE doc's first load runs the checklist engine (asynchronously): once, too.
    const engine = await Promise.all(socketsNow.map((s) => join(s, review.id, 'engine')));
    expect(engine.map((a) => a.ok)).toEqual(people.map(() => true));
    expect(loaded(server, review.id, 'engine')!.conns.size).toBe(people.length);
    expect(loaded(server, review.id, 'engine')!.doc.getMap('meta').get('checklist')).toEqual(expect.any(String));
    expect(logRows(server.tendik.ctx.db, review.id, 'engine')).toBe(1);
  });

  it('the merged model read over HTTP while the ENGINE doc is still being analysed for a join: both succeed, the engine runs into the doc once', async () => {
    const { server, secretary, review } = await world();
    const socket = await rawSocket(server, secretary);
    sockets.push(socket);
    const [joined, ...models] = await Promise.all([
      join(socket, review.id, 'engine'),
      ...[0, 1, 2].map(() => api(server, secretary.auth, `/api/reviews/${review.id}/model`)),
    ]);
    expect(joined).toMatchObject({ ok: true });
    expect(models.map((m) => (m as Response).status)).toEqual([200, 200, 200]);
    expect(loaded(server, review.id, 'engine')!.doc.getMap('meta').get('checklist')).toEqual(expect.any(String));
    expect(logRows(server.tendik.ctx.db, review.id, 'engine')).toBe(1);
  });
});

describe('acknowledged means stored', () => {
  it('an update that overtook an earlier one of the same writer is stored when acknowledged, and fits in when the earlier one arrives', async () => {
    const { server, alice, review } = await world();
    const doc = authorDocName(alice.user.id);
    const socket = await rawSocket(server, alice);
    sockets.push(socket);
    expect((await join(socket, review.id, doc)).writable).toBe(true);
    // Two changes of one editor, sent in the wrong order (a retry raced a fresh send, say).
    const local = new Y.Doc();
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    const anchor = { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } };
    const first = addAnnotation(local, alice.user.id, { kind: 'comment', anchor, body: 'первое' });
    const second = addAnnotation(local, alice.user.id, { kind: 'comment', anchor, body: 'второе' });
    expect(await sendUpdate(socket, review.id, doc, updates[1]!)).toEqual({ ok: true });
    // Acknowledged: in SQLite now. A replay of the log holds it, waiting for the first change.
    const replay = storedDoc(server.tendik.ctx.db, review.id, doc);
    expect(replay.getMap('annotations').has(second.id)).toBe(false);
    Y.applyUpdate(replay, updates[0]!);
    expect([...replay.getMap('annotations').keys()].sort()).toEqual([first.id, second.id].sort());
    // When the first arrives, the server's doc has both, and so has its log.
    expect(await sendUpdate(socket, review.id, doc, updates[0]!)).toEqual({ ok: true });
    expect([...storedDoc(server.tendik.ctx.db, review.id, doc).getMap('annotations').keys()].sort()).toEqual([first.id, second.id].sort());
  });
});

describe('compaction after a crash', () => {
  it('a log left uncompacted by a process that died is counted from the database and compacted when the doc is next loaded', async () => {
    const crashDb = tempDatabase();
    try {
      const first = await reviewWorld(crashDb.file);
      const { alice, review } = first;
      await first.server.close();
      // What a process killed again and again leaves: one row per update, never compacted.
      const db = openDatabase(crashDb.file);
      const log = new UpdateLog(db);
      const doc = authorDocName(alice.user.id);
      const writer = new Y.Doc();
      writer.on('update', (update: Uint8Array) => log.append(review.id, doc, update));
      const compactAfter = first.server.tendik.ctx.collab.options.compactAfter;
      for (let i = 0; i < compactAfter + 200; i += 1) addAnnotation(writer, alice.user.id, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } }, body: `№${i}` });
      expect(log.count(review.id, doc)).toBe(compactAfter + 200);
      db.close();

      const again = await startTestServer({ databasePath: crashDb.file });
      servers.push(again);
      // Compacted on load, while in use — not only when it unloads, which a crashing process never reaches.
      await again.tendik.ctx.collab.withRoom(review.id, doc, (room) => {
        expect(room.doc.getMap('annotations').size).toBe(compactAfter + 200);
        expect(logRows(again.tendik.ctx.db, review.id, doc)).toBe(1);
      });
      expect([...storedDoc(again.tendik.ctx.db, review.id, doc).getMap('annotations').keys()].sort()).toEqual([...writer.getMap('annotations').keys()].sort());
    } finally {
      crashDb.cleanup();
    }
  });
});

describe('restart', () => {
  it('while the app shuts down, an update to a doc already flushed is refused (COLLAB_UNAVAILABLE) instead of acknowledged and lost', async () => {
    const { server, alice, review } = await world();
    const doc = authorDocName(alice.user.id);
    const socket = await rawSocket(server, alice);
    sockets.push(socket);
    expect((await join(socket, review.id, doc)).writable).toBe(true);
    expect(await sendUpdate(socket, review.id, doc, annotationUpdate(doc, 'before'))).toEqual({ ok: true });
    // What app.close() does first: every doc is compacted and unloaded; sockets are closed after.
    await server.tendik.ctx.collab.closeAll();
    expect(await sendUpdate(socket, review.id, doc, annotationUpdate(doc, 'during'))).toMatchObject({ ok: false, code: 'COLLAB_UNAVAILABLE' });
    expect([...storedDoc(server.tendik.ctx.db, review.id, doc).getMap('annotations').keys()]).toEqual([labelledId(doc, 'before')]);
  });

  it('a new app on the same database file has every doc and the merged model exactly as before', async () => {
    const { server, secretary, alice, bella, review } = await reviewWorld(restartDb.file);
    servers.push(server);
    const names: DocName[] = ['text', 'engine', authorDocName(secretary.user.id), authorDocName(alice.user.id), authorDocName(bella.user.id)];
    const people = [secretary, alice, bella];
    for (const person of people) clients.push(await openClient(server.url, person.auth, review.id, names));
    const [chief, a, b] = clients as [Client, Client, Client];
    const text = a.docs.get('text')!;
    const finding = addAnnotation(a.docs.get(names[3]!)!, alice.user.id, {
      kind: 'finding',
      anchor: createAnchor(text, 'a2.p2', { start: 3, end: 15 }),
      body: 'формулировка «своего заместителя»',
      criterionId: 'C3',
      severity: 'concern',
    });
    addAnnotation(b.docs.get(names[4]!)!, bella.user.id, { kind: 'comment', anchor: createAnchor(text, 'a1'), body: 'ок' });
    setVerdict(b.docs.get(names[4]!)!, bella.user.id, { targetId: finding.id, decision: 'confirm' });
    resolveAnnotation(a.docs.get(names[3]!)!, finding.id);
    clauseTexts(chief.docs.get('text')!).get('a2.p2')!.insert(0, 'Исправлено. ');
    await eventually(() => clients.every((c) => c.provider.pending === 0 && c.provider.status === 'synced'), 'all stored');

    const before = new Map(names.map((n) => [n, { content: docContent(n, loaded(server, review.id, n)!.doc), sv: stateVector(loaded(server, review.id, n)!.doc) }]));
    const model = await loadReviewModel(server.tendik.ctx, review.id);
    expect(model.findings.find((f) => f.id === finding.id)?.position?.state).toBe('exact');
    for (const c of clients.splice(0)) c.close();
    await server.close();
    servers.splice(servers.indexOf(server), 1);

    const restarted = await startTestServer({ databasePath: restartDb.file });
    servers.push(restarted);
    expect(await loadReviewModel(restarted.tendik.ctx, review.id)).toEqual(model);
    const reader = await openClient(restarted.url, secretary.auth, review.id, names);
    clients.push(reader);
    for (const n of names) {
      expect(docContent(n, reader.docs.get(n)!), n).toBe(before.get(n)!.content);
      expect(stateVector(reader.docs.get(n)!), n).toBe(before.get(n)!.sv);
    }
    // And it keeps working: a new annotation after the restart is stored like any other.
    const socket = await rawSocket(restarted, alice);
    sockets.push(socket);
    expect((await join(socket, review.id, names[3]!)).writable).toBe(true);
    expect(await sendUpdate(socket, review.id, names[3]!, annotationUpdate(names[3]!, 'after'))).toEqual({ ok: true });
    await eventually(() => reader.docs.get(names[3]!)!.getMap('annotations').has(labelledId(names[3]!, 'after')), 'relayed after the restart');
  });
});
