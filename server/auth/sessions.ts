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

/** Starts a fresh session (a new id on every sign-in, so a planted id is never promoted). */
export function createSession(db: Db, userId: UserId, ttlMs: number): { sessionId: string; session: Session } {
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = Date.now();
  db.prepare('INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    hashId(sessionId),
    userId,
    csrfToken,
    now,
    now + ttlMs,
  );
  const user = getUser(db, userId);
  if (!user) throw new RangeError(`No active user ${userId}`);
  return { sessionId, session: { user, csrfToken, expiresAt: now + ttlMs } };
}

export function resolveSession(db: Db, sessionId: string | undefined): Session | null {
  if (!sessionId || sessionId.length > 200) return null;
  const row = db
    .prepare('SELECT user_id, csrf_token, expires_at FROM sessions WHERE id_hash = ?')
    .get(hashId(sessionId)) as { user_id: string; csrf_token: string; expires_at: number } | undefined;
  if (!row) return null;
  if (row.expires_at <= Date.now()) {
    destroySession(db, sessionId);
    return null;
  }
  const user = getUser(db, row.user_id as UserId);
  return user ? { user, csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
}

export function destroySession(db: Db, sessionId: string): void {
  db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashId(sessionId));
}

export function destroyUserSessions(db: Db, userId: UserId): void {
  db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
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
