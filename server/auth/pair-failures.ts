import type { Db } from '../storage/db';
import { growingDelayMs } from './growing-delay';

/**
 * Consecutive failed sign-ins per (account, source) pair, stored (table sign_in_pair_failures), so a
 * restart does not reset them. The account is the e-mail as typed (trimmed, lower-cased), known or
 * not, so an unknown address is counted exactly like a known one.
 *
 * The first 3 failures of a pair are free (typos); after its n-th (n ≥ 3) the pair waits 2^(n−3) s:
 * 1, 2, 4 … 512 s, and 15 minutes per attempt from the 13th failure on. One source guessing one
 * password gets 13 tries in the first 17 minutes, 4 an hour after that (~100 a day); the owner at
 * another source is not touched by any of it. A correct password clears the pair.
 */
export const PAIR_FREE_FAILURES = 3;

/** A pair quiet this long is forgotten (it only keeps the table small; a guesser keeps hers alive). */
export const PAIR_MEMORY_MS = 24 * 60 * 60_000;

export interface PairKey {
  account: string;
  source: string;
}

interface PairRow {
  failures: number;
  last_failure_at: number;
}

/** Milliseconds this pair must still wait before its next attempt, or 0. */
export function pairRetryAfterMs(db: Db, pair: PairKey, now: number): number {
  const row = db
    .prepare('SELECT failures, last_failure_at FROM sign_in_pair_failures WHERE account = ? AND source = ?')
    .get(pair.account, pair.source) as PairRow | undefined;
  if (!row || row.last_failure_at < now - PAIR_MEMORY_MS) return 0;
  return Math.max(0, row.last_failure_at + growingDelayMs(row.failures, PAIR_FREE_FAILURES) - now);
}

/** Counts one failure of the pair at `now` and returns its consecutive failures; forgets quiet pairs. */
export function recordPairFailure(db: Db, pair: PairKey, now: number): number {
  db.prepare('DELETE FROM sign_in_pair_failures WHERE last_failure_at < ?').run(now - PAIR_MEMORY_MS);
  const row = db
    .prepare(
      `INSERT INTO sign_in_pair_failures (account, source, failures, last_failure_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (account, source) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at
       RETURNING failures`,
    )
    .get(pair.account, pair.source, now) as { failures: number };
  return row.failures;
}

export function clearPairFailures(db: Db, pair: PairKey): void {
  db.prepare('DELETE FROM sign_in_pair_failures WHERE account = ? AND source = ?').run(pair.account, pair.source);
}
