import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { useWorkbench } from '../e2e/harness';
import { addFinding, findingCard, openReview, waitSynced } from '../e2e/page-actions';
import { expectWellFormedPackage } from './expect-docx';
import { expectAllOpenInLibreOffice } from './libreoffice-batch';
import { paragraphTexts } from './fixtures';

/**
 * The conclusion form in the browser (client/review/conclusion-lists.ts): the analysis by criteria
 * pre-filled from the confirmed finding and editable, the list fields, the two other downloads.
 */
describe.skipIf(!chromiumAvailable())('conclusion form (browser, chromium)', () => {
  const bench = useWorkbench();

  test('pre-fills the analysis, keeps the secretary’s own text and lists, and downloads the table and the working copy', async () => {
    const reviewId = await bench.world.createReview('Форма заключения');
    const { page } = await bench.signedIn('secretary');
    await openReview(page, bench.world.server.url, reviewId);
    // The secretary runs the checklist again from its panel: the server's count is shown.
    await page.locator('[data-testid=tab-checklist]').click();
    await page.locator('[data-testid=rerun-checklist]').click();
    await expect.poll(() => page.locator('[data-testid=rerun-status]').textContent(), { timeout: 15_000 }).toMatch(/Проверка выполнена: найдено [1-9]\d*, новых или изменённых 0, снято 0 /);
    await page.locator('[data-testid=tab-findings]').click();
    await addFinding(page, 'назначается женщинам', 'Пособие только женщинам', 'назначается одному из родителей');
    const card = findingCard(page, 'Пособие только женщинам');
    await card.locator('[data-testid=confirm]').click();
    await expect.poll(() => card.locator('[data-testid=confirm]').getAttribute('aria-pressed')).toBe('true');
    await waitSynced(page);

    await page.locator('[data-testid=tab-conclusion]').click();
    // What the export still needs is said in the interface's language, whatever the export's language.
    const missing = page.locator('.conclusion-missing');
    await expect.poll(() => missing.textContent(), { timeout: 15_000 }).toContain('Для экспорта заполните:');
    expect(await missing.textContent()).toContain('исходящий номер');
    await page.locator('[data-testid=lang-select]').selectOption('en');
    await expect.poll(() => missing.textContent()).toContain('To export, fill in:');
    expect(await missing.textContent()).toContain('outgoing number');
    expect(await page.locator('#export-lang').inputValue()).toBe('ru');
    await page.locator('[data-testid=lang-select]').selectOption('ru');
    const areas = page.locator('[data-testid=conclusion-analysis] textarea[data-criterion]');
    await expect.poll(() => areas.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(17);
    // The confirmed finding's criterion is pre-filled from it.
    await expect
      .poll(async () => (await areas.evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).some((v) => v.includes('Выявлены нормы, требующие изменения (приложение 1)')), { timeout: 15_000 })
      .toBe(true);
    expect(await page.locator('label[for="conclusion-analysis-C2"]').textContent()).toContain('составлено автоматически');

    const fill = async (selector: string, value: string) => {
      await page.locator(selector).fill(value);
      await page.locator(selector).blur();
    };
    await fill('#conclusion-experts', 'Айгуль Токтосунова, АЖЗИ\nБермет Исаева');
    await fill('#conclusion-annexes', 'Справка по гендерной статистике');
    await fill('#conclusion-other-signatories', 'Руководитель секретариата — Ж. Осмонова');
    await fill('[data-testid=conclusion-analysis] textarea[data-criterion="C2"]', 'Собственная редакция секретаря по критерию C2.');
    await waitSynced(page);

    const preview = page.frameLocator('[data-testid=conclusion-preview]').locator('body');
    for (const text of ['Айгуль Токтосунова, АЖЗИ', 'Бермет Исаева', 'Справка по гендерной статистике', 'Ж. Осмонова', 'Собственная редакция секретаря по критерию C2.'])
      await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain(text);
    // Her own text is no longer marked as composed, and the list fields read back as she typed them.
    await expect.poll(() => page.locator('label[for="conclusion-analysis-C2"]').textContent()).not.toContain('составлено автоматически');
    expect(await page.locator('#conclusion-experts').inputValue()).toBe('Айгуль Токтосунова, АЖЗИ\nБермет Исаева');

    const download = async (testId: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid=${testId}]`).click()]);
      return new Uint8Array(fs.readFileSync((await file.path())!));
    };
    const table = await download('export-table');
    const copy = await download('export-workingCopy');
    const tableText = paragraphTexts(expectWellFormedPackage(table)['word/document.xml']!).join('\n');
    expect(tableText).toContain('Сравнительная таблица к проекту Закона Кыргызской Республики');
    expect(tableText).toContain('назначается одному из родителей');
    const copyParts = expectWellFormedPackage(copy);
    expect(copyParts['word/comments.xml']).toContain('Пособие только женщинам');
    await expectAllOpenInLibreOffice([
      { name: 'browser-table', docx: table, phrases: ['Сравнительная таблица к проекту Закона', 'Статья 1, часть 1'] },
      { name: 'browser-working-copy', docx: copy, phrases: ['Рабочий экземпляр проекта', 'женщинам', 'одному из родителей'] },
    ]);
    await bench.expectClean(page);
  }, 180_000);
});
