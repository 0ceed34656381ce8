import { describe, expect, test } from 'vitest';
import { getUser } from '../../server/auth/users';
import type { UserId } from '../../shared/ids';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { useWorkbench } from './harness';
import { addFinding, findingCard, openReview, waitSynced } from './page-actions';

/**
 * Accounts in the browser: the administrator invites an expert and manages roles; the invitee sets her
 * password from the link; the secretary puts her on a review, which she then finds in her list.
 */
describe.skipIf(!chromiumAvailable())('accounts (e2e, chromium)', () => {
  const bench = useWorkbench();

  test('the admin invites an expert, the invitee joins from the link, the secretary puts her on a review, she changes her password', async () => {
    const db = bench.world.server.tendik.ctx.db;
    const reviewId = await bench.world.createReview('Экспертиза для новой участницы');
    const { page: admin } = await bench.signedIn('admin');
    const rows = admin.locator('[data-testid=user-row]');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await admin.locator('[data-testid=user-table]').textContent()).toContain('reader@e2e.local');

    // A committee reader needs a committee: the server's refusal is shown in Russian, nothing changes.
    const bakytRow = rows.filter({ hasText: 'bakyt@e2e.local' });
    await bakytRow.locator('select[id^="user-role-"]').selectOption('reader');
    await bakytRow.locator('button').click();
    await expect.poll(() => admin.locator('[data-testid=admin-status]').textContent()).toContain('нужно указать комитет');
    expect(getUser(db, bench.world.bakyt.id as UserId)?.role).toBe('expert');

    await admin.locator('#invite-email').fill('zhanyl@e2e.local');
    await admin.locator('#invite-name').fill('Жаңыл Эксперт');
    await admin.locator('[data-testid=invite-form] button[type=submit]').click();
    const link = await admin.locator('[data-testid=invite-link]').inputValue();
    expect(link).toMatch(/\/accept-invite#token=[A-Za-z0-9_-]{20,}$/);
    await expect.poll(() => admin.locator('[data-testid=pending-invitations]').textContent()).toContain('zhanyl@e2e.local');
    await screenshot(admin, '13-admin');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    const ctx = await bench.newContext();
    const invitee = await ctx.newPage();
    // A mistyped or forged link: a readable refusal and a way to the sign-in, no form to fill.
    await invitee.goto(`${bench.world.server.url}/accept-invite#token=${'x'.repeat(43)}`);
    await expect.poll(() => invitee.locator('.error-banner').first().textContent()).toMatch(/приглашени/i);
    expect(await invitee.locator('#accept-password').count()).toBe(0);
    await invitee.goto(link);
    await expect.poll(() => invitee.locator('[data-testid=accept-intro]').textContent()).toContain('с ролью «эксперт»');
    expect(await invitee.locator('#accept-name').inputValue()).toBe('Жаңыл Эксперт');
    await invitee.locator('#accept-password').fill('Жаңыл-пароль-2026');
    await invitee.locator('#accept-password-again').fill('Жаңыл-пароль-2027');
    await invitee.locator('#accept-password-again').press('Enter');
    await expect.poll(() => invitee.locator('[data-testid=accept-errors]').textContent()).toContain('Пароли не совпадают');
    await screenshot(invitee, '14-accept-invite');
    expect(await seriousAxeViolations(invitee)).toEqual([]);
    await invitee.locator('#accept-password-again').fill('Жаңыл-пароль-2026');
    await invitee.locator('#accept-password-again').press('Enter');
    await invitee.locator('[data-testid=user-name]').waitFor();
    // Signed in as herself, and the one-time token has left the address bar.
    expect(await invitee.locator('[data-testid=user-name]').textContent()).toContain('Жаңыл Эксперт');
    expect(invitee.url()).not.toContain('token=');
    expect(await invitee.locator('.review-link').count()).toBe(0);
    const zhanyl = db.prepare("SELECT id FROM users WHERE email = 'zhanyl@e2e.local'").get() as { id: string };

    const { page: secretary } = await bench.signedIn('secretary');
    await openReview(secretary, bench.world.server.url, reviewId);
    await secretary.locator('[data-testid=tab-members]').click();
    await secretary.locator('[data-testid=member-add]').selectOption(zhanyl.id);
    await secretary.locator('[data-testid=member-add-button]').click();
    await expect.poll(() => secretary.locator('[data-testid=members-panel] [data-testid=member]').count()).toBe(3);

    await invitee.reload();
    await invitee.locator(`a[href="#/reviews/${reviewId}"]`).click();
    await invitee.locator('.draft-editor p.clause-text').first().waitFor();
    await waitSynced(invitee);
    // Her first finding reaches the secretary, whose page was opened before she was a member.
    await addFinding(invitee, 'назначается женщинам', 'Первое замечание новой участницы');
    await secretary.locator('[data-testid=tab-findings]').click();
    await findingCard(secretary, 'Первое замечание новой участницы').waitFor({ timeout: 10_000 });
    expect(await seriousAxeViolations(secretary)).toEqual([]); // the review page with the Members tab visited

    // Her account: a wrong current password is refused readably; the right one changes it; then she
    // ends every session and signs in with the new password.
    await invitee.locator('[data-testid=user-name]').click();
    await invitee.locator('#password-current').fill('не-тот-пароль-1');
    await invitee.locator('#password-new').fill('Новый-пароль-Жаңыл-1');
    await invitee.locator('#password-new-again').fill('Новый-пароль-Жаңыл-1');
    await invitee.locator('#password-new-again').press('Enter');
    await expect.poll(() => invitee.locator('[data-testid=password-status]').textContent()).toMatch(/неверн/i);
    await invitee.locator('#password-current').fill('Жаңыл-пароль-2026');
    await invitee.locator('#password-new').fill('Новый-пароль-Жаңыл-1');
    await invitee.locator('#password-new-again').fill('Новый-пароль-Жаңыл-1');
    await invitee.locator('#password-new-again').press('Enter');
    await expect.poll(() => invitee.locator('[data-testid=password-status]').textContent()).toContain('Пароль изменён');
    await screenshot(invitee, '15-account');
    expect(await seriousAxeViolations(invitee)).toEqual([]);
    await invitee.locator('[data-testid=logout-all]').click();
    await invitee.locator('#sign-in-email').waitFor();
    await invitee.locator('#sign-in-email').fill('zhanyl@e2e.local');
    await invitee.locator('#sign-in-password').fill('Новый-пароль-Жаңыл-1');
    await invitee.locator('form.sign-in button[type=submit]').click();
    await invitee.locator('[data-testid=user-name]').waitFor();
    await bench.expectClean(admin);
    await bench.expectClean(invitee);
  }, 120_000);
});
