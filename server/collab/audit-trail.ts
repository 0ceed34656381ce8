import type * as Y from 'yjs';
import { AUTHOR_MAPS } from '../../shared/collab/author-doc';
import { draftFragment } from '../../shared/collab/text-doc';
import { audit } from '../audit';
import type { Db } from '../storage/db';
import { Connection, type Room } from './room';

/**
 * Who did what and when, read off the changes the server applied (never off what a client claims):
 * a Y.Map event lists the keys added, updated and deleted, and its transaction origin is the
 * connection that sent them.
 */
export function auditAuthorDoc(db: Db, room: Room): void {
  const map = (name: keyof typeof AUTHOR_MAPS) => room.doc.getMap<Record<string, unknown>>(AUTHOR_MAPS[name]);
  const watch = (
    name: keyof typeof AUTHOR_MAPS,
    describe: (key: string, action: 'add' | 'update' | 'delete', before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) => { action: string; details?: unknown } | null,
  ) => {
    const target = map(name);
    const observer = (event: Y.YMapEvent<Record<string, unknown>>) => {
      const origin = event.transaction.origin;
      if (!(origin instanceof Connection)) return;
      event.changes.keys.forEach((change, key) => {
        const entry = describe(key, change.action, change.oldValue as Record<string, unknown> | undefined, target.get(key));
        if (entry) audit(db, { userId: origin.user.id, reviewId: room.reviewId, target: key, ...entry });
      });
    };
    target.observe(observer);
    room.cleanup.push(() => target.unobserve(observer));
  };

  watch('annotations', (_key, action, before, after) => {
    if (action === 'add') return { action: 'annotation.created', details: { kind: after?.kind } };
    if (action === 'delete') return { action: 'annotation.deleted' };
    // A deletion is a tombstone (author-doc.ts deleteAnnotation): the record stays, with deletedAt.
    if (after?.deletedAt !== undefined && before?.deletedAt === undefined) return { action: 'annotation.deleted' };
    if (before?.status !== after?.status)
      return { action: after?.status === 'resolved' ? 'annotation.resolved' : 'annotation.reopened' };
    return { action: 'annotation.edited' };
  });
  watch('replies', (_key, action, before, after) => {
    if (action === 'add') return { action: 'reply.created', details: { targetId: after?.targetId } };
    if (after?.deletedAt !== undefined && before?.deletedAt === undefined) return { action: 'reply.deleted', details: { targetId: after.targetId } };
    if (action === 'update' && before?.body !== after?.body) return { action: 'reply.edited', details: { targetId: after?.targetId } };
    return null;
  });
  // A dismissal's reason is part of the record (the audit CSV is where dismissals are kept).
  const reason = (record: Record<string, unknown> | undefined, field: string) =>
    typeof record?.[field] === 'string' && record[field] ? { reason: record[field] } : {};
  watch('verdicts', (_key, action, _before, after) =>
    action === 'delete'
      ? { action: 'finding.verdict_withdrawn' }
      : { action: 'finding.verdict', details: { decision: after?.decision, ...(after?.decision === 'dismiss' ? reason(after, 'reason') : {}) } },
  );
  watch('answers', (_key, action, _before, after) =>
    action === 'delete' ? null : { action: 'checklist.answered', details: { criterionId: after?.criterionId, questionId: after?.questionId, value: after?.value } },
  );
  watch('decisions', (_key, action, _before, after) =>
    action === 'delete'
      ? { action: 'finding.decision_withdrawn' }
      : { action: 'finding.decided', details: { decision: after?.decision, ...(after?.decision === 'dismissed' ? reason(after, 'justification') : {}) } },
  );
  watch('conclusion', () => ({ action: 'conclusion.edited' }));
}

/** Typing produces an update per keystroke; the log gets one 'text.changed' per user per quiet spell. */
export const TEXT_AUDIT_DEBOUNCE_MS = 5000;

export function auditTextDoc(db: Db, room: Room, debounceMs = TEXT_AUDIT_DEBOUNCE_MS): void {
  const pending = new Map<string, { changes: number; first: number; timer: NodeJS.Timeout }>();
  const flush = (userId: string) => {
    const entry = pending.get(userId);
    if (!entry) return;
    clearTimeout(entry.timer);
    pending.delete(userId);
    audit(db, { userId, reviewId: room.reviewId, action: 'text.changed', details: { changes: entry.changes, since: entry.first } });
  };
  const fragment = draftFragment(room.doc);
  const observer = (_events: unknown, transaction: Y.Transaction) => {
    const origin = transaction.origin;
    if (!(origin instanceof Connection)) return;
    const userId = origin.user.id;
    const entry = pending.get(userId);
    if (entry) {
      entry.changes += 1;
      entry.timer.refresh();
    } else {
      const timer = setTimeout(() => flush(userId), debounceMs);
      timer.unref();
      pending.set(userId, { changes: 1, first: Date.now(), timer });
    }
  };
  fragment.observeDeep(observer);
  room.cleanup.push(() => {
    fragment.unobserveDeep(observer);
    for (const userId of [...pending.keys()]) flush(userId);
  });
}
