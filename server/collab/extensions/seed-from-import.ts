import { SERVER_ORIGIN } from '../room';
import { seedTextDoc } from '../seed';
import type { CollabExtension } from '../extension';

/** The draft's TEXT doc, never stored yet, is filled from the import (on the server only: docs/collaboration.md, "Why it is built this way"). */
export const seedFromImport: CollabExtension = {
  name: 'seed-from-import',
  onLoadDocument({ deps, room, storedRows }) {
    if (storedRows === 0 && room.name === 'text') seedTextDoc(deps.db, room.reviewId, room.doc, SERVER_ORIGIN);
  },
};
