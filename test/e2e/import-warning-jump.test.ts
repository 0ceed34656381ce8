import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { useWorkbench } from './harness';
import { waitSynced } from './page-actions';

/** Article 3 follows article 1 (a numbering gap), and many lines come before it, so the jump must scroll. */
const DRAFT = [
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  'О проверке переходов',
  'Статья 1. Общие положения',
  ...Array.from({ length: 60 }, (_, i) => `${i + 1}. Положение номер ${i + 1} о порядке работы.`),
  'Статья 3. Пропущенный номер',
  'Текст третьей статьи.',
].join('\n\n');

/** Issue 17: a warning of the import report links to its place in the text. */
describe.skipIf(!chromiumAvailable())('import warnings jump to the text (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('the secretary follows a numbering warning from the report to the article in the text', async () => {
    const { page } = await signedIn('secretary');
    await page.locator('[data-testid=new-review]').click();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-e2e-jump-')), 'draft.txt');
    fs.writeFileSync(file, DRAFT);
    await page.locator('[data-testid=upload-file]').setInputFiles(file);
    await page.locator('[data-testid=upload-submit]').click();
    const warnings = page.locator('[data-testid=import-warnings]');
    await warnings.waitFor();
    const gap = warnings.locator('li.warning--numbering_gap');
    expect(await gap.count()).toBe(1);
    const link = gap.locator('[data-testid=warning-jump]');
    // The first import's report: its clause ids are version 1's, so the link opens version 1 (issue 16).
    expect(await link.getAttribute('href')).toMatch(/^#\/reviews\/[0-9a-f-]{36}\/version\/1\/clause\/./);
    expect(await link.textContent()).toContain('Статья 3');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await link.click();
    await page.locator('.draft-editor p.clause-text').first().waitFor();
    await waitSynced(page);
    // The caret is in article 3, and article 3 is on the screen (60 paragraphs below the top).
    await expect
      .poll(() =>
        page.evaluate(() => {
          const node = window.getSelection()?.anchorNode;
          const el = node instanceof Element ? node : node?.parentElement;
          return el?.closest('[data-kind=article]')?.getAttribute('data-number') ?? null;
        }),
      )
      .toBe('3');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const box = document.querySelector('.draft-editor [data-kind=article][data-number="3"]')!.getBoundingClientRect();
          return box.top >= 0 && box.top < window.innerHeight;
        }),
      )
      .toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('draft-editor');
    await screenshot(page, '47-import-warning-jump');
    await expectClean(page);
  });
});
