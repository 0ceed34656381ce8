import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { addAnnotation } from '../../shared/collab/author-doc';
import { newAnnotationId } from '../../shared/collab/record-ids';
import { DEFAULT_COLLAB_LIMITS } from '../../server/collab/user-limits';
import { authorDocName, CollabEvents, type DocName } from '../../shared/protocol';
import { signedIn } from '../helpers/app';
import { connectSocket, createSampleReview, emitWithAck, eventually, openClient, prng } from './harness';
import {
  annotationUpdate,
  labelledId,
  join,
  logRows,
  rawSocket,
  relayed,
  reviewWorld,
  sendUpdate,
  storedDoc,
  tempDatabase,
  type Answer,
} from './fixtures';

/**
 * Frames a broken or hostile client may send once connected (the handshake and per-role access are
 * test/security's). Each is refused with a code, changes nothing stored, and leaves the server and
 * the other clients working. The frame limit is lowered to 64 KB so "huge" stays cheap.
 */
const FRAME_LIMIT = 64 * 1024;
const { updateBurst: UPDATE_BURST, updateBytesBurst: UPDATE_BYTES_BURST, socketsPerUser: SOCKETS_PER_USER, refusalBurst: REFUSAL_BURST } = DEFAULT_COLLAB_LIMITS;
const db = tempDatabase();
let world: Awaited<ReturnType<typeof reviewWorld>>;
const sockets: Socket[] = [];
async function open(person: { auth: { cookie: string } }): Promise<Socket> {
  const socket = await rawSocket(world.server, person);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  world = await reviewWorld(db.file, { maxSocketFrameBytes: FRAME_LIMIT });
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await world.server.close();
  db.cleanup();
});

const rowsOf = (doc: DocName) => logRows(world.server.tendik.ctx.db, world.review.id, doc);

describe('malformed updates', () => {
  it('random bytes and truncated updates are refused as COLLAB_BAD_MESSAGE; nothing is stored', async () => {
    const alice = await open(world.alice);
    const own = authorDocName(world.alice.user.id);
    expect((await join(alice, world.review.id, own)).writable).toBe(true);
    const rand = prng(2024);
    const frames: Uint8Array[] = [];
    for (let i = 0; i < 20; i += 1) frames.push(Uint8Array.from({ length: 1 + Math.floor(rand() * 200) }, () => Math.floor(rand() * 256)));
    const valid = annotationUpdate(own, 'whole');
    for (const cut of [1, 5, Math.floor(valid.length / 2), valid.length - 1]) frames.push(valid.slice(0, cut));
    const before = rowsOf(own);
    for (const frame of frames) {
      const answer = await sendUpdate(alice, world.review.id, own, frame);
      expect(answer, Buffer.from(frame).toString('hex')).toMatchObject({ ok: false, code: 'COLLAB_BAD_MESSAGE' });
    }
    expect(rowsOf(own)).toBe(before);
    // The same socket is still in business.
    expect(await sendUpdate(alice, world.review.id, own, valid)).toEqual({ ok: true });
    expect(rowsOf(own)).toBe(before + 1);
  });

  it('an update that decodes but breaks half-way through integration is refused whole: not applied, relayed or stored', async () => {
    // Found by fuzzing Yjs: three corrupted bytes in a valid two-annotation update. Yjs integrates the
    // first record, emits it as an update, then throws — the server used to store and relay that part
    // and answer COLLAB_UNAVAILABLE as if the fault were its own.
    const poisoned = Buffer.from(
      '0105b9600028010b616e6e6f746174696f6e7302613101760302696477026131046b696e647707636f6d6d656e7404626f64797708706f69736f6e65640401' +
        '0174016184b96001026263c4b96001b96047027a7a28010b616e6e6f746174696f6e7302613201760302696477026132046b696e647707636f6d6d656e7404' +
        '626f647977067365636f456400',
      'hex',
    );
    expect(() => Y.decodeUpdate(poisoned)).not.toThrow();
    const fresh = await signedIn(world.server, 'expert');
    world.server.tendik.ctx.db.prepare('INSERT INTO review_members (review_id, user_id) VALUES (?, ?)').run(world.review.id, fresh.user.id);
    const own = authorDocName(fresh.user.id);
    const writer = await open(fresh);
    const watcher = await open(world.secretary);
    expect((await join(writer, world.review.id, own)).writable).toBe(true);
    expect((await join(watcher, world.review.id, own)).ok).toBe(true);
    const seen = relayed(watcher);

    expect(await sendUpdate(writer, world.review.id, own, poisoned)).toMatchObject({ ok: false, code: 'COLLAB_BAD_MESSAGE' });
    const room = world.server.tendik.ctx.collab.rooms.get(`collab:${world.review.id}/${own}`)!;
    expect(room.doc.getMap('annotations').size).toBe(0);
    expect(rowsOf(own)).toBe(0);
    // A later good update reaches the watcher first: nothing of the refused one was relayed before it.
    expect(await sendUpdate(writer, world.review.id, own, annotationUpdate(own, 'fine'))).toEqual({ ok: true });
    await eventually(() => seen.length > 0, 'the good update is relayed');
    const replay = new Y.Doc();
    for (const { update } of seen) Y.applyUpdate(replay, update);
    expect([...replay.getMap('annotations').keys()]).toEqual([labelledId(own, 'fine')]);
  });

  it('an update that passes a dry run on an empty doc but breaks against the real one (it continues the sender’s earlier changes) poisons nothing: not stored, not relayed, and everyone goes on', async () => {
    // The crafted update continues client C's history (its structs start at clock 1, after a valid
    // change at clock 0): on an empty doc it only waits for clock 0, so the dry run sees no fault.
    // Against the real doc it integrates a record, then a struct whose right origin does not exist.
    const fresh = await signedIn(world.server, 'expert');
    world.server.tendik.ctx.db.prepare('INSERT INTO review_members (review_id, user_id) VALUES (?, ?)').run(world.review.id, fresh.user.id);
    const own = authorDocName(fresh.user.id);
    const writer = await open(fresh);
    const watcher = await openClient(world.server.url, world.secretary.auth, world.review.id, [own]);
    try {
      expect((await join(writer, world.review.id, own)).writable).toBe(true);
      const C = 4242;
      const local = new Y.Doc();
      local.clientID = C;
      let first: Uint8Array = new Uint8Array();
      local.on('update', (u: Uint8Array) => (first = u));
      addAnnotation(local, fresh.user.id, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } }, body: 'первое' });
      expect(await sendUpdate(writer, world.review.id, own, first)).toEqual({ ok: true });
      await eventually(() => watcher.docs.get(own)!.getMap('annotations').size === 1, 'the first change reached the watcher');
      const rows = rowsOf(own);

      const hidden = newAnnotationId(fresh.user.id);
      const crafted = craftedContinuation(C, 1, hidden);
      expect(() => Y.applyUpdate(new Y.Doc(), crafted)).not.toThrow();
      const spy = await open(world.secretary);
      expect((await join(spy, world.review.id, own)).ok).toBe(true);
      const seen = relayed(spy);
      const reset = new Promise<{ doc: string }>((resolve) => writer.once(CollabEvents.reset, resolve));
      expect(await sendUpdate(writer, world.review.id, own, crafted)).toMatchObject({ ok: false, code: 'COLLAB_BAD_MESSAGE' });
      // Everyone on that doc is told to join it again, from what the log holds.
      expect((await reset).doc).toBe(own);
      expect((await join(writer, world.review.id, own)).writable).toBe(true);
      expect(rowsOf(own)).toBe(rows);
      expect(storedDoc(world.server.tendik.ctx.db, world.review.id, own).getMap('annotations').has(hidden)).toBe(false);
      expect(seen).toHaveLength(0);

      // The doc goes on: a later change of hers is stored and reaches the watcher (whose provider joined
      // again by itself), who never saw the crafted record; a fresh load from SQLite is clean.
      const later = annotationUpdate(own, 'after the crafted one');
      expect(await sendUpdate(writer, world.review.id, own, later)).toMatchObject({ ok: true });
      await eventually(() => watcher.docs.get(own)!.getMap('annotations').has(labelledId(own, 'after the crafted one')), 'a later change reaches the watcher');
      expect(watcher.docs.get(own)!.getMap('annotations').has(hidden)).toBe(false);
      const reloaded = storedDoc(world.server.tendik.ctx.db, world.review.id, own);
      expect([...reloaded.getMap('annotations').keys()].sort()).toEqual([...watcher.docs.get(own)!.getMap('annotations').keys()].sort());
    } finally {
      watcher.close();
    }
  });

  it('a frame over the size limit closes only that socket; others on the same doc keep working', async () => {
    const own = authorDocName(world.alice.user.id);
    const flooder = await open(world.alice);
    const tab = await open(world.alice);
    const watcher = await open(world.bella);
    for (const s of [flooder, tab, watcher]) expect((await join(s, world.review.id, own)).ok).toBe(true);
    const seen = relayed(watcher);
    const before = rowsOf(own);
    const closed = new Promise<string>((resolve) => flooder.once('disconnect', (reason) => resolve(reason)));
    flooder.emit(CollabEvents.update, { reviewId: world.review.id, doc: own, update: annotationUpdate(own, 'huge', 'x'.repeat(FRAME_LIMIT * 2)) });
    expect(await closed).toMatch(/transport (close|error)/);
    expect(rowsOf(own)).toBe(before);
    expect(await sendUpdate(tab, world.review.id, own, annotationUpdate(own, 'after-huge'))).toEqual({ ok: true });
    await eventually(() => seen.length === 1, 'the other tab’s update reaches the watcher');
    expect((await fetch(`${world.server.url}/api/health`)).status).toBe(200);
  });
});

describe('wrong events, names and order', () => {
  it('unknown events are refused as COLLAB_UNKNOWN_EVENT, by ack or by a collab:error message', async () => {
    const socket = await open(world.alice);
    expect(await emitWithAck<Answer>(socket, 'doc:delete', { reviewId: world.review.id, doc: 'text' })).toMatchObject({
      ok: false,
      code: 'COLLAB_UNKNOWN_EVENT',
    });
    const error = new Promise<Answer & { message: string }>((resolve) => socket.once(CollabEvents.error, resolve));
    socket.emit('sync-everything', new Uint8Array([1, 2, 3]));
    const told = await error;
    expect(told.code).toBe('COLLAB_UNKNOWN_EVENT');
    expect(Object.keys(told.messages ?? {}).sort()).toEqual(['en', 'ky', 'ru']);
    expect(socket.connected).toBe(true);
  });

  it('malformed, foreign and non-participant doc names are refused with a code', async () => {
    const socket = await open(world.alice);
    const other = createSampleReview(world.server.tendik.ctx.db, world.secretary.user.id, [world.bella.user.id]);
    const outsider = await signedIn(world.server, 'expert');
    const cases: Array<[unknown, string]> = [
      [{ reviewId: world.review.id, doc: 'Text' }, 'COLLAB_BAD_MESSAGE'],
      [{ reviewId: world.review.id, doc: 'author:nobody' }, 'COLLAB_BAD_MESSAGE'],
      [{ reviewId: world.review.id, doc: 'author:../text' }, 'COLLAB_BAD_MESSAGE'],
      [{ reviewId: world.review.id, doc: 'text', extra: 1 }, 'COLLAB_BAD_MESSAGE'],
      [{ reviewId: 'not-a-uuid', doc: 'text' }, 'COLLAB_BAD_MESSAGE'],
      [{ reviewId: world.review.id, doc: authorDocName(randomUUID()) }, 'COLLAB_FORBIDDEN'],
      [{ reviewId: world.review.id, doc: authorDocName(outsider.user.id) }, 'COLLAB_FORBIDDEN'],
      [{ reviewId: other.id, doc: 'text' }, 'COLLAB_FORBIDDEN'],
      [{ reviewId: other.id, doc: authorDocName(world.alice.user.id) }, 'COLLAB_FORBIDDEN'],
      [{ reviewId: randomUUID(), doc: 'text' }, 'COLLAB_FORBIDDEN'],
    ];
    for (const [payload, code] of cases)
      expect(await emitWithAck<Answer>(socket, CollabEvents.join, payload), JSON.stringify(payload)).toMatchObject({ ok: false, code });
    expect(world.server.tendik.ctx.collab.log.docs(other.id)).toEqual([]);
  });

  it('step 1, updates and awareness before joining are refused as COLLAB_NOT_JOINED, even on the sender’s own doc', async () => {
    const socket = await open(world.bella);
    const ref = { reviewId: world.review.id, doc: authorDocName(world.bella.user.id) };
    const before = rowsOf(ref.doc);
    expect(await emitWithAck<Answer>(socket, CollabEvents.step1, { ...ref, stateVector: Y.encodeStateVector(new Y.Doc()) })).toMatchObject({
      code: 'COLLAB_NOT_JOINED',
    });
    expect(await sendUpdate(socket, ref.reviewId, ref.doc, annotationUpdate(ref.doc, 'early'))).toMatchObject({ code: 'COLLAB_NOT_JOINED' });
    expect(await emitWithAck<Answer>(socket, CollabEvents.awareness, { ...ref, update: new Uint8Array([0]) })).toMatchObject({
      code: 'COLLAB_NOT_JOINED',
    });
    expect(rowsOf(ref.doc)).toBe(before);
  });
});

describe('flooding', () => {
  it('one person flooding from several sockets gets COLLAB_RATE_LIMITED on all of them, and is cut off if she keeps on; everyone else keeps working', async () => {
    const own = authorDocName(world.bella.user.id);
    const aliceDoc = authorDocName(world.alice.user.id);
    // Five sockets of one account share one budget: one burst in all, not five.
    const flooders = await Promise.all(Array.from({ length: 5 }, () => open(world.bella)));
    const watcher = await open(world.secretary);
    const alice = await open(world.alice);
    for (const s of [...flooders, watcher]) expect((await join(s, world.review.id, own)).ok).toBe(true);
    expect((await join(alice, world.review.id, aliceDoc)).writable).toBe(true);
    const seen = relayed(watcher);
    const ids = Array.from({ length: UPDATE_BURST + REFUSAL_BURST }, (_, i) => `flood-${i}`);
    const cutOff = flooders.map((f) => new Promise<Answer>((resolve) => f.on(CollabEvents.error, (e: Answer) => e.code === 'COLLAB_CUT_OFF' && resolve(e))));
    // The server runs in this process: with its clock held still, the buckets cannot refill however
    // slowly a loaded machine works through the flood, so the counts are exact.
    const frozen = vi.spyOn(performance, 'now').mockReturnValue(performance.now());
    try {
      const answers = await Promise.all(ids.map((id, i) => sendUpdate(flooders[i % flooders.length]!, world.review.id, own, annotationUpdate(own, id))));
      const refused = answers.filter((a) => !a.ok);
      expect(refused).toHaveLength(REFUSAL_BURST);
      expect(new Set(refused.map((a) => a.code))).toEqual(new Set(['COLLAB_RATE_LIMITED']));
      // Another person is not held back by her flood.
      expect(await sendUpdate(alice, world.review.id, aliceDoc, annotationUpdate(aliceDoc, 'calm'))).toEqual({ ok: true });

      // What was accepted is stored and relayed; what was refused is neither.
      const accepted = ids.filter((_, i) => answers[i]!.ok).map((id) => labelledId(own, id));
      expect(accepted).toHaveLength(UPDATE_BURST);
      const room = world.server.tendik.ctx.collab.rooms.get(`collab:${world.review.id}/${own}`)!;
      const flood = new Set(ids.map((id) => labelledId(own, id)));
      expect([...room.doc.getMap('annotations').keys()].filter((k) => flood.has(k)).sort()).toEqual([...accepted].sort());
      await eventually(() => seen.length === accepted.length, 'accepted updates are relayed');

      // She keeps on through the refusals: every socket of hers is closed with the reason, and she
      // cannot reconnect for a while.
      expect(await sendUpdate(flooders[0]!, world.review.id, own, annotationUpdate(own, 'one more'))).toMatchObject({ code: 'COLLAB_RATE_LIMITED' });
      for (const answer of await Promise.all(cutOff)) expect(answer.messages?.ru).toContain('слишком много изменений подряд');
      await eventually(() => flooders.every((f) => !f.connected), 'her sockets are closed');
      const again = connectSocket(world.server.url, world.bella.auth);
      sockets.push(again);
      const refusal = await new Promise<{ data?: Answer }>((resolve) => again.once('connect_error', resolve));
      expect(refusal.data?.code).toBe('COLLAB_CUT_OFF');
      expect(refusal.data?.messages?.en).toContain('try again in 10 s');
      expect((await open(world.alice)).connected).toBe(true);
    } finally {
      frozen.mockRestore();
    }
    const audited = world.server.tendik.ctx.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'collab.cut_off' AND user_id = ?`).get(world.bella.user.id) as { n: number };
    expect(audited.n).toBe(1);
  });

  it('one person may hold a bounded number of sockets: the next is refused with a readable reason, and a closed one frees its place', async () => {
    const person = await signedIn(world.server, 'expert');
    const held = await Promise.all(Array.from({ length: SOCKETS_PER_USER }, () => open(person)));
    const extra = connectSocket(world.server.url, person.auth);
    sockets.push(extra);
    const refusal = await new Promise<{ data?: { code?: string; messages?: Record<string, string> } }>((resolve) => extra.once('connect_error', resolve));
    expect(refusal.data?.code).toBe('COLLAB_TOO_MANY_CONNECTIONS');
    expect(refusal.data?.messages?.ru).toContain(`не больше ${SOCKETS_PER_USER}`);
    expect(refusal.data?.messages?.ky).toContain(String(SOCKETS_PER_USER));
    // Others are not affected by her count.
    expect((await open(world.alice)).connected).toBe(true);
    held[0]!.disconnect();
    await eventually(() => !held[0]!.connected, 'the socket closed');
    let again: Socket | null = null;
    for (let attempt = 0; attempt < 50 && !again; attempt += 1) {
      try {
        again = await open(person);
      } catch {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    expect(again?.connected).toBe(true);
  });

  it('a few huge updates flood as surely as many small ones: bytes are limited too', async () => {
    // Someone new, whose budget nothing in this file has touched.
    const fresh = await signedIn(world.server, 'expert');
    world.server.tendik.ctx.db.prepare('INSERT INTO review_members (review_id, user_id) VALUES (?, ?)').run(world.review.id, fresh.user.id);
    const own = authorDocName(fresh.user.id);
    const flooder = await open(fresh);
    expect((await join(flooder, world.review.id, own)).writable).toBe(true);
    const body = 'x'.repeat(FRAME_LIMIT - 4096);
    const ids = Array.from({ length: 200 }, (_, i) => `big-${String(i).padStart(3, '0')}`);
    const size = annotationUpdate(own, ids[0]!, body).byteLength;
    const frozen = vi.spyOn(performance, 'now').mockReturnValue(performance.now());
    let answers: Answer[];
    try {
      answers = await Promise.all(ids.map((id) => sendUpdate(flooder, world.review.id, own, annotationUpdate(own, id, body))));
    } finally {
      frozen.mockRestore();
    }
    const accepted = Math.floor(UPDATE_BYTES_BURST / size);
    expect(accepted).toBeLessThan(Math.min(ids.length, UPDATE_BURST));
    expect(answers.filter((a) => a.ok)).toHaveLength(accepted);
    expect(new Set(answers.filter((a) => !a.ok).map((a) => a.code))).toEqual(new Set(['COLLAB_RATE_LIMITED']));
    expect(flooder.connected).toBe(true);
  });
});

/**
 * A V1 update of client `client` starting at `clock`: a valid annotation under `id`, then a text item
 * 'a', then 'bc' after it, then 'zz' whose right origin (`client`, clock+71) exists nowhere — the
 * shape of a fault Yjs meets only while integrating (found by fuzzing; see the test above).
 */
function craftedContinuation(client: number, clock: number, id: string): Uint8Array {
  const enc = encoding.createEncoder();
  const id_ = (c: number) => {
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, c);
  };
  encoding.writeVarUint(enc, 1); // one client
  encoding.writeVarUint(enc, 4); // four structs
  encoding.writeVarUint(enc, client);
  encoding.writeVarUint(enc, clock);
  // The record: parentSub (0x20) + ContentAny (8), parent given by its root name.
  encoding.writeUint8(enc, 0x28);
  encoding.writeVarUint(enc, 1);
  encoding.writeVarString(enc, 'annotations');
  encoding.writeVarString(enc, id);
  encoding.writeVarUint(enc, 1);
  encoding.writeAny(enc, { id, kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } }, body: 'скрытое', status: 'open', createdAt: 1, updatedAt: 1 });
  // 'a' in root text 't' (ContentString 4).
  encoding.writeUint8(enc, 0x04);
  encoding.writeVarUint(enc, 1);
  encoding.writeVarString(enc, 't');
  encoding.writeVarString(enc, 'a');
  // 'bc' after 'a' (origin 0x80).
  encoding.writeUint8(enc, 0x84);
  id_(clock + 1);
  encoding.writeVarString(enc, 'bc');
  // 'zz' after 'a', before a struct that does not exist (origin 0x80 + right origin 0x40).
  encoding.writeUint8(enc, 0xc4);
  id_(clock + 1);
  id_(clock + 71);
  encoding.writeVarString(enc, 'zz');
  encoding.writeVarUint(enc, 0); // empty delete set
  return encoding.toUint8Array(enc);
}
