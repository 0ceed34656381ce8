import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { docxDocumentXml, docxText } from './docx';
import { DRAFT_TITLE } from './fixtures';
import { useWorkbench } from './harness';
import { addFinding, findingCard, openReview, waitSynced } from './page-actions';

/** The secretary's end of a review in the browser: final decisions, the conclusion, the DOCX download. */
describe.skipIf(!chromiumAvailable())('conclusion export (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('the secretary confirms, fills the conclusion and exports a valid DOCX', async () => {
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
    await expect.poll(() => page.frameLocator('[data-testid=conclusion-preview]').locator('body').textContent(), { timeout: 10_000 }).toContain('Комитет по социальной политике');
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
    expect(text).toContain('Комитет по социальной политике');
    expect(text).toContain('Пособие только женщинам');
    expect(text).toContain('Б. Бекова');
    await expectClean(page);
  });
});
