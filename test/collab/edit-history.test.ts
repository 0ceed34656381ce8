import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAnnotation,
  addReply,
  authorMap,
  deleteAnnotation,
  deleteReply,
  editAnnotation,
  editReply,
  mergeReviewModel,
  rewriteProblem,
  setFinalDecision,
  setVerdict,
} from '../../shared/collab';
import { HISTORY_LIMIT } from '../../shared/collab/records';
import { confirmedFindings } from '../../shared/conclusion/confirmed';

/** Issue 17: edits keep what they replace, deletions are tombstones; against real Yjs docs. */
const ANCHOR = { clauseId: 'a1', quote: { exact: 'на труд', prefix: '', suffix: '' } };

function merged(docs: Array<[string, 'secretary' | 'expert', Y.Doc]>) {
  return mergeReviewModel({ reviewId: 'r', engine: null, authors: docs.map(([userId, role, doc]) => ({ userId, role, doc })) });
}

describe('edit history of one’s own records', () => {
  it('keeps every replaced version with its time, oldest first; a change of anchor or status alone adds none', () => {
    const doc = new Y.Doc();
    const a = addAnnotation(doc, 'alice', { kind: 'finding', anchor: ANCHOR, body: 'v1', criterionId: 'C1', severity: 'note' }, 100);
    editAnnotation(doc, a.id, { anchor: { ...ANCHOR, clauseId: 'a2' } }, 150);
    editAnnotation(doc, a.id, { body: 'v2' }, 200);
    editAnnotation(doc, a.id, { criterionId: 'C4', severity: 'violation', proposedWording: 'w' }, 300);
    editAnnotation(doc, a.id, { proposedWording: undefined }, 400);
    editAnnotation(doc, a.id, { body: 'v2' }, 500); // no change
    const [finding] = merged([['alice', 'expert', doc]]).findings;
    expect(finding).toMatchObject({ explanation: 'v2', criterionId: 'C4', severity: 'violation', editedAt: 400, clauseId: 'a2' });
    expect(finding!.proposedWording).toBeUndefined();
    expect(finding!.history).toEqual([
      { at: 100, body: 'v1', criterionId: 'C1', severity: 'note' },
      { at: 200, body: 'v2', criterionId: 'C1', severity: 'note' },
      { at: 300, body: 'v2', criterionId: 'C4', severity: 'violation', proposedWording: 'w' },
    ]);
  });

  it('trims a long history to its limit, keeping the first version', () => {
    const doc = new Y.Doc();
    const a = addAnnotation(doc, 'alice', { kind: 'comment', anchor: ANCHOR, body: 'v0' }, 0);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i += 1) editAnnotation(doc, a.id, { body: `v${i}` }, i);
    const [comment] = merged([['alice', 'expert', doc]]).comments;
    expect(comment!.history).toHaveLength(HISTORY_LIMIT);
    expect(comment!.history![0]).toEqual({ at: 0, body: 'v0' });
    expect(comment!.history!.at(-1)).toEqual({ at: HISTORY_LIMIT + 9, body: `v${HISTORY_LIMIT + 9}` });
  });

  it('a deleted finding is a tombstone: out of findings and the conclusion, listed apart with its replies and decision; it cannot be edited', () => {
    const alice = new Y.Doc();
    const bella = new Y.Doc();
    const secretary = new Y.Doc();
    const kept = addAnnotation(alice, 'alice', { kind: 'finding', anchor: ANCHOR, body: 'остаётся', criterionId: 'C1' }, 1);
    const gone = addAnnotation(alice, 'alice', { kind: 'finding', anchor: ANCHOR, body: 'удалено', criterionId: 'C2' }, 2);
    const reply = addReply(bella, 'bella', gone.id, 'ответ Беллы', 3);
    setVerdict(bella, 'bella', { targetId: gone.id, decision: 'confirm' }, 4);
    for (const id of [kept.id, gone.id]) setFinalDecision(secretary, { targetId: id, decision: 'confirmed', justification: 'да' }, 5);
    deleteAnnotation(alice, gone.id, 6);
    deleteAnnotation(alice, gone.id, 7); // twice: the first time stays
    expect(() => editAnnotation(alice, gone.id, { body: 'воскрешение' }, 8)).toThrow(RangeError);
    const model = merged([
      ['alice', 'expert', alice],
      ['bella', 'expert', bella],
      ['sec', 'secretary', secretary],
    ]);
    expect(model.findings.map((f) => f.id)).toEqual([kept.id]);
    expect(model.deleted).toEqual([expect.objectContaining({ id: gone.id, body: 'удалено', deletedAt: 6, replies: [expect.objectContaining({ id: reply.id })], final: expect.objectContaining({ decision: 'confirmed' }) })]);
    expect(confirmedFindings(model.findings, { meta: {} as never, clauses: [] }).map((c) => c.finding.id)).toEqual([kept.id]);
  });

  it('a reply edited and deleted stays in its thread with its history and the time of deletion', () => {
    const doc = new Y.Doc();
    const a = addAnnotation(doc, 'alice', { kind: 'comment', anchor: ANCHOR, body: 'вопрос' }, 1);
    const r = addReply(doc, 'alice', a.id, 'ответ', 2);
    editReply(doc, r.id, 'ответ исправлен', 3);
    editReply(doc, r.id, 'ответ исправлен', 4); // same words: nothing
    deleteReply(doc, r.id, 5);
    expect(() => editReply(doc, r.id, 'снова', 6)).toThrow(RangeError);
    const [comment] = merged([['alice', 'expert', doc]]).comments;
    expect(comment!.replies).toEqual([{ id: r.id, targetId: a.id, authorId: 'alice', body: 'ответ исправлен', createdAt: 2, editedAt: 3, deletedAt: 5, history: [{ at: 2, body: 'ответ' }] }]);
  });

  it('edits from two tabs of the same author converge, each version kept by the one that replaced it', () => {
    const one = new Y.Doc();
    const a = addAnnotation(one, 'alice', { kind: 'finding', anchor: ANCHOR, body: 'v1', criterionId: 'C1' }, 1);
    const two = new Y.Doc();
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    editAnnotation(one, a.id, { body: 'из первой вкладки' }, 10);
    editAnnotation(two, a.id, { body: 'из второй вкладки' }, 11);
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    expect(authorMap(one, 'annotations').toJSON()).toEqual(authorMap(two, 'annotations').toJSON());
    const [finding] = merged([['alice', 'expert', one]]).findings;
    expect(finding!.history).toEqual([{ at: 1, body: 'v1', criterionId: 'C1' }]);
  });
});

describe('rewriteProblem: what the server holds a change of her record to', () => {
  const doc = new Y.Doc();
  const a = addAnnotation(doc, 'alice', { kind: 'finding', anchor: ANCHOR, body: 'v1', criterionId: 'C1' }, 1);
  const record = () => structuredClone(authorMap(doc, 'annotations').get(a.id)) as Record<string, unknown>;
  const v1 = record();
  editAnnotation(doc, a.id, { body: 'v2' }, 2);
  const v2 = record();
  editAnnotation(doc, a.id, { body: 'v3' }, 3);
  const v3 = record();
  deleteAnnotation(doc, a.id, 4);
  const v4 = record();

  it('passes what author-doc.ts writes, one step or several', () => {
    expect(rewriteProblem('annotations', v1, v2)).toBeNull();
    expect(rewriteProblem('annotations', v2, v3)).toBeNull();
    expect(rewriteProblem('annotations', v3, v4)).toBeNull();
    expect(rewriteProblem('annotations', v1, v4, 'several')).toBeNull();
    expect(rewriteProblem('annotations', v1, { ...v1, status: 'resolved', updatedAt: 9 })).toBeNull();
  });

  it('refuses removal, undeletion, a rewritten history, a changed identity and junk', () => {
    expect(rewriteProblem('annotations', v1, undefined)).toBe('erased');
    expect(rewriteProblem('annotations', v4, { ...v4, deletedAt: undefined })).toBe('undeleted');
    expect(rewriteProblem('annotations', v4, { ...v4, body: 'x' })).toBe('deleted-edited');
    expect(rewriteProblem('annotations', v1, { ...v1, body: 'тихо' })).toBe('history');
    expect(rewriteProblem('annotations', v2, { ...v3, history: [] })).toBe('history');
    expect(rewriteProblem('annotations', v1, { ...v3, history: [{ at: 1, body: 'подделка' }, ...(v3.history as unknown[]).slice(1)] }, 'several')).toBe('history');
    expect(rewriteProblem('annotations', v1, { ...v1, createdAt: 0 })).toBe('identity');
    expect(rewriteProblem('annotations', v1, { ...v1, kind: 'comment' })).toBe('identity');
    expect(rewriteProblem('annotations', v1, { id: a.id })).toBe('malformed');
  });
});
