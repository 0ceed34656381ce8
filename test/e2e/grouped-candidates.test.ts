import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { useWorkbench } from './harness';
import { dialogSubmit, openReview } from './page-actions';

/**
 * Issue 15 in the findings list, in Chromium with two experts in their own contexts: the same rule
 * fires on the same words («главе семьи») in three clauses; one expert dismisses one with a reason and
 * the other two leave the list (and the count), grouped under the dismissed card, which says how many
 * and lists them in a disclosure; their words in the text are muted; the second expert opens one's
 * card from the group and confirms it, and it is listed on its own again for both; a click on grouped
 * words in the text opens that candidate's card; the secretary's «awaiting» leaves grouped ones out and
 * her decision on one takes it out of the group. ru and ky; axe clean.
 */
const LIVE = 10_000;

const TEXT = [
  'Проект',
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  'О пастбищах',
  'Статья 1. Пастбищный билет',
  '1. Пастбищный билет предоставляется главе семьи.',
  '2. Срок билета составляет один год.',
  'Статья 2. Субсидия на корма',
  '1. Субсидия на корма выплачивается главе семьи.',
  'Статья 3. Сенокос',
  '1. Участок под сенокос предоставляется главе семьи.',
  'Статья 4. Вступление в силу',
  'Настоящий Закон вступает в силу со дня официального опубликования.',
].join('\n\n');

/** The engine's cards listed on their own whose words are «главе семьи». */
const candidates = (page: Page): Locator =>
  page.locator('[data-testid=findings-list] > li[data-origin=engine]').filter({ has: page.locator('.finding__quote', { hasText: 'главе семьи' }) });
/** The candidate drawn over «главе семьи» in the clause with these words (the card does not quote the clause). */
const idIn = (page: Page, clauseWords: string): Promise<string | null> =>
  page.evaluate(
    (words) => [...document.querySelectorAll('.draft-editor p.clause-text')].find((p) => p.textContent!.includes(words))?.querySelector('mark[data-finding]')?.getAttribute('data-finding') ?? null,
    clauseWords,
  );
/** «Показано: 7 · …» → 7. */
const shownCount = async (page: Page): Promise<number> => Number(/\d+/.exec((await page.locator('.findings-summary').textContent()) ?? '')?.[0] ?? NaN);

describe.skipIf(!chromiumAvailable())('identical engine candidates grouped after a dismissal (issue 15, e2e)', () => {
  const bench = useWorkbench();

  test('dismissed once: the others are grouped under it, listed in its disclosure, muted in the text; one confirmed is listed again', async () => {
    const reviewId = await bench.world.createReview('О пастбищах', TEXT);
    const { page: aida } = await bench.signedIn('aida');
    const { page: bakyt } = await bench.signedIn('bakyt');
    await openReview(aida, bench.world.server.url, reviewId);
    await openReview(bakyt, bench.world.server.url, reviewId);

    // Three candidates of the same rule on the same words, each listed.
    await expect.poll(() => candidates(aida).count(), { timeout: LIVE }).toBe(3);
    await expect.poll(() => candidates(bakyt).count(), { timeout: LIVE }).toBe(3);
    const shownBefore = await shownCount(bakyt);
    const c3Badge = bakyt.locator('[data-criterion=C3] .badge');
    await expect.poll(() => c3Badge.textContent()).toBe('Замечаний: 3');
    expect(await aida.locator('[data-testid=finding-group]').count()).toBe(0);
    expect(await bakyt.locator('mark.hl--grouped').count()).toBe(0);

    // Aida dismisses the first with her reason.
    const [ticket, subsidy, hay] = [await idIn(aida, 'билет предоставляется'), await idIn(aida, 'корма выплачивается'), await idIn(aida, 'под сенокос')];
    expect(new Set([ticket, subsidy, hay]).size).toBe(3);
    const first = candidates(aida).and(aida.locator(`[data-item="${ticket}"]`));
    await first.locator('[data-testid=dismiss]').click();
    await dialogSubmit(aida, 'dismiss-dialog', 'Глава семьи здесь — адресат билета, не критерий');
    // She hears that two more left the list with it.
    await expect.poll(() => aida.locator('#live-region').textContent()).toBe('Отклонено; сгруппировано с ним таких же кандидатов: 2');

    // The other two leave both experts' lists and counts; the dismissed card says two are grouped.
    for (const page of [aida, bakyt]) {
      await expect.poll(() => candidates(page).count(), { timeout: LIVE }).toBe(1);
      expect(await candidates(page).getAttribute('data-item')).toBe(ticket);
      const toggle = candidates(page).locator('[data-testid=finding-group-toggle]');
      expect(await toggle.textContent()).toBe('Ещё 2 таких же кандидата (те же слова, то же правило) — показать');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await candidates(page).locator('[data-testid=finding-group-list]').isVisible()).toBe(false);
      await expect.poll(() => page.locator('mark.hl--grouped').count(), { timeout: LIVE }).toBe(2);
    }
    expect(await shownCount(bakyt)).toBe(shownBefore - 2);
    // The checklist's count under the criterion agrees with the list.
    await expect.poll(() => c3Badge.textContent()).toBe('Замечаний: 1');
    expect(await bakyt.locator('.findings-summary').textContent()).toContain('сгруппировано с отклонёнными: 2');
    // «Awaiting the secretary» does not count them as open work either.
    await bakyt.locator('[data-testid=filter-show]').selectOption('awaiting');
    await expect.poll(() => candidates(bakyt).count()).toBe(1);
    await bakyt.locator('[data-testid=filter-show]').selectOption('');

    // Bakyt opens the group from the keyboard: where each stands, with a jump to its words.
    const toggle = candidates(bakyt).locator('[data-testid=finding-group-toggle]');
    await toggle.focus();
    await bakyt.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.textContent()).toBe('Ещё 2 таких же кандидата (те же слова, то же правило) — скрыть');
    expect(await bakyt.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('finding-group-toggle');
    const entries = candidates(bakyt).locator('[data-testid=finding-group-list] > li');
    expect(await entries.locator('[data-testid=finding-group-jump]').allTextContents()).toEqual(['Показать в тексте: Статья 2, часть 1', 'Показать в тексте: Статья 3, часть 1']);
    expect(await entries.locator('q').allTextContents()).toEqual(['главе семьи', 'главе семьи']);
    expect(await entries.evaluateAll((list) => list.map((li) => li.getAttribute('data-grouped-item')))).toEqual([subsidy, hay]);
    await entries.nth(1).locator('[data-testid=finding-group-jump]').click();
    await expect.poll(() => bakyt.locator('mark.hl--active').getAttribute('data-finding')).toBe(hay);
    await screenshot(bakyt, 'issue15-grouped-disclosure');
    expect(await seriousAxeViolations(bakyt)).toEqual([]);

    // He opens the second one's own card from the group: listed on its own, focused, saying it is grouped.
    await entries.nth(0).locator('[data-testid=finding-group-open]').click();
    const opened = bakyt.locator(`[data-testid=findings-list] > li[data-item="${subsidy}"]`);
    await opened.waitFor();
    expect(await opened.getAttribute('data-grouped')).toBe('true');
    expect(await opened.locator('[data-testid=grouped-note]').textContent()).toMatch(/^Сгруппирован с отклонённым кандидатом/);
    expect(await bakyt.evaluate(() => document.activeElement?.closest('[data-item]')?.getAttribute('data-item'))).toBe(subsidy);
    expect(await seriousAxeViolations(bakyt)).toEqual([]);

    // He confirms it: out of the group, listed on its own for both, the group now says one.
    await opened.locator('[data-testid=confirm]').click();
    await expect.poll(() => opened.getAttribute('data-grouped')).toBe(null);
    for (const page of [aida, bakyt]) {
      await expect.poll(() => candidates(page).count(), { timeout: LIVE }).toBe(2);
      await expect.poll(() => page.locator('mark.hl--grouped').count(), { timeout: LIVE }).toBe(1);
    }
    await expect.poll(() => candidates(aida).and(aida.locator(`[data-item="${subsidy}"]`)).locator('[data-testid=confirmed-by]').textContent(), { timeout: LIVE }).toContain('Бакыт');
    await expect.poll(() => candidates(aida).locator('[data-testid=finding-group-toggle]').textContent()).toBe('Ещё 1 такой же кандидат (те же слова, то же правило) — показать');
    expect(await shownCount(aida)).toBe(shownBefore - 1);
    await expect.poll(() => c3Badge.textContent()).toBe('Замечаний: 2');

    // In Kyrgyz.
    await aida.locator('[data-testid=lang-select]').selectOption('ky');
    await expect
      .poll(() => candidates(aida).locator('[data-testid=finding-group-toggle]').textContent())
      .toBe('Системанын дагы 1 ушундай эле сунушу (ошол эле сөздөр, ошол эле эреже) — көрсөтүү');
    await candidates(aida).locator('[data-testid=finding-group-toggle]').click();
    expect(await candidates(aida).locator('[data-testid=finding-group-open]').textContent()).toBe('Карточканы ачуу');
    expect(await aida.locator('.findings-summary').textContent()).toContain('четке кагылгандар менен топтоштурулган: 1');
    await screenshot(aida, 'issue15-grouped-ky');
    expect(await seriousAxeViolations(aida)).toEqual([]);

    // The grouped candidate's muted words say so; a click on them opens its own card in the list.
    const muted = aida.locator(`mark.hl--grouped[data-finding="${hay}"]`);
    expect(await muted.getAttribute('title')).toMatch(/ — четке кагылган менен топтоштурулган$/);
    await muted.click();
    const fromText = aida.locator(`[data-testid=findings-list] > li[data-item="${hay}"]`);
    await fromText.waitFor();
    expect(await fromText.getAttribute('data-grouped')).toBe('true');
    await expect.poll(() => aida.evaluate(() => document.activeElement?.closest('[data-item]')?.getAttribute('data-item'))).toBe(hay);

    // The secretary: awaiting her decision are the dismissed card and the confirmed one, not the grouped.
    const { page: secretary } = await bench.signedIn('secretary');
    await openReview(secretary, bench.world.server.url, reviewId);
    await secretary.locator('[data-testid=filter-show]').selectOption('awaiting');
    await expect.poll(() => candidates(secretary).evaluateAll((list) => list.map((li) => li.getAttribute('data-item')))).toEqual([ticket, subsidy]);
    await secretary.locator('[data-testid=filter-show]').selectOption('');
    // She excludes the grouped one from its own card: decided, it is listed on its own, and no group is left.
    const group = candidates(secretary).locator('[data-testid=finding-group]');
    await group.locator('[data-testid=finding-group-toggle]').click();
    await group.locator('[data-testid=finding-group-open]').click();
    const hayCard = secretary.locator(`[data-testid=findings-list] > li[data-item="${hay}"]`);
    await hayCard.locator('[data-testid=dismiss]').click();
    await dialogSubmit(secretary, 'dismiss-dialog', 'Как и в статье 1');
    await expect.poll(() => hayCard.locator('[data-testid=final-decision]').textContent()).toContain('Исключено');
    expect(await hayCard.getAttribute('data-grouped')).toBe(null);
    for (const page of [secretary, aida]) {
      await expect.poll(() => page.locator('[data-testid=finding-group]').count(), { timeout: LIVE }).toBe(0);
      await expect.poll(() => page.locator('mark.hl--grouped').count(), { timeout: LIVE }).toBe(0);
      await expect.poll(() => candidates(page).count(), { timeout: LIVE }).toBe(3);
    }
    expect(await seriousAxeViolations(secretary)).toEqual([]);
    for (const page of [aida, bakyt, secretary]) await bench.expectClean(page);
  });
});
