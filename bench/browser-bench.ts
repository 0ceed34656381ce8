import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt } from '../test/e2e/build-client';
import { startWorld, type E2eWorld } from '../test/e2e/fixtures';
import { chromiumAvailable, launchChromium } from '../test/helpers/browser';
import { corpusAvailable } from '../test/helpers/corpus';

/**
 * Runs a benchmark that opens the app in Chromium on a corpus text: skipped, saying why, when Chromium
 * or the text is absent; the built client, a server world and a browser around `run`, closed after it.
 * A benchmark reports and never fails the run, so an error is printed as a figure it could not take.
 */
export async function runBrowserBench(name: string, corpusFile: string, run: (world: E2eWorld, browser: Browser) => Promise<void>): Promise<void> {
  if (!chromiumAvailable()) {
    console.log('SKIPPED: /usr/bin/chromium is absent.');
    return;
  }
  if (!corpusAvailable(corpusFile)) {
    console.log(`SKIPPED: ../shared/corpus/${corpusFile} is absent.`);
    return;
  }
  ensureClientBuilt();
  const world = await startWorld();
  const browser = await launchChromium();
  try {
    await run(world, browser);
  } catch (error) {
    console.log(`${name} bench did not complete: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser.close();
    await world.close();
  }
}

/** ms since navigation start at which the editor was complete, synced and answering. */
export async function openUntilInteractive(page: Page, url: string, articles: number): Promise<number> {
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(
    (expected) =>
      document.querySelectorAll('.draft-editor section.clause--article').length >= expected &&
      document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'synced',
    articles,
    { polling: 'raf', timeout: 60_000 },
  );
  // Interactive: the main thread is free enough to run the next frame after a caret move.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        (document.querySelector('.draft-editor') as HTMLElement).focus();
        requestAnimationFrame(() => setTimeout(resolve, 0));
      }),
  );
  return Date.now() - started;
}
