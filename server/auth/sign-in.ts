import type { Db } from '../storage/db';
import type { AppContext } from '../context';
import { audit } from '../audit';
import { AccountErrors } from './errors';
import { clearFailedSignIns, lockedUntil, recordFailedSignIn } from './lockout';
import { generatePassword, hashPassword, verifyPassword } from './passwords';
import { SlidingWindowLimiter } from './rate-limit';
import { findUserByEmail, type User } from './users';

/**
 * Failed sign-ins counted per client address and per e-mail (known or not, so the answer never
 * tells whether an account exists). The stored lock-out (lockout.ts) is the per-account rule that
 * survives a restart; these windows also slow down guessing across many accounts from one address.
 */
export interface SignInGuards {
  perAddress: SlidingWindowLimiter;
  perAccount: SlidingWindowLimiter;
}

const WINDOW_MS = 15 * 60_000;
const guards = new WeakMap<AppContext, SignInGuards>();

export function signInGuards(ctx: AppContext): SignInGuards {
  let existing = guards.get(ctx);
  if (!existing) {
    existing = { perAddress: new SlidingWindowLimiter(30, WINDOW_MS), perAccount: new SlidingWindowLimiter(5, WINDOW_MS) };
    guards.set(ctx, existing);
  }
  return existing;
}

/** Replaces the limits of one app (tests use small windows; an operator could tune them). */
export function configureSignInGuards(ctx: AppContext, next: SignInGuards): void {
  guards.set(ctx, next);
}

// Unknown e-mails are verified against this hash so they cost as much time as known ones.
let dummyHash: Promise<string> | undefined;
function timingDecoy(): Promise<string> {
  return (dummyHash ??= hashPassword(generatePassword()));
}

function minutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

export interface SignInAttempt {
  email: string;
  password: string;
  address: string;
}

/** Checks the credentials under the rate limits and the lock-out; throws a coded error or returns the user. */
export async function signIn(ctx: AppContext, attempt: SignInAttempt): Promise<User> {
  const db: Db = ctx.db;
  const { perAddress, perAccount } = signInGuards(ctx);
  const accountKey = attempt.email.trim().toLowerCase();
  const wait = Math.max(perAddress.retryAfterMs(attempt.address), perAccount.retryAfterMs(accountKey));
  if (wait > 0) {
    audit(db, { userId: null, action: 'user.login_throttled', target: accountKey, details: { address: attempt.address } });
    throw AccountErrors.TOO_MANY_ATTEMPTS({ minutes: minutes(wait) });
  }

  const record = findUserByEmail(db, attempt.email);
  const now = Date.now();
  const lockedAt = record ? lockedUntil(db, record.id, now) : null;
  const ok = await verifyPassword(attempt.password, record && !lockedAt ? record.passwordHash : await timingDecoy());
  if (lockedAt) {
    audit(db, { userId: record!.id, action: 'user.login_locked', target: accountKey });
    throw AccountErrors.TOO_MANY_ATTEMPTS({ minutes: minutes(lockedAt - now) });
  }
  if (!record || !ok) {
    perAddress.record(attempt.address);
    perAccount.record(accountKey);
    const lockedNow = record ? recordFailedSignIn(db, record.id, now) : null;
    audit(db, {
      userId: record?.id ?? null,
      action: lockedNow ? 'user.locked' : 'user.login_failed',
      target: accountKey,
      details: { address: attempt.address },
    });
    throw AccountErrors.BAD_CREDENTIALS();
  }
  clearFailedSignIns(db, record.id);
  perAccount.reset(accountKey);
  const { passwordHash: _hash, ...user } = record;
  return user;
}
