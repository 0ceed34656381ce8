import { AnnotationRecord, HISTORY_LIMIT, ReplyRecord, type AnnotationVersionRecord, type ReplyVersionRecord } from './records';

/**
 * The edit history of an author's own records (docs/collaboration.md, "Edits and deletions"): what an
 * edit keeps, and the rules the server holds every change of an annotation or a reply to. The
 * history is deterministic — the version an edit replaces and the trimming are functions of the
 * record before it — so the server can tell an honest edit from one that hides what was said.
 */

/** What an edit of an annotation can change and its history keeps: the content, not the anchor or the status. */
export const ANNOTATION_CONTENT = ['body', 'criterionId', 'severity', 'polarity', 'proposedWording'] as const;

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The history with one more version, trimmed to HISTORY_LIMIT: the first version stays, the oldest after it go. */
export function appendVersion<V>(history: readonly V[] | undefined, version: V): V[] {
  const all = [...(history ?? []), version];
  return all.length <= HISTORY_LIMIT ? all : [all[0]!, ...all.slice(all.length - HISTORY_LIMIT + 1)];
}

/** The version of an annotation as it stands, from when it was last written. */
export function annotationVersion(record: AnnotationRecord): AnnotationVersionRecord {
  return withoutUndefined({
    at: record.editedAt ?? record.createdAt,
    body: record.body,
    criterionId: record.criterionId,
    severity: record.severity,
    polarity: record.polarity,
    proposedWording: record.proposedWording,
  });
}

export function replyVersion(record: ReplyRecord): ReplyVersionRecord {
  return { at: record.editedAt ?? record.createdAt, body: record.body };
}

export function annotationContentChanged(before: AnnotationRecord, after: AnnotationRecord): boolean {
  return ANNOTATION_CONTENT.some((key) => (before[key] ?? '') !== (after[key] ?? ''));
}

/** Why a change from `before` to `after` is no honest edit, or null. */
export type RewriteProblem = 'erased' | 'malformed' | 'identity' | 'undeleted' | 'deleted-edited' | 'history';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Checks a replacement of an author's record in her own doc. Her client may write anything there,
 * so the server holds each change to what author-doc.ts would write: the record keeps its id, kind,
 * target and creation time; a tombstone stays a tombstone with its words; and a change of content
 * puts exactly the replaced version at the end of the history, which is never rewritten.
 * `after` undefined: the record was removed outright, which would hide what was said.
 */
export function rewriteProblem(map: 'annotations' | 'replies', before: unknown, after: unknown, steps: 'one' | 'several' = 'one'): RewriteProblem | null {
  if (after === undefined) return 'erased';
  if (map === 'annotations') {
    const old = AnnotationRecord.safeParse(before);
    if (!old.success) return null; // junk before: nothing of hers to protect
    const parsed = AnnotationRecord.safeParse(after);
    if (!parsed.success) return 'malformed';
    const [b, a] = [old.data, parsed.data];
    if (a.id !== b.id || a.kind !== b.kind || a.createdAt !== b.createdAt) return 'identity';
    if (b.deletedAt !== undefined) {
      if (a.deletedAt !== b.deletedAt) return 'undeleted';
      if (annotationContentChanged(b, a) || !same(a.history, b.history)) return 'deleted-edited';
      return null;
    }
    return historyProblem(b.history, annotationContentChanged(b, a) ? appendVersion(b.history, annotationVersion(b)) : null, a.history, b.editedAt, a.editedAt, steps);
  }
  const old = ReplyRecord.safeParse(before);
  if (!old.success) return null;
  const parsed = ReplyRecord.safeParse(after);
  if (!parsed.success) return 'malformed';
  const [b, a] = [old.data, parsed.data];
  if (a.id !== b.id || a.targetId !== b.targetId || a.createdAt !== b.createdAt) return 'identity';
  if (b.deletedAt !== undefined) {
    if (a.deletedAt !== b.deletedAt) return 'undeleted';
    if (a.body !== b.body || !same(a.history, b.history)) return 'deleted-edited';
    return null;
  }
  return historyProblem(b.history, a.body !== b.body ? appendVersion(b.history, replyVersion(b)) : null, a.history, b.editedAt, a.editedAt, steps);
}

/**
 * One step: a changed content puts exactly the replaced version at the end of the history (`grown`),
 * an unchanged one leaves history and edit time alone. Several steps (offline edits whose versions
 * between arrive collected): the history still starts with what it had, and with the replaced version
 * when the content changed — as far as trimming leaves it to compare.
 */
function historyProblem<V>(before: V[] | undefined, grown: V[] | null, after: V[] | undefined, editedBefore: number | undefined, editedAfter: number | undefined, steps: 'one' | 'several'): 'history' | null {
  if (steps === 'one') {
    if (grown) return same(after, grown) && editedAfter !== undefined ? null : 'history';
    return same(after, before) && editedAfter === editedBefore ? null : 'history';
  }
  const kept = grown ?? before ?? [];
  const now = after ?? [];
  if (kept.length === 0) return null;
  if (now.length < kept.length) return 'history';
  if (now.length >= HISTORY_LIMIT) return same(now[0], kept[0]) ? null : 'history';
  return same(now.slice(0, kept.length), kept) && (grown === null || editedAfter !== undefined) ? null : 'history';
}
