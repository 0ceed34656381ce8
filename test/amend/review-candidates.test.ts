import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { setFinalDecision, setVerdict } from '../../shared/collab';
import { ENGINE_CANDIDATES } from '../../shared/collab/engine-doc';
import type { BaseActSummary } from '../../shared/contract/amend';
import { authorDocName } from '../../shared/protocol';
import type { CandidateFinding, MergedFinding, ReviewModel } from '../../shared/review-model';
import { api } from '../helpers/app';
import { rawSocket, join, sendUpdate, useReviewWorld } from '../collab/fixtures';
import { eventually, openClient } from '../collab/harness';
import { docxDocumentXml, docxText } from '../e2e/docx';
import { FIXTURES, fixtureBytes, jsonPost, uploadForm } from './helpers';

/**
 * Issue 20: what the engine finds in an amendment law's new wording, and what the law takes out, are candidates of
 * the review like the engine's on the draft — on the real app, a real SQLite file, socket clients over loopback.
 * They stand on the instruction that does it, say which unit of which act they are about, are confirmed and
 * dismissed like any candidate, reach the conclusion, keep their decisions through reruns and re-attaching, and
 * follow the acts attached: one no longer produced is withdrawn unless someone acted on it.
 *
 * The amendment law (fixtures/amend-candidates-ru.txt) changes the own base act (base-ru.txt). Written before the
 * code, from the texts: a1.i1.a strikes «равные … женщин и мужчин» (a ground, C2); a1.i1.b strikes the ban on
 * refusing work for pregnancy (C9) and writes a ban on women's night work (the engine's C9 on the new wording);
 * a1.i1.v writes «уход за детьми для матерей» (the engine's C8); a1.i2 restates article 3, taking out the 70 per
 * cent rule (C7) — and the new part 2 it quotes («Пособие … выплачивается матери») is read by the engine in the
 * draft already, so it is not proposed a second time.
 */
const bench = useReviewWorld();

const file = fixtureBytes;
const form = uploadForm;
const json = jsonPost;
const TITLE = 'Закон Кыргызской Республики «О государственной поддержке семей»';

it('attach the base act: candidates on the new wording and on what is taken out, on their instructions; decided, kept; detached, withdrawn unless acted on', async () => {
  const { world, clients } = bench;
  const { server, secretary, alice } = world;
  const importAct = async (bytes: Uint8Array, title: string) => {
    const res = await api(server, secretary.auth, '/api/base-acts', { method: 'POST', body: form(bytes, 'act.txt', { title }) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { act: BaseActSummary }).act;
  };
  const act = await importAct(file('base-ru.txt'), TITLE);
  // a wrong act: the same law without its article 2, so the instructions on article 2 find nothing in it
  const wrongText = fs.readFileSync(path.join(FIXTURES, 'base-ru.txt'), 'utf8').replace(/Статья 2\. Гарантии[\s\S]*?(?=Статья 3\.)/u, '');
  const wrong = await importAct(new TextEncoder().encode(wrongText), 'Закон «О поддержке семей» (старая редакция)');

  const created = await api(server, secretary.auth, '/api/reviews', { method: 'POST', body: form(file('amend-candidates-ru.txt'), 'amend-candidates-ru.txt', { title: 'Поправки о поддержке семей' }) });
  expect(created.status).toBe(201);
  const reviewId = ((await created.json()) as { review: { id: string } }).review.id;
  expect((await api(server, secretary.auth, `/api/reviews/${reviewId}/members`, json({ userId: alice.user.id }))).status).toBeLessThan(300);

  const model = async () => (await (await api(server, secretary.auth, `/api/reviews/${reviewId}/model`)).json()) as ReviewModel;
  const amendmentOnes = (m: ReviewModel) => m.findings.filter((f) => f.origin === 'engine' && f.amendment);
  const attach = async (baseActId: string, forTitle?: string) => {
    const res = await api(server, secretary.auth, `/api/reviews/${reviewId}/base-acts`, json({ baseActId, ...(forTitle ? { forTitle } : {}) }));
    expect(res.status).toBe(200);
  };
  const detach = async (baseActId: string) => expect((await api(server, secretary.auth, `/api/reviews/${reviewId}/base-acts/${baseActId}`, { method: 'DELETE' })).status).toBe(200);

  // Before an act is attached: the engine's candidates on the draft only.
  const first = await model();
  expect(amendmentOnes(first)).toEqual([]);
  const onQuotedText = first.findings.filter((f) => f.origin === 'engine' && f.clauseId.startsWith('a1.i2.q'));
  expect(onQuotedText.map((f) => f.criterionId)).toContain('C8');

  const secretaryDoc = authorDocName(secretary.user.id);
  const aliceDoc = authorDocName(alice.user.id);
  const chief = await openClient(server.url, secretary.auth, reviewId, ['engine', secretaryDoc]);
  const expert = await openClient(server.url, alice.auth, reviewId, ['engine', aliceDoc]);
  clients.push(chief, expert);

  await attach(act.id);
  const attached = amendmentOnes(await model());
  const summary = (f: MergedFinding) => [f.clauseId, f.amendment!.source, f.criterionId, f.amendment!.unitLabel];
  expect(attached.map(summary).sort()).toEqual(
    [
      ['a1.i1.a', 'removal', 'C2', 'Статья 2, часть 1'],
      ['a1.i1.b', 'removal', 'C9', 'Статья 2, часть 2'],
      ['a1.i1.b', 'result', 'C9', 'Статья 2, часть 2'],
      ['a1.i1.v', 'result', 'C8', 'Статья 2, часть 3, пункт 2, подпункт б'],
      ['a1.i2', 'removal', 'C7', 'Статья 3'],
    ].sort(),
  );
  for (const f of attached) {
    expect(f.id).toMatch(/^cf-[0-9a-f]+$/);
    expect(f.amendment!.actTitle).toBe(TITLE);
    // anchored in the draft's text, on the instruction's own words where it quotes them
    expect(f.position?.state, f.id).toBe('exact');
    expect(f.why?.words.length).toBeGreaterThan(0);
  }
  const ground = attached.find((f) => f.clauseId === 'a1.i1.a')!;
  expect(ground.quote.exact).toBe('равные права женщин и мужчин');
  expect(ground.amendment!.words).toContain('женщин и мужчин');
  expect(ground.why).toMatchObject({ rule: 'removed-ground', words: [ground.amendment!.words] });
  const nightWork = attached.find((f) => f.clauseId === 'a1.i1.b' && f.amendment!.source === 'result')!;
  expect(nightWork.amendment!.words).toMatch(/^Запрещается привлечение женщин/);
  expect(nightWork.explanation).toMatchObject({ ru: expect.any(String), ky: expect.any(String), en: expect.any(String) });
  const mothers = attached.find((f) => f.clauseId === 'a1.i1.v')!;
  expect(mothers.amendment!.words).toBe('уход за детьми для матерей');
  const quota = attached.find((f) => f.clauseId === 'a1.i2')!;
  // the quoted new part 2 of article 3 is the engine's candidate on the draft already: not a second time
  expect(attached.filter((f) => f.clauseId === 'a1.i2' && f.criterionId === 'C8')).toEqual([]);
  // live on the open clients' ENGINE doc, like any candidate
  await eventually(() => attached.every((f) => expert.docs.get('engine')!.getMap(ENGINE_CANDIDATES).has(f.id)), 'relayed to the expert');

  // The expert may not forge one: the ENGINE doc is the server's.
  const socket = await rawSocket(server, alice);
  try {
    expect((await join(socket, reviewId, 'engine')).writable).toBe(false);
    const forged = new Y.Doc();
    forged.getMap<CandidateFinding>(ENGINE_CANDIDATES).set('cf-00000000forged', { ...(expert.docs.get('engine')!.getMap<CandidateFinding>(ENGINE_CANDIDATES).get(quota.id) as CandidateFinding), id: 'cf-00000000forged' });
    expect((await sendUpdate(socket, reviewId, 'engine', Y.encodeStateAsUpdate(forged))).ok).toBe(false);
  } finally {
    socket.close();
  }
  expect((await model()).findings.some((f) => f.id === 'cf-00000000forged')).toBe(false);

  // The secretary takes the night-work one into the conclusion; the expert dismisses the quota one; the other
  // three nobody touches.
  setFinalDecision(chief.docs.get(secretaryDoc)!, { targetId: nightWork.id, decision: 'confirmed', justification: 'Запрет ночного труда женщин заменяет защиту беременных и ограничивает их право на труд' });
  setVerdict(expert.docs.get(aliceDoc)!, alice.user.id, { targetId: quota.id, decision: 'dismiss', reason: 'совет не выборный орган' });
  await eventually(() => chief.provider.pending === 0 && expert.provider.pending === 0, 'decisions stored');
  const decided = await model();
  expect(decided.findings.find((f) => f.id === nightWork.id)?.final?.decision).toBe('confirmed');
  expect(decided.findings.find((f) => f.id === quota.id)?.verdicts.map((v) => v.decision)).toEqual(['dismiss']);

  // In the conclusion: the analysis names the instruction; the table in the committee form sets the unit in
  // force beside the one the draft makes, with the reasoning.
  const preview = (await (await api(server, secretary.auth, `/api/reviews/${reviewId}/conclusion/preview?lang=ru`)).json()) as { html: string; analysis: Array<{ criterionId: string; text: string }> };
  const analysis = preview.analysis.find((c) => c.criterionId === 'C9')?.text ?? '';
  expect(analysis).toContain('Запрет ночного труда женщин заменяет защиту беременных');
  // named by its instruction and the unit of the act it changes
  expect(analysis).toContain(`Статья 1, пункт 1, подпункт б (Статья 2, часть 2: ${TITLE})`);
  const table = await api(server, secretary.auth, `/api/reviews/${reviewId}/conclusion/table.docx?lang=ru`);
  expect(table.status).toBe(200);
  const text = docxText(docxDocumentXml(new Uint8Array(await table.arrayBuffer())));
  expect(text).toContain('Действующая редакция');
  expect(text).toContain('2. Запрещается отказ в приеме на работу женщинам по мотивам беременности.');
  expect(text).toContain('2. Запрещается привлечение женщин к работе в ночное время.');
  expect(text).toContain('Запрет ночного труда женщин заменяет защиту беременных');
  // only the confirmed one: the dismissed and the open ones are no rows
  expect(text).not.toContain('Государство гарантирует права граждан');

  // A rerun and attaching the same act again: the same candidates in place, the decisions on them held.
  const ids = attached.map((f) => f.id).sort();
  const rerun = await api(server, secretary.auth, `/api/reviews/${reviewId}/analysis`, { method: 'POST' });
  expect(rerun.status).toBe(200);
  expect(((await rerun.json()) as { removed: number }).removed).toBe(0);
  await attach(act.id);
  const again = await model();
  expect(amendmentOnes(again).map((f) => f.id).sort()).toEqual(ids);
  expect(again.findings.find((f) => f.id === quota.id)?.verdicts.map((v) => v.decision)).toEqual(['dismiss']);
  expect(again.findings.find((f) => f.id === nightWork.id)?.final?.decision).toBe('confirmed');
  // and the engine's candidates on the draft were left as they were
  expect(again.findings.filter((f) => f.origin === 'engine' && !f.amendment).map((f) => f.id).sort()).toEqual(first.findings.filter((f) => f.origin === 'engine').map((f) => f.id).sort());

  // Taken off: the three nobody touched are withdrawn (on the open clients too); the two acted on stay.
  await detach(act.id);
  const kept = [nightWork.id, quota.id].sort();
  expect(amendmentOnes(await model()).map((f) => f.id).sort()).toEqual(kept);
  await eventually(() => !expert.docs.get('engine')!.getMap(ENGINE_CANDIDATES).has(ground.id), 'withdrawn on the open client');

  // A wrong act (no article 2) attached for the title: its instructions on article 2 refused, nothing of them
  // comes back; what it does produce is its own and goes with it.
  await attach(wrong.id, 'О государственной поддержке семей');
  const withWrong = amendmentOnes(await model());
  expect(withWrong.filter((f) => f.clauseId.startsWith('a1.i1') && !kept.includes(f.id))).toEqual([]);
  await detach(wrong.id);
  expect(amendmentOnes(await model()).map((f) => f.id).sort()).toEqual(kept);

  // The right act again: every one back under its id, the dismissed one still dismissed.
  await attach(act.id);
  const back = await model();
  expect(amendmentOnes(back).map((f) => f.id).sort()).toEqual(ids);
  expect(back.findings.find((f) => f.id === quota.id)?.verdicts.map((v) => v.decision)).toEqual(['dismiss']);

  const audited = world.server.tendik.ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'checklist.amendments' AND review_id = ?").get(reviewId) as { n: number };
  expect(audited.n).toBeGreaterThanOrEqual(4);
});
