import express from 'express';
import { status as contract } from '../../shared/contract';
import type { UserId } from '../../shared/ids';
import type { AppContext } from '../context';
import { audit } from '../audit';
import { disconnectUserSockets } from '../auth/revocation';
import { requireReview } from '../auth/review-guard';
import { parseBody } from '../auth/routes';
import { sendJson } from '../http/send-json';
import { getReview } from './store';

/**
 * Issuing is what opens the conclusion to a committee: status 'issued' plus the committee whose
 * readers may read and download it. Only the secretary decides; the committee readers get no
 * working document either way (access.ts).
 */
export function mountReviewStatusRoutes(app: express.Express, ctx: AppContext): void {
  app.post('/api/reviews/:id/status', express.json({ limit: '4kb' }), (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, req.params.id, 'setStatus');
    const body = parseBody(contract.setStatus.body, req);
    const before = getReview(ctx.db, reviewId)!;
    const committee = body.status === 'issued' ? body.committee : before.committee;
    ctx.db.prepare('UPDATE reviews SET status = ?, committee = ? WHERE id = ?').run(body.status, committee, reviewId);
    audit(ctx.db, {
      userId: session.user.id,
      reviewId,
      action: body.status === 'issued' ? 'review.issued' : 'review.status_changed',
      target: committee,
      details: { before: { status: before.status, committee: before.committee }, after: { status: body.status, committee } },
    });
    // Readers who could read it before and cannot now lose their open connections.
    const readersBefore = before.status === 'issued' && before.committee ? before.committee : null;
    const readersAfter = body.status === 'issued' ? committee : null;
    if (readersBefore && readersBefore !== readersAfter) {
      const readers = ctx.db
        .prepare("SELECT id FROM users WHERE role = 'reader' AND committee = ?")
        .all(readersBefore) as { id: UserId }[];
      for (const reader of readers) {
        ctx.accessEvents.emit('revoked', { userId: reader.id, reviewId });
        disconnectUserSockets(ctx, reader.id);
      }
    }
    sendJson(res, contract.setStatus, { review: getReview(ctx.db, reviewId)! });
  });
}
