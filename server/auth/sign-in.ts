import type { Db } from '../storage/db';
import type { AppContext } from '../context';
import { audit } from '../audit';
import { accountFailures, recordAccountFailure, withdrawAccountFailure } from './account-failures';
import { hashedSource } from './client-address';
import { AccountErrors, retryAfterSeconds, tooManyAttempts } from './errors';
import { isKnownSource, rememberKnownSource } from './known-sources';
import { clearPairFailures, pairRetryAfterMs, recordPairFailure, type PairKey } from './pair-failures';
import { generatePassword, hashPassword, verifyPassword } from './passwords';
import { SlidingWindowLimiter } from './rate-limit';
import { findUserByEmail, type User } from './users';

/**
 * Sign-in slows guessing down and never locks an account (OWASP Authentication Cheat Sheet, "Login
 * Throttling": a lock-out any stranger can trigger is a denial of service). Three rules, the longest
 * wait wins, and while one holds an attempt is refused before its password is checked:
 * - per (account, source) pair, stored: growing delays after 3 failures (pair-failures.ts);
 * - per account across sources, stored: growing delays after 20 failures in an hour, for sources
 *   that have not signed in to it in 30 days (account-failures.ts, known-sources.ts);
 * - per source across accounts, in memory: 30 failures in 15 minutes (credential stuffing).
 * Accounts are keyed by the e-mail as typed, known or not, so the answers never tell whether an
 * account exists; the stored users.locked_until is no longer read or written (migration 006).
 */
export interface SignInGuards {
  /** The clock of every rule; tests move it instead of waiting. */
  now: () => number;
  /** Failed sign-ins per source (a client address, an IPv6 client's /64: client-address.ts) across accounts. */
  perAddress: SlidingWindowLimiter;
  /** Wrong current passwords on the password-change form, per signed-in account (routes.ts). */
  passwordChange: SlidingWindowLimiter;
  /** Password-reset requests per client address (password-reset-routes.ts). */
  passwordReset: SlidingWindowLimiter;
}

const WINDOW_MS = 15 * 60_000;
export function defaultSignInGuards(now: () => number): SignInGuards {
  return {
    now,
    perAddress: new SlidingWindowLimiter(30, WINDOW_MS, now),
    passwordChange: new SlidingWindowLimiter(5, WINDOW_MS, now),
    passwordReset: new SlidingWindowLimiter(10, WINDOW_MS, now),
  };
}

/**
 * Replaces the clock or limits of one app (tests move the clock or widen the windows; an operator
 * could tune them). What is not given is the default, on the given clock.
 */
export function configureSignInGuards(ctx: AppContext, next: Partial<SignInGuards>): void {
  ctx.signInGuards = { ...defaultSignInGuards(next.now ?? Date.now), ...next };
}

// Unknown e-mails are verified against this hash so they cost as much time as known ones.
let dummyHash: Promise<string> | undefined;
function timingDecoy(): Promise<string> {
  return (dummyHash ??= hashPassword(generatePassword()));
}

export interface SignInAttempt {
  email: string;
  password: string;
  address: string;
}

type Rule = 'pair' | 'account' | 'address';

/** Checks the credentials under the sign-in rules; throws a coded error or returns the user. */
export async function signIn(ctx: AppContext, attempt: SignInAttempt): Promise<User> {
  const db: Db = ctx.db;
  const { now: clock, perAddress } = ctx.signInGuards;
  const now = clock();
  const account = attempt.email.trim().toLowerCase();
  const source = hashedSource(attempt.address);
  const pair: PairKey = { account, source };
  const record = findUserByEmail(db, attempt.email);
  // Asked for unknown e-mails too (of an id no account has), so both take the same path.
  const knownSource = isKnownSource(db, record?.id ?? '', source, now);
  const accountWide = accountFailures(db, account, now);

  const waits: Array<[Rule, number]> = [
    ['pair', pairRetryAfterMs(db, pair, now)],
    ['account', knownSource ? 0 : accountWide.retryAfterMs],
    ['address', perAddress.retryAfterMs(source)],
  ];
  const [rule, wait] = waits.reduce((longest, next) => (next[1] > longest[1] ? next : longest));
  if (wait > 0) {
    const refusal = tooManyAttempts(wait);
    audit(db, {
      userId: record?.id ?? null,
      action: 'user.login_throttled',
      target: account,
      details: { address: attempt.address, rule, retryAfterSeconds: retryAfterSeconds(refusal) },
    });
    throw refusal;
  }

  // Counted as a failure before the password is checked, with no await in between: attempts sent
  // in parallel each see the ones before them. A right password withdraws the count below.
  const pairFailures = recordPairFailure(db, pair, now);
  const accountFailure = recordAccountFailure(db, account, now);
  perAddress.record(source);

  const ok = await verifyPassword(attempt.password, record ? record.passwordHash : await timingDecoy());
  if (!record || !ok) {
    audit(db, {
      userId: record?.id ?? null,
      action: 'user.login_failed',
      target: account,
      details: { address: attempt.address, pairFailures, accountFailuresLastHour: accountWide.count + 1 },
    });
    throw AccountErrors.BAD_CREDENTIALS();
  }
  clearPairFailures(db, pair);
  withdrawAccountFailure(db, accountFailure);
  perAddress.withdraw(source);
  rememberKnownSource(db, record.id, source, now);
  const { passwordHash: _hash, ...user } = record;
  return user;
}
