import type { Db } from '../storage/db';

/**
 * Sources (hashed, client-address.ts) each account signed in from successfully in the last 30 days
 * (table sign_in_known_sources). They are exempt from the account-wide ceiling, so a guesser spread
 * over many addresses slows down strangers, not the owner at her usual desk. 30 days covers a
 * holiday; a longer memory would keep exempting addresses the owner no longer uses.
 */
export const KNOWN_SOURCE_MS = 30 * 24 * 60 * 60_000;

export function isKnownSource(db: Db, userId: string, source: string, now: number): boolean {
  return (
    db
      .prepare('SELECT 1 FROM sign_in_known_sources WHERE user_id = ? AND source = ? AND last_success_at > ?')
      .get(userId, source, now - KNOWN_SOURCE_MS) !== undefined
  );
}

export function rememberKnownSource(db: Db, userId: string, source: string, now: number): void {
  db.prepare('DELETE FROM sign_in_known_sources WHERE last_success_at <= ?').run(now - KNOWN_SOURCE_MS);
  db.prepare(
    `INSERT INTO sign_in_known_sources (user_id, source, last_success_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id, source) DO UPDATE SET last_success_at = excluded.last_success_at`,
  ).run(userId, source, now);
}
