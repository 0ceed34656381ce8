import { mergeReviewModel, type AuthorDocInput } from '../../shared/collab/merge';
import type * as Y from 'yjs';
import { authorOfDoc, engineDocName, textDocName, type DocName } from '../../shared/protocol';
import type { CandidateFinding, ReviewModel } from '../../shared/review-model';
import { reviewPolicy } from '../auth/policies';
import { getUser } from '../auth/users';
import type { AppContext } from '../context';
import type { UserId } from '../../shared/ids';
import type { Room } from './room';

/** Every author doc a review has: stored ones and ones only in memory so far. */
function authorDocNames(ctx: AppContext, reviewId: string): DocName[] {
  const hub = ctx.collab;
  const names = new Set<string>(hub.log.docs(reviewId));
  for (const room of hub.rooms.values()) if (room.reviewId === reviewId) names.add(room.name);
  return [...names].filter((n) => authorOfDoc(n as DocName) !== null).sort() as DocName[];
}

/**
 * The merged review model of one review, from live docs where they are loaded and from SQLite
 * otherwise (the export and the HTTP API call this); of version 1 of the draft unless `version` says
 * another (its TEXT doc, the ENGINE docs up to it: shared/collab/merge.ts). Author docs of people who are no longer
 * participants still count: their work was done while they were.
 */
export async function loadReviewModel(
  ctx: AppContext,
  reviewId: string,
  options: { withText?: boolean; version?: number } = {},
): Promise<ReviewModel> {
  const hub = ctx.collab;
  const withText = options.withText ?? true;
  const version = options.version ?? 1;
  const laterEngineNames = Array.from({ length: Math.max(0, version - 1) }, (_, i) => engineDocName(i + 2));
  const names: DocName[] = [...(withText ? [textDocName(version)] : []), 'engine', ...laterEngineNames, ...authorDocNames(ctx, reviewId)];
  const rooms: Room[] = [];
  try {
    for (const name of names) {
      const room = await hub.acquire(reviewId, name);
      room.holds += 1;
      rooms.push(room);
    }
    const byName = new Map(rooms.map((r) => [r.name, r]));
    const authors: AuthorDocInput[] = [];
    for (const room of rooms) {
      const userId = authorOfDoc(room.name);
      if (userId === null) continue;
      const user = getUser(ctx.db, userId as UserId);
      const secretary = (user && reviewPolicy(ctx.db, user, reviewId)?.decidesForTheReview) || user?.role === 'secretary';
      authors.push({ userId, role: secretary ? 'secretary' : 'expert', doc: room.doc });
    }
    const laterEngines = new Map<number, Y.Doc>();
    for (const [i, name] of laterEngineNames.entries()) laterEngines.set(i + 2, byName.get(name)!.doc);
    return mergeReviewModel({
      reviewId,
      textDoc: byName.get(textDocName(version))?.doc ?? null,
      engine: byName.get('engine')?.doc ?? null,
      authors,
      version,
      laterEngines,
    });
  } finally {
    for (const room of rooms) {
      room.holds -= 1;
      hub.unloadIfIdle(room);
    }
  }
}

/**
 * Upserts the checklist engine's candidates into the review's ENGINE doc (of version `version` of the draft) by stable id and takes back
 * the ids in `withdraw`; connected clients see both at once. Returns how many findings were new or
 * changed, and how many were removed.
 */
export function writeCandidates(
  ctx: AppContext,
  reviewId: string,
  checklist: { id: string; version: string },
  findings: CandidateFinding[],
  withdraw: readonly string[] = [],
  version = 1,
): Promise<{ changed: number; removed: number }> {
  return ctx.collab.writeCandidates(reviewId, checklist, findings, withdraw, version);
}
