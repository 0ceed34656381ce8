import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { useWorkbench } from './harness';
import { openReview } from './page-actions';

/**
 * Issue 20, the other way to a base act: the secretary imports it from the «Өзгөртүлүүчү акт» tab's own form
 * (a file, its title, edition date and source), in the Kyrgyz interface, and it is attached at once and
 * applied. A file that is no law is refused in her language and nothing is attached. Our own Kyrgyz base act
 * and amendment law (test/amend/fixtures), so it runs without ../shared/corpus.
 */
const FIXTURES = path.join(__dirname, '..', 'amend', 'fixtures');
const AMENDMENT = fs.readFileSync(path.join(FIXTURES, 'amend-ky.txt'), 'utf8');

describe.skipIf(!chromiumAvailable())('importing a base act from the amended-act tab (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('the secretary imports the act in the tab (ky): attached and applied; a file that is no act is refused in Kyrgyz', async () => {
    const reviewId = await bench.world.createReview('Үй-бүлөлөрдү колдоо жөнүндө мыйзамга өзгөртүүлөр', AMENDMENT);
    const { page } = await signedIn('secretary');
    await openReview(page, bench.world.server.url, reviewId);
    await page.locator('[data-testid=lang-select]').selectOption('ky');
    await page.locator('[data-testid=tab-amend]').click();
    const panel = page.locator('[data-testid=amend-panel]');
    const form = panel.locator('form.amend-import');
    await form.waitFor();
    // The title field is pre-filled with the act the law names.
    await expect.poll(() => form.getByLabel('Актынын аталышы').inputValue(), { timeout: 10_000 }).toContain('Үй-бүлөлөрдү колдоо жөнүндө');
    expect(await panel.locator('[data-testid=attached-act]').count()).toBe(0);

    // A file that is no law: refused, in Kyrgyz, nothing attached.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-e2e-base-act-'));
    const junk = path.join(dir, 'note.txt');
    fs.writeFileSync(junk, 'Бул жерде мыйзам жок, жөн гана эскертме.');
    await form.getByLabel('Актынын тексти бар файл').setInputFiles(junk);
    await form.locator('button[type=submit]').click();
    const refusal = panel.locator('[role=alert]').first();
    await refusal.waitFor({ timeout: 10_000 });
    expect(await refusal.textContent()).toMatch(/[өүң]/);
    expect(await panel.locator('[data-testid=attached-act]').count()).toBe(0);

    await form.getByLabel('Актынын тексти бар файл').setInputFiles(path.join(FIXTURES, 'base-ky.txt'));
    await form.getByLabel('Редакциянын датасы').fill('2025-03-01');
    await form.getByLabel('Булагы').fill('cbd.minjust.gov.kg');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => panel.locator('[data-testid=attached-act]').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.locator('[data-testid=attached-act]').textContent()).toContain('Үй-бүлөлөрдү колдоо жөнүндө');
    // Applied: 2-берененин 3-бөлүгү as it will read (test/amend/expectations.ts, OWN_KY).
    const part3 = panel.locator('[data-testid=amend-instruction][data-instruction="a1.p3"]');
    await expect.poll(() => part3.locator('[data-testid=amend-after]').textContent(), { timeout: 10_000 }).toContain('Ата-энелер балдарды тарбиялоо боюнча бирдей укуктарга жана милдеттерге ээ.');
    await screenshot(page, '61-amend-import-form-ky');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The library now offers it to other reviews, with its edition date.
    const library = await page.evaluate(async () => (await (await fetch('/api/base-acts')).json()) as { acts: Array<{ title: string; editionDate: string | null; source: string | null }> });
    expect(library.acts).toEqual(expect.arrayContaining([expect.objectContaining({ editionDate: '2025-03-01', source: 'cbd.minjust.gov.kg' })]));
    await page.locator('[data-testid=lang-select]').selectOption('ru');
    await expectClean(page);
  });
});
