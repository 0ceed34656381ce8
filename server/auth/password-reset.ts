import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { UserId } from '../../shared/ids';
import type { Db } from '../storage/db';
import { AccountErrors } from './errors';
import { findUserByEmail, getUser, type User } from './users';

/**
 * Password reset by e-mail link (docs/security.md, "Password reset"). The token is 256 random bits,
 * sent only in the mail's link (in its fragment, so no server log or Referer ever carries it); the
 * database keeps its SHA-256. A link expires after an hour, works once, and a new request or a
 * completed reset voids the others. At most REQUESTS_PER_HOUR links per account an hour: more
 * requests are answered the same and send nothing, so nobody can flood a colleague's mailbox, and
 * the answer never says whether an account exists.
 */
export const RESET_TTL_MS = 60 * 60_000;
export const REQUESTS_PER_HOUR = 3;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type ResetRequest = { kind: 'created'; user: User; token: string; expiresAt: number } | { kind: 'unknown' } | { kind: 'throttled'; user: User };

/** A new link for the active account with this address, unless it has had its quota this hour. */
export function createPasswordReset(db: Db, email: string, now = Date.now()): ResetRequest {
  const user = findUserByEmail(db, email);
  if (!user) return { kind: 'unknown' };
  return db.transaction((): ResetRequest => {
    const recent = (db.prepare('SELECT COUNT(*) AS n FROM password_resets WHERE user_id = ? AND created_at > ?').get(user.id, now - 3600_000) as { n: number }).n;
    const plain: User = { id: user.id, email: user.email, name: user.name, role: user.role, committee: user.committee };
    if (recent >= REQUESTS_PER_HOUR) return { kind: 'throttled', user: plain };
    // Only the newest link works.
    db.prepare('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(now, user.id);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + RESET_TTL_MS;
    db.prepare('INSERT INTO password_resets (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(randomUUID(), user.id, hashToken(token), now, expiresAt);
    return { kind: 'created', user: plain, token, expiresAt };
  })();
}

/** The account a usable token resets, or RESET_INVALID without saying which check failed. */
export function findUsableReset(db: Db, token: string, now = Date.now()): { id: string; user: User } {
  const row = db.prepare('SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = ?').get(hashToken(token)) as
    | { id: string; user_id: string; expires_at: number; used_at: number | null }
    | undefined;
  const user = row ? getUser(db, row.user_id as UserId) : undefined;
  if (!row || !user || row.used_at !== null || row.expires_at <= now) throw AccountErrors.RESET_INVALID();
  return { id: row.id, user };
}

/**
 * Spends the token (and voids the account's other links) in one transaction that checks again that
 * it is unspent: two tabs submitting the same link cannot both set a password.
 */
export function spendReset(db: Db, resetId: string, userId: string, now = Date.now()): void {
  const spent = db.prepare('UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?').run(now, resetId, now);
  if (spent.changes === 0) throw AccountErrors.RESET_INVALID();
  db.prepare('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(now, userId);
}
