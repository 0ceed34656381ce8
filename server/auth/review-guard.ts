import type { Request } from 'express';
import { defineErrors } from '../../shared/errors';
import type { Db } from '../storage/db';
import { AuthErrors, requireSession } from '../http/session';
import type { Session } from './sessions';
import { reviewAccess, type ReviewAccess } from './access';

export const ReviewGuardErrors = defineErrors({
  REVIEW_NOT_FOUND: {
    status: 404,
    text: {
      ru: 'Экспертиза не найдена или недоступна вам.',
      ky: 'Экспертиза табылган жок же сизге жеткиликсиз.',
      en: 'Review not found, or not open to you.',
    },
  },
});

/**
 * The HTTP face of reviewAccess(): signed in, able to see the review (otherwise 404, so that
 * outsiders do not learn which reviews exist), and holding one of the allowed kinds of access
 * (otherwise 403).
 */
export function requireReviewAccess(
  req: Request,
  db: Db,
  reviewId: unknown,
  ...allowed: ReviewAccess[]
): { session: Session; access: ReviewAccess; reviewId: string } {
  const session = requireSession(req);
  const id = typeof reviewId === 'string' && reviewId.length <= 64 ? reviewId : null;
  const access = id === null ? null : reviewAccess(db, session.user, id);
  if (access === null) throw ReviewGuardErrors.REVIEW_NOT_FOUND();
  if (!allowed.includes(access)) throw AuthErrors.FORBIDDEN();
  return { session, access, reviewId: id! };
}
