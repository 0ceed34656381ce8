import type { UserId } from '../../shared/ids';
import type { Role } from '../../shared/roles';
import type { Db } from '../storage/db';

export interface Member {
  id: UserId;
  name: string;
  email: string;
  role: Role;
}

/** The experts on a review, by name. */
export function listMembers(db: Db, reviewId: string): Member[] {
  return db
    .prepare(
      `SELECT u.id, u.name, u.email, u.role FROM review_members m JOIN users u ON u.id = m.user_id
       WHERE m.review_id = ? ORDER BY u.name COLLATE NOCASE`,
    )
    .all(reviewId) as Member[];
}

/** Active experts, the people a secretary can put on a review. */
export function listExperts(db: Db): Member[] {
  return db
    .prepare("SELECT id, name, email, role FROM users WHERE role = 'expert' AND disabled = 0 ORDER BY name COLLATE NOCASE")
    .all() as Member[];
}

/** Adds the member; false when she already was one. */
export function addMember(db: Db, reviewId: string, userId: UserId): boolean {
  return db.prepare('INSERT OR IGNORE INTO review_members (review_id, user_id) VALUES (?, ?)').run(reviewId, userId).changes > 0;
}

/** Removes the member; false when she was not one. */
export function removeMember(db: Db, reviewId: string, userId: UserId): boolean {
  return db.prepare('DELETE FROM review_members WHERE review_id = ? AND user_id = ?').run(reviewId, userId).changes > 0;
}
