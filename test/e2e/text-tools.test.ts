import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { useWorkbench } from './harness';
import { draftText, openReview, selectInEditor, waitSynced } from './page-actions';

/** A draft with the same word in several articles (expectations below are counted from this text). */
const DRAFT = [
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  'О местных комиссиях',
  'Глава 1. Общие положения',
  'Статья 1. Цели',
  'Закон определяет порядок работы районной комиссии.',
  'Статья 2. Состав',
  '1. Комиссия состоит из пяти членов.',
  '2. Председатель КОМИССИИ избирается членами.',
  'Глава 2. Порядок работы',
  'Статья 3. Заседания',
  'Заседания проводятся ежемесячно.',
  'Статья 4. Решения',
  'Решения принимаются большинством голосов.',
].join('\n\n');

/** The label of the article (its data-number) where the editor's caret is. */
function caretArticle(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const node = window.getSelection()?.anchorNode;
    const el = node instanceof Element ? node : node?.parentElement;
    return el?.closest('[data-kind=article]')?.getAttribute('data-number') ?? null;
  });
}

describe.skipIf(!chromiumAvailable())('the draft: search, go to article, shortcuts (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('Ctrl+F finds words in the text and the outline, next/previous, Escape back to the text; a correction is found live; go to article; ? shows the shortcuts', async () => {
    const reviewId = await bench.world.createReview('Поиск', DRAFT);
    const { page } = await signedIn('aida');
    await openReview(page, bench.world.server.url, reviewId);
    const count = page.locator('[data-testid=text-search-count]');
    const hits = page.locator('.draft-editor .search-hit');

    await page.locator('[data-testid=draft-editor]').focus();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('text-search');
    // Case and ё do not matter; «комисси» is in articles 1 and 2 (twice there), and in the title.
    await page.keyboard.type('комисси');
    await expect.poll(() => count.textContent()).toBe('1 из 4');
    expect(await hits.allTextContents()).toEqual(['комисси', 'комисси', 'Комисси', 'КОМИССИ']);
    expect(await page.locator('.draft-editor .search-hit--current').textContent()).toBe('комисси');
    // The outline marks the articles with their counts (the title is the header, before any entry).
    const marked = () => page.locator('.outline__link--hit').evaluateAll((els) => els.map((e) => e.textContent));
    await expect.poll(marked).toEqual([expect.stringMatching(/Статья 1\..* 1/), expect.stringMatching(/Статья 2\..* 2/)]);
    await page.keyboard.press('Enter');
    await expect.poll(() => count.textContent()).toBe('2 из 4');
    await page.keyboard.press('Enter');
    await expect.poll(() => count.textContent()).toBe('3 из 4');
    await expect.poll(() => page.locator('.outline__link--current-hit').textContent()).toMatch(/Статья 2/);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe('2 из 4');
    await page.locator('[data-testid=text-search-next]').click();
    await page.keyboard.press('F3');
    await expect.poll(() => count.textContent()).toBe('4 из 4');
    await page.keyboard.press('F3');
    await expect.poll(() => count.textContent()).toBe('1 из 4');
    await screenshot(page, '41-search-in-draft');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A correction by the secretary, in another browser, is found at once.
    const { page: secretary } = await signedIn('secretary');
    await openReview(secretary, bench.world.server.url, reviewId);
    await secretary.locator('[data-testid=text-correct-toggle]').click();
    await selectInEditor(secretary, 'Заседания проводятся');
    await secretary.keyboard.type('Заседания комиссии проводятся');
    await waitSynced(secretary);
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toBe('1 из 5');
    await expect.poll(marked).toEqual([expect.stringMatching(/Статья 1\./), expect.stringMatching(/Статья 2\./), expect.stringMatching(/Статья 3\..* 1/)]);

    // Not found says so; Escape ends the search in the text, on the current hit.
    await page.locator('[data-testid=text-search]').fill('гендер');
    await expect.poll(() => count.textContent()).toBe('Не найдено');
    expect(await page.locator('.outline__link--hit').count()).toBe(0);
    await page.locator('[data-testid=text-search]').fill('членами');
    await expect.poll(() => count.textContent()).toBe('1 из 1');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('draft-editor');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('членами');
    expect(await hits.count()).toBe(0);

    // Go to article N: Ctrl+Alt+G, the number, Enter — the caret is in that article; a missing one is said.
    await page.keyboard.press('Control+Alt+g');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('goto-article');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expect.poll(() => caretArticle(page)).toBe('4');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('draft-editor');
    await page.locator('[data-testid=goto-article]').fill('99');
    await page.locator('[data-testid=goto-article]').press('Enter');
    await expect.poll(() => page.locator('[data-testid=goto-article-note]').textContent()).toBe('Статьи 99 в тексте нет.');
    await page.locator('[data-testid=goto-article]').fill('ст. 2');
    await page.locator('[data-testid=goto-article]').press('Enter');
    await expect.poll(() => caretArticle(page)).toBe('2');

    // `?` in the text (hers is read-only) opens the sheet of shortcuts; in a field it is a question mark.
    await page.keyboard.press('?');
    const help = page.locator('[data-testid=shortcut-help]');
    await help.waitFor();
    expect(await help.textContent()).toContain('Ctrl+Alt+M');
    expect(await help.textContent()).toContain('Перейти к статье по номеру');
    await screenshot(page, '42-shortcut-help');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('draft-editor');
    await page.locator('[data-testid=text-search]').focus();
    await page.keyboard.press('?');
    expect(await page.locator('[data-testid=text-search]').inputValue()).toBe('?');
    expect(await help.count()).toBe(0);
    expect(await draftText(page)).toContain('Заседания комиссии проводятся');

    // Every word in ky and en.
    for (const [lang, title, missing] of [
      ['ky', 'Ыкчам баскычтар', 'Текстте 99-берене жок.'],
      ['en', 'Keyboard shortcuts', 'There is no article 99 in the text.'],
    ] as const) {
      await page.locator('[data-testid=lang-select]').selectOption(lang);
      await expect.poll(() => page.locator('[data-testid=shortcut-help-button]').textContent()).toBe(title);
      await page.locator('[data-testid=goto-article]').fill('99');
      await page.locator('[data-testid=goto-article]').press('Enter');
      await expect.poll(() => page.locator('[data-testid=goto-article-note]').textContent()).toBe(missing);
      await page.locator('[data-testid=shortcut-help-button]').click();
      await expect.poll(() => help.locator('h2').textContent()).toBe(title);
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });
    }
    await page.locator('[data-testid=lang-select]').selectOption('ru');
    await expectClean(page);
  });
});
