import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { useWorkbench } from './harness';
import { addFinding, confirmInDialog, dialogSubmit, findingCard, openReview, reply, selectInEditor } from './page-actions';

/**
 * Issue 17, findings and comments, in Chromium with two or three people in their own contexts: edits
 * and deletions with their history, the required criterion and its guidance, plain comments, the
 * reason for a dismissal, the secretary's decision as a state, the filters and search, the loading
 * state, the reply box on demand, Escape from a card, neighbouring highlights.
 */
const LIVE = 10_000;

const cardOf = (page: Page, text: string): Locator => page.locator('[data-testid=findings-list] > li').filter({ hasText: text });

describe.skipIf(!chromiumAvailable())('findings and comments (issue 17, e2e)', () => {
  const bench = useWorkbench();

  test('criterion required with guidance; edit with history; comment; dismissal with reason; reply on demand edited and deleted; deletion seen by the secretary; her decision as a state', async () => {
    const reviewId = await bench.world.createReview('Замечания и комментарии');
    const { page: aida } = await bench.signedIn('aida');
    const { page: bakyt } = await bench.signedIn('bakyt');
    await openReview(aida, bench.world.server.url, reviewId);
    await openReview(bakyt, bench.world.server.url, reviewId);

    // No silent default: the criterion starts unchosen and a finding without one is refused in words.
    await selectInEditor(aida, 'назначается женщинам');
    await aida.locator('[data-testid=new-finding]').click();
    const dialog = aida.locator('[data-testid=finding-dialog]');
    await dialog.waitFor();
    expect(await aida.locator('[data-testid=finding-criterion]').inputValue()).toBe('');
    await aida.locator('[data-testid=finding-body]').fill('Пособие только матерям');
    await aida.locator('[data-testid=finding-submit]').click();
    await expect.poll(() => aida.locator('[data-testid=finding-criterion-error]').textContent()).toMatch(/Выберите критерий/);
    expect(await dialog.isVisible()).toBe(true);
    // The guidance is one click away: all criteria before a choice, the chosen one's after it.
    await aida.locator('[data-testid=finding-guidance-toggle]').click();
    expect(await aida.locator('[data-testid=finding-guidance-toggle]').getAttribute('aria-expanded')).toBe('true');
    const allGuidance = await aida.locator('[data-testid=finding-guidance] dd').count();
    expect(allGuidance).toBeGreaterThan(5);
    await aida.locator('[data-testid=finding-criterion]').selectOption({ index: 2 });
    await expect.poll(() => aida.locator('[data-testid=finding-guidance] dd').count()).toBe(1);
    expect((await aida.locator('[data-testid=finding-guidance] dd').textContent())!.length).toBeGreaterThan(20);
    await screenshot(aida, 'issue17-01-dialog-guidance');
    expect(await seriousAxeViolations(aida)).toEqual([]);
    await aida.locator('[data-testid=finding-submit]').click();
    await dialog.waitFor({ state: 'detached' });
    const criterionTitle = await findingCard(bakyt, 'Пособие только матерям').locator('.finding__title').textContent({ timeout: LIVE });
    expect(criterionTitle).toMatch(/^C\d+\. /);

    // She edits her finding: the colleague sees the new words, the edit mark and the old version.
    await findingCard(aida, 'Пособие только матерям').locator('[data-testid=cardEdit]').click();
    await dialog.waitFor();
    expect(await aida.locator('[data-testid=finding-body]').inputValue()).toBe('Пособие только матерям');
    await aida.locator('[data-testid=finding-body]').fill('Пособие назначается только матерям, отцы исключены');
    await aida.locator('[data-testid=finding-submit]').click();
    await dialog.waitFor({ state: 'detached' });
    const edited = findingCard(bakyt, 'отцы исключены');
    await edited.waitFor({ timeout: LIVE });
    expect(await edited.locator('[data-testid=edited-mark]').textContent()).toMatch(/изменено/);
    await edited.locator('[data-testid=edit-history] summary').click();
    expect(await edited.locator('[data-testid=edit-history]').textContent()).toContain('Пособие только матерям');

    // A plain comment: no criterion, no votes, not in the conclusion.
    await selectInEditor(aida, 'Районная комиссия');
    await aida.locator('[data-testid=new-finding]').click();
    await dialog.waitFor();
    await aida.locator('[data-testid=finding-kind-comment]').check();
    expect(await aida.locator('[data-testid=finding-criterion]').isVisible()).toBe(false);
    await aida.locator('[data-testid=finding-body]').fill('Вопрос секретарю: кто входит в комиссию?');
    await aida.locator('[data-testid=finding-submit]').click();
    await dialog.waitFor({ state: 'detached' });
    const comment = cardOf(bakyt, 'кто входит в комиссию');
    await comment.waitFor({ timeout: LIVE });
    expect(await comment.getAttribute('data-kind')).toBe('comment');
    expect(await comment.locator('.finding__title').textContent()).toBe('Комментарий');
    expect(await comment.locator('[data-testid=confirm]').count()).toBe(0);

    // Bakyt dismisses her finding: the reason is required, and she sees it on the card.
    await edited.locator('[data-testid=dismiss]').click();
    const why = bakyt.locator('[data-testid=dismiss-dialog]');
    await why.waitFor();
    await screenshot(bakyt, 'issue17-02-dismiss-reason');
    expect(await seriousAxeViolations(bakyt)).toEqual([]);
    await why.locator('[data-testid=dismiss-dialog-submit]').click();
    await expect.poll(() => why.locator('[role=alert]').textContent()).toMatch(/причину/);
    expect(await edited.locator('[data-testid=dismiss]').getAttribute('aria-pressed')).toBe('false');
    await dialogSubmit(bakyt, 'dismiss-dialog', 'Норма о беременности, не дискриминация');
    await expect.poll(() => findingCard(aida, 'отцы исключены').locator('[data-testid=dismissed-by]').textContent(), { timeout: LIVE }).toContain('Бакыт: «Норма о беременности, не дискриминация»');

    // The reply box is there on demand; his reply, edited then deleted, leaves a mark in the thread.
    expect(await edited.locator('[data-testid=reply-input]').count()).toBe(0);
    await reply(edited, 'Уточню позже');
    expect(await edited.locator('[data-testid=reply-input]').count()).toBe(0);
    const atAida = findingCard(aida, 'отцы исключены');
    await expect.poll(() => atAida.locator('.replies').textContent(), { timeout: LIVE }).toContain('Уточню позже');
    await edited.locator('[data-testid=reply-edit]').click();
    await dialogSubmit(bakyt, 'reply-edit-dialog', 'Уточнил: норма о пособии');
    await expect.poll(() => atAida.locator('.replies').textContent(), { timeout: LIVE }).toContain('Уточнил: норма о пособии');
    await edited.locator('[data-testid=reply-delete]').click();
    await confirmInDialog(bakyt);
    await expect.poll(() => atAida.locator('[data-testid=reply-deleted]').textContent(), { timeout: LIVE }).toMatch(/Ответ удалён/);
    expect(await atAida.locator('.replies').textContent()).not.toContain('Уточнил');

    // She deletes her comment: gone for her colleague, a tombstone with its words for the secretary.
    await cardOf(aida, 'кто входит в комиссию').locator('[data-testid=cardDelete]').click();
    expect(await confirmInDialog(aida)).toMatch(/Секретарь увидит/);
    await expect.poll(() => cardOf(bakyt, 'кто входит в комиссию').count(), { timeout: LIVE }).toBe(0);
    const { page: secretary } = await bench.signedIn('secretary');
    await openReview(secretary, bench.world.server.url, reviewId);
    const tombstones = secretary.locator('[data-testid=deleted-annotations]');
    await tombstones.locator('summary').click();
    expect(await tombstones.textContent()).toContain('кто входит в комиссию');
    expect(await tombstones.textContent()).toMatch(/Аида .* удалено/);
    expect(await secretary.locator('[data-testid=reply-deleted] details').textContent()).toContain('Уточнил');

    // The secretary's decision is a state of its own, not a vote, in every language.
    const atSecretary = findingCard(secretary, 'отцы исключены');
    expect(await atSecretary.locator('[data-testid=confirm]').textContent()).toBe('Включить в заключение');
    await atSecretary.locator('[data-testid=dismiss]').click();
    await dialogSubmit(secretary, 'dismiss-dialog', 'Исключено по итогам обсуждения');
    const state = atAida.locator('[data-testid=final-decision]');
    await expect.poll(() => state.textContent(), { timeout: LIVE }).toContain('Исключено — Исключено по итогам обсуждения');
    expect(await atAida.locator('[data-testid=dismissed-by]').textContent()).not.toContain('Секретарь');
    await atSecretary.locator('[data-testid=confirm]').click();
    await expect.poll(() => state.textContent(), { timeout: LIVE }).toContain('В заключении ✓');
    expect(await atAida.locator('[data-testid=confirmed-by]').count()).toBe(0);
    for (const [lang, words] of [['ky', 'Корутундуда ✓'], ['en', 'In the conclusion ✓'], ['ru', 'В заключении ✓']] as const) {
      await aida.locator('[data-testid=lang-select]').selectOption(lang);
      await expect.poll(() => state.textContent()).toContain(words);
    }
    await screenshot(secretary, 'issue17-03-secretary-cards');
    expect(await seriousAxeViolations(secretary)).toEqual([]);
    await screenshot(aida, 'issue17-04-expert-cards');
    expect(await seriousAxeViolations(aida)).toEqual([]);

    // The dismissals' reasons are in the audit record the secretary exports.
    const csv = await secretary.evaluate(async (id) => (await fetch(`/api/audit.csv?reviewId=${id}`)).text(), reviewId);
    expect(csv).toContain('Норма о беременности, не дискриминация');
    expect(csv).toContain('Исключено по итогам обсуждения');
    for (const page of [aida, bakyt, secretary]) await bench.expectClean(page);
  });

  test('filters (mine, not yet assessed by me, awaiting the secretary, article) and search; loading never says «no findings»; Escape returns to the text; neighbours told apart', async () => {
    const reviewId = await bench.world.createReview('Фильтры замечаний');
    const { ctx: ctxA, page: aida } = await bench.signedIn('aida');
    const { page: bakyt } = await bench.signedIn('bakyt');
    await openReview(aida, bench.world.server.url, reviewId);
    await openReview(bakyt, bench.world.server.url, reviewId);
    await addFinding(aida, 'назначается', 'Первое замечание Аиды');
    await addFinding(aida, 'женщинам', 'Второе замечание Аиды о женщинах');
    await addFinding(bakyt, 'состоит из пяти членов', 'Замечание Бакыта о составе');
    await findingCard(aida, 'Замечание Бакыта').waitFor({ timeout: LIVE });
    await findingCard(bakyt, 'Второе замечание').locator('[data-testid=confirm]').click();

    const expertCards = (page: Page) => page.locator('[data-testid=findings-list] > li[data-origin=expert]').evaluateAll((els) => els.map((e) => e.querySelector('[data-testid=finding-body-text]')?.textContent ?? ''));
    await bakyt.locator('[data-testid=filter-origin]').selectOption('expert');
    await bakyt.locator('[data-testid=filter-show]').selectOption('mine');
    await expect.poll(() => expertCards(bakyt)).toEqual(['Замечание Бакыта о составе']);
    await bakyt.locator('[data-testid=filter-show]').selectOption('notVoted');
    await expect.poll(() => expertCards(bakyt)).toEqual(['Первое замечание Аиды']);
    await bakyt.locator('[data-testid=filter-show]').selectOption('awaiting');
    await expect.poll(() => expertCards(bakyt)).toHaveLength(3);
    await bakyt.locator('[data-testid=filter-show]').selectOption('');
    await bakyt.locator('[data-testid=filter-article]').selectOption({ label: 'Статья 2' });
    await expect.poll(() => expertCards(bakyt)).toEqual(['Замечание Бакыта о составе']);
    await bakyt.locator('[data-testid=filter-article]').selectOption('');
    await bakyt.locator('[data-testid=filter-search]').fill('ЖЕНЩИНАХ');
    await expect.poll(() => expertCards(bakyt)).toEqual(['Второе замечание Аиды о женщинах']);
    expect(await bakyt.evaluate(() => document.activeElement?.id)).toBe('filter-search');
    await bakyt.locator('[data-testid=filter-search]').fill('нет такого слова');
    await expect.poll(() => bakyt.locator('.findings-empty').textContent()).toMatch(/Ничего не найдено/);
    await screenshot(bakyt, 'issue17-05-filters');
    expect(await seriousAxeViolations(bakyt)).toEqual([]);

    // Two findings side by side («назначается» + «женщинам») are drawn in two styles.
    const marks = aida.locator('mark.hl:not(.hl--engine)');
    await expect.poll(() => marks.allTextContents()).toEqual(expect.arrayContaining(['назначается', 'женщинам']));
    const classes = await marks.evaluateAll((els) => els.filter((e) => ['назначается', 'женщинам'].includes(e.textContent ?? '')).map((e) => e.classList.contains('hl--alt')));
    expect(classes.sort()).toEqual([false, true]);
    const looks = await marks.evaluateAll((els) => els.filter((e) => ['назначается', 'женщинам'].includes(e.textContent ?? '')).map((e) => getComputedStyle(e).backgroundImage + getComputedStyle(e).boxShadow));
    expect(new Set(looks).size).toBe(2);

    // Escape from a card returns focus to the text.
    await findingCard(aida, 'Замечание Бакыта').locator('.finding__quote').focus();
    await aida.keyboard.press('Escape');
    await expect.poll(() => aida.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('draft-editor');
    await expect.poll(() => aida.evaluate(() => window.getSelection()?.toString())).toBe('состоит из пяти членов');

    // Opening the review again: every state the list shows before the model arrives says «loading».
    await ctxA.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __listTexts: string[] }).__listTexts = []);
      new MutationObserver(() => {
        const list = document.querySelector('[data-testid=findings-list]');
        const text = list?.textContent ?? '';
        if (list && seen[seen.length - 1] !== text) seen.push(text.slice(0, 60));
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const again = await ctxA.newPage();
    await openReview(again, bench.world.server.url, reviewId);
    await findingCard(again, 'Первое замечание').waitFor({ timeout: LIVE });
    const texts = await again.evaluate(() => (window as unknown as { __listTexts: string[] }).__listTexts);
    expect(texts[0]).toMatch(/загружаются/);
    expect(texts.some((x) => /Замечаний нет|нет замечаний/i.test(x))).toBe(false);
  });
});
