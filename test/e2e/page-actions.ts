import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until the connection indicator says every doc of the open review is synced. */
export async function waitSynced(page: Page, timeout = 15_000): Promise<void> {
  await expect.poll(() => page.locator('[data-testid=connection]').getAttribute('data-state'), { timeout }).toBe('synced');
}

/** Opens a review and waits for the draft and the sync. */
export async function openReview(page: Page, baseUrl: string, reviewId: string): Promise<void> {
  await page.goto(`${baseUrl}/#/reviews/${reviewId}`);
  await page.locator('.draft-editor p.clause-text').first().waitFor();
  await waitSynced(page);
}

/**
 * Selects `words` inside the draft editor, as a user dragging over them would. Set from a script, the
 * selection has no mouse-down behind it, so a colleague's update redrawing the text between the DOM
 * selection and ProseMirror's reading of it (its selectionchange) puts ProseMirror's old selection back
 * — a drag with the mouse is kept (prosemirror-view's mouseDown.delaySelUpdate). Selected again then,
 * as the user would.
 */
export async function selectInEditor(page: Page, words: string): Promise<void> {
  await page.locator('[data-testid=draft-editor]').focus();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ok = await page.evaluate((needle) => {
      const root = document.querySelector('.draft-editor')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
      return false;
    }, words);
    expect(ok).toBe(true);
    // Two frames: ProseMirror has read the selection into its state, or put its own back.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    if ((await page.evaluate(() => window.getSelection()?.toString() ?? '')) === words || Date.now() > deadline) break;
  }
  await selectionSettled(page, words);
}

/**
 * Waits until the DOM selection reads `words`, then two frames: ProseMirror takes the DOM selection
 * into its state on the (asynchronous) selectionchange event.
 */
export async function selectionSettled(page: Page, words: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(words);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Selects words, opens the new-finding dialog with the button and submits a finding. */
export async function addFinding(page: Page, words: string, body: string, wording?: string): Promise<void> {
  await selectInEditor(page, words);
  await page.locator('[data-testid=new-finding]').click();
  const dialog = page.locator('[data-testid=finding-dialog]');
  await dialog.waitFor();
  expect(await dialog.locator('blockquote').textContent()).toBe(words);
  // The criterion is a required choice (issue 17): the first of the checklist's.
  await page.locator('[data-testid=finding-criterion]').selectOption({ index: 1 });
  await page.locator('[data-testid=finding-severity]').selectOption('violation');
  await page.locator('[data-testid=finding-body]').fill(body);
  if (wording) await page.locator('[data-testid=finding-wording]').fill(wording);
  await page.locator('[data-testid=finding-submit]').click();
  await dialog.waitFor({ state: 'detached' });
}

/** Opens the card's reply box (shown on demand) and sends a reply. */
export async function reply(card: ReturnType<Page['locator']>, text: string): Promise<void> {
  await card.locator('[data-testid=reply-open]').click();
  await card.locator('[data-testid=reply-input]').fill(text);
  await card.locator('[data-testid=reply-send]').click();
}

/** The sidebar card of the expert finding whose text contains `text`. */
export function findingCard(page: Page, text: string) {
  return page.locator('[data-origin=expert]').filter({ hasText: text });
}

/** True when no payload ran and no payload became an element. */
export async function nothingInjected(page: Page): Promise<{ ran: unknown; elements: number }> {
  return page.evaluate(() => ({
    ran: (window as unknown as { __xss?: string }).__xss,
    elements: document.querySelectorAll('img.pwned, #app script, dialog script').length,
  }));
}

/** The draft's text as the editor shows it, without other people's cursor labels. */
export function draftText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.querySelector('.draft-editor')!.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.remote-cursor').forEach((el) => el.remove());
    return copy.textContent ?? '';
  });
}

/** Opens a review from inside the app (a hash change, as a link does: no page load) and waits for the sync. */
export async function openReviewInApp(page: Page, reviewId: string): Promise<void> {
  await page.evaluate((id) => (location.hash = `#/reviews/${id}`), reviewId);
  await page.locator('.draft-editor p.clause-text').first().waitFor();
  await waitSynced(page);
}

/** Leaves the open review by its back link and waits for the list of reviews. */
export async function backToList(page: Page): Promise<void> {
  await page.locator('.review-page a.back-link').click();
  await page.locator('[data-testid=review-table]').waitFor();
}

/** Answers the confirmation the secretary's actions ask for (client/ui/confirm-dialog.ts) with its confirming button; returns what it said. */
export async function confirmInDialog(page: Page): Promise<string> {
  const dialog = page.locator('[data-testid=confirm-dialog]');
  await dialog.waitFor();
  const said = (await dialog.textContent()) ?? '';
  await dialog.locator('[data-testid=confirm-ok]').click();
  await dialog.waitFor({ state: 'detached' });
  return said;
}

/** Fills the one text box of a dialog (`<testId>-input`: a dismissal's reason, a reply) and sends it; waits until it closes. */
export async function dialogSubmit(page: Page, testId: string, text: string): Promise<void> {
  const dialog = page.locator(`[data-testid=${testId}]`);
  await dialog.waitFor();
  await dialog.locator(`[data-testid=${testId}-input]`).fill(text);
  await dialog.locator(`[data-testid=${testId}-submit]`).click();
  await dialog.waitFor({ state: 'detached' });
}
