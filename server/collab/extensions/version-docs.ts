import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { clauseTreeToDoc } from '../../../shared/clause-doc';
import { upsertCandidates } from '../../../shared/collab/engine-doc';
import { CollabErrors, sharedDocOf } from '../../../shared/protocol';
import { draftSchema, DRAFT_FRAGMENT } from '../../../shared/schema';
import { analyseDraft } from '../../checklist/service';
import { getReview } from '../../reviews/store';
import { latestSeq, storedVersionTree } from '../../versions/store';
import { SERVER_ORIGIN } from '../room';
import type { CollabExtension } from '../extension';

/**
 * The TEXT and ENGINE docs of a later version of the draft (`text:<n>`, `engine:<n>`, issue 16). A
 * version is immutable once imported, so its TEXT doc is filled from the stored version once, on the
 * server, and nobody writes it after (policies.ts); its ENGINE doc gets the checklist engine's
 * candidates on that version the first time it loads. A doc of a version the review does not have
 * is refused, not made: a name in a message is no reason to create anything.
 */
export const versionDocs: CollabExtension = {
  name: 'version-docs',
  onLoadDocument({ deps, room, storedRows }) {
    const shared = sharedDocOf(room.name);
    if (!shared || shared.version < 2 || storedRows !== 0) return;
    // Versions are numbered without gaps and never removed: the latest number says which exist.
    if (shared.version > latestSeq(deps.db, room.reviewId)) throw CollabErrors.COLLAB_NO_SUCH_VERSION();
    if (shared.kind !== 'text') return; // the ENGINE doc is filled after the load, below
    const tree = storedVersionTree(deps.db, room.reviewId, shared.version)!;
    room.doc.transact(() => prosemirrorJSONToYXmlFragment(draftSchema, clauseTreeToDoc(tree).toJSON(), room.doc.getXmlFragment(DRAFT_FRAGMENT)), SERVER_ORIGIN);
  },
  async afterLoadDocument({ deps, room, storedRows }) {
    const shared = sharedDocOf(room.name);
    if (!shared || shared.kind !== 'engine' || shared.version < 2 || storedRows !== 0) return;
    const tree = storedVersionTree(deps.db, room.reviewId, shared.version);
    if (!tree) return;
    try {
      const checklistId = getReview(deps.db, room.reviewId)?.checklistId ?? undefined;
      const analysis = await analyseDraft(tree, checklistId ? { checklistId } : {});
      if (room.discarded || room.doc.isDestroyed) return;
      upsertCandidates(room.doc, analysis.checklist, analysis.findings, SERVER_ORIGIN);
    } catch (err) {
      console.error(`[collab] checklist analysis of version ${shared.version} of review ${room.reviewId} failed:`, err);
    }
  },
};
