import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setReviewModelLoader } from '../../server/export/model-source';
import { keepIssuedCopy } from '../../server/reviews/issued-copy';
import { createReview } from '../../server/reviews/store';
import { aggregateDetectorStats, outcomeOf } from '../../shared/checklist/detector-stats';
import { groupAfterDismissal } from '../../shared/checklist/grouping';
import type { MergedFinding, ReviewModel, Verdict } from '../../shared/review-model';
import { api, signedIn, startTestServer, type Auth, type TestServer } from '../helpers/app';
import { draftTree, finding, reviewModel } from '../export/fixtures';

/**
 * Issue 15, learning from the experts: the engine's candidates per detector and per criterion over all
 * reviews (made, confirmed, dismissed, open, with the dismissal reasons), over a real SQLite file; who
 * may read and download them.
 */
const at = Date.UTC(2026, 0, 10);
const verdict = (targetId: string, decision: Verdict['decision'], reason?: string, when = at): Verdict => ({
  targetId,
  authorId: 'u-expert',
  decision,
  ...(reason ? { reason } : {}),
  at: when,
});
const engine = (id: string, detectorId: string, criterionId: string, extra: Partial<MergedFinding> = {}) =>
  finding({ id, detectorId, criterionId, clauseId: 'a1.p1', ...extra });

describe('detector statistics (pure)', () => {
  it('counts a candidate by the final decision, else by the latest verdict; reasons of dismissals only', () => {
    expect(outcomeOf({ verdicts: [] })).toBe('open');
    expect(outcomeOf({ verdicts: [verdict('x', 'dismiss', 'нейтрально', at), verdict('x', 'confirm', undefined, at + 1)] })).toBe('confirmed');
    expect(outcomeOf({ verdicts: [verdict('x', 'confirm')], final: { targetId: 'x', decision: 'dismissed', at } })).toBe('dismissed');
    const stats = aggregateDetectorStats(
      [
        [
          engine('k1', 'C3.ru.neutral-criterion', 'C3', { verdicts: [verdict('k1', 'dismiss', 'кормилец здесь нейтрален')] }),
          engine('k2', 'C3.ru.neutral-criterion', 'C3', { verdicts: [verdict('k2', 'dismiss', 'кормилец здесь нейтрален')] }),
          engine('m1', 'C8.ru.mother-only-care', 'C8', { verdicts: [verdict('m1', 'confirm')] }),
          { ...engine('e1', 'x', 'C8'), origin: 'expert' as const },
        ],
        [engine('k3', 'C3.ru.neutral-criterion', 'C3', { final: { targetId: 'k3', decision: 'dismissed', at } }), engine('m2', 'C8.ru.mother-only-care', 'C8')],
      ],
      'en',
    );
    expect(stats.reviews).toBe(2);
    expect(stats.byDetector).toEqual([
      {
        key: 'C3.ru.neutral-criterion',
        label: 'Indirect discrimination',
        criterionId: 'C3',
        made: 3,
        confirmed: 0,
        dismissed: 3,
        grouped: 0,
        open: 0,
        reasons: [
          { reason: 'кормилец здесь нейтрален', count: 2 },
          { reason: '', count: 1 },
        ],
      },
      { key: 'C8.ru.mother-only-care', label: expect.stringMatching(/stereotypes/i), criterionId: 'C8', made: 2, confirmed: 1, dismissed: 0, grouped: 0, open: 1, reasons: [] },
    ]);
    expect(stats.byCriterion.map((r) => [r.key, r.made, r.dismissed])).toEqual([
      ['C3', 3, 3],
      ['C8', 2, 0],
    ]);
  });
});

let dir: string;
let server: TestServer;
let secretary: Auth;
let admin: Auth;
let expert: Auth;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-checklist-stats-'));
  server = await startTestServer({ databasePath: path.join(dir, 'tendik.sqlite') });
  const db = server.tendik.ctx.db;
  const sec = await signedIn(server, 'secretary');
  secretary = sec.auth;
  admin = (await signedIn(server, 'admin')).auth;
  const exp = await signedIn(server, 'expert');
  expert = exp.auth;
  const make = (title: string) =>
    createReview(db, {
      title,
      sourceName: 'draft.txt',
      createdBy: sec.user.id,
      members: [exp.user.id],
      draft: { tree: draftTree(), pmDoc: { type: 'doc', content: [] }, report: {}, sourceSha256: '0'.repeat(64) },
    }).id;
  const live = make('Трудовой кодекс');
  const issued = make('Закон о пособиях');
  const models = new Map<string, ReviewModel>([
    [
      live,
      {
        ...reviewModel(),
        reviewId: live,
        findings: [
          engine('l1', 'C3.ru.neutral-criterion', 'C3', { verdicts: [verdict('l1', 'dismiss', 'Кормилец — умерший работник, нейтрально')] }),
          engine('l2', 'C9.ru.ban-on-women-work', 'C9', { verdicts: [verdict('l2', 'confirm')] }),
        ],
      },
    ],
    [issued, { ...reviewModel(), reviewId: issued, findings: [] }],
  ]);
  db.prepare("UPDATE reviews SET status = 'issued' WHERE id = ?").run(issued);
  keepIssuedCopy(db, issued, {
    issuedAt: at,
    model: { ...reviewModel(), reviewId: issued, findings: [engine('i1', 'C3.ru.neutral-criterion', 'C3', { final: { targetId: 'i1', decision: 'dismissed', justification: 'Нейтрально', at } })] },
    tree: draftTree(),
  });
  setReviewModelLoader(server.tendik.ctx, (_ctx, reviewId) => models.get(reviewId)!);
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('HTTP: the checklist statistics', () => {
  it('gives the secretary and the admin the figures per rule and per criterion, labels in the language asked', async () => {
    const res = await api(server, secretary, '/api/checklists/stats?lang=ru');
    expect(res.status).toBe(200);
    const stats = (await res.json()) as { reviews: number; byDetector: Array<Record<string, unknown>>; byCriterion: Array<Record<string, unknown>> };
    expect(stats.reviews).toBe(2);
    expect(stats.byDetector[0]).toMatchObject({ key: 'C3.ru.neutral-criterion', made: 2, dismissed: 2, label: 'Косвенная дискриминация' });
    expect(stats.byDetector[0]!.reasons).toEqual([
      { reason: 'Кормилец — умерший работник, нейтрально', count: 1 },
      { reason: 'Нейтрально', count: 1 },
    ]);
    expect(stats.byCriterion.map((r) => [r.key, r.made, r.confirmed])).toEqual([
      ['C3', 2, 0],
      ['C9', 1, 1],
    ]);
    const ky = (await (await api(server, admin, '/api/checklists/stats?lang=ky')).json()) as typeof stats;
    expect(ky.byCriterion[0]!.label).toBe('Кыйыр басмырлоо');
  });

  it('downloads as CSV (BOM, headers in the language asked), audited; experts and strangers are refused by the server', async () => {
    const res = await api(server, secretary, '/api/checklists/stats.csv?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="tendik-checklist-stats-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Grouping,Rule or criterion,Criterion,Made,Confirmed,Dismissed,Grouped with a dismissed one,Undecided,Dismissal reasons');
    expect(lines[1]).toBe('Rule,C3.ru.neutral-criterion,C3 Indirect discrimination,2,0,2,0,0,"Кормилец — умерший работник, нейтрально (1); Нейтрально (1)"');
    expect(lines).toContain('Criterion,C9,C9 Protective (restrictive) provisions,1,1,0,0,0,');
    const audited = server.tendik.ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'checklist.stats_exported'").get() as { n: number };
    expect(audited.n).toBe(1);
    expect((await api(server, expert, '/api/checklists/stats')).status).toBe(403);
    expect((await api(server, expert, '/api/checklists/stats.csv')).status).toBe(403);
    expect((await api(server, null, '/api/checklists/stats')).status).toBe(401);
  });
});

describe('grouping after a dismissal', () => {
  it('groups later candidates of the same detector on the same words under the dismissed one; others stay', () => {
    const words = (exact: string) => ({ quote: { exact, prefix: '', suffix: '' } });
    const findings = [
      engine('d1', 'C3.ru.neutral-criterion', 'C3', { ...words('кормильца'), verdicts: [verdict('d1', 'dismiss', 'нейтрально')] }),
      engine('d2', 'C3.ru.neutral-criterion', 'C3', words('Кормильца')),
      engine('d3', 'C3.ru.neutral-criterion', 'C3', { ...words('кормильца'), verdicts: [verdict('d3', 'confirm')] }),
      engine('d4', 'C3.ru.neutral-criterion', 'C3', words('главы семьи')),
      engine('d5', 'C8.ru.mother-only-care', 'C8', words('кормильца')),
    ];
    expect([...groupAfterDismissal(findings)]).toEqual([['d2', 'd1']]);
    expect(groupAfterDismissal(findings.slice(1)).size).toBe(0);
  });

  it('counts the grouped ones in the figures apart from the undecided: they are no work waiting', () => {
    const words = (exact: string) => ({ quote: { exact, prefix: '', suffix: '' } });
    const stats = aggregateDetectorStats(
      [
        [
          engine('g1', 'C3.ru.neutral-criterion', 'C3', { ...words('кормильца'), verdicts: [verdict('g1', 'dismiss', 'нейтрально')] }),
          engine('g2', 'C3.ru.neutral-criterion', 'C3', words('кормильца')),
          engine('g3', 'C3.ru.neutral-criterion', 'C3', words('кормильца')),
          engine('g4', 'C3.ru.neutral-criterion', 'C3', words('главы семьи')),
        ],
        // Another review: its candidate on the same words is not grouped under the first review's dismissal.
        [engine('h1', 'C3.ru.neutral-criterion', 'C3', words('кормильца'))],
      ],
      'en',
    );
    expect(stats.byDetector.map((r) => [r.key, r.made, r.confirmed, r.dismissed, r.grouped, r.open, r.reasons])).toEqual([
      ['C3.ru.neutral-criterion', 5, 0, 1, 2, 2, [{ reason: 'нейтрально', count: 1 }]],
    ]);
    expect(stats.byCriterion.map((r) => [r.key, r.grouped, r.open])).toEqual([['C3', 2, 2]]);
  });
});
