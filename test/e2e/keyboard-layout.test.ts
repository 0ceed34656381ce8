import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createAnchor } from '../../shared/collab/anchor';
import { addAnnotation, addReply } from '../../shared/collab/author-doc';
import { clauseTexts, plainText } from '../../shared/collab/text-doc';
import { authorDocName } from '../../shared/protocol';
import { api, login } from '../helpers/app';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { corpusAvailable, readCorpus } from '../helpers/corpus';
import { openClient } from '../collab/harness';
import { DRAFT } from './fixtures';
import { useWorkbench } from './harness';
import { openReview, selectInEditor } from './page-actions';

const FAMILY_CODE = 'kg_family_code_2003_ru.txt';
const LANGS = ['ru', 'ky', 'en'] as const;

async function setLang(page: Page, lang: string): Promise<void> {
  await page.locator('[data-testid=lang-select]').selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/** What has the keyboard focus, named for a test's message. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return el.dataset.testid ?? el.getAttribute('role') ?? el.className ?? el.tagName;
  });
}

/** The review page loaded afresh: nothing focused, the Tab order starts at the top. */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.draft-editor p.clause-text').first().waitFor();
  await expect.poll(() => page.locator('[data-testid=connection]').getAttribute('data-state')).toBe('synced');
  expect(await focused(page)).toBe('body');
}

/** Tabs from the top of the page until the draft's text has the focus: what each Tab reached. */
async function tabsToText(page: Page, limit: number): Promise<string[]> {
  await reload(page);
  const stops: string[] = [];
  for (let tabs = 1; tabs <= limit; tabs += 1) {
    await page.keyboard.press('Tab');
    stops.push(await focused(page));
    if (stops[stops.length - 1] === 'draft-editor') return stops;
  }
  return stops;
}

/** Every tab of the sidebar shows its whole label on one line. */
async function tabsWhole(page: Page): Promise<Array<{ label: string; clipped: boolean; lines: number; top: number }>> {
  return page.locator('[role=tab]').evaluateAll((tabs) =>
    tabs.map((tab) => {
      const el = tab as HTMLElement;
      const style = getComputedStyle(el);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      const range = document.createRange();
      range.selectNodeContents(el);
      const textHeight = range.getBoundingClientRect().height;
      return { label: el.textContent ?? '', clipped: el.scrollWidth > el.clientWidth + 1, lines: Math.round(textHeight / lineHeight), top: Math.round(el.getBoundingClientRect().top) };
    }),
  );
}

/** The header's tools (state pill, language, low vision, name, sign out) on one row beside the brand. */
async function headerRows(page: Page): Promise<{ height: number; brand: number; tools: number }> {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header') as HTMLElement;
    const brand = (document.querySelector('.brand') as HTMLElement).getBoundingClientRect();
    const tools = (document.querySelector('.app-header__tools') as HTMLElement).getBoundingClientRect();
    return { height: header.getBoundingClientRect().height, brand: Math.round(brand.top), tools: Math.round(tools.top + tools.height / 2 - (brand.top + brand.height / 2)) };
  });
}

describe.skipIf(!chromiumAvailable())('keyboard, Kyrgyz and low-vision layout, dates in the interface language (e2e, chromium)', () => {
  const bench = useWorkbench();

  test.skipIf(!corpusAvailable(FAMILY_CODE))('the text is a few Tabs away: the outline is one Tab stop with arrow keys, the skip link lands in the text, Escape from a dialog returns where she was', async () => {
    const reviewId = await bench.world.createReview('Семейный кодекс', readCorpus(FAMILY_CODE));
    const { page } = await bench.signedIn('aida');
    await openReview(page, bench.world.server.url, reviewId);
    const entries = await page.locator('.outline [role=treeitem]').count();
    // The Family Code's outline has well over a hundred entries (each was a Tab stop).
    expect(entries).toBeGreaterThan(100);

    const stops = await tabsToText(page, 60);
    console.log(`[keyboard] Family Code, ${entries} outline entries: ${stops.length} Tabs from the top of the page to the text (${stops.join(', ')})`);
    expect(stops[stops.length - 1]).toBe('draft-editor');
    // The outline is one stop however long it is; the rest are the header's and the toolbar's controls.
    expect(stops.filter((stop) => stop === 'treeitem')).toHaveLength(1);
    expect(stops.length).toBeLessThanOrEqual(20);

    // The skip link is the first stop and lands in the draft's text.
    await reload(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('draft-editor');

    // The outline: one Tab stop; the arrows move inside it, Enter jumps to the clause in the text.
    await page.locator('.outline [role=treeitem][tabindex="0"]').focus();
    expect(await page.locator('.outline [role=treeitem][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const all = [...document.querySelectorAll('.outline [role=treeitem]')];
      return { index: all.indexOf(el), id: el.dataset.clause, roving: el.tabIndex };
    });
    expect(chosen.index).toBe(3);
    expect(chosen.roving).toBe(0);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('draft-editor');
    await expect
      .poll(() => page.evaluate(() => (getSelection()?.anchorNode?.parentElement?.closest('section[data-clause-id]') as HTMLElement | null)?.dataset.clauseId))
      .toBe(chosen.id);
    // Back in the outline, it remembers where she was: one Shift+Tab… the roving stop is the chosen entry.
    expect(await page.locator(`.outline [role=treeitem][data-clause="${chosen.id}"]`).getAttribute('tabindex')).toBe('0');
    // Left goes up to the entry above (its chapter or section), Right back down.
    await page.locator(`.outline [role=treeitem][data-clause="${chosen.id}"]`).focus();
    const level = Number(await page.locator(`.outline [role=treeitem][data-clause="${chosen.id}"]`).getAttribute('aria-level'));
    await page.keyboard.press('ArrowLeft');
    const parentLevel = Number(await page.evaluate(() => document.activeElement?.getAttribute('aria-level')));
    if (level > 1) expect(parentLevel).toBeLessThan(level);

    // Escape from the new-finding dialog: opened by the button with the keyboard, focus returns to
    // the button; opened by the shortcut in the text, to the text.
    await selectInEditor(page, 'брак');
    // Back through the toolbar (Shift+Tab) to the button.
    for (let i = 0; i < 10 && (await focused(page)) !== 'new-finding'; i += 1) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('new-finding');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=finding-dialog]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=finding-dialog]').waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('new-finding');
    await selectInEditor(page, 'брак');
    await page.keyboard.press('Control+Alt+M');
    await page.locator('[data-testid=finding-dialog]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=finding-dialog]').waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('draft-editor');

    for (const lang of LANGS) {
      await setLang(page, lang);
      expect(await seriousAxeViolations(page), `axe on the review page with the outline tree (${lang})`).toEqual([]);
    }
    await bench.expectClean(page);
    // Three axe runs and dozens of key presses on a 167-entry outline: more than a minute on a busy machine.
  }, 180_000);

  test('in Kyrgyz and in low vision, tabs and the name are whole, the header stays one row offline, and dates read in the interface language', async () => {
    // A review with a deadline, and a finding written through the collaboration protocol.
    const auth = await login(bench.world.server, bench.world.secretary.email, bench.world.secretary.password);
    const form = new FormData();
    form.append('title', 'Сроки');
    form.append('deadline', '2026-12-20');
    form.append('file', new Blob([DRAFT], { type: 'text/plain' }), 'draft.txt');
    const uploaded = await api(bench.world.server, auth, '/api/reviews', { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    const reviewId = ((await uploaded.json()) as { review: { id: string } }).review.id;
    for (const expert of [bench.world.aida, bench.world.bakyt]) {
      const added = await api(bench.world.server, auth, `/api/reviews/${reviewId}/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: expert.id }) });
      expect(added.status).toBeLessThan(300);
    }
    const bakytAuth = await login(bench.world.server, bench.world.bakyt.email, bench.world.bakyt.password);
    const mine = authorDocName(bench.world.bakyt.id);
    const client = await openClient(bench.world.server.url, bakytAuth, reviewId, ['text', mine]);
    const [clauseId] = [...clauseTexts(client.docs.get('text')!)].find(([, text]) => plainText(text).length > 30)!;
    const finding = addAnnotation(client.docs.get(mine)!, bench.world.bakyt.id, { kind: 'finding', anchor: createAnchor(client.docs.get('text')!, clauseId, { start: 2, end: 12 }), criterionId: 'C1', severity: 'concern', body: 'Датированное замечание' });
    // A reply shows its date and time on the card.
    addReply(client.docs.get(mine)!, bench.world.bakyt.id, finding.id, 'Ответ с датой', new Date(2026, 11, 20, 9, 5).getTime());
    await client.provider.whenSynced(20_000);
    client.close();

    const { ctx, page } = await bench.signedIn('aida');
    // The review list: the deadline in each language's own words.
    const deadline = () => page.locator('tr', { hasText: 'Сроки' }).locator('td').nth(1).textContent();
    await page.locator('tr', { hasText: 'Сроки' }).waitFor();
    const expected = { ru: '20 декабря 2026 г.', ky: '2026-жылдын 20-декабры', en: '20 December 2026' };
    for (const lang of LANGS) {
      await setLang(page, lang);
      await expect.poll(deadline).toBe(expected[lang]);
    }

    await openReview(page, bench.world.server.url, reviewId);
    const card = page.locator('.finding', { hasText: 'Датированное замечание' });
    await card.waitFor();
    const reply = card.locator('.reply', { hasText: 'Ответ с датой' });
    await setLang(page, 'ky');
    await expect.poll(() => reply.textContent()).toContain('2026-жылдын 20-декабры, 09:05');
    await setLang(page, 'ru');
    await expect.poll(() => reply.textContent()).toContain('20 дек. 2026 г., 09:05');
    await setLang(page, 'en');
    await expect.poll(() => reply.textContent()).toContain('20 Dec 2026, 09:05');

    // The name alone is shown, whole; the sentence is its accessible name.
    const name = page.locator('[data-testid=user-name]');
    await setLang(page, 'ky');
    expect(await name.textContent()).toBe(bench.world.aida.name);
    expect(await name.getAttribute('aria-label')).toContain('катары кирдиңиз');

    for (const lowVision of [false, true]) {
      if (lowVision) await page.locator('[data-testid=low-vision]').click();
      for (const lang of LANGS) {
        await setLang(page, lang);
        const tabs = await tabsWhole(page);
        for (const tab of tabs) {
          expect(tab.clipped, `tab «${tab.label}» clipped (${lang}, low vision ${lowVision})`).toBe(false);
          expect(tab.lines, `tab «${tab.label}» on one line (${lang}, low vision ${lowVision})`).toBe(1);
        }
        // In normal type the tabs (five with the amended act's) take at most two rows at 1400 px, whole.
        if (!lowVision) expect(new Set(tabs.map((t) => t.top)).size, `tab rows (${lang}): ${JSON.stringify(tabs)}`).toBeLessThanOrEqual(2);
        const user = await name.evaluate((el) => ({ lines: Math.round(el.getBoundingClientRect().height / (parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.2)) }));
        expect(user.lines, `the name on one line (${lang})`).toBe(1);
        // Who is here: a long name stays inside the window, cut with an ellipsis, the whole of it in the tooltip.
        const present = await page.locator('[data-testid=presence-name]').evaluateAll((els) =>
          els.map((el) => ({ right: el.getBoundingClientRect().right, width: document.documentElement.clientWidth, cut: el.scrollWidth > el.clientWidth, title: el.getAttribute('title'), text: el.textContent })),
        );
        expect(present.length, `presence listed (${lang})`).toBeGreaterThan(0);
        for (const p of present) {
          expect(p.right, `«${p.text}» inside the window (${lang}, low vision ${lowVision})`).toBeLessThanOrEqual(p.width);
          expect(p.title).toBe(p.text);
        }
      }
    }
    await setLang(page, 'ky');
    await screenshot(page, 'low-vision-ky-review');

    // Offline, in low vision and in Kyrgyz (the longest words): the pill is short and the header one row.
    const online = await headerRows(page);
    await ctx.setOffline(true);
    await expect.poll(() => page.locator('[data-testid=connection]').getAttribute('data-state')).toBe('offline');
    for (const lang of LANGS) {
      await setLang(page, lang);
      const offline = await headerRows(page);
      expect(offline.height, `header height offline (${lang}) against online`).toBeLessThanOrEqual(online.height + 2);
      expect(Math.abs(offline.tools), `tools beside the brand (${lang})`).toBeLessThan(20);
      expect(await page.locator('[data-testid=connection]').getAttribute('title')).toBeTruthy();
    }
    expect(await page.locator('[data-testid=connection]').textContent()).toContain('Offline — your changes are kept');
    await screenshot(page, 'low-vision-offline-header');
    expect(await seriousAxeViolations(page), 'axe in low vision, offline').toEqual([]);
    await ctx.setOffline(false);
    await bench.expectClean(page);
  }, 180_000);
});
