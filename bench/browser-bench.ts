import type { Browser } from 'playwright-core';
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
