import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAnnotation, setConclusionField, setFinalDecision } from '../../shared/collab/author-doc';
import { clauseTreeToDoc } from '../../shared/clause-doc';
import { clauseTexts, plainText } from '../../shared/collab/text-doc';
import type { ReviewId, UserId } from '../../shared/ids';
import { authorDocName } from '../../shared/protocol';
import type { ConclusionFields } from '../../shared/review-model';
import { createReview } from '../../server/reviews/store';
import { api, signedIn, startTestServer, type Auth, type TestServer } from '../helpers/app';
import { expectOpensInLibreOffice, expectWellFormedPackage } from './expect-docx';
import { completeFields, draftTree, tableRows } from './fixtures';

/**
 * The export over the real review docs: an expert's finding and the secretary's decisions and fields
 * are written into their author docs in the collaboration hub (persisted to SQLite like any edit),
 * and the route reads them back through the collaboration module's loadReviewModel — no fixture model.
 */
let server: TestServer;
let secretary: Auth;
let reviewId: ReviewId;
let secretaryId: string;

beforeAll(async () => {
  server = await startTestServer();
  const s = await signedIn(server, 'secretary');
  const e = await signedIn(server, 'expert');
  secretary = s.auth;
  secretaryId = s.user.id;
  const tree = draftTree();
  reviewId = createReview(server.tendik.ctx.db, {
    title: 'Пособия',
    sourceName: 'draft.txt',
    createdBy: s.user.id as UserId,
    members: [e.user.id as UserId],
    draft: { tree, pmDoc: clauseTreeToDoc(tree).toJSON(), report: {}, sourceSha256: '1'.repeat(64) },
  }).id;

  const hub = server.tendik.ctx.collab;
  const quote = (exact: string) => ({ exact, prefix: '', suffix: '' });
  const [kept, dropped] = await hub.withRoom(reviewId, authorDocName(e.user.id), (room) => [
    addAnnotation(room.doc, e.user.id, {
      kind: 'finding',
      anchor: { clauseId: 'a12-1', quote: quote('Запрет труда женщин') },
      body: 'Запрет ограничивает доступ женщин к работе.',
      criterionId: 'C9',
      severity: 'violation',
      proposedWording: 'Гарантии работникам с семейными обязанностями',
    }),
    addAnnotation(room.doc, e.user.id, {
      kind: 'finding',
      anchor: { clauseId: 'a2.p1', quote: quote('уполномоченный работник') },
      body: 'ОТКЛОНЁННОЕ-ЗАМЕЧАНИЕ',
      criterionId: 'C10',
      severity: 'note',
    }),
  ]);
  // The secretary corrects the draft in the editor after the import: the export must quote her text.
  await hub.withRoom(reviewId, 'text', (room) => {
    const text = clauseTexts(room.doc).get('a12-1')!;
    text.insert(plainText(text).length, ' (исправлено секретарём)');
  });
  await hub.withRoom(reviewId, authorDocName(s.user.id), (room) => {
    setFinalDecision(room.doc, { targetId: kept!.id, decision: 'confirmed' });
    setFinalDecision(room.doc, { targetId: dropped!.id, decision: 'dismissed' });
    const fields = completeFields();
    for (const key of Object.keys(fields) as Array<keyof ConclusionFields>) setConclusionField(room.doc, key, fields[key]);
  });
});

afterAll(async () => {
  await server?.close();
});

describe('export over the live review docs', () => {
  it('exports what the secretary decided and filled in the review', async () => {
    const res = await api(server, secretary, `/api/reviews/${reviewId}/conclusion.docx?lang=ru`);
    expect(res.status).toBe(200);
    const docx = new Uint8Array(await res.arrayBuffer());
    const xml = expectWellFormedPackage(docx)['word/document.xml']!;
    const rows = tableRows(xml);
    expect(rows.map((r) => r.cells[1])).toEqual(['Структурная единица (ст., ч., п., пп.)', 'Статья 12-1']);
    // The unit as the working copy proposes it: her words in place of the quoted ones, in the corrected text.
    expect(rows[1]!.cells[3]).toBe('Статья 12-1. Гарантии работникам с семейными обязанностями на ночных работах (исправлено секретарём)');
    expect(rows[1]!.cells[2]).toBe('Статья 12-1. Запрет труда женщин на ночных работах (исправлено секретарём)');
    expect(xml).not.toContain('ОТКЛОНЁННОЕ');
    expect(xml).toContain('Исх. № 17/ГЭ от 20.11.2026');
    await expectOpensInLibreOffice(docx, 'live-conclusion', [
      'Заключение по результатам гендерной экспертизы проекта Закона Кыргызской Республики «О государственных пособиях семьям с детьми»',
      'Статья 12-1',
      'секретарём', // one word: the row may break across pages between words
    ]);
  });

  it('the committee reads the conclusion as it was issued: later decisions and fields reach it only once it is returned and issued again', async () => {
    const reader = await signedIn(server, 'reader', { committee: 'social' });
    const view = async (auth: Auth) => {
      const res = await api(server, auth, `/api/reviews/${reviewId}/conclusion/view?lang=ru`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { html: string }).html;
    };
    const status = (body: unknown) =>
      api(server, secretary, `/api/reviews/${reviewId}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await status({ status: 'issued', committee: 'social' })).status).toBe(200);
    expect(await view(reader.auth)).toContain('Заменить «мать» на «один из родителей».');

    // The secretary changes her recommendations while it is issued: the committee's copy stays.
    const hub = server.tendik.ctx.collab;
    const mine = authorDocName(secretaryId);
    await hub.withRoom(reviewId, mine, (room) => setConclusionField(room.doc, 'recommendations', 'ИЗМЕНЕНО ПОСЛЕ ВЫПУСКА.'));
    expect(await view(reader.auth)).not.toContain('ИЗМЕНЕНО ПОСЛЕ ВЫПУСКА');
    expect(await view(secretary)).not.toContain('ИЗМЕНЕНО ПОСЛЕ ВЫПУСКА');
    const docx = await api(server, reader.auth, `/api/reviews/${reviewId}/conclusion.docx?lang=ru`);
    expect(Buffer.from(await docx.arrayBuffer()).includes(Buffer.from('ИЗМЕНЕНО'))).toBe(false);

    // Returned and issued again: the new text goes out.
    expect((await status({ status: 'in_review' })).status).toBe(200);
    expect((await status({ status: 'issued', committee: 'social' })).status).toBe(200);
    expect(await view(reader.auth)).toContain('ИЗМЕНЕНО ПОСЛЕ ВЫПУСКА.');
    expect((await status({ status: 'in_review' })).status).toBe(200);
  });
});
