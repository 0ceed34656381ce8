import { describe, expect, test } from 'vitest';
import { chromiumAvailable, seriousAxeViolations } from '../helpers/browser';
import { corpusAvailable, readCorpus } from '../helpers/corpus';
import { throttledRelay } from '../helpers/throttle-relay';
import { useWorkbench } from './harness';

// Opening a review over a slow link (issue 17; 1.5 Mbit/s, 300 ms, through a throttling relay): the
// page is never blank and says what is loading, the app's code arrives compressed, the socket starts
// beside the session check rather than after it, and the text shows when it arrives. How long it
// takes is measured by `npm run bench -- slow-link`, never asserted here.

// A clause of the draft (an empty editor holds one placeholder clause without an id).
// Marks in the page; the socket's messages are held back until the test releases them, so the page
// is seen as it is before the text has come, however fast the machine.
const MARKS = `(() => {
  const mark = (name) => { (window.__marks ||= {})[name] ??= performance.now(); };
  const Native = window.WebSocket;
  const held = [];
  window.__held = true;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      mark('socketOpened');
      this.__onmessage = null;
      super.addEventListener('message', (event) => {
        if (window.__held) held.push([this, event]);
        else this.__onmessage?.(event);
      });
    }
    set onmessage(fn) { this.__onmessage = fn; }
    get onmessage() { return this.__onmessage; }
  };
  window.__release = () => {
    window.__held = false;
    for (const [socket, event] of held.splice(0)) socket.__onmessage?.(event);
  };
  new MutationObserver(() => {
    if (document.querySelector('[data-testid=text-loading]')) mark('textLoadingShown');
    if (document.querySelector('.draft-editor section[data-clause-id]:not([data-clause-id=""])')) mark('textShown');
    if (document.querySelector('.draft-editor section[data-clause-id]:not([data-clause-id=""])') && document.querySelector('[data-testid=text-loading]')) mark('bothAtOnce');
  }).observe(document, { subtree: true, childList: true });
})()`;

// A real code, so that its text (~100 KB over the wire) arrives well after the page is laid out.
const FAMILY_CODE = 'kg_family_code_2003_ru.txt';

describe.skipIf(!chromiumAvailable() || !corpusAvailable(FAMILY_CODE))('a review over a slow link (e2e, chromium)', () => {
  const bench = useWorkbench();

  test('never blank: the text says it is loading until it arrives, the code comes compressed, the socket opens beside the session check', async () => {
    const reviewId = await bench.world.createReview('Медленная связь', readCorpus(FAMILY_CODE));
    const { ctx, page: signedIn } = await bench.signedIn('bakyt');
    await signedIn.close();
    const relay = await throttledRelay(bench.world.server.port);
    try {
      await ctx.addInitScript(MARKS);
      const page = await ctx.newPage();
      await page.goto(`${relay.url}/#/reviews/${reviewId}`);
      // Before the text: the page is laid out and the text's place says it is loading.
      const loading = page.locator('[data-testid=text-loading]');
      await loading.waitFor({ timeout: 30_000 });
      expect(await loading.getAttribute('role')).toBe('status');
      expect(await page.locator('.editor-pane').getAttribute('aria-busy')).toBe('true');
      expect(await page.locator('.draft-editor section[data-clause-id]:not([data-clause-id=""])').count()).toBe(0);
      expect(await seriousAxeViolations(page), 'axe while the text loads').toEqual([]);
      await page.evaluate(() => (window as unknown as { __release(): void }).__release());
      await page.locator('.draft-editor section[data-clause-id]:not([data-clause-id=""])').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => page.locator('[data-testid=connection]').getAttribute('data-state'), { timeout: 30_000 }).toBe('synced');
      const seen = await page.evaluate(() => {
        const marks = (window as unknown as { __marks: Record<string, number> }).__marks;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const session = resources.find((r) => r.name.endsWith('/api/auth/me'));
        const code = resources.filter((r) => /\/assets\/.*\.js$/.test(r.name) && r.decodedBodySize > 20_000);
        return {
          marks,
          sessionAnswered: session?.responseEnd ?? NaN,
          code: code.map((r) => ({ name: r.name, encoded: r.encodedBodySize, decoded: r.decodedBodySize })),
        };
      });
      // The text's place said "loading" before the text came, and never both at once.
      expect(seen.marks.textLoadingShown).toBeLessThan(seen.marks.textShown!);
      expect(seen.marks.bothAtOnce).toBeUndefined();
      expect(await page.locator('[data-testid=text-loading]').count()).toBe(0);
      expect(await page.locator('.editor-pane').getAttribute('aria-busy')).toBeNull();
      // The socket's handshake started before the session check answered (over 300 ms of round trip).
      expect(seen.marks.socketOpened).toBeLessThan(seen.sessionAnswered);
      // The app's code travelled compressed (gzip over plain HTTP): less than half its size.
      expect(seen.code.length).toBeGreaterThan(0);
      for (const file of seen.code) expect(file.encoded, file.name).toBeLessThan(file.decoded / 2);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await bench.expectClean(page);
    } finally {
      await relay.close();
    }
  });
});
