import type { Db } from '../storage/db';

/** Consecutive failed sign-ins that lock an account, and for how long. Stored, so a restart does not unlock. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60_000;

/** When the account is locked, the time it unlocks; otherwise null. */
export function lockedUntil(db: Db, userId: string, now: number): number | null {
  const row = db.prepare('SELECT locked_until FROM users WHERE id = ?').get(userId) as
    | { locked_until: number | null }
    | undefined;
  return row?.locked_until && row.locked_until > now ? row.locked_until : null;
}

/** Counts one failure; the threshold-th consecutive failure locks the account and restarts the count. */
export function recordFailedSignIn(db: Db, userId: string, now: number): number | null {
  db.prepare(
    `UPDATE users SET
       locked_until = CASE WHEN failed_logins + 1 >= @threshold THEN @until ELSE locked_until END,
       failed_logins = CASE WHEN failed_logins + 1 >= @threshold THEN 0 ELSE failed_logins + 1 END
     WHERE id = @id`,
  ).run({ id: userId, threshold: LOCKOUT_THRESHOLD, until: now + LOCKOUT_MS });
  return lockedUntil(db, userId, now);
}

export function clearFailedSignIns(db: Db, userId: string): void {
  db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(userId);
}
