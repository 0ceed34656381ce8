import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setReviewModelLoader } from '../../server/export/model-source';
import { docxToPdfText, pdfContains } from '../helpers/libreoffice';
import { api, signedIn, startTestServer, type Auth, type TestServer } from '../helpers/app';
import { expectWellFormedPackage } from '../export/expect-docx';
import { finding, reviewModel, tableRows } from '../export/fixtures';
import { FIXTURES } from './helpers';

/**
 * The conclusion's comparative table of an amendment law in the KR committee form (issue 20): with the base act
 * attached, a confirmed finding on an instruction is a row «действующая редакция | редакция проекта | предлагаемая
 * редакция Альянса | обоснование» — the unit as the act has it now, as the draft would have it, and as the
 * Alliance proposes; ru, ky and en headers; the DOCX opens in real LibreOffice. Without an attached act the table
 * keeps its usual form.
 */
let server: TestServer;
let secretary: Auth;
let reviewId: string;

const upload = (name: string, fields: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', new Blob([fs.readFileSync(path.join(FIXTURES, name))]), name);
  return body;
};

beforeAll(async () => {
  server = await startTestServer();
  secretary = (await signedIn(server, 'secretary')).auth;
  const review = await api(server, secretary, '/api/reviews', { method: 'POST', body: upload('amend-ru.txt', { title: 'Поправки о поддержке семей' }) });
  reviewId = ((await review.json()) as { review: { id: string } }).review.id;
  const at = Date.UTC(2026, 10, 19);
  // the finding on instruction 4 (part 2 of article 3: «ежегодно» → «не реже одного раза в год»), confirmed
  const model = reviewModel({
    reviewId,
    findings: [
      finding({
        id: 'f-amend',
        clauseId: 'a1.i4',
        criterionId: 'C6',
        origin: 'expert',
        quote: { exact: 'ежегодно', prefix: '', suffix: '' },
        proposedWording: '2. Советы отчитываются ежегодно, публикуя состав по полу.',
        final: { targetId: 'f-amend', decision: 'confirmed', justification: 'Отчёт должен показывать состав советов по полу.', at },
      }),
    ],
  });
  setReviewModelLoader(server.tendik.ctx, () => model);
}, 60_000);
afterAll(() => server?.close());

const cellsOf = async (lang: string) => {
  const res = await api(server, secretary, `/api/reviews/${reviewId}/conclusion/table.docx?lang=${lang}`);
  expect(res.status).toBe(200);
  const docx = new Uint8Array(await res.arrayBuffer());
  return { docx, rows: tableRows(expectWellFormedPackage(docx)['word/document.xml']!) };
};

it('without a base act the table keeps its five columns', async () => {
  const { rows } = await cellsOf('ru');
  expect(rows[0]!.cells).toHaveLength(5);
});

it('with the base act attached: the committee form, the current wording column, in ru/ky/en, opened by LibreOffice', async () => {
  const imported = await api(server, secretary, '/api/base-acts', { method: 'POST', body: upload('base-ru.txt', { title: 'О государственной поддержке семей' }) });
  const { act } = (await imported.json()) as { act: { id: string } };
  const attached = await api(server, secretary, `/api/reviews/${reviewId}/base-acts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ baseActId: act.id }),
  });
  expect(attached.status).toBe(200);

  const { docx, rows } = await cellsOf('ru');
  expect(rows[0]!.cells).toEqual(['№', 'Структурная единица (ст., ч., п., пп.)', 'Действующая редакция', 'Редакция проекта', 'Предлагаемая редакция Альянса', 'Обоснование (критерий, правовая основа)']);
  expect(rows[1]!.cells.slice(2, 5)).toEqual(['2. Советы отчитываются ежегодно.', '2. Советы отчитываются не реже одного раза в год.', '2. Советы отчитываются ежегодно, публикуя состав по полу.']);
  for (const [lang, current, alliance] of [
    ['ky', 'Колдонуудагы редакция', 'Альянс сунуштаган редакция'],
    ['en', 'Current wording', 'Wording proposed by the Alliance'],
  ] as const) {
    const other = await cellsOf(lang);
    expect(other.rows[0]!.cells[2]).toBe(current);
    expect(other.rows[0]!.cells[4]).toBe(alliance);
  }
  const pdf = await docxToPdfText(docx, 'committee-table');
  for (const phrase of ['Действующая редакция', 'Предлагаемая редакция Альянса', 'Советы отчитываются ежегодно.', 'не реже одного раза в год']) expect(pdfContains(pdf.text, phrase), phrase).toBe(true);
}, 120_000);
