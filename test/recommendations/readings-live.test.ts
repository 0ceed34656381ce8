import { expect, it } from 'vitest';
import { addAnnotation, clauseTexts, createAnchor, plainText, setConclusionField, setFinalDecision } from '../../shared/collab';
import type { ConclusionFields } from '../../shared/review-model';
import { completeFields } from '../export/fixtures';
import { expectAllOpenInLibreOffice } from '../export/libreoffice-batch';
import type { RecommendationStatus } from '../../shared/contract/recommendations';
import { authorDocName, type DocName } from '../../shared/protocol';
import { api } from '../helpers/app';
import { eventually, openClient } from '../collab/harness';
import { useReviewWorld } from '../collab/fixtures';

/**
 * The whole path on the real app over a real SQLite file: experts' findings confirmed by the
 * secretary in her doc, a second reading added through the versions API, the statuses pre-filled
 * from the stored alignment, read by an expert, corrected by the secretary; the conclusion on the
 * second reading says so in ru, ky and en, and LibreOffice opens it.
 */
const bench = useReviewWorld();

export const SECOND_READING = [
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  'О тестовом законе',
  'Статья 1. Каждый гражданин имеет право на труд и на свободный выбор рода деятельности.',
  'Статья 2. Обязанности работодателя',
  '1. Работодатель обязан обеспечить равную оплату за равный труд мужчин и женщин.',
  '2. Руководитель назначает заместителя из числа работников с соблюдением гендерного баланса.',
].join('\n');

it('a second reading gets each recommendation pre-filled from the alignment; experts read, the secretary corrects', async () => {
  const { secretary, alice, review, server } = bench.world;
  const aliceDoc = authorDocName(alice.user.id);
  const secretaryDoc = authorDocName(secretary.user.id);
  const names: DocName[] = ['text', aliceDoc, secretaryDoc];
  const a = await openClient(server.url, alice.auth, review.id, ['text', aliceDoc]);
  const s = await openClient(server.url, secretary.auth, review.id, names);
  bench.clients.push(a, s);
  const text = a.docs.get('text')!;
  const at = (clauseId: string, words: string) => {
    const start = plainText(clauseTexts(text).get(clauseId)!).indexOf(words);
    return createAnchor(text, clauseId, { start, end: start + words.length });
  };
  const finding = (clauseId: string, words: string, proposedWording: string) =>
    addAnnotation(a.docs.get(aliceDoc)!, alice.user.id, { kind: 'finding', anchor: at(clauseId, words), body: 'Обоснование эксперта.', criterionId: 'C3', proposedWording });
  const deputy = finding('a2.p2', 'своего заместителя из числа работников', 'заместителя из числа работников с соблюдением гендерного баланса');
  const choice = finding('a1', 'свободный выбор профессии', 'свободный выбор профессии независимо от пола');
  const entry = finding('a3', 'со дня официального опубликования', 'по истечении трех месяцев со дня официального опубликования');
  for (const f of [deputy, choice, entry]) setFinalDecision(s.docs.get(secretaryDoc)!, { targetId: f.id, decision: 'confirmed', justification: 'Подтверждено.' });
  await eventually(() => [a, s].every((c) => c.provider.pending === 0 && c.provider.status === 'synced'), 'stored');

  const url = `/api/reviews/${review.id}/readings/2/recommendations`;
  expect((await api(server, alice.auth, url)).status).toBe(404); // no second reading yet

  const form = new FormData();
  form.set('label', '2-е чтение');
  form.set('file', new Blob([SECOND_READING], { type: 'text/plain' }), 'second.txt');
  const added = await api(server, secretary.auth, `/api/reviews/${review.id}/versions`, { method: 'POST', body: form });
  expect(added.status).toBe(201);

  const res = await api(server, alice.auth, url);
  expect(res.status).toBe(200);
  const { recommendations } = (await res.json()) as { recommendations: RecommendationStatus[] };
  const of = (id: string) => recommendations.find((r) => r.findingId === id)!;
  expect(recommendations).toHaveLength(3);
  expect(of(deputy.id)).toMatchObject({ detected: 'adopted', status: null, clauseId: 'a2.p2', newClauseId: 'a2.p2' });
  expect(of(deputy.id).evidence.newText).toBe('2. Руководитель назначает заместителя из числа работников с соблюдением гендерного баланса.');
  expect(of(choice.id)).toMatchObject({ detected: 'not_adopted', newClauseId: 'a1' });
  expect(of(choice.id).evidence.diff).toEqual(expect.arrayContaining([{ op: 'del', text: 'профессии.' }]));
  expect(of(entry.id)).toMatchObject({ detected: 'not_applicable', newClauseId: null, evidence: { newText: null } });

  const decide = await api(server, secretary.auth, `${url}/${encodeURIComponent(choice.id)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'partly' }),
  });
  expect(decide.status).toBe(200);
  const again = (await (await api(server, alice.auth, url)).json()) as { recommendations: RecommendationStatus[] };
  expect(again.recommendations.find((r) => r.findingId === choice.id)).toMatchObject({ detected: 'not_adopted', status: 'partly', decidedBy: secretary.user.id });

  // The conclusion on the second reading: its title, the section on earlier recommendations, the comparative form.
  const fields = completeFields();
  for (const key of Object.keys(fields) as Array<keyof ConclusionFields>) setConclusionField(s.docs.get(secretaryDoc)!, key, fields[key] as never);
  await eventually(() => s.provider.pending === 0 && s.provider.status === 'synced', 'fields stored');
  const preview = await api(server, secretary.auth, `/api/reviews/${review.id}/conclusion/preview?lang=ru&reading=2&comparative=1`);
  expect(preview.status).toBe(200);
  const html = ((await preview.json()) as { html: string }).html;
  expect(html).toContain('ко второму чтению');
  expect(html).toContain('Учтены частично (в неучтённой части сохраняют силу): Статья 1.');
  expect(html).toContain('<th scope="col">Редакция 1-го чтения</th>');
  expect((await api(server, secretary.auth, `/api/reviews/${review.id}/conclusion.docx?lang=ru&reading=1`)).status).toBe(404);

  const docx = async (lang: string) => {
    const res = await api(server, secretary.auth, `/api/reviews/${review.id}/conclusion.docx?lang=${lang}&reading=2&comparative=1`);
    expect(res.status, await res.clone().text().then((t) => t.slice(0, 200))).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };
  await expectAllOpenInLibreOffice([
    { name: 'second-reading-ru', docx: await docx('ru'), phrases: ['ко второму чтению', 'Учёт ранее данных рекомендаций', 'Редакция 2-го чтения', 'Рекомендация Альянса', 'Учтено частично', 'Утратили актуальность (нормы исключены или изменены): Статья 3.', '(норма исключена)'] },
    { name: 'second-reading-ky', docx: await docx('ky'), phrases: ['экинчи окууга карата', 'Мурда берилген сунуштамалардын эске алынышы', '2-окуудагы редакциясы', 'Жарым-жартылай эске алынды'] },
    { name: 'second-reading-en', docx: await docx('en'), phrases: ['for the second reading', 'Earlier recommendations and their fate', 'Text at reading 1', 'Partly adopted', 'No longer applicable'] },
  ]);
});
