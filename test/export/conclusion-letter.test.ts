import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewId, UserId } from '../../shared/ids';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import type { ReviewModel } from '../../shared/review-model';
import { setReviewModelLoader } from '../../server/export/model-source';
import { criteriaOfChecklist } from '../../server/export/criteria-source';
import { createReview } from '../../server/reviews/store';
import { api, signedIn, startTestServer, type Auth, type TestServer } from '../helpers/app';
import type { PdfResult } from '../helpers/libreoffice';
import { expectWellFormedPackage } from './expect-docx';
import { ARTIFACTS_DIR, expectAllOpenInLibreOffice, type DocxToCheck } from './libreoffice-batch';
import { paragraphTexts, tableRows } from './fixtures';
import { familyCodeTree, LATIN_TYPED, letterReview, typedTexts } from './letter-fixtures';

/**
 * Issue 14, "the conclusion": what a committee clerk must be able to accept as it is, measured on the
 * conclusion as the server sends it (HTTP route, the review's checklist, the working copy's rule for
 * wordings) and as LibreOffice lays it out and prints it to PDF text, in ru, ky and en.
 */
let server: TestServer;
let secretary: Auth;
let reviewId: ReviewId;
let model: ReviewModel = letterReview();
const pdfs = new Map<Lang, PdfResult>();
const xmls = new Map<Lang, Record<string, string>>();

/** The words of a text, squeezed as pdftotext breaks lines. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  server = await startTestServer();
  const s = await signedIn(server, 'secretary');
  secretary = s.auth;
  const tree = familyCodeTree();
  reviewId = createReview(server.tendik.ctx.db, {
    title: 'Семейный кодекс',
    sourceName: 'family-code.docx',
    createdBy: s.user.id as UserId,
    draft: { tree, pmDoc: {}, report: {}, sourceSha256: '2'.repeat(64) },
  }).id;
  setReviewModelLoader(server.tendik.ctx, () => model);

  const files: DocxToCheck[] = [];
  for (const lang of LANGS) {
    const res = await api(server, secretary, `/api/reviews/${reviewId}/conclusion.docx?lang=${lang}`);
    expect(res.status, await res.clone().text()).toBe(200);
    const docx = new Uint8Array(await res.arrayBuffer());
    xmls.set(lang, expectWellFormedPackage(docx));
    files.push({ name: `letter-${lang}`, docx, phrases: [], renderPages: 3 });
  }
  const results = await expectAllOpenInLibreOffice(files);
  for (const lang of LANGS) pdfs.set(lang, results.get(`letter-${lang}`)!);
}, 240_000);

afterAll(async () => {
  await server?.close();
});

/** The Latin words a ru/ky document may hold: those people typed, and those of the sources it cites. */
function allowedLatin(lang: Lang): Set<string> {
  const criteria = criteriaOfChecklist('kg-gender-expertise')!;
  const cited = criteria.flatMap((c) => (c.legalBasis ?? []).flatMap((b) => [b.title[lang], b.article ?? '']));
  const words = [...typedTexts(model), ...LATIN_TYPED, ...cited].join(' ').match(/[A-Za-z]+/g) ?? [];
  return new Set(words);
}

describe('the conclusion a clerk accepts (issue 14)', () => {
  it('states reasoning, never asks: no question mark the secretary did not type, in any language', () => {
    expect(typedTexts(model).some((t) => t.includes('?'))).toBe(false);
    for (const lang of LANGS) expect(pdfs.get(lang)!.text.includes('?'), `a question mark in the ${lang} PDF`).toBe(false);
  });

  it('holds no internal code ("C11") and no tally of answers', () => {
    for (const lang of LANGS) {
      const text = pdfs.get(lang)!.text;
      expect(text, lang).not.toMatch(/(?<![\p{L}\d/])[CС]\d{1,2}\b/u);
      expect(text, lang).not.toMatch(/да — \d|ооба — \d|yes — \d/);
    }
  });

  it('has no Latin word in the ru and ky documents but typed text and citations («шаг 3», not "step 3")', () => {
    for (const lang of ['ru', 'ky'] as const) {
      const allowed = allowedLatin(lang);
      const latin = pdfs.get(lang)!.text.match(/[A-Za-z]+/g) ?? [];
      expect(latin.filter((w) => !allowed.has(w)), lang).toEqual([]);
      expect(latin).not.toContain('step');
    }
    expect(squeeze(pdfs.get('ru')!.text)).toContain('(шаг 3)');
  });

  it('gives each structural unit one row, with the wording decided last, and keeps positive norms out of the table', () => {
    const rows = tableRows(xmls.get('ru')!['word/document.xml']!).slice(1);
    const units = rows.map((r) => r.cells[1]);
    expect(new Set(units).size).toBe(units.length);
    expect(rows).toHaveLength(22);
    const pair = rows.find((r) => r.cells[1] === 'Статья 15, часть 2')!;
    // What the working copy proposes for the unit: the later decision's words in place of the quoted ones.
    expect(pair.cells[3]).toBe('2. Каждый из родителей осуществляет уход за ребёнком до достижения им трёх лет, а отец обеспечивает семью.');
    // Its justification: both findings' reasoning, each under its criterion, then the legal basis.
    expect(pair.cells[4].split('\n').slice(0, 2)).toEqual([
      'Доступ к ресурсам и контроль над ними: Норма статьи 15 закрепляет гендерный стереотип.',
      'Стереотипы и семейные роли: Уход за ребёнком возлагается только на мать.',
    ]);
    expect(units).not.toContain('Статья 1, часть 1');
    expect(units).not.toContain('Статья 30, часть 1');
    // The positive norms are in the analysis.
    const text = squeeze(pdfs.get('ru')!.text);
    expect(text).toContain('Положительно оценены нормы: Статья 1, часть 1.');
    expect(text).toContain('Статья 1, часть 1: Норма прямо закрепляет равенство супругов.');
    expect(text).toContain('Статья 30, часть 1: Норма служит образцом нейтральной формулировки.');
    for (const lang of LANGS) expect(pdfs.get(lang)!.text).not.toMatch(/ОТКЛОНЁНН|НЕРЕШЁНН/);
  });

  it('puts the verdict on page 3 at the latest, and the 22-row table in a landscape annex after the signatures', () => {
    const verdicts = { ru: 'Проект соответствует принципам гендерного равенства', ky: 'Долбоор көрсөтүлгөн сын-пикирлер', en: 'The draft complies with the principles' };
    for (const lang of LANGS) {
      const pages = pdfs.get(lang)!.text.split('\f').map(squeeze);
      const page = pages.findIndex((p) => p.includes(verdicts[lang]));
      expect(page, lang).toBeGreaterThanOrEqual(0);
      expect(page, lang).toBeLessThanOrEqual(2);
    }
    const ru = pdfs.get('ru')!.text.split('\f').map(squeeze);
    const annex = ru.findIndex((p) => p.includes('Приложение 1 к заключению № 17/ГЭ от 20.11.2026'));
    const signed = ru.findIndex((p) => p.includes('Н. Абдылдаева'));
    const listed = ru.findIndex((p) => p.includes('Приложения:'));
    expect(listed).toBeGreaterThanOrEqual(0);
    expect(listed).toBeLessThanOrEqual(signed);
    expect(annex).toBeGreaterThan(signed);
    // The annex counts its own pages, and the list of annexes says how many.
    const annexPages = ru.length - annex - (ru.at(-1)!.trim() === '' ? 1 : 0);
    expect(ru.join(' ')).toContain(`Сравнительная таблица к проекту на ${annexPages} л.`);
    expect(ru[annex]).toContain(`стр. 1 из ${annexPages}`);
    expect(ru[0]).toContain(`стр. 1 из ${annex}`);
    expect(xmls.get('ru')!['word/document.xml']).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/><w:pgMar[^>]*\/><w:pgNumType w:start="1"\/>/);
    // The numbers Word shows until it counts (the fields' cached estimates) are at most a page off.
    const cached = (bookmark: string) =>
      Object.values(xmls.get('ru')!).map((xml) => new RegExp(`PAGEREF ${bookmark} \\\\h"><w:r><w:t[^>]*>(\\d+)<`).exec(xml)?.[1]).find(Boolean);
    expect(Math.abs(Number(cached('conclusion_end')) - annex)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(cached('annex1_end')) - annexPages)).toBeLessThanOrEqual(1);
  });

  it('names the act by its kind in the title, the request letter it answers, and the addressee in the dative', () => {
    const titles = {
      ru: 'Заключение по результатам гендерной экспертизы проекта Семейного кодекса Кыргызской Республики',
      ky: 'Кыргыз Республикасынын Үй-бүлө кодексинин долбооруна гендердик экспертизанын корутундусу',
      en: 'Conclusion on the results of the gender expertise of the draft Family Code of the Kyrgyz Republic',
    };
    for (const lang of LANGS) expect(squeeze(pdfs.get(lang)!.text), lang).toContain(titles[lang]);
    const ru = squeeze(pdfs.get('ru')!.text);
    expect(ru).toContain('На № 04-12/345 от 01.11.2026');
    expect(ru).toContain('Комитету Жогорку Кенеша Кыргызской Республики по социальной политике');
    expect(ru).toContain('Председателю комитета А. Т. Асановой');
    expect(squeeze(pdfs.get('en')!.text)).toContain('Re: your letter No. 04-12/345 of 1 November 2026');
  });

  it('speaks the document’s language in its fixed parts: references, criteria, headings', () => {
    const ky = squeeze(pdfs.get('ky')!.text);
    expect(ky).toContain('15-берене, 2-бөлүк');
    expect(ky).not.toContain('Статья 15, часть 2');
    expect(ky).toMatch(/\d\.\d+\. Гендердик стереотиптер жана үй-бүлөлүк ролдор/);
    const en = squeeze(pdfs.get('en')!.text);
    expect(en).toContain('Article 15, part 2');
    expect(en).toMatch(/\d\.\d+\. Stereotypes and family roles/);
    expect(squeeze(pdfs.get('ru')!.text)).toMatch(/\d\.\d+\. Стереотипы и семейные роли/);
  });

  it('cites the legal basis as Kyrgyz legal texts do, grouped by source, and methodology apart', () => {
    const rows = tableRows(xmls.get('ru')!['word/document.xml']!).slice(1).map((r) => r.cells[4]).join('\n');
    expect(rows).toContain('Правовая основа: статья 24 Конституции Кыргызской Республики; статья 2 Конвенции о ликвидации всех форм дискриминации в отношении женщин');
    expect(rows).toContain('подпункт «c» пункта 1 статьи 11');
    expect(rows).toContain('Методическая основа: Руководство EIGE по оценке гендерного воздействия (шаг 3)');
    expect(rows).not.toMatch(/Правовая основа:[^\n]*EIGE/);
    const ky = tableRows(xmls.get('ky')!['word/document.xml']!).slice(1).map((r) => r.cells[4]).join('\n');
    expect(ky).toContain('Укуктук негиз: Кыргыз Республикасынын Конституциясынын 24-беренеси');
    expect(ky).toContain('(3-кадам)');
    const en = tableRows(xmls.get('en')!['word/document.xml']!).slice(1).map((r) => r.cells[4]).join('\n');
    expect(en).toContain('Legal basis: Article 24 of the Constitution of the Kyrgyz Republic');
  });

  it('sets the letter as an official letter: indent, hyphenation, addressee in the right half, signatures that never break', () => {
    for (const lang of LANGS) {
      const parts = xmls.get(lang)!;
      expect(parts['word/styles.xml']).toMatch(/<w:pPrDefault>[\s\S]*?<w:ind w:firstLine="709"\/>/);
      expect(parts['word/settings.xml']!.includes('<w:autoHyphenation/>'), lang).toBe(lang !== 'en');
      const xml = parts['word/document.xml']!;
      expect(xml).toMatch(/<w:ind w:left="4677" w:firstLine="0"\/>/);
      const signatures = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('Н. Абдылдаева'))!;
      expect(signatures).toMatch(/<w:tblBorders><w:top w:val="none"/);
      expect(signatures.match(/<w:cantSplit\/>/g)).toHaveLength(2);
    }
    // The first page as LibreOffice lays it out: the addressee is indented to the right half.
    const first = pdfs.get('ru')!.text.split('\f')[0]!;
    expect(paragraphTexts(xmls.get('ru')!['word/document.xml']!).slice(0, 3)).toEqual([
      'Альянс женских законодательных инициатив',
      'Секретариат: ОО «Агентство социальных технологий»',
      'Исх. № 17/ГЭ от 20.11.2026',
    ]);
    expect(first).toContain('Исх. № 17/ГЭ от 20.11.2026');
  });

  it('renders the first three pages of each language to look at (test-artifacts/letter-<lang>-<page>.png)', () => {
    for (const lang of LANGS) {
      const pngs = fs.readdirSync(ARTIFACTS_DIR).filter((f) => f.startsWith(`letter-${lang}-`) && f.endsWith('.png'));
      expect(pngs.length, lang).toBe(3);
    }
  });
});

describe('what keeps a conclusion from going out (issue 14)', () => {
  const get = (lang: Lang, path = 'conclusion.docx') => api(server, secretary, `/api/reviews/${reviewId}/${path}?lang=${lang}`);
  const refusal = async (res: Response) =>
    (await res.json()) as { error: { code: string; message: string; messages: Record<Lang, string>; details: { missing: string[]; labels: string[] } } };

  it('refuses a confirmed finding without reasoning of its own, naming its unit in every language', async () => {
    const base = letterReview();
    model = {
      ...base,
      findings: [
        ...base.findings,
        {
          ...base.findings.find((f) => f.id === 'lf-02')!,
          id: 'no-reason',
          clauseId: 'art14.p2',
          verdicts: [],
          final: { targetId: 'no-reason', decision: 'confirmed', at: 5 },
        },
      ],
    };
    try {
      const res = await get('ru');
      expect(res.status).toBe(422);
      const body = await refusal(res);
      expect(body.error.code).toBe('EXPORT_FIELDS_MISSING');
      expect(body.error.details.missing).toEqual(['reasoning:no-reason']);
      expect(body.error.details.labels).toEqual(['Статья 14, часть 2: обоснование']);
      expect(body.error.message).toBe('Заключение нельзя выгрузить: не заполнены обязательные поля — обоснование замечаний к нормам: Статья 14, часть 2.');
      expect(body.error.messages.ky).toContain('14-берене, 2-бөлүк');
      expect(body.error.messages.en).toContain('Article 14, part 2');
      // The preview says the same, and shows no question in its place.
      const preview = (await (await get('ru', 'conclusion/preview')).json()) as { html: string; missing: Array<{ field: string; label: string }> };
      expect(preview.missing).toEqual([{ field: 'reasoning:no-reason', label: 'Статья 14, часть 2: обоснование' }]);
      expect(preview.html).not.toContain('?');
    } finally {
      model = letterReview();
    }
  });

  it('refuses a date that does not exist', async () => {
    model = { ...letterReview(), conclusion: { ...letterReview().conclusion, outgoingDate: '30.02.2026', requestLetter: { number: '1', date: '2026-02-29' } } };
    try {
      const res = await get('en');
      expect(res.status).toBe(422);
      const body = await refusal(res);
      expect(body.error.details.missing).toEqual(['outgoingDate:date', 'requestLetter.date:date']);
      expect(body.error.messages.ru).toContain('дата исходящего: такой даты нет (30.02.2026)');
    } finally {
      model = letterReview();
    }
  });

  it('refuses «complies» when nothing was assessed, and accepts it once the secretary states the review', async () => {
    const nothing: ReviewModel = { ...letterReview(), findings: [], answers: [], conclusion: { ...letterReview().conclusion, verdict: 'complies', recommendations: '' } };
    model = nothing;
    try {
      const res = await get('ru');
      expect(res.status).toBe(422);
      expect((await refusal(res)).error.details.missing).toEqual(['assessment']);
      const preview = (await (await get('ky', 'conclusion/preview')).json()) as { missing: Array<{ field: string; label: string }> };
      expect(preview.missing.map((m) => m.field)).toEqual(['assessment']);
      model = { ...nothing, conclusion: { ...nothing.conclusion, criteriaAnalysis: { C2: 'Проект рассмотрен на предмет прямой дискриминации; таких норм нет.' } } };
      expect((await get('ru')).status).toBe(200);
    } finally {
      model = letterReview();
    }
  });

  it('says which typed texts are in another language than the export, above the preview', async () => {
    const preview = (await (await get('ky', 'conclusion/preview')).json()) as { html: string };
    expect(preview.html).toMatch(/^<aside class="conclusion-notice" role="note">/);
    expect(preview.html).toContain('Долбоордун кыскача мазмуну — текст орус тилинде');
    expect(preview.html).toContain('15-берене, 2-бөлүк');
    const en = (await (await get('en', 'conclusion/preview')).json()) as { html: string };
    expect(en.html).toContain('Summary of the draft — text in Russian');
    const ru = (await (await get('ru', 'conclusion/preview')).json()) as { html: string };
    expect(ru.html).not.toContain('conclusion-notice');
  });
});
