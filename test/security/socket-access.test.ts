import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { io as connect, type Socket } from 'socket.io-client';
import { CollabEvents } from '../../shared/protocol';
import { stateFingerprint } from './state';
import { ACTORS, buildWorld, type Actor, type World } from './world';

/**
 * Socket events as every role: join, sync, update and awareness are decided on the server per
 * review and per doc; the handshake itself is covered by socket-gate.test.ts.
 */
let world: World;
const sockets = new Map<Actor, Socket>();

beforeAll(async () => {
  world = await buildWorld();
  // A security test that could skip itself is no test: without the collaboration server this fails.
  expect(world.server.tendik.io.of('/').listeners('connection').length, 'the collaboration server is mounted').toBeGreaterThan(0);
  for (const actor of ACTORS) {
    if (actor === 'anonymous') continue;
    const socket = connect(world.server.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: world.auth(actor)!.cookie },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    sockets.set(actor, socket);
  }
});
afterAll(async () => {
  for (const socket of sockets.values()) socket.close();
  await world.server.close();
});

type Answer = { ok: boolean; code?: string; writable?: boolean };

function emit(actor: Actor, event: string, payload: unknown): Promise<Answer> {
  return sockets.get(actor)!.emitWithAck(event, payload) as Promise<Answer>;
}

function someUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hostile');
  return Y.encodeStateAsUpdate(doc);
}

const SIGNED_IN = ACTORS.filter((a): a is Exclude<Actor, 'anonymous'> => a !== 'anonymous');

describe('socket events per role', () => {
  it('join: the working docs open to the secretary and member experts only; the committee never gets them', async () => {
    const failures: string[] = [];
    for (const review of [world.working, world.issued]) {
      for (const doc of ['text', 'engine', `author:${world.people.member.user.id}`]) {
        for (const actor of SIGNED_IN) {
          const answer = await emit(actor, CollabEvents.join, { reviewId: review.id, doc });
          const allowed = actor === 'secretary' || actor === 'member';
          if (answer.ok !== allowed) failures.push(`${actor} join ${doc} of ${review.title}: ${JSON.stringify(answer).slice(0, 120)}`);
          if (!allowed && answer.code !== 'COLLAB_FORBIDDEN' && answer.code !== 'COLLAB_REVIEW_NOT_FOUND')
            failures.push(`${actor} refused without the right code: ${answer.code}`);
          if (answer.ok) await emit(actor, CollabEvents.leave, { reviewId: review.id, doc });
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('writing: the TEXT doc only by the secretary, an author doc only by its author', async () => {
    const text = { reviewId: world.working.id, doc: 'text' };
    const own = { reviewId: world.working.id, doc: `author:${world.people.member.user.id}` };
    expect((await emit('secretary', CollabEvents.join, text)).writable).toBe(true);
    expect((await emit('member', CollabEvents.join, text)).writable).toBe(false);
    expect((await emit('member', CollabEvents.join, own)).writable).toBe(true);
    expect((await emit('secretary', CollabEvents.join, own)).writable).toBe(false);
    expect((await emit('member', CollabEvents.update, { ...text, update: someUpdate() })).code).toBe('COLLAB_READ_ONLY');
    expect((await emit('secretary', CollabEvents.update, { ...own, update: someUpdate() })).code).toBe('COLLAB_READ_ONLY');
    expect((await emit('member', CollabEvents.update, { ...own, update: someUpdate() })).ok).toBe(true);
  });

  it('sync, update and awareness without a join are refused for everyone, whatever they name', async () => {
    const before = stateFingerprint(world.server.tendik.ctx.db);
    for (const actor of ['outsider', 'reader', 'otherReader', 'admin'] as const) {
      for (const review of [world.working, world.issued]) {
        const ref = { reviewId: review.id, doc: 'text' };
        expect((await emit(actor, CollabEvents.step1, { ...ref, stateVector: Y.encodeStateVector(new Y.Doc()) })).ok).toBe(false);
        expect((await emit(actor, CollabEvents.update, { ...ref, update: someUpdate() })).ok).toBe(false);
        expect((await emit(actor, CollabEvents.awareness, { ...ref, update: new Uint8Array([0]) })).ok).toBe(false);
      }
    }
    expect(stateFingerprint(world.server.tendik.ctx.db)).toEqual(before);
  });
});

describe('socket fuzz (fast-check)', () => {
  it('any event and payload from any role: a coded refusal or an answer, never a crash, nothing stored on refusal', async () => {
    const ids = [world.working.id, world.issued.id, 'not-a-uuid', '00000000-0000-4000-8000-000000000000', "' OR 1=1 --"];
    const docName = fc.oneof(
      fc.constantFrom('text', 'engine', `author:${world.people.member.user.id}`, 'author:../../etc', '__proto__'),
      fc.string({ maxLength: 20 }),
    );
    const payload = fc.oneof(
      fc.record({
        reviewId: fc.constantFrom(...ids),
        doc: docName,
        update: fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(someUpdate()), fc.string()),
        stateVector: fc.oneof(fc.uint8Array({ maxLength: 32 }), fc.string()),
      }, { requiredKeys: ['reviewId', 'doc'] }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const event = fc.oneof(fc.constantFrom(...Object.values(CollabEvents)), fc.string({ maxLength: 20 }));
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SIGNED_IN), event, payload, async (actor, name, body) => {
        // Reserved socket.io names cannot be emitted; collab:error is a server-to-client event that the
        // server ignores (without an ack) when a client sends it.
        if (['connect', 'disconnect', 'connect_error', 'disconnecting', 'newListener', 'removeListener', CollabEvents.error].includes(name))
          return true;
        const before = stateFingerprint(world.server.tendik.ctx.db);
        const answer = (await sockets.get(actor)!.timeout(10_000).emitWithAck(name, body).catch(() => null)) as Answer | null;
        if (answer === null) failures.push(`no answer to ${name} from ${actor}`);
        else if (!answer.ok) {
          if (!answer.code) failures.push(`uncoded refusal of ${name}: ${JSON.stringify(answer).slice(0, 100)}`);
          if (JSON.stringify(stateFingerprint(world.server.tendik.ctx.db)) !== JSON.stringify(before))
            failures.push(`state changed on a refused ${name} from ${actor}`);
        }
        if (!sockets.get(actor)!.connected) failures.push(`${actor}'s socket dropped after ${name}`);
        return failures.length === 0;
      }),
      { numRuns: 150, seed: 7, endOnFailure: true },
    );
    expect(failures).toEqual([]);
    expect((await fetch(`${world.server.url}/api/health`)).status).toBe(200);
  });
});
