import type { Db } from '../storage/db';
import { growingDelayMs } from './growing-delay';

/**
 * The account-wide ceiling, for guessing spread over many sources (table sign_in_account_failures,
 * one row per failure of the last hour). When an account's last hour holds 20 or more failures, from
 * any sources, a source that has not signed in to it lately (known-sources.ts) waits 2^(m−20) s after
 * the account's latest failure, m being the failures of that hour, at most 15 minutes.
 *
 * Why these numbers: 20 an hour is far above what the owner produces (her own pair is slowed after 3)
 * and more than one source can reach (the pair rule holds it to 15 in its first hour), so only a
 * spread-out guess trips it. Tripped, all unfamiliar sources together get about 25 guesses an hour,
 * 600 a day (the rate where 2^(m−20) s ≈ 1 h / m). It slows and never refuses for good: the wait is
 * at most 15 minutes, and the owner's own sources are exempt. A longer window would slow spread-out
 * guessing further (24 h: ~100 a day) at the price of slowing a new address of hers for longer.
 */
export const ACCOUNT_CEILING = 20;
export const ACCOUNT_WINDOW_MS = 60 * 60_000;

export interface AccountFailures {
  /** Failures of the account in the last hour. */
  count: number;
  /** Milliseconds an unfamiliar source must still wait, or 0. */
  retryAfterMs: number;
}

export function accountFailures(db: Db, account: string, now: number): AccountFailures {
  const row = db
    .prepare('SELECT COUNT(*) AS count, MAX(at) AS last FROM sign_in_account_failures WHERE account = ? AND at > ?')
    .get(account, now - ACCOUNT_WINDOW_MS) as { count: number; last: number | null };
  const wait = row.last === null ? 0 : row.last + growingDelayMs(row.count, ACCOUNT_CEILING) - now;
  return { count: row.count, retryAfterMs: Math.max(0, wait) };
}

/** Counts one failure of the account at `now` and returns its id (to withdraw it); drops rows older than the window. */
export function recordAccountFailure(db: Db, account: string, now: number): number {
  db.prepare('DELETE FROM sign_in_account_failures WHERE at <= ?').run(now - ACCOUNT_WINDOW_MS);
  return Number(db.prepare('INSERT INTO sign_in_account_failures (account, at) VALUES (?, ?)').run(account, now).lastInsertRowid);
}

/** Withdraws a failure counted before the password was checked, once the password proved right. */
export function withdrawAccountFailure(db: Db, id: number): void {
  db.prepare('DELETE FROM sign_in_account_failures WHERE id = ?').run(id);
}
