import express from 'express';
import type { Request } from 'express';
import { members as contract } from '../../shared/contract';
import { defineErrors } from '../../shared/errors';
import type { UserId } from '../../shared/ids';
import type { AppContext } from '../context';
import { audit } from '../audit';
import { revokeReviewAccess } from '../auth/revocation';
import { requireReview, requireVerb } from '../auth/review-guard';
import { parseBody } from '../auth/routes';
import { getUser } from '../auth/users';
import { sendJson } from '../http/send-json';
import { addMember, listExperts, listMembers, removeMember } from './members';

export const MemberErrors = defineErrors({
  NOT_AN_EXPERT: {
    status: 400,
    text: {
      ru: 'Участником экспертизы может быть только активный эксперт.',
      ky: 'Экспертизанын катышуучусу жигердүү эксперт гана боло алат.',
      en: 'Only an active expert can be a member of a review.',
    },
  },
  NOT_A_MEMBER: {
    status: 404,
    text: {
      ru: 'Этот пользователь не участвует в экспертизе.',
      ky: 'Бул колдонуучу экспертизага катышпайт.',
      en: 'This user is not a member of the review.',
    },
  },
});

// The review id comes from the parent path (mergeParams), which Express's types do not see.
function reviewIdParam(req: Request): unknown {
  return (req.params as Record<string, unknown>).id;
}

/**
 * Who works on a review. The secretary puts experts on a review and takes them off; the experts on
 * it see who their colleagues are. Removing an expert ends her live connection to the review at once.
 */
export function mountMemberRoutes(app: express.Express, ctx: AppContext): void {
  const router = express.Router({ mergeParams: true });
  router.use(express.json({ limit: '4kb' }));

  router.get('/', (req, res) => {
    const { reviewId } = requireReview(req, ctx.db, reviewIdParam(req), 'readWorkingDocs');
    sendJson(res, contract.listMembers, { members: listMembers(ctx.db, reviewId) });
  });

  router.post('/', (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, reviewIdParam(req), 'manageMembers');
    const { userId } = parseBody(contract.addMember.body, req);
    const user = getUser(ctx.db, userId as UserId);
    if (!user || user.role !== 'expert') throw MemberErrors.NOT_AN_EXPERT();
    const added = addMember(ctx.db, reviewId, user.id);
    if (added) audit(ctx.db, { userId: session.user.id, reviewId, action: 'review.member_added', target: user.id });
    sendJson(res, contract.addMember, { members: listMembers(ctx.db, reviewId) }, added ? 201 : 200);
  });

  router.delete('/:userId', (req, res) => {
    const { session, reviewId } = requireReview(req, ctx.db, reviewIdParam(req), 'manageMembers');
    const userId = String(req.params.userId) as UserId;
    if (!removeMember(ctx.db, reviewId, userId)) throw MemberErrors.NOT_A_MEMBER();
    audit(ctx.db, { userId: session.user.id, reviewId, action: 'review.member_removed', target: userId });
    revokeReviewAccess(ctx, userId, reviewId);
    sendJson(res, contract.removeMember, { members: listMembers(ctx.db, reviewId) });
  });

  app.use('/api/reviews/:id/members', router);

  /** The experts a secretary can choose from. */
  app.get('/api/experts', (req, res) => {
    requireVerb(req, 'listExperts');
    sendJson(res, contract.listExperts, { experts: listExperts(ctx.db) });
  });
}
