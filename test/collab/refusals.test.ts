import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseTexts, plainText } from '../../shared/collab';
import { authorDocName, CollabEvents, type DocName } from '../../shared/protocol';
import type { RefusedWrite } from '../../client/collab/provider';
import { api, signedIn } from '../helpers/app';
import { eventually, openClient, type Client } from './harness';
import { annotationUpdate, join, labelledId, logRows, rawSocket, relayed, reviewWorld, sendUpdate, storedDoc, tempDatabase, type Answer } from './fixtures';

/**
 * Writes the server must refuse, decided per connection and per doc at join: a refused write is not
 * applied, not relayed, not stored, and its sender is told. And the one text write that is allowed.
 */
const db = tempDatabase();
let world: Awaited<ReturnType<typeof reviewWorld>>;
const sockets: Socket[] = [];
const clients: Client[] = [];
async function open(person: { auth: { cookie: string } }): Promise<Socket> {
  const socket = await rawSocket(world.server, person);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  world = await reviewWorld(db.file);
});
afterAll(async () => {
  for (const c of clients) c.close();
  for (const socket of sockets) socket.close();
  await world.server.close();
  db.cleanup();
});

const hub = () => world.server.tendik.ctx.collab;
const roomOf = (doc: DocName) => hub().rooms.get(`collab:${world.review.id}/${doc}`)!;

/** An update to the draft as an editor would make it, against the server's current text. */
function textEdit(words: string): Uint8Array {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(roomOf('text').doc));
  const before = Y.encodeStateVector(local);
  clauseTexts(local).get('a1')!.insert(0, words);
  return Y.encodeStateAsUpdate(local, before);
}

describe('an expert writing the draft', () => {
  it('is refused with COLLAB_READ_ONLY; the change is not applied, relayed or stored', async () => {
    const expert = await open(world.alice);
    const secretary = await open(world.secretary);
    const watcher = await open(world.bella);
    expect((await join(expert, world.review.id, 'text')).writable).toBe(false);
    expect((await join(secretary, world.review.id, 'text')).writable).toBe(true);
    expect((await join(watcher, world.review.id, 'text')).writable).toBe(false);
    const seen = relayed(watcher);
    const stateBefore = Y.encodeStateVector(roomOf('text').doc);
    const rowsBefore = logRows(world.server.tendik.ctx.db, world.review.id, 'text');

    const refusal = await sendUpdate(expert, world.review.id, 'text', textEdit('Женщины и '));
    expect(refusal).toMatchObject({ ok: false, code: 'COLLAB_READ_ONLY' });
    expect(Object.keys(refusal.messages ?? {}).sort()).toEqual(['en', 'ky', 'ru']);
    // Without an ack the sender is told on collab:error.
    const told = new Promise<Answer & { doc?: string }>((resolve) => expert.once(CollabEvents.error, resolve));
    expert.emit(CollabEvents.update, { reviewId: world.review.id, doc: 'text', update: textEdit('Мужчины и ') });
    expect(await told).toMatchObject({ code: 'COLLAB_READ_ONLY', doc: 'text' });

    expect(Buffer.from(Y.encodeStateVector(roomOf('text').doc)).equals(Buffer.from(stateBefore))).toBe(true);
    expect(logRows(world.server.tendik.ctx.db, world.review.id, 'text')).toBe(rowsBefore);
    // The secretary's correction, sent after the refusals were answered, is the first thing the watcher hears.
    expect(await sendUpdate(secretary, world.review.id, 'text', textEdit('Исправлено: '))).toEqual({ ok: true });
    await eventually(() => seen.length > 0, 'the correction is relayed');
    const replay = new Y.Doc();
    Y.applyUpdate(replay, Y.encodeStateAsUpdate(storedDoc(world.server.tendik.ctx.db, world.review.id, 'text')));
    expect(plainText(clauseTexts(replay).get('a1')!)).toMatch(/^Исправлено: Статья 1\./);
    expect(seen).toHaveLength(1);
  });

  it('an expert’s editor never sends a text change: the provider reports it refused locally', async () => {
    const client = await openClient(world.server.url, world.alice.auth, world.review.id, ['text']);
    clients.push(client);
    const refusals: RefusedWrite[] = [];
    client.provider.on('refused', (r: RefusedWrite) => refusals.push(r));
    const rowsBefore = logRows(world.server.tendik.ctx.db, world.review.id, 'text');
    clauseTexts(client.docs.get('text')!).get('a3')!.insert(0, 'X');
    expect(refusals.map((r) => r.error.code)).toEqual(['COLLAB_READ_ONLY']);
    expect(client.provider.pending).toBe(0);
    expect(logRows(world.server.tendik.ctx.db, world.review.id, 'text')).toBe(rowsBefore);
  });
});

describe('authorship cannot be forged', () => {
  it('an expert may read another participant’s author doc but never write it', async () => {
    const bellaDoc = authorDocName(world.bella.user.id);
    const alice = await open(world.alice);
    const bella = await open(world.bella);
    expect((await join(bella, world.review.id, bellaDoc)).writable).toBe(true);
    expect(await sendUpdate(bella, world.review.id, bellaDoc, annotationUpdate(bellaDoc, 'genuine'))).toEqual({ ok: true });
    const rows = logRows(world.server.tendik.ctx.db, world.review.id, bellaDoc);
    const seen = relayed(bella);

    expect(await join(alice, world.review.id, bellaDoc)).toMatchObject({ ok: true, writable: false });
    expect(await sendUpdate(alice, world.review.id, bellaDoc, annotationUpdate(bellaDoc, 'forged'))).toMatchObject({ ok: false, code: 'COLLAB_READ_ONLY' });
    expect([...roomOf(bellaDoc).doc.getMap('annotations').keys()]).toEqual([labelledId(bellaDoc, 'genuine')]);
    expect(logRows(world.server.tendik.ctx.db, world.review.id, bellaDoc)).toBe(rows);
    // Re-sending what the server already has (a read-only client's answer to step 1) is harmless and accepted.
    const known = Y.encodeStateAsUpdate(roomOf(bellaDoc).doc);
    expect(await sendUpdate(alice, world.review.id, bellaDoc, known)).toEqual({ ok: true });
    expect(logRows(world.server.tendik.ctx.db, world.review.id, bellaDoc)).toBe(rows);
    expect(seen).toHaveLength(0);
  });

  it('a record claiming another author in one’s own doc is credited to the doc’s owner', async () => {
    const aliceDoc = authorDocName(world.alice.user.id);
    const alice = await open(world.alice);
    expect((await join(alice, world.review.id, aliceDoc)).writable).toBe(true);
    const id = labelledId(aliceDoc, 'claims-bella');
    const doc = new Y.Doc();
    doc.getMap('annotations').set(id, {
      id,
      authorId: world.bella.user.id,
      kind: 'comment',
      anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } },
      body: 'написала Белла (нет)',
      status: 'open',
      createdAt: 1,
      updatedAt: 1,
    });
    expect(await sendUpdate(alice, world.review.id, aliceDoc, Y.encodeStateAsUpdate(doc))).toEqual({ ok: true });
    const res = await api(world.server, world.secretary.auth, `/api/reviews/${world.review.id}/model`);
    const model = (await res.json()) as { comments: Array<{ id: string; authorId: string }> };
    expect(model.comments.find((c) => c.id === id)?.authorId).toBe(world.alice.user.id);
  });
});

describe('committee readers', () => {
  it('never join the working docs, even of a review issued to their committee', async () => {
    const reader = await signedIn(world.server, 'reader', { committee: 'social' });
    world.server.tendik.ctx.db.prepare("UPDATE reviews SET status = 'issued', committee = 'social' WHERE id = ?").run(world.review.id);
    try {
      const socket = await open(reader);
      for (const doc of ['text', 'engine', authorDocName(world.alice.user.id), authorDocName(world.secretary.user.id)])
        expect(await join(socket, world.review.id, doc), doc).toMatchObject({ ok: false, code: 'COLLAB_FORBIDDEN' });
      expect((await api(world.server, reader.auth, `/api/reviews/${world.review.id}/model`)).status).toBe(403);
      expect((await api(world.server, reader.auth, `/api/reviews/${world.review.id}`)).status).toBe(200);
    } finally {
      world.server.tendik.ctx.db.prepare("UPDATE reviews SET status = 'in_review', committee = NULL WHERE id = ?").run(world.review.id);
    }
  });
});
