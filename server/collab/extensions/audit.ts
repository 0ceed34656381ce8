import { auditAuthorDoc, auditTextDoc } from '../audit-trail';
import type { CollabExtension } from '../extension';

/** Who did what, read off the changes the server applies (audit-trail.ts). */
export const auditChanges: CollabExtension = {
  name: 'audit',
  afterLoadDocument({ deps, room }) {
    if (room.name === 'text') auditTextDoc(deps.db, room);
    else if (room.name.startsWith('author:')) auditAuthorDoc(deps.db, room);
  },
};
