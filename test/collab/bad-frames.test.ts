import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { collabHub } from '../../server/collab/hub-of';
import { UPDATE_BURST, UPDATE_BYTES_BURST } from '../../server/collab/socket-module';
import { authorDocName, CollabEvents, type DocName } from '../../shared/protocol';
import { signedIn } from '../helpers/app';
import { createSampleReview, emitWithAck, eventually, prng } from './harness';
import {
  annotationUpdate,
  labelledId,
  join,
  logRows,
  rawSocket,
  relayed,
  reviewWorld,
  sendUpdate,
  tempDatabase,
  type Answer,
} from './fixtures';

/**
 * Frames a broken or hostile client may send once connected (the handshake and per-role access are
 * test/security's). Each is refused with a code, changes nothing stored, and leaves the server and
 * the other clients working. The frame limit is lowered to 64 KB so "huge" stays cheap.
 */
const FRAME_LIMIT = 64 * 1024;
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
    const room = collabHub(world.server.tendik.ctx).rooms.get(`collab:${world.review.id}/${own}`)!;
    expect(room.doc.getMap('annotations').size).toBe(0);
    expect(rowsOf(own)).toBe(0);
    // A later good update reaches the watcher first: nothing of the refused one was relayed before it.
    expect(await sendUpdate(writer, world.review.id, own, annotationUpdate(own, 'fine'))).toEqual({ ok: true });
    await eventually(() => seen.length > 0, 'the good update is relayed');
    const replay = new Y.Doc();
    for (const { update } of seen) Y.applyUpdate(replay, update);
    expect([...replay.getMap('annotations').keys()]).toEqual([labelledId(own, 'fine')]);
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
    expect(collabHub(world.server.tendik.ctx).log.docs(other.id)).toEqual([]);
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
  it('a client flooding updates gets COLLAB_RATE_LIMITED; another client on the same doc keeps working', async () => {
    const own = authorDocName(world.bella.user.id);
    const flooder = await open(world.bella);
    const tab = await open(world.bella);
    const watcher = await open(world.secretary);
    for (const s of [flooder, tab, watcher]) expect((await join(s, world.review.id, own)).ok).toBe(true);
    const seen = relayed(watcher);
    const ids = Array.from({ length: UPDATE_BURST * 2 }, (_, i) => `flood-${i}`);
    // The server runs in this process: with its clock held still, the bucket cannot refill however
    // slowly a loaded machine works through the flood, so exactly one burst gets through.
    const frozen = vi.spyOn(performance, 'now').mockReturnValue(performance.now());
    let answers: Answer[];
    try {
      answers = await Promise.all(ids.map((id) => sendUpdate(flooder, world.review.id, own, annotationUpdate(own, id))));
    } finally {
      frozen.mockRestore();
    }
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toHaveLength(ids.length - UPDATE_BURST);
    expect(new Set(refused.map((a) => a.code))).toEqual(new Set(['COLLAB_RATE_LIMITED']));
    expect(await sendUpdate(tab, world.review.id, own, annotationUpdate(own, 'calm'))).toEqual({ ok: true });

    // What was accepted is stored and relayed; what was refused is neither.
    const accepted = ids.filter((_, i) => answers[i]!.ok).map((id) => labelledId(own, id));
    const room = collabHub(world.server.tendik.ctx).rooms.get(`collab:${world.review.id}/${own}`)!;
    const flood = new Set(ids.map((id) => labelledId(own, id)));
    const onServer = [...room.doc.getMap('annotations').keys()].filter((k) => flood.has(k)).sort();
    expect(onServer).toEqual([...accepted].sort());
    await eventually(() => seen.length === accepted.length + 1, 'accepted updates and the calm one are relayed');
    expect(flooder.connected).toBe(true);
  });

  it('a few huge updates flood as surely as many small ones: bytes are limited too', async () => {
    const own = authorDocName(world.alice.user.id);
    const flooder = await open(world.alice);
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
