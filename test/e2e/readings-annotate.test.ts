import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { api, login } from '../helpers/app';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { SECOND_READING } from './fixtures';
import { useWorkbench } from './harness';
import { addFinding, confirmInDialog, findingCard, openReview, waitSynced } from './page-actions';

const LIVE = 10_000;

/**
 * Issue 16, the workbench on a later reading: experts land on the latest version, see what was said
 * on the first one carried to it (and what fell on deleted text), annotate the new text, and the
 * conclusion on that reading lists what the secretary confirmed there.
 */
/** Loads the page anew at its address and waits for the draft and the sync. */
async function reopen(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.draft-editor p.clause-text').first().waitFor();
  await waitSynced(page);
}

describe.skipIf(!chromiumAvailable())('annotating a later reading (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('reading 2: lands on it, carried and orphaned cards, a finding on a new article live at the other expert, absent from reading 1, confirmed, in the conclusion on reading 2; axe clean', async () => {
    const { server, secretary: sec } = bench.world;
    const url = server.url;
    const reviewId = await bench.world.createReview('Второе чтение');
    const { page: aida } = await signedIn('aida');
    const { page: bakyt } = await signedIn('bakyt');

    // Reading 1: Aida's finding on words that stay, Bakyt's on the article the second reading deletes.
    await openReview(aida, url, reviewId);
    await addFinding(aida, 'назначается женщинам', 'Только матерям: отцы исключены.');
    await openReview(bakyt, url, reviewId);
    await addFinding(bakyt, 'пяти членов', 'Нет требования о представленности обоих полов.');
    await waitSynced(aida);
    await waitSynced(bakyt);

    // The secretary adds the second reading (the Versions screen's own e2e covers the form).
    const auth = await login(server, sec.email, sec.password);
    const form = new FormData();
    form.set('label', '2-е чтение');
    form.set('date', '2026-11-20');
    form.set('file', new Blob([SECOND_READING], { type: 'text/plain' }), 'second.txt');
    expect((await api(server, auth, `/api/reviews/${reviewId}/versions`, { method: 'POST', body: form })).status).toBe(201);

    // Aida opens the review again (a new visit: the page she had stays on what it opened): the latest
    // reading, the switcher saying so, its text read-only.
    await reopen(aida);
    await expect.poll(() => aida.locator('.draft-editor').textContent(), { timeout: LIVE }).toContain('используются понятия семьи');
    const switcher = aida.locator('[data-testid=version-switcher]');
    expect(await switcher.isVisible()).toBe(true);
    expect(await switcher.locator('[aria-current=page]').getAttribute('data-testid')).toBe('version-link-2');
    expect(await switcher.locator('[aria-current=page]').textContent()).toContain('2-е чтение');
    expect(await switcher.locator('[data-testid=version-link-1]').textContent()).toBe('1-е чтение (первоначальный текст)');
    expect(await aida.locator('[data-testid=version-read-only]').textContent()).toContain('не правится');
    expect(await aida.locator('[data-testid=draft-editor]').getAttribute('aria-readonly')).toBe('true');
    expect(await aida.locator('[data-testid=text-correct-toggle]').count()).toBe(0);

    // Her reading-1 finding, carried: from the 1st reading, highlighted on its words in reading 2.
    const mine = findingCard(aida, 'Только матерям');
    await expect.poll(() => mine.locator('[data-testid=carried]').textContent(), { timeout: LIVE }).toContain('Из 1-го чтения');
    expect(await mine.getAttribute('data-carried')).toBe('placed');
    const mineId = await mine.getAttribute('data-item');
    await expect.poll(() => aida.locator(`.draft-editor .hl[data-finding="${mineId}"]`).textContent()).toBe('назначается женщинам');
    // Bakyt's, on deleted text: listed with its quote and its state in words, not highlighted.
    const orphan = findingCard(aida, 'Нет требования');
    await expect.poll(() => orphan.getAttribute('data-carried')).toBe('orphaned');
    expect(await orphan.locator('[data-testid=carried-state]').textContent()).toBe('на удалённом тексте');
    expect(await orphan.locator('.finding__quote q').textContent()).toBe('пяти членов');
    expect(await aida.locator(`.draft-editor .hl[data-finding="${await orphan.getAttribute('data-item')}"]`).count()).toBe(0);
    // Not hers: no re-attach link for Aida (Bakyt, its author, has one).
    expect(await orphan.locator('[data-testid=carried-reattach]').count()).toBe(0);
    expect(await aida.locator('.findings-summary').textContent()).toContain('На удалённом тексте: 1');

    // Bakyt is on reading 2 too; Aida annotates the article only reading 2 has.
    await reopen(bakyt);
    expect(await findingCard(bakyt, 'Нет требования').locator('[data-testid=carried-reattach]').getAttribute('href')).toBe(`#/reviews/${reviewId}/versions/2`);
    await addFinding(aida, 'используются понятия семьи', 'Понятие семьи без гендерного измерения.');
    const fresh = findingCard(aida, 'Понятие семьи без');
    await fresh.waitFor();
    expect(await fresh.locator('[data-testid=carried]').count()).toBe(0);
    const freshId = await fresh.getAttribute('data-item');
    await expect.poll(() => aida.locator(`.draft-editor .hl[data-finding="${freshId}"]`).textContent()).toBe('используются понятия семьи');
    await waitSynced(aida);
    // It arrives at Bakyt live, on its words.
    await expect.poll(() => findingCard(bakyt, 'Понятие семьи без').count(), { timeout: LIVE }).toBe(1);
    await expect.poll(() => bakyt.locator(`.draft-editor .hl[data-finding="${freshId}"]`).textContent(), { timeout: LIVE }).toBe('используются понятия семьи');
    expect(await seriousAxeViolations(aida), 'axe on the workbench in reading 2').toEqual([]);
    await screenshot(aida, '62-reading-2-workbench');

    // In reading 1 (by the switcher, with the keyboard) it is absent; the first reading's work is there.
    await bakyt.locator('[data-testid=version-link-1]').focus();
    await bakyt.keyboard.press('Enter');
    await expect.poll(() => bakyt.evaluate(() => location.hash)).toBe(`#/reviews/${reviewId}/version/1`);
    await expect.poll(() => bakyt.locator('[data-testid=version-switcher] [aria-current=page]').getAttribute('data-testid'), { timeout: LIVE }).toBe('version-link-1');
    await expect.poll(() => findingCard(bakyt, 'Нет требования').count(), { timeout: LIVE }).toBe(1);
    await waitSynced(bakyt);
    expect(await findingCard(bakyt, 'Понятие семьи без').count()).toBe(0);
    expect(await bakyt.locator('[data-carried]').count()).toBe(0);
    expect(await bakyt.locator('.draft-editor').textContent()).not.toContain('используются понятия семьи');
    expect(await bakyt.locator('[data-testid=version-read-only]').count()).toBe(0);
    expect(await bakyt.locator('[data-testid=version-older]').textContent()).toContain('не последнюю редакцию');
    expect(await aida.locator('[data-testid=version-older]').count()).toBe(0);
    // Work on reading 1 still reaches reading 2: Bakyt's new finding there arrives at Aida carried,
    // «переносится…» until the server has placed it, then on its words in reading 2.
    await addFinding(bakyt, 'детей в возрасте', 'Возраст ребёнка в первом чтении.');
    await waitSynced(bakyt);
    const late = findingCard(aida, 'Возраст ребёнка в первом');
    await expect.poll(() => late.getAttribute('data-carried'), { timeout: LIVE }).toBe('placed');
    expect(await late.locator('[data-testid=carried]').textContent()).toBe('Из 1-го чтения');
    const lateId = await late.getAttribute('data-item');
    await expect.poll(() => aida.locator(`.draft-editor .hl[data-finding="${lateId}"]`).textContent()).toBe('детей в возрасте');
    // From the Versions page, each version opens in the workbench: back to reading 2.
    await bakyt.locator('[data-testid=open-versions]').click();
    const open2 = bakyt.locator('[data-testid=version-open-2]');
    await open2.waitFor({ timeout: LIVE });
    expect(await open2.getAttribute('href')).toBe(`#/reviews/${reviewId}/version/2`);
    await open2.click();
    await expect.poll(() => bakyt.locator('[data-testid=version-switcher] [aria-current=page]').getAttribute('data-testid'), { timeout: LIVE }).toBe('version-link-2');
    await expect.poll(() => findingCard(bakyt, 'Понятие семьи без').count(), { timeout: LIVE }).toBe(1);
    // His orphan's card leads to the Versions page at reading 2, where he re-attaches it by hand.
    await findingCard(bakyt, 'Нет требования').locator('[data-testid=carried-reattach]').click();
    const orphanThere = bakyt.locator('[data-testid=versions-orphans] [data-testid=placement]').filter({ hasText: 'Нет требования' });
    await orphanThere.waitFor({ timeout: LIVE });
    expect(await orphanThere.locator('details.reattach').count()).toBe(1);

    // The secretary confirms it in reading 2; the conclusion's preview on reading 2 lists it.
    const { page: secretary } = await signedIn('secretary');
    await openReview(secretary, url, reviewId);
    const card = secretary.locator(`[data-item="${freshId}"]`);
    await card.waitFor({ timeout: LIVE });
    await card.locator('[data-testid=confirm]').click();
    await expect.poll(() => card.locator('[data-testid=final-decision]').textContent(), { timeout: LIVE }).toContain('В заключении');
    expect(await secretary.locator('[data-testid=text-correct-toggle]').count()).toBe(0);
    await waitSynced(secretary);
    // Her rerun of the checklist runs over reading 2 (the server answers for that version's engine).
    await secretary.locator('[data-testid=tab-checklist]').click();
    await secretary.locator('[data-testid=rerun-checklist]').click();
    await expect.poll(() => secretary.locator('[data-testid=rerun-status]').textContent(), { timeout: LIVE }).toContain('Проверка выполнена');
    await secretary.locator('#tab-conclusion').click();
    await expect.poll(() => secretary.locator('[data-testid=conclusion-preview]').getAttribute('srcdoc'), { timeout: LIVE }).toContain('Понятие семьи без гендерного измерения');
    expect(await secretary.locator('[data-testid=working-copy-off]').count()).toBe(1);

    // Issued from reading 2, the committee's copy is the conclusion on reading 2.
    const fill = async (id: string, value: string) => {
      await secretary.locator(`#${id}`).fill(value);
      await secretary.locator(`#${id}`).blur();
    };
    await fill('conclusion-committee', 'Комитет по социальной политике');
    await fill('conclusion-chair', 'А. Асанова');
    await fill('conclusion-outgoingNumber', '12/35');
    await fill('conclusion-outgoingDate', '2026-11-25');
    await fill('conclusion-recommendations', 'Раскрыть понятие семьи с учётом гендерного равенства.');
    await secretary.locator('#conclusion-verdict').selectOption('complies_with_recommendations');
    await fill('conclusion-signatory-name', 'Б. Бекова');
    await fill('conclusion-signatory-position', 'Координатор');
    await waitSynced(secretary);
    await secretary.locator('[data-testid=issue-committee]').selectOption('social');
    await expect.poll(async () => ((await secretary.locator('[data-testid=issue-button]').isDisabled()) ? await secretary.locator('[data-testid=issue-needs]').textContent() : 'ready'), { timeout: LIVE }).toBe('ready');
    await secretary.locator('[data-testid=issue-button]').click();
    expect(await confirmInDialog(secretary)).toContain('по редакции 2');
    await expect.poll(() => secretary.locator('[data-testid=reopen-button]').count(), { timeout: LIVE }).toBe(1);
    const { page: reader } = await signedIn('reader');
    await reader.locator(`a[href="#/reviews/${reviewId}/conclusion"]`).click();
    const issued = reader.frameLocator('[data-testid=conclusion-view-frame]').locator('body');
    await expect.poll(() => issued.textContent(), { timeout: LIVE }).toContain('Понятие семьи без гендерного измерения');
    expect(await issued.textContent()).toContain('ко второму чтению');
    await expectClean(aida);
    await expectClean(bakyt);
    await expectClean(secretary);
  });
});
