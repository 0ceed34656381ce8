import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { SECOND_READING } from './fixtures';
import { useWorkbench } from './harness';
import { addFinding, openReview, waitSynced } from './page-actions';

const LIVE = 10_000;

/**
 * Issue 16 in the browser: the secretary adds the second reading by pasting it; two experts, each in
 * her own browser, see the redline and where their findings went — one on the same words under the
 * new number, one «on deleted text», listed with its quote and re-attachable by its author only.
 */
describe.skipIf(!chromiumAvailable())('versions of the draft (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('second reading: redline, carried findings, one orphan; axe clean', async () => {
    const reviewId = await bench.world.createReview('Две редакции');
    const { page: aida } = await signedIn('aida');
    const { page: bakyt } = await signedIn('bakyt');
    const { page: secretary } = await signedIn('secretary');
    const url = bench.world.server.url;
    await openReview(aida, url, reviewId);
    await openReview(bakyt, url, reviewId);
    await addFinding(aida, 'назначается женщинам', 'Только матерям: отцы исключены.');
    await addFinding(bakyt, 'пяти членов', 'Нет требования о представленности обоих полов.');
    await waitSynced(aida);
    await waitSynced(bakyt);

    // The secretary opens the versions from the review page and pastes the second reading.
    await openReview(secretary, url, reviewId);
    await secretary.locator('[data-testid=open-versions]').click();
    await secretary.locator('[data-testid=versions-add]').waitFor();
    await secretary.locator('[data-testid=versions-label]').fill('2-е чтение');
    await secretary.locator('[data-testid=versions-date]').fill('2026-11-20');
    await secretary.locator('[data-testid=versions-paste]').fill(SECOND_READING);
    await secretary.locator('[data-testid=versions-check]').click();
    await expect.poll(() => secretary.locator('[data-testid=versions-add-message]').textContent(), { timeout: LIVE }).toContain('совпало с прежней редакцией');
    expect(await secretary.locator('[data-testid=versions-warning]').count()).toBe(0);
    expect(await seriousAxeViolations(secretary), 'axe on the versions page with the form').toEqual([]);
    await secretary.locator('[data-testid=versions-submit]').click();
    await expect.poll(() => secretary.locator('[data-testid=versions-status]').textContent(), { timeout: LIVE }).toContain('Добавлена редакция «2-е чтение»');
    await expect.poll(() => secretary.locator('[data-testid=version-2]').textContent()).toContain('2-е чтение');
    await screenshot(secretary, '60-versions-secretary');

    for (const [page, mine, other] of [
      [aida, 'Только матерям', 'Нет требования'],
      [bakyt, 'Нет требования', 'Только матерям'],
    ] as const) {
      await page.goto(`${url}/#/reviews/${reviewId}/versions`);
      const compare = page.locator('[data-testid=versions-compare]');
      await compare.locator('[data-testid=cmp-entry]').first().waitFor({ timeout: LIVE });
      // The redline: «трех» struck, «шести» inserted, in the part that is now article 2's.
      const reworded = compare.locator('[data-testid=cmp-entry][data-old="a1.p1"][data-new="a2.p1"]');
      expect(await reworded.getAttribute('data-kind')).toBe('reworded');
      expect(await reworded.locator('del').textContent()).toContain('трех');
      expect(await reworded.locator('ins').textContent()).toContain('шести');
      expect(await compare.locator('[data-testid=cmp-entry][data-old="a2"]').getAttribute('data-kind')).toBe('deleted');
      expect(await compare.locator('[data-testid=cmp-entry][data-new="a1"]').getAttribute('data-kind')).toBe('inserted');
      // Aida's finding sits on the same words under the new number.
      const placed = reworded.locator('[data-testid=placement]').filter({ hasText: 'Только матерям' });
      expect(await placed.getAttribute('data-state')).toBe('placed');
      expect(await placed.locator('q').textContent()).toBe('назначается женщинам');
      // Bakyt's is on deleted text: listed with its quote, never dropped.
      const orphans = page.locator('[data-testid=versions-orphans] [data-testid=placement]').filter({ hasText: 'Нет требования' });
      expect(await orphans.count()).toBe(1);
      expect(await orphans.locator('.placement-state').textContent()).toBe('к удалённому тексту');
      expect(await orphans.locator('q').textContent()).toBe('пяти членов');
      // Only its author (or the secretary) may re-attach it.
      expect(await orphans.locator('details.reattach').count()).toBe(mine === 'Нет требования' ? 1 : 0);
      expect(await page.locator('[data-testid=versions-orphans]').textContent()).not.toContain(mine === 'Нет требования' ? 'Только матерям' : '\u0000');
      void other;
      // «Only changed units» is on by default: unchanged units come back when it is off.
      const shown = await compare.locator('[data-testid=cmp-entry]').count();
      await page.locator('[data-testid=versions-only-changed]').uncheck();
      await expect.poll(() => compare.locator('[data-testid=cmp-entry]').count()).toBeGreaterThan(shown);
      expect(await page.locator('[data-testid=versions-add]').count()).toBe(0);
      expect(await seriousAxeViolations(page), 'axe on the versions page (expert)').toEqual([]);
      await expectClean(page);
    }
    await screenshot(bakyt, '61-versions-expert');
  });
});
