import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewId, UserId } from '../../shared/ids';
import type { ReviewModel } from '../../shared/review-model';
import { setReviewModelLoader } from '../../server/export/model-source';
import { createReview } from '../../server/reviews/store';
import { api, signedIn, startTestServer, type Auth, type TestServer } from '../helpers/app';
import { expectWellFormedPackage } from './expect-docx';
import { expectAllOpenInLibreOffice, type DocxToCheck } from './libreoffice-batch';
import { completeFields, draftTree, reviewModel, tableRows } from './fixtures';

const COMMITTEE = 'social-policy';
const TITLE = 'Заключение по результатам гендерной экспертизы проекта Закона Кыргызской Республики «О государственных пособиях семьям с детьми»';
const LABELS = ['Статья 1, часть 1', 'Статья 2, часть 2', 'Статья 12-1'];

let server: TestServer;
let secretary: Auth;
let member: Auth;
let outsiderExpert: Auth;
let reader: Auth;
let otherReader: Auth;
let admin: Auth;
let reviewId: ReviewId;
let issuedId: ReviewId;
const models = new Map<string, ReviewModel>();
/** Every DOCX the tests download, converted by real LibreOffice in one batch at the end. */
const downloaded: DocxToCheck[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const s = await signedIn(server, 'secretary');
  const e = await signedIn(server, 'expert');
  secretary = s.auth;
  member = e.auth;
  outsiderExpert = (await signedIn(server, 'expert')).auth;
  reader = (await signedIn(server, 'reader', { committee: COMMITTEE })).auth;
  otherReader = (await signedIn(server, 'reader', { committee: 'budget' })).auth;
  admin = (await signedIn(server, 'admin')).auth;
  const db = server.tendik.ctx.db;
  const draft = { tree: draftTree(), pmDoc: {}, report: {}, sourceSha256: '0'.repeat(64) };
  const make = () =>
    createReview(db, { title: 'Пособия', sourceName: 'draft.docx', createdBy: s.user.id as UserId, committee: COMMITTEE, members: [e.user.id as UserId], draft }).id;
  reviewId = make();
  issuedId = make();
  db.prepare("UPDATE reviews SET status = 'issued' WHERE id = ?").run(issuedId);
  models.set(reviewId, reviewModel({ reviewId }));
  models.set(issuedId, reviewModel({ reviewId: issuedId }));
  setReviewModelLoader(server.tendik.ctx, (_ctx, id) => {
    const model = models.get(id);
    if (!model) throw new Error(`no fixture model for ${id}`);
    return model;
  });
});

afterAll(async () => {
  await server?.close();
});

const get = (auth: Auth | null, path: string) => api(server, auth, path);
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('export routes', () => {
  it('gives the secretary the conclusion as DOCX with a safe file name', async () => {
    const res = await get(secretary, `/api/reviews/${reviewId}/conclusion.docx?lang=ru`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="tendik-conclusion-ru\.docx"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe('Заключение — О государственных пособиях семьям с детьми (ru).docx');
    const docx = await bytes(res);
    const parts = expectWellFormedPackage(docx);
    const rows = tableRows(parts['word/document.xml']!);
    expect(rows).toHaveLength(4);
    // Criterion titles and legal basis come from the review's checklist (checklists/kg-gender-expertise.yml),
    // the criterion by its title only, the basis cited as Kyrgyz legal texts cite it.
    expect(rows[3]!.cells[4]).toContain('Защитные (ограничительные) нормы: Патерналистское ограничение, см. CEDAW 2021.');
    expect(rows[3]!.cells[4]).toMatch(/Правовая основа: подпункт «c» пункта 1 статьи 11 [^\n]*Конвенции о ликвидации всех форм дискриминации в отношении женщин/);
    // The proposed wording of a unit is what the working copy proposes for it: the unit as amended.
    expect(rows[1]!.cells[3]).toBe('1. Пособие назначается одному из родителей, воспитывающей ребёнка до трёх лет.');
    downloaded.push({ name: 'http-conclusion', docx, phrases: [TITLE, ...LABELS] });
    const logged = server.tendik.ctx.db
      .prepare("SELECT target, details FROM audit_log WHERE action = 'conclusion.exported' AND review_id = ?")
      .all(reviewId) as Array<{ target: string; details: string }>;
    expect(logged).toContainEqual({ target: 'conclusion', details: JSON.stringify({ lang: 'ru' }) });
  });

  it('names the missing required fields in the requested language', async () => {
    models.set(reviewId, reviewModel({ reviewId, conclusion: { ...completeFields(), outgoingNumber: ' ', verdict: null, signatories: [] } }));
    try {
      const res = await get(secretary, `/api/reviews/${reviewId}/conclusion.docx?lang=ky`);
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; message: string; messages: Record<string, string>; details: { missing: string[] } } };
      expect(body.error.code).toBe('EXPORT_FIELDS_MISSING');
      expect(body.error.details.missing).toEqual(['outgoingNumber', 'verdict', 'signatories']);
      expect(body.error.message).toBe(
        'Корутундуну жүктөөгө болбойт: милдеттүү талаалар толтурулган эмес — чыгуучу номер, жыйынтык, кол коюучу (жок дегенде бирөө).',
      );
      expect(body.error.messages.ru).toContain('исходящий номер, вывод, подписант (хотя бы один)');
      expect(body.error.messages.en).toContain('outgoing number, verdict, signatory (at least one)');

      const preview = await get(member, `/api/reviews/${reviewId}/conclusion/preview?lang=en`);
      expect(preview.status).toBe(200);
      const json = (await preview.json()) as { html: string; missing: Array<{ field: string; label: string }> };
      expect(json.missing).toEqual([
        { field: 'outgoingNumber', label: 'outgoing number' },
        { field: 'verdict', label: 'verdict' },
        { field: 'signatories', label: 'signatory (at least one)' },
      ]);
    } finally {
      models.set(reviewId, reviewModel({ reviewId }));
    }
  });

  it('previews the same model as HTML, user text inert', async () => {
    models.set(reviewId, reviewModel({ reviewId, conclusion: { ...completeFields(), summary: '<script>alert(1)</script>' } }));
    try {
      const res = await get(member, `/api/reviews/${reviewId}/conclusion/preview?lang=ru`);
      expect(res.status).toBe(200);
      const json = (await res.json()) as { lang: string; html: string; missing: unknown[] };
      expect(json.lang).toBe('ru');
      expect(json.missing).toEqual([]);
      expect(json.html).toContain(`<h1>${TITLE}</h1>`);
      expect(json.html).not.toContain('<script>');
      expect(json.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
      expect(json.html.match(/<tr data-finding=/g)).toHaveLength(3);
      // Per criterion, the text the form pre-fills: the secretary's own, else composed and marked so.
      const analysis = (json as unknown as { analysis: Array<{ criterionId: string; title: string; text: string; prefilled: boolean }> }).analysis;
      expect(analysis.map((a) => a.criterionId).slice(0, 17)).toEqual(Array.from({ length: 17 }, (_, i) => `C${i + 1}`));
      expect(analysis.find((a) => a.criterionId === 'C8')).toMatchObject({ prefilled: false, text: 'Проект закрепляет роль матери как единственного воспитателя.' });
      const c12 = analysis.find((a) => a.criterionId === 'C12')!;
      expect(c12.prefilled).toBe(true);
      expect(c12.text.split('\n')).toContain('Выявлены нормы, требующие изменения (приложение 1): Статья 2, часть 2.');
    } finally {
      models.set(reviewId, reviewModel({ reviewId }));
    }
  });

  it('exports the table alone and the working copy', async () => {
    const table = await get(member, `/api/reviews/${reviewId}/conclusion/table.docx?lang=en`);
    expect(table.status).toBe(200);
    expect(table.headers.get('content-disposition')).toContain('filename="tendik-table-en.docx"');
    const tableDocx = await bytes(table);
    expect(tableRows(expectWellFormedPackage(tableDocx)['word/document.xml']!).map((r) => r.header)).toEqual([true, false, false, false]);
    downloaded.push({ name: 'http-table', docx: tableDocx, phrases: ['Comparative table to the draft Law of the Kyrgyz Republic', ...LABELS] });

    const copy = await get(secretary, `/api/reviews/${reviewId}/working-copy.docx?lang=ru`);
    expect(copy.status).toBe(200);
    const copyDocx = await bytes(copy);
    const parts = expectWellFormedPackage(copyDocx);
    expect(parts['word/comments.xml']!.match(/<w:comment /g)).toHaveLength(3);
    expect(parts['word/document.xml']).toMatch(/<w:ins [\s\S]*<w:del /);
    downloaded.push({ name: 'http-working-copy', docx: copyDocx, phrases: ['Рабочий экземпляр проекта с замечаниями гендерной экспертизы', 'Статья 12-1.'] });
  });

  it('lets a committee reader download the issued conclusion and table of her committee, and nothing else', async () => {
    const conclusion = await get(reader, `/api/reviews/${issuedId}/conclusion.docx?lang=ky`);
    expect(conclusion.status).toBe(200);
    const conclusionDocx = await bytes(conclusion);
    expect(expectWellFormedPackage(conclusionDocx)['word/styles.xml']).toContain('<w:lang w:val="ky-KG"/>');
    const kyTitle = 'Кыргыз Республикасынын «О государственных пособиях семьям с детьми» Мыйзамынын долбооруна гендердик экспертизанын корутундусу';
    downloaded.push({ name: 'reader-conclusion-ky', docx: conclusionDocx, phrases: [kyTitle, ...LABELS] });
    const table = await get(reader, `/api/reviews/${issuedId}/conclusion/table.docx?lang=ru`);
    expect(table.status).toBe(200);
    const tableDocx = await bytes(table);
    expect(tableRows(expectWellFormedPackage(tableDocx)['word/document.xml']!)).toHaveLength(4);
    downloaded.push({ name: 'reader-table', docx: tableDocx, phrases: ['Сравнительная таблица к проекту Закона Кыргызской Республики', ...LABELS] });
    expect((await get(reader, `/api/reviews/${issuedId}/working-copy.docx?lang=ru`)).status).toBe(403);
    expect((await get(reader, `/api/reviews/${issuedId}/conclusion/preview?lang=ru`)).status).toBe(403);
    // Not issued yet, another committee, an expert who is not a member, an admin: the review does not exist for them.
    expect((await get(reader, `/api/reviews/${reviewId}/conclusion.docx?lang=ru`)).status).toBe(404);
    expect((await get(otherReader, `/api/reviews/${issuedId}/conclusion.docx?lang=ru`)).status).toBe(404);
    expect((await get(outsiderExpert, `/api/reviews/${reviewId}/conclusion.docx?lang=ru`)).status).toBe(404);
    expect((await get(admin, `/api/reviews/${reviewId}/working-copy.docx`)).status).toBe(404);
    expect((await get(null, `/api/reviews/${reviewId}/conclusion.docx`)).status).toBe(401);
    expect((await get(secretary, `/api/reviews/no-such-review/conclusion.docx`)).status).toBe(404);
  });

  it('shows a committee reader the issued conclusion as HTML to read, the same document as the DOCX', async () => {
    const res = await get(reader, `/api/reviews/${issuedId}/conclusion/view?lang=en`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as Record<string, string>;
    expect(Object.keys(view).sort()).toEqual(['html', 'lang', 'title']);
    expect(view.lang).toBe('en');
    expect(view.title).toContain('Conclusion on the results of the gender expertise of the draft Law of the Kyrgyz Republic');
    expect(view.html).toContain(`<h1>${view.title}</h1>`);
    expect(view.html.match(/<tr data-finding=/g)).toHaveLength(3);
    // Not issued to her (yet, or to another committee): the review does not exist for her.
    expect((await get(reader, `/api/reviews/${reviewId}/conclusion/view`)).status).toBe(404);
    expect((await get(otherReader, `/api/reviews/${issuedId}/conclusion/view`)).status).toBe(404);
    // Incomplete, it is no document yet: refused as the DOCX is, naming what is missing.
    models.set(issuedId, reviewModel({ reviewId: issuedId, conclusion: { ...completeFields(), verdict: null } }));
    try {
      const incomplete = await get(reader, `/api/reviews/${issuedId}/conclusion/view?lang=ru`);
      expect(incomplete.status).toBe(422);
      expect(((await incomplete.json()) as { error: { details: { missing: string[] } } }).error.details.missing).toEqual(['verdict']);
    } finally {
      models.set(issuedId, reviewModel({ reviewId: issuedId }));
    }
  });

  it('refuses an unknown language, in the user language', async () => {
    const res = await api(server, secretary, `/api/reviews/${reviewId}/conclusion.docx?lang=de`, { headers: { 'accept-language': 'ky' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'EXPORT_BAD_LANG', message: 'Жүктөөнүн тили ru, ky же en болушу керек.' });
  });

  it('keeps a hostile draft title out of the header and the file system', async () => {
    const hostile = 'Evil"\r\nSet-Cookie: x=1; ../../etc/passwd\\ «Закон»';
    models.set(reviewId, reviewModel({ reviewId, conclusion: { ...completeFields(), draftTitle: hostile } }));
    try {
      const res = await get(secretary, `/api/reviews/${reviewId}/conclusion/table.docx?lang=ru`);
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toBeNull();
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="tendik-table-ru\.docx"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
      const name = decodeURIComponent(disposition.split("''")[1]!);
      expect(name).not.toMatch(/[\r\n/\\"]/);
      expect(name).toBe('Сравнительная таблица — Evil Set-Cookie x=1; .. .. etc passwd «Закон» (ru).docx');
      const docx = await bytes(res);
      expectWellFormedPackage(docx);
      // In the document the title's quotation marks are balanced: the unpaired one dropped, the inner pair nested.
      downloaded.push({ name: 'hostile-title-table', docx, phrases: ['Сравнительная таблица к проекту Закона Кыргызской Республики «Evil Set-Cookie: x=1; ../../etc/passwd\\ „Закон“»', ...LABELS] });
    } finally {
      models.set(reviewId, reviewModel({ reviewId }));
    }
  });

  it('every DOCX downloaded above opens in real LibreOffice with its title and clause labels', async () => {
    expect(downloaded.map((d) => d.name)).toEqual(['http-conclusion', 'http-table', 'http-working-copy', 'reader-conclusion-ky', 'reader-table', 'hostile-title-table']);
    await expectAllOpenInLibreOffice(downloaded);
  }, 180_000);
});
