import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readCandidates } from '../../shared/collab/engine-doc';
import type { ComparisonEntry, ReviewVersion, SameActCheck } from '../../shared/contract/versions';
import { PROJECT_ROOT } from '../../server/config';
import { importDraft } from '../../server/import/import-draft';
import { createReview } from '../../server/reviews/store';
import { DEMO_DRAFT } from '../../server/seed-demo';
import { viewOfVersion } from '../../server/versions/carry';
import type { UserId } from '../../shared/ids';
import { api } from '../helpers/app';
import { useReviewWorld } from '../collab/fixtures';

/**
 * The sample second reading of the demo draft (data/samples), for a secretary trying Tendik on a fresh
 * machine: it is the same act (no warning), and what the committee changed is what the comparison says —
 * article 3's part 1 reworded, its part 2 deleted and part 3 renumbered, a new article 5-1 (a leave for the mother only, which the
 * engine flags on the second reading), article 9 and the entry into force reworded.
 */
const bench = useReviewWorld();
const SECOND = path.join(PROJECT_ROOT, 'data', 'samples', 'proekt-zakona-o-podderzhke-semei-ru-2-chtenie.txt');

it('the demo draft’s sample second reading adds as the same act, with the changes it was written with', async () => {
  const { secretary, alice, server } = bench.world;
  const first = importDraft(new Uint8Array(fs.readFileSync(DEMO_DRAFT)), { fileName: path.basename(DEMO_DRAFT), maxInflatedBytes: 1e8 });
  const review = createReview(server.tendik.ctx.db, {
    title: 'Демо',
    sourceName: path.basename(DEMO_DRAFT),
    createdBy: secretary.user.id as UserId,
    members: [alice.user.id as UserId],
    draft: { tree: first.tree, pmDoc: first.pmDoc, report: first.report, sourceSha256: first.sourceSha256 },
  });
  const listed = async () =>
    ((await (await api(server, alice.auth, '/api/reviews')).json()) as { reviews: Array<{ id: string; counts?: { findings: number } }> }).reviews.find((r) => r.id === review.id)?.counts?.findings;
  await listed(); // the first listing loads the engine's doc, which runs the checklist: a change
  const before = await listed();
  expect(await listed()).toBe(before); // current now: read from the table
  const body = new FormData();
  body.set('label', '2-е чтение');
  body.set('file', new Blob([fs.readFileSync(SECOND)], { type: 'text/plain' }), path.basename(SECOND));
  const added = await api(server, secretary.auth, `/api/reviews/${review.id}/versions`, { method: 'POST', body });
  expect(added.status, await added.clone().text()).toBe(201);
  const after = await listed(); // before anything else touches the review
  const result = (await added.json()) as { version: ReviewVersion; check: SameActCheck };
  expect(result.check.warnings).toEqual([]);

  const comparison = (await (await api(server, alice.auth, `/api/reviews/${review.id}/versions/compare?from=1&to=2`)).json()) as { entries: ComparisonEntry[] };
  const kinds = (id: string, side: 'oldId' | 'newId') => comparison.entries.find((e) => e[side] === id)?.kind;
  expect(kinds('a3.p1', 'oldId')).toBe('reworded');
  expect(kinds('a3.p2', 'oldId')).toBe('deleted');
  expect(kinds('a3.p3', 'oldId')).toBe('renumbered');
  expect(kinds('a9.x1', 'oldId')).toBe('reworded');
  expect(kinds('a10.p1', 'oldId')).toBe('reworded');
  const inserted = comparison.entries.filter((e) => e.kind === 'inserted').map((e) => e.newId);
  expect(inserted).toEqual(expect.arrayContaining(['a5-1']));
  expect(comparison.entries.filter((e) => e.kind === 'unchanged').length).toBeGreaterThan(20);

  // The engine runs on the second reading and finds the new article's leave for the mother only.
  const candidates = await server.tendik.ctx.collab.withRoom(review.id, 'engine:2', (room) => readCandidates(room.doc));
  expect(candidates.some((c) => c.clauseId.startsWith('a5-1') && /матери/.test(c.quote.exact))).toBe(true);

  // On the second reading, the first reading's candidates say whether the engine still finds them: not the
  // mother-only allowance of article 3 (rewritten for either parent), still the working woman of article 4.
  const view = await viewOfVersion(server.tendik.ctx, review.id, 2);
  const carriedOn = (clauseId: string) => view.findings.filter((f) => f.origin === 'engine' && f.carried && f.clauseId === clauseId);
  expect(carriedOn('a3.p1').length).toBeGreaterThan(0);
  expect(carriedOn('a3.p1').every((f) => f.carried?.state === 'changed' && f.carried.engineFindsAgain === false)).toBe(true);
  expect(carriedOn('a4.p1').some((f) => f.carried?.state === 'placed' && f.carried.engineFindsAgain === true)).toBe(true);

  // The review list counts the review on its new reading at once (the new article's candidates too), not
  // the first reading's figures until something else changes.
  expect(view.findings.length).toBeGreaterThan(before ?? 0);
  expect(after).toBe(view.findings.length);
});
