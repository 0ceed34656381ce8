import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadReviewModel } from '../../server/collab/model';
import { UpdateLog } from '../../server/collab/update-log';
import { openDatabase } from '../../server/storage/db';
import { authorDocName } from '../../shared/protocol';
import { signedIn, startTestServer } from '../helpers/app';
import { createSampleReview } from './harness';
import { storedDoc, tempDatabase } from './fixtures';

/**
 * A database from before annotation ids named their author: bare uuids, with a colleague's verdict and
 * reply and the secretary's decision on them, and one bare id forged into a second doc. Opening it
 * with this version gives every annotation its author's id, moves every reference with it, and
 * leaves the forged copy to the merge to ignore.
 */
const file = tempDatabase();
afterAll(() => file.cleanup());

it('migrates bare annotation ids and every reference to them, once, keeping who wrote what', async () => {
  const first = await startTestServer({ databasePath: file.file });
  const secretary = await signedIn(first, 'secretary');
  const alice = await signedIn(first, 'expert');
  const bella = await signedIn(first, 'expert');
  const review = createSampleReview(first.tendik.ctx.db, secretary.user.id, [alice.user.id, bella.user.id]);
  await first.close();

  // The old layout, written as the old server stored it: one update per doc in the log.
  const db = openDatabase(file.file);
  const log = new UpdateLog(db);
  const finding = randomUUID();
  const comment = randomUUID();
  const record = (id: string, kind: 'finding' | 'comment', body: string) => ({
    id,
    kind,
    anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } },
    ...(kind === 'finding' ? { criterionId: 'C3', severity: 'concern' } : {}),
    body,
    status: 'open',
    createdAt: 1,
    updatedAt: 1,
  });
  const write = (userId: string, fill: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc();
    fill(doc);
    log.append(review.id, authorDocName(userId), Y.encodeStateAsUpdate(doc));
  };
  write(alice.user.id, (doc) => {
    doc.getMap('annotations').set(finding, record(finding, 'finding', 'Замечание Алисы'));
    doc.getMap('annotations').set(comment, record(comment, 'comment', 'Комментарий Алисы'));
  });
  write(bella.user.id, (doc) => {
    doc.getMap('verdicts').set(finding, { targetId: finding, decision: 'confirm', at: 2 });
    doc.getMap('replies').set(randomUUID(), { id: randomUUID(), targetId: comment, body: 'Ответ Беллы', createdAt: 3 });
    // The old attack: her own record under Alice's id.
    doc.getMap('annotations').set(finding, record(finding, 'finding', 'ПОДДЕЛКА'));
  });
  write(secretary.user.id, (doc) => {
    doc.getMap('decisions').set(finding, { targetId: finding, decision: 'confirmed', justification: 'Да.', at: 4 });
  });
  // The audit log saw Alice create it first.
  const audit = db.prepare('INSERT INTO audit_log (at, user_id, review_id, action, target) VALUES (?, ?, ?, ?, ?)');
  audit.run(1, alice.user.id, review.id, 'annotation.created', finding);
  audit.run(2, bella.user.id, review.id, 'annotation.created', finding);
  db.prepare(`DELETE FROM schema_migrations WHERE id = '005-annotation-ids-name-their-author'`).run();
  db.close();

  const second = await startTestServer({ databasePath: file.file });
  try {
    const model = await loadReviewModel(second.tendik.ctx, review.id);
    const qualified = `${alice.user.id}:${finding}`;
    expect(model.findings.filter((f) => f.origin === 'expert').map((f) => f.id)).toEqual([qualified]);
    const migrated = model.findings.find((f) => f.id === qualified)!;
    expect(migrated).toMatchObject({ authorId: alice.user.id, explanation: 'Замечание Алисы', final: { decision: 'confirmed', justification: 'Да.' } });
    expect(migrated.verdicts.map((v) => v.authorId)).toEqual([bella.user.id]);
    expect(model.comments.map((c) => [c.id, c.replies.map((r) => r.body)])).toEqual([[`${alice.user.id}:${comment}`, ['Ответ Беллы']]]);
    expect(model.ignored).toEqual([{ authorId: bella.user.id, id: finding, reason: 'legacy-id' }]);
    // Stored as one more update of each doc: what a client syncing an old copy receives.
    expect([...storedDoc(second.tendik.ctx.db, review.id, authorDocName(alice.user.id)).getMap('annotations').keys()].sort()).toEqual(
      [qualified, `${alice.user.id}:${comment}`].sort(),
    );
  } finally {
    await second.close();
  }
  // Once: a third start changes nothing more.
  const rows = (d: ReturnType<typeof openDatabase>) => (d.prepare('SELECT COUNT(*) AS n FROM collab_updates').get() as { n: number }).n;
  const check = openDatabase(file.file);
  const before = rows(check);
  check.close();
  const third = await startTestServer({ databasePath: file.file });
  await third.close();
  const after = openDatabase(file.file);
  expect(rows(after)).toBe(before);
  after.close();
});
