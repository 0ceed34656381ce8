import type { StatusBody } from '../../shared/contract/status';
import type { UserId } from '../../shared/ids';
import { audit } from '../audit';
import { disconnectUserSockets } from '../auth/revocation';
import type { AppContext } from '../context';
import { requireActiveCommittee } from '../committees/store';
import { ExportErrors } from '../export/errors';
import { storedDraft } from './current-draft';
import { dropIssuedCopy, keepIssuedCopy, type IssuedCopy } from './issued-copy';
import { getReview, type Review } from './store';
import { notifyConclusionIssued } from '../mail/notify';
import { versionForExport } from '../versions/for-export';
import { VersionErrors } from '../versions/errors';

/**
 * Issuing is what opens the conclusion to a committee: status 'issued' plus the committee whose
 * readers may read and download it; returning it to review or archiving closes it again. The change
 * and its audit entry are one transaction — there is no issued review without its record of who
 * issued it. The committee must be an active one of the registry (refused otherwise, nothing changed).
 * Issuing keeps the committee's copy (issued-copy.ts): the conclusion as it stands now is what the
 * committee reads until the review is returned. Readers who could read it before and cannot now lose
 * their open connections at once.
 */
export async function setReviewStatus(ctx: AppContext, reviewId: string, userId: string, change: StatusBody): Promise<Review> {
  // Refused before anything is read: loading the docs for the copy may seed them (a stored change).
  if (change.status === 'issued') requireActiveCommittee(ctx.db, change.committee);
  // The committee's copy is taken before the change, and kept in the same transaction as it.
  const copy = change.status === 'issued' ? await currentCopy(ctx, reviewId, change.reading) : null;
  const { before, committee } = ctx.db.transaction(() => {
    const before = getReview(ctx.db, reviewId)!;
    // Issued only to an active committee of the registry: its readers are the ones who will read it.
    const committee = change.status === 'issued' ? requireActiveCommittee(ctx.db, change.committee).code : before.committee;
    ctx.db.prepare('UPDATE reviews SET status = ?, committee = ? WHERE id = ?').run(change.status, committee, reviewId);
    if (copy) keepIssuedCopy(ctx.db, reviewId, copy);
    else dropIssuedCopy(ctx.db, reviewId);
    audit(ctx.db, {
      userId,
      reviewId,
      action: change.status === 'issued' ? 'review.issued' : 'review.status_changed',
      target: committee,
      details: { before: { status: before.status, committee: before.committee }, after: { status: change.status, committee } },
    });
    return { before, committee };
  })();
  const readersBefore = before.status === 'issued' && before.committee ? before.committee : null;
  const readersAfter = change.status === 'issued' ? committee : null;
  if (readersBefore && readersBefore !== readersAfter) {
    const readers = ctx.db.prepare("SELECT id FROM users WHERE role = 'reader' AND committee = ?").all(readersBefore) as { id: UserId }[];
    for (const reader of readers) {
      ctx.accessEvents.emit('revoked', { userId: reader.id, reviewId });
      disconnectUserSockets(ctx, reader.id);
    }
  }
  const after = getReview(ctx.db, reviewId)!;
  // The committee's staff learn of it by e-mail (when mail is configured), each time it is issued.
  if (change.status === 'issued') notifyConclusionIssued(ctx, after);
  return after;
}

/**
 * The model and clause tree the export would use now: what the committee's copy freezes. On a later
 * reading, that version's (its model says which: `draftVersion`), so the committee reads the
 * conclusion on the reading it was issued on.
 */
async function currentCopy(ctx: AppContext, reviewId: string, reading?: number): Promise<IssuedCopy> {
  const stored = storedDraft(ctx.db, reviewId);
  if (!stored) throw ExportErrors.EXPORT_NO_DRAFT();
  if (reading !== undefined) {
    const version = await versionForExport(ctx, reviewId, reading);
    if (!version) throw VersionErrors.VERSION_NOT_FOUND();
    return { issuedAt: Date.now(), ...version };
  }
  const [model, tree] = await Promise.all([ctx.reviewSource.model(ctx, reviewId), ctx.reviewSource.tree(ctx, reviewId, stored)]);
  return { issuedAt: Date.now(), model, tree };
}
