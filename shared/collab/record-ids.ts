import type { IgnoredRecord } from '../review-model';

/**
 * Ids of the records others refer to. Verdicts, replies and the secretary's decisions name the finding
 * or comment they are about by id, and the merge binds them by that id. An id must therefore say
 * whose it is, or one expert could write a record under a colleague's id (or an engine candidate's)
 * and inherit the decisions taken on it (docs/security.md, "Records and their owners").
 *
 * - An annotation's id is `<authorId>:<uuid>`: derived from its author, it cannot collide with
 *   another author's, and the merge accepts it only from that author's own doc.
 * - A candidate's id is `cf-<hash>`, made by the engine on the server (ENGINE doc, server-written).
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// The author part is a user id (a uuid on the server; tests and tools may use shorter names).
const ANNOTATION_ID = new RegExp(`^([^:\\s]{1,64}):(${UUID})$`);
const BARE_UUID = new RegExp(`^${UUID}$`);
const ENGINE_ID = /^cf-[0-9a-z]+$/;

/** A fresh annotation id of this author. */
export function newAnnotationId(authorId: string): string {
  return `${authorId}:${globalThis.crypto.randomUUID()}`;
}

/** The author an annotation id names, or null when it is not an annotation id. */
export function annotationIdOwner(id: string): string | null {
  return ANNOTATION_ID.exec(id)?.[1] ?? null;
}

export function isEngineId(id: string): boolean {
  return ENGINE_ID.test(id);
}

/** An annotation id written before ids named their author (migrated on the server, see legacy-record-ids). */
export function isLegacyAnnotationId(id: string): boolean {
  return BARE_UUID.test(id);
}

/** Why an annotation in `authorId`'s doc is not taken as hers. */
export type ForeignIdReason = IgnoredRecord['reason'];

/** Null when `id` is a proper id of an annotation by `authorId`; otherwise the reason it is not. */
export function annotationIdProblem(id: string, authorId: string): ForeignIdReason | null {
  const owner = annotationIdOwner(id);
  if (owner !== null) return owner === authorId ? null : 'other-author';
  if (isEngineId(id)) return 'engine-id';
  if (isLegacyAnnotationId(id)) return 'legacy-id';
  return 'malformed';
}
