import { afterEach, expect, it } from 'vitest';
import { addAnnotation, addReply, authorMap, createAnchor, resolveAnnotation, setVerdict } from '../../shared/collab';
import { authorDocName, type DocName } from '../../shared/protocol';
import { docContent, eventually, openClient, sameDoc, type Client } from './harness';
import { reviewWorld, storedDoc, tempDatabase } from './fixtures';

const db = tempDatabase();
let world: Awaited<ReturnType<typeof reviewWorld>> | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await world?.server.close();
  world = undefined;
  db.cleanup();
});

const settled = (c: Client) => c.provider.status === 'synced' && c.provider.pending === 0;

it('work done offline merges on reconnect with what others did meanwhile; the server stores the union', async () => {
  world = await reviewWorld(db.file);
  const { server, alice, bella, review } = world;
  const aliceDoc = authorDocName(alice.user.id);
  const bellaDoc = authorDocName(bella.user.id);
  const names: DocName[] = ['text', aliceDoc, bellaDoc];
  // Alice on her laptop (goes offline), Alice in a second tab that stays online, and Bella.
  const laptop = await openClient(server.url, alice.auth, review.id, names);
  const tab = await openClient(server.url, alice.auth, review.id, names);
  const other = await openClient(server.url, bella.auth, review.id, names);
  clients.push(laptop, tab, other);
  const shared = addAnnotation(laptop.docs.get(aliceDoc)!, alice.user.id, {
    kind: 'finding',
    anchor: createAnchor(laptop.docs.get('text')!, 'a2.p1', { start: 3, end: 13 }),
    body: 'до разрыва связи',
    criterionId: 'C1',
  });
  await eventually(() => clients.every(settled) && authorMap(other.docs.get(aliceDoc)!, 'annotations').has(shared.id), 'first finding shared');

  laptop.socket.disconnect();
  await eventually(() => laptop.provider.status === 'offline', 'laptop offline');
  const text = laptop.docs.get('text')!;
  const offline1 = addAnnotation(laptop.docs.get(aliceDoc)!, alice.user.id, { kind: 'comment', anchor: createAnchor(text, 'a1'), body: 'в поезде' });
  const offline2 = addAnnotation(laptop.docs.get(aliceDoc)!, alice.user.id, {
    kind: 'finding',
    anchor: createAnchor(text, 'a2.p2', { start: 3, end: 15 }),
    body: 'без сети',
    criterionId: 'C3',
    severity: 'concern',
  });
  resolveAnnotation(laptop.docs.get(aliceDoc)!, shared.id);
  // Meanwhile, online: the same author in her other tab, and another expert.
  const online = addAnnotation(tab.docs.get(aliceDoc)!, alice.user.id, { kind: 'comment', anchor: createAnchor(text, 'a3'), body: 'из другой вкладки' });
  setVerdict(other.docs.get(bellaDoc)!, bella.user.id, { targetId: shared.id, decision: 'confirm', reason: 'согласна' });
  addReply(other.docs.get(bellaDoc)!, bella.user.id, shared.id, 'подтверждаю');
  await eventually(() => settled(tab) && settled(other), 'online work stored');
  expect(authorMap(tab.docs.get(aliceDoc)!, 'annotations').has(offline1.id)).toBe(false);
  expect(authorMap(laptop.docs.get(bellaDoc)!, 'verdicts').size).toBe(0);

  laptop.socket.connect();
  await eventually(() => clients.every(settled), 'laptop back and synced');
  await eventually(() => names.every((n) => clients.every((c) => sameDoc(n, c.docs.get(n)!, laptop.docs.get(n)!))), 'all converge');

  const annotations = authorMap(laptop.docs.get(aliceDoc)!, 'annotations');
  expect([...annotations.keys()].sort()).toEqual([shared.id, offline1.id, offline2.id, online.id].sort());
  expect((annotations.get(shared.id) as { status: string }).status).toBe('resolved');
  expect(authorMap(laptop.docs.get(bellaDoc)!, 'verdicts').size).toBe(1);

  // Stored, not just in memory: what SQLite holds equals what the clients hold.
  for (const name of names)
    expect(docContent(name, storedDoc(server.tendik.ctx.db, review.id, name)), name).toBe(docContent(name, laptop.docs.get(name)!));
  for (const c of clients.splice(0)) c.close();
  await eventually(() => [...server.tendik.ctx.collab.rooms.values()].every((r) => r.reviewId !== review.id), 'docs unloaded');
  const reloaded = await openClient(server.url, bella.auth, review.id, names);
  clients.push(reloaded);
  for (const name of names) expect(docContent(name, reloaded.docs.get(name)!), name).toBe(docContent(name, laptop.docs.get(name)!));
}, 60_000);

it('a change refused for a passing reason (its doc unloaded under the connection) is sent again and stored', async () => {
  world = await reviewWorld(db.file);
  const { server, alice, review } = world;
  const aliceDoc = authorDocName(alice.user.id);
  const client = await openClient(server.url, alice.auth, review.id, ['text', aliceDoc]);
  clients.push(client);
  const refused: string[] = [];
  client.provider.on('refused', (r: { error: { code: string } }) => refused.push(r.error.code));
  // Every doc flushed and unloaded while the socket stays connected (what shutdown does first).
  await server.tendik.ctx.collab.closeAll();
  const late = addAnnotation(client.docs.get(aliceDoc)!, alice.user.id, { kind: 'comment', anchor: createAnchor(client.docs.get('text')!, 'a3'), body: 'позже' });
  await eventually(() => refused.length > 0, 'the change is refused');
  // UNAVAILABLE, or NOT_JOINED when the provider's presence message hit the unloaded doc first.
  expect(['COLLAB_UNAVAILABLE', 'COLLAB_NOT_JOINED']).toContain(refused[0]);
  await eventually(() => authorMap(storedDoc(server.tendik.ctx.db, review.id, aliceDoc), 'annotations').has(late.id), 'the change is stored after all');
  await eventually(() => client.provider.status === 'synced' && client.provider.pending === 0, 'the client is synced again');
  expect(client.socket.connected).toBe(true);
});
