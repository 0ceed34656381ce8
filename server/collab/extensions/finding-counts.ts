import { noteReviewChanged } from '../../reviews/finding-counts';
import { isTextDoc } from '../../../shared/protocol';
import type { CollabExtension } from '../extension';

/** Every stored change of the findings' docs makes the review list's counts stale (reviews/finding-counts.ts). */
export const findingCounts: CollabExtension = {
  name: 'finding-counts',
  onChange({ deps, room }) {
    if (!isTextDoc(room.name)) noteReviewChanged(deps.db, room.reviewId);
  },
};
