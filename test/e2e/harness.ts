import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, signInAs } from '../helpers/browser';
import { ensureClientBuilt } from './build-client';
import { startWorld, type E2eWorld } from './fixtures';
import { nothingInjected } from './page-actions';

export interface Workbench {
  readonly world: E2eWorld;
  newContext(): Promise<BrowserContext>;
  signedIn(who: 'secretary' | 'aida' | 'bakyt' | 'reader' | 'admin'): Promise<{ ctx: BrowserContext; page: Page }>;
  /** No payload ran, none became an element, and no alert/confirm/prompt opened anywhere. */
  expectClean(page: Page): Promise<void>;
}

/**
 * Registers the suite's beforeAll/afterAll: the built client, the real app over a real SQLite file,
 * one Debian chromium; contexts opened through it are closed after the suite.
 */
export function useWorkbench(): Workbench {
  let world: E2eWorld | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    world = await startWorld();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
    await browser?.close();
    await world?.close();
  });

  const bench: Workbench = {
    get world() {
      if (!world) throw new Error('the workbench is not started');
      return world;
    },
    async newContext() {
      // A Russian-speaking user's browser: native controls (file and date inputs) speak Russian too.
      const ctx = await browser!.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 }, locale: 'ru-RU' });
      // Any alert/confirm/prompt would mean a payload ran.
      ctx.on('page', (page) =>
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        }),
      );
      contexts.push(ctx);
      return ctx;
    },
    async signedIn(who) {
      const ctx = await bench.newContext();
      const person = bench.world[who];
      return { ctx, page: await signInAs(ctx, bench.world.server.url, person.email, person.password) };
    },
    async expectClean(page) {
      expect(await nothingInjected(page)).toEqual({ ran: undefined, elements: 0 });
      expect(dialogs).toEqual([]);
    },
  };
  return bench;
}
