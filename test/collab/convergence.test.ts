import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAnnotation,
  addReply,
  authorMap,
  createAnchor,
  clauseTexts,
  reopenAnnotation,
  resolveAnnotation,
  setAnswer,
  setVerdict,
  plainText,
} from '../../shared/collab';
import { authorDocName, type DocName } from '../../shared/protocol';
import { loadReviewModel } from '../../server/collab/model';
import { signedIn, startTestServer, type TestServer } from '../helpers/app';
import { createSampleReview, docContent, eventually, openClient, prng, sameDoc, type Client } from './harness';

let server: TestServer | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = undefined;
});

/** One random step of a participant, on her own author doc (experts) or the draft (the secretary). */
function randomStep(rand: () => number, client: Client, userId: string, secretary: boolean): void {
  const text = client.docs.get('text')!;
  const own = client.docs.get(authorDocName(userId))!;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const clauses = [...clauseTexts(text).entries()].filter(([, t]) => plainText(t).length > 4);
  const roll = rand();
  if (secretary && roll < 0.4) {
    const [, t] = pick(clauses);
    const length = t.length;
    if (rand() < 0.6) t.insert(Math.floor(rand() * length), pick([' исправлено', 'ы', ' и женщин', '.']));
    else t.delete(Math.floor(rand() * (length - 3)), 1 + Math.floor(rand() * 3));
    return;
  }
  const annotations = [...authorMap(own, 'annotations').keys()];
  if (roll < 0.7 || annotations.length === 0) {
    const [clauseId, t] = pick(clauses);
    const start = Math.floor(rand() * (t.length - 2));
    addAnnotation(own, userId, {
      kind: rand() < 0.5 ? 'finding' : 'comment',
      anchor: createAnchor(text, clauseId, { start, end: start + 1 + Math.floor(rand() * Math.min(10, t.length - start - 1)) }),
      body: `замечание ${Math.floor(rand() * 1000)}`,
      criterionId: 'C1',
      severity: 'concern',
    });
  } else if (roll < 0.8) resolveAnnotation(own, pick(annotations));
  else if (roll < 0.85) reopenAnnotation(own, pick(annotations));
  else if (roll < 0.9) addReply(own, userId, pick(annotations), 'согласна');
  else if (roll < 0.95) setVerdict(own, userId, { targetId: pick(annotations), decision: rand() < 0.5 ? 'confirm' : 'dismiss', reason: 'потому что' });
  else setAnswer(own, userId, { criterionId: 'C1', questionId: 'q1', value: pick(['yes', 'no', 'partly', 'na'] as const) });
}

async function runConvergence(participants: number, seed: number): Promise<void> {
  server = await startTestServer({ databasePath: ':memory:' });
  const secretary = await signedIn(server, 'secretary');
  const experts = [];
  for (let i = 1; i < participants; i += 1) experts.push(await signedIn(server, 'expert'));
  const review = createSampleReview(server.tendik.ctx.db, secretary.user.id, experts.map((e) => e.user.id));
  const people = [secretary, ...experts];
  const names: DocName[] = ['text', 'engine', ...people.map((p) => authorDocName(p.user.id))];
  for (const person of people) clients.push(await openClient(server.url, person.auth, review.id, names));

  const rand = prng(seed);
  for (let round = 0; round < 12; round += 1) {
    const steps = 1 + Math.floor(rand() * 4);
    for (let s = 0; s < steps; s += 1) {
      const who = Math.floor(rand() * people.length);
      randomStep(rand, clients[who]!, people[who]!.user.id, who === 0);
    }
    // Let some messages cross while others are still being made.
    if (rand() < 0.5) await new Promise((r) => setImmediate(r));
  }

  await eventually(() => clients.every((c) => c.provider.pending === 0 && c.provider.status === 'synced'), 'all updates acknowledged');
  await eventually(
    () => names.every((name) => clients.every((c) => sameDoc(name, c.docs.get(name)!, clients[0]!.docs.get(name)!))),
    'all clients converge',
  );
  // The server's copy agrees too, and the merged model sees every annotation the clients see.
  const hub = server.tendik.ctx.collab;
  for (const name of names) {
    const room = hub.rooms.get(`collab:${review.id}/${name}`)!;
    expect(docContent(name, room.doc), name).toBe(docContent(name, clients[0]!.docs.get(name)!));
  }
  const model = await loadReviewModel(server.tendik.ctx, review.id);
  const annotationCount = people.reduce((n, p) => n + authorMap(clients[0]!.docs.get(authorDocName(p.user.id))!, 'annotations').size, 0);
  expect(model.findings.filter((f) => f.origin === 'expert').length + model.comments.length).toBe(annotationCount);
  expect(annotationCount).toBeGreaterThan(0);
}

describe('seeded random multi-client editing converges', () => {
  for (const [participants, seed] of [
    [2, 1],
    [3, 7],
    [5, 42],
  ] as const) {
    it(`${participants} clients, seed ${seed}`, async () => {
      await runConvergence(participants, seed);
    }, 60_000);
  }
});

describe('the text doc', () => {
  it('is seeded on the server from the import, once', async () => {
    server = await startTestServer();
    const secretary = await signedIn(server, 'secretary');
    const review = createSampleReview(server.tendik.ctx.db, secretary.user.id, []);
    const a = await openClient(server.url, secretary.auth, review.id, ['text']);
    clients.push(a);
    const texts = clauseTexts(a.docs.get('text')!);
    expect([...texts.keys()]).toEqual(['a1', 'a2', 'a2.p1', 'a2.p2', 'a3']);
    expect(plainText(texts.get('a2.p1')!)).toContain('равную оплату');
    const before = Y.encodeStateVector(a.docs.get('text')!);
    a.close();
    clients.pop();
    const b = await openClient(server.url, secretary.auth, review.id, ['text']);
    clients.push(b);
    expect(Buffer.from(Y.encodeStateVector(b.docs.get('text')!)).equals(Buffer.from(before))).toBe(true);
    expect(b.docs.get('text')!.getXmlFragment('draft').length).toBe(3);
  });
});
