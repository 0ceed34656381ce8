import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { addAnnotation, clauseTexts, createAnchor, plainText, setConclusionField, setFinalDecision } from '../../shared/collab';
import { authorDocName } from '../../shared/protocol';
import type { ConclusionFields } from '../../shared/review-model';
import { listStatuses } from '../../server/recommendations/store';
import { api, login } from '../helpers/app';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { docxToPdfText, pdfContains } from '../helpers/libreoffice';
import { eventually, openClient } from '../collab/harness';
import { completeFields } from '../export/fixtures';
import { docxDocumentXml, docxText } from './docx';
import { DRAFT, DRAFT_TITLE } from './fixtures';
import { useWorkbench } from './harness';
import { openReview } from './page-actions';

/**
 * Issue 16, recommendations: an expert's findings confirmed by the secretary, a second reading added
 * through the API; in Chromium the secretary sees each recommendation with its pre-filled status and
 * the evidence, confirms one and corrects another; the conclusion on the second reading lists them
 * (DOCX opened in LibreOffice); an expert reads the statuses without deciding; the Alliance-wide page
 * counts them in ru/ky/en with its CSV. axe clean on both screens.
 */
const SECOND_READING = DRAFT.replace('назначается женщинам, имеющим', 'назначается одному из родителей, имеющему');

describe.skipIf(!chromiumAvailable())('recommendations in a second reading (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('the secretary confirms and corrects the statuses; the conclusion on the second reading lists them; the Alliance page counts them', async () => {
    const { server, secretary, aida } = bench.world;
    const reviewId = await bench.world.createReview(DRAFT_TITLE);
    const secretaryAuth = await login(server, secretary.email, secretary.password);
    const aidaAuth = await login(server, aida.email, aida.password);
    const aidaDoc = authorDocName(aida.id);
    const secretaryDoc = authorDocName(secretary.id);
    const a = await openClient(server.url, aidaAuth, reviewId, ['text', aidaDoc]);
    const s = await openClient(server.url, secretaryAuth, reviewId, ['text', secretaryDoc]);
    try {
      const text = a.docs.get('text')!;
      const clauseOf = (words: string) => [...clauseTexts(text)].find(([, t]) => plainText(t).includes(words))![0];
      const finding = (words: string, proposedWording: string) => {
        const clauseId = clauseOf(words);
        const start = plainText(clauseTexts(text).get(clauseId)!).indexOf(words);
        const anchor = createAnchor(text, clauseId, { start, end: start + words.length });
        return addAnnotation(a.docs.get(aidaDoc)!, aida.id, { kind: 'finding', anchor, body: 'Обоснование эксперта.', criterionId: 'C8', proposedWording });
      };
      const mothers = finding('женщинам, имеющим', 'одному из родителей, имеющему');
      const board = finding('Районная комиссия состоит из пяти членов.', 'Районная комиссия состоит из пяти членов; лица одного пола составляют не более 70 процентов её состава.');
      for (const f of [mothers, board]) setFinalDecision(s.docs.get(secretaryDoc)!, { targetId: f.id, decision: 'confirmed', justification: 'Подтверждено секретарём.' });
      const fields = completeFields();
      for (const key of Object.keys(fields) as Array<keyof ConclusionFields>) setConclusionField(s.docs.get(secretaryDoc)!, key, fields[key] as never);
      await eventually(() => [a, s].every((c) => c.provider.pending === 0 && c.provider.status === 'synced'), 'stored');
    } finally {
      a.close();
      s.close();
    }
    const form = new FormData();
    form.set('label', '2-е чтение');
    form.set('file', new Blob([SECOND_READING], { type: 'text/plain' }), 'second.txt');
    expect((await api(server, secretaryAuth, `/api/reviews/${reviewId}/versions`, { method: 'POST', body: form })).status).toBe(201);

    // The secretary: from the review to its second reading's recommendations.
    const { page } = await signedIn('secretary');
    await openReview(page, server.url, reviewId);
    await page.locator('[data-testid=reading-link-2]').click();
    const cards = page.locator('[data-testid=rec-card]');
    await expect.poll(() => cards.count()).toBe(2);
    const mothersCard = page.locator(`[data-testid=rec-card][data-finding="${await cards.nth(0).getAttribute('data-finding')}"]`);
    const boardCard = cards.nth(1);
    expect(await mothersCard.locator('[data-testid=rec-state]').textContent()).toBe('Предложено автоматически: Учтено · Ещё не подтверждено');
    expect(await mothersCard.locator('[data-testid=rec-new-text]').textContent()).toContain('одному из родителей, имеющему');
    expect(await mothersCard.locator('.recs-diff del').first().textContent()).toContain('женщинам');
    expect(await boardCard.locator('[data-testid=rec-state]').textContent()).toContain('Не учтено');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '60-reading-recommendations');

    // She confirms the first as proposed and corrects the second.
    await mothersCard.locator('[data-testid=rec-confirm]').click();
    await expect.poll(() => mothersCard.locator('[data-testid=rec-state]').textContent()).toContain('Подтверждено секретарём: Учтено');
    await boardCard.locator('[data-testid=rec-status]').selectOption('partly');
    await boardCard.locator('[data-testid=rec-confirm]').click();
    await expect.poll(() => boardCard.locator('[data-testid=rec-state]').textContent()).toContain('Подтверждено секретарём: Учтено частично');
    const stored = listStatuses(server.tendik.ctx.db, reviewId, 2);
    expect(stored.map((r) => r.status).sort()).toEqual(['adopted', 'partly']);

    // The interface speaks Kyrgyz and English too.
    await page.locator('[data-testid=lang-select]').selectOption('ky');
    await expect.poll(() => page.locator('#recs-reading-title').textContent()).toBe('2-окуудагы сунуштамалар');
    await page.locator('[data-testid=lang-select]').selectOption('en');
    await expect.poll(() => boardCard.locator('[data-testid=rec-state]').textContent()).toContain('Confirmed by the secretary: Partly adopted');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('[data-testid=lang-select]').selectOption('ru');

    // The conclusion on the second reading, downloaded from here: it lists what became of each.
    await page.locator('[data-testid=recs-doc-lang]').selectOption('ru');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=recs-download]').click()]);
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-reading-')), 'conclusion.docx');
    await download.saveAs(saved);
    const bytes = fs.readFileSync(saved);
    const docText = docxText(docxDocumentXml(bytes));
    expect(docText).toContain('ко второму чтению');
    expect(docText).toContain('В редакции 2-го чтения учтено: 1; учтено частично: 1; не учтено: 0; утратило актуальность: 0.');
    expect(docText).toContain('Учтены частично (в неучтённой части сохраняют силу):');
    expect(docText).toContain('Рекомендация Альянса');
    const pdf = await docxToPdfText(bytes, 'reading-2-ru');
    expect(pdfContains(pdf.text, 'Учёт ранее данных рекомендаций')).toBe(true);

    // An expert of the review reads the statuses and cannot decide.
    const { page: expert } = await signedIn('aida');
    await expert.goto(`${server.url}/#/reviews/${reviewId}/readings/2`);
    await expect.poll(() => expert.locator('[data-testid=rec-card]').count()).toBe(2);
    expect(await expert.locator('[data-testid=rec-confirm]').count()).toBe(0);
    expect(await expert.locator('[data-testid=rec-state]').first().textContent()).toContain('Подтверждено секретарём');

    // A committee reader who follows the link gets the conclusion's view, never the working statuses.
    const { page: reader } = await signedIn('reader');
    await reader.goto(`${server.url}/#/reviews/${reviewId}/readings/2`);
    await reader.locator('.conclusion-view').waitFor();
    expect(await reader.locator('[data-testid=rec-card]').count()).toBe(0);

    // The Alliance-wide page: the figures, in three languages, and its CSV.
    await page.locator('[data-testid=nav-recommendations]').click();
    const byCommittee = page.locator('[data-testid=recs-by-committee]');
    await byCommittee.waitFor();
    const total = byCommittee.locator('tr.recs-total td');
    await expect.poll(() => total.allTextContents()).toEqual(['2', '1', '1', '0', '0', '0']);
    expect(await page.locator('[data-testid=recs-by-criterion] tbody th').allTextContents()).toEqual(['Стереотипы и семейные роли']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '61-recommendations-page');
    await page.locator('[data-testid=lang-select]').selectOption('ky');
    await expect.poll(() => page.locator('[data-testid=recs-by-committee] caption').textContent()).toBe('Комитеттер боюнча');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=recs-csv]').click()]);
    const csvPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-csv-')), 'stats.csv');
    await csv.saveAs(csvPath);
    const csvText = fs.readFileSync(csvPath, 'utf8');
    expect(csvText.startsWith('\uFEFFБөлүнүшү,Мааниси,Сунуштамалар')).toBe(true);
    expect(csvText).toContain('Бардыгы,,2,1,1,0,0,0');
    await page.locator('[data-testid=lang-select]').selectOption('en');
    await expect.poll(() => page.locator('#recs-title').textContent()).toBe("The Alliance's recommendations over all reviews");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await expectClean(page);
  });
});
