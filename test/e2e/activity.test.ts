import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { useWorkbench } from './harness';
import { addFinding, findingCard, openReview, selectInEditor, waitSynced } from './page-actions';

const LIVE = 10_000;

/** Replies on a card (opening its reply box first where the box is shown on demand). */
async function reply(card: Locator, body: string): Promise<void> {
  const open = card.locator('[data-testid=reply-open]');
  if (await open.count()) await open.click();
  await card.locator('[data-testid=reply-input]').fill(body);
  await card.locator('[data-testid=reply-send]').click();
}

/** Opens the new-finding dialog on words of the draft, as a user would before typing. */
async function addFindingStart(page: Page): Promise<void> {
  await selectInEditor(page, 'до трех лет');
  await page.locator('[data-testid=new-finding]').click();
  await page.locator('[data-testid=finding-dialog]').waitFor();
}

const notices = (page: Page) => page.locator('[data-testid=notice]');
const tabBadge = (page: Page) => page.locator('#tab-findings [data-testid=unread-tab-badge]');

/**
 * Issue 17, knowing what happens: a colleague's finding or reply brings a notice with a jump; cards
 * and the Findings tab carry unread marks until she looks; @mentions are set off, and a mention of
 * her makes the notice say so. Two people in two browser contexts.
 */
describe.skipIf(!chromiumAvailable())('notices, unread marks, mentions in the review (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('a colleague\'s finding and reply arrive as notices with a jump; unread marks until read, kept over a reload; a mention of her is said', async () => {
    const reviewId = await bench.world.createReview('Уведомления');
    const { page: aida } = await signedIn('aida');
    const { page: bakyt } = await signedIn('bakyt');
    await openReview(aida, bench.world.server.url, reviewId);
    await openReview(bakyt, bench.world.server.url, reviewId);
    // Opening a review the first time, nothing is unread and nothing is announced.
    expect(await notices(bakyt).count()).toBe(0);
    expect(await bakyt.locator('.finding--unread').count()).toBe(0);
    expect(await tabBadge(bakyt).count()).toBe(0);

    await addFinding(aida, 'назначается женщинам', 'Пособие только женщинам');
    // Bakyt is told, without anything blocking his work: who, what, which article.
    await expect.poll(() => notices(bakyt).first().textContent(), { timeout: LIVE }).toMatch(/^Аида <img.*: новое замечание к ст\. 1/);
    expect(await bakyt.locator('[data-testid=activity-notices]').getAttribute('role')).toBe('region');
    const card = findingCard(bakyt, 'Пособие только женщинам');
    await expect.poll(() => card.getAttribute('class')).toContain('finding--unread');
    expect(await card.locator('[data-testid=unread-badge]').textContent()).toBe('Новое');
    expect(await tabBadge(bakyt).textContent()).toMatch(/1.*непрочитанных: 1/);
    // Her own work brings her no notice.
    expect(await notices(aida).count()).toBe(0);
    await screenshot(bakyt, '45-notice-of-a-colleagues-finding');
    expect(await seriousAxeViolations(bakyt)).toEqual([]);

    // The jump goes to the card (focused) and reads it.
    await notices(bakyt).first().locator('[data-testid=notice-jump]').click();
    await expect.poll(() => bakyt.evaluate(() => document.activeElement?.closest('[data-item]')?.textContent ?? '')).toContain('Пособие только женщинам');
    await expect.poll(() => card.getAttribute('class')).not.toContain('finding--unread');
    expect(await tabBadge(bakyt).count()).toBe(0);
    expect(await notices(bakyt).count()).toBe(0);

    // A reply that mentions him: the notice says he is mentioned, the mention stands out in the card.
    await reply(findingCard(aida, 'Пособие только женщинам'), '@Бакыт, посмотрите, пожалуйста');
    await expect.poll(() => notices(bakyt).first().textContent(), { timeout: LIVE }).toMatch(/^Аида <img.* упоминает вас к ст\. 1/);
    expect(await notices(bakyt).first().getAttribute('class')).toContain('activity-notice--mention');
    await expect.poll(() => card.locator('[data-testid=mention-me]').textContent()).toBe('@Бакыт');
    expect(await card.getAttribute('class')).toContain('finding--unread');
    // In her own view the mention is set off too, as someone else's.
    await expect.poll(() => findingCard(aida, 'Пособие только женщинам').locator('[data-testid=mention]').textContent()).toBe('@Бакыт');

    // Unread survives a reload; «mark all as read» clears it, and that survives a reload too.
    await bakyt.reload();
    await bakyt.locator('.draft-editor p.clause-text').first().waitFor();
    await waitSynced(bakyt);
    await expect.poll(() => card.getAttribute('class'), { timeout: LIVE }).toContain('finding--unread');
    expect(await notices(bakyt).count()).toBe(0);
    await bakyt.locator('[data-testid=mark-all-read]').click();
    await expect.poll(() => bakyt.locator('.finding--unread').count()).toBe(0);
    await bakyt.reload();
    await bakyt.locator('.draft-editor p.clause-text').first().waitFor();
    await waitSynced(bakyt);
    await card.waitFor();
    expect(await bakyt.locator('.finding--unread').count()).toBe(0);

    // In English and Kyrgyz.
    await bakyt.locator('[data-testid=lang-select]').selectOption('en');
    await reply(findingCard(aida, 'Пособие только женщинам'), 'One more thought');
    await expect.poll(() => notices(bakyt).first().textContent(), { timeout: LIVE }).toMatch(/: new reply on Art\. 1.*Go to it/);
    await bakyt.locator('[data-testid=lang-select]').selectOption('ky');
    await expect.poll(() => notices(bakyt).first().textContent()).toMatch(/: жаңы жооп \(1-берене\).*Өтүү/);
    expect(await tabBadge(bakyt).textContent()).toContain('окулбагандар: 1');
    await bakyt.locator('[data-testid=lang-select]').selectOption('ru');

    // The first click on an unread card's button does what it says: reading the card (on the
    // mousedown's focus) must not move the card from under the pointer before the mouseup.
    await expect.poll(() => card.getAttribute('class')).toContain('finding--unread');
    // A window tall enough for the whole sidebar: nothing scrolls to make up for a shift.
    await bakyt.setViewportSize({ width: 1280, height: 1500 });
    await expect.poll(() => bakyt.locator('.sidebar').evaluate((sidebar) => sidebar.scrollHeight <= sidebar.clientHeight)).toBe(true);
    await card.locator('[data-testid=reply-open]').click();
    await expect.poll(() => card.locator('[data-testid=reply-input]').count(), { timeout: 2_000 }).toBe(1);
    await expect.poll(() => card.getAttribute('class')).not.toContain('finding--unread');
    for (const page of [aida, bakyt]) await expectClean(page);
  });

  test('the mentioned person sees her mentions on her review list; only members can be mentioned; nobody reads another\'s mentions', async () => {
    const reviewId = await bench.world.createReview('Упоминания');
    const { page: aida } = await signedIn('aida');
    await openReview(aida, bench.world.server.url, reviewId);
    // Бакыт is a member; the administrator is not, so naming her mentions nobody.
    await addFinding(aida, 'состоит из пяти членов', '@Бакыт, проверьте состав; @Администратор тоже');
    await waitSynced(aida);

    const { page: bakyt } = await signedIn('bakyt');
    const row = bakyt.locator('[data-testid=review-table] tr').filter({ hasText: 'Упоминания' });
    await expect.poll(() => row.locator('[data-testid=mention-count]').textContent(), { timeout: LIVE }).toBe(' @ упоминаний: 1');
    // Only this review's (the suite's other test mentions him too).
    const mine = bakyt.locator('[data-testid=my-mention]').filter({ hasText: '· Упоминания' });
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.textContent()).toMatch(/^Аида <img.* · Упоминания/);
    expect(await mine.textContent()).toContain('@Бакыт, проверьте состав');
    expect(await bakyt.locator('[data-testid=my-mentions] h2').textContent()).toBe('Вас упомянули');
    await screenshot(bakyt, '46-mentions-on-the-list');
    expect(await seriousAxeViolations(bakyt)).toEqual([]);
    await bakyt.locator('[data-testid=lang-select]').selectOption('en');
    await expect.poll(() => row.locator('[data-testid=mention-count]').textContent()).toBe(' @ mentions: 1');
    await bakyt.locator('[data-testid=lang-select]').selectOption('ru');
    // The link opens the review.
    await mine.locator('a').click();
    await bakyt.locator('.draft-editor p.clause-text').first().waitFor();

    // The server answers each person with her own mentions only: Aida (the author) has none, nor
    // the administrator named without being a member; the secretary sees nobody else's either.
    const mentionsOf = async (who: 'aida' | 'admin' | 'secretary' | 'bakyt') => {
      const { page } = who === 'aida' ? { page: aida } : who === 'bakyt' ? { page: bakyt } : await signedIn(who);
      return page.evaluate(async () => ((await (await fetch('/api/mentions')).json()) as { mentions: Array<{ reviewId: string; authorName: string }> }).mentions);
    };
    const here = (list: Array<{ reviewId: string }>) => list.filter((m) => m.reviewId === reviewId);
    expect(here(await mentionsOf('bakyt'))).toEqual([expect.objectContaining({ reviewId, authorName: expect.stringContaining('Аида') })]);
    expect(await mentionsOf('aida')).toEqual([]);
    expect(here(await mentionsOf('secretary'))).toEqual([]);
    const admin = await mentionsOf('admin');
    expect(admin.filter((m) => m.reviewId === reviewId)).toEqual([]);
    await aida.goto(`${bench.world.server.url}/#/`);
    await aida.locator('[data-testid=review-table]').waitFor();
    expect(await aida.locator('[data-testid=mention-count]').count()).toBe(0);
    expect(await aida.locator('[data-testid=my-mentions]').count()).toBe(0);
    for (const page of [aida, bakyt]) await expectClean(page);
  });

  test('typing @ offers the review\'s people: arrows and Enter insert the whole name, Escape closes only the list; in a reply and in the finding dialog', async () => {
    const reviewId = await bench.world.createReview('Подсказка имён');
    const { page: aida } = await signedIn('aida');
    await openReview(aida, bench.world.server.url, reviewId);
    await addFinding(aida, 'состоит из пяти членов', 'Состав комиссии');
    const card = findingCard(aida, 'Состав комиссии');
    await card.locator('[data-testid=reply-open]').click();
    const box = card.locator('[data-testid=reply-input]');
    await box.focus();
    await aida.keyboard.type('Прошу @ба');
    const list = card.locator('[data-testid=mention-list]');
    await list.waitFor();
    // Members only, herself excluded: Бакыт, not the administrator, not Aida.
    const offered = await list.locator('[data-testid=mention-option]').allTextContents();
    expect(offered.some((name) => name.startsWith('Бакыт'))).toBe(true);
    expect(offered.some((name) => name.startsWith('Аида') || /Администратор/.test(name))).toBe(false);
    expect(await list.getAttribute('role')).toBe('listbox');
    // Under the box, as wide as it: a name is read whole, not squeezed beside the send button.
    const [boxRect, listRect] = [await box.boundingBox(), await list.boundingBox()];
    expect(listRect!.y).toBeGreaterThanOrEqual(boxRect!.y + boxRect!.height - 1);
    expect(listRect!.width).toBeGreaterThanOrEqual(boxRect!.width);
    // The send button stays beside the box, above the list.
    const send = (await card.locator('[data-testid=reply-send]').boundingBox())!;
    expect(send.y).toBeLessThan(boxRect!.y + boxRect!.height);
    expect(send.x).toBeGreaterThanOrEqual(boxRect!.x + boxRect!.width - 1);
    expect(await box.getAttribute('aria-activedescendant')).toBe(await list.locator('[role=option]').first().getAttribute('id'));
    await screenshot(aida, '47-mention-suggestions');
    expect(await seriousAxeViolations(aida)).toEqual([]);
    await aida.keyboard.press('Enter');
    await expect.poll(() => list.count()).toBe(0);
    const bakytName = offered.find((name) => name.startsWith('Бакыт'))!;
    expect(await box.inputValue()).toBe(`Прошу @${bakytName} `);
    // Escape closes the list, not the card: the box keeps the focus and the text.
    await aida.keyboard.type('и @');
    await list.waitFor();
    await aida.keyboard.press('Escape');
    await expect.poll(() => list.count()).toBe(0);
    expect(await aida.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reply-input');
    await aida.keyboard.type('секретаря');
    await card.locator('[data-testid=reply-send]').click();
    await expect.poll(() => card.locator('.reply [data-testid=mention]').allTextContents()).toEqual([`@${bakytName}`]);

    // In the finding dialog: Enter inserts the name and does not submit; Escape leaves the dialog open.
    await aida.locator('[data-testid=draft-editor]').focus();
    await addFindingStart(aida);
    const body = aida.locator('[data-testid=finding-body]');
    await body.focus();
    await aida.keyboard.type('@Бак');
    await aida.locator('[data-testid=finding-dialog] [data-testid=mention-list]').waitFor();
    await aida.keyboard.press('Escape');
    expect(await aida.locator('[data-testid=finding-dialog]').isVisible()).toBe(true);
    await aida.keyboard.type('ы');
    await aida.keyboard.press('Tab');
    expect(await body.inputValue()).toBe(`@${bakytName} `);
    expect(await aida.locator('[data-testid=finding-dialog]').isVisible()).toBe(true);
    await aida.keyboard.press('Escape');
    await aida.locator('[data-testid=finding-dialog]').waitFor({ state: 'detached' });
    await expectClean(aida);
  });
});
