import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../storage/db';
import { getUser, type User } from './users';
import type { UserId } from '../../shared/ids';

export const SESSION_COOKIE = 'tendik_session';

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: number;
}

// Only a hash of the session id is stored: a leaked database does not hand out live sessions.
function hashId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** However active, a session ends this long after sign-in: a stolen cookie is not good forever. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;

/** Starts a fresh session (a new id on every sign-in, so a planted id is never promoted). */
export function createSession(db: Db, userId: UserId, ttlMs: number): { sessionId: string; session: Session } {
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = Date.now();
  const absolute = now + Math.max(ttlMs, SESSION_ABSOLUTE_MS);
  db.prepare(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at, absolute_expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(hashId(sessionId), userId, csrfToken, now, now + ttlMs, now, absolute);
  const user = getUser(db, userId);
  if (!user) throw new RangeError(`No active user ${userId}`);
  return { sessionId, session: { user, csrfToken, expiresAt: now + ttlMs } };
}

export function resolveSession(db: Db, sessionId: string | undefined): Session | null {
  if (!sessionId || sessionId.length > 200) return null;
  const row = db
    .prepare('SELECT user_id, csrf_token, expires_at, absolute_expires_at FROM sessions WHERE id_hash = ?')
    .get(hashId(sessionId)) as
    | { user_id: string; csrf_token: string; expires_at: number; absolute_expires_at: number | null }
    | undefined;
  if (!row) return null;
  const now = Date.now();
  if (row.expires_at <= now || (row.absolute_expires_at !== null && row.absolute_expires_at <= now)) {
    destroySession(db, sessionId);
    return null;
  }
  const user = getUser(db, row.user_id as UserId);
  return user ? { user, csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
}

/**
 * Sliding renewal: an active session's idle expiry moves to now + ttl (never past the absolute end).
 * Written at most once per renewal step, so reading pages does not turn into a write per request.
 * Returns the new expiry when it moved, otherwise null.
 */
export function renewSession(db: Db, sessionId: string, ttlMs: number, now = Date.now()): number | null {
  const step = Math.min(ttlMs / 10, 5 * 60_000);
  const result = db
    .prepare(
      `UPDATE sessions SET expires_at = MIN(@next, COALESCE(absolute_expires_at, @next)), last_seen_at = @now
       WHERE id_hash = @id AND expires_at > @now AND expires_at < @next - @step
       RETURNING expires_at`,
    )
    .get({ id: hashId(sessionId), next: now + ttlMs, now, step }) as { expires_at: number } | undefined;
  return result ? result.expires_at : null;
}

export function destroySession(db: Db, sessionId: string): void {
  db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashId(sessionId));
}

export function destroyUserSessions(db: Db, userId: UserId): void {
  db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
}

/** Deletes expired sessions; run now and then so the table does not grow with abandoned sign-ins. */
export function purgeExpiredSessions(db: Db, now = Date.now()): number {
  return db
    .prepare('DELETE FROM sessions WHERE expires_at <= ? OR (absolute_expires_at IS NOT NULL AND absolute_expires_at <= ?)')
    .run(now, now).changes;
}

/** Reads one cookie from a raw Cookie header (HTTP requests and socket.io handshakes alike). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function sessionFromCookieHeader(db: Db, header: string | undefined): Session | null {
  return resolveSession(db, readCookie(header, SESSION_COOKIE));
}
