import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCandidates, setVerdict } from '../../shared/collab';
import { authorDocName } from '../../shared/protocol';
import { login } from '../helpers/app';
import { chromiumAvailable, screenshot, seriousAxeViolations } from '../helpers/browser';
import { eventually, openClient } from '../collab/harness';
import { DRAFT_TITLE } from './fixtures';
import { useWorkbench } from './harness';
import { openReview } from './page-actions';

/**
 * Issue 15 in the browser: the engine's card says why it proposed a finding; an expert dismisses one
 * with a reason; the secretary's checklist page counts it per rule and per criterion with the reason,
 * in ru/ky/en, with its CSV; an expert is refused by the server. axe clean.
 */
describe.skipIf(!chromiumAvailable())('checklist statistics and the card\'s why line (e2e, chromium)', () => {
  const bench = useWorkbench();
  const { signedIn, expectClean } = bench;

  test('why on the card; the dismissal counted on the secretary\'s page with its reason; experts refused', async () => {
    const { server, aida } = bench.world;
    const reviewId = await bench.world.createReview(DRAFT_TITLE);

    // The secretary opens the review: the engine's candidates carry their reasons.
    const { page } = await signedIn('secretary');
    await openReview(page, server.url, reviewId);
    const why = page.locator('[data-testid=finding-why]').first();
    await why.waitFor();
    expect(await why.textContent()).toMatch(/^Почему: «.+» · правило C\d+\.ru\.[\w.-]+ · уверенность: (высокая|средняя|низкая)/);

    // An expert dismisses one candidate with her reason.
    const aidaAuth = await login(server, aida.email, aida.password);
    const aidaDoc = authorDocName(aida.id);
    const a = await openClient(server.url, aidaAuth, reviewId, ['engine', aidaDoc]);
    let dismissed: { detectorId: string; criterionId: string };
    try {
      await eventually(() => readCandidates(a.docs.get('engine')!).length > 0, 'candidates');
      const candidate = readCandidates(a.docs.get('engine')!).find((c) => c.polarity === 'risk' && !c.actLevel)!;
      dismissed = candidate;
      setVerdict(a.docs.get(aidaDoc)!, aida.id, { targetId: candidate.id, decision: 'dismiss', reason: 'Норма нейтральна' });
      await eventually(() => a.provider.pending === 0 && a.provider.status === 'synced', 'stored');
    } finally {
      a.close();
    }

    await page.locator('[data-testid=nav-checklist-stats]').click();
    const byRule = page.locator('[data-testid=checklist-stats-by-rule]');
    await byRule.waitFor();
    const row = byRule.locator(`tr[data-key="${dismissed.detectorId}"]`);
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(['1', '0', '1', '0', '0', 'Норма нейтральна (1)']);
    await expect.poll(() => page.locator(`[data-testid=checklist-stats-by-criterion] tr[data-key="${dismissed.criterionId}"] td`).nth(2).textContent()).toBe('1');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '70-checklist-stats');
    await page.locator('[data-testid=lang-select]').selectOption('ky');
    await expect.poll(() => page.locator('#checklist-stats-title').textContent()).toBe('Системанын сунуштары эрежелер жана критерийлер боюнча');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=checklist-stats-csv]').click()]);
    const csvPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-csv-')), 'stats.csv');
    await csv.saveAs(csvPath);
    const csvText = fs.readFileSync(csvPath, 'utf8');
    expect(csvText.startsWith('\uFEFFБөлүнүшү,Эреже же критерий')).toBe(true);
    expect(csvText).toContain(`Эреже,${dismissed.detectorId},`);
    expect(csvText).toContain('Норма нейтральна (1)');
    await page.locator('[data-testid=lang-select]').selectOption('en');
    await expect.poll(() => page.locator('#checklist-stats-title').textContent()).toBe('Engine candidates by rule and by criterion');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await expectClean(page);

    // An expert has no link, and the server refuses her the figures.
    const { page: expert } = await signedIn('aida');
    expect(await expert.locator('[data-testid=nav-checklist-stats]').count()).toBe(0);
    await expert.goto(`${server.url}/#/checklist-stats`);
    await expect.poll(() => expert.locator('[role=alert]').count()).toBeGreaterThan(0);
    expect(await expert.locator('[data-testid=checklist-stats-by-rule]').count()).toBe(0);
  });
});
