import { expect, it } from 'vitest';
import { addAnnotation, clauseTexts, createAnchor, plainText } from '../../shared/collab';
import type { ComparisonEntry, PlacementRecord, ReviewVersion, SameActCheck } from '../../shared/contract/versions';
import { authorDocName, type DocName } from '../../shared/protocol';
import { api } from '../helpers/app';
import { eventually, openClient } from '../collab/harness';
import { useReviewWorld } from '../collab/fixtures';

/**
 * Versions of a review over HTTP (issue 16), on the real app and a real SQLite file: the secretary adds a
 * second reading, the comparison says what changed, and every annotation is placed, marked «text
 * changed» or orphaned in it — carried by the server, never by writing into anyone's doc.
 */
const bench = useReviewWorld();

// The sample draft (test/collab/harness.ts) in its second reading: a new article 2 renumbers 2 → 3,
// article 1 is reworded, article 3 is deleted.
const SECOND_READING = [
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  'О тестовом законе',
  'Статья 1. Каждый гражданин имеет право на труд и на свободный выбор рода деятельности.',
  'Статья 2. Основные понятия',
  'В настоящем Законе используются понятия работника и работодателя.',
  'Статья 3. Обязанности работодателя',
  '1. Работодатель обязан обеспечить равную оплату за равный труд мужчин и женщин.',
  '2. Руководитель назначает своего заместителя из числа работников.',
].join('\n');

const OTHER_ACT = ['ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ', 'О пчеловодстве', 'Статья 1. Пасеки размещаются на землях сельскохозяйственного назначения.', 'Статья 2. Мёд подлежит учёту.'].join('\n');

function form(text: string, fields: Record<string, string> = {}, name = 'second-reading.txt'): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', new Blob([text], { type: 'text/plain' }), name);
  return body;
}

it('the secretary adds a second reading; the comparison and the carried annotations say what became of each', async () => {
  const { world } = bench;
  const { secretary, alice, bella, review, server } = world;
  const aliceDoc = authorDocName(alice.user.id);
  const bellaDoc = authorDocName(bella.user.id);
  const names: DocName[] = ['text', aliceDoc, bellaDoc];
  const a = await openClient(server.url, alice.auth, review.id, names);
  const b = await openClient(server.url, bella.auth, review.id, names);
  bench.clients.push(a, b);
  const text = a.docs.get('text')!;
  const at = (clauseId: string, words: string) => {
    const start = plainText(clauseTexts(text).get(clauseId)!).indexOf(words);
    return createAnchor(text, clauseId, { start, end: start + words.length });
  };
  const kept = addAnnotation(a.docs.get(aliceDoc)!, alice.user.id, { kind: 'finding', anchor: at('a2.p2', 'своего заместителя'), body: 'Проверить.', criterionId: 'C3' });
  const reworded = addAnnotation(a.docs.get(aliceDoc)!, alice.user.id, { kind: 'finding', anchor: at('a1', 'свободный выбор профессии'), body: 'Ок.', criterionId: 'C1' });
  const gone = addAnnotation(b.docs.get(bellaDoc)!, bella.user.id, { kind: 'comment', anchor: at('a3', 'официального опубликования'), body: 'Срок?' });
  await eventually(() => [a, b].every((c) => c.provider.pending === 0 && c.provider.status === 'synced'), 'stored');

  const url = `/api/reviews/${review.id}/versions`;
  const post = (auth: typeof secretary.auth, body: FormData, path = url) => api(server, auth, path, { method: 'POST', body });

  // Only the secretary adds versions; an empty file is refused as on the first import.
  expect((await post(alice.auth, form(SECOND_READING, { label: '2-е чтение' }))).status).toBe(403);
  const empty = await post(secretary.auth, form('', { label: '2-е чтение' }));
  expect(empty.status).toBe(422);
  expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('IMPORT_EMPTY');
  expect((await post(secretary.auth, form(SECOND_READING, {}))).status).toBe(400);

  // Another act: the preview warns, and adding it is refused until the secretary confirms.
  const preview = await post(secretary.auth, form(OTHER_ACT), `${url}/preview`);
  expect(preview.status).toBe(200);
  const check = ((await preview.json()) as { check: SameActCheck }).check;
  expect(check.warnings).toEqual(expect.arrayContaining(['different_title', 'few_aligned']));
  const refused = await post(secretary.auth, form(OTHER_ACT, { label: '2-е чтение' }));
  expect(refused.status).toBe(409);
  const refusal = (await refused.json()) as { error: { code: string; messages: Record<string, string> } };
  expect(refusal.error.code).toBe('VERSION_NOT_SAME_ACT');
  expect(refusal.error.messages.ru).toContain('О пчеловодстве');
  expect((await api(server, secretary.auth, url).then((r) => r.json())) as { versions: ReviewVersion[] }).toMatchObject({ versions: [{ seq: 1 }] });

  const added = await post(secretary.auth, form(SECOND_READING, { label: '2-е чтение', date: '2026-11-20', note: 'Текст комитета' }));
  expect(added.status).toBe(201);
  const result = (await added.json()) as { version: ReviewVersion; check: SameActCheck; carried: Record<string, number> };
  expect(result.version).toMatchObject({ seq: 2, label: '2-е чтение', readingDate: '2026-11-20', note: 'Текст комитета' });
  expect(result.check.warnings).toEqual([]);

  const versions = (await (await api(server, bella.auth, url)).json()) as { versions: ReviewVersion[] };
  expect(versions.versions.map((v) => v.seq)).toEqual([1, 2]);

  const comparison = (await (await api(server, alice.auth, `${url}/compare?from=1&to=2`)).json()) as { entries: ComparisonEntry[] };
  const entry = (oldId: string | null, newId: string | null) => comparison.entries.find((e) => e.oldId === oldId && e.newId === newId);
  expect(entry('a2.p2', 'a3.p2')?.kind).toBe('renumbered');
  expect(entry('a2', 'a3')?.kind).toBe('renumbered');
  expect(entry('a3', null)?.kind).toBe('deleted');
  expect(entry(null, 'a2')?.kind).toBe('inserted');
  const a1 = entry('a1', 'a1')!;
  expect(a1.kind).toBe('reworded');
  expect(a1.diff).toEqual(expect.arrayContaining([{ op: 'del', text: 'профессии' }, { op: 'ins', text: 'рода деятельности' }]));

  const placements = (await (await api(server, bella.auth, `${url}/2/placements`)).json()) as { placements: PlacementRecord[] };
  const of = (id: string) => placements.placements.find((p) => p.annotationId === id)!;
  expect(of(kept.id)).toMatchObject({ state: 'placed', clauseId: 'a3.p2', quote: { exact: 'своего заместителя' }, authorId: alice.user.id });
  expect(of(reworded.id)).toMatchObject({ state: 'changed', clauseId: 'a1' });
  expect(of(reworded.id).quote.exact).toContain('свободный выбор');
  expect(of(gone.id)).toMatchObject({ state: 'orphaned', clauseId: null, quote: { exact: 'официального опубликования' }, authorId: bella.user.id });

  // Version 1 is still the TEXT doc as it was: adding a reading overwrote nothing.
  const v1 = (await (await api(server, alice.auth, `${url}/1`)).json()) as { units: Array<{ id: string }> };
  expect(v1.units.map((u) => u.id)).toEqual(['a1', 'a2', 'a2.p1', 'a2.p2', 'a3']);

  // Re-attaching by hand: not someone else's annotation; her own, inside the version's text.
  const reattach = (auth: typeof secretary.auth, body: unknown) =>
    api(server, auth, `${url}/2/placements/${encodeURIComponent(gone.id)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await reattach(alice.auth, { clauseId: 'a2', start: 0, end: 5 })).status).toBe(403);
  expect((await reattach(bella.auth, { clauseId: 'a2', start: 0, end: 9999 })).status).toBe(422);
  const ok = await reattach(bella.auth, { clauseId: 'a2', start: 0, end: 9 });
  expect(ok.status).toBe(200);
  expect(((await ok.json()) as { placement: PlacementRecord }).placement).toMatchObject({ state: 'placed', manual: true, clauseId: 'a2' });

  // A finding made on the first reading after the second was added is carried when someone next reads
  // the placements: the server carried it, so the audit names no one — not the expert who happened to look.
  const later = addAnnotation(a.docs.get(aliceDoc)!, alice.user.id, { kind: 'finding', anchor: at('a2.p2', 'своего заместителя'), body: 'Позже.', criterionId: 'C3' });
  await eventually(() => a.provider.pending === 0 && a.provider.status === 'synced', 'stored');
  const read = await api(server, bella.auth, `${url}/2/placements`);
  expect(read.status).toBe(200);
  expect(((await read.json()) as { placements: PlacementRecord[] }).placements.find((p) => p.annotationId === later.id)).toMatchObject({ state: 'placed', clauseId: 'a3.p2' });
  const carriedBy = (id: string) => server.tendik.ctx.db.prepare("SELECT user_id AS userId FROM audit_log WHERE review_id = ? AND action = 'finding.carried' AND target = ?").get(review.id, id) as { userId: string | null };
  expect(carriedBy(later.id)).toEqual({ userId: null });
  // Carried when the secretary added the reading: her action.
  expect(carriedBy(kept.id)).toEqual({ userId: secretary.user.id });

  const actions = (server.tendik.ctx.db.prepare('SELECT action, target FROM audit_log WHERE review_id = ?').all(review.id) as Array<{ action: string; target: string }>);
  expect(actions).toEqual(
    expect.arrayContaining([
      { action: 'version.added', target: '2' },
      { action: 'finding.carried', target: kept.id },
      { action: 'finding.orphaned', target: gone.id },
      { action: 'finding.reattached', target: gone.id },
    ]),
  );
});
