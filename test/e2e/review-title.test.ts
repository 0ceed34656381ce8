import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { api, login } from '../helpers/app';
import { getReview } from '../../server/reviews/store';
import { DRAFT } from './fixtures';
import { useWorkbench } from './harness';
import { openReview } from './page-actions';

/** Issue 17: the review is titled with the act's title from the import's header, and the secretary may change it. */
describe.skipIf(!chromiumAvailable())('the review title (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('uploaded without a title, the review takes the act\'s title, not the file\'s first line; the secretary renames it, the expert sees the new one', async () => {
    const server = bench.world.server;
    const auth = await login(server, bench.world.secretary.email, bench.world.secretary.password);
    const form = new FormData();
    form.append('file', new Blob([DRAFT], { type: 'text/plain' }), 'draft.txt');
    const res = await api(server, auth, '/api/reviews', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const reviewId = ((await res.json()) as { review: { id: string } }).review.id;
    // The file begins «Проект» / «ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ»; the act's title is the header's.
    expect(getReview(server.tendik.ctx.db, reviewId)!.title).toBe('О поддержке семей');
    await api(server, auth, `/api/reviews/${reviewId}/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: bench.world.aida.id }) });

    const { page: expert } = await signedIn('aida');
    await openReview(expert, server.url, reviewId);
    expect(await expert.locator('[data-testid=review-title]').textContent()).toBe('О поддержке семей');
    expect(await expert.locator('[data-testid=review-title-edit]').count()).toBe(0);

    const { page } = await signedIn('secretary');
    await openReview(page, server.url, reviewId);
    await page.locator('[data-testid=review-title-edit]').click();
    const input = page.locator('[data-testid=review-title-input]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('review-title-input');
    expect(await input.inputValue()).toBe('О поддержке семей');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Escape leaves it as it was; an empty title is refused.
    await input.fill('Другое');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid=review-title]').textContent()).toBe('О поддержке семей');
    await page.locator('[data-testid=review-title-edit]').click();
    await input.fill('   ');
    await page.locator('[data-testid=review-title-save]').click();
    await expect.poll(() => page.locator('[data-testid=review-title-form] [role=status]').textContent()).toBe('Название не может быть пустым.');
    await input.fill('Проект Закона «О поддержке семей» (второе чтение)');
    await page.locator('[data-testid=review-title-save]').click();
    await expect.poll(() => page.locator('[data-testid=review-title]').textContent()).toBe('Проект Закона «О поддержке семей» (второе чтение)');
    expect(getReview(server.tendik.ctx.db, reviewId)!.title).toBe('Проект Закона «О поддержке семей» (второе чтение)');
    await screenshot(page, '48-review-title-renamed');
    await page.locator('[data-testid=lang-select]').selectOption('en');
    await expect.poll(() => page.locator('[data-testid=review-title-edit]').textContent()).toBe('Rename');
    await page.locator('[data-testid=lang-select]').selectOption('ky');
    await expect.poll(() => page.locator('[data-testid=review-title-edit]').textContent()).toBe('Аталышын өзгөртүү');
    await page.locator('[data-testid=lang-select]').selectOption('ru');

    // The expert sees the new title on her list; the server refuses her a rename.
    await expert.goto(`${server.url}/#/`);
    await expect.poll(() => expert.locator(`a[href="#/reviews/${reviewId}"]`).textContent()).toBe('Проект Закона «О поддержке семей» (второе чтение)');
    const aidaAuth = await login(server, bench.world.aida.email, bench.world.aida.password);
    const refused = (await api(server, aidaAuth, `/api/reviews/${reviewId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Моё' }) })).status;
    expect(refused).toBe(403);
    expect(getReview(server.tendik.ctx.db, reviewId)!.title).toBe('Проект Закона «О поддержке семей» (второе чтение)');
    for (const p of [page, expert]) await expectClean(p);
  });
});
