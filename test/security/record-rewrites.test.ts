import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, addReply, authorMap, deleteAnnotation, deleteReply, editAnnotation, editReply, setFinalDecision } from '../../shared/collab/author-doc';
import { authorDocName, type DocName } from '../../shared/protocol';
import type { ReviewModel } from '../../shared/review-model';
import { api } from '../helpers/app';
import { eventually, openClient } from '../collab/harness';
import { join, logRows, rawSocket, sendUpdate, storedDoc, useReviewWorld } from '../collab/fixtures';

/**
 * Issue 17: an expert edits and deletes her own findings and replies, the history kept and a deletion
 * a tombstone. Her app writes her doc that way; an attacker with her valid account writes whatever
 * she likes into it. The server refuses every change of her records that her app never makes
 * (removed outright, undeleted, edited with the replaced words dropped from the history, replaced by
 * junk the merge would skip), and nobody writes a colleague's doc at all.
 */
const bench = useReviewWorld();

const ANCHOR = { clauseId: 'a2.p2', quote: { exact: 'своего заместителя', prefix: '', suffix: '' } };

describe('edits and deletions of one’s own records, and nothing else', () => {
  it('honest edits, deletions and several offline edits pass; erasing, undeleting, rewriting the history or a colleague’s finding are refused and store nothing', async () => {
    const { world, clients } = bench;
    const { server, secretary, alice, bella, review } = world;
    const db = server.tendik.ctx.db;
    const aliceDoc = authorDocName(alice.user.id);
    const secretaryDoc = authorDocName(secretary.user.id);

    // Alice in her browser: a finding, a reply, edits of both, a deletion of the reply.
    const expert = await openClient(server.url, alice.auth, review.id, ['text', aliceDoc]);
    clients.push(expert);
    const own = expert.docs.get(aliceDoc)!;
    const finding = addAnnotation(own, alice.user.id, { kind: 'finding', anchor: ANCHOR, body: 'Мужской род.', criterionId: 'C3', severity: 'concern' }, 1000);
    const doomed = addAnnotation(own, alice.user.id, { kind: 'finding', anchor: { clauseId: 'a1', quote: { exact: 'на труд', prefix: '', suffix: '' } }, body: 'Замечание, которое будет удалено.', criterionId: 'C2', severity: 'concern' }, 1001);
    const reply = addReply(own, alice.user.id, finding.id, 'Первый ответ', 1002);
    editAnnotation(own, finding.id, { body: 'Формулировка в мужском роде.', severity: 'violation' }, 2000);
    editReply(own, reply.id, 'Исправленный ответ', 2001);
    deleteReply(own, reply.id, 2002);
    await eventually(() => expert.provider.pending === 0 && expert.provider.status === 'synced', 'alice’s honest changes stored');
    expect(expert.provider.status).toBe('synced');

    // The secretary confirms both findings, so the deleted one's tombstone carries a decision.
    const chief = await openClient(server.url, secretary.auth, review.id, ['text', secretaryDoc] as DocName[]);
    clients.push(chief);
    setFinalDecision(chief.docs.get(secretaryDoc)!, { targetId: doomed.id, decision: 'confirmed', justification: 'Решение до удаления.' });
    setFinalDecision(chief.docs.get(secretaryDoc)!, { targetId: finding.id, decision: 'confirmed', justification: 'Обоснование секретаря.' });
    await eventually(() => chief.provider.pending === 0, 'secretary stored');

    // Several edits made offline arrive in one update, the versions between them collected by her doc.
    const attacker = await rawSocket(server, alice);
    try {
      expect((await join(attacker, review.id, aliceDoc)).writable).toBe(true);
      const offline = storedDoc(db, review.id, aliceDoc);
      const serverState = Y.encodeStateVector(offline);
      editAnnotation(offline, finding.id, { body: 'Вторая правка' }, 3000);
      editAnnotation(offline, finding.id, { body: 'Третья правка' }, 3001);
      deleteAnnotation(offline, doomed.id, 3002);
      expect(await sendUpdate(attacker, review.id, aliceDoc, Y.encodeStateAsUpdate(offline, serverState))).toEqual({ ok: true });

      // Now what a modified client would send into her own doc.
      const rows = logRows(db, review.id, aliceDoc);
      const attempt = (change: (doc: Y.Doc, record: Record<string, unknown>, map: Y.Map<unknown>) => void, map: 'annotations' | 'replies' = 'annotations', id = finding.id) => {
        const doc = storedDoc(db, review.id, aliceDoc);
        const before = Y.encodeStateVector(doc);
        const records = authorMap(doc, map);
        change(doc, records.get(id) as Record<string, unknown>, records);
        return sendUpdate(attacker, review.id, aliceDoc, Y.encodeStateAsUpdate(doc, before));
      };
      const attacks: Array<[string, Promise<unknown>]> = [];
      const refused = async (what: string, sent: Promise<unknown>) => {
        const answer = (await sent) as { ok: boolean; code?: string; messages?: Record<string, string> };
        expect(answer, what).toMatchObject({ ok: false, code: 'COLLAB_RECORD_REWRITE' });
        expect(answer.messages?.ru, what).toMatch(/историю/);
        attacks.push([what, sent]);
      };
      await refused('erase a finding', attempt((_d, _r, m) => m.delete(finding.id)));
      await refused('erase a deleted reply', attempt((_d, _r, m) => m.delete(reply.id), 'replies', reply.id));
      await refused('edit without keeping the history', attempt((_d, r, m) => m.set(finding.id, { ...r, body: 'Тихая правка', updatedAt: 4000 })));
      await refused('drop the history', attempt((_d, r, m) => m.set(finding.id, { ...r, history: [], updatedAt: 4000 })));
      await refused('forge an earlier version', attempt((_d, r, m) => m.set(finding.id, { ...r, body: 'Новое', editedAt: 4000, history: [{ at: 1000, body: 'Никогда не было' }] })));
      await refused('undelete a finding', attempt((_d, r, m) => m.set(doomed.id, { ...r, deletedAt: undefined }), 'annotations', doomed.id));
      await refused('rewrite a tombstone', attempt((_d, r, m) => m.set(doomed.id, { ...r, body: 'Другое' }), 'annotations', doomed.id));
      await refused('replace with junk the merge would skip', attempt((_d, _r, m) => m.set(finding.id, { id: finding.id, body: 42 })));
      await refused('move a reply to another finding', attempt((_d, r, m) => m.set(reply.id, { ...r, targetId: doomed.id }), 'replies', reply.id));
      expect(logRows(db, review.id, aliceDoc)).toBe(rows);
      const audited = db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'collab.record_rewrite_refused' AND user_id = ?`).get(alice.user.id) as { n: number };
      expect(audited.n).toBe(attacks.length);
      // An honest edit on the same socket still goes through: the check is no blanket refusal.
      expect(await attempt((doc) => editAnnotation(doc, finding.id, { body: 'Честная правка' }, 5000))).toEqual({ ok: true });
    } finally {
      attacker.close();
    }

    // Bella cannot write Alice's doc at all: editing or deleting her finding is refused whole.
    const intruder = await rawSocket(server, bella);
    try {
      expect((await join(intruder, review.id, aliceDoc)).writable).toBe(false);
      const doc = storedDoc(db, review.id, aliceDoc);
      const before = Y.encodeStateVector(doc);
      editAnnotation(doc, finding.id, { body: 'Правка Беллы' }, 6000);
      deleteAnnotation(doc, finding.id, 6001);
      expect(await sendUpdate(intruder, review.id, aliceDoc, Y.encodeStateAsUpdate(doc, before))).toMatchObject({ ok: false, code: 'COLLAB_READ_ONLY' });
    } finally {
      intruder.close();
    }

    // What the model says: the history with who (the author) and when, the tombstones apart, and
    // the deleted comment's decision reaches nothing.
    const model = (await (await api(server, secretary.auth, `/api/reviews/${review.id}/model`)).json()) as ReviewModel;
    const edited = model.findings.find((f) => f.id === finding.id)!;
    expect(edited).toMatchObject({ authorId: alice.user.id, explanation: 'Честная правка', severity: 'violation', editedAt: 5000 });
    expect(edited.history!.map((v) => [v.at, v.body, v.severity])).toEqual([
      [1000, 'Мужской род.', 'concern'],
      [2000, 'Формулировка в мужском роде.', 'violation'],
      [3000, 'Вторая правка', 'violation'],
      [3001, 'Третья правка', 'violation'],
    ]);
    expect(edited.replies).toEqual([expect.objectContaining({ id: reply.id, body: 'Исправленный ответ', deletedAt: 2002, history: [{ at: 1002, body: 'Первый ответ' }] })]);
    expect(model.findings.map((c) => c.id)).not.toContain(doomed.id);
    expect(model.deleted).toEqual([expect.objectContaining({ id: doomed.id, deletedAt: 3002, body: 'Замечание, которое будет удалено.', final: expect.objectContaining({ decision: 'confirmed' }) })]);
    expect(JSON.stringify(model)).not.toMatch(/Тихая правка|Никогда не было|Правка Беллы/);
    const preview = (await (await api(server, secretary.auth, `/api/reviews/${review.id}/conclusion/preview?lang=ru`)).json()) as { html: string };
    expect(preview.html).not.toContain('Решение до удаления');
    expect(preview.html).not.toContain('Замечание, которое будет удалено');
    expect(preview.html).toContain('Обоснование секретаря.');
  });
});
