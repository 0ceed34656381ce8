import { expect, it } from 'vitest';
import { clauseTexts, plainText, setFinalDecision } from '../../shared/collab';
import { ENGINE_CANDIDATES } from '../../shared/collab/engine-doc';
import { authorDocName, type DocName } from '../../shared/protocol';
import type { ReviewModel } from '../../shared/review-model';
import { api } from '../helpers/app';
import { eventually, openClient } from './harness';
import { useReviewWorld } from './fixtures';

/** The checklist engine run again on demand, over the text as the secretary corrected it. */
const bench = useReviewWorld();

it('finds what the corrected text now says, keeps a dismissed candidate dismissed, and is the secretary’s alone', async () => {
  const { world, clients } = bench;
  const { secretary, alice, review } = world;
  const secretaryDoc = authorDocName(secretary.user.id);
  const names: DocName[] = ['text', 'engine', secretaryDoc];
  const chief = await openClient(world.server.url, secretary.auth, review.id, names);
  clients.push(chief);
  const synced = () => eventually(() => chief.provider.pending === 0 && chief.provider.status === 'synced', 'stored');
  const model = async () => (await (await api(world.server, secretary.auth, `/api/reviews/${review.id}/model`)).json()) as ReviewModel;
  const rerun = (auth = secretary.auth) => api(world.server, auth, `/api/reviews/${review.id}/analysis`, { method: 'POST' });
  const onA2p2 = (m: ReviewModel) => m.findings.filter((f) => f.origin === 'engine' && f.clauseId === 'a2.p2');

  expect(onA2p2(await model())).toEqual([]);
  // The secretary's correction brings a night-work ban for women into a2.p2.
  const clause = clauseTexts(chief.docs.get('text')!).get('a2.p2')!;
  clause.insert(plainText(clause).length, ' Не допускается привлечение женщин к работе в ночное время.');
  await synced();
  expect(onA2p2(await model())).toEqual([]); // nothing reruns by itself

  const first = await rerun();
  expect(first.status).toBe(200);
  const answer = (await first.json()) as { checklist: { id: string; version: string }; findings: number; changed: number };
  expect(answer.checklist.id).toBe('kg-gender-expertise');
  expect(answer.changed).toBeGreaterThanOrEqual(1);
  const found = onA2p2(await model());
  expect(found.map((f) => f.criterionId)).toContain('C9');
  const ban = found.find((f) => f.criterionId === 'C9')!;
  expect(ban.quote.exact).toMatch(/женщин/);
  // Connected clients got it live, like any ENGINE change.
  await eventually(() => chief.docs.get('engine')!.getMap(ENGINE_CANDIDATES).has(ban.id), 'relayed to the open client');

  // Run again: nothing new. Dismissed by the secretary, it stays dismissed through another rerun.
  expect(((await (await rerun()).json()) as { changed: number }).changed).toBe(0);
  setFinalDecision(chief.docs.get(secretaryDoc)!, { targetId: ban.id, decision: 'dismissed' });
  await synced();
  expect((await rerun()).status).toBe(200);
  const after = (await model()).findings.find((f) => f.id === ban.id)!;
  expect(after.final?.decision).toBe('dismissed');

  // A candidate on words the secretary then corrects away is withdrawn — nobody had acted on it.
  const a3 = clauseTexts(chief.docs.get('text')!).get('a3')!;
  const phrase = ' Пособие по уходу за ребенком выплачивается матери до достижения ребенком возраста полутора лет.';
  const at = plainText(a3).length;
  a3.insert(at, phrase);
  await synced();
  expect((await rerun()).status).toBe(200);
  const onA3 = (m: ReviewModel) => m.findings.filter((f) => f.origin === 'engine' && f.clauseId === 'a3');
  const mother = onA3(await model());
  expect(mother.map((f) => f.criterionId)).toContain('C8');
  a3.delete(at, phrase.length);
  await synced();
  const third = (await (await rerun()).json()) as { removed: number };
  expect(third.removed).toBe(mother.length);
  expect(onA3(await model())).toEqual([]);
  await eventually(() => mother.every((f) => !chief.docs.get('engine')!.getMap(ENGINE_CANDIDATES).has(f.id)), 'withdrawn on the open client');
  // The dismissed one is kept although its words are still there: the decision holds it either way.
  expect((await model()).findings.find((f) => f.id === ban.id)?.final?.decision).toBe('dismissed');

  // An expert may not run it; the runs are in the audit log.
  expect((await rerun(alice.auth)).status).toBe(403);
  const runs = world.server.tendik.ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'checklist.rerun' AND review_id = ?").get(review.id) as { n: number };
  expect(runs.n).toBe(5);
});
