import * as Y from 'yjs';
import { AUTHOR_MAPS } from '../../shared/collab/author-doc';
import { isLegacyAnnotationId } from '../../shared/collab/record-ids';
import { authorOfDoc, type DocName } from '../../shared/protocol';
import type { Db } from '../storage/db';
import { UpdateLog } from './update-log';

export interface QualifiedIds {
  reviews: number;
  annotations: number;
  references: number;
}

/**
 * Annotations made before ids named their author (record-ids.ts) have a bare uuid, and verdicts,
 * replies and decisions refer to them by it. This gives each such annotation the id
 * `<authorId>:<uuid>` in its author's doc and rewrites every reference to it, once, as the server
 * starts, before any client connects; the rewrite is stored as one more update of each doc, so clients
 * holding an older copy receive it like any change. A bare id found in two docs was forged by one
 * of them: the owner is whoever the audit log saw create it first; the other copy stays bare, which
 * the merge ignores and reports.
 */
export function qualifyLegacyRecordIds(db: Db): QualifiedIds {
  const log = new UpdateLog(db);
  const result: QualifiedIds = { reviews: 0, annotations: 0, references: 0 };
  const reviews = db.prepare(`SELECT DISTINCT review_id AS id FROM collab_updates WHERE doc LIKE 'author:%'`).all() as Array<{ id: string }>;
  const firstCreator = db.prepare(
    `SELECT user_id AS userId FROM audit_log WHERE review_id = ? AND action = 'annotation.created' AND target = ? ORDER BY seq LIMIT 1`,
  );
  for (const { id: reviewId } of reviews) {
    const docs = log
      .docs(reviewId)
      .filter((name) => authorOfDoc(name as DocName) !== null)
      .map((name) => {
        const doc = new Y.Doc();
        log.load(reviewId, name, doc, null);
        return { name, owner: authorOfDoc(name as DocName)!, doc };
      });
    const claims = new Map<string, string[]>();
    for (const { owner, doc } of docs)
      for (const key of doc.getMap(AUTHOR_MAPS.annotations).keys())
        if (isLegacyAnnotationId(key)) claims.set(key, [...(claims.get(key) ?? []), owner]);
    if (claims.size === 0) continue;
    const ownerOf = new Map<string, string>();
    for (const [key, owners] of claims) {
      const owner = owners.length === 1 ? owners[0] : (firstCreator.get(reviewId, key) as { userId: string } | undefined)?.userId;
      if (owner && owners.includes(owner)) ownerOf.set(key, owner);
    }
    const qualified = (key: string) => {
      const owner = ownerOf.get(key);
      return owner ? `${owner}:${key}` : null;
    };
    db.transaction(() => {
      for (const { name, owner, doc } of docs) {
        const updates: Uint8Array[] = [];
        doc.on('update', (update: Uint8Array) => updates.push(update));
        doc.transact(() => {
          const annotations = doc.getMap<Record<string, unknown>>(AUTHOR_MAPS.annotations);
          for (const [key, value] of [...annotations.entries()]) {
            const id = qualified(key);
            if (!id || ownerOf.get(key) !== owner) continue;
            annotations.delete(key);
            annotations.set(id, { ...value, id });
            result.annotations += 1;
          }
          const replies = doc.getMap<Record<string, unknown>>(AUTHOR_MAPS.replies);
          for (const [key, value] of [...replies.entries()]) {
            const target = typeof value?.targetId === 'string' ? qualified(value.targetId) : null;
            if (!target) continue;
            replies.set(key, { ...value, targetId: target });
            result.references += 1;
          }
          // Verdicts and decisions are kept under the id of the finding they are about.
          for (const mapName of [AUTHOR_MAPS.verdicts, AUTHOR_MAPS.decisions]) {
            const map = doc.getMap<Record<string, unknown>>(mapName);
            for (const [key, value] of [...map.entries()]) {
              const target = qualified(key);
              if (!target) continue;
              map.delete(key);
              map.set(target, { ...value, targetId: target });
              result.references += 1;
            }
          }
        });
        for (const update of updates) log.append(reviewId, name, update);
        doc.destroy();
      }
    })();
    result.reviews += 1;
  }
  return result;
}
