import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { getReview, reviewMembers } from '../../server/reviews/store';
import { useWorkbench } from './harness';
import { confirmInDialog, openReview } from './page-actions';

/**
 * Issue 17: the secretary's actions that others feel ask first, saying what will happen. Cancelled,
 * nothing changes on the server; confirmed, it happens. Issuing and returning are asked in
 * conclusion-export.test.ts (they need a complete conclusion).
 */
describe.skipIf(!chromiumAvailable())('the secretary confirms what others will feel (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('taking an expert off and archiving ask first, in ru/ky/en; cancel changes nothing; the expert loses the review only once confirmed', async () => {
    const reviewId = await bench.world.createReview('Подтверждения');
    const db = bench.world.server.tendik.ctx.db;
    const { page: expert } = await signedIn('bakyt');
    await openReview(expert, bench.world.server.url, reviewId);
    const { page } = await signedIn('secretary');
    await openReview(page, bench.world.server.url, reviewId);

    await page.locator('[data-testid=tab-members]').click();
    const rows = page.locator('[data-testid=members-panel] [data-testid=member]');
    await expect.poll(() => rows.count()).toBe(2);
    const remove = page.getByRole('button', { name: 'Исключить Бакыт из экспертизы' });
    await remove.click();
    const dialog = page.locator('[data-testid=confirm-dialog]');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('Исключить Бакыт из экспертизы?');
    expect(await dialog.textContent()).toContain('Бакыт сразу потеряет доступ к экспертизе');
    expect(await dialog.textContent()).toContain('останутся в экспертизе');
    // The safe answer has the focus: Enter out of habit removes nobody.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-cancel');
    await screenshot(page, '40-confirm-remove-member');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The dialog's words follow the interface language.
    await page.locator('[data-testid=confirm-cancel]').click();
    await dialog.waitFor({ state: 'detached' });
    expect(reviewMembers(db, reviewId).sort()).toEqual([bench.world.aida.id, bench.world.bakyt.id].sort());
    for (const [lang, title] of [
      ['ky', 'Бакыт экспертизадан чыгарылсынбы?'],
      ['en', 'Remove Бакыт from the review?'],
    ] as const) {
      await page.locator('[data-testid=lang-select]').selectOption(lang);
      await page.locator('[data-testid=member-remove]').last().click();
      await dialog.waitFor();
      expect(await dialog.locator('h2').textContent()).toBe(title);
      // Escape cancels too.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    await page.locator('[data-testid=lang-select]').selectOption('ru');
    expect(reviewMembers(db, reviewId)).toContain(bench.world.bakyt.id);
    // Still a member: his open page still works.
    expect(await expert.locator('[data-testid=collab-alerts]').textContent()).toBe('');

    await remove.click();
    await confirmInDialog(page);
    await expect.poll(() => rows.count()).toBe(1);
    expect(reviewMembers(db, reviewId)).toEqual([bench.world.aida.id]);
    // The expert's open page is told at once that the review is no longer his.
    await expect.poll(() => expert.locator('[data-testid=collab-alerts]').textContent(), { timeout: 10_000 }).toMatch(/[а-яА-Я]{4}/);

    // Archiving asks too; cancelled, the review stays in review.
    await page.locator('[data-testid=tab-conclusion]').click();
    await page.locator('[data-testid=archive-button]').click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('пропадёт из списка экспертиз у всех участников');
    expect(await dialog.textContent()).not.toContain('комитета');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('[data-testid=confirm-cancel]').click();
    await dialog.waitFor({ state: 'detached' });
    expect(getReview(db, reviewId)!.status).toBe('in_review');
    await page.locator('[data-testid=archive-button]').click();
    await confirmInDialog(page);
    await expect.poll(() => getReview(db, reviewId)!.status).toBe('archived');
    // Back from the archive: asked, told it returns to the list.
    await page.locator('[data-testid=reopen-button]').click();
    expect(await confirmInDialog(page)).toContain('вернётся из архива');
    await expect.poll(() => getReview(db, reviewId)!.status).toBe('in_review');
    await expectClean(page);
  });
});
