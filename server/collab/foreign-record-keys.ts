import * as Y from 'yjs';
import { AUTHOR_MAPS } from '../../shared/collab/author-doc';
import { annotationIdProblem } from '../../shared/collab/record-ids';

/**
 * The annotation keys an update to `authorId`'s doc would create that are not ids of hers
 * (record-ids.ts): a colleague's finding id, an engine candidate's, anything else.
 *
 * Only a first write to a map key carries the key: a later write to the same key names the earlier
 * item as its origin and takes parent and key from it, so it cannot move a record under another key.
 * Reading the decoded structs therefore sees every key an update can add, whether or not the update
 * can be integrated yet (a dry run on an empty doc integrates nothing of a client that wrote before).
 */
export function foreignAnnotationKeys(update: Uint8Array, authorId: string): string[] {
  const foreign: string[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    // Decoded, not integrated: a first write's parent is still the root type's name.
    const parent: unknown = struct.parent;
    if (parent !== AUTHOR_MAPS.annotations || struct.parentSub === null) continue;
    if (annotationIdProblem(struct.parentSub, authorId) !== null) foreign.push(struct.parentSub);
  }
  return foreign;
}
