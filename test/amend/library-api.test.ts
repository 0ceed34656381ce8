import { expect, it } from 'vitest';
import type { AmendmentsAnswer, BaseActSummary, ReviewBaseActs } from '../../shared/contract/amend';
import { api } from '../helpers/app';
import { useReviewWorld } from '../collab/fixtures';
import { OWN_RU } from './expectations';
import { fixtureBytes, jsonPost, uploadForm } from './helpers';

/**
 * The library of base acts and the amendment law applied, over HTTP on the real app and a real SQLite file
 * (issue 20): the secretary imports the act once, attaches it to two reviews; experts read, never attach; every
 * step is in the audit log; before the act is attached every instruction says which act it needs.
 */
const bench = useReviewWorld();

const file = fixtureBytes;
const form = uploadForm;
const json = jsonPost;

it('the secretary imports a base act once and attaches it to reviews; experts read; each instruction applied or refused with its reason', async () => {
  const { server, secretary, alice } = bench.world;
  // the library: only the secretary imports; a title is required, in the user's language
  const noTitle = await api(server, secretary.auth, '/api/base-acts', { method: 'POST', body: form(file('base-ru.txt'), 'base-ru.txt', {}), headers: { 'accept-language': 'ky' } });
  expect(noTitle.status).toBe(400);
  expect(((await noTitle.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'BASE_ACT_BAD_TITLE', message: expect.stringContaining('аталышын') });
  const byExpert = await api(server, alice.auth, '/api/base-acts', { method: 'POST', body: form(file('base-ru.txt'), 'base-ru.txt', { title: 'x' }) });
  expect(byExpert.status).toBe(403);
  const notAnAct = await api(server, secretary.auth, '/api/base-acts', { method: 'POST', body: form(new TextEncoder().encode('Просто письмо без статей.'), 'letter.txt', { title: 'Письмо' }) });
  expect(notAnAct.status).toBe(422);
  const imported = await api(server, secretary.auth, '/api/base-acts', {
    method: 'POST',
    body: form(file('base-ru.txt'), 'base-ru.txt', { title: 'Закон Кыргызской Республики «О государственной поддержке семей»', editionDate: '2024-05-01', source: 'cbd.minjust.gov.kg' }),
  });
  expect(imported.status).toBe(201);
  const { act } = (await imported.json()) as { act: BaseActSummary };
  expect(act).toMatchObject({ editionDate: '2024-05-01', source: 'cbd.minjust.gov.kg', language: 'ru', articles: 4 });

  // two reviews of the same amendment law share the one act of the library
  const reviews: string[] = [];
  for (const title of ['Поправки, первое чтение', 'Поправки, второе чтение']) {
    const res = await api(server, secretary.auth, '/api/reviews', { method: 'POST', body: form(file('amend-ru.txt'), 'amend-ru.txt', { title }) });
    expect(res.status).toBe(201);
    reviews.push(((await res.json()) as { review: { id: string } }).review.id);
  }
  const [first, second] = reviews as [string, string];
  expect((await api(server, secretary.auth, `/api/reviews/${first}/members`, json({ userId: alice.user.id }))).status).toBeLessThan(300);

  // before anything is attached: the act it needs, and every instruction refused for it
  const before = (await (await api(server, alice.auth, `/api/reviews/${first}/amendments`)).json()) as AmendmentsAnswer;
  expect(before.needed).toEqual(['О государственной поддержке семей']);
  expect(before.instructions.length).toBe(Object.keys(OWN_RU.instructions).length);
  expect(before.instructions.every((i) => i.status === 'failed' && i.reason === 'act_not_attached' && i.detail === 'О государственной поддержке семей')).toBe(true);

  // experts read the library, never attach
  expect(((await (await api(server, alice.auth, '/api/base-acts')).json()) as { acts: BaseActSummary[] }).acts.map((a) => a.id)).toEqual([act.id]);
  expect((await api(server, alice.auth, `/api/reviews/${first}/base-acts`, json({ baseActId: act.id }))).status).toBe(403);
  expect((await api(server, secretary.auth, `/api/reviews/${first}/base-acts`, json({ baseActId: 'no-such-act' }))).status).toBe(404);

  for (const id of reviews) {
    const res = await api(server, secretary.auth, `/api/reviews/${id}/base-acts`, json({ baseActId: act.id }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as ReviewBaseActs).attached.map((a) => a.act.id)).toEqual([act.id]);
  }
  const after = (await (await api(server, alice.auth, `/api/reviews/${first}/amendments`)).json()) as AmendmentsAnswer;
  for (const [id, want] of Object.entries(OWN_RU.instructions)) {
    const got = after.instructions.find((i) => i.instructionId === id)!;
    expect(got.status, id).toBe('applied');
    expect(got.unitId).toBe(want.unit);
  }
  // A unit the law adds is named as the act will print it, not by the draft's label of the instruction.
  const added = after.instructions.find((i) => i.instructionId === 'a1.i1.b')!;
  expect(added.change).toBe('added');
  // the fifth paragraph of article 1 as it will read (the law adds it after the fourth)
  expect(added.unitLabel).toBe('Статья 1, абзац 5');
  const replaced = after.instructions.find((i) => i.instructionId === 'a1.i4')!;
  expect(replaced.diff.filter((s) => s.kind !== 'same').map((s) => [s.kind, s.text.trim()])).toEqual([
    ['del', 'ежегодно.'],
    ['ins', 'не реже одного раза в год.'],
  ]);
  const lines = after.acts[0]!.lines;
  expect(lines.find((l) => l.id === 'a2.p2')).toMatchObject({ change: 'removed', by: ['a1.i2.a'] });
  expect(lines.find((l) => l.id === 'a1.x5')).toMatchObject({ change: 'added', text: 'гендерное равенство - равное положение женщин и мужчин.' });
  expect(lines.find((l) => l.id === 'a3.p2')).toMatchObject({ change: 'changed', before: '2. Советы отчитываются ежегодно.' });

  // the engine on what really changes: what the law takes out is a finding of its own, given to its instruction
  const removals = after.findings.filter((f) => f.source === 'removal').map((f) => [f.instructionId, f.criterionId]);
  expect(removals).toEqual(expect.arrayContaining([['a1.i2.a', 'C9'], ['a1.i3', 'C7']]));
  expect(after.findings.find((f) => f.instructionId === 'a1.i2.a')!.explanation.ru).toMatch(/^Исключение гарантии/);
  const ids = new Set(after.instructions.map((i) => i.instructionId));
  for (const f of after.findings) expect(ids.has(f.instructionId), JSON.stringify(f)).toBe(true);

  // the second review reads the same act; taking it off one leaves the other as it was
  const detached = await api(server, secretary.auth, `/api/reviews/${second}/base-acts/${act.id}`, { method: 'DELETE' });
  expect(((await detached.json()) as ReviewBaseActs).attached).toEqual([]);
  expect(((await (await api(server, secretary.auth, `/api/reviews/${first}/base-acts`)).json()) as ReviewBaseActs).attached).toHaveLength(1);

  const log = server.tendik.ctx.db.prepare("SELECT action, review_id FROM audit_log WHERE action LIKE 'base_act.%' ORDER BY at, rowid").all() as Array<{ action: string; review_id: string | null }>;
  expect(log).toEqual([
    { action: 'base_act.imported', review_id: null },
    { action: 'base_act.attached', review_id: first },
    { action: 'base_act.attached', review_id: second },
    { action: 'base_act.detached', review_id: second },
  ]);
});
