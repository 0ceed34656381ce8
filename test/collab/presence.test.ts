import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { encodeAwareness, MAX_PRESENCE_BYTES, MAX_PRESENCE_IDS_PER_CONNECTION } from '../../server/collab/presence';
import { CollabEvents } from '../../shared/protocol';
import { emitWithAck, eventually } from './harness';
import { join, rawSocket, reviewWorld, tempDatabase, type Answer } from './fixtures';

/** Who is online is told by the server from the session: a client cannot pose as someone else. */
const db = tempDatabase();
let world: Awaited<ReturnType<typeof reviewWorld>>;
const sockets: Socket[] = [];
beforeAll(async () => {
  world = await reviewWorld(db.file);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await world.server.close();
  db.cleanup();
});

/** An awareness update announcing `state` for the given client id. */
function announce(clientId: number, state: Record<string, unknown> | null): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  awareness.setLocalState(state);
  const update = encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return update;
}

function sendAwareness(socket: Socket, update: Uint8Array): Promise<Answer> {
  return emitWithAck<Answer>(socket, CollabEvents.awareness, { reviewId: world.review.id, doc: 'text', update });
}

it('presence carries the session’s user whatever the client claims, and nobody speaks for another connection’s client id', async () => {
  const alice = await rawSocket(world.server, world.alice);
  const bella = await rawSocket(world.server, world.bella);
  sockets.push(alice, bella);
  for (const s of [alice, bella]) expect((await join(s, world.review.id, 'text')).ok).toBe(true);
  const seenByBella = new Awareness(new Y.Doc());
  bella.on(CollabEvents.awareness, (msg: { update: ArrayBuffer | Uint8Array }) =>
    applyAwarenessUpdate(seenByBella, msg.update instanceof Uint8Array ? msg.update : new Uint8Array(msg.update), 'server'),
  );
  const room = world.server.tendik.ctx.collab.rooms.get(`collab:${world.review.id}/text`)!;
  const userOf = (clientId: number) => (room.awareness.getStates().get(clientId)?.user as { id: string; name: string } | undefined) ?? null;

  expect(await sendAwareness(bella, announce(2002, { cursor: { clause: 'a1', offset: 3 } }))).toEqual({ ok: true });
  expect(userOf(2002)?.id).toBe(world.bella.user.id);

  // Alice claims to be the secretary.
  const claim = { user: { id: world.secretary.user.id, name: world.secretary.user.name, color: '#000000' }, cursor: { clause: 'a2', offset: 0 } };
  expect(await sendAwareness(alice, announce(1001, claim))).toEqual({ ok: true });
  expect(userOf(1001)).toMatchObject({ id: world.alice.user.id, name: world.alice.user.name });
  await eventually(() => seenByBella.getStates().has(1001), 'Bella sees Alice');
  expect(seenByBella.getStates().get(1001)?.user).toMatchObject({ id: world.alice.user.id, name: world.alice.user.name });

  // Alice tries to move, then to remove, Bella's presence.
  expect(await sendAwareness(alice, announce(2002, { user: { name: 'Bella' }, cursor: { clause: 'a3', offset: 9 } }))).toEqual({ ok: true });
  expect(await sendAwareness(alice, announce(2002, null))).toEqual({ ok: true });
  expect(room.awareness.getStates().get(2002)).toMatchObject({ cursor: { clause: 'a1', offset: 3 }, user: { id: world.bella.user.id } });

  // Malformed presence is refused with a code.
  expect(await sendAwareness(alice, new Uint8Array([1, 5, 1, 3, 0x7b]))).toMatchObject({ ok: false, code: 'COLLAB_BAD_MESSAGE' });

  // Leaving takes one's presence away, for everyone.
  alice.disconnect();
  await eventually(() => !room.awareness.getStates().has(1001) && !seenByBella.getStates().has(1001), 'Alice’s presence removed');
  expect(userOf(2002)?.id).toBe(world.bella.user.id);
});

it('one connection cannot flood presence: a few ids and a few kilobytes, the rest refused and not kept', async () => {
  const flooder = await rawSocket(world.server, world.alice);
  sockets.push(flooder);
  expect((await join(flooder, world.review.id, 'text')).ok).toBe(true);
  const room = world.server.tendik.ctx.collab.rooms.get(`collab:${world.review.id}/text`)!;
  const before = room.awareness.getStates().size;
  const many = (from: number, count: number) =>
    encodeAwareness(Array.from({ length: count }, (_, i) => ({ clientId: from + i, clock: 1, state: { cursor: i } })));

  expect(await sendAwareness(flooder, many(5000, 1000))).toMatchObject({ ok: false, code: 'COLLAB_BAD_MESSAGE' });
  expect(room.awareness.getStates().size).toBe(before);
  expect(await sendAwareness(flooder, many(6000, MAX_PRESENCE_IDS_PER_CONNECTION))).toEqual({ ok: true });
  expect(await sendAwareness(flooder, many(7000, 1))).toMatchObject({ ok: false, code: 'COLLAB_BAD_MESSAGE' });
  // Updating or removing one's own ids stays possible, and a removal frees a place.
  expect(await sendAwareness(flooder, many(6000, 2))).toEqual({ ok: true });
  expect(await sendAwareness(flooder, encodeAwareness([{ clientId: 6000, clock: 2, state: null }]))).toEqual({ ok: true });
  expect(await sendAwareness(flooder, many(7000, 1))).toEqual({ ok: true });
  expect(room.awareness.getStates().size).toBe(before + MAX_PRESENCE_IDS_PER_CONNECTION);

  const huge = encodeAwareness([{ clientId: 6001, clock: 5, state: { note: 'x'.repeat(MAX_PRESENCE_BYTES) } }]);
  expect(await sendAwareness(flooder, huge)).toMatchObject({ ok: false, code: 'COLLAB_BAD_MESSAGE' });
  expect(room.awareness.getStates().get(6001)).toMatchObject({ cursor: 1 });
});
