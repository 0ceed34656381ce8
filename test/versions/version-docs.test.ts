import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, clauseTexts, createAnchor, plainText, setConclusionField, setFinalDecision } from '../../shared/collab';
import { readCandidates } from '../../shared/collab/engine-doc';
import type { RecommendationStatus } from '../../shared/contract/recommendations';
import type { PlacementRecord } from '../../shared/contract/versions';
import { authorDocName } from '../../shared/protocol';
import type { ConclusionFields, TextAnchor } from '../../shared/review-model';
import { loadReviewModel } from '../../server/collab/model';
import { viewOfVersion } from '../../server/versions/carry';
import { DRAFT_FRAGMENT } from '../../shared/schema';
import { completeFields } from '../export/fixtures';
import { api, signedIn } from '../helpers/app';
import { eventually, openClient } from '../collab/harness';
import { join, rawSocket, sendUpdate, useReviewWorld } from '../collab/fixtures';

/**
 * Experts annotate a later version of the draft (issue 16), on the real app, a real SQLite file and real
 * sockets over loopback: the version's TEXT doc is the stored version and nobody may write it; its ENGINE
 * doc holds the engine's candidates on that version; an annotation made on it is in that version's model
 * and not in the first's, is carried to the next version, and reaches the conclusion on its reading.
 */
const bench = useReviewWorld();

// The sample draft (test/collab/harness.ts) in its second reading: a new article 2 (a mother-only
// leave, which the engine flags), article 2 becomes 3, article 3 (entry into force) is deleted.
const SECOND_READING = [
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  'О тестовом законе',
  'Статья 1. Каждый гражданин имеет право на труд и на свободный выбор профессии.',
  'Статья 2. Отпуск по уходу за ребенком',
  'Отпуск по уходу за ребенком до достижения им возраста трех лет предоставляется матери ребенка.',
  'Статья 3. Обязанности работодателя',
  '1. Работодатель обязан обеспечить равную оплату за равный труд мужчин и женщин.',
  '2. Руководитель назначает своего заместителя из числа работников.',
].join('\n');

// The third reading keeps article 2's words and renumbers nothing; article 1 is reworded.
const THIRD_READING = SECOND_READING.replace('свободный выбор профессии', 'свободный выбор рода деятельности');

function form(text: string, label: string): FormData {
  const body = new FormData();
  body.set('label', label);
  body.set('file', new Blob([text], { type: 'text/plain' }), 'reading.txt');
  return body;
}

const anchorIn = (text: Y.Doc, clauseId: string, words: string, draftVersion?: number): TextAnchor => {
  const start = plainText(clauseTexts(text).get(clauseId)!).indexOf(words);
  expect(start, `«${words}» in ${clauseId}`).toBeGreaterThanOrEqual(0);
  return { ...createAnchor(text, clauseId, { start, end: start + words.length }), ...(draftVersion ? { draftVersion } : {}) };
};

it('a later version has its own TEXT doc nobody writes, its own engine candidates, and its own annotations, carried onward', async () => {
  const { secretary, alice, bella, review, server } = bench.world;
  const db = server.tendik.ctx.db;
  const aliceDoc = authorDocName(alice.user.id);
  const secretaryDoc = authorDocName(secretary.user.id);

  // Alice's finding on the first reading, before there is a second.
  const first = await openClient(server.url, alice.auth, review.id, ['text', aliceDoc]);
  bench.clients.push(first);
  const onFirst = addAnnotation(first.docs.get(aliceDoc)!, alice.user.id, {
    kind: 'finding',
    anchor: anchorIn(first.docs.get('text')!, 'a2.p2', 'своего заместителя'),
    body: 'Заместитель — без гендерного баланса.',
    criterionId: 'C3',
  });
  await eventually(() => first.provider.pending === 0 && first.provider.status === 'synced', 'stored');

  // Before the second reading exists, its docs are refused, not made.
  const probe = await rawSocket(server, alice);
  expect(await join(probe, review.id, 'text:2')).toMatchObject({ ok: false, code: 'COLLAB_NO_SUCH_VERSION' });
  expect(await join(probe, review.id, 'engine:2')).toMatchObject({ ok: false, code: 'COLLAB_NO_SUCH_VERSION' });
  expect(await join(probe, review.id, 'text:1')).toMatchObject({ ok: false, code: 'COLLAB_BAD_MESSAGE' });

  const added = await api(server, secretary.auth, `/api/reviews/${review.id}/versions`, { method: 'POST', body: form(SECOND_READING, '2-е чтение') });
  expect(added.status).toBe(201);

  // The version's TEXT doc is the stored version, word for word.
  const second = await openClient(server.url, alice.auth, review.id, ['text:2', 'engine:2', aliceDoc]);
  const sec = await openClient(server.url, secretary.auth, review.id, ['text:2', 'engine', 'engine:2', secretaryDoc]);
  bench.clients.push(second, sec);
  const text2 = second.docs.get('text:2')!;
  const version = (await (await api(server, alice.auth, `/api/reviews/${review.id}/versions/2`)).json()) as { units: Array<{ id: string; text: string }> };
  const texts = clauseTexts(text2);
  expect([...texts.keys()]).toEqual(version.units.map((u) => u.id));
  for (const unit of version.units) expect(plainText(texts.get(unit.id)!)).toBe(unit.text);
  expect(version.units.find((u) => u.id === 'a2.1')?.text ?? version.units.find((u) => u.text.startsWith('Отпуск'))?.text).toContain('матери ребенка');

  // Nobody writes it: not an expert, not the secretary (a version is immutable; the first reading's
  // corrections stay in `text`). Nor the ENGINE doc.
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(text2));
  forged.getXmlFragment(DRAFT_FRAGMENT).delete(0, 1);
  const edit = Y.encodeStateAsUpdate(forged, Y.encodeStateVector(text2));
  for (const person of [alice, secretary]) {
    const socket = await rawSocket(server, person);
    expect(await join(socket, review.id, 'text:2')).toMatchObject({ ok: true, writable: false });
    expect(await sendUpdate(socket, review.id, 'text:2', edit)).toMatchObject({ ok: false, code: 'COLLAB_READ_ONLY' });
    expect(await join(socket, review.id, 'engine:2')).toMatchObject({ ok: true, writable: false });
    socket.disconnect();
  }
  // Someone outside the review learns nothing of it.
  const stranger = await signedIn(server, 'expert');
  const strangerSocket = await rawSocket(server, stranger);
  expect(await join(strangerSocket, review.id, 'text:2')).toMatchObject({ ok: false, code: 'COLLAB_FORBIDDEN' });
  strangerSocket.disconnect();
  probe.disconnect();

  // The engine ran on the second reading: the mother-only leave of the new article, on its words.
  await eventually(() => readCandidates(second.docs.get('engine:2')!).length > 0, 'engine candidates on version 2');
  const leaveUnit = version.units.find((u) => u.text.includes('матери ребенка'))!;
  const onLeave = readCandidates(second.docs.get('engine:2')!).filter((c) => c.clauseId === leaveUnit.id);
  expect(onLeave.length).toBeGreaterThan(0);
  expect(onLeave.some((c) => c.quote.exact.includes('матери'))).toBe(true);

  // Alice annotates the new article, on the second reading.
  const onSecond = addAnnotation(second.docs.get(aliceDoc)!, alice.user.id, {
    kind: 'finding',
    anchor: anchorIn(text2, leaveUnit.id, 'предоставляется матери ребенка', 2),
    body: 'Отпуск только матери: отец исключён.',
    criterionId: 'C8',
    proposedWording: 'предоставляется матери или отцу ребенка',
  });
  setFinalDecision(sec.docs.get(secretaryDoc)!, { targetId: onSecond.id, decision: 'confirmed', justification: 'Оба родителя.' });
  const fields = completeFields();
  for (const key of Object.keys(fields) as Array<keyof ConclusionFields>) setConclusionField(sec.docs.get(secretaryDoc)!, key, fields[key] as never);
  await eventually(() => [second, sec].every((c) => c.provider.pending === 0 && c.provider.status === 'synced'), 'stored');

  // Version 1's model (the workbench on the first reading, its conclusion) does not have it; version 2's has
  // it where it was made, and the first reading's finding where the server carried it.
  const v1 = await loadReviewModel(server.tendik.ctx, review.id);
  expect(v1.findings.map((f) => f.id)).toContain(onFirst.id);
  expect(v1.findings.map((f) => f.id)).not.toContain(onSecond.id);
  const view = await viewOfVersion(server.tendik.ctx, review.id, 2);
  const mine = view.findings.find((f) => f.id === onSecond.id)!;
  expect(mine).toMatchObject({ draftVersion: 2, clauseId: leaveUnit.id, position: { state: 'exact', clauseId: leaveUnit.id } });
  expect(mine.carried).toBeUndefined();
  expect(view.findings.find((f) => f.id === onFirst.id)).toMatchObject({ clauseId: 'a3.p2', carried: { fromVersion: 1, state: 'placed' }, position: { clauseId: 'a3.p2' } });

  // Over HTTP, the same view for whoever reads the review's working docs; a version it lacks is a 404.
  const overHttp = (await (await api(server, bella.auth, `/api/reviews/${review.id}/model?version=2`)).json()) as typeof view;
  expect(overHttp.draftVersion).toBe(2);
  expect(overHttp.findings.find((f) => f.id === onFirst.id)?.carried).toMatchObject({ state: 'placed' });
  expect(overHttp.findings.find((f) => f.id === onSecond.id)?.position).toMatchObject({ clauseId: leaveUnit.id });
  for (const bad of ['9', 'x', '0']) expect((await api(server, bella.auth, `/api/reviews/${review.id}/model?version=${bad}`)).status).toBe(404);

  // The review list counts the review as it stands now, on its latest version: her new finding too, and
  // each engine candidate once.
  const listed = (await (await api(server, bella.auth, '/api/reviews')).json()) as { reviews: Array<{ id: string; counts?: { findings: number } }> };
  expect(listed.reviews.find((r) => r.id === review.id)?.counts?.findings).toBe(view.findings.length);
  expect(view.findings.length).toBeGreaterThan(v1.findings.length);

  // The checklist's figures count the candidates of the second reading's engine too, each once.
  const stats = (await (await api(server, secretary.auth, '/api/checklists/stats?lang=ru')).json()) as { byDetector: Array<{ made: number }> };
  expect(stats.byDetector.reduce((n, row) => n + row.made, 0)).toBe(view.findings.filter((f) => f.origin === 'engine').length);
  expect(view.findings.some((f) => f.origin === 'engine' && f.draftVersion === 2)).toBe(true);

  // The conclusion on the second reading sets her finding beside the second reading's article; the first
  // reading's conclusion knows nothing of it.
  const preview = async (query: string) => {
    const res = await api(server, secretary.auth, `/api/reviews/${review.id}/conclusion/preview?lang=ru${query}`);
    expect(res.status, await res.clone().text().then((t) => t.slice(0, 300))).toBe(200);
    return ((await res.json()) as { html: string }).html;
  };
  const onReading2 = await preview('&reading=2');
  expect(onReading2).toContain('предоставляется матери или отцу ребенка');
  expect(onReading2).toContain('ко второму чтению');
  expect(await preview('')).not.toContain('предоставляется матери или отцу ребенка');

  // Issued on the second reading, that is the conclusion the committee reads; a reading the review lacks is refused.
  const reader = await signedIn(server, 'reader', { committee: 'social' });
  const status = (body: unknown) =>
    api(server, secretary.auth, `/api/reviews/${review.id}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await status({ status: 'issued', committee: 'social', reading: 9 })).status).toBe(404);
  expect((await status({ status: 'issued', committee: 'social', reading: 2 })).status).toBe(200);
  const issued = await api(server, reader.auth, `/api/reviews/${review.id}/conclusion/view?lang=ru`);
  expect(issued.status).toBe(200);
  const issuedHtml = ((await issued.json()) as { html: string }).html;
  expect(issuedHtml).toContain('ко второму чтению');
  expect(issuedHtml).toContain('предоставляется матери или отцу ребенка');
  expect((await status({ status: 'in_review' })).status).toBe(200);

  // A third reading: what was made on the second is carried to it, by the server, from the second's anchors.
  const third = await api(server, secretary.auth, `/api/reviews/${review.id}/versions`, { method: 'POST', body: form(THIRD_READING, '3-е чтение') });
  expect(third.status).toBe(201);
  const placements = (await (await api(server, bella.auth, `/api/reviews/${review.id}/versions/3/placements`)).json()) as { placements: PlacementRecord[] };
  const of = (id: string) => placements.placements.find((p) => p.annotationId === id);
  expect(of(onSecond.id)).toMatchObject({ state: 'placed', clauseId: leaveUnit.id, quote: { exact: 'предоставляется матери ребенка' }, authorId: alice.user.id });
  expect(of(onFirst.id)).toMatchObject({ state: 'placed', clauseId: 'a3.p2' });
  // The engine's candidates of the second reading are carried too, and the third reading's engine, which finds
  // them again, does not list them twice.
  const engine2 = onLeave.map((c) => c.id);
  expect(engine2.every((id) => of(id) !== undefined)).toBe(true);
  const view3 = await viewOfVersion(server.tendik.ctx, review.id, 3);
  const onLeave3 = view3.findings.filter((f) => f.origin === 'engine' && f.position?.clauseId === leaveUnit.id);
  const perRule = new Map<string, number>();
  for (const f of onLeave3) perRule.set(`${f.detectorId}@${f.position!.start}`, (perRule.get(`${f.detectorId}@${f.position!.start}`) ?? 0) + 1);
  expect([...perRule.values()].every((n) => n === 1)).toBe(true);
  expect(onLeave3.length).toBeGreaterThan(0);
  // Her recommendation made on the second reading gets its status in the third, followed from the second's
  // text: the third reading kept the mother-only words, so it was not adopted.
  const recs = (await (await api(server, bella.auth, `/api/reviews/${review.id}/readings/3/recommendations`)).json()) as { recommendations: RecommendationStatus[] };
  expect(recs.recommendations.find((r) => r.findingId === onSecond.id)).toMatchObject({ detected: 'not_adopted', clauseId: leaveUnit.id, newClauseId: leaveUnit.id });
  // The secretary runs the checklist again over a later version: its own ENGINE doc, by the same rules.
  const rerun = (auth: typeof secretary.auth, body: unknown) =>
    api(server, auth, `/api/reviews/${review.id}/analysis`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await rerun(alice.auth, { version: 2 })).status).toBe(403);
  expect((await rerun(secretary.auth, { version: 9 })).status).toBe(404);
  const again = await rerun(secretary.auth, { version: 2 });
  expect(again.status).toBe(200);
  expect(((await again.json()) as { findings: number }).findings).toBe(readCandidates(second.docs.get('engine:2')!).length);
  const audited = db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE review_id = ? AND action = 'finding.carried' AND target = ?").get(review.id, onSecond.id) as { n: number };
  expect(audited.n).toBe(1);
});

it('an expert may not write an annotation into anyone else’s doc, nor on a version the review lacks, nor a malformed version', async () => {
  const { alice, bella, review, server } = bench.world;
  const bellaDoc = authorDocName(bella.user.id);
  const a = await rawSocket(server, alice);
  // Alice joins Bella's doc: readable, not writable, whatever version her record names.
  expect(await join(a, review.id, bellaDoc)).toMatchObject({ ok: true, writable: false });
  const forged = new Y.Doc();
  forged.getMap('annotations').set(`${bella.user.id}:forged`, { id: 'x', kind: 'finding', anchor: { clauseId: 'a1', quote: { exact: 'x', prefix: '', suffix: '' }, draftVersion: 2 }, body: 'x', status: 'open', createdAt: 1, updatedAt: 1 });
  expect(await sendUpdate(a, review.id, bellaDoc, Y.encodeStateAsUpdate(forged))).toMatchObject({ ok: false, code: 'COLLAB_READ_ONLY' });
  a.disconnect();
  // Her own doc, an annotation anchored in a version the review does not have: refused whole, audited.
  const own0 = await rawSocket(server, alice);
  const aliceDoc = authorDocName(alice.user.id);
  expect(await join(own0, review.id, aliceDoc)).toMatchObject({ ok: true, writable: true });
  const onVersion = (draftVersion: number) => {
    const doc = new Y.Doc();
    addAnnotation(doc, alice.user.id, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'право', prefix: '', suffix: '' }, draftVersion }, body: `на редакции ${draftVersion}` });
    return Y.encodeStateAsUpdate(doc);
  };
  const latest = (server.tendik.ctx.db.prepare('SELECT MAX(seq) AS n FROM review_versions WHERE review_id = ?').get(review.id) as { n: number | null }).n ?? 1;
  expect(await sendUpdate(own0, review.id, aliceDoc, onVersion(latest + 40))).toMatchObject({ ok: false, code: 'COLLAB_NO_SUCH_VERSION' });
  const refusedAudit = server.tendik.ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'collab.missing_version_refused' AND user_id = ?").get(alice.user.id) as { n: number };
  expect(refusedAudit.n).toBe(1);
  expect(await sendUpdate(own0, review.id, aliceDoc, onVersion(latest))).toMatchObject({ ok: true });
  own0.disconnect();

  // A record in her own doc naming a version that is no number the merge takes is kept out of the model.
  const own = await openClient(server.url, alice.auth, review.id, ['text', authorDocName(alice.user.id)]);
  bench.clients.push(own);
  const good = addAnnotation(own.docs.get(authorDocName(alice.user.id))!, alice.user.id, { kind: 'comment', anchor: anchorIn(own.docs.get('text')!, 'a1', 'право на труд'), body: 'ok' });
  own.docs.get(authorDocName(alice.user.id))!.getMap('annotations').set(`${alice.user.id}:bad-version`, { ...good, id: `${alice.user.id}:bad-version`, anchor: { ...good.anchor, draftVersion: -3 } });
  await eventually(() => own.provider.pending === 0 && own.provider.status === 'synced', 'stored');
  const model = await loadReviewModel(server.tendik.ctx, review.id);
  expect(model.comments.map((c) => c.id)).toContain(good.id);
  expect(model.comments.map((c) => c.id)).not.toContain(`${alice.user.id}:bad-version`);
});

it('hostile input to the later-version entry points gets a clear refusal, in her language, and changes nothing', async () => {
  const { secretary, alice, review, server } = bench.world;
  const db = server.tendik.ctx.db;
  const rows = () => (db.prepare('SELECT COUNT(*) AS n FROM collab_updates').get() as { n: number }).n;
  const before = rows();
  const socket = await rawSocket(server, alice);
  for (const name of ['text:0', 'text:1', 'text:01', 'engine:-1', 'text:2abc', 'text:99999', 'engine:', `text:${'9'.repeat(400)}`])
    expect(await join(socket, review.id, name), name).toMatchObject({ ok: false, code: 'COLLAB_BAD_MESSAGE' });
  expect(await join(socket, review.id, 'engine:9999')).toMatchObject({ ok: false, code: 'COLLAB_NO_SUCH_VERSION', messages: { ru: expect.stringContaining('редакции') } });
  socket.disconnect();

  for (const q of ['1e9', '99999999999999999999', '-1', '2.5', '']) {
    const res = await api(server, alice.auth, `/api/reviews/${review.id}/model?version=${q}`);
    expect([404, 200], q).toContain(res.status);
    if (q !== '') expect(res.status, q).toBe(404);
  }
  const post = (path: string, body: string) =>
    api(server, secretary.auth, `/api/reviews/${review.id}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'ky' }, body });
  for (const body of ['{"version":"x"}', '{"version":-1}', '{"version":1e9}', '{"version":2.5}']) {
    const res = await post('analysis', body);
    expect(res.status, body).toBe(404);
    expect(((await res.json()) as { error: { messages: Record<string, string> } }).error.messages.ky, body).toContain('редакциясы жок');
  }
  const broken = await post('analysis', '{"version":');
  expect(broken.status).toBe(400);
  expect((await post('analysis', JSON.stringify({ version: 2, pad: 'x'.repeat(5000) }))).status).toBe(413);
  for (const reading of ['x', 0, 1, 1e6, -2]) expect((await post('status', JSON.stringify({ status: 'issued', committee: 'social', reading }))).status, String(reading)).toBe(400);
  expect(((await (await api(server, alice.auth, `/api/reviews/${review.id}`)).json()) as { review: { status: string } }).review.status).toBe('in_review');
  expect(rows()).toBe(before);
});
