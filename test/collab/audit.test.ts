import { afterEach, expect, it } from 'vitest';
import {
  addAnnotation,
  addReply,
  clauseTexts,
  createAnchor,
  deleteAnnotation,
  deleteReply,
  editAnnotation,
  editReply,
  reopenAnnotation,
  resolveAnnotation,
  setAnswer,
  setFinalDecision,
  setVerdict,
} from '../../shared/collab';
import { authorDocName } from '../../shared/protocol';
import { eventually, openClient, type Client } from './harness';
import { annotationUpdate, join, rawSocket, reviewWorld, sendUpdate, tempDatabase } from './fixtures';

const db = tempDatabase();
let world: Awaited<ReturnType<typeof reviewWorld>> | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await world?.server.close();
  world = undefined;
  db.cleanup();
});

interface Row {
  user_id: string;
  action: string;
  target: string | null;
  details: string | null;
}

it('the audit log records who created, edited, resolved and reopened annotations, replies, verdicts, answers, decisions and text changes', async () => {
  world = await reviewWorld(db.file);
  const { server, secretary, alice, bella, review } = world;
  const aliceDoc = authorDocName(alice.user.id);
  const secretaryDoc = authorDocName(secretary.user.id);
  const expert = await openClient(server.url, alice.auth, review.id, ['text', aliceDoc]);
  const chief = await openClient(server.url, secretary.auth, review.id, ['text', secretaryDoc]);
  clients.push(expert, chief);
  const own = expert.docs.get(aliceDoc)!;
  const text = expert.docs.get('text')!;

  const finding = addAnnotation(own, alice.user.id, {
    kind: 'finding',
    anchor: createAnchor(text, 'a2.p2', { start: 3, end: 15 }),
    body: 'гендерно-нейтральная формулировка',
    criterionId: 'C3',
  });
  editAnnotation(own, finding.id, { body: 'уточнено' });
  resolveAnnotation(own, finding.id);
  reopenAnnotation(own, finding.id);
  const reply = addReply(own, alice.user.id, finding.id, 'см. также ст. 1');
  setVerdict(own, alice.user.id, { targetId: finding.id, decision: 'confirm', reason: 'подтверждаю' });
  setAnswer(own, alice.user.id, { criterionId: 'C1', questionId: 'q1', value: 'partly' });
  await eventually(() => expert.provider.pending === 0, 'the expert’s work stored before the secretary decides');
  setFinalDecision(chief.docs.get(secretaryDoc)!, { targetId: finding.id, decision: 'confirmed' });
  await eventually(() => chief.provider.pending === 0, 'the decision stored before her edits and deletions');
  // Issue 17: edits and deletions are tombstones and history, audited as such; a dismissal keeps its reason.
  editReply(own, reply.id, 'см. также ст. 2');
  deleteReply(own, reply.id);
  const comment = addAnnotation(own, alice.user.id, { kind: 'comment', anchor: createAnchor(text, 'a1', { start: 0, end: 6 }), body: 'вопрос' });
  deleteAnnotation(own, comment.id);
  setVerdict(own, alice.user.id, { targetId: 'cf-abc', decision: 'dismiss', reason: 'норма о беременности' });
  // The secretary corrects an import error in the draft: typing is audited once per quiet spell.
  const words = clauseTexts(chief.docs.get('text')!).get('a1')!;
  words.insert(words.length, ' (исправлено)');
  words.delete(0, 1);
  words.insert(0, 'С');
  await eventually(() => [expert, chief].every((c) => c.provider.pending === 0 && c.provider.status === 'synced'), 'all stored');
  // A refused write leaves no trace: Bella cannot write Alice's doc.
  const intruder = await rawSocket(server, bella);
  await join(intruder, review.id, aliceDoc);
  expect((await sendUpdate(intruder, review.id, aliceDoc, annotationUpdate(aliceDoc, 'forged'))).code).toBe('COLLAB_READ_ONLY');
  intruder.close();

  // Leaving unloads the text doc, which writes the pending text audit entry.
  for (const c of clients.splice(0)) c.close();
  await eventually(() => [...server.tendik.ctx.collab.rooms.values()].every((r) => r.reviewId !== review.id), 'docs unloaded');

  const rows = server.tendik.ctx.db
    .prepare("SELECT user_id, action, target, details FROM audit_log WHERE review_id = ? AND action NOT LIKE 'review.%' ORDER BY seq")
    .all(review.id) as Row[];
  const who = (id: string) => (id === alice.user.id ? 'alice' : id === secretary.user.id ? 'secretary' : id);
  expect(rows.map((r) => [who(r.user_id), r.action, r.target])).toEqual([
    ['alice', 'annotation.created', finding.id],
    ['alice', 'annotation.edited', finding.id],
    ['alice', 'annotation.resolved', finding.id],
    ['alice', 'annotation.reopened', finding.id],
    ['alice', 'reply.created', reply.id],
    ['alice', 'finding.verdict', finding.id],
    ['alice', 'checklist.answered', 'C1\u0000q1'],
    ['secretary', 'finding.decided', finding.id],
    ['alice', 'reply.edited', reply.id],
    ['alice', 'reply.deleted', reply.id],
    ['alice', 'annotation.created', comment.id],
    ['alice', 'annotation.deleted', comment.id],
    ['alice', 'finding.verdict', 'cf-abc'],
    ['secretary', 'text.changed', null],
  ]);
  const details = (action: string) => JSON.parse(rows.find((r) => r.action === action)!.details ?? 'null') as Record<string, unknown>;
  expect(details('annotation.created')).toEqual({ kind: 'finding' });
  expect(details('finding.verdict')).toEqual({ decision: 'confirm' });
  expect(JSON.parse(rows.filter((r) => r.action === 'finding.verdict')[1]!.details!)).toEqual({ decision: 'dismiss', reason: 'норма о беременности' });
  expect(details('finding.decided')).toEqual({ decision: 'confirmed' });
  expect(details('text.changed').changes).toBe(3);
});
