import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation } from '../../shared/collab';
import { upsertCandidates } from '../../shared/collab/engine-doc';
import { mergeReviewModel } from '../../shared/collab/merge';
import type { PlacementRecord } from '../../shared/contract/versions';
import type { CandidateFinding, MergedFinding, ReviewModel } from '../../shared/review-model';
import { pendingCarries, placedInVersion, viewOfReading } from '../../shared/versions/reading-view';

/**
 * The model of a later version of the draft (issue 16): the merge keeps each version's work apart, and the
 * view places what was made on earlier versions by the server's placements, never twice.
 */
const ALICE = '00000000-0000-4000-8000-00000000000a';
const quote = (exact: string) => ({ exact, prefix: '', suffix: '' });

function candidate(id: string, clauseId: string, start: number, words: string, detectorId = 'C8.mother-only'): CandidateFinding {
  return {
    id,
    checklist: 'kg@1',
    criterionId: 'C8',
    detectorId,
    clauseId,
    span: { start, end: start + words.length },
    quote: quote(words),
    matched: [{ form: words }],
    severity: 'concern',
    polarity: 'risk',
    explanation: { ru: 'ru', ky: 'ky', en: 'en' },
    legalBasis: [],
  };
}

function placement(annotationId: string, state: PlacementRecord['state'], clauseId: string | null, start = 0, end = 0, origin: PlacementRecord['origin'] = 'expert'): PlacementRecord {
  return { annotationId, origin, authorId: origin === 'engine' ? null : ALICE, annotationKind: 'finding', state, manual: false, clauseId, start, end, quote: quote(`q-${annotationId}`), score: 1 };
}

describe('the merge, per version', () => {
  const author = new Y.Doc();
  const on1 = addAnnotation(author, ALICE, { kind: 'finding', anchor: { clauseId: 'a1', quote: quote('право') }, body: 'v1', criterionId: 'C1' });
  const on2 = addAnnotation(author, ALICE, { kind: 'finding', anchor: { clauseId: 'a2', quote: quote('матери'), draftVersion: 2 }, body: 'v2', criterionId: 'C8' });
  const on3 = addAnnotation(author, ALICE, { kind: 'comment', anchor: { clauseId: 'a9', quote: quote('x'), draftVersion: 3 }, body: 'v3' });
  const engine1 = new Y.Doc();
  upsertCandidates(engine1, { id: 'kg', version: '1' }, [candidate('cf-1', 'a1', 0, 'слово')], 'test');
  const engine2 = new Y.Doc();
  upsertCandidates(engine2, { id: 'kg', version: '1' }, [candidate('cf-2', 'a2', 0, 'матери')], 'test');
  const merge = (version?: number) =>
    mergeReviewModel({ reviewId: 'r', engine: engine1, authors: [{ userId: ALICE, role: 'expert', doc: author }], ...(version ? { version, laterEngines: new Map([[2, engine2]]) } : {}) });

  it('version 1 holds only what was made on it, as before there were versions', () => {
    const model = merge();
    expect(model.findings.map((f) => f.id).sort()).toEqual(['cf-1', on1.id].sort());
    expect(model.comments).toEqual([]);
    expect(model.draftVersion).toBeUndefined();
  });

  it('version 2 holds its own work and the earlier versions’, never a later one’s', () => {
    const model = merge(2);
    expect(model.draftVersion).toBe(2);
    const ids = model.findings.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['cf-1', 'cf-2', on1.id, on2.id]));
    expect(model.comments.map((c) => c.id)).not.toContain(on3.id);
    expect(model.findings.find((f) => f.id === on2.id)?.draftVersion).toBe(2);
    expect(model.findings.find((f) => f.id === 'cf-2')?.draftVersion).toBe(2);
    expect(model.findings.find((f) => f.id === on1.id)?.draftVersion).toBeUndefined();
    // The engine has run on version 2 (its doc says which checklist): the model says so.
    expect(model.versionAnalysed).toBe(true);
    expect(mergeReviewModel({ reviewId: 'r', engine: engine1, authors: [], version: 2, laterEngines: new Map([[2, new Y.Doc()]]) }).versionAnalysed).toBeUndefined();
  });
});

describe('viewOfReading', () => {
  const finding = (id: string, extra: Partial<MergedFinding> = {}): MergedFinding => ({
    id,
    origin: 'expert',
    authorId: ALICE,
    criterionId: 'C3',
    clauseId: 'old',
    quote: quote('old words'),
    severity: 'concern',
    polarity: 'risk',
    explanation: 'x',
    verdicts: [],
    replies: [],
    status: 'open',
    ...extra,
  });
  const model = (findings: MergedFinding[], comments: ReviewModel['comments'] = []): ReviewModel => ({ reviewId: 'r', draftVersion: 2, findings, comments, answers: [], conclusion: {} });

  it('leaves version 1 as it is', () => {
    const m: ReviewModel = { reviewId: 'r', findings: [finding('f')], comments: [], answers: [], conclusion: {} };
    expect(viewOfReading(m, [])).toBe(m);
  });

  it('places earlier versions’ work where the server carried it, says how, and keeps this version’s where it is', () => {
    const native = finding('n', { draftVersion: 2, clauseId: 'a5', position: { state: 'exact', clauseId: 'a5', start: 1, end: 4 } });
    const view = viewOfReading(model([finding('p'), finding('c'), finding('o'), finding('w'), native]), [
      placement('p', 'placed', 'a3.p2', 2, 9),
      placement('c', 'changed', 'a1', 0, 5),
      placement('o', 'orphaned', null),
    ]);
    const of = (id: string) => view.findings.find((f) => f.id === id)!;
    expect(of('p')).toMatchObject({ clauseId: 'a3.p2', quote: { exact: 'q-p' }, position: { state: 'exact', clauseId: 'a3.p2', start: 2, end: 9 }, carried: { fromVersion: 1, state: 'placed' } });
    expect(of('c')).toMatchObject({ clauseId: 'a1', position: { state: 'reanchored' }, carried: { state: 'changed' } });
    expect(of('o')).toMatchObject({ clauseId: 'old', position: { state: 'orphaned' }, carried: { state: 'orphaned' } });
    expect(of('w').carried).toEqual({ fromVersion: 1, state: 'pending', manual: false });
    expect(of('w').position).toBeUndefined();
    expect(of('n')).toBe(native);
    expect(pendingCarries(view)).toEqual(['w']);
    // The conclusion on this version sets nothing beside a unit that is not its own.
    expect(placedInVersion(view).findings.map((f) => f.id).sort()).toEqual(['c', 'n', 'p']);
  });

  it('lists a candidate the engine finds again on this version once: the carried one, with its thread', () => {
    const carriedSame = finding('cf-same', { origin: 'engine', authorId: null, detectorId: 'd1', replies: [{ id: 'r1', targetId: 'cf-same', authorId: ALICE, body: 'да', createdAt: 1 }] });
    const carriedMoved = finding('cf-old', { origin: 'engine', authorId: null, detectorId: 'd1' });
    const carriedGone = finding('cf-gone', { origin: 'engine', authorId: null, detectorId: 'd1' });
    const nativeSame = finding('cf-same', { origin: 'engine', authorId: null, detectorId: 'd1', draftVersion: 2, clauseId: 'a2', position: { state: 'exact', clauseId: 'a2', start: 0, end: 6 } });
    const nativeRenumbered = finding('cf-new', { origin: 'engine', authorId: null, detectorId: 'd1', draftVersion: 2, clauseId: 'a7', position: { state: 'exact', clauseId: 'a7', start: 3, end: 8 } });
    const nativeOtherRule = finding('cf-other', { origin: 'engine', authorId: null, detectorId: 'd2', draftVersion: 2, clauseId: 'a7', position: { state: 'exact', clauseId: 'a7', start: 3, end: 8 } });
    const nativeOnGone = finding('cf-gone', { origin: 'engine', authorId: null, detectorId: 'd1', draftVersion: 2, clauseId: 'a9', position: { state: 'exact', clauseId: 'a9', start: 0, end: 2 } });
    const view = viewOfReading(model([carriedSame, carriedMoved, carriedGone, nativeSame, nativeRenumbered, nativeOtherRule, nativeOnGone]), [
      placement('cf-same', 'placed', 'a2', 0, 6, 'engine'),
      placement('cf-old', 'placed', 'a7', 2, 8, 'engine'),
      placement('cf-gone', 'orphaned', null, 0, 0, 'engine'),
    ]);
    const listed = view.findings.map((f) => `${f.id}${f.carried ? '@carried' : ''}`).sort();
    expect(listed).toEqual(['cf-gone', 'cf-old@carried', 'cf-other', 'cf-same@carried'].sort());
    expect(view.findings.find((f) => f.id === 'cf-same')!.replies).toHaveLength(1);
  });

  it('says of a carried candidate whether the engine finds it again on this version, once the engine has run there', () => {
    const carried = (id: string) => finding(id, { origin: 'engine', authorId: null, detectorId: 'd1' });
    const refound = finding('cf-new', { origin: 'engine', authorId: null, detectorId: 'd1', draftVersion: 2, clauseId: 'a1', position: { state: 'exact', clauseId: 'a1', start: 2, end: 6 } });
    const places = [placement('cf-kept', 'placed', 'a1', 0, 5, 'engine'), placement('cf-fixed', 'changed', 'a2', 0, 9, 'engine')];
    const analysed = viewOfReading({ ...model([carried('cf-kept'), carried('cf-fixed'), refound]), versionAnalysed: true }, places);
    const of = (v: ReviewModel, id: string) => v.findings.find((f) => f.id === id)!.carried;
    expect(of(analysed, 'cf-kept')?.engineFindsAgain).toBe(true);
    expect(of(analysed, 'cf-fixed')?.engineFindsAgain).toBe(false);
    // Before the engine has run on the version, nothing is said either way.
    const before = viewOfReading(model([carried('cf-kept'), carried('cf-fixed')]), places);
    expect(of(before, 'cf-fixed')?.engineFindsAgain).toBeUndefined();
  });

  it('carries comments the same way', () => {
    const comment = { id: 'k', kind: 'comment' as const, authorId: ALICE, anchor: { clauseId: 'old', quote: quote('x') }, body: 'b', status: 'open' as const, createdAt: 1, updatedAt: 1, replies: [] };
    const view = viewOfReading(model([], [comment]), [placement('k', 'placed', 'a4', 1, 2)]);
    expect(view.comments[0]).toMatchObject({ anchor: { clauseId: 'a4', quote: { exact: 'q-k' } }, position: { clauseId: 'a4', start: 1, end: 2 }, carried: { state: 'placed' } });
  });
});
