import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type TendikApp } from '../../server/app';
import { testConfig } from '../../server/config';
import { openDatabase } from '../../server/storage/db';
import { chromiumAvailable, launchChromium, seriousAxeViolations, signInAs } from '../helpers/browser';
import { makeUser, type TestServer } from '../helpers/app';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { ensureClientBuilt } from './build-client';

/**
 * A forgotten password, in Chromium: the sign-in form's link, the address asked for, the mail read
 * from a local SMTP sink, its link opened, the new password set — and she is signed in; both screens
 * axe clean, in Russian and in Kyrgyz.
 */
describe.skipIf(!chromiumAvailable())('password reset by e-mail (e2e, chromium)', () => {
  let sink: SmtpSink;
  let tendik: TendikApp;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureClientBuilt();
    sink = await startSmtpSink();
    tendik = createApp(
      testConfig({ publicUrl: 'http://127.0.0.1:PORT', mail: { host: '127.0.0.1', port: sink.port, secure: false, requireTls: false, user: null, password: null, from: 'Tendik <t@example.kg>' } }),
      openDatabase(':memory:'),
    );
    const port = await tendik.listen();
    // The links in the mails point at this server.
    tendik.ctx.config.publicUrl = `http://127.0.0.1:${port}`;
    server = { tendik, port, url: `http://127.0.0.1:${port}`, close: () => tendik.close() };
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await tendik?.close();
    await sink?.close();
  });

  for (const lang of ['ru', 'ky'] as const) {
    it(`from the sign-in form to a new password, signed in (${lang})`, async () => {
      const { user, password: oldPassword } = await makeUser(server, 'expert');
      const ctx = await browser.newContext({ locale: 'ru-RU' });
      const page = await ctx.newPage();
      await page.goto(`${server.url}/`);
      // The interface's language, chosen as a person does: the mail follows it.
      await page.locator('[data-testid=lang-select]').selectOption(lang);
      await page.locator('[data-testid=forgot-password]').click();
      await page.locator('#reset-email').fill(user.email);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.locator('form button[type=submit]').click();
      await expect.poll(() => page.locator('[data-testid=reset-sent]').textContent(), { timeout: 10_000 }).toContain(user.email);
      expect(await page.locator('h1').textContent()).toBe(lang === 'ru' ? 'Сброс пароля' : 'Сырсөздү жаңыртуу');

      await tendik.ctx.mail.idle();
      const mail = sink.to(user.email).at(-1)!;
      expect(mail.subject).toBe(lang === 'ru' ? 'Сброс пароля в Tendik' : 'Tendik: сырсөздү жаңыртуу');
      const link = /http:\/\/127\.0\.0\.1:\d+\/reset-password#token=[\w-]+/.exec(mail.text)![0];
      await page.goto(link);
      await page.locator('#reset-password').fill('a-new-long-password-7');
      await page.locator('#reset-password-again').fill('a-new-long-password-8');
      await page.locator('form button[type=submit]').click();
      await expect.poll(() => page.locator('[data-testid=reset-errors]').textContent()).toBe(lang === 'ru' ? 'Пароли не совпадают.' : 'Сырсөздөр дал келбейт.');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.locator('#reset-password-again').fill('a-new-long-password-7');
      await page.locator('form button[type=submit]').click();
      await page.locator('[data-testid=user-name]').waitFor();
      // The token left the address bar; the new password signs in, the old one does not.
      expect(page.url()).not.toContain('token=');
      await ctx.close();
      const fresh = await browser.newContext();
      await signInAs(fresh, server.url, user.email, 'a-new-long-password-7');
      await fresh.close();
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: oldPassword }) });
      expect(res.status).toBe(401);
    }, 120_000);
  }
});
