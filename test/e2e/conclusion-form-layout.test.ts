import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { getCommittee } from '../../server/committees/store';
import { getReview } from '../../server/reviews/store';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { DRAFT } from './fixtures';
import { useWorkbench } from './harness';
import { confirmInDialog, waitSynced } from './page-actions';

const HUMAN_RIGHTS = {
  code: 'human-rights',
  ru: 'Комитет по правам человека и гендерному равенству',
  ky: 'Адам укуктары жана гендердик теңчилик боюнча комитет',
  en: 'Committee on Human Rights and Gender Equality',
  chair: 'Г. Б. Жээнбекова',
};

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Both columns shown, side by side (the form left, the preview right), each a fair share of the width. */
async function sideBySide(page: Page): Promise<{ form: Box; preview: Box }> {
  const form = (await page.locator('[data-testid=conclusion-form]').boundingBox())!;
  const preview = (await page.locator('[data-testid=conclusion-preview]').boundingBox())!;
  expect(form, 'the form is shown').not.toBeNull();
  expect(preview, 'the preview is shown').not.toBeNull();
  expect(form.x + form.width).toBeLessThanOrEqual(preview.x);
  expect(form.width).toBeGreaterThan(500);
  expect(preview.width).toBeGreaterThan(500);
  // Both start in the window and overlap vertically: she edits with the preview in view.
  const viewport = page.viewportSize()!;
  expect(form.y).toBeLessThan(viewport.height / 2);
  expect(preview.y).toBeLessThan(viewport.height / 2);
  expect(preview.height).toBeGreaterThan(300);
  expect(Math.min(form.y + form.height, preview.y + preview.height)).toBeGreaterThan(Math.max(form.y, preview.y));
  return { form, preview };
}

/**
 * The secretary's form (issue 14): committees come from the admin's registry, are chosen from a list
 * at upload and at issue and fill the addressee; the conclusion is edited full width with its preview
 * beside it, in fieldsets; issued, the form says the committee's copy is frozen and is read-only until
 * the review goes back to review.
 */
describe.skipIf(!chromiumAvailable())('the conclusion form: registry, full width, frozen when issued (e2e, chromium)', () => {
  const bench = useWorkbench();

  test('the admin registers a committee; the secretary uploads for it, fills the addressee from the registry beside the preview, issues it from the list and sees the form frozen until she returns it', async () => {
    const db = bench.world.server.tendik.ctx.db;

    // The admin's registry: she adds a committee with its names in three languages and its chair,
    // and deactivates another, which the lists stop offering.
    const { page: admin } = await bench.signedIn('admin');
    const registry = admin.locator('[data-testid=admin-committees]');
    await registry.locator('[data-testid=committee-row]').first().waitFor();
    expect(await registry.locator('[data-testid=committee-table]').textContent()).toContain('Комитет по социальной политике');
    await admin.locator('#committee-code').fill(HUMAN_RIGHTS.code);
    await admin.locator('#committee-name-ru').fill(HUMAN_RIGHTS.ru);
    await admin.locator('#committee-name-ky').fill(HUMAN_RIGHTS.ky);
    await admin.locator('#committee-name-en').fill(HUMAN_RIGHTS.en);
    await admin.locator('#committee-chair').fill(HUMAN_RIGHTS.chair);
    await admin.locator('[data-testid=committee-submit]').click();
    const row = registry.locator(`[data-testid=committee-row][data-code="${HUMAN_RIGHTS.code}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(HUMAN_RIGHTS.ru);
    expect(await row.textContent()).toContain(HUMAN_RIGHTS.chair);
    expect(getCommittee(db, HUMAN_RIGHTS.code)).toMatchObject({ names: { ru: HUMAN_RIGHTS.ru, ky: HUMAN_RIGHTS.ky, en: HUMAN_RIGHTS.en }, chair: HUMAN_RIGHTS.chair, active: true });
    // A taken code is refused readably, in Russian, and nothing changes.
    await admin.locator('#committee-code').fill('social');
    for (const l of ['ru', 'ky', 'en']) await admin.locator(`#committee-name-${l}`).fill('Дубликат');
    await admin.locator('[data-testid=committee-submit]').click();
    await expect.poll(() => admin.locator('[data-testid=committee-status]').textContent()).toContain('уже есть в реестре');
    expect(getCommittee(db, 'social')!.names.ru).toBe('Комитет по социальной политике');
    // Editing: the code is fixed; the committee `budget` is deactivated.
    await admin.locator('[data-testid=committee-edit-budget]').click();
    expect(await admin.locator('#committee-code').inputValue()).toBe('budget');
    expect(await admin.locator('#committee-code').getAttribute('readonly')).not.toBeNull();
    await admin.locator('#committee-active').uncheck();
    await admin.locator('[data-testid=committee-submit]').click();
    await expect.poll(() => registry.locator('[data-testid=committee-row][data-code="budget"]').textContent()).toContain('отключён');
    expect(getCommittee(db, 'budget')!.active).toBe(false);
    // The invitation form offers the registry, not a text box; `budget` is no longer offered.
    expect(await admin.locator('#invite-committee').evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await admin.locator('#invite-committee option').allTextContents()).toContain(HUMAN_RIGHTS.ru);
    expect(await admin.locator('#invite-committee option[value=budget]').count()).toBe(0);
    await registry.scrollIntoViewIfNeeded();
    await screenshot(admin, '20-admin-committees');
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await admin.locator('[data-testid=lang-select]').selectOption('en');
    await expect.poll(() => admin.locator('#admin-committees-title').textContent()).toBe('Committees');
    expect(await row.textContent()).toContain(HUMAN_RIGHTS.en);
    await admin.locator('[data-testid=lang-select]').selectOption('ky');
    await expect.poll(() => admin.locator('#admin-committees-title').textContent()).toBe('Комитеттер');
    expect(await row.textContent()).toContain(HUMAN_RIGHTS.ky);
    await admin.locator('[data-testid=lang-select]').selectOption('ru');

    // The secretary uploads a draft for the new committee, chosen from the list of active ones.
    const { page } = await bench.signedIn('secretary');
    await page.locator('[data-testid=new-review]').click();
    const uploadCommittee = page.locator('#upload-committee');
    await expect.poll(() => uploadCommittee.locator('option').count()).toBeGreaterThan(1);
    expect(await uploadCommittee.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await uploadCommittee.locator('option').allTextContents()).toEqual(expect.arrayContaining([HUMAN_RIGHTS.ru, 'Комитет по социальной политике']));
    expect(await uploadCommittee.locator('option[value=budget]').count()).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-e2e-form-'));
    const file = path.join(dir, 'draft.txt');
    fs.writeFileSync(file, DRAFT);
    await page.locator('[data-testid=upload-file]').setInputFiles(file);
    await page.locator('#upload-title').fill('Форма во всю ширину');
    await uploadCommittee.selectOption(HUMAN_RIGHTS.code);
    await page.locator('[data-testid=upload-submit]').click();
    const open = page.locator('[data-testid=open-review]');
    await open.waitFor();
    const reviewId = /#\/reviews\/([0-9a-f-]{36})$/.exec((await open.getAttribute('href'))!)![1]!;
    expect(getReview(db, reviewId)!.committee).toBe(HUMAN_RIGHTS.code);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The Conclusion tab takes the page's width: the form on the left, the preview on the right.
    await open.click();
    await page.locator('.draft-editor p.clause-text').first().waitFor();
    await waitSynced(page);
    await page.locator('[data-testid=tab-conclusion]').click();
    await expect.poll(() => page.locator('[data-testid=review-page]').getAttribute('class')).toContain('review-page--wide');
    expect(await page.locator('.editor-pane').isVisible()).toBe(false);
    await sideBySide(page);
    // The ~30 fields in five fieldsets with legends; every field the other tests know is still there.
    expect(await page.locator('[data-testid=conclusion-form] fieldset > legend').allTextContents()).toEqual([
      'Общие сведения',
      'Адресат и письмо',
      'Анализ по критериям',
      'Вывод и рекомендации',
      'Подписи и приложения',
    ]);
    for (const id of ['conclusion-committee', 'conclusion-chair', 'conclusion-outgoingNumber', 'conclusion-experts', 'conclusion-verdict', 'conclusion-signatory-name', 'conclusion-annexes'])
      expect(await page.locator(`#${id}`).count(), id).toBe(1);
    await expect.poll(() => page.locator('[data-testid=conclusion-analysis] textarea[data-criterion]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('fieldset[data-group=analysis] [data-testid=conclusion-analysis]').count()).toBe(1);

    // The addressee from the registry: the full name in the export's language, and the chair.
    const committeeField = page.locator('#conclusion-committee');
    const preview = page.frameLocator('[data-testid=conclusion-preview]').locator('body');
    await page.locator('#export-lang').selectOption('en');
    await page.locator('[data-testid=addressee-registry]').selectOption(HUMAN_RIGHTS.code);
    expect(await committeeField.inputValue()).toBe(HUMAN_RIGHTS.en);
    expect(await page.locator('#conclusion-chair').inputValue()).toBe(HUMAN_RIGHTS.chair);
    expect(await page.locator('[data-testid=addressee-registry]').inputValue()).toBe('');
    await page.locator('#export-lang').selectOption('ru');
    await page.locator('[data-testid=addressee-registry]').selectOption(HUMAN_RIGHTS.code);
    expect(await committeeField.inputValue()).toBe(HUMAN_RIGHTS.ru);
    const fill = async (id: string, value: string) => {
      await page.locator(`#${id}`).fill(value);
      await page.locator(`#${id}`).blur();
    };
    await fill('conclusion-outgoingNumber', '14/2026');
    await fill('conclusion-outgoingDate', '2026-12-07');
    // «Complies» would need something assessed first: with recommendations it may go out as it is.
    await page.locator('#conclusion-verdict').selectOption('complies_with_recommendations');
    await fill('conclusion-recommendations', 'Дополнить статью 1 гарантиями для отцов.');
    await fill('conclusion-signatory-name', 'Б. Бекова');
    // The committee's letter the conclusion answers, beside the outgoing number.
    expect(await page.locator('fieldset[data-group=addressee] #conclusion-requestLetter-number').count()).toBe(1);
    await fill('conclusion-requestLetter-number', '07-15/2026');
    await fill('conclusion-requestLetter-date', '2026-11-30');
    await waitSynced(page);
    // As the addressee prints it: the word «Комитет» may be declined («Комитету»), the rest stays.
    await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain(HUMAN_RIGHTS.ru.replace(/^Комитет /, ''));
    // The chair by her surname's stem: the addressee may print it declined, with her post («Председателю … Жээнбековой»).
    expect(await preview.textContent()).toContain('Жээнбеков');
    await expect.poll(() => preview.textContent()).toContain('07-15/2026');
    await expect.poll(() => page.locator('[data-testid=issue-button]').isDisabled(), { timeout: 15_000 }).toBe(false);
    await screenshot(page, '21-conclusion-form-wide');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Issuing: a list of active committees, the upload's chosen; another committee is said not to be
    // the addressee, and choosing it changes nothing in the conclusion.
    const issueCommittee = page.locator('[data-testid=issue-committee]');
    expect(await issueCommittee.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await issueCommittee.inputValue()).toBe(HUMAN_RIGHTS.code);
    expect(await issueCommittee.locator('option[value=budget]').count()).toBe(0);
    await issueCommittee.selectOption('social');
    await expect.poll(() => page.locator('[data-testid=issue-addressee-note]').textContent()).toContain(HUMAN_RIGHTS.ru);
    expect(await committeeField.inputValue()).toBe(HUMAN_RIGHTS.ru);
    await issueCommittee.selectOption(HUMAN_RIGHTS.code);
    await expect.poll(() => page.locator('[data-testid=issue-addressee-note]').textContent()).toBe('');
    await page.locator('[data-testid=issue-button]').click();
    await confirmInDialog(page);
    await expect.poll(() => page.locator('[data-testid=issue-status]').textContent()).toContain(`«${HUMAN_RIGHTS.ru}»`);
    expect(getReview(db, reviewId)).toMatchObject({ status: 'issued', committee: HUMAN_RIGHTS.code });

    // Issued: the form says the committee's copy is frozen, and its fields are read-only.
    const frozen = page.locator('[data-testid=conclusion-frozen]');
    await frozen.waitFor();
    expect(await frozen.textContent()).toContain('заморожен');
    expect(await frozen.textContent()).toContain(HUMAN_RIGHTS.ru);
    for (const selector of ['#conclusion-outgoingNumber', '#conclusion-committee', '#conclusion-requestLetter-date', '#conclusion-experts', '#conclusion-summary', '#conclusion-verdict', '[data-testid=addressee-registry]', '[data-testid=conclusion-analysis] textarea[data-criterion]'])
      expect(await page.locator(selector).first().isEditable(), selector).toBe(false);
    expect(await page.locator('#conclusion-outgoingNumber').inputValue()).toBe('14/2026');
    await sideBySide(page);
    await screenshot(page, '22-conclusion-frozen');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Every word of it in ky and en too.
    const legend = page.locator('fieldset[data-group=general] > legend');
    await page.locator('[data-testid=lang-select]').selectOption('ky');
    await expect.poll(() => legend.textContent()).toBe('Жалпы маалымат');
    expect(await frozen.textContent()).toContain('тоңдурулган');
    expect(await frozen.textContent()).toContain(HUMAN_RIGHTS.ky);
    expect(await page.locator('[data-testid=issue-status]').textContent()).toContain(HUMAN_RIGHTS.ky);
    expect(await page.locator('label[for=conclusion-addressee-registry]').textContent()).toBe('Адресатты комитеттердин реестринен толтуруу');
    await page.locator('[data-testid=lang-select]').selectOption('en');
    await expect.poll(() => legend.textContent()).toBe('General information');
    expect(await frozen.textContent()).toContain('frozen');
    expect(await frozen.textContent()).toContain(HUMAN_RIGHTS.en);
    expect(await page.locator('[data-testid=issue-status]').textContent()).toContain(HUMAN_RIGHTS.en);
    expect(await issueCommittee.locator('option:checked').textContent()).toBe(HUMAN_RIGHTS.en);
    await page.locator('[data-testid=lang-select]').selectOption('ru');
    await expect.poll(() => legend.textContent()).toBe('Общие сведения');

    // Low vision: larger type, and still the form beside the preview.
    await page.locator('[data-testid=low-vision]').click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('low-vision'))).toBe(true);
    await sideBySide(page);
    await screenshot(page, '23-conclusion-form-low-vision');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('[data-testid=low-vision]').click();

    // Returned to review: the notice goes, the fields are hers again.
    await page.locator('[data-testid=reopen-button]').click();
    await confirmInDialog(page);
    await expect.poll(() => frozen.isVisible()).toBe(false);
    expect(getReview(db, reviewId)!.status).toBe('in_review');
    for (const selector of ['#conclusion-outgoingNumber', '#conclusion-verdict', '[data-testid=addressee-registry]', '[data-testid=conclusion-analysis] textarea[data-criterion]'])
      await expect.poll(() => page.locator(selector).first().isEditable(), { message: selector }).toBe(true);

    // Another tab gives the draft back.
    await page.locator('[data-testid=tab-findings]').click();
    await expect.poll(() => page.locator('.editor-pane').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=review-page]').getAttribute('class')).not.toContain('review-page--wide');
    await bench.expectClean(page);
    await bench.expectClean(admin);
  }, 180_000);
});
