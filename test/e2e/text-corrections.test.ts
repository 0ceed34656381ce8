import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { useWorkbench } from './harness';
import { draftText, openReview, selectInEditor, waitSynced } from './page-actions';

const LIVE = 10_000;

function caretArticle(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const node = window.getSelection()?.anchorNode;
    const el = node instanceof Element ? node : node?.parentElement;
    return el?.closest('[data-kind=article]')?.getAttribute('data-number') ?? null;
  });
}

/**
 * Issue 17: correcting the law is a mode the secretary switches on, never an accident; what she
 * corrects the experts see, marked in the text and listed with who and when.
 */
describe.skipIf(!chromiumAvailable())('correcting the text (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('off by default, typing changes nothing; on, her correction reaches the expert marked in the text and listed with who, when and what it was; changed back, it is no correction', async () => {
    const reviewId = await bench.world.createReview('Правка в режиме');
    const { page: secretary } = await signedIn('secretary');
    const { page: expert } = await signedIn('aida');
    await openReview(secretary, bench.world.server.url, reviewId);
    await openReview(expert, bench.world.server.url, reviewId);
    const editor = secretary.locator('[data-testid=draft-editor]');
    const toggle = secretary.locator('[data-testid=text-correct-toggle]');

    // Off when the review opens: her typing changes nothing, and she is told why.
    expect(await editor.getAttribute('aria-readonly')).toBe('true');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await toggle.textContent()).toBe('Править текст');
    expect(await expert.locator('[data-testid=text-correct-toggle]').count()).toBe(0);
    await selectInEditor(secretary, 'пяти');
    await secretary.keyboard.type('семи');
    await expect.poll(() => secretary.locator('[data-testid=corrections-note]').textContent()).toBe('Текст не меняется: сначала включите «Править текст».');
    expect(await draftText(secretary)).toContain('состоит из пяти членов');
    expect(await secretary.locator('[data-testid=corrections]').isVisible()).toBe(false);

    // On: the pane says so, and her correction goes to everyone.
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await editor.getAttribute('aria-readonly')).toBe('false');
    expect(await secretary.locator('.editor-pane--correcting').count()).toBe(1);
    await selectInEditor(secretary, 'пяти');
    await secretary.keyboard.type('семи');
    await expect.poll(() => draftText(expert), { timeout: LIVE }).toContain('состоит из семи членов');
    await screenshot(secretary, '43-correcting-the-text');
    expect(await seriousAxeViolations(secretary)).toEqual([]);

    // The expert sees it marked in the text and listed: where, who, when, what it read before.
    const list = expert.locator('[data-testid=corrections]');
    await expect.poll(() => list.isVisible(), { timeout: LIVE }).toBe(true);
    expect(await expert.locator('[data-testid=corrections-summary]').textContent()).toBe('Исправления секретаря в тексте: 1');
    await expert.locator('[data-testid=corrections-summary]').click();
    const item = expert.locator('[data-testid=correction]');
    expect(await item.count()).toBe(1);
    const said = (await item.textContent()) ?? '';
    expect(said).toMatch(/^Статья 2, абзац 1 /);
    expect(said).toContain('Секретарь <img');
    expect(said).toMatch(/\d{4}/);
    expect(said).toContain('Было: Районная комиссия состоит из пяти членов.');
    expect(said).toContain('Стало: Районная комиссия состоит из семи членов.');
    const marked = expert.locator('.draft-editor [data-corrected=true]');
    expect(await marked.count()).toBe(1);
    expect(await marked.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.remote-cursor').forEach((c) => c.remove());
      return copy.textContent;
    })).toBe('Районная комиссия состоит из семи членов.');
    expect(await marked.getAttribute('title')).toMatch(/^Исправлено: Секретарь <img.*\d/);
    await item.locator('button').click();
    await expect.poll(() => caretArticle(expert)).toBe('2');
    await screenshot(expert, '44-corrections-seen-by-expert');
    expect(await seriousAxeViolations(expert)).toEqual([]);

    // A second correction elsewhere is listed in the text's order.
    await selectInEditor(secretary, 'назначается');
    await secretary.keyboard.type('выплачивается');
    await expect.poll(() => item.count(), { timeout: LIVE }).toBe(2);
    expect(await item.first().textContent()).toContain('выплачивается');

    // Off again: her typing changes nothing.
    await toggle.click();
    expect(await editor.getAttribute('aria-readonly')).toBe('true');
    await selectInEditor(secretary, 'Цели');
    await secretary.keyboard.type('Задачи');
    expect(await draftText(secretary)).toContain('Статья 1. Цели');

    // What the expert is shown survives her reload; words and dates in ky and en.
    await expert.reload();
    await expert.locator('.draft-editor p.clause-text').first().waitFor();
    await waitSynced(expert);
    await expect.poll(() => expert.locator('[data-testid=corrections-summary]').textContent(), { timeout: LIVE }).toBe('Исправления секретаря в тексте: 2');
    await expert.locator('[data-testid=lang-select]').selectOption('ky');
    await expect.poll(() => expert.locator('[data-testid=corrections-summary]').textContent()).toBe('Катчынын тексттеги оңдоолору: 2');
    await expert.locator('[data-testid=corrections-summary]').click();
    expect(await item.last().textContent()).toContain('Мурун: Районная комиссия');
    await expert.locator('[data-testid=lang-select]').selectOption('en');
    await expect.poll(() => expert.locator('[data-testid=corrections-summary]').textContent()).toBe('The secretary’s corrections of the text: 2');
    expect(await item.last().textContent()).toContain('Was: Районная комиссия состоит из пяти членов.');
    await expert.locator('[data-testid=lang-select]').selectOption('ru');
    await secretary.locator('[data-testid=lang-select]').selectOption('en');
    await expect.poll(() => toggle.textContent()).toBe('Correct the text');
    await secretary.locator('[data-testid=lang-select]').selectOption('ru');

    // Changed back to what it read, a clause is no longer a correction.
    await toggle.click();
    await selectInEditor(secretary, 'семи');
    await secretary.keyboard.type('пяти');
    await expect.poll(() => item.count(), { timeout: LIVE }).toBe(1);
    expect(await expert.locator('.draft-editor [data-corrected=true]').count()).toBe(1);
    await toggle.click();
    for (const page of [secretary, expert]) await expectClean(page);
  });
});
