import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config';
import { api, signedIn, startTestServer, type Auth, type TestServer } from '../helpers/app';

/** The checklist engine runs over an imported draft, and the review remembers which checklist version it ran. */
describe('a new review gets the checklist engine’s candidates', () => {
  let server: TestServer;
  let secretary: Auth;
  let reviewId: string;

  beforeAll(async () => {
    server = await startTestServer();
    secretary = (await signedIn(server, 'secretary')).auth;
    const data = new FormData();
    const sample = fs.readFileSync(path.join(PROJECT_ROOT, 'data/samples/proekt-zakona-o-podderzhke-semei-ru.txt'));
    data.set('file', new Blob([sample]), 'proekt.txt');
    const res = await api(server, secretary, '/api/reviews', { method: 'POST', body: data });
    expect(res.status).toBe(201);
    reviewId = ((await res.json()) as { review: { id: string } }).review.id;
  });
  afterAll(() => server.close());

  it('lists engine findings anchored to clauses of the draft', async () => {
    const res = await api(server, secretary, `/api/reviews/${reviewId}/model`);
    expect(res.status).toBe(200);
    const model = (await res.json()) as { findings: Array<{ origin: string; clauseId: string; criterionId: string }> };
    const engine = model.findings.filter((f) => f.origin === 'engine');
    expect(engine.length).toBeGreaterThan(0);
    const outline = (await (await api(server, secretary, `/api/reviews/${reviewId}/outline`)).json()) as { clauses: unknown };
    const ids = JSON.stringify(outline.clauses);
    for (const finding of engine) expect(finding.criterionId).toMatch(/^C\d+$/);
    expect(engine.some((f) => ids.includes(`"${f.clauseId.split('.')[0]}"`))).toBe(true);
  });

  it('records the checklist id and version on the review', async () => {
    const res = await api(server, secretary, `/api/reviews/${reviewId}`);
    const { review } = (await res.json()) as { review: { checklistId: string | null; checklistVersion: string | null } };
    expect(review.checklistId).toBe('kg-gender-expertise');
    expect(review.checklistVersion).toMatch(/^\d{4}\.\d+/);
  });
});
