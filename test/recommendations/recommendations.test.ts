import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setReviewModelLoader } from '../../server/export/model-source';
import { prefillStatuses } from '../../server/recommendations/prefill';
import { listStatuses, decideStatus } from '../../server/recommendations/store';
import { keepIssuedCopy } from '../../server/reviews/issued-copy';
import { noteReviewChanged } from '../../server/reviews/finding-counts';
import { createReview } from '../../server/reviews/store';
import type { ClauseTree } from '../../shared/clause';
import { recommendationsOf } from '../../shared/readings/recommendations';
import type { ReviewModel } from '../../shared/review-model';
import { api, registerCommittee, signedIn, startTestServer, type Auth, type TestServer } from '../helpers/app';
import { draftTree, finding, reviewModel } from '../export/fixtures';

/**
 * Statuses of recommendations per reading and the Alliance-wide figures, over a real SQLite file:
 * several reviews (issued and in review, two committees, two years), statuses decided in two
 * readings, and who may read, decide and download.
 */
let dir: string;
let server: TestServer;
let secretary: Auth;
let admin: Auth;
let expert: Auth;
let reader: Auth;
const ids: Record<'social' | 'budget' | 'none', string> = { social: '', budget: '', none: '' };

const at = Date.UTC(2026, 0, 10);
const confirmed = (id: string, criterionId: string, clauseId: string, exact: string, wording?: string) =>
  finding({
    id,
    clauseId,
    criterionId,
    quote: { exact, prefix: '', suffix: '' },
    ...(wording ? { proposedWording: wording } : {}),
    final: { targetId: id, decision: 'confirmed', justification: 'Обоснование.', at },
  });

function modelOf(reviewId: string, findings: ReviewModel['findings'], goodPractice: string[] = []): ReviewModel {
  const base = reviewModel();
  return { ...base, reviewId, findings, conclusion: { ...base.conclusion, goodPractice } };
}

const models = new Map<string, ReviewModel>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-recs-'));
  server = await startTestServer({ databasePath: path.join(dir, 'tendik.sqlite') });
  const db = server.tendik.ctx.db;
  registerCommittee(db, 'social');
  registerCommittee(db, 'budget');
  const sec = await signedIn(server, 'secretary');
  secretary = sec.auth;
  admin = (await signedIn(server, 'admin')).auth;
  const exp = await signedIn(server, 'expert');
  expert = exp.auth;
  reader = (await signedIn(server, 'reader', { committee: 'social' })).auth;
  const make = (title: string, committee: string | null, year: number) => {
    const review = createReview(db, {
      title,
      sourceName: 'draft.txt',
      createdBy: sec.user.id,
      members: [exp.user.id],
      ...(committee ? { committee } : {}),
      draft: { tree: draftTree(), pmDoc: { type: 'doc', content: [] }, report: {}, sourceSha256: '0'.repeat(64) },
    });
    db.prepare('UPDATE reviews SET created_at = ? WHERE id = ?').run(Date.UTC(year, 5, 1), review.id);
    return review.id;
  };
  ids.social = make('Пособия', 'social', 2025);
  ids.budget = make('Бюджет', 'budget', 2026);
  ids.none = make('Без комитета', null, 2026);

  // The issued review: counted from the committee's copy. Positive, good-practice and undecided findings are no recommendations.
  const issuedModel = modelOf(
    ids.social,
    [
      confirmed('s-mother', 'C8.mother-only', 'a1.p1', 'матери', 'одному из родителей'),
      confirmed('s-fathers', 'C2', 'a1.p2', 'без матери', 'Родители, воспитывающие детей, имеют право на пособие.'),
      confirmed('s-data', 'C12', 'a2.p2', 'без разбивки по полу', 'с разбивкой по полу'),
      { ...confirmed('s-positive', 'C7', 'a2.p1', 'уполномоченный'), polarity: 'positive' },
      confirmed('s-good', 'C6', 'a2.p1', 'работник'),
      finding({ id: 's-open', clauseId: 'a2.p1', criterionId: 'C3' }),
    ],
    ['s-good'],
  );
  db.prepare("UPDATE reviews SET status = 'issued' WHERE id = ?").run(ids.social);
  keepIssuedCopy(db, ids.social, { issuedAt: at, model: issuedModel, tree: draftTree() });
  models.set(ids.social, modelOf(ids.social, [])); // the live docs changed since: the figures read the copy
  models.set(ids.budget, modelOf(ids.budget, [confirmed('b-ban', 'C9', 'a12-1', 'Запрет труда женщин', 'Запрет труда беременных женщин'), confirmed('b-mother', 'C8', 'a1.p1', 'матери')]));
  models.set(ids.none, modelOf(ids.none, []));
  setReviewModelLoader(server.tendik.ctx, (_ctx, reviewId) => models.get(reviewId)!);

  // Second reading of the issued review, detector's statuses, two decided; a third reading decides one again.
  const second: ClauseTree = draftTree();
  second.clauses[1]!.children[0]!.text = '1. Пособие назначается одному из родителей, воспитывающему ребёнка до трёх лет.';
  const recs = recommendationsOf(issuedModel, draftTree());
  prefillStatuses(db, ids.social, { seq: 2, tree: second, counterpart: (id) => (id === 'a2.p2' ? null : id) }, recs);
  decideStatus(db, ids.social, 2, 's-mother', 'adopted', sec.user.id);
  decideStatus(db, ids.social, 2, 's-fathers', 'not_adopted', sec.user.id);
  prefillStatuses(db, ids.social, { seq: 3, tree: second, counterpart: (id) => id }, recs);
  decideStatus(db, ids.social, 3, 's-fathers', 'partly', sec.user.id);
  prefillStatuses(db, ids.budget, { seq: 2, tree: draftTree(), counterpart: (id) => (id === 'a12-1' ? null : id) }, recommendationsOf(models.get(ids.budget)!, draftTree()));
  decideStatus(db, ids.budget, 2, 'b-ban', 'not_applicable', sec.user.id);
});

afterAll(async () => {
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the detector pre-fills each recommendation of a reading, the secretary decides', () => {
  it('stores the detected status with its evidence; deciding never changes what the detector said; a new run keeps her decision', () => {
    const db = server.tendik.ctx.db;
    const second = listStatuses(db, ids.social, 2);
    expect(second.map((s) => s.findingId).sort()).toEqual(['s-data', 's-fathers', 's-mother']);
    const mother = second.find((s) => s.findingId === 's-mother')!;
    expect(mother).toMatchObject({ detected: 'adopted', status: 'adopted', clauseLabel: 'Статья 1, часть 1', newClauseId: 'a1.p1' });
    expect(mother.proposed).toBe('1. Пособие назначается одному из родителей, воспитывающей ребёнка до трёх лет.');
    expect(mother.evidence.newText).toContain('одному из родителей');
    expect(mother.evidence.diff.some((d) => d.op === 'del' && d.text.includes('матери'))).toBe(true);
    expect(second.find((s) => s.findingId === 's-data')).toMatchObject({ detected: 'not_applicable', status: null, newClauseId: null });
    expect(second.find((s) => s.findingId === 's-fathers')).toMatchObject({ detected: 'not_adopted', status: 'not_adopted' });
    prefillStatuses(db, ids.social, { seq: 2, tree: draftTree(), counterpart: (id) => id }, recommendationsOf(modelOf(ids.social, [confirmed('s-mother', 'C8', 'a1.p1', 'матери', 'одному из родителей')]), draftTree()));
    expect(listStatuses(db, ids.social, 2).find((s) => s.findingId === 's-mother')).toMatchObject({ detected: 'not_adopted', status: 'adopted' });
  });
});

describe('HTTP: statuses of a reading', () => {
  const list = (auth: Auth | null, id: string, seq: number | string, lang = 'ru') =>
    api(server, auth, `/api/reviews/${id}/readings/${seq}/recommendations`, { headers: { 'accept-language': lang } });
  const decide = (auth: Auth | null, id: string, seq: number, findingId: string, body: unknown) =>
    api(server, auth, `/api/reviews/${id}/readings/${seq}/recommendations/${findingId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('everyone of the review reads them; a committee reader does not, even of a review issued to her', async () => {
    const res = await list(expert, ids.budget, 2);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { seq: number; recommendations: Array<{ findingId: string; status: string | null }> };
    expect(body.seq).toBe(2);
    expect(body.recommendations.map((r) => [r.findingId, r.status])).toEqual([
      ['b-mother', null],
      ['b-ban', 'not_applicable'],
    ]);
    expect((await list(reader, ids.social, 2)).status).toBe(403);
    expect((await list(null, ids.social, 2)).status).toBe(401);
  });

  it('only the secretary confirms or corrects, audited with what the detector said; bad input is refused in the user’s language', async () => {
    expect((await decide(expert, ids.budget, 2, 'b-mother', { status: 'adopted' })).status).toBe(403);
    const res = await decide(secretary, ids.budget, 2, 'b-mother', { status: 'partly' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { recommendation: { status: string; decidedAt: number } }).recommendation).toMatchObject({ status: 'partly' });
    const entry = server.tendik.ctx.db
      .prepare("SELECT target, details FROM audit_log WHERE action = 'recommendation.status' AND review_id = ? ORDER BY seq DESC")
      .get(ids.budget) as { target: string; details: string };
    expect(entry.target).toBe('b-mother');
    expect(JSON.parse(entry.details)).toMatchObject({ seq: 2, status: 'partly', previous: null });
    expect((await decide(secretary, ids.budget, 2, 'b-mother', { status: 'maybe' })).status).toBe(400);
    expect((await decide(secretary, ids.budget, 2, 'nope', { status: 'adopted' })).status).toBe(404);
    const missing = await list(secretary, ids.budget, 7, 'ky');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('Бул экспертизада долбоордун мындай окуусу жок.');
    expect((await list(secretary, ids.budget, 'x')).status).toBe(404);
    // put it back for the figures below
    expect((await decide(secretary, ids.budget, 2, 'b-mother', { status: 'not_adopted' })).status).toBe(200);
  });
});

describe('HTTP: the Alliance-wide figures', () => {
  it('counts recommendations made and their latest decided status by committee, criterion and year (ru/ky/en)', async () => {
    const res = await api(server, secretary, '/api/recommendations/stats?lang=ru');
    expect(res.status).toBe(200);
    const stats = (await res.json()) as {
      reviews: number;
      total: Record<string, number>;
      byCommittee: Array<Record<string, string | number>>;
      byCriterion: Array<Record<string, string | number>>;
      byYear: Array<Record<string, string | number>>;
    };
    expect(stats.reviews).toBe(3);
    expect(stats.total).toMatchObject({ made: 5, adopted: 1, partly: 1, notAdopted: 1, notApplicable: 1, noStatus: 1 });
    expect(stats.byCommittee).toEqual([
      { key: 'social', label: 'Комитет social', made: 3, adopted: 1, partly: 1, notAdopted: 0, notApplicable: 0, noStatus: 1 },
      { key: 'budget', label: 'Комитет budget', made: 2, adopted: 0, partly: 0, notAdopted: 1, notApplicable: 1, noStatus: 0 },
    ]);
    expect(stats.byCriterion.map((r) => [r.key, r.made])).toEqual([
      ['C2', 1],
      ['C8', 2],
      ['C9', 1],
      ['C12', 1],
    ]);
    expect(stats.byCriterion.find((r) => r.key === 'C8')!.label).toBe('Стереотипы и семейные роли');
    expect(stats.byYear.map((r) => [r.key, r.made, r.adopted])).toEqual([
      ['2025', 3, 1],
      ['2026', 2, 0],
    ]);
    const ky = (await (await api(server, admin, '/api/recommendations/stats?lang=ky')).json()) as typeof stats;
    expect(ky.byCommittee[0]!.label).toBe('social комитети');
    const en = (await (await api(server, admin, '/api/recommendations/stats?lang=en')).json()) as typeof stats;
    expect(en.byCriterion.find((r) => r.key === 'C8')!.label).toMatch(/stereotypes/i);
  });

  it('downloads as CSV (BOM, headers in the language asked, one row per group), audited; experts and readers are refused', async () => {
    const res = await api(server, admin, '/api/recommendations/stats.csv?lang=ky');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="tendik-recommendations-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Бөлүнүшү,Мааниси,Сунуштамалар,Эске алынды,Жарым-жартылай эске алынды,Эске алынган жок,Маанисин жоготту,Статусу жок');
    expect(lines[1]).toBe('Бардыгы,,5,1,1,1,1,1');
    expect(lines).toContain('Комитет,social комитети,3,1,1,0,0,1');
    expect(lines).toContain('Жыл,2026,2,0,0,1,1,0');
    expect(lines.length).toBe(1 + 1 + 2 + 4 + 2);
    const audited = server.tendik.ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'recommendations.exported'").get() as { n: number };
    expect(audited.n).toBe(1);
    for (const who of [expert, reader]) {
      expect((await api(server, who, '/api/recommendations/stats')).status).toBe(403);
      expect((await api(server, who, '/api/recommendations/stats.csv')).status).toBe(403);
    }
    expect((await api(server, null, '/api/recommendations/stats')).status).toBe(401);
  });

  it('reads a review\'s docs again only once they have changed: the figures follow a change, an unchanged review is not reloaded', async () => {
    const loads: string[] = [];
    setReviewModelLoader(server.tendik.ctx, (_ctx, reviewId) => {
      loads.push(reviewId);
      return models.get(reviewId)!;
    });
    const made = async () => ((await (await api(server, admin, '/api/recommendations/stats?lang=ru')).json()) as { total: { made: number } }).total.made;
    const before = await made();
    loads.length = 0;
    expect(await made()).toBe(before);
    expect(loads).toEqual([]);
    // A new confirmed finding in the budget review: its docs changed (as the finding-counts extension notes).
    const budget = models.get(ids.budget)!;
    models.set(ids.budget, { ...budget, findings: [...budget.findings, confirmed('b-quota', 'C7', 'a1.p2', 'не менее 30 процентов', 'не менее 30 процентов лиц каждого пола')] });
    noteReviewChanged(server.tendik.ctx.db, ids.budget);
    expect(await made()).toBe(before + 1);
    expect(loads).toEqual([ids.budget]);
  });
});
