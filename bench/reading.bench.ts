import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { walkClauses, type Clause, type ClauseTree } from '../shared/clause';
import { addAnnotation, setFinalDecision } from '../shared/collab/author-doc';
import { clauseTexts, plainText } from '../shared/collab/text-doc';
import { createAnchor } from '../shared/collab/anchor';
import type { UserId } from '../shared/ids';
import { authorDocName, engineDocName, textDocName } from '../shared/protocol';
import { loadReviewModel } from '../server/collab/model';
import { importDraft } from '../server/import/import-draft';
import { createReview } from '../server/reviews/store';
import { viewOfVersion } from '../server/versions/carry';
import { corpusAvailable, readCorpus } from '../test/helpers/corpus';
import { api, makeUser, signedIn, startTestServer } from '../test/helpers/app';
import { amend, defaultOperations, sentencePool } from '../test/versions/amend';
import { figure, measure } from './lib';

/**
 * Later readings on the real app (issue 16): the Criminal Code reviewed with an expert's 500 findings,
 * the secretary adds a second reading (seeded amendments: test/versions/amend.ts) over HTTP — read,
 * aligned, 500 findings and the engine's candidates carried and stored; the second reading's own docs
 * are opened for the first time (its TEXT doc filled from the stored version, its engine's scan); the
 * review as it stands on the second reading is merged and placed; an expert's 100 findings on the
 * second reading and a third reading carry both. Printed, never asserted.
 */
if (!corpusAvailable()) {
  console.log('skipped: ../shared/corpus is not here (the Criminal Code is needed)');
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-reading-bench-'));
const server = await startTestServer({ databasePath: path.join(dir, 'tendik.sqlite') });
try {
  const criminal = importDraft(Buffer.from(readCorpus('kg_criminal_code_2021_ru.txt'), 'utf8'), { fileName: 'criminal.txt', maxInflatedBytes: 1e8 });
  const family = importDraft(Buffer.from(readCorpus('kg_family_code_2003_ru.txt'), 'utf8'), { fileName: 'family.txt', maxInflatedBytes: 1e8 }).tree;
  const secretary = await signedIn(server, 'secretary');
  const expert = await makeUser(server, 'expert');
  const ctx = server.tendik.ctx;
  const reviewId = createReview(ctx.db, {
    title: 'Уголовный кодекс',
    sourceName: 'criminal.txt',
    createdBy: secretary.user.id as UserId,
    members: [expert.user.id as UserId],
    draft: { tree: criminal.tree, pmDoc: criminal.pmDoc, report: criminal.report, sourceSha256: criminal.sourceSha256 },
  }).id;
  const hub = ctx.collab;

  const spread = (tree: ClauseTree, count: number): Clause[] => {
    const list: Clause[] = [];
    for (const [c] of walkClauses(tree.clauses)) if (c.text.length > 40) list.push(c);
    return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]!);
  };
  /** `count` findings of the expert on version `version`, anchored in that version's TEXT doc. */
  const annotate = async (version: number, tree: ClauseTree, count: number) => {
    const text = await hub.acquire(reviewId, textDocName(version));
    text.holds += 1;
    try {
      const texts = clauseTexts(text.doc);
      const ids = await hub.withRoom(reviewId, authorDocName(expert.user.id), (room) =>
        room.doc.transact(() =>
          spread(tree, count).map((clause, i) => {
            const words = plainText(texts.get(clause.id)!);
            const start = Math.max(0, words.indexOf(' ') + 1);
            const anchor = createAnchor(text.doc, clause.id, { start, end: Math.min(words.length, start + 12) });
            return addAnnotation(room.doc, expert.user.id, {
              kind: 'finding',
              anchor: version === 1 ? anchor : { ...anchor, draftVersion: version },
              body: 'Норма может ставить в неравное положение женщин и мужчин.',
              criterionId: `C${(i % 17) + 1}`,
              ...(i % 2 ? { proposedWording: 'лица независимо от пола' } : {}),
            }).id;
          }),
        ),
      );
      await hub.withRoom(reviewId, authorDocName(secretary.user.id), (room) =>
        room.doc.transact(() => ids.forEach((id) => setFinalDecision(room.doc, { targetId: id, decision: 'confirmed' }))),
      );
    } finally {
      text.holds -= 1;
      hub.unloadIfIdle(text);
    }
  };
  await annotate(1, criminal.tree, 500);
  await loadReviewModel(ctx, reviewId); // the engine's first scan of version 1, stored

  const addReading = async (tree: ClauseTree, seed: number, label: string) => {
    const version = amend(tree, seed, defaultOperations(tree), sentencePool(family));
    const body = new FormData();
    body.set('label', label);
    body.set('acknowledge', '1');
    body.set('file', new Blob([version.lines.map((l) => l.text).join('\n')], { type: 'text/plain' }), `${label}.txt`);
    const started = performance.now();
    const res = await api(server, secretary.auth, `/api/reviews/${reviewId}/versions`, { method: 'POST', body });
    const ms = performance.now() - started;
    if (res.status !== 201) throw new Error(`adding ${label}: ${res.status} ${await res.text()}`);
    const answer = (await res.json()) as { carried: { placed: number; changed: number; orphaned: number } };
    return { ms, carried: answer.carried, tree: version.newTree };
  };

  const second = await addReading(criminal.tree, 1, 'second');
  figure('add a second reading over HTTP (import, align, carry, store)', `${second.ms.toFixed(0)} ms — carried ${JSON.stringify(second.carried)}`);

  let started = performance.now();
  const text2 = await hub.acquire(reviewId, textDocName(2));
  figure('  first open of its TEXT doc (filled from the stored version)', `${(performance.now() - started).toFixed(0)} ms`);
  started = performance.now();
  const engine2 = await hub.acquire(reviewId, engineDocName(2));
  figure('  first open of its ENGINE doc (the engine scans it)', `${(performance.now() - started).toFixed(0)} ms`);
  text2.holds += 1;
  engine2.holds += 1;

  const view = await viewOfVersion(ctx, reviewId, 2);
  figure('  the review on the second reading', `${view.findings.length} findings (${view.findings.filter((f) => f.carried).length} carried)`);
  await measure('review as it stands on the 2nd reading (merge + place)', () => viewOfVersion(ctx, reviewId, 2), 5);
  await measure('conclusion preview on the 2nd reading (HTTP)', async () => {
    const res = await api(server, secretary.auth, `/api/reviews/${reviewId}/conclusion/preview?lang=ru&reading=2`);
    await res.arrayBuffer();
  }, 3);

  await annotate(2, second.tree, 100);
  const third = await addReading(second.tree, 2, 'third');
  figure('add a third reading: carries the 1st reading’s and the 2nd’s own', `${third.ms.toFixed(0)} ms — carried ${JSON.stringify(third.carried)}`);
  text2.holds -= 1;
  engine2.holds -= 1;
  hub.unloadIfIdle(text2);
  hub.unloadIfIdle(engine2);
} finally {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
