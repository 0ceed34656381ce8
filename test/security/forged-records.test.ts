import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, setConclusionField, setFinalDecision } from '../../shared/collab/author-doc';
import { ENGINE_CANDIDATES } from '../../shared/collab/engine-doc';
import { authorDocName, type DocName } from '../../shared/protocol';
import type { ConclusionFields, ReviewModel } from '../../shared/review-model';
import { writeCandidates } from '../../server/collab/model';
import { api } from '../helpers/app';
import { eventually, openClient } from '../collab/harness';
import { join, logRows, rawSocket, sendUpdate, useReviewWorld } from '../collab/fixtures';
import { completeFields } from '../export/fixtures';

/**
 * Issue 12 §2: ids of findings are not a way for one expert to speak for another. An expert with a
 * valid account writes, into her own author doc, records under the id of a colleague's finding or of
 * an engine candidate — the two attacks that used to put her text into the conclusion as "confirmed".
 * Nothing of hers may reach the model, the preview or the DOCX.
 */
const bench = useReviewWorld();

const FORGED_BODY = 'ПОДДЕЛКА-БЕЛЛЫ: этот текст не должен попасть в заключение';
const FORGED_WORDING = 'ПОДДЕЛЬНАЯ-ФОРМУЛИРОВКА';

/** What a modified client would send: one annotation record under any id she likes. */
function forgedUpdate(id: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('annotations').set(id, {
    id,
    kind: 'finding',
    anchor: { clauseId: 'a2.p1', quote: { exact: 'равную оплату', prefix: '', suffix: '' } },
    criterionId: 'C5',
    severity: 'violation',
    polarity: 'risk',
    body: FORGED_BODY,
    proposedWording: FORGED_WORDING,
    status: 'open',
    createdAt: 1,
    updatedAt: 1,
  });
  return Y.encodeStateAsUpdate(doc);
}

async function documentXml(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return strFromU8(files['word/document.xml']!);
}

describe('an expert cannot speak for another through record ids', () => {
  it('refuses her records under a colleague’s finding id or a candidate’s id, stores nothing, and the secretary’s decisions stay with the real findings', async () => {
    const { world, clients } = bench;
    const { server, secretary, alice, bella, review } = world;
    const aliceDoc = authorDocName(alice.user.id);
    const bellaDoc = authorDocName(bella.user.id);
    const secretaryDoc = authorDocName(secretary.user.id);
    const db = server.tendik.ctx.db;

    // Alice's genuine finding, made in her browser.
    const expert = await openClient(server.url, alice.auth, review.id, ['text', aliceDoc]);
    clients.push(expert);
    const genuine = addAnnotation(expert.docs.get(aliceDoc)!, alice.user.id, {
      kind: 'finding',
      anchor: { clauseId: 'a2.p2', quote: { exact: 'своего заместителя', prefix: '', suffix: '' } },
      body: 'Формулировка в мужском роде.',
      criterionId: 'C3',
      severity: 'concern',
      proposedWording: 'заместителя',
    });
    await eventually(() => expert.provider.pending === 0 && expert.provider.status === 'synced', 'alice stored');
    // A candidate of the engine's, as the checklist run writes it (the sample draft raises none itself).
    await writeCandidates(server.tendik.ctx, review.id, { id: 'kg-gender-expertise', version: 'test' }, [
      {
        id: 'cf-forgetest1',
        checklist: 'kg-gender-expertise@test',
        criterionId: 'C5',
        detectorId: 'test-detector',
        clauseId: 'a2.p1',
        span: { start: 3, end: 13 },
        quote: { exact: 'Работодате', prefix: '1. ', suffix: 'ль' },
        matched: [{ form: 'Работодатель' }],
        severity: 'concern',
        polarity: 'risk',
        explanation: { ru: 'Пояснение движка.', ky: 'Түшүндүрмө.', en: 'Engine explanation.' },
        legalBasis: [],
      },
    ]);
    const model = async () => (await (await api(server, secretary.auth, `/api/reviews/${review.id}/model`)).json()) as ReviewModel;
    const candidate = (await model()).findings.find((f) => f.origin === 'engine');
    expect(candidate?.id).toBe('cf-forgetest1');

    // Bella, with her own valid account, writes into her own doc under both ids.
    const forger = await rawSocket(server, bella);
    try {
      expect((await join(forger, review.id, bellaDoc)).writable).toBe(true);
      const rows = logRows(db, review.id, bellaDoc);
      for (const id of [genuine.id, candidate!.id, `${alice.user.id}:00000000-0000-4000-8000-000000000000`, 'just-a-name']) {
        const answer = await sendUpdate(forger, review.id, bellaDoc, forgedUpdate(id));
        expect(answer, id).toMatchObject({ ok: false, code: 'COLLAB_FOREIGN_RECORD' });
        expect(answer.messages?.ru).toMatch(/чужой записи/);
      }
      expect(logRows(db, review.id, bellaDoc)).toBe(rows);
      const audited = db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'collab.foreign_record_refused' AND user_id = ?`).get(bella.user.id) as { n: number };
      expect(audited.n).toBe(4);
      // Her own records under her own ids still go through: the check is not a blanket refusal.
      const own = new Y.Doc();
      addAnnotation(own, bella.user.id, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } }, body: 'свой комментарий' });
      expect(await sendUpdate(forger, review.id, bellaDoc, Y.encodeStateAsUpdate(own))).toEqual({ ok: true });
    } finally {
      forger.close();
    }

    // The secretary confirms Alice's finding and the candidate, and completes the conclusion.
    const chief = await openClient(server.url, secretary.auth, review.id, ['text', 'engine', secretaryDoc] as DocName[]);
    clients.push(chief);
    const mine = chief.docs.get(secretaryDoc)!;
    setFinalDecision(mine, { targetId: genuine.id, decision: 'confirmed', justification: 'Обоснование секретаря.' });
    setFinalDecision(mine, { targetId: candidate!.id, decision: 'confirmed', justification: 'Кандидат подтверждён.' });
    const fields = completeFields();
    for (const key of Object.keys(fields) as Array<keyof ConclusionFields>) setConclusionField(mine, key, fields[key]);
    await eventually(() => chief.provider.pending === 0 && chief.provider.status === 'synced', 'secretary stored');

    const merged = await model();
    const confirmed = merged.findings.filter((f) => f.final?.decision === 'confirmed');
    expect(confirmed.map((f) => f.id).sort()).toEqual([genuine.id, candidate!.id].sort());
    expect(confirmed.find((f) => f.id === genuine.id)).toMatchObject({ authorId: alice.user.id, explanation: 'Формулировка в мужском роде.' });
    expect(JSON.stringify(merged)).not.toContain('ПОДДЕЛ');
    expect(merged.ignored ?? []).toEqual([]);

    const preview = (await (await api(server, secretary.auth, `/api/reviews/${review.id}/conclusion/preview?lang=ru`)).json()) as { html: string };
    expect(preview.html).toContain('Обоснование секретаря.');
    expect(preview.html).not.toContain('ПОДДЕЛ');
    const conclusion = await documentXml(await api(server, secretary.auth, `/api/reviews/${review.id}/conclusion.docx?lang=ru`));
    expect(conclusion).not.toContain('ПОДДЕЛ');
    const workingCopy = await documentXml(await api(server, secretary.auth, `/api/reviews/${review.id}/working-copy.docx?lang=ru`));
    expect(workingCopy).not.toContain('ПОДДЕЛ');
  });

  it('a record already stored under a foreign id (before this check, or put in the database by hand) is ignored by the merge and reported, and inherits nothing', async () => {
    const { world } = bench;
    const { server, secretary, bella, review } = world;
    const hub = server.tendik.ctx.collab;
    const before = await (await api(server, secretary.auth, `/api/reviews/${review.id}/model`)).json() as ReviewModel;
    const victim = before.findings.find((f) => f.origin === 'expert' && f.final?.decision === 'confirmed')!;
    const candidate = before.findings.find((f) => f.origin === 'engine' && f.final?.decision === 'confirmed')!;
    expect(victim && candidate).toBeTruthy();

    // Straight into the stored doc, past the socket: the merge is the second line of defence.
    const bellaDoc = authorDocName(bella.user.id);
    await hub.withRoom(review.id, bellaDoc, (room) => {
      for (const id of [victim.id, candidate.id]) Y.applyUpdate(room.doc, forgedUpdate(id));
    });
    await hub.withRoom(review.id, 'engine', (room) => expect(room.doc.getMap(ENGINE_CANDIDATES).has(candidate.id)).toBe(true));

    const after = (await (await api(server, secretary.auth, `/api/reviews/${review.id}/model`)).json()) as ReviewModel;
    expect(after.ignored).toEqual(
      expect.arrayContaining([
        { authorId: bella.user.id, id: victim.id, reason: 'other-author' },
        { authorId: bella.user.id, id: candidate.id, reason: 'engine-id' },
      ]),
    );
    expect(after.findings.filter((f) => f.final?.decision === 'confirmed').map((f) => f.id).sort()).toEqual([victim.id, candidate.id].sort());
    expect(after.findings.filter((f) => f.authorId === bella.user.id)).toEqual([]);
    expect(JSON.stringify(after.findings)).not.toContain('ПОДДЕЛ');
    const conclusion = await documentXml(await api(server, secretary.auth, `/api/reviews/${review.id}/conclusion.docx?lang=ru`));
    expect(conclusion).not.toContain('ПОДДЕЛ');
  });
});
