import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { encodeAwareness, MAX_PRESENCE_BYTES, MAX_PRESENCE_IDS_PER_CONNECTION } from '../../server/collab/presence';
import { DEFAULT_COLLAB_LIMITS } from '../../server/collab/user-limits';
import { authorDocName, CollabEvents, type DocName } from '../../shared/protocol';
import { emitWithAck, eventually, openClient } from './harness';
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

it('the client announces presence on the draft only: none of its other docs carries any, so nothing about them is renewed and relayed', async () => {
  const names: DocName[] = ['text', 'engine', authorDocName(world.bella.user.id), authorDocName(world.alice.user.id)];
  const client = await openClient(world.server.url, world.bella.auth, world.review.id, names);
  try {
    const room = (name: DocName) => world.server.tendik.ctx.collab.rooms.get(`collab:${world.review.id}/${name}`)!;
    const mine = client.docs.get('text')!.clientID;
    await eventually(() => room('text').awareness.getStates().has(mine), 'her presence on the draft');
    for (const name of names.slice(1)) {
      expect(client.provider.handle(name)!.awareness.getLocalState(), name).toBeNull();
      expect([...room(name).awareness.getStates().keys()], name).toEqual([]);
    }
  } finally {
    client.close();
  }
});

it('presence over a person’s budget is dropped quietly, never a reason to cut her off', async () => {
  const tab = await rawSocket(world.server, world.bella);
  sockets.push(tab);
  expect((await join(tab, world.review.id, 'text')).ok).toBe(true);
  const limits = DEFAULT_COLLAB_LIMITS;
  const errors: Answer[] = [];
  tab.on(CollabEvents.error, (e: Answer) => errors.push(e));
  const frozen = vi.spyOn(performance, 'now').mockReturnValue(performance.now());
  try {
    // Far past her presence budget and past the refusals that would cut off a flood of changes.
    for (let i = 0; i < limits.presenceBurst + limits.refusalBurst + 50; i += 1)
      tab.emit(CollabEvents.awareness, { reviewId: world.review.id, doc: 'text', update: announce(9000, { cursor: i }) });
    expect((await join(tab, world.review.id, 'text')).ok).toBe(true);
  } finally {
    frozen.mockRestore();
  }
  expect(tab.connected).toBe(true);
  expect(errors.filter((e) => e.code === 'COLLAB_CUT_OFF' || e.code === 'COLLAB_RATE_LIMITED')).toEqual([]);
});
