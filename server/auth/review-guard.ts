import type { Request } from 'express';
import { defineErrors } from '../../shared/errors';
import type { Db } from '../storage/db';
import { AuthErrors, requireSession } from '../http/session';
import type { Session } from './sessions';
import { canDo, reviewPolicy, type GlobalVerb, type ReviewPolicy, type ReviewVerb } from './policies';

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
 * The HTTP face of the review policies: signed in, able to see the review (otherwise 404, so that
 * outsiders do not learn which reviews exist), and allowed the verb (otherwise 403).
 */
export function requireReview(req: Request, db: Db, reviewId: unknown, verb: ReviewVerb): { session: Session; policy: ReviewPolicy; reviewId: string } {
  const session = requireSession(req);
  const id = typeof reviewId === 'string' && reviewId.length <= 64 ? reviewId : null;
  const policy = id === null ? null : reviewPolicy(db, session.user, id);
  if (policy === null) throw ReviewGuardErrors.REVIEW_NOT_FOUND();
  if (!policy.can(verb)) throw AuthErrors.FORBIDDEN();
  return { session, policy, reviewId: policy.reviewId };
}

/** Signed in and allowed a verb that concerns no one review (importing, the accounts, the audit log). */
export function requireVerb(req: Request, verb: GlobalVerb): Session {
  const session = requireSession(req);
  if (!canDo(session.user, verb)) throw AuthErrors.FORBIDDEN();
  return session;
}
