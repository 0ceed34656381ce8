import type { Db } from '../storage/db';
import type { User } from './users';

/**
 * What kind of access a user has to one review — "who" she is to it; what each kind may do is the
 * policies' (policies.ts). Decided here and nowhere else, for HTTP routes and socket events alike:
 * - 'secretary': reads everything, writes the TEXT doc, her author doc (conclusion, final decisions);
 * - 'expert': a member; reads the working docs, writes only her own author doc;
 * - 'reader': committee staff; reads the issued conclusion of a review shared with her committee, never
 *   the working docs.
 */
export type ReviewAccess = 'secretary' | 'expert' | 'reader';

export function reviewAccess(db: Db, user: User, reviewId: string): ReviewAccess | null {
  const review = db.prepare('SELECT status, committee FROM reviews WHERE id = ?').get(reviewId) as
    | { status: string; committee: string | null }
    | undefined;
  if (!review) return null;
  switch (user.role) {
    case 'secretary':
      return 'secretary';
    case 'expert': {
      const member = db.prepare('SELECT 1 FROM review_members WHERE review_id = ? AND user_id = ?').get(reviewId, user.id);
      return member ? 'expert' : null;
    }
    case 'reader':
      return review.status === 'issued' && review.committee !== null && review.committee === user.committee
        ? 'reader'
        : null;
    case 'admin':
      return null;
  }
}
