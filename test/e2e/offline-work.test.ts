import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReviewModel } from '../../shared/review-model';
import { CHROMIUM, chromiumAvailable, launchChromium, screenshot, signInAs } from '../helpers/browser';
import { api, login } from '../helpers/app';
import { networkSwitch, type NetworkSwitch } from '../helpers/network-switch';
import { ensureClientBuilt } from './build-client';
import { SECOND_READING, startWorld, type E2eWorld } from './fixtures';
import { addFinding, findingCard, openReview, waitSynced } from './page-actions';

/**
 * Issue 12 §1: an expert's offline work survives the tab and the browser closing. Her browser has a
 * profile on disk (a persistent context, like a real one) and reaches the server through a relay the
 * test cuts: a real outage for the page, its service worker and its socket alike.
 */
describe.skipIf(!chromiumAvailable())('offline work survives a closed browser (e2e, chromium, persistent profile)', () => {
  let world: E2eWorld;
  let network: NetworkSwitch;
  let colleagues: Browser;
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    world = await startWorld();
    network = await networkSwitch(world.server.port);
    colleagues = await launchChromium();
  });
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
    await colleagues?.close();
    await network?.close();
    await world?.close();
    for (const dir of profiles) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Aida's browser: the same profile directory every time it is started. */
  function browserOf(profile: string) {
    return async () => {
      const ctx = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1400, height: 900 },
        locale: 'ru-RU',
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      contexts.push(ctx);
      return ctx;
    };
  }
  const newProfile = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-profile-'));
    profiles.push(dir);
    return browserOf(dir);
  };

  const pill = (page: Page) => page.locator('[data-testid=connection]');
  const firstPage = async (ctx: BrowserContext) => ctx.pages()[0] ?? (await ctx.newPage());

  /** Opens the review through the relay and waits until the service worker keeps what reopening needs. */
  async function openWithOfflineCache(page: Page, reviewId: string): Promise<void> {
    await openReview(page, network.url, reviewId);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const kept = () =>
      page.evaluate(async () => {
        const cache = await caches.open('tendik-api');
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
    await expect.poll(kept).toEqual(expect.arrayContaining(['/api/auth/me', `/api/reviews/${reviewId}`, `/api/reviews/${reviewId}/members`]));
  }

  async function goOffline(ctx: BrowserContext, page: Page): Promise<void> {
    network.down();
    await ctx.setOffline(true);
    await expect.poll(() => pill(page).getAttribute('data-state')).toBe('offline');
  }

  async function serverFindings(reviewId: string, authorId: string): Promise<string[]> {
    const auth = await login(world.server, world.secretary.email, world.secretary.password);
    const model = (await (await api(world.server, auth, `/api/reviews/${reviewId}/model`)).json()) as ReviewModel;
    return model.findings.filter((f) => f.authorId === authorId).map((f) => String(f.explanation));
  }

  const localCopies = (page: Page, userId: string) =>
    page.evaluate(async (prefix) => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(prefix)), `tendik:${userId}:`);

  test('three findings made offline, the browser closed and reopened offline: they are there, and reach the server and a colleague when the network returns; signing out clears the copy', async () => {
    const reviewId = await world.createReview('Работа без сети');
    const launch = newProfile();
    let ctx = await launch();
    const page = await signInAs(ctx, network.url, world.aida.email, world.aida.password);
    await openWithOfflineCache(page, reviewId);

    const bakyt = await signInAs(await colleagues.newContext({ locale: 'ru-RU', viewport: { width: 1400, height: 900 } }), world.server.url, world.bakyt.email, world.bakyt.password);
    await openReview(bakyt, world.server.url, reviewId);

    await goOffline(ctx, page);
    const findings: Array<[string, string]> = [
      ['назначается женщинам', 'Без сети 1: только женщинам'],
      ['состоит из пяти членов', 'Без сети 2: состав комиссии'],
      ['Текст из черновика', 'Без сети 3: неясная норма'],
    ];
    for (const [words, body] of findings) await addFinding(page, words, body);
    await expect.poll(() => pill(page).getAttribute('data-unsent')).toBe('3');
    expect(await pill(page).textContent()).toContain('Не отправлено изменений: 3');
    await screenshot(page, '20-offline-unsent');

    // Closing the tab with work unsent asks first; staying keeps everything.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.type();
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    // The whole browser goes away; nothing reached the server.
    await ctx.close();
    expect(await serverFindings(reviewId, world.aida.id)).toEqual([]);

    // Started again, still offline: the review opens with her work.
    ctx = await launch();
    await ctx.setOffline(true);
    const again = await firstPage(ctx);
    await again.goto(`${network.url}/#/reviews/${reviewId}`);
    for (const [, body] of findings) await findingCard(again, body).waitFor();
    expect(await pill(again).getAttribute('data-state')).toBe('offline');
    await expect.poll(() => pill(again).getAttribute('data-unsent')).toBe('3');
    await screenshot(again, '21-offline-reopened');

    // The network returns: the server and the colleague get all three.
    network.up();
    await ctx.setOffline(false);
    await waitSynced(again, 30_000);
    await expect.poll(() => pill(again).getAttribute('data-unsent')).toBe('0');
    expect((await serverFindings(reviewId, world.aida.id)).sort()).toEqual(findings.map(([, body]) => body).sort());
    for (const [, body] of findings) await findingCard(bakyt, body).waitFor();

    // Nothing left to send: signing out asks nothing and leaves no copy of her work in this browser.
    expect(await localCopies(again, world.aida.id)).not.toEqual([]);
    await again.locator('[data-testid=sign-out]').click();
    await again.locator('#sign-in-email').waitFor();
    await expect.poll(() => localCopies(again, world.aida.id)).toEqual([]);
    expect(await again.evaluate(() => caches.has('tendik-api'))).toBe(false);
  });

  test('a later reading offline: the review reopens offline on reading 2 with the finding made there, which reaches the server when the network returns (issue 16)', async () => {
    const reviewId = await world.createReview('Второе чтение без сети');
    const auth = await login(world.server, world.secretary.email, world.secretary.password);
    const form = new FormData();
    form.set('label', '2-е чтение');
    form.set('file', new Blob([SECOND_READING], { type: 'text/plain' }), 'second.txt');
    expect((await api(world.server, auth, `/api/reviews/${reviewId}/versions`, { method: 'POST', body: form })).status).toBe(201);
    const launch = newProfile();
    let ctx = await launch();
    const page = await signInAs(ctx, network.url, world.aida.email, world.aida.password);
    await openWithOfflineCache(page, reviewId);
    const current = (p: Page) => p.locator('[data-testid=version-switcher] [aria-current=page]').getAttribute('data-testid');
    expect(await current(page)).toBe('version-link-2');

    await goOffline(ctx, page);
    await addFinding(page, 'используются понятия семьи', 'Без сети во втором чтении');
    await expect.poll(() => pill(page).getAttribute('data-unsent')).toBe('1');
    await ctx.close();

    // Started again offline at the review's plain address: reading 2 again, with its text and her work.
    ctx = await launch();
    await ctx.setOffline(true);
    const again = await firstPage(ctx);
    await again.goto(`${network.url}/#/reviews/${reviewId}`);
    await findingCard(again, 'Без сети во втором чтении').waitFor();
    expect(await again.locator('.draft-editor').textContent()).toContain('используются понятия семьи');
    expect(await current(again)).toBe('version-link-2');

    network.up();
    await ctx.setOffline(false);
    await waitSynced(again, 30_000);
    await expect.poll(() => pill(again).getAttribute('data-unsent')).toBe('0');
    const onReading2 = (await (await api(world.server, auth, `/api/reviews/${reviewId}/model?version=2`)).json()) as ReviewModel;
    const stored = onReading2.findings.find((f) => String(f.explanation) === 'Без сети во втором чтении');
    expect(stored?.draftVersion).toBe(2);
    expect(stored?.position?.state).toBe('exact');
    const onReading1 = (await (await api(world.server, auth, `/api/reviews/${reviewId}/model`)).json()) as ReviewModel;
    expect(onReading1.findings.some((f) => String(f.explanation) === 'Без сети во втором чтении')).toBe(false);
  });

  test('signing out with work not yet sent asks first: cancelled, nothing is lost; confirmed, the copy is deleted as warned', async () => {
    const reviewId = await world.createReview('Выход с неотправленным');
    const ctx = await newProfile()();
    const page = await signInAs(ctx, network.url, world.aida.email, world.aida.password);
    await openWithOfflineCache(page, reviewId);
    await goOffline(ctx, page);
    await addFinding(page, 'назначается женщинам', 'Не отправлено перед выходом');
    await expect.poll(() => pill(page).getAttribute('data-unsent')).toBe('1');

    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('[data-testid=sign-out]').click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toContain('Изменений, ещё не отправленных на сервер: 1');
    // Cancelled: still signed in, the finding still there and still counted.
    await findingCard(page, 'Не отправлено перед выходом').waitFor();
    expect(await pill(page).getAttribute('data-unsent')).toBe('1');
    expect(await localCopies(page, world.aida.id)).not.toEqual([]);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-testid=sign-out]').click();
    await page.locator('#sign-in-email').waitFor();
    await expect.poll(() => localCopies(page, world.aida.id)).toEqual([]);
    network.up();
    await ctx.setOffline(false);
  });
});
