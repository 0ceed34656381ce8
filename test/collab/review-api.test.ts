import { expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, clauseTexts, createAnchor, plainText, setFinalDecision, setVerdict } from '../../shared/collab';
import { authorDocName, type DocName } from '../../shared/protocol';
import type { ReviewModel } from '../../shared/review-model';
import { api, signedIn } from '../helpers/app';
import { eventually, openClient } from './harness';
import { useReviewWorld } from './fixtures';

/** The HTTP side of the collaboration data: the list with counts, the outline, the merged model. */
const bench = useReviewWorld();
const { clients } = bench;

const get = async <T>(auth: { cookie: string; csrfToken: string }, path: string): Promise<T> => {
  const res = await api(bench.world.server, auth, path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

it('list, outline and merged model reflect the live docs: positions follow the secretary’s edits, counts follow decisions', async () => {
  const { world } = bench;
  const { secretary, alice, bella, review } = world;
  const aliceDoc = authorDocName(alice.user.id);
  const secretaryDoc = authorDocName(secretary.user.id);
  const names: DocName[] = ['text', aliceDoc, authorDocName(bella.user.id), secretaryDoc];
  const expert = await openClient(world.server.url, alice.auth, review.id, names);
  const chief = await openClient(world.server.url, secretary.auth, review.id, names);
  const other = await openClient(world.server.url, bella.auth, review.id, names);
  clients.push(expert, chief, other);
  const synced = () => eventually(() => clients.every((c) => c.provider.pending === 0 && c.provider.status === 'synced'), 'stored');

  const outline = await get<{ meta: { title: string }; clauses: Array<{ id: string; children: Array<{ id: string }> }> }>(
    alice.auth,
    `/api/reviews/${review.id}/outline`,
  );
  expect(outline.meta.title).toBe('О тестовом законе');
  expect(outline.clauses.map((c) => [c.id, c.children.map((k) => k.id)])).toEqual([
    ['a1', []],
    ['a2', ['a2.p1', 'a2.p2']],
    ['a3', []],
  ]);

  // «своего заместителя» in a2.p2: "2. Руководитель назначает своего заместителя из числа работников."
  const words = 'своего заместителя';
  const p2 = plainText(clauseTexts(expert.docs.get('text')!).get('a2.p2')!);
  const start = p2.indexOf(words);
  const finding = addAnnotation(expert.docs.get(aliceDoc)!, alice.user.id, {
    kind: 'finding',
    anchor: createAnchor(expert.docs.get('text')!, 'a2.p2', { start, end: start + words.length }),
    body: 'Гендерно-нейтрально, но проверить практику назначения.',
    criterionId: 'C3',
    severity: 'note',
  });
  addAnnotation(expert.docs.get(aliceDoc)!, alice.user.id, { kind: 'comment', anchor: createAnchor(expert.docs.get('text')!, 'a1'), body: 'ок' });
  await synced();

  const model = () => get<ReviewModel>(secretary.auth, `/api/reviews/${review.id}/model`);
  let merged = await model();
  const mine = () => merged.findings.find((f) => f.id === finding.id)!;
  expect(mine()).toMatchObject({ origin: 'expert', authorId: alice.user.id, clauseId: 'a2.p2', position: { state: 'exact', start, end: start + words.length } });
  expect(merged.comments).toHaveLength(1);
  expect(merged.comments[0]).toMatchObject({ position: { state: 'clause', clauseId: 'a1' } });

  // The secretary corrects text before the quote: the finding moves with its words.
  clauseTexts(chief.docs.get('text')!).get('a2.p2')!.insert(3, 'Главный ');
  await synced();
  merged = await model();
  expect(mine().position).toEqual({ state: 'exact', clauseId: 'a2.p2', start: start + 8, end: start + 8 + words.length });

  // Bella confirms, the secretary decides: the list's counts follow.
  setVerdict(other.docs.get(authorDocName(bella.user.id))!, bella.user.id, { targetId: finding.id, decision: 'confirm' });
  setFinalDecision(chief.docs.get(secretaryDoc)!, { targetId: finding.id, decision: 'confirmed' });
  await synced();
  merged = await model();
  expect(mine().verdicts.map((v) => [v.authorId, v.decision])).toEqual([[bella.user.id, 'confirm']]);
  expect(mine().final?.decision).toBe('confirmed');
  const list = await get<{ reviews: Array<{ id: string; counts?: { findings: number; confirmed: number; comments: number } }> }>(secretary.auth, '/api/reviews');
  const row = list.reviews.find((r) => r.id === review.id)!;
  expect(row.counts).toEqual({ findings: merged.findings.length, confirmed: 1, comments: 1 });

  // Listing again with nothing changed reads the counts kept in SQLite: no doc of the review is loaded.
  const acquire = vi.spyOn(world.server.tendik.ctx.collab, 'acquire');
  try {
    const again = await get<{ reviews: Array<{ id: string; counts?: unknown }> }>(secretary.auth, '/api/reviews');
    expect(again.reviews.find((r) => r.id === review.id)!.counts).toEqual(row.counts);
    expect(acquire).not.toHaveBeenCalled();
    // A change makes them current again on the next listing.
    setFinalDecision(chief.docs.get(secretaryDoc)!, { targetId: finding.id, decision: 'dismissed' });
    await synced();
    const after = await get<{ reviews: Array<{ id: string; counts?: { confirmed: number } }> }>(secretary.auth, '/api/reviews');
    expect(after.reviews.find((r) => r.id === review.id)!.counts?.confirmed).toBe(0);
    expect(acquire).toHaveBeenCalled();
  } finally {
    acquire.mockRestore();
  }
  setFinalDecision(chief.docs.get(secretaryDoc)!, { targetId: finding.id, decision: 'confirmed' });
  await synced();

  // Her words deleted: the finding stays, orphaned, with its quote.
  const text = clauseTexts(chief.docs.get('text')!).get('a2.p2')!;
  const at = plainText(text).indexOf(words);
  text.delete(at, words.length);
  await synced();
  merged = await model();
  expect(mine().position?.state).toBe('orphaned');
  expect(mine().quote.exact).toBe(words);

  // The outline is the draft's as it reads now: a unit the secretary removed is gone from it.
  await world.server.tendik.ctx.collab.withRoom(review.id, 'text', (room) => {
    const fragment = room.doc.getXmlFragment('draft');
    const index = fragment.toArray().findIndex((el) => el instanceof Y.XmlElement && el.getAttribute('id') === 'a3');
    fragment.delete(index, 1);
  });
  const corrected = await get<{ clauses: Array<{ id: string }> }>(alice.auth, `/api/reviews/${review.id}/outline`);
  expect(corrected.clauses.map((c) => c.id)).toEqual(['a1', 'a2']);

  // Experts who are not members do not see the review in the list.
  const outsider = await signedIn(world.server, 'expert');
  const theirs = await get<{ reviews: Array<{ id: string }> }>(outsider.auth, '/api/reviews');
  expect(theirs.reviews.map((r) => r.id)).not.toContain(review.id);
});
