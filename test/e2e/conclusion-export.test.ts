import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { docxDocumentXml, docxText } from './docx';
import { DRAFT_TITLE } from './fixtures';
import { useWorkbench } from './harness';
import { addFinding, confirmInDialog, findingCard, openReview, waitSynced } from './page-actions';
import { reviewMembers } from '../../server/reviews/store';

/** The secretary's end of a review in the browser: final decisions, the conclusion, the DOCX download. */
describe.skipIf(!chromiumAvailable())('conclusion export (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('the secretary confirms, fills the conclusion, exports a valid DOCX, manages members and issues it to the committee, whose reader reads and downloads it', async () => {
    const reviewId = await bench.world.createReview('Заключение');
    const { page: expert } = await signedIn('bakyt');
    await openReview(expert, bench.world.server.url, reviewId);
    await addFinding(expert, 'назначается женщинам', 'Пособие только женщинам');
    await waitSynced(expert);

    const { page } = await signedIn('secretary');
    await openReview(page, bench.world.server.url, reviewId);
    const card = findingCard(page, 'Пособие только женщинам');
    await card.locator('[data-testid=confirm]').click();
    await expect.poll(() => card.locator('[data-testid=confirm]').getAttribute('aria-pressed')).toBe('true');

    await page.locator('[data-testid=tab-conclusion]').click();
    const fill = async (id: string, value: string) => {
      await page.locator(`#${id}`).fill(value);
      await page.locator(`#${id}`).blur();
    };
    await fill('conclusion-committee', 'Комитет по социальной политике');
    await fill('conclusion-chair', 'А. Асанова');
    await fill('conclusion-outgoingNumber', '12/34');
    await fill('conclusion-recommendations', 'Заменить «женщинам» на «одному из родителей».');
    await page.locator('#conclusion-verdict').selectOption('complies_with_recommendations');
    await fill('conclusion-signatory-name', 'Б. Бекова');
    await fill('conclusion-signatory-position', 'Координатор');
    await waitSynced(page);
    // The committee's name as the addressee prints it: the word «Комитет» may be declined («Комитету»).
    await expect.poll(() => page.frameLocator('[data-testid=conclusion-preview]').locator('body').textContent(), { timeout: 10_000 }).toContain('по социальной политике');
    await screenshot(page, '11-conclusion');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The outgoing date is still empty: the server refuses, and the refusal is shown, readable, in Russian.
    await page.locator('[data-testid=export-docx]').click();
    const refusal = page.locator('[data-testid=export-status] [role=alert]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/дата/i);
    await fill('conclusion-outgoingDate', '2026-11-20');
    await waitSynced(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-docx]').click()]);
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-docx-')), 'conclusion.docx');
    await download.saveAs(saved);
    const text = docxText(docxDocumentXml(fs.readFileSync(saved)));
    expect(text).toContain(DRAFT_TITLE);
    expect(text).toContain('по социальной политике');
    expect(text).toContain('Пособие только женщинам');
    expect(text).toContain('Б. Бекова');

    // Members: she takes an expert off the review and puts him back; the server holds what she sees.
    const members = () => reviewMembers(bench.world.server.tendik.ctx.db, reviewId).sort();
    await page.locator('[data-testid=tab-members]').click();
    const rows = page.locator('[data-testid=members-panel] [data-testid=member]');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: 'Исключить Бакыт из экспертизы' }).click();
    await confirmInDialog(page);
    await expect.poll(() => rows.count()).toBe(1);
    expect(members()).toEqual([bench.world.aida.id]);
    await page.locator('[data-testid=member-add]').selectOption(bench.world.bakyt.id);
    await page.locator('[data-testid=member-add-button]').click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(members()).toEqual([bench.world.aida.id, bench.world.bakyt.id].sort());

    // Issued to the committee `social` (chosen from the registry), the conclusion is what its staff read — and all they get.
    await page.locator('[data-testid=tab-conclusion]').click();
    await page.locator('[data-testid=issue-committee]').selectOption('social');
    await page.locator('[data-testid=issue-button]').click();
    // She is asked first, told who will see what.
    const issueSaid = await confirmInDialog(page);
    expect(issueSaid).toContain('«Комитет по социальной политике» смогут читать и скачивать заключение');
    expect(issueSaid).toContain('заморожена');
    await expect.poll(() => page.locator('[data-testid=issue-status]').textContent()).toContain('«Комитет по социальной политике»');
    await expect.poll(() => page.locator('[data-testid=reopen-button]').count()).toBe(1);

    const { page: reader } = await signedIn('reader');
    await reader.locator(`a[href="#/reviews/${reviewId}/conclusion"]`).click();
    const body = reader.frameLocator('[data-testid=conclusion-view-frame]').locator('body');
    await expect.poll(() => body.textContent(), { timeout: 10_000 }).toContain('по социальной политике');
    expect(await body.textContent()).toContain('Пособие только женщинам');
    // The document's own stylesheet reaches the sandboxed frame: the comparative table has its borders.
    await expect
      .poll(() => body.locator('table.conclusion-table td').first().evaluate((td) => getComputedStyle(td).borderTopStyle))
      .toBe('solid');
    expect(await reader.locator('.draft-editor, [data-testid=tab-findings]').count()).toBe(0);
    await reader.locator('[data-testid=conclusion-view-lang]').selectOption('en');
    await expect.poll(() => body.textContent()).toContain('Conclusion on the results of the gender expertise');
    const [readerDownload] = await Promise.all([reader.waitForEvent('download'), reader.locator('[data-testid=conclusion-view-docx]').click()]);
    const readerFile = path.join(path.dirname(saved), 'reader.docx');
    await readerDownload.saveAs(readerFile);
    expect(docxText(docxDocumentXml(fs.readFileSync(readerFile)))).toContain('Conclusion on the results of the gender expertise');
    await screenshot(reader, '12-committee-reader');
    expect(await seriousAxeViolations(reader)).toEqual([]);

    // Returned to review, it is gone for the committee again.
    await page.locator('[data-testid=reopen-button]').click();
    expect(await confirmInDialog(page)).toContain('«Комитет по социальной политике» сразу перестанут видеть заключение');
    await expect.poll(() => page.locator('[data-testid=issue-status]').textContent()).toContain('ещё не выдано');
    await reader.locator('[data-testid=conclusion-view-lang]').selectOption('ru');
    await expect.poll(() => reader.locator('[data-testid=conclusion-view-status]').textContent()).toMatch(/не найден/);

    // Archived, the review leaves the secretary's list unless she asks for the archive.
    await page.locator('[data-testid=archive-button]').click();
    await confirmInDialog(page);
    await expect.poll(() => page.locator('[data-testid=issue-status]').textContent()).toContain('в архиве');
    await page.goto(`${bench.world.server.url}/#/`);
    const link = page.locator(`a[href="#/reviews/${reviewId}"]`);
    await page.locator('[data-testid=show-archived]').waitFor();
    expect(await link.count()).toBe(0);
    await page.locator('[data-testid=show-archived]').check();
    await expect.poll(() => link.count()).toBe(1);
    expect(await page.locator('[data-testid=review-table]').textContent()).toContain('В архиве');
    await expectClean(page);
    await expectClean(reader);
  }, 120_000);
});
