import type * as Y from 'yjs';
import type {
  Annotation,
  AnnotationKind,
  ChecklistAnswer,
  ChecklistAnswerValue,
  ConclusionFields,
  FinalDecision,
  Polarity,
  Reply,
  Severity,
  TextAnchor,
  Verdict,
} from '../review-model';
import { annotationIdProblem, newAnnotationId, type ForeignIdReason } from './record-ids';
import { annotationContentChanged, annotationVersion, appendVersion, replyVersion } from './record-history';
import {
  AnnotationRecord,
  AnswerRecord,
  ConclusionFieldRecord,
  DecisionRecord,
  ReplyRecord,
  VerdictRecord,
} from './records';

/**
 * The layout of an AUTHOR doc (docs/collaboration.md, "The docs of a review"): one Y.Map per kind of record, each value a plain JSON
 * record replaced whole on every change. Only the doc's owner can write it (the server enforces that
 * per connection), so authorship is structural: the merge takes the author from the doc, never from
 * a record. These functions are what the browser UI calls; each change is one Yjs transaction.
 */
export const AUTHOR_MAPS = {
  annotations: 'annotations',
  replies: 'replies',
  verdicts: 'verdicts',
  answers: 'answers',
  /** The secretary's FinalDecision per finding. */
  decisions: 'decisions',
  /** The secretary's ConclusionFields, one entry per field. */
  conclusion: 'conclusion',
} as const;

export type AuthorMapName = keyof typeof AUTHOR_MAPS;

export function authorMap(doc: Y.Doc, name: AuthorMapName): Y.Map<unknown> {
  return doc.getMap(AUTHOR_MAPS[name]);
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

export interface NewAnnotation {
  kind: AnnotationKind;
  anchor: TextAnchor;
  body: string;
  criterionId?: string;
  severity?: Severity;
  polarity?: Polarity;
  proposedWording?: string;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function stored<T>(doc: Y.Doc, name: AuthorMapName, key: string): T {
  const value = authorMap(doc, name).get(key);
  if (value === undefined) throw new RangeError(`No ${name} entry "${key}" in this author doc`);
  return value as T;
}

export function addAnnotation(doc: Y.Doc, authorId: string, input: NewAnnotation, now = Date.now()): Annotation {
  if (input.kind === 'finding' && !input.criterionId) throw new RangeError('A finding needs a criterionId');
  const record: AnnotationRecord = withoutUndefined({
    id: newAnnotationId(authorId),
    kind: input.kind,
    anchor: withoutUndefined(input.anchor),
    criterionId: input.criterionId,
    severity: input.severity,
    polarity: input.polarity,
    body: input.body,
    proposedWording: input.proposedWording,
    status: 'open' as const,
    createdAt: now,
    updatedAt: now,
  });
  authorMap(doc, 'annotations').set(record.id, record);
  return { ...record, authorId };
}

export type AnnotationPatch = Partial<
  Pick<Annotation, 'body' | 'criterionId' | 'severity' | 'polarity' | 'proposedWording' | 'anchor'>
>;

/**
 * Her edit of her own annotation: the record is replaced, and when its content changes the version it
 * replaces goes to its `history` with the time it was written (docs/collaboration.md, "Edits and
 * deletions"). A patch that changes no content (a moved anchor) leaves the history alone. `undefined`
 * in the patch clears an optional field (a wording taken back). A deleted annotation is not edited.
 */
export function editAnnotation(doc: Y.Doc, id: string, patch: AnnotationPatch, now = Date.now()): void {
  const current = stored<AnnotationRecord>(doc, 'annotations', id);
  if (current.deletedAt !== undefined) throw new RangeError(`Annotation "${id}" is deleted`);
  const next: AnnotationRecord = withoutUndefined({ ...current, ...patch, updatedAt: now });
  if (annotationContentChanged(current, next)) {
    next.history = appendVersion(current.history, annotationVersion(current));
    next.editedAt = now;
  }
  authorMap(doc, 'annotations').set(id, next);
}

function setStatus(doc: Y.Doc, id: string, status: 'open' | 'resolved', now: number): void {
  const current = stored<AnnotationRecord>(doc, 'annotations', id);
  if (current.status === status) return;
  authorMap(doc, 'annotations').set(id, { ...current, status, updatedAt: now });
}

export function resolveAnnotation(doc: Y.Doc, id: string, now = Date.now()): void {
  setStatus(doc, id, 'resolved', now);
}

export function reopenAnnotation(doc: Y.Doc, id: string, now = Date.now()): void {
  setStatus(doc, id, 'open', now);
}

/**
 * Her deletion of her own annotation: a tombstone, never a removal. The record stays with `deletedAt`
 * (and its text and history), so the secretary still sees what was there; the merge lists it apart,
 * out of the findings, the comments and the conclusion.
 */
export function deleteAnnotation(doc: Y.Doc, id: string, now = Date.now()): void {
  const current = stored<AnnotationRecord>(doc, 'annotations', id);
  if (current.deletedAt !== undefined) return;
  authorMap(doc, 'annotations').set(id, { ...current, deletedAt: now, updatedAt: now });
}

export function addReply(doc: Y.Doc, authorId: string, targetId: string, body: string, now = Date.now()): Reply {
  const record: ReplyRecord = { id: newId(), targetId, body, createdAt: now };
  authorMap(doc, 'replies').set(record.id, record);
  return { ...record, authorId };
}

/** Her edit of her own reply, the version it replaces kept in its `history`. */
export function editReply(doc: Y.Doc, id: string, body: string, now = Date.now()): void {
  const current = stored<ReplyRecord>(doc, 'replies', id);
  if (current.deletedAt !== undefined) throw new RangeError(`Reply "${id}" is deleted`);
  if (current.body === body) return;
  authorMap(doc, 'replies').set(id, { ...current, body, editedAt: now, history: appendVersion(current.history, replyVersion(current)) });
}

/** Her deletion of her own reply: a tombstone in the thread, as for annotations. */
export function deleteReply(doc: Y.Doc, id: string, now = Date.now()): void {
  const current = stored<ReplyRecord>(doc, 'replies', id);
  if (current.deletedAt !== undefined) return;
  authorMap(doc, 'replies').set(id, { ...current, deletedAt: now });
}

export function setVerdict(
  doc: Y.Doc,
  authorId: string,
  input: { targetId: string; decision: 'confirm' | 'dismiss'; reason?: string; wording?: string },
  now = Date.now(),
): Verdict {
  const record: VerdictRecord = withoutUndefined({ ...input, at: now });
  authorMap(doc, 'verdicts').set(input.targetId, record);
  return { ...record, authorId };
}

export function clearVerdict(doc: Y.Doc, targetId: string): void {
  authorMap(doc, 'verdicts').delete(targetId);
}

export function answerKey(criterionId: string, questionId: string): string {
  return `${criterionId}\u0000${questionId}`;
}

export function setAnswer(
  doc: Y.Doc,
  authorId: string,
  input: { criterionId: string; questionId: string; value: ChecklistAnswerValue; note?: string },
  now = Date.now(),
): ChecklistAnswer {
  const record: AnswerRecord = withoutUndefined({ ...input, at: now });
  authorMap(doc, 'answers').set(answerKey(input.criterionId, input.questionId), record);
  return { ...record, authorId };
}

/** The secretary's decision (the server lets only her connections write her doc; the merge reads decisions only from secretaries' docs). */
export function setFinalDecision(doc: Y.Doc, input: Omit<FinalDecision, 'at'>, now = Date.now()): FinalDecision {
  const record: DecisionRecord = withoutUndefined({ ...input, at: now });
  authorMap(doc, 'decisions').set(input.targetId, record);
  return record;
}

export function clearFinalDecision(doc: Y.Doc, targetId: string): void {
  authorMap(doc, 'decisions').delete(targetId);
}

export function setConclusionField<K extends keyof ConclusionFields>(
  doc: Y.Doc,
  field: K,
  value: ConclusionFields[K],
  now = Date.now(),
): void {
  authorMap(doc, 'conclusion').set(field, { value, at: now });
}

/** Everything one author wrote, validated; malformed entries are skipped, never trusted. */
export interface AuthorContent {
  annotations: Annotation[];
  replies: Reply[];
  verdicts: Verdict[];
  answers: ChecklistAnswer[];
  decisions: FinalDecision[];
  conclusion: Map<string, { value: unknown; at: number }>;
  /** Annotations kept in this doc under an id that is not this author's: never merged, only reported. */
  ignored: Array<{ id: string; reason: ForeignIdReason }>;
}

function validEntries<T>(doc: Y.Doc, name: AuthorMapName, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): Array<[string, T]> {
  const out: Array<[string, T]> = [];
  authorMap(doc, name).forEach((value, key) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) out.push([key, parsed.data]);
  });
  return out;
}

export function readAuthorDoc(doc: Y.Doc, authorId: string): AuthorContent {
  const ignored: AuthorContent['ignored'] = [];
  const annotations: Annotation[] = [];
  for (const [key, a] of validEntries(doc, 'annotations', AnnotationRecord)) {
    // An annotation is hers only under an id derived from her (record-ids.ts): one written under a
    // colleague's or a candidate's id would otherwise inherit the verdicts and decisions on that one.
    const problem = key === a.id ? annotationIdProblem(a.id, authorId) : 'malformed';
    if (problem) ignored.push({ id: key, reason: problem });
    else annotations.push({ ...(a as Omit<Annotation, 'authorId'>), authorId });
  }
  return {
    annotations,
    replies: validEntries(doc, 'replies', ReplyRecord).map(([, r]) => ({ ...r, authorId })),
    verdicts: validEntries(doc, 'verdicts', VerdictRecord).map(([, v]) => ({ ...v, authorId })),
    answers: validEntries(doc, 'answers', AnswerRecord).map(([, a]) => ({ ...a, authorId })),
    decisions: validEntries(doc, 'decisions', DecisionRecord).map(([, d]) => d),
    conclusion: new Map(validEntries(doc, 'conclusion', ConclusionFieldRecord) as Array<[string, { value: unknown; at: number }]>),
    ignored,
  };
}
